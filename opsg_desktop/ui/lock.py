"""One writer per database: the window's lock file beside it.

A ``QLockFile`` named ``<database>.lock`` (``store.writer_lock.lock_path``)
is held while a window has the database open for writing.  A lock left by
a window that crashed or was killed is stale (its process is gone) and is
taken over; the command line reads the same file to refuse writing under
an open window.  A lock that cannot be written at all (a full disk, a
read-only folder) is not another window: the window then opens the file
read-only and says why.
"""

from __future__ import annotations

import enum
import os
import shutil
from pathlib import Path

from PySide6.QtCore import QLockFile, QSysInfo

from opsg_desktop.store.writer_lock import holder, lock_path

#: Below this much free space a lock file that cannot be written is put down to a full disk.
_FULL_BELOW = 256 * 1024


class Locking(enum.Enum):
    """What ``WriterLock.acquire`` found."""

    HELD = "held"  # this window is the database's only writer
    ELSEWHERE = "elsewhere"  # another live window holds it
    UNWRITABLE = "unwritable"  # no lock file can be written there (``WriterLock.cause``)


class WriterLock:
    """The lock of one database file; ``acquire`` first, ``release`` on close."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self.path = lock_path(db_path)
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        #: Why the lock file could not be written ("the disk is full"), after UNWRITABLE.
        self.cause: str | None = None

    def acquire(self) -> Locking:
        """Take the lock now (a stale one is taken over).

        ELSEWHERE only when a live process holds it (QLockFile's LockFailedError);
        its PermissionError or UnknownError (a full disk: Qt removes the lock file
        it could not write), or a stale lock that cannot be removed (a folder made
        read-only since), is UNWRITABLE, with ``cause`` naming why.
        """
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.cause = cannot_write(self.path.parent, exc)
            return Locking.UNWRITABLE
        if self._lock.tryLock(0):
            return Locking.HELD
        if self._lock.error() != QLockFile.LockError.LockFailedError:
            self.cause = cannot_write(self.path.parent)
            return Locking.UNWRITABLE
        if self._pid() != os.getpid() and holder(self.db_path) is None:
            self.cause = (
                f"{cannot_write(self.path.parent)}, so the lock a closed window left "
                f"({self.path.name}) cannot be taken over"
            )
            return Locking.UNWRITABLE
        return Locking.ELSEWHERE

    def holder(self) -> str:
        """Who holds the lock, for the message: 'process 123 on host'."""
        info = self._lock.getLockInfo()  # PySide6 gives (pid, host, application)
        if isinstance(info, tuple) and len(info) == 3 and info[0] > 0:
            return f"process {info[0]} on {info[1]}"
        return "another window"

    def holder_host(self) -> str | None:
        """The computer named in the lock file, when it is not this one; else None."""
        info = self._lock.getLockInfo()
        if isinstance(info, tuple) and len(info) == 3 and info[1]:
            host = str(info[1])
            return None if host == QSysInfo.machineHostName() else host
        return None

    def take_over(self) -> Locking:
        """Remove a lock the secretary says no window holds (one left under another computer
        name), then take it."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            self.cause = cannot_write(self.path.parent, exc)
            return Locking.UNWRITABLE
        return self.acquire()

    def _pid(self) -> int | None:
        info = self._lock.getLockInfo()
        return info[0] if isinstance(info, tuple) and len(info) == 3 else None

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()


def cannot_write(folder: Path, error: OSError | None = None) -> str:
    """Why no file can be written in ``folder``, for a message: a full disk, a read-only
    folder, or the system's own words."""
    try:
        if shutil.disk_usage(folder).free < _FULL_BELOW:
            return f"the disk holding {folder} is full"
    except OSError:
        pass
    if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
        return f"the folder {folder} is read-only"
    detail = f" ({error.strerror or error})" if error is not None else ""
    return f"no file can be written in the folder {folder}{detail}"
