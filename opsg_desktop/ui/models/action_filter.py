"""Filtering and sorting of the action grid: owner, status, origin and text."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from opsg_desktop.core.model import ActionStatus
from opsg_desktop.ui.models.action_grid_model import (
    ACTION,
    ID,
    UPDATE,
    IsNewRole,
    OwnerRole,
    SortRole,
    StatusRole,
)

_Index = QModelIndex | QPersistentModelIndex


class Origin(StrEnum):
    """Which actions the meeting filter shows."""

    ALL = "all"
    CARRIED = "carried"  # reviewed here, raised at an earlier meeting
    NEW = "new"  # raised at this meeting


class ActionFilterProxy(QSortFilterProxyModel):
    """Rows of the action grid that match every filter set; unsorted by default."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._owner: str | None = None
        self._status: ActionStatus | None = None
        self._origin = Origin.ALL
        self._words: list[str] = []
        self.setSortRole(SortRole)

    def set_owner(self, owner: str | None) -> None:
        """Only actions owned by ``owner`` (any case); None for all."""
        self._change(lambda: setattr(self, "_owner", owner.casefold() if owner else None))

    def set_status(self, status: ActionStatus | str | None) -> None:
        """Only open or only closed actions; None (or "") for both."""
        self._change(lambda: setattr(self, "_status", ActionStatus(status) if status else None))

    def set_origin(self, origin: Origin) -> None:
        self._change(lambda: setattr(self, "_origin", Origin(origin)))

    def set_text(self, text: str) -> None:
        """Only rows whose id, action or update contain every word of ``text``."""
        self._change(lambda: setattr(self, "_words", text.casefold().split()))

    def _change(self, apply) -> None:
        self.beginFilterChange()
        apply()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        model = self.sourceModel()

        def value(column: int, role: int):
            return model.data(model.index(source_row, column, source_parent), role)

        if self._owner is not None and value(ID, OwnerRole).casefold() != self._owner:
            return False
        if self._status is not None and value(ID, StatusRole) != self._status:
            return False
        if self._origin != Origin.ALL and value(ID, IsNewRole) != (self._origin == Origin.NEW):
            return False
        if self._words:
            haystack = " ".join(
                value(c, 0) for c in (ID, ACTION) + (() if value(ID, IsNewRole) else (UPDATE,))
            ).casefold()
            return all(word in haystack for word in self._words)
        return True

    def lessThan(self, left: _Index, right: _Index) -> bool:  # noqa: N802
        """Compare the model's sort keys (Python tuples and strings)."""
        return left.data(SortRole) < right.data(SortRole)
