"""Filtering and sorting of the action grid: owner, status, origin and text."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Signal

from opsg_desktop.core.model import ActionStatus
from opsg_desktop.ui.models.action_grid_model import SortRole

_Index = QModelIndex | QPersistentModelIndex


class Origin(StrEnum):
    """Which actions the meeting filter shows."""

    ALL = "all"
    CARRIED = "carried"  # reviewed here, raised at an earlier meeting
    NEW = "new"  # raised at this meeting


class ActionFilterProxy(QSortFilterProxyModel):
    """Rows of the action grid that match every filter set; unsorted by default."""

    #: After a filter change, once (its rows come and go in many ranges before).
    filtered = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        #: True while a filter change adds and removes rows.
        self.filtering = False
        self._cache: list[bool] = []
        self._cache_key: tuple | None = None
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
        self.filtering = True
        try:
            self.beginFilterChange()
            apply()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        finally:
            self.filtering = False
        self.filtered.emit()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        """Read from a list made once per change (Qt asks row by row)."""
        return self._accepted()[source_row]

    def counts(self) -> tuple[int, int]:
        """(rows shown, of which closed), from the same list: no pass through ``data()``."""
        model = self.sourceModel()
        accepted = self._accepted()
        shown = [r for r, ok in enumerate(accepted) if ok]
        return len(shown), sum(model.status_at(r) == ActionStatus.CLOSED for r in shown)

    def _accepted(self) -> list[bool]:
        model = self.sourceModel()
        key = (model.generation, model.rowCount(), self._filters())
        if self._cache_key != key:
            self._cache = [self._accepts(model, r) for r in range(model.rowCount())]
            self._cache_key = key
        return self._cache

    def _filters(self) -> tuple:
        return (self._owner, self._status, self._origin, tuple(self._words))

    def _accepts(self, model, row: int) -> bool:
        """Decided on the model's plain values: calling ``data()`` per cell made typing slow."""
        if self._owner is not None and model.owner_at(row).casefold() != self._owner:
            return False
        if self._status is not None and model.status_at(row) != self._status:
            return False
        if self._origin != Origin.ALL and model.is_new_at(row) != (self._origin == Origin.NEW):
            return False
        if self._words:
            haystack = model.filter_text_at(row)
            return all(word in haystack for word in self._words)
        return True

    def lessThan(self, left: _Index, right: _Index) -> bool:  # noqa: N802
        """Compare the model's sort keys (Python tuples and strings)."""
        return left.data(SortRole) < right.data(SortRole)
