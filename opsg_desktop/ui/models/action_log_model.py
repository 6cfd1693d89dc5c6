"""The action log as a table model, and the filters of the action log view.

Rows are :class:`~opsg_desktop.core.model.LoggedAction` entries; the proxy
filters by owner, status, age (raised more than N days ago) and the meeting
that raised the action.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from opsg_desktop.core.action_stats import effective_target, is_overdue
from opsg_desktop.core.dates import table_date, target_text
from opsg_desktop.core.model import ActionStatus, LoggedAction

_Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Action ID", "Action", "Owner", "Raised", "Raised At", "Due", "Status", "Overdue")
EntryRole = Qt.ItemDataRole.UserRole + 1


class ActionLogModel(QAbstractTableModel):
    """Every action of the log with its due date and whether it is overdue ``today``."""

    def __init__(self, entries: list[LoggedAction], today: dt.date, parent=None) -> None:
        super().__init__(parent)
        self.entries = entries
        self.today = today

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == EntryRole:
            return entry
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(entry, index.column())
        return None

    def _text(self, entry: LoggedAction, column: int) -> str:
        action = entry.action
        due = effective_target(entry)
        values = (
            action.id,
            action.text,
            action.owner or "",
            table_date(action.raised) if action.raised else "",
            entry.raised_at or "",
            table_date(due)
            if due
            else target_text(action.revised_target or action.target, missing=""),
            action.status.value.capitalize(),
            "Overdue" if is_overdue(entry, self.today) else "",
        )
        return values[column]


class ActionLogFilter(QSortFilterProxyModel):
    """Owner, status, minimum age in days and raising meeting; None means any."""

    def __init__(self, today: dt.date, parent=None) -> None:
        super().__init__(parent)
        self.today = today
        self.owner: str | None = None
        self.status: ActionStatus | None = None
        self.min_age: int | None = None
        self.meeting: str | None = None

    def set(self, name: str, value) -> None:
        """Change one filter (``owner``, ``status``, ``min_age``, ``meeting``) and re-filter."""
        self.beginFilterChange()
        setattr(self, name, value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:  # noqa: N802
        entry: LoggedAction = self.sourceModel().entries[row]
        action = entry.action
        if self.owner is not None and (action.owner or "") != self.owner:
            return False
        if self.status is not None and action.status != self.status:
            return False
        if self.meeting is not None and entry.raised_at != self.meeting:
            return False
        if self.min_age is not None:
            if action.raised is None or (self.today - action.raised).days < self.min_age:
                return False
        return True
