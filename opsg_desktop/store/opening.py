"""Opening a database file: checked, backed up, migrated, or opened read-only.

The order matters for "nothing lost": the file is checked before anything
is written to it (a damaged file is refused, untouched); an older schema is
fully checked and copied aside (checked, under a temporary name) before it
is migrated; a file that cannot be written opens read-only (an older one is
migrated in memory, the file untouched).  Every failure is the project's own
error naming its real cause.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, cast

from opsg_desktop.core.errors import StoreError
from opsg_desktop.store import backups
from opsg_desktop.store.checks import (
    QUICK_CHECK_BUDGET_S,
    is_sound,
    looks_like_sqlite,
    problems,
    read_only_connection,
)
from opsg_desktop.store.errors import (
    DatabaseDamagedError,
    DatabaseReadOnlyError,
    DiskFullError,
    describe,
    restore_advice,
)
from opsg_desktop.store.schema import LATEST_VERSION, MIGRATIONS, LazyDatabase
from opsg_desktop.store.transactions import BUSY_TIMEOUT_MS, write_transaction

if TYPE_CHECKING:
    from sqlite_utils import Database


def can_write(path: Path) -> bool:
    """Whether the database file (or, for a new one, its folder) may be written.

    A file whose permission bits forbid writing counts as read-only even for
    an administrator, who could write it anyway: the user marked it so.
    """
    folder = path.parent
    if path.exists():
        if not os.stat(path).st_mode & 0o222 or not os.access(path, os.W_OK):
            return False
    return os.access(folder, os.W_OK | os.X_OK)


def read_version(path: Path) -> int:
    """The schema version of an existing file, read without changing it."""
    try:
        conn = read_only_connection(path)
    except sqlite3.Error as exc:
        raise _cannot_read(path, exc) from exc
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise _cannot_read(path, exc) from exc
    finally:
        conn.close()


def open_database(
    path: Path,
    *,
    upto: int = LATEST_VERSION,
    read_only: bool = False,
    keep: int = backups.DEFAULT_KEEP,
    daily_backup: bool = True,
) -> Database:
    """Open (creating if need be), check and migrate the database at ``path``.

    The returned Database has ``read_only`` set when it cannot be written.
    ``daily_backup`` makes a backup when the newest is a day old (the window
    does that off its start path instead).  ``upto`` is for tests that build
    an older schema on purpose.  Raises
    StoreError (DatabaseDamagedError, DatabaseReadOnlyError, …).
    """
    path = Path(path)
    if path.is_dir():
        raise StoreError(
            f"{path} is a folder, not a database file. Give the file's own path with --db "
            f"(for example {path / 'opsg.sqlite3'}); nothing was changed."
        )
    exists = path.exists() and path.stat().st_size > 0
    if not exists:
        _refuse_lost(path)
    version = read_version(path) if exists else 0
    if version > LATEST_VERSION:
        raise StoreError(
            f"{path} was written by a newer version of OPSG Secretary (schema {version}; "
            f"this version reads up to {LATEST_VERSION}). Nothing was changed: "
            "install the newer version to open it."
        )
    if exists:
        _refuse_damaged(path, full=version < upto)
    if read_only or (exists and not can_write(path)):
        return _open_read_only(path, version, upto) if exists else _missing(path)
    _make_folder(path)
    if 0 < version < upto:
        _keep_copy(path, version)
    try:
        return _open_writable(path, version, upto, keep if daily_backup else 0)
    except DiskFullError as exc:
        if not exists or version < upto:
            raise
        db = _open_read_only(path, version, upto)  # read the record out; write nothing
        db.read_only_reason = str(exc)
        return db


def _refuse_lost(path: Path) -> None:
    """A missing or emptied (0-byte) database whose backups are still there is the record
    lost, not a new start: DatabaseDamagedError, and nothing is created in its place."""
    from opsg_desktop.store.backups import list_backups

    found = list_backups(path)
    if not found:
        return
    state = "is empty (0 bytes)" if path.exists() else "is missing"
    raise DatabaseDamagedError(
        f"{path} {state}, but {len(found)} backup(s) of it are in {found[0].path.parent} "
        f"(the newest from {found[0].made:%d/%m/%Y %H:%M}). Nothing was created in its place. "
        "Restore the newest good backup (`opsg-desktop restore`, or the window's offer); to "
        "start a new, empty database there instead, move that backups folder away first."
    )


def _open_writable(path: Path, version: int, upto: int, keep: int) -> Database:
    """``keep`` 0 makes no daily backup."""
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        # sqlite-utils is built on this connection only when a write needs it (start-up speed).
        db = cast("Database", LazyDatabase(conn))
        for pragma in ("foreign_keys = ON", f"busy_timeout = {BUSY_TIMEOUT_MS}",
                       "recursive_triggers = ON"):  # fmt: skip
            conn.execute(f"PRAGMA {pragma}")
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = wal")
    except sqlite3.Error as exc:
        raise describe(exc, path, "open") from exc
    _migrate(db, path, version, upto)
    db.read_only = False
    if version and keep:
        backups.backup_if_stale(db.conn, path, keep=keep)
    return db


def _migrate(db: Database, path: Path, version: int, upto: int) -> None:
    for number in range(version + 1, upto + 1):
        with write_transaction(db, path, "upgrade"):
            MIGRATIONS[number - 1](db)
            db.conn.execute(f"PRAGMA user_version = {number}")


def _open_read_only(path: Path, version: int, upto: int) -> Database:
    """A connection that cannot write; an older schema is migrated on a copy in memory."""
    try:
        conn = read_only_connection(path)
        if version < upto:
            memory = sqlite3.connect(":memory:", check_same_thread=False)
            conn.backup(memory)
            conn.close()
            conn = memory
        db = cast("Database", LazyDatabase(conn))
        conn.execute("PRAGMA recursive_triggers = ON")
        if version < upto:
            _migrate(db, path, version, upto)
            db.conn.execute("PRAGMA query_only = ON")
    except sqlite3.Error as exc:
        raise describe(exc, path, "open") from exc
    db.read_only = True
    return db


def _refuse_damaged(path: Path, *, full: bool) -> None:
    """Raise DatabaseDamagedError when SQLite's check fails (bounded unless ``full``)."""
    try:
        found = problems(path, full=full, budget_s=None if full else QUICK_CHECK_BUDGET_S)
    except sqlite3.Error as exc:
        raise _cannot_read(path, exc) from exc
    if found:
        raise _damaged(path, f"SQLite's check found {len(found)} problem(s), the first: "
                             f"{found[0]}", full)  # fmt: skip


def _damaged(path: Path, detail: str, full: bool = False) -> DatabaseDamagedError:
    """The error for a file SQLite finds damaged, naming a stray -wal when only it is."""
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size and not _main_file_problems(path, full):
        return DatabaseDamagedError(
            f"{path} itself is sound, but the {wal.name} file beside it does not fit it "
            f"({detail}); it may come from another copy of the database. Nothing was "
            f"written. Move {wal} aside (rename it) and open the database again; what that "
            "file held since the last save to the main file is then left out, so keep it "
            "until you have checked the meetings."
        )
    return DatabaseDamagedError(
        f"{path} is damaged: {detail}. Nothing was written to it. " + restore_advice(path)
    )


def _main_file_problems(path: Path, full: bool) -> list[str]:
    """The check of the main file alone (its -wal set aside in thought, not on disk)."""
    try:
        return problems(path, full=full, without_wal=True)
    except sqlite3.Error as exc:
        return [str(exc)]


def _cannot_read(path: Path, exc: sqlite3.Error) -> StoreError:
    """The real cause when a file cannot even be read: permissions, damage, or not ours."""
    if not os.access(path, os.R_OK):
        return DatabaseReadOnlyError(
            f"{path} cannot be read: you have no permission to read it. "
            "Ask for access, or choose another file with --db."
        )
    if looks_like_sqlite(path):
        error = describe(exc, path, "read")
        if isinstance(error, DatabaseDamagedError) or "malformed" in str(exc):
            return _damaged(path, str(exc))
        return error
    return StoreError(
        f"{path} is not an OPSG Secretary database ({exc}). "
        "Nothing was changed; choose another file with --db."
    )


def _make_folder(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseReadOnlyError(
            f"Cannot create the folder {path.parent} for the database "
            f"({exc.strerror or exc}). Choose another place with --db."
        ) from exc
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise DatabaseReadOnlyError(
            f"Cannot create the database {path}: the folder {path.parent} is read-only. "
            "Choose another place with --db."
        )


def _missing(path: Path) -> Database:
    raise StoreError(f"{path} does not exist, so it cannot be opened read-only.")


def _keep_copy(path: Path, version: int) -> None:
    """Copy an older database aside before migrating it; a copy that fails its check is redone."""
    backup = path.with_name(f"{path.name}.schema{version}.bak")
    if backup.exists() and is_sound(backup):
        return
    try:
        backups.copy_checked(path, backup)
        backups.make_backup(path, path, f"before-schema{version + 1}")
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(
            f"{path} needs upgrading, but a copy could not be kept first ({exc}); nothing "
            "was changed. Free some disk space, or make the folder writable, and try again."
        ) from exc
