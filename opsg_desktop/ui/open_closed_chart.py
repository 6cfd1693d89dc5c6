"""A small painted chart: actions open and closed at each of the last twelve meetings.

Two bars per meeting (open in the palette's highlight colour, closed in its
mid tone), the count above each bar and the meeting number below.  Painted
with QPainter so the bundle needs no QtCharts (PySide6-Addons).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from opsg_desktop.core.action_stats import MeetingCounts


class OpenClosedChart(QWidget):
    """Bars of :class:`MeetingCounts`, oldest meeting on the left."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.counts: list[MeetingCounts] = []
        self.setAccessibleName("Open and closed actions per meeting")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(480, 170)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(240, 150)

    def set_counts(self, counts: list[MeetingCounts]) -> None:
        self.counts = list(counts)
        self.setToolTip(
            "\n".join(f"{c.reference}: {c.open} open, {c.closed} closed" for c in self.counts)
        )
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        metrics = self.fontMetrics()
        line = metrics.height()
        area = QRectF(self.rect()).adjusted(8, 2 * line + 8, -8, -(line + 6))  # legend, counts
        self._legend(painter, palette, text, line)
        if not self.counts:
            painter.setPen(text)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, "No meetings yet")
            return
        top = max(max(c.open, c.closed) for c in self.counts) or 1
        slot = area.width() / len(self.counts)
        bar = max(2.0, slot * 0.32)
        colours = (
            palette.color(QPalette.ColorRole.Highlight),
            palette.color(QPalette.ColorRole.Mid),
        )
        for index, counts in enumerate(self.counts):
            left = area.left() + index * slot + (slot - 2 * bar) / 2
            for offset, (value, colour) in enumerate(
                zip((counts.open, counts.closed), colours, strict=True)
            ):
                height = area.height() * value / top
                rect = QRectF(left + offset * bar, area.bottom() - height, bar - 1, height)
                painter.fillRect(rect, colour)
                painter.setPen(text)
                label = QRectF(rect.left() - 6, rect.top() - line, bar + 12, line)
                painter.drawText(label, Qt.AlignmentFlag.AlignCenter, str(value))
            name = counts.reference.split("_")[1] if "_" in counts.reference else counts.reference
            below = QRectF(area.left() + index * slot, area.bottom() + 2, slot, line)
            painter.drawText(below, Qt.AlignmentFlag.AlignCenter, name)

    def _legend(self, painter: QPainter, palette: QPalette, text, line: int) -> None:
        x = 8.0
        for label, role in (
            ("open", QPalette.ColorRole.Highlight),
            ("closed", QPalette.ColorRole.Mid),
        ):
            painter.fillRect(QRectF(x, 4, line * 0.8, line * 0.8), palette.color(role))
            painter.setPen(text)
            painter.drawText(
                QRectF(x + line, 0, 80, line + 4), Qt.AlignmentFlag.AlignVCenter, label
            )
            x += line + self.fontMetrics().horizontalAdvance(label) + 16
