"""The draft cycle in the database: versions sent, comments, final and the lock.

Rows are keyed by the meeting's reference, not its row id, because saving a
meeting rewrites its rows; a meeting whose date (and so reference) moves takes
its cycle along (:func:`follow_move`).  A locked meeting refuses every save
(:func:`refuse_locked`) until it is unlocked with a reason.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

from opsg_desktop.core.cycle import Comment, DraftCycle, DraftVersion, LockEvent
from opsg_desktop.core.errors import ConflictError, NotFoundError
from opsg_desktop.core.model import MeetingStatus
from opsg_desktop.store.meeting_reader import rows
from opsg_desktop.store.transactions import reading, write_transaction

if TYPE_CHECKING:  # sqlite-utils loads when the store first needs it, not at start
    from sqlite_utils import Database

TABLES = """
CREATE TABLE draft_versions (
    reference TEXT NOT NULL,
    number INTEGER NOT NULL,
    sent TEXT NOT NULL,
    deadline TEXT,
    recipients TEXT NOT NULL,
    PRIMARY KEY (reference, number)
);
CREATE TABLE draft_comments (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL,
    version INTEGER NOT NULL,
    person TEXT NOT NULL,
    received TEXT NOT NULL,
    text TEXT NOT NULL,
    no_comments INTEGER NOT NULL
);
CREATE TABLE meeting_locks (
    reference TEXT PRIMARY KEY,
    agreed_at TEXT,
    locked INTEGER NOT NULL
);
CREATE TABLE lock_events (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL,
    at TEXT NOT NULL,
    event TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX draft_comments_reference ON draft_comments(reference, version);
CREATE INDEX lock_events_reference ON lock_events(reference, id);
"""
_KEYED = ("draft_versions", "draft_comments", "meeting_locks", "lock_events")


def refuse_locked(db: Database, reference: str | None) -> None:
    """ConflictError if the meeting ``reference`` is final and locked."""
    if reference and _lock_row(db, reference).get("locked"):
        raise ConflictError(
            f"{reference} is final and locked; unlock it (a recorded action) to change it"
        )


def follow_move(db: Database, old: str, new: str) -> None:
    """The cycle of meeting ``old`` now belongs to ``new`` (its date moved)."""
    for table in _KEYED:
        db.execute(f"UPDATE {table} SET reference = ? WHERE reference = ?", [new, old])


def _lock_row(db: Database, reference: str) -> dict:
    found = rows(db, "SELECT * FROM meeting_locks WHERE reference = ?", [reference])
    return found[0] if found else {}


def _require(db: Database, reference: str) -> dict:
    found = rows(db, "SELECT reference, date FROM meetings WHERE reference = ?", [reference])
    if not found:
        raise NotFoundError(f"no meeting {reference}; `opsg-desktop list` shows the meetings")
    return found[0]


def load_cycle(db: Database, reference: str) -> DraftCycle:
    """Everything recorded for ``reference`` (an empty cycle when nothing is)."""
    versions = [
        DraftVersion(
            r["number"],
            dt.date.fromisoformat(r["sent"]),
            tuple(json.loads(r["recipients"])),
            dt.date.fromisoformat(r["deadline"]) if r["deadline"] else None,
        )
        for r in rows(
            db, "SELECT * FROM draft_versions WHERE reference = ? ORDER BY number", [reference]
        )
    ]
    comments = [
        Comment(
            r["person"],
            dt.date.fromisoformat(r["received"]),
            r["version"],
            r["text"],
            bool(r["no_comments"]),
        )
        for r in rows(
            db, "SELECT * FROM draft_comments WHERE reference = ? ORDER BY id", [reference]
        )
    ]
    history = [
        LockEvent(dt.datetime.fromisoformat(r["at"]), r["event"], r["detail"])
        for r in rows(db, "SELECT * FROM lock_events WHERE reference = ? ORDER BY id", [reference])
    ]
    lock = _lock_row(db, reference)
    return DraftCycle(versions, comments, lock.get("agreed_at"), bool(lock.get("locked")), history)


def record_version(
    db: Database, reference: str, sent: dt.date, recipients: list[str], deadline: dt.date | None
) -> DraftVersion:
    """Keep a draft as sent; it takes the next number. Refused once the meeting is locked."""
    with db.atomic():
        _require(db, reference)
        refuse_locked(db, reference)
        version = DraftVersion(
            load_cycle(db, reference).next_version(), sent, tuple(recipients), deadline
        )
        db["draft_versions"].insert(
            {
                "reference": reference,
                "number": version.number,
                "sent": sent.isoformat(),
                "deadline": deadline.isoformat() if deadline else None,
                "recipients": json.dumps(list(recipients)),
            }
        )
    return version


def record_comment(db: Database, reference: str, comment: Comment) -> None:
    """Keep a reply; ConflictError when its version was never sent."""
    with db.atomic():
        _require(db, reference)
        if comment.version not in {v.number for v in load_cycle(db, reference).versions}:
            raise ConflictError(f"{reference} has no draft v0.{comment.version} to comment on")
        db["draft_comments"].insert(
            {
                "reference": reference,
                "version": comment.version,
                "person": comment.person,
                "received": comment.received.isoformat(),
                "text": comment.text,
                "no_comments": int(comment.no_comments),
            }
        )


def mark_final(db: Database, reference: str, agreed_at: str, now: dt.datetime) -> None:
    """Status final, agreed at the meeting ``agreed_at`` (a later stored meeting), locked."""
    with db.atomic():
        meeting = _require(db, reference)
        agreeing = _require(db, agreed_at)
        if agreeing["date"] <= meeting["date"]:
            raise ConflictError(
                f"{agreed_at} is not after {reference}: minutes are agreed at a later meeting"
            )
        db.execute(
            "UPDATE meetings SET status = ? WHERE reference = ?",
            [MeetingStatus.FINAL.value, reference],
        )
        db["meeting_locks"].upsert(
            {"reference": reference, "agreed_at": agreed_at, "locked": 1}, pk="reference"
        )
        _event(db, reference, now, "lock", f"agreed as final at {agreed_at}")


def unlock(db: Database, reference: str, reason: str, now: dt.datetime) -> None:
    """Allow edits again to a final meeting; the reason is kept. ConflictError if not locked."""
    if not reason.strip():
        raise ConflictError("say why the final minutes are being unlocked")
    with db.atomic():
        _require(db, reference)
        if not _lock_row(db, reference).get("locked"):
            raise ConflictError(f"{reference} is not locked")
        db.execute("UPDATE meeting_locks SET locked = 0 WHERE reference = ?", [reference])
        _event(db, reference, now, "unlock", reason.strip())


def _event(db: Database, reference: str, now: dt.datetime, event: str, detail: str) -> None:
    db["lock_events"].insert(
        {
            "reference": reference,
            "at": now.isoformat(timespec="seconds"),
            "event": event,
            "detail": detail,
        }
    )


class CycleRecords:
    """The draft cycle of a repository's meetings: what the window and the CLI call.

    Every change is one write transaction that starts as the writer
    (``store.transactions``: it waits its turn under the busy timeout), and is
    refused before anything is written when the repository is read-only or
    held by a window (``Repository.refuse_if_read_only``).  Errors are
    ``NotFoundError`` (no such meeting), ``ConflictError`` (locked, version
    never sent, no reason) and the store's own (busy, read-only, in use).
    """

    def __init__(self, repository) -> None:
        self.repository = repository
        self.db: Database = repository.db

    def load(self, reference: str) -> DraftCycle:
        with reading(self.repository.path, "the draft cycle"):
            return load_cycle(self.db, reference)

    def record_version(
        self, reference: str, sent: dt.date, recipients: list[str], deadline: dt.date | None
    ) -> DraftVersion:
        with self._writing():
            return record_version(self.db, reference, sent, recipients, deadline)

    def record_comment(self, reference: str, comment: Comment) -> None:
        with self._writing():
            record_comment(self.db, reference, comment)

    def mark_final(self, reference: str, agreed_at: str, now: dt.datetime | None = None) -> None:
        with self._writing():
            mark_final(self.db, reference, agreed_at, now or dt.datetime.now())

    def unlock(self, reference: str, reason: str, now: dt.datetime | None = None) -> None:
        with self._writing():
            unlock(self.db, reference, reason, now or dt.datetime.now())

    def _writing(self):
        self.repository.refuse_if_read_only()
        return write_transaction(self.db, self.repository.path)
