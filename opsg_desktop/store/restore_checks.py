"""Is this file a backup that may be restored?  Each refusal names the real cause.

A backup given on the command line may be anything: a path mistyped, the
meeting file a ``dump`` wrote, a spreadsheet, a damaged copy, a backup from
a newer version, or the database itself.  ``check_backup`` tells which, and
what to do, before anything is changed.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from opsg_desktop.core.errors import StoreError
from opsg_desktop.store.checks import is_sound, looks_like_sqlite, read_only_connection
from opsg_desktop.store.schema import LATEST_VERSION


def check_backup(backup_path: Path, db_path: Path) -> int:
    """The schema version of a sound OPSG Secretary backup at ``backup_path``.

    Raises StoreError saying what the file is instead (and that nothing was
    changed): missing, a folder, unreadable, the database itself, a JSON
    meeting file or another file, damaged, not OPSG Secretary's, or newer.
    """
    listing = f"`opsg-desktop --db {db_path} backups` lists its backups"
    refused = f"Nothing was changed; {listing}."
    if not backup_path.exists():
        raise StoreError(f"{backup_path} does not exist. {refused}")
    if backup_path.is_dir():
        raise StoreError(f"{backup_path} is a folder, not a database backup. {refused}")
    if not os.access(backup_path, os.R_OK):
        raise StoreError(f"{backup_path} cannot be read: you have no permission to read it.")
    if db_path.exists() and backup_path.samefile(db_path):
        raise StoreError(f"{backup_path} is the database itself, not a backup. {refused}")
    if not looks_like_sqlite(backup_path):
        raise StoreError(_not_a_database(backup_path, refused))
    if not is_sound(backup_path):
        raise StoreError(
            f"{backup_path} is damaged: it fails SQLite's check, so it was not restored. "
            f"Nothing was changed; choose an older backup ({listing})."
        )
    version, ours = _version(backup_path)
    if not ours:
        raise StoreError(
            f"{backup_path} is an SQLite database, but not an OPSG Secretary one (it has no "
            f"meetings table). {refused}"
        )
    if version > LATEST_VERSION:
        raise StoreError(
            f"{backup_path} was written by a newer version of OPSG Secretary (schema "
            f"{version}; this version reads up to {LATEST_VERSION}). Nothing was changed: "
            "install the newer version to restore it."
        )
    return version


def _not_a_database(path: Path, refused: str) -> str:
    with open(path, "rb") as handle:
        head = handle.read(64).lstrip()
    if head.startswith(b"{"):
        return (
            f"{path} is not a database backup: it is a meeting file (JSON). {refused} To bring "
            f"that meeting back, use `opsg-desktop import {path} --replace`."
        )
    return f"{path} is not a database backup (it is not an SQLite file at all). {refused}"


def _version(path: Path) -> tuple[int, bool]:
    """(user_version, whether it has the meetings table) of a sound SQLite file."""
    conn = read_only_connection(path)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        found = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meetings'"
        ).fetchone()
        return version, found is not None
    except sqlite3.Error as exc:
        raise StoreError(f"{path} cannot be read as a database ({exc}).") from exc
    finally:
        conn.close()
