"""Undoable changes to the agenda's shape: add, remove, move, renumber."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from opsg_desktop.core.model import AgendaItem, Meeting
from opsg_desktop.ui.commands import InsertInto, MoveWithin, RemoveFrom
from opsg_desktop.ui.session import MeetingSession


def expected_numbers(meeting: Meeting) -> list[tuple[AgendaItem, str]]:
    """Each item with the number its place gives it: 1, 2, … and 2.1, 2.2, …"""
    found = []
    for n, item in enumerate(meeting.agenda, start=1):
        found.append((item, str(n)))
        found.extend((sub, f"{n}.{k}") for k, sub in enumerate(item.items, start=1))
    return found


class Renumber(QUndoCommand):
    """Give every item the number of its place; undo restores the old ones."""

    def __init__(self, session: MeetingSession) -> None:
        super().__init__("Renumber the agenda")
        self._session = session
        self._changes: list[tuple[AgendaItem, str, str]] | None = None

    def redo(self) -> None:
        if self._changes is None:
            self._changes = [
                (item, item.number, number)
                for item, number in expected_numbers(self._session.meeting)
                if item.number != number
            ]
        for item, _, new in self._changes:
            item.number = new
        self._session.touch("agenda")

    def undo(self) -> None:
        for item, old, _ in self._changes or []:
            item.number = old
        self._session.touch("agenda")


def _with_renumbering(session: MeetingSession, label: str, command: QUndoCommand) -> None:
    stack = session.undo_stack
    stack.beginMacro(label)
    stack.push(command)
    stack.push(Renumber(session))
    stack.endMacro()


def add_item(
    session: MeetingSession, siblings: list[AgendaItem], index: int, title: str
) -> AgendaItem:
    """Insert a new item at ``index`` of ``siblings`` and renumber."""
    item = AgendaItem(number="?", title=title)
    label = f"Add item {title}"
    _with_renumbering(session, label, InsertInto(session, siblings, index, item, label, "agenda"))
    return item


def remove_item(session: MeetingSession, siblings: list[AgendaItem], item: AgendaItem) -> None:
    index = next(i for i, x in enumerate(siblings) if x is item)
    label = f"Remove item {item.number} {item.title}"
    _with_renumbering(session, label, RemoveFrom(session, siblings, index, label, "agenda"))


def move_item(
    session: MeetingSession, siblings: list[AgendaItem], item: AgendaItem, to: int
) -> None:
    """Move ``item`` to position ``to`` among its siblings and renumber."""
    source = next(i for i, x in enumerate(siblings) if x is item)
    to = max(0, min(to, len(siblings) - 1))
    if to == source:
        return
    label = f"Move item {item.title}"
    _with_renumbering(session, label, MoveWithin(session, siblings, source, to, label, "agenda"))
