"""Putting a backup back in place of the database, keeping what was there.

The current file is never thrown away: a sound one is backed up first
(reason ``before-restore``), a damaged one is renamed beside itself.  The
backup is copied under a temporary name, checked, and renamed onto the
database, and the old ``-wal``/``-shm`` files (which belong to the replaced
file) are removed.  No connection to the database may be open meanwhile:
the window closes its own, and the command line refuses while a window
holds the file (``store.writer_lock``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from pathlib import Path

from opsg_desktop.core.errors import StoreError
from opsg_desktop.store import backups
from opsg_desktop.store.checks import is_sound


def restore_backup(db_path: Path, backup_path: Path) -> Path | None:
    """Replace ``db_path`` by a checked copy of ``backup_path``.

    Returns where the replaced file was kept (a backup or a renamed damaged
    file; None when there was no file).  Raises StoreError naming the cause.
    """
    db_path, backup_path = Path(db_path), Path(backup_path)
    if not is_sound(backup_path):
        raise StoreError(f"{backup_path} fails SQLite's check, so it was not restored.")
    kept = _keep_current(db_path)
    temporary = db_path.with_name(f".{db_path.name}.restore.tmp")
    try:
        backups.copy_checked(backup_path, temporary)
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(str(db_path) + suffix)
        os.replace(temporary, db_path)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(
            f"Could not restore {backup_path.name} over {db_path} ({exc}); "
            f"the previous file is kept at {kept}."
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
    return kept


def _keep_current(db_path: Path) -> Path | None:
    if not db_path.exists():
        return None
    if is_sound(db_path, full=True):
        return backups.make_backup(db_path, db_path, "before-restore", keep=10_000)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    try:
        os.replace(db_path, aside)
        for suffix in ("-wal", "-shm"):
            if os.path.exists(str(db_path) + suffix):
                os.replace(str(db_path) + suffix, str(aside) + suffix)
    except OSError as exc:
        raise StoreError(f"Could not move the damaged {db_path} aside ({exc}).") from exc
    return aside
