"""Undoable edits of the open meeting.

Every change a pane makes is one of these, pushed on the session's undo
stack, so undo, autosave and the status bar see the same event.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from opsg_desktop.ui.session import MeetingSession


class SetField(QUndoCommand):
    """Set ``target.<name>`` to a value; undo puts the old one back."""

    def __init__(
        self, session: MeetingSession, target: Any, name: str, value: Any, label: str, part: str
    ) -> None:
        super().__init__(label)
        self._session, self._target, self._name, self._part = session, target, name, part
        self._new, self._old = value, getattr(target, name)

    def redo(self) -> None:
        setattr(self._target, self._name, self._new)
        self._session.touch(self._part, self._target)

    def undo(self) -> None:
        setattr(self._target, self._name, self._old)
        self._session.touch(self._part, self._target)


class InsertInto(QUndoCommand):
    """Insert ``value`` into ``items`` at ``index``."""

    def __init__(
        self, session: MeetingSession, items: list, index: int, value: Any, label: str, part: str
    ) -> None:
        super().__init__(label)
        self._session, self._items, self._index, self._value, self._part = (
            session, items, index, value, part,
        )  # fmt: skip

    def redo(self) -> None:
        self._items.insert(self._index, self._value)
        self._session.touch(self._part, self._items)

    def undo(self) -> None:
        self._items.pop(self._index)
        self._session.touch(self._part, self._items)


class RemoveFrom(QUndoCommand):
    """Remove the entry at ``index`` of ``items``."""

    def __init__(
        self, session: MeetingSession, items: list, index: int, label: str, part: str
    ) -> None:
        super().__init__(label)
        self._session, self._items, self._index, self._part = session, items, index, part
        self._value = items[index]

    def redo(self) -> None:
        self._items.pop(self._index)
        self._session.touch(self._part, self._items)

    def undo(self) -> None:
        self._items.insert(self._index, self._value)
        self._session.touch(self._part, self._items)


class MoveWithin(QUndoCommand):
    """Move the entry at ``source`` of ``items`` to ``destination``."""

    def __init__(
        self,
        session: MeetingSession,
        items: list,
        source: int,
        destination: int,
        label: str,
        part: str,
    ) -> None:
        super().__init__(label)
        self._session, self._items, self._part = session, items, part
        self._source, self._destination = source, destination

    def _move(self, source: int, destination: int) -> None:
        self._items.insert(destination, self._items.pop(source))
        self._session.touch(self._part, self._items)

    def redo(self) -> None:
        self._move(self._source, self._destination)

    def undo(self) -> None:
        self._move(self._destination, self._source)


def push_changes(session: MeetingSession, target: Any, values: dict, label: str, part: str) -> bool:
    """Set every field of ``target`` whose value differs, as one undo step."""
    changes = {name: v for name, v in values.items() if getattr(target, name) != v}
    if not changes:
        return False
    session.undo_stack.beginMacro(label)
    for name, value in changes.items():
        session.undo_stack.push(SetField(session, target, name, value, f"Set {name}", part))
    session.undo_stack.endMacro()
    return True
