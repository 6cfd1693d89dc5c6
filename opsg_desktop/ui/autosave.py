"""Saving the open meeting in the background, at most a moment after an edit.

The first edit after a save starts a short timer; when it fires, a copy of
the meeting is written by a worker thread with its own connection, so typing
never waits for the disk.  Edits made while a save runs are caught by the
next one.  Waiting no longer than ``delay_ms`` after the *first* unsaved
edit (not the last) bounds what a crash can lose, however fast one types.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from opsg_desktop.core.errors import OpsgError
from opsg_desktop.core.model import Meeting
from opsg_desktop.store.repository import Repository


class Autosaver(QObject):
    """Writes snapshots of a meeting to the database off the UI thread."""

    saved = Signal(object)  # datetime of the save
    failed = Signal(str)  # the message of what went wrong
    _finished = Signal(object, object)  # (datetime | None, message | None), from the worker

    def __init__(
        self,
        db_path: Path,
        snapshot: Callable[[], Meeting],
        delay_ms: int = 500,
        parent=None,
        *,
        read_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.read_only = read_only
        self._db_path = Path(db_path)
        self._snapshot = snapshot
        self._local = threading.local()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._pending: Future | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.save_soon)
        self._finished.connect(self._report)
        self.dirty = False
        #: The reference the meeting is stored under (its date may move).
        self.saved_reference: str | None = None

    def schedule(self) -> None:
        """Note an edit; a save follows within the delay."""
        self.dirty = True
        if not self._timer.isActive():
            self._timer.start()

    def save_soon(self) -> Future | None:
        """Hand a snapshot to the worker now (if anything changed)."""
        self._timer.stop()
        if not self.dirty or self.read_only:
            return self._pending
        self.dirty = False
        meeting = self._snapshot()
        self._pending = self._executor.submit(self._write, meeting)
        return self._pending

    def save_and_wait(self, timeout: float = 30.0) -> bool:
        """Save everything now and wait for it; False when the save failed."""
        future = self.save_soon()
        if future is None:
            return not self.dirty
        try:
            future.result(timeout)
        except Exception:  # noqa: BLE001 - reported through ``failed`` already
            self.dirty = True
            return False
        return True

    def shutdown(self) -> bool:
        """Save what is left and stop the worker; False when that last save failed."""
        saved = self.save_and_wait()
        self.stop()
        return saved

    def stop(self) -> None:
        """Close the worker's connection and stop the worker (after the last save)."""
        self._timer.stop()
        self._executor.submit(self._close_connection).result()
        self._executor.shutdown(wait=True)

    def _write(self, meeting: Meeting) -> None:
        try:
            repository = getattr(self._local, "repository", None)
            if repository is None:
                repository = self._local.repository = Repository(self._db_path)
            repository.save_meeting(meeting, replace=True, previous_reference=self.saved_reference)
            self.saved_reference = meeting.reference
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

    def _report(self, when: dt.datetime | None, problem: str | None) -> None:
        if problem is not None:
            self.dirty = True  # try again with the next edit or on close
            self.failed.emit(problem)
        else:
            self.saved.emit(when)
