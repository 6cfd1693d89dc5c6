"""Putting a backup back in place of the database, keeping what was there.

Nothing acknowledged is lost, whatever else has the file open and whenever
the process is killed:

* The backup is checked first, and a wrong file is named for what it is
  (missing, a meeting file, not a database, damaged, newer).  A checked copy
  of it, upgraded to the latest schema, is made beside the database.
* A sound database is restored *into*: SQLite's online backup API writes the
  copy over its pages in one write transaction.  While that transaction holds
  the write lock, and before anything is committed, a ``before-restore``
  backup of the database as it stands is made and checked.  Every other
  connection (another command) waits for the lock; what it saved before is in
  that backup, what it saves after lands in the restored database.  A kill
  at any point leaves the old database whole (SQLite's rollback).
* A damaged or missing file, which SQLite cannot be trusted to write into,
  is copied aside (never moved: the database path always holds a file), its
  ``-wal`` moved beside the copy, and the checked copy renamed over it.

The window closes its own connection first; the command line refuses while
a window holds the file (``store.writer_lock``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
import time
from pathlib import Path

from opsg_desktop.core.errors import StoreError
from opsg_desktop.store import backups
from opsg_desktop.store.checks import is_sound
from opsg_desktop.store.errors import DatabaseBusyError, describe
from opsg_desktop.store.restore_checks import check_backup
from opsg_desktop.store.schema import LATEST_VERSION, MIGRATIONS, LazyDatabase
from opsg_desktop.store.transactions import BUSY_TIMEOUT_MS, write_transaction

#: The ``before-restore`` backup is never rotated away by its own making.
_KEEP_ALL = 10_000
_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}  # as the backup's progress reports them


def restore_backup(db_path: Path, backup_path: Path) -> Path | None:
    """Put a checked copy of ``backup_path`` in place of the database at ``db_path``.

    Returns where the replaced content was kept (a ``before-restore`` backup,
    or a ``.damaged-<stamp>`` copy of a damaged file; None when there was no
    file).  Raises StoreError naming the cause (DatabaseBusyError when
    another program kept the database busy); the database is then unchanged.
    """
    db_path, backup_path = Path(db_path), Path(backup_path)
    version = check_backup(backup_path, db_path)
    backups.clear_leftovers(db_path)
    temporary = db_path.with_name(f".{db_path.name}.restore.{os.getpid()}.tmp")
    try:
        backups.copy_checked(backup_path, temporary)
        if version < LATEST_VERSION:
            _upgrade(temporary, version)
        if db_path.exists() and is_sound(db_path, full=True):
            return _write_into(db_path, temporary)
        return _put_in_place(db_path, temporary)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(
            f"Could not restore {backup_path.name} to {db_path} ({exc}). The database "
            "was left as it was: free some disk space, or check that its folder can be "
            "written, and try again."
        ) from exc
    finally:
        for leftover in (temporary, temporary.with_name(temporary.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _upgrade(path: Path, version: int) -> None:
    """Bring the copy at ``path`` to the latest schema, as opening would, then check it."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA recursive_triggers = ON")
        db = LazyDatabase(conn)
        for number in range(version + 1, LATEST_VERSION + 1):
            with write_transaction(db, path, "upgrade the backup in"):
                MIGRATIONS[number - 1](db)
                conn.execute(f"PRAGMA user_version = {number}")
    finally:
        conn.close()
    if not is_sound(path, full=True):
        raise sqlite3.DatabaseError("the upgraded copy failed its check")


def _write_into(db_path: Path, source_path: Path) -> Path:
    """Write ``source_path`` into the live database; returns its ``before-restore`` backup.

    The backup API takes the database's write lock at its first step and holds
    it to the last; the ``before-restore`` copy is made in between (readers
    still see the committed database), so no save can fall between the two.
    A checked OPSG copy has at least two pages, so the first step never ends it.
    """
    source = sqlite3.connect(source_path)
    live = sqlite3.connect(db_path, timeout=BUSY_TIMEOUT_MS / 1000)
    kept: list[Path] = []
    started = time.monotonic()

    def step(status: int, remaining: int, total: int) -> None:
        if status in _BUSY:
            if time.monotonic() - started >= BUSY_TIMEOUT_MS / 1000:
                raise DatabaseBusyError(
                    f"Could not restore to {db_path}: another program kept it busy for more "
                    "than 5 seconds. Nothing was changed; try again in a moment."
                )
        elif status == sqlite3.SQLITE_OK and not kept:  # locked, nothing committed yet
            kept.append(backups.make_backup(db_path, db_path, "before-restore", keep=_KEEP_ALL))

    try:
        source.backup(live, pages=1, progress=step, sleep=0.05)
    except sqlite3.Error as exc:
        raise describe(exc, db_path, "restore a backup to") from exc
    finally:
        source.close()
        live.close()
    if not kept:  # pragma: no cover - a one-page copy, which check_backup refuses
        raise StoreError(f"{source_path} was written without a copy of {db_path} first.")
    return kept[0]


def _put_in_place(db_path: Path, temporary: Path) -> Path | None:
    """Replace a damaged or missing file: at every instant the path holds a whole file."""
    kept = _copy_aside(db_path)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(f"{db_path}-shm")  # the index of the -wal moved aside above
    os.replace(temporary, db_path)
    _fsync_folder(db_path.parent)
    return kept


def _copy_aside(db_path: Path) -> Path | None:
    """Copy the file aside (its ``-wal`` moved beside the copy); None when there is none."""
    wal = Path(f"{db_path}-wal")
    if not db_path.exists() and not wal.exists():
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    if db_path.exists():
        partial = aside.with_name(f".{aside.name}.{os.getpid()}.tmp")
        shutil.copyfile(db_path, partial)
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, aside)
    if wal.exists():
        os.replace(wal, f"{aside}-wal")
    _fsync_folder(db_path.parent)
    return aside


def _fsync_folder(folder: Path) -> None:
    """Make the renames in ``folder`` durable (a power cut after them keeps them)."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
