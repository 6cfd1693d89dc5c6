"""One writer per database: the window's lock file beside it.

A ``QLockFile`` named ``<database>.lock`` (``store.writer_lock.lock_path``)
is held while a window has the database open for writing.  A lock left by
a window that crashed or was killed is stale (its process is gone) and is
taken over; the command line reads the same file to refuse writing under
an open window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from opsg_desktop.store.writer_lock import lock_path


class WriterLock:
    """The lock of one database file; ``acquire`` first, ``release`` on close."""

    def __init__(self, db_path: Path) -> None:
        self.path = lock_path(db_path)
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age

    def acquire(self) -> bool:
        """Take the lock now (a stale one is taken over); False when a live process holds it."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return True  # a folder we cannot write: the database opens read-only anyway
        if self._lock.tryLock(0):
            return True
        if self._lock.error() == QLockFile.LockError.PermissionError:
            return True  # cannot write the lock beside the file: read-only, nothing to guard
        return False

    def holder(self) -> str:
        """Who holds the lock, for the message: 'process 123 on host'."""
        info = self._lock.getLockInfo()  # PySide6 gives (pid, host, application)
        if isinstance(info, tuple) and len(info) == 3 and info[0] > 0:
            return f"process {info[0]} on {info[1]}"
        return "another window"

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()
