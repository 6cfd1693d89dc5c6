"""Rotating backups of the database, made with SQLite's online backup API.

A backup is a consistent copy taken while the database may be in use.  It
is written under a temporary name (``.<name>.<pid>.tmp``), checked, and only
then renamed, so a kill or a full disk never leaves a half-written file that
looks like a backup; the temporary copies a killed process left behind are
removed the next time a backup is made, listed or restored.  Backups live in
``<database>.backups/`` beside the file; the newest ``keep`` are kept, with
the newest of each of the last seven days and the copy before the latest
upgrade (:func:`backups_to_drop`).  They are made when the database is
opened and the newest is older than a day, before each migration and after
each export.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from opsg_desktop.core.errors import StoreError
from opsg_desktop.store.checks import is_sound, read_only_connection
from opsg_desktop.store.writer_lock import process_alive

#: How many rotating backups are kept unless the caller (the window's setting) says otherwise.
DEFAULT_KEEP = 10
_SUFFIX = ".sqlite3"
_STAMP = "%Y%m%d-%H%M%S-%f"
#: A temporary copy: ``.<name>.<pid>.tmp`` (and SQLite's ``-journal`` beside it).
_TEMPORARY = re.compile(r"^\..*\.(\d+)\.tmp(-journal|-wal|-shm)?$")
#: Past this age a temporary copy is a leftover even if its process id is in use again.
LEFTOVER_AGE_S = 15 * 60


@dataclass(frozen=True)
class Backup:
    """One backup file: when it was made and why (open, migration, export, restore)."""

    path: Path
    made: dt.datetime
    reason: str

    @property
    def label(self) -> str:
        return f"{self.made:%Y-%m-%d %H:%M:%S} ({self.reason})"


def folder_of(db_path: Path) -> Path:
    """The folder that holds the backups of ``db_path``."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".backups")


def list_backups(db_path: Path) -> list[Backup]:
    """Every backup of ``db_path``, newest first (unchecked)."""
    found = []
    for path in folder_of(db_path).glob(f"*{_SUFFIX}"):
        stamp, _, reason = path.stem.partition("_")
        try:
            made = dt.datetime.strptime(stamp, _STAMP)
        except ValueError:
            continue
        found.append(Backup(path, made, reason or "backup"))
    return sorted(found, key=lambda b: b.made, reverse=True)


def newest_good(db_path: Path) -> Backup | None:
    """The newest backup that passes SQLite's check, or None."""
    return next((b for b in list_backups(db_path) if is_sound(b.path)), None)


def make_backup(
    source: sqlite3.Connection | Path, db_path: Path, reason: str, *, keep: int = DEFAULT_KEEP
) -> Path:
    """Copy the database into a new checked backup; drop the oldest beyond ``keep``.

    ``source`` is an open connection (a consistent copy even mid-use) or a path.
    Raises StoreError naming the cause when the copy cannot be written or fails its check.
    """
    folder = folder_of(db_path)
    stamp = dt.datetime.now().strftime(_STAMP)
    target = folder / f"{stamp}_{reason}{_SUFFIX}"
    clear_leftovers(db_path)
    try:
        folder.mkdir(exist_ok=True)
        copy_checked(source, target)
    except (OSError, sqlite3.Error) as exc:
        if folder.exists() and not folder.is_dir():
            raise StoreError(
                f"Could not write a backup of {db_path}: {folder} is a file, where the backups "
                "folder belongs. Move that file away (or rename it) and try again."
            ) from exc
        raise StoreError(f"Could not write a backup of {db_path} in {folder}: {exc}.") from exc
    for old in backups_to_drop(list_backups(db_path), keep):
        with contextlib.suppress(OSError):
            old.path.unlink()
    return target


#: Days back for which the newest backup of each day is kept, beyond the ``keep`` newest.
DAYS_KEPT = 7


def backups_to_drop(found: list[Backup], keep: int) -> list[Backup]:
    """Which of ``found`` (newest first) rotate away: all but the ``keep`` newest, the
    newest of each of the last :data:`DAYS_KEPT` days with a backup, and the newest made
    before a schema upgrade.  So a busy afternoon of exports never pushes out
    yesterday's state, nor the copy taken before an upgrade.
    """
    kept = set(found[: max(keep, 1)])
    days: dict[dt.date, Backup] = {}
    for backup in found:
        days.setdefault(backup.made.date(), backup)
    kept.update(list(days.values())[:DAYS_KEPT])
    upgrades = [b for b in found if b.reason.startswith("before-schema")]
    kept.update(upgrades[:1])
    return [b for b in found if b not in kept]


def backup_if_stale(
    source: sqlite3.Connection | Path, db_path: Path, *, keep: int = DEFAULT_KEEP
) -> None:
    """On open: make a backup when the newest is older than a day (never raises).

    The window calls it from a background thread with a path (its own connection).
    """
    backups = list_backups(db_path)
    if backups and dt.datetime.now() - backups[0].made < dt.timedelta(days=1):
        return
    with contextlib.suppress(StoreError):
        make_backup(source, db_path, "daily", keep=keep)


def clear_leftovers(db_path: Path) -> list[Path]:
    """Remove the temporary copies that killed processes left; returns what was removed.

    Looks in the backups folder and, for the restore's and the migration's
    copies, at ``.<database name>…`` beside the database.  A copy is a leftover
    when its process is gone, or when it is older than :data:`LEFTOVER_AGE_S`
    (the process id may be another program's now); one being written is not.
    Never raises.
    """
    removed = []
    for path, pid in _temporaries(Path(db_path)):
        if _is_leftover(path, pid):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def _temporaries(db_path: Path) -> list[tuple[Path, int]]:
    """Every temporary copy of ``db_path``'s backups, restores and migrations, with its pid."""
    found = []
    for folder in (folder_of(db_path), db_path.parent):
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            match = _TEMPORARY.match(name)
            if match and (folder != db_path.parent or name.lstrip(".").startswith(db_path.name)):
                found.append((folder / name, int(match.group(1))))
    return found


def _is_leftover(path: Path, pid: int) -> bool:
    try:
        age = time.time() - path.stat().st_mtime
    except OSError:
        return False
    if age > LEFTOVER_AGE_S:
        return True
    return pid != os.getpid() and not process_alive(pid)


def copy_checked(source: sqlite3.Connection | Path, target: Path) -> None:
    """Write a copy of ``source`` to ``target`` via a temporary name, checked, then renamed.

    Raises OSError or sqlite3.Error; no temporary file is left either way.
    """
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    own = not isinstance(source, sqlite3.Connection)
    conn = source if isinstance(source, sqlite3.Connection) else read_only_connection(source)
    try:
        with contextlib.suppress(OSError):
            temporary.unlink()
        out = sqlite3.connect(temporary)
        try:
            conn.backup(out)
            out.execute("PRAGMA journal_mode = DELETE")
        finally:
            out.close()
        _fsync(temporary)
        if not is_sound(temporary):
            raise sqlite3.DatabaseError(f"the copy in {temporary.name} failed its check")
        os.replace(temporary, target)
    finally:
        if own:
            conn.close()
        for leftover in (temporary, temporary.with_name(temporary.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())
