"""Write transactions that wait their turn: ``BEGIN IMMEDIATE`` under the busy timeout.

A deferred transaction that reads first and writes later cannot wait for a
busy database: SQLite fails its upgrade to a writer at once with "database is
locked", whatever the busy timeout.  Every write here therefore starts as a
writer, so a second writer (the command line while the window saves, say)
waits up to :data:`BUSY_TIMEOUT_MS` and then gets a clear message.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from opsg_desktop.store.errors import describe

if TYPE_CHECKING:
    from sqlite_utils import Database

#: How long a writer waits for another one before giving up (milliseconds).
BUSY_TIMEOUT_MS = 5000


@contextmanager
def write_transaction(db: Database, path: Path, doing: str = "save to") -> Iterator[Database]:
    """All of the block's writes or none; raises the project's errors, never sqlite3's.

    Nested use becomes a savepoint inside the outer transaction.
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise describe(exc, path, doing) from exc
    try:
        yield db
        if conn.in_transaction:  # executescript() commits on its own
            conn.execute("COMMIT")
    except sqlite3.Error as exc:
        _rollback(conn)
        raise describe(exc, path, doing) from exc
    except BaseException:
        _rollback(conn)
        raise


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass


@contextmanager
def reading(path: Path, what: str) -> Iterator[None]:
    """Turn a raw sqlite3 error while reading ``what`` into the project's error."""
    try:
        yield
    except sqlite3.Error as exc:
        raise describe(exc, path, f"read {what} from") from exc


def read_method(what: str):
    """Decorate a repository method that reads: raw sqlite3 errors become the project's."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            with reading(self.path, what):
                return method(self, *args, **kwargs)

        return wrapper

    return decorate
