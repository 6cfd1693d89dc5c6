"""The action log as a view: filters, per-owner open and overdue counts, and the chart.

Filters: owner, status, age (raised more than a month, three months, six
months or a year ago) and the meeting that raised the action.  Beside the
table, each owner's open and overdue counts; above it, open against closed
at each of the last twelve meetings.

Everything is read on a worker thread (``ui.background``) from the store's
paged log (``store.action_log``): the first page of lines, then the figures,
then further pages as the table scrolls; the window never waits for a long
history.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QStringListModel, Qt
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

from opsg_desktop.core.errors import OpsgError
from opsg_desktop.core.model import ActionStatus
from opsg_desktop.store.action_log import PAGE, ActionLogReader, LogFigures, LogFilter
from opsg_desktop.ui.background import BackgroundReader
from opsg_desktop.ui.models.action_log_model import ActionLogModel
from opsg_desktop.ui.open_closed_chart import OpenClosedChart

#: A long text of each column, to size it (the action's words take the rest; a
#: column is widened by dragging its edge).
WIDEST = ("OPSG 149/CONF02", "", "SECAS", "30/11/2026", "OPSG_149_2405",
          "Next meeting", "Closed", "Overdue")  # fmt: skip
AGES = (("Any age", None), ("Over a month", 30), ("Over 3 months", 91),
        ("Over 6 months", 182), ("Over a year", 365))  # fmt: skip


class ActionLogView(QDialog):
    """The whole log of the database at ``db_path``, filtered, read a page at a time."""

    def __init__(self, parent, db_path: Path, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Action log")
        self.resize(1100, 640)
        self.today = today or dt.date.today()
        self.chosen = LogFilter()
        self._asked = 0  # the filter's generation: answers to older ones are dropped
        self._end = None
        self.all_actions = 0
        self.model = ActionLogModel(self.today, self)
        self.chart = OpenClosedChart(self)
        self.owners = QStringListModel(self)
        self.owner_filter = self._combo("Owner", [("All owners", None)], "owner")
        statuses = [("Open and closed", None)] + [(s.value.capitalize(), s) for s in ActionStatus]
        self.status_filter = self._combo("Status", statuses, "status")
        self.age_filter = self._combo("Age", list(AGES), "min_age")
        self.meeting_filter = self._combo("Raised at", [("Any meeting", None)], "meeting")
        self.count = QLabel("Reading the log…", self)
        self.table = self._table()
        self.table.installEventFilter(self)
        self._lay_out()
        self.reader = BackgroundReader(lambda: ActionLogReader(db_path), "action-log", self)
        self.reader.answered.connect(self._answer)
        self.model.more_wanted.connect(self._more)
        self.finished.connect(lambda _: self.reader.close())
        self._load()
        today_ = self.today
        self.reader.ask(("figures", 0), lambda reader: reader.figures(today_))

    def wait_until_read(self, timeout: float = 10.0) -> None:
        """Block until every page and figure asked for is shown (tests)."""
        self.reader.wait(timeout)

    # -- asking the worker ------------------------------------------------

    def _load(self) -> None:
        """Ask for the first page of the current filter; its count comes with it."""
        self._asked += 1
        chosen, today = self.chosen, self.today
        self.reader.ask(
            ("lines", self._asked),
            lambda reader: (reader.count(chosen, today), *reader.page(chosen, today)),
        )

    def _more(self, everything: bool = False) -> None:
        """Ask for the next page (all the rest with ``everything``: Ctrl+End)."""
        if self._end is None:
            self.model.asking = False
            return
        chosen, today, after = self.chosen, self.today, self._end
        limit = max(self.model.total - len(self.model.lines), 1) if everything else PAGE
        kind = "rest" if everything else "more"
        self.reader.ask(
            (kind, self._asked), lambda reader: reader.page(chosen, today, after, limit)
        )

    def _to_last_line(self) -> None:
        """Ctrl+End: read every line left, then go to the last one."""
        if self.model.canFetchMore():
            self.model.asking = True
            self._more(everything=True)
        else:
            self._select_last()

    def _select_last(self) -> None:
        rows = self.model.rowCount()
        if rows:
            self.table.setCurrentIndex(self.model.index(rows - 1, 0))
            self.table.scrollToBottom()

    def _answer(self, tag, answer) -> None:
        kind, asked = tag
        if isinstance(answer, Exception):
            known = isinstance(answer, OpsgError)  # the store's own message says what to do
            self.count.setText(str(answer) if known else f"The log could not be read: {answer}")
            self.count.setWordWrap(True)
            self.model.asking = False
            return
        if kind == "figures":
            self._show_figures(answer)
        elif asked != self._asked:
            return  # the filter changed since
        elif kind == "lines":
            total, lines, self._end = answer
            self.model.show_lines(lines, total)
        else:
            lines, end = answer
            self._end = end or self._end
            self.model.add_lines(lines)
            if kind == "rest":
                self._select_last()
        self._count()

    def _show_figures(self, figures: LogFigures) -> None:
        self.all_actions = figures.total
        self.chart.set_counts(figures.chart)
        self.owners.setStringList(
            [f"{c.owner}: {c.open} open, {c.overdue} overdue" for c in figures.owner_counts]
        )
        self._fill(self.owner_filter, [(o, o) for o in figures.owners])
        self._fill(self.meeting_filter, [(m, m) for m in figures.meetings])

    # -- widgets ----------------------------------------------------------

    def _combo(self, name: str, entries, field: str) -> QComboBox:
        box = QComboBox(self)
        box.setAccessibleName(f"{name} filter")
        for text, value in entries:
            box.addItem(text, value)
        box.currentIndexChanged.connect(lambda _: self._filter(field, box.currentData()))
        return box

    @staticmethod
    def _fill(box: QComboBox, entries) -> None:
        """Add the entries after the combo's first ("any") one, keeping its choice."""
        box.blockSignals(True)
        chosen = box.currentData()
        while box.count() > 1:
            box.removeItem(1)
        for text, value in entries:
            box.addItem(text, value)
        box.setCurrentIndex(max(0, box.findData(chosen)) if chosen is not None else 0)
        box.blockSignals(False)

    def _filter(self, field: str, value) -> None:
        self.chosen = replace(self.chosen, **{field: value})
        self.count.setText("Reading the log…")
        self.model.show_lines([], 0)  # no page of the old filter can be asked for meanwhile
        self._end = None
        self._load()

    def _table(self) -> QTableView:
        table = QTableView(self)
        table.setAccessibleName("Action log")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.setWordWrap(False)
        # Widths from the longest value each column can hold, not from its rows: sizing
        # to contents would read every loaded row again on each page.
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        metrics = table.fontMetrics()
        for column, widest in enumerate(WIDEST):
            if widest:
                header.resizeSection(column, metrics.horizontalAdvance(widest) + 16)
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
        if self.all_actions:
            self.count.setText(f"{self.model.total} of {self.all_actions} actions")
        else:
            self.count.setText(f"{self.model.total} actions")

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        """Ctrl+End in the table goes to the last action of the log, not of the page."""
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_End
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self._to_last_line()
            return True
        return super().eventFilter(watched, event)

    def focus_main(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
