"""The repository: meetings, roster and action log in one SQLite file.

Everything the application and the command line store or read goes through
:class:`Repository`; each public write is one transaction, all or nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import overload

from opsg_desktop.core.carryover import carry_over
from opsg_desktop.core.errors import ConflictError, NotFoundError, StoreError
from opsg_desktop.core.model import (
    ActionBlock,
    ActionStatus,
    Group,
    LoggedAction,
    Meeting,
    MeetingKind,
    Person,
    walk_blocks,
)
from opsg_desktop.core.numbering import assign_action_ids
from opsg_desktop.core.rules import validate_meeting
from opsg_desktop.store import backups, cycle
from opsg_desktop.store import meeting_writer as writer
from opsg_desktop.store.codec import date_in
from opsg_desktop.store.errors import DatabaseReadOnlyError, DiskFullError
from opsg_desktop.store.meeting_reader import (
    action_from_row,
    read_group,
    read_meeting,
    read_updates,
    rows,
)
from opsg_desktop.store.opening import open_database
from opsg_desktop.store.transactions import read_method, reading, write_transaction


@dataclass(frozen=True)
class MeetingSummary:
    reference: str
    date: dt.date
    kind: str
    status: str
    actions_raised: int
    actions_open: int


@dataclass(frozen=True)
class SearchHit:
    meeting_reference: str | None
    where: str
    snippet: str
    rank: float


class Repository:
    """Load and save meetings and the action log of one database file."""

    def __init__(
        self,
        path: Path,
        *,
        read_only: bool = False,
        keep_backups: int = 10,
        daily_backup: bool = True,
    ) -> None:
        self.path = Path(path)
        self.db = open_database(
            self.path, read_only=read_only, keep=keep_backups, daily_backup=daily_backup
        )
        #: True when the file cannot (or must not) be written: saves are refused.
        self.read_only: bool = self.db.read_only
        #: Why writes are refused, when more is known than "read-only": the disk was full
        #: on opening (DiskFullError), or a window holds the file (DatabaseInUseError, set
        #: by the command line); raised again on every write.
        self.refusal: StoreError | None = None
        if self.db.read_only_reason:  # (LazyDatabase's; never builds sqlite-utils)
            self.refusal = DiskFullError(self.db.read_only_reason)
        #: Why the file is open read-only, when the opener knows (a lock file that cannot be
        #: written: "the disk … is full"), for the window's read-only bar and a save's refusal.
        self.read_only_cause: str | None = None

    def backup(self, reason: str, *, keep: int = 10) -> Path:
        """A checked copy of the database in its backups folder (see ``store.backups``)."""
        return backups.make_backup(self.db.conn, self.path, reason, keep=keep)

    def close(self) -> None:
        self.db.close()

    # -- meetings ---------------------------------------------------------

    def save_meeting(
        self, meeting: Meeting, *, replace: bool = False, previous_reference: str | None = None
    ) -> str:
        """Store ``meeting`` (numbering its new actions) and return its reference.

        A meeting whose reference exists is refused unless ``replace``; either
        way nothing is half-written.  The meeting is first put through
        ``core.rules.validate_meeting`` (ValidationError lists what breaks a
        rule), so no write ever meets a constraint the rules did not check.
        ``previous_reference`` names the stored meeting this one replaces when
        its date (and so its reference) moved.
        """
        self.refuse_if_read_only()
        validate_meeting(meeting)
        with write_transaction(self.db, self.path):
            existing = self._meeting_row(meeting.reference, required=False)
            moved = previous_reference not in (None, meeting.reference)
            if moved and existing:
                raise ConflictError(
                    f"{meeting.reference} already exists: another meeting has that "
                    "number and date; choose another date"
                )
            cycle.refuse_locked(self.db, previous_reference if moved else meeting.reference)
            if moved:
                assert previous_reference is not None  # what "moved" means
                existing = self._meeting_row(previous_reference, required=False)
                cycle.follow_move(self.db, previous_reference, meeting.reference)
            elif existing and not replace:
                raise ConflictError(  # the command line adds its --replace to this
                    f"{meeting.reference} is already in the database; nothing was changed"
                )
            group_id = writer.upsert_group(
                self.db, meeting.group, refresh=self._is_newest(meeting, existing)
            )
            self._refuse_number_clash(meeting, group_id, existing)
            raised, reviewed = self._delete(existing) if existing else ([], [])
            assign_action_ids(meeting, self._ids_of(meeting))
            self._record_issued(meeting)
            meeting_id = writer.insert_meeting_row(self.db, meeting, group_id)
            writer.insert_people(self.db, meeting_id, meeting.people)
            writer.insert_agenda(self.db, meeting, meeting_id, group_id)
            writer.insert_reviews(self.db, meeting_id, group_id, meeting.outstanding)
            self._drop_orphans(raised, reviewed)
            own = {b.id for _, b in walk_blocks(meeting) if isinstance(b, ActionBlock) and b.id}
            touched = {r.action.id for r in meeting.outstanding} | set(reviewed) | own
            writer.refresh_action_state(self.db, sorted(touched))
        return meeting.reference

    def save_changes(self, changes) -> str:
        """Store what changed in an open meeting (``store.meeting_delta``); its reference.

        A whole meeting is saved as :meth:`save_meeting` with ``replace``; parts
        are written in one transaction.  Either way nothing is half-written.
        """
        if changes.whole is not None:
            return self.save_meeting(
                changes.whole, replace=True, previous_reference=changes.previous_reference
            )
        from opsg_desktop.store.meeting_delta import write_changes

        self.refuse_if_read_only()
        with write_transaction(self.db, self.path):
            write_changes(self.db, self, changes)
        return changes.reference

    def load_meeting(self, reference: str) -> Meeting:
        """The meeting with this reference; NotFoundError if there is none.

        A meeting the file cannot give back (damage) raises DatabaseDamagedError.
        """
        with reading(self.path, f"the meeting {reference}"):
            return read_meeting(self.db, self._meeting_row(reference))

    @read_method("the meeting list")
    def list_meetings(self) -> list[MeetingSummary]:
        """Every meeting, oldest first, with the actions it raised."""
        found = rows(
            self.db,
            """SELECT m.reference, m.date, m.kind, m.status,
                      COUNT(a.id) AS raised,
                      COALESCE(SUM(a.status = 'open'), 0) AS open
               FROM meetings m LEFT JOIN actions a ON a.meeting_id = m.id
               GROUP BY m.id ORDER BY m.date, m.id""",
        )
        return [
            MeetingSummary(
                r["reference"], date_in(r["date"]), r["kind"], r["status"], r["raised"], r["open"]
            )
            for r in found
        ]

    def create_next(
        self,
        reference: str,
        date: dt.date,
        kind: MeetingKind = MeetingKind.MAIN,
        number: str | None = None,
    ) -> Meeting:
        """Create and store the meeting following ``reference`` (see core.carryover)."""
        previous = self.load_meeting(reference)
        if date <= previous.date:
            raise ConflictError(
                f"the next meeting must come after {reference} ({previous.date.isoformat()}); "
                f"{date.isoformat()} does not"
            )
        if number is not None and number == previous.number:
            raise ConflictError(
                f"{reference} is meeting {number} already; give the next meeting another number"
            )
        open_actions = [
            entry.action
            for entry in self.action_log(open_only=True)
            if entry.action.id.startswith(previous.group.abbreviation + " ")
        ]
        meeting = carry_over(previous, date, kind, open_actions, number)
        if self._meeting_row(meeting.reference, required=False):
            raise ConflictError(
                f"{meeting.reference} already exists: the meeting after {reference} on that "
                "date was made before; open it, or choose another date or number"
            )
        self.save_meeting(meeting)
        return meeting

    @read_method("the meeting list")
    def has_meeting(self, reference: str) -> bool:
        """Whether a meeting of that reference is stored (one indexed look-up)."""
        found = self.db.execute("SELECT 1 FROM meetings WHERE reference = ?", [reference])
        return found.fetchone() is not None

    @read_method("the meeting list")
    def newest_meeting(self) -> str | None:
        """The reference of the latest meeting by date, or None in an empty database.

        Reads the meetings table only (one row a month), never the actions.
        """
        found = self.db.execute(
            "SELECT reference FROM meetings ORDER BY date DESC, id DESC LIMIT 1"
        ).fetchone()
        return found[0] if found else None

    @read_method("the group")
    def latest_group(self) -> Group | None:
        """The group of the most recent meeting, or None in an empty database."""
        found = self.db.execute(
            "SELECT group_id FROM meetings ORDER BY date DESC, id DESC LIMIT 1"
        ).fetchone()
        return read_group(self.db, found[0]) if found else None

    # -- action log -------------------------------------------------------

    @read_method("the action log")
    def action_log(
        self, *, open_only: bool = False, owner: str | None = None
    ) -> list[LoggedAction]:
        """Actions in id order (``core.carryover.action_sort_key``), each with where it was
        raised and every update."""
        where, params = [], []
        if open_only:
            where.append("a.status = ?")
            params.append(ActionStatus.OPEN.value)
        if owner:
            where.append("a.owner = ? COLLATE NOCASE")
            params.append(owner)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        found = rows(
            self.db,
            f"""SELECT a.*, m.reference AS raised_at FROM actions a
                LEFT JOIN meetings m ON m.id = a.meeting_id {clause}
                ORDER BY a.sort_key, a.id""",
            params,
        )
        updates = read_updates(self.db, f"SELECT a.id FROM actions a {clause}", params)
        return [
            LoggedAction(action_from_row(r), r["raised_at"], updates.get(r["id"], []))
            for r in found
        ]

    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        """Full-text search over notes, actions and updates, every match ranked, best first
        (see ``store.search``)."""
        from opsg_desktop.store.search import search

        with reading(self.path, "the search index"):
            return [SearchHit(*hit) for hit in search(self.db, text, limit, candidates=None)]

    # -- internals --------------------------------------------------------

    def refuse_if_read_only(self) -> None:
        """Raise before any write to a file opened read-only: ``refusal`` when set, else
        DatabaseReadOnlyError; nothing is written either way."""
        if self.refusal is not None:
            raise type(self.refusal)(str(self.refusal))
        if self.read_only:
            why = self.read_only_cause or (
                "the file or its folder is read-only, or another window holds it"
            )
            raise DatabaseReadOnlyError(
                f"{self.path} is open read-only ({why}); nothing was saved to it. Copy it to "
                "a folder you can write to, or close the other window."
            )

    @overload
    def _meeting_row(self, reference: str) -> dict: ...
    @overload
    def _meeting_row(self, reference: str, *, required: bool) -> dict | None: ...
    def _meeting_row(self, reference: str, *, required: bool = True) -> dict | None:
        found = rows(self.db, "SELECT * FROM meetings WHERE reference = ?", [reference])
        if not found and required:
            raise NotFoundError(
                f"no meeting {reference} in {self.path}; `opsg-desktop list` shows the meetings"
            )
        return found[0] if found else None

    def _is_newest(self, meeting: Meeting, existing: dict | None) -> bool:
        """No other meeting of the group is later than ``meeting`` (its group row follows it)."""
        later = self.db.execute(
            """SELECT 1 FROM meetings m JOIN groups g ON g.id = m.group_id
               WHERE g.abbreviation = ? AND m.date > ? AND m.id != ? LIMIT 1""",
            [
                meeting.group.abbreviation,
                meeting.date.isoformat(),
                existing["id"] if existing else -1,
            ],
        ).fetchone()
        return later is None

    def _refuse_number_clash(self, meeting: Meeting, group_id: int, existing: dict | None) -> None:
        """Another stored meeting (not the one being replaced) with this number."""
        clash = rows(
            self.db,
            """SELECT reference FROM meetings
               WHERE group_id = ? AND number = ? AND reference != ? AND id != ?""",
            [group_id, meeting.number, meeting.reference, existing["id"] if existing else -1],
        )
        if clash:
            raise ConflictError(
                f"meeting number {meeting.number} is already used by {clash[0]['reference']}; "
                "action ids would clash. Give this meeting another number."
            )

    @read_method("the action ids")
    def issued_action_ids(self, meeting: Meeting) -> list[str]:
        """Ids of the log that belong to ``meeting``'s number (so none is given twice)."""
        return self._ids_of(meeting)

    @read_method("the people")
    def known_people(self) -> list[Person]:
        """Everyone on any roster, as last seen (for completion), by name."""
        # SQLite takes a MAX() query's other columns from the row holding the maximum,
        # so each name comes as recorded at its latest meeting, chosen in SQL.
        found = self.db.execute(
            """SELECT a.name, a.category, a.organisation, a.role, a.email,
                      MAX(m.date || printf('%010d', m.id))
               FROM attendances a JOIN meetings m ON m.id = a.meeting_id
               GROUP BY a.name_key ORDER BY a.name_key"""
        ).fetchall()
        return [Person(n, c, o, r, email=e) for n, c, o, r, e, _ in found]

    @read_method("the owners")
    def known_owners(self) -> list[str]:
        """Every action owner and organisation seen, and each group's abbreviation."""
        found = self.db.execute(
            """SELECT owner FROM actions WHERE owner IS NOT NULL
               UNION SELECT organisation FROM attendances WHERE organisation IS NOT NULL
               UNION SELECT abbreviation FROM groups"""
        ).fetchall()
        return sorted({r[0] for r in found}, key=str.casefold)

    def _ids_of(self, meeting: Meeting) -> list[str]:
        prefix = f"{meeting.group.abbreviation} {meeting.number}/"
        # A range on the primary key ("/" + 1 is "0"): a look-up, not a scan of every id.
        found = self.db.execute(
            "SELECT id FROM issued_action_ids WHERE id >= ? AND id < ?", [prefix, prefix[:-1] + "0"]
        )
        return [r[0] for r in found.fetchall()]

    def _record_issued(self, meeting: Meeting) -> None:
        """Every id the meeting uses stays taken, even if its action is dropped later."""
        ids = [b.id for _, b in walk_blocks(meeting) if isinstance(b, ActionBlock) and b.id]
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO issued_action_ids (id) VALUES (?)", [(i,) for i in ids]
        )

    def _delete(self, existing: dict) -> tuple[list[str], list[str]]:
        """Delete a meeting being replaced; return the ids it raised and reviewed."""

        def ids(sql: str) -> list[str]:
            return [r[0] for r in self.db.execute(sql, [existing["id"]]).fetchall()]

        raised = ids("SELECT id FROM actions WHERE meeting_id = ?")
        reviewed = ids("SELECT action_id FROM action_reviews WHERE meeting_id = ?")
        self.db.execute("DELETE FROM meetings WHERE id = ?", [existing["id"]])
        return raised, reviewed

    def _drop_orphans(self, raised: list[str], reviewed: list[str]) -> None:
        """Forget actions that only the replaced version of a meeting knew."""
        for action_id in raised + reviewed:
            row = rows(
                self.db,
                """SELECT meeting_id,
                          (SELECT COUNT(*) FROM action_reviews WHERE action_id = :id) AS reviews
                   FROM actions WHERE id = :id""",
                {"id": action_id},
            )[0]
            if row["meeting_id"] is not None or (row["reviews"] and action_id not in raised):
                continue
            if row["reviews"]:
                raise ConflictError(
                    f"{action_id} was raised at the meeting being replaced and is reviewed at "
                    "a later meeting; keep it in the new version of the meeting"
                )
            self.db.execute("DELETE FROM actions WHERE id = ?", [action_id])
