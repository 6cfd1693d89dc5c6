"""What can go wrong with the database file itself, each named for the user.

All are :class:`~opsg_desktop.core.errors.StoreError`, so every edge that
shows a ``StoreError`` as a message shows these too; the window tells them
apart to offer the right way out (read-only, a backup, another folder).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from opsg_desktop.core.errors import StoreError


class DatabaseBusyError(StoreError):
    """Another program kept the database busy for longer than the busy timeout."""


class DatabaseInUseError(StoreError):
    """The window holds the database's writer lock; the command line must not write."""


class DatabaseDamagedError(StoreError):
    """The file fails SQLite's integrity check (or is not a database at all)."""


class DatabaseReadOnlyError(StoreError):
    """The file or its folder cannot be written."""


class DiskFullError(StoreError):
    """The disk holding the database has no room left."""


_BUSY = {"SQLITE_BUSY", "SQLITE_LOCKED"}
_DAMAGED = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}
_READ_ONLY = {"SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH"}


def describe(exc: sqlite3.Error, path: Path, doing: str = "use") -> StoreError:
    """Turn a raw sqlite3 error into the project's error that names its real cause.

    ``doing`` completes "could not … the database" ("open", "save to", …).
    The primary result code is read from ``exc.sqlite_errorname`` (Python 3.11+).
    """
    name = (getattr(exc, "sqlite_errorname", "") or "").split("_")[:2]
    code = "_".join(name)
    where = f"Could not {doing} the database {path}"
    if code in ("SQLITE_IOERR", "SQLITE_CANTOPEN"):
        code = _cause_on_disk(Path(path)) or code
    if code in _BUSY:
        return DatabaseBusyError(
            f"{where}: another program kept it busy for more than 5 seconds (the window saving, "
            "or a command). Nothing was changed; try again in a moment."
        )
    if code == "SQLITE_FULL" or "disk is full" in str(exc):
        return DiskFullError(
            f"{where}: the disk is full. Nothing was lost: free some space (or move the "
            "database with --db) and try again."
        )
    if code in _DAMAGED:
        return DatabaseDamagedError(
            f"{where}: the file is damaged ({exc}). Nothing was written to it. "
            + restore_advice(Path(path))
        )
    if code in _READ_ONLY:
        return DatabaseReadOnlyError(
            f"{where}: the file or its folder is read-only ({exc}). Open it read-only, or copy "
            "it to a folder you can write to and use --db."
        )
    if code == "SQLITE_IOERR":
        return StoreError(f"{where}: the disk reported an error ({exc}). Check the disk.")
    return StoreError(f"{where} ({exc}).")


def restore_advice(path: Path) -> str:
    """What to do about a damaged, emptied or missing database at ``path``: restore its
    newest backup if it has one; if not, keep the file and recover from it."""
    from opsg_desktop.store.backups import list_backups

    found = list_backups(path)
    if found:
        return (
            f"Restore the newest good backup ({len(found)} in {found[0].path.parent}; "
            "`opsg-desktop restore`, or Meeting > Restore from backup…)."
        )
    return (
        "There is no backup of it to restore. Keep the file as it is (and a copy of it "
        f"elsewhere); `sqlite3 {path.name} .recover` can often get the meetings out of it."
    )


def _cause_on_disk(path: Path) -> str | None:
    """What an I/O error most likely means: a full disk or a read-only folder."""
    import os
    import shutil

    folder = path.parent
    try:
        usage = shutil.disk_usage(folder)
        if usage.total > 0 and usage.free < 256 * 1024:  # (/proc and the like have no size)
            return "SQLITE_FULL"
    except OSError:
        return None
    if not os.access(folder, os.W_OK | os.X_OK):
        return "SQLITE_READONLY"
    return None
