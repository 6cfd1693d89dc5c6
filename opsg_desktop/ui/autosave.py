"""Saving the open meeting in the background, at most a moment after an edit.

The first edit after a save starts a short timer; when it fires, the session
names what changed (``ui.change_tracker``: an item's notes, the roster, the
reviews; the whole meeting only after a change of its shape), the UI thread
packs it into bytes in one step (``store.meeting_delta.pack``) and a worker
thread with its own connection unpacks and writes it, so typing never waits
for the disk and the UI thread's share grows with the edit, not the meeting
(a whole save still packs the whole meeting: a quarter of a deep copy).
At most one save is in flight: edits made meanwhile are coalesced into the
next one, which starts as soon as the running one ends.  Waiting no longer
than ``delay_ms`` after the *first* unsaved edit (not the last) bounds what
a crash can lose, however fast one types.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from opsg_desktop.core.errors import NotFoundError, OpsgError
from opsg_desktop.store.errors import DatabaseDamagedError
from opsg_desktop.store.meeting_delta import MeetingChanges, pack, unpack
from opsg_desktop.store.repository import Repository

#: After a failed save, wait this long before trying again (a full disk stays full).
RETRY_MS = 5000
#: What the worker reports when a partial save finds the meeting (or an item) not stored.
_WHOLE_NEEDED = "whole save needed"


class Autosaver(QObject):
    """Writes what changed in a meeting to the database off the UI thread."""

    saved = Signal(object)  # datetime of the save
    failed = Signal(str)  # the message of what went wrong
    failed_changes = Signal()  # a save failed: the next one must hold everything
    _finished = Signal(object, object)  # (datetime | None, message | None), from the worker
    _settled = Signal()  # a save's future is done (from the worker): start the next if due

    def __init__(
        self,
        db_path: Path,
        take_changes: Callable[[], MeetingChanges | None],
        delay_ms: int = 500,
        parent=None,
        *,
        read_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.read_only = read_only
        self._db_path = Path(db_path)
        self._take = take_changes
        self._local = threading.local()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._in_flight: Future | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._delay = delay_ms
        self._timer.timeout.connect(self.save_soon)
        self._finished.connect(self._report)
        self._settled.connect(self._next)
        self.dirty = False
        self._stopped = False
        self._overdue = False
        #: The reference the meeting is stored under (its date may move).
        self.saved_reference: str | None = None

    def schedule(self) -> None:
        """Note an edit; a save follows within the delay (or right after the one running)."""
        self.dirty = True
        if not self._timer.isActive():
            self._timer.start(self._delay)

    def busy(self) -> bool:
        return self._in_flight is not None and not self._in_flight.done()

    def save_soon(self) -> Future | None:
        """Hand what changed to the worker now, unless a save is running (it follows that one)."""
        self._timer.stop()
        if self.busy():
            self._overdue = self.dirty  # the running save's end starts this one at once
            return self._in_flight
        if self._stopped or self.read_only or not self.dirty:
            return None
        self._overdue = False
        self.dirty = False
        changes = self._take()
        if changes is None:
            return None
        if changes.whole is not None:
            changes.previous_reference = self.saved_reference
        # Packed here, at once: the changes may still refer to the open meeting's objects.
        self._in_flight = self._executor.submit(self._write, pack(changes))
        self._in_flight.add_done_callback(lambda _: self._settled.emit())
        return self._in_flight

    def save_and_wait(self, timeout: float = 30.0) -> bool:
        """Save everything now and wait for it; False when a save failed (or timed out)."""
        deadline = time.monotonic() + timeout
        while True:
            future = self._in_flight if self.busy() else self.save_soon()
            if future is None:
                return not self.dirty
            try:
                future.result(max(0.0, deadline - time.monotonic()))
            except NotFoundError:
                self._mark_failed()  # not stored as the changes assumed: save it whole
                continue
            except Exception:  # noqa: BLE001 - reported through ``failed`` already
                self._mark_failed()
                return False
            if not self.dirty or self.read_only:
                return not self.dirty

    def shutdown(self) -> bool:
        """Save what is left and stop the worker; False when that last save failed."""
        saved = self.save_and_wait()
        self.stop()
        return saved

    def stop(self) -> None:
        """Close the worker's connection and stop the worker (after the last save)."""
        self._stopped = True
        self._timer.stop()
        self._executor.submit(self._close_connection).result()
        self._executor.shutdown(wait=True)

    def _write(self, packed: bytes) -> None:
        changes = unpack(packed)
        try:
            repository = getattr(self._local, "repository", None)
            if repository is None:
                repository = self._local.repository = Repository(self._db_path, daily_backup=False)
            self.saved_reference = repository.save_changes(changes)
        except NotFoundError:
            if changes.whole is not None:
                raise
            self._finished.emit(None, _WHOLE_NEEDED)
            raise
        except DatabaseDamagedError as exc:
            self.read_only = True  # a damaged file is never written to again
            self._finished.emit(None, str(exc))
            raise
        except OpsgError as exc:
            self._finished.emit(None, str(exc))
            raise
        except Exception as exc:  # noqa: BLE001 - a save must never kill the worker silently
            self._finished.emit(None, f"could not save: {exc}")
            raise
        self._finished.emit(dt.datetime.now(), None)

    def _close_connection(self) -> None:
        repository = getattr(self._local, "repository", None)
        if repository is not None:
            repository.close()
            self._local.repository = None

    def _mark_failed(self) -> None:
        self.dirty = True
        self.failed_changes.emit()

    def _report(self, when: dt.datetime | None, problem: str | None) -> None:
        if self._stopped:
            return
        if problem == _WHOLE_NEEDED:
            self._mark_failed()  # saved whole as soon as this save has ended
            self._overdue = True
        elif problem is not None:
            self._mark_failed()  # the next save holds everything; retried later or on close
            self._timer.start(max(self._delay, RETRY_MS))
            self.failed.emit(problem)
        else:
            self.saved.emit(when)

    def _next(self) -> None:
        """A save has ended: edits that waited for it go now, coalesced into one."""
        if self._stopped or not self.dirty or self.busy():
            return
        if self._overdue:
            self.save_soon()
        elif not self._timer.isActive():
            self._timer.start(self._delay)
