"""A tree model of the meeting's roster: groups of people, then the people.

Top-level rows are groups (member categories in the group's order, then
organisations in first-seen order, then "Other"); their children are the
people of the meeting in roster order.  A person's index carries the row of
its group plus one as its internal id; a group's carries 0.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from opsg_desktop.core.model import AttendanceMark, Meeting, Person

_Index = QModelIndex | QPersistentModelIndex
#: The key of a group: ("category" | "organisation" | "other", its name).
GroupKey = tuple[str, str]
OTHER = "Other"
#: The data role that gives a person's AttendanceMark (None on a group row).
ATTENDANCE_ROLE = Qt.ItemDataRole.UserRole + 1
#: The data role that gives the Person of a row (None on a group row).
PERSON_ROLE = Qt.ItemDataRole.UserRole + 2


def group_key(person: Person) -> GroupKey:
    """Where a person sits: by member category first, else by organisation."""
    if person.category:
        return ("category", person.category)
    if person.organisation:
        return ("organisation", person.organisation)
    return ("other", OTHER)


def grouped(meeting: Meeting) -> list[tuple[GroupKey, list[Person]]]:
    """The meeting's people in groups, in the order the tree shows them."""
    found: dict[GroupKey, list[Person]] = {}
    for person in meeting.people:
        found.setdefault(group_key(person), []).append(person)
    ordered = [("category", c) for c in meeting.group.categories]
    ordered += [key for key in found if key[0] == "category" and key not in ordered]
    ordered += [key for key in found if key[0] == "organisation"]
    ordered.append(("other", OTHER))
    return [(key, found[key]) for key in ordered if key in found]


def counts(people: Iterable[Person]) -> dict[AttendanceMark, int]:
    """How many people have each mark."""
    tally = dict.fromkeys(AttendanceMark, 0)
    for person in people:
        tally[person.attendance] += 1
    return tally


def summary_text(people: Iterable[Person]) -> str:
    """The line above the tree: ``12 present · 3 apologies · 4 absent``."""
    tally = counts(people)
    return " · ".join(f"{tally[mark]} {mark.value}" for mark in AttendanceMark)


def items_text(items: list[str]) -> str:
    """``item 5``, ``items 6 & 7``, ``items 6, 7 & 8``."""
    if not items:
        return ""
    if len(items) == 1:
        return f"item {items[0]}"
    return f"items {', '.join(items[:-1])} & {items[-1]}"


def parse_items(text: str) -> list[str]:
    """Agenda numbers from what was typed: ``6, 7``, ``6 & 7`` or ``6 and 7``."""
    return [part for part in re.split(r"\s*(?:,|&|\band\b|\s)\s*", text.strip()) if part]


def notes_text(person: Person) -> str:
    """The Role / notes column: role, whom they stand in for, items attended."""
    parts = []
    if person.category and person.organisation:
        parts.append(person.organisation)
    if person.role:
        parts.append(person.role)
    if person.alternate_for:
        parts.append(f"alternate for {person.alternate_for}")
    if person.items:
        parts.append(items_text(person.items))
    return "; ".join(parts)


class RosterModel(QAbstractItemModel):
    """The people of the open meeting, grouped; read-only (edits go through commands)."""

    HEADERS = ("Name", "Attendance", "Role / notes")

    def __init__(self, meeting: Callable[[], Meeting], parent=None) -> None:
        super().__init__(parent)
        self._meeting = meeting
        self._groups = grouped(meeting())

    # -- changes ---------------------------------------------------------------

    def refresh(self) -> bool:
        """Catch up with the meeting; True if rows moved (the model was reset)."""
        groups = grouped(self._meeting())
        if self._shape(groups) != self._shape(self._groups):
            self.beginResetModel()
            self._groups = groups
            self.endResetModel()
            return True
        self._groups = groups
        last = len(self.HEADERS) - 1
        if groups:
            self.dataChanged.emit(self.index(0, 0), self.index(len(groups) - 1, last))
        for row, (_, people) in enumerate(groups):
            parent = self.index(row, 0)
            self.dataChanged.emit(
                self.index(0, 0, parent), self.index(len(people) - 1, last, parent)
            )
        return False

    @staticmethod
    def _shape(groups: list[tuple[GroupKey, list[Person]]]) -> list:
        return [(key, [id(p) for p in people]) for key, people in groups]

    # -- lookups ---------------------------------------------------------------

    def person(self, index: _Index) -> Person | None:
        """The person at ``index`` (any column), or None for a group row."""
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._groups[index.internalId() - 1][1][index.row()]

    def index_of(self, person: Person, column: int = 0) -> QModelIndex:
        """Where ``person`` (this very object) is in the tree; invalid if nowhere."""
        for row, (_, people) in enumerate(self._groups):
            for child, candidate in enumerate(people):
                if candidate is person:
                    return self.index(child, column, self.index(row, 0))
        return QModelIndex()

    def group_title(self, row: int) -> str:
        """A group's heading with its count present / total."""
        (_, name), people = self._groups[row]
        present = counts(people)[AttendanceMark.PRESENT]
        return f"{name} ({present}/{len(people)})"

    # -- QAbstractItemModel ------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        # Group rows are selectable too, so the arrow keys walk through them.
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        person = self.person(index)
        if person is None:
            return self._group_data(index, role)
        return self._person_data(person, index.column(), role)

    def _group_data(self, index: _Index, role: int) -> Any:
        if index.column() == 0 and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self.group_title(index.row())
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _person_data(self, person: Person, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = (person.name, person.attendance.value.capitalize(), notes_text(person))[column]
            return text if role == Qt.ItemDataRole.DisplayRole or text else None
        if role == Qt.ItemDataRole.FontRole and person.attendance == AttendanceMark.APOLOGIES:
            font = QFont()
            font.setItalic(True)
            return font
        if role == ATTENDANCE_ROLE:
            return person.attendance.value
        if role == PERSON_ROLE:
            return person
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None
