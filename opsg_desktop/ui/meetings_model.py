"""A table model over the repository's list of meetings."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from opsg_desktop.core.dates import prose_date
from opsg_desktop.store.repository import MeetingSummary

_Index = QModelIndex | QPersistentModelIndex


class MeetingsModel(QAbstractTableModel):
    """One row per meeting: reference, date, kind, status, actions."""

    HEADERS = ("Reference", "Date", "Kind", "Status", "Actions open / raised")

    def __init__(self, meetings: list[MeetingSummary], parent=None) -> None:
        super().__init__(parent)
        self._meetings = list(meetings)

    def set_meetings(self, meetings: list[MeetingSummary]) -> None:
        self.beginResetModel()
        self._meetings = list(meetings)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._meetings)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        m = self._meetings[index.row()]
        return (
            m.reference,
            prose_date(m.date),
            m.kind.capitalize(),
            m.status.capitalize(),
            f"{m.actions_open} / {m.actions_raised}",
        )[index.column()]

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None
