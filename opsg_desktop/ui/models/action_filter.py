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

    #: After a filter change, once (the counts are read then, not at each row signal).
    filtered = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        #: True while a filter change adds and removes rows.
        self.filtering = False
        self._model = None
        self._shown: list[bool] = []
        self._closed = 0
        self._generation: int | None = None  # of the model, when ``_shown`` was made
        self._owner: str | None = None
        self._status: ActionStatus | None = None
        self._origin = Origin.ALL
        self._words: list[str] = []
        self.setSortRole(SortRole)

    def setSourceModel(self, model) -> None:  # noqa: N802 (Qt override)
        """Filter the rows of ``model`` (an ``ActionGridModel``)."""
        self._model, self._generation = model, None
        super().setSourceModel(model)

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
        """Apply a filter; Qt is told only when the rows shown change (a space does not)."""
        if self._model is None:
            apply()
            return
        self.filtering = True
        try:
            self.beginFilterChange()  # with the rows as they were
            before = self._shown if self._generation == self._model.generation else None
            apply()
            self._decide()
            if self._shown != before:
                # One layout change, not a removal per range of rows: the view took
                # about 8 ms more at 4,000 rows for the ranges of one character.
                self.invalidate()
        finally:
            self.filtering = False
        self.filtered.emit()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        """Read from a list made once per change: Qt asks row by row, so this stays tiny."""
        if self._generation != self._model.generation:
            self._decide()
        return self._shown[source_row]

    def counts(self) -> tuple[int, int]:
        """(rows shown, of which closed), from the same pass: no pass through ``data()``."""
        if self._model is None:
            return 0, 0
        if self._generation != self._model.generation:
            self._decide()
        return sum(self._shown), self._closed

    def _decide(self) -> None:
        """Which rows pass every filter, on the model's plain values (``data()`` was slow)."""
        model = self._model
        rows = range(model.rowCount())
        statuses = model.statuses()
        shown = [True] * len(rows)
        if self._owner is not None:
            shown = [model.owner_at(r).casefold() == self._owner for r in rows]
        if self._status is not None:
            shown = [ok and s == self._status for ok, s in zip(shown, statuses, strict=True)]
        if self._origin != Origin.ALL:
            new = self._origin == Origin.NEW
            shown = [ok and model.is_new_at(r) == new for r, ok in zip(rows, shown, strict=True)]
        if self._words:
            words, texts = self._words, model.filter_texts()
            shown = [ok and all(w in t for w in words) for ok, t in zip(shown, texts, strict=True)]
        self._shown = shown
        closed = ActionStatus.CLOSED
        self._closed = sum(ok and s == closed for ok, s in zip(shown, statuses, strict=True))
        self._generation = model.generation

    def lessThan(self, left: _Index, right: _Index) -> bool:  # noqa: N802
        """Compare the model's sort keys (Python tuples and strings)."""
        return left.data(SortRole) < right.data(SortRole)
