"""A table model over item 2 of the open meeting: the actions outstanding.

Rows are the meeting's outstanding reviews in the secretary's order, then the
actions raised at this meeting (read-only here: the notes pane edits them).
Edits of a review's status, update and revised target become one undoable
command each on the session's stack.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from opsg_desktop.core.carryover import action_sort_key
from opsg_desktop.core.dates import target_text
from opsg_desktop.core.errors import RuleError
from opsg_desktop.core.model import (
    ActionBlock,
    ActionStatus,
    AgendaItem,
    OutstandingReview,
    Target,
    walk_blocks,
)
from opsg_desktop.core.natural_dates import parse_target_text
from opsg_desktop.core.text import clean_text
from opsg_desktop.ui.commands import SetField
from opsg_desktop.ui.session import MeetingSession

_Index = QModelIndex | QPersistentModelIndex
_Role = Qt.ItemDataRole
StatusRole = _Role.UserRole + 1  # the row's ActionStatus
IsNewRole = _Role.UserRole + 2  # True for an action raised at this meeting
SortRole = _Role.UserRole + 3  # a key that sorts the column sensibly
OwnerRole = _Role.UserRole + 4  # the owner, "" when none

ID, ACTION, OWNER, RAISED, TARGET, REVISED, STATUS, UPDATE = range(8)
EDITABLE = frozenset({REVISED, STATUS, UPDATE})


@dataclass(frozen=True)
class GridRow:
    """One row: a review of an earlier action, or an action raised at this meeting."""

    review: OutstandingReview | None = None
    block: ActionBlock | None = None
    item: AgendaItem | None = None

    @property
    def key(self) -> int:
        """Identity of the underlying object, stable across refreshes."""
        return id(self.review if self.review is not None else self.block)

    @property
    def is_new(self) -> bool:
        return self.review is None


def _target_key(target: Target | None) -> tuple:
    if isinstance(target, dt.date):
        return (0, target.toordinal(), "")
    return (1 if target else 2, 0, (target or "").casefold())


def _id_key(action_id: str | None) -> tuple:
    try:
        return (0, *action_sort_key(action_id or ""))
    except ValueError:
        return (1, 0, action_id or "", False, 0)


class ActionGridModel(QAbstractTableModel):
    """Columns: ID, Action, Owner, Raised, Target, Revised target, Status, Update."""

    HEADERS = ("ID", "Action", "Owner", "Raised", "Target", "Revised target", "Status", "Update")
    #: An edit core's rules refused; the text says why (for the status bar).
    refused = Signal(str)

    def __init__(self, session: MeetingSession, parent=None) -> None:
        super().__init__(parent)
        self._session = session
        self._rows = self._collect()
        #: Goes up whenever the rows or their values may have changed (filters cache by it).
        self.generation = 0
        self._texts: tuple[int, tuple[list[str], list[ActionStatus]]] = (-1, ([], []))
        self._italic = QFont()
        self._italic.setItalic(True)
        session.changed.connect(self._on_changed)

    # -- rows ---------------------------------------------------------------

    def _collect(self) -> list[GridRow]:
        meeting = self._session.meeting
        rows = [GridRow(review=review) for review in meeting.outstanding]
        rows += [
            GridRow(block=block, item=item)
            for item, block in walk_blocks(meeting)
            if isinstance(block, ActionBlock)
        ]
        return rows

    def _on_changed(self, part: str) -> None:
        if part in ("outstanding", "notes", "agenda", "meeting"):
            self.refresh()

    def refresh(self) -> None:
        """Re-read the meeting: repaint when the rows are the same, else reset."""
        rows = self._collect()
        self.generation += 1
        if [r.key for r in rows] == [r.key for r in self._rows]:
            self._rows = rows
            if rows:
                last = self.index(len(rows) - 1, len(self.HEADERS) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> GridRow:
        return self._rows[row]

    def row_of_key(self, key: int) -> int:
        """The row showing the object with identity ``key``, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.key == key), -1)

    # -- plain values for filtering and counting (no Qt roles, no QModelIndex) -----

    def status_at(self, row: int) -> ActionStatus:
        return self._status(self._rows[row])

    def owner_at(self, row: int) -> str:
        return self._owner(self._rows[row])

    def is_new_at(self, row: int) -> bool:
        return self._rows[row].is_new

    def filter_text_at(self, row: int) -> str:
        """What the text filter searches, casefolded: id, action and (if carried) update."""
        return self.filter_texts()[row]

    def filter_texts(self) -> list[str]:
        """:meth:`filter_text_at` of every row, made once per change of the rows."""
        return self._columns()[0]

    def statuses(self) -> list[ActionStatus]:
        """:meth:`status_at` of every row, made once per change of the rows."""
        return self._columns()[1]

    def _columns(self) -> tuple[list[str], list[ActionStatus]]:
        generation, columns = self._texts
        if generation != self.generation:
            columns = (
                [self._filter_text(r) for r in self._rows],
                [self._status(r) for r in self._rows],
            )
            self._texts = (self.generation, columns)
        return columns

    def _filter_text(self, grid_row: GridRow) -> str:
        action_id, text, *_, update = self._values(grid_row)
        return f"{action_id} {text} {'' if grid_row.is_new else update}".casefold()

    def owners(self) -> list[str]:
        """Every owner seen in the grid, sorted."""
        found = {self._owner(r) for r in self._rows} - {""}
        return sorted(found, key=str.casefold)

    # -- Qt model API -----------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation, role: int = _Role.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == _Role.DisplayRole:
            return self.HEADERS[section]
        if role == _Role.ToolTipRole and section in EDITABLE:
            return "Editable for carried-forward actions (F2 or double-click)"
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in EDITABLE and not self._rows[index.row()].is_new:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = _Role.DisplayRole):
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == _Role.DisplayRole:
            return self._display(row, column)
        if role == _Role.EditRole:
            return self._edit_value(row, column)
        if role == _Role.ToolTipRole:
            return self._tooltip(row, column)
        if role == StatusRole:
            return self._status(row)
        if role == IsNewRole:
            return row.is_new
        if role == OwnerRole:
            return self._owner(row)
        if role == SortRole:
            return self._sort_key(row, column)
        return self._look(row, column, role)

    def _look(self, row: GridRow, column: int, role: int):
        """Closed rows in the palette's disabled text colour, new rows in italics."""
        if role == _Role.FontRole and row.is_new:
            return self._italic
        if role != _Role.ForegroundRole:
            return None
        palette = QGuiApplication.palette()
        if row.is_new and column == UPDATE:
            return palette.brush(QPalette.ColorRole.PlaceholderText)
        if self._status(row) == ActionStatus.CLOSED:
            return palette.brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def _status(self, row: GridRow) -> ActionStatus:
        return row.review.status if row.review is not None else ActionStatus.OPEN

    def _owner(self, row: GridRow) -> str:
        owner = row.review.action.owner if row.review is not None else row.block.owner
        return owner or ""

    def _values(self, row: GridRow) -> tuple:
        """(id, text, raised, target, revised target, update) of a row."""
        if row.review is not None:
            a = row.review.action
            return a.id, a.text, a.raised, a.target, a.revised_target, row.review.update
        b = row.block
        return b.id or "(unnumbered)", b.text, self._session.meeting.date, b.target, None, ""

    def _display(self, row: GridRow, column: int) -> str:
        action_id, text, raised, target, revised, update = self._values(row)
        if column == UPDATE and row.is_new:
            return f"New · item {row.item.number}"
        return (
            action_id,
            text,
            self._owner(row),
            target_text(raised, missing=""),
            target_text(target, missing=""),
            target_text(revised, missing=""),
            self._status(row).value.capitalize(),
            update,
        )[column]

    def _edit_value(self, row: GridRow, column: int):
        if column == STATUS:
            return self._status(row)
        return self._display(row, column)

    def _tooltip(self, row: GridRow, column: int) -> str | None:
        if row.is_new:
            return f"Raised at this meeting under item {row.item.number}; edit it in the notes pane"
        if column == UPDATE:
            return row.review.update or "Enter saves · Shift+Enter starts a new line"
        if column == ACTION:
            return row.review.action.text
        return None

    def _sort_key(self, row: GridRow, column: int):
        action_id, _, raised, target, revised, _ = self._values(row)
        if column == ID:
            return _id_key(action_id)
        if column in (RAISED, TARGET, REVISED):
            return _target_key((raised, target, revised)[column - RAISED])
        return self._display(row, column).casefold()

    # -- edits ----------------------------------------------------------------

    def setData(self, index: _Index, value, role: int = _Role.EditRole) -> bool:
        if role != _Role.EditRole or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        review = self._rows[index.row()].review
        if index.column() == STATUS:
            return self.set_status(review, ActionStatus(value))
        if index.column() == UPDATE:
            return self.set_update(review, str(value))
        return self.set_revised_target(review, str(value))

    def set_status(self, review: OutstandingReview, status: ActionStatus) -> bool:
        """Open or close ``review`` (and its action) as one undo step."""
        if review.status == status and review.action.status == status:
            return False
        verb = "Close" if status == ActionStatus.CLOSED else "Reopen"
        stack = self._session.undo_stack
        stack.beginMacro(f"{verb} {review.action.id}")
        stack.push(SetField(self._session, review, "status", status, verb, "outstanding"))
        stack.push(SetField(self._session, review.action, "status", status, verb, "outstanding"))
        stack.endMacro()
        return True

    def set_update(self, review: OutstandingReview, text: str) -> bool:
        """Record this meeting's update of ``review`` (cleaned: core.text.clean_text)."""
        text = clean_text(text)
        if text == review.update:
            return False
        label = f"Update {review.action.id}"
        self._push(SetField(self._session, review, "update", text, label, "outstanding"))
        return True

    def set_revised_target(self, review: OutstandingReview, text: str) -> bool:
        """Set the revised target from what was typed: a date where it names one."""
        meeting = self._session.meeting
        upcoming = meeting.next_meetings[0].date if meeting.next_meetings else None
        try:
            value = parse_target_text(text, today=meeting.date, next_meeting=upcoming)
        except RuleError as exc:
            self.refused.emit(f"{review.action.id}: {exc}")
            return False
        action = review.action
        if value == action.revised_target:
            return False
        label = f"Revise target of {action.id}"
        self._push(SetField(self._session, action, "revised_target", value, label, "outstanding"))
        return True

    def _push(self, command: SetField) -> None:
        self._session.undo_stack.push(command)
