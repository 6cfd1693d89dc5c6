"""Which parts of the open meeting changed since the last save, and just those parts.

Typing in an item's notes replaces that item's block list (the notes pane
writes its document back as a new list), so a changed item is one whose list
is not the one seen at the last save: no per-keystroke bookkeeping.  Undoable
commands name their part and target through ``MeetingSession.touch``.  A
change of the meeting's shape (items added, moved or renumbered, its date)
asks for a whole save.  What :meth:`ChangeTracker.take` returns refers to the
open meeting's own objects: the autosaver packs it into bytes at once, on the
UI thread (``store.meeting_delta.pack``), which is the only copy made.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from opsg_desktop.core.model import AgendaItem, Meeting
from opsg_desktop.store.meeting_delta import ItemFields, ItemNotes, MeetingChanges, Path


def item_paths(items: list[AgendaItem], above: Path = ()) -> Iterator[tuple[Path, AgendaItem]]:
    """(place, item) of every item and sub-item, depth first."""
    for index, item in enumerate(items):
        here = (*above, index)
        yield here, item
        yield from item_paths(item.items, here)


class ChangeTracker:
    """Collects what changed; :meth:`take` names it and starts afresh."""

    def __init__(self, meeting: Meeting) -> None:
        self.meeting = meeting
        self.whole = False
        self._people = self._outstanding = False
        self._items: dict[int, AgendaItem] = {}
        self._fields: dict[int, AgendaItem] = {}
        self._header = False
        self._reference = meeting.reference
        self._seen: dict[int, list] = {}
        self._remember()

    def note(self, part: str, target: Any = None) -> None:
        """An undoable command changed ``part`` (one of session.PARTS), at ``target``."""
        if part == "people":
            self._people = True
        elif part == "outstanding":
            self._outstanding = True
        elif part == "notes" and (item := self._item_holding(target)) is not None:
            self._items[id(item)] = item
        elif part == "agenda" and isinstance(target, AgendaItem):
            self._fields[id(target)] = target  # a field of an item: its place is unchanged
        elif part == "meeting" and target is self.meeting:
            self._header = True  # a field of the meeting; its reference is checked on take
        else:
            self.whole = True

    def note_failure(self) -> None:
        """A save failed: what it held is written again, whole, next time."""
        self.whole = True

    def take(self) -> MeetingChanges | None:
        """What changed (None when nothing did), referring to the open meeting's objects:
        pack it before the meeting changes again.  The next take starts from here."""
        for _, item in item_paths(self.meeting.agenda):
            if self._seen.get(id(item)) is not item.blocks:
                self._items[id(item)] = item
        meeting = self.meeting
        if self.whole or meeting.reference != self._reference:
            changes = MeetingChanges(meeting.reference, whole=meeting)
        elif not (self._items or self._people or self._outstanding or self._fields or self._header):
            return None
        else:
            changes = self._partial(meeting)
        self.whole = self._people = self._outstanding = self._header = False
        self._items.clear()
        self._fields.clear()
        self._reference = meeting.reference
        self._remember()
        return changes

    def _partial(self, meeting: Meeting) -> MeetingChanges:
        header = dataclasses.replace(meeting, agenda=[], people=[], outstanding=[])
        items = [
            ItemNotes(path, item.number, item.title, item.blocks)
            for path, item in item_paths(meeting.agenda)
            if id(item) in self._items
        ]
        fields = [
            ItemFields(path, dataclasses.replace(item, blocks=[], items=[]))
            for path, item in item_paths(meeting.agenda)
            if id(item) in self._fields
        ]
        return MeetingChanges(
            meeting.reference,
            header=header,
            items=items,
            item_fields=fields,
            header_changed=self._header,
            people=meeting.people if self._people else None,
            outstanding=meeting.outstanding if self._outstanding else None,
        )

    def _remember(self) -> None:
        self._seen = {id(item): item.blocks for _, item in item_paths(self.meeting.agenda)}

    def _item_holding(self, target: Any) -> AgendaItem | None:
        """The item whose block list is ``target`` or holds it; None when none does."""
        if target is None:
            return None
        for _, item in item_paths(self.meeting.agenda):
            if item.blocks is target or any(block is target for block in item.blocks):
                return item
        return None
