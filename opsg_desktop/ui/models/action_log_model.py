"""The action log as a table model filled a page at a time.

Rows are :class:`~opsg_desktop.core.action_stats.LogLine` entries in id
order, already filtered by the store (``store.action_log``).  The model holds
the pages shown so far; when the view scrolls near the end it asks for the
next one (``more_wanted``) and shows it when the worker answers, so a
history of tens of thousands of actions never loads whole.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from opsg_desktop.core.action_stats import LogLine, effective_target, is_overdue
from opsg_desktop.core.dates import table_date, target_text

_Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Action ID", "Action", "Owner", "Raised", "Raised At", "Due", "Status", "Overdue")
EntryRole = Qt.ItemDataRole.UserRole + 1


class ActionLogModel(QAbstractTableModel):
    """The lines of the log loaded so far, of ``total`` that the filters let through."""

    more_wanted = Signal()

    def __init__(self, today: dt.date, parent=None) -> None:
        super().__init__(parent)
        self.today = today
        self.lines: list[LogLine] = []
        self.total = 0
        self.asking = False
        self._texts: dict[int, tuple[str, ...]] = {}  # a row's cells, made when first shown

    def show_lines(self, lines: list[LogLine], total: int) -> None:
        """Start again with the first page of a new filter."""
        self.beginResetModel()
        self.lines = list(lines)
        self._texts.clear()
        self.total = total
        self.asking = False
        self.endResetModel()

    def add_lines(self, lines: list[LogLine]) -> None:
        """Append the next page (the answer to ``more_wanted``)."""
        self.asking = False
        if not lines:
            self.total = len(self.lines)  # the log changed since it was counted
            return
        first = len(self.lines)
        self.beginInsertRows(QModelIndex(), first, first + len(lines) - 1)
        self.lines.extend(lines)
        self.endInsertRows()

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and not self.asking and len(self.lines) < self.total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: N802, B008
        if self.canFetchMore(parent):
            self.asking = True
            self.more_wanted.emit()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            row = index.row()
            texts = self._texts.get(row)
            if texts is None:
                texts = self._texts[row] = self._cells(self.lines[row])
            return texts[index.column()]
        if role == EntryRole:
            return self.lines[index.row()]
        return None

    def _cells(self, line: LogLine) -> tuple[str, ...]:
        action = line.action
        due = effective_target(line)
        return (
            action.id,
            action.text,
            action.owner or "",
            table_date(action.raised) if action.raised else "",
            line.raised_at or "",
            table_date(due)
            if due
            else target_text(action.revised_target or action.target, missing=""),
            action.status.value.capitalize(),
            "Overdue" if is_overdue(line, self.today) else "",
        )
