"""The open meeting: the one document every pane edits.

Panes never change the meeting directly: they push undoable commands
(``ui.commands``) whose ``redo``/``undo`` change it and call :meth:`touch`,
which tells the other panes (``changed``) and the autosaver.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from opsg_desktop.core.model import ActionBlock, Meeting, walk_blocks
from opsg_desktop.core.numbering import ActionId, highest_sequences
from opsg_desktop.core.rules import normalise_meeting
from opsg_desktop.store.meeting_delta import MeetingChanges
from opsg_desktop.ui.autosave import Autosaver
from opsg_desktop.ui.change_tracker import ChangeTracker

#: The parts of a meeting a change can touch, as ``changed`` names them.
PARTS = ("meeting", "people", "agenda", "notes", "outstanding")


class GuardedUndoStack(QUndoStack):
    """An undo stack that refuses new edits while its meeting is final and locked,
    and says when the outermost macro being built ends (``macro_ended``)."""

    refused = Signal()
    macro_ended = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.locked = False
        #: How many macros are being built (nested ``beginMacro`` calls).
        self.macro_depth = 0

    def beginMacro(self, text: str) -> None:  # noqa: N802 (Qt override)
        """Start a macro; the session tells the panes what changed once it ends."""
        self.macro_depth += 1
        super().beginMacro(text)

    def endMacro(self) -> None:  # noqa: N802 (Qt override)
        super().endMacro()
        self.macro_depth = max(0, self.macro_depth - 1)
        if not self.macro_depth:
            self.macro_ended.emit()

    def push(self, command) -> None:
        """Do ``command`` and keep it for undo, unless locked (then ``refused`` is emitted)."""
        if self.locked:
            self.refused.emit()
            return
        super().push(command)


class MeetingSession(QObject):
    """A meeting open for editing, with its undo stack and autosave."""

    changed = Signal(str)  # one of PARTS

    def __init__(
        self,
        db_path: Path,
        meeting: Meeting,
        taken_ids: list[str],
        parent=None,
        *,
        read_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.meeting = meeting
        self.undo_stack = GuardedUndoStack(self)
        self._flushers: list[Callable[[], None]] = []
        self._taken = set(taken_ids) | {
            b.id for _, b in walk_blocks(meeting) if isinstance(b, ActionBlock) and b.id
        }
        self._db_path = Path(db_path)
        self._closed = False
        self._locked = False
        self.read_only = read_only
        self._changes = ChangeTracker(meeting)
        self._held: list[str] = []  # parts changed inside a macro, told once it ends
        self.undo_stack.macro_ended.connect(self._tell_held)
        self.autosaver = Autosaver(db_path, self.take_changes, parent=self, read_only=read_only)
        self.autosaver.failed_changes.connect(self._changes.note_failure)
        self.autosaver.saved_reference = meeting.reference

    @property
    def locked(self) -> bool:
        """Final and locked: no edit is taken, nothing is scheduled for saving."""
        return self._locked

    @locked.setter
    def locked(self, value: bool) -> None:
        self._locked = self.undo_stack.locked = bool(value)

    @property
    def reference(self) -> str:
        return self.meeting.reference

    def touch(self, part: str, target: Any = None) -> None:
        """Record that ``part`` changed (at ``target``, the object or list a command
        changed): panes refresh (once at the end of a macro being built), and a save
        of that part is scheduled."""
        self._changes.note(part, target)
        if self.undo_stack.macro_depth:  # one refresh per macro (moving an item
            if part not in self._held:  # renumbers; closing 50 actions is 100 steps)
                self._held.append(part)
        else:
            self.changed.emit(part)
        if not self.locked:
            self.autosaver.schedule()

    def _tell_held(self) -> None:
        held, self._held = self._held, []
        for part in held:
            self.changed.emit(part)

    def take_changes(self) -> MeetingChanges | None:
        """What changed since the last save, referring to the meeting's own objects
        (the autosaver packs it at once, ``store.meeting_delta.pack``)."""
        self.flush()
        return self._changes.take()

    def add_flusher(self, flush: Callable[[], None]) -> None:
        """Register a pane that holds edits (the notes editor) to write them back first."""
        self._flushers.append(flush)

    def flush(self) -> None:
        for flush in self._flushers:
            flush()

    def snapshot(self) -> Meeting:
        """A copy of the meeting as it stands, sharing no object with it (for checks,
        dialogs and the rescue file).  A pickle round trip: half a deep copy's time."""
        self.flush()
        import pickle  # (off the start path)

        return pickle.loads(pickle.dumps(self.meeting, pickle.HIGHEST_PROTOCOL))

    def next_action_id(self, confidential: bool) -> str:
        """The next free id of the plain or CONF series; never given out twice."""
        abbr, number = self.meeting.group.abbreviation, self.meeting.number
        highest = highest_sequences(abbr, number, self._taken)[confidential]
        action_id = str(ActionId(abbr, number, highest + 1, confidential))
        self._taken.add(action_id)
        return action_id

    def close(self) -> Path | None:
        """Save what is left and stop the worker.

        If the database refuses the last save, the meeting is written as a
        JSON file instead (beside the database, else in the user's data
        folder, else the temp folder), so nothing typed is lost; its path is
        returned (None when all went to the database).  RescueError when no
        folder would take it: the meeting then stays open in memory.
        """
        if self._closed:
            return None
        self.flush()
        rescued = None if self.autosaver.save_and_wait() else self._rescue()
        self.autosaver.stop()
        self._closed = True
        return rescued

    def _rescue(self) -> Path | None:
        """Write the meeting as JSON where it can be written; RescueError when nowhere can."""
        from opsg_desktop.interchange import dumps
        from opsg_desktop.ui.rescue import write_rescue

        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        # In stored form (core.rules), so the file imports as the store would have kept it.
        text = dumps(normalise_meeting(self.snapshot()))
        return write_rescue(text, f"{self.reference} unsaved {stamp}.json", self._db_path.parent)
