"""The action log as a view: filters, per-owner open and overdue counts, and the chart.

Filters: owner, status, age (raised more than a month, three months, six
months or a year ago) and the meeting that raised the action.  Beside the
table, each owner's open and overdue counts; above it, open against closed
at each of the last twelve meetings.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QTableView,
    QVBoxLayout,
)

from opsg_desktop.core.action_stats import open_closed_by_meeting, owner_counts
from opsg_desktop.core.model import ActionStatus, LoggedAction
from opsg_desktop.ui.models.action_log_model import ActionLogFilter, ActionLogModel
from opsg_desktop.ui.open_closed_chart import OpenClosedChart

AGES = (("Any age", None), ("Over a month", 30), ("Over 3 months", 91),
        ("Over 6 months", 182), ("Over a year", 365))  # fmt: skip


class ActionLogView(QDialog):
    """The whole log of the database, filtered; ``meetings`` are (reference, date) pairs."""

    def __init__(
        self,
        parent,
        entries: list[LoggedAction],
        meetings: list[tuple[str, dt.date]],
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Action log")
        self.resize(1100, 640)
        today = today or dt.date.today()
        self.model = ActionLogModel(entries, today, self)
        self.proxy = ActionLogFilter(today, self)
        self.proxy.setSourceModel(self.model)
        self.chart = OpenClosedChart(self)
        self.chart.set_counts(open_closed_by_meeting(entries, meetings))
        self.owners = QStringListModel(
            [
                f"{c.owner}: {c.open} open, {c.overdue} overdue"
                for c in owner_counts(entries, today)
            ],
            self,
        )
        owners = sorted({e.action.owner or "" for e in entries} - {""}, key=str.casefold)
        self.owner_filter = self._combo(
            "Owner", [("All owners", None)] + [(o, o) for o in owners], "owner"
        )
        statuses = [("Open and closed", None)] + [(s.value.capitalize(), s) for s in ActionStatus]
        self.status_filter = self._combo("Status", statuses, "status")
        self.age_filter = self._combo("Age", list(AGES), "min_age")
        raised_at = [m for m, _ in sorted(meetings, key=lambda m: m[1], reverse=True)]
        self.meeting_filter = self._combo(
            "Raised at", [("Any meeting", None)] + [(m, m) for m in raised_at], "meeting"
        )
        self.count = QLabel(self)
        self.table = self._table()
        self._lay_out()
        self.proxy.layoutChanged.connect(self._count)
        self.proxy.rowsInserted.connect(self._count)
        self.proxy.rowsRemoved.connect(self._count)
        self._count()

    def _combo(self, name: str, entries, field: str) -> QComboBox:
        box = QComboBox(self)
        box.setAccessibleName(f"{name} filter")
        for text, value in entries:
            box.addItem(text, value)
        box.currentIndexChanged.connect(lambda _: self._filter(field, box.currentData()))
        return box

    def _filter(self, field: str, value) -> None:
        self.proxy.set(field, value)
        self._count()

    def _table(self) -> QTableView:
        table = QTableView(self)
        table.setAccessibleName("Action log")
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Interactive)  # a text due date
        header.resizeSection(5, table.fontMetrics().horizontalAdvance("Next meeting") + 24)
        return table

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        for box in (self.owner_filter, self.status_filter, self.age_filter, self.meeting_filter):
            filters.addWidget(box)
        filters.addStretch(1)
        filters.addWidget(self.count)
        owners = QListView(self)
        owners.setAccessibleName("Open and overdue per owner")
        owners.setModel(self.owners)
        owners.setMaximumWidth(260)
        middle = QHBoxLayout()
        middle.addWidget(self.table, 1)
        side = QVBoxLayout()
        side.addWidget(QLabel("Per owner", self))
        side.addWidget(owners)
        middle.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Open and closed at the last twelve meetings", self))
        layout.addWidget(self.chart)
        layout.addLayout(filters)
        layout.addLayout(middle, 1)

    def _count(self) -> None:
        self.count.setText(f"{self.proxy.rowCount()} of {self.model.rowCount()} actions")

    def focus_main(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
