"""The action log read a page at a time, filtered, ordered and counted in SQL.

Ten years of a group's history hold tens of thousands of actions; the log
view shows a page of them and a few figures, so nothing here reads the whole
log into Python:

* lines come in id order (``core.carryover.action_sort_key``), kept by the
  generated column ``actions.sort_key`` and its index (schema v6), a page at
  a time after the last one shown (keyset paging);
* filters (owner, status, age, raising meeting) are ``WHERE`` clauses, and
  counts are ``count(*)``;
* per-owner figures read the open actions only;
* open against closed at the last meetings counts the actions that did not
  move in that span in SQL, and works out the others (raised or reviewed
  since the first of those meetings) with ``core.action_stats``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from opsg_desktop.core.action_stats import (
    LogLine,
    MeetingCounts,
    OwnerCounts,
    due_date,
    open_closed_at,
    owner_key,
    tally_owners,
)
from opsg_desktop.core.model import ActionStatus, LoggedAction
from opsg_desktop.store.codec import date_in, target_in
from opsg_desktop.store.meeting_reader import action_from_row, read_updates
from opsg_desktop.store.transactions import read_method

#: ``core.carryover.action_sort_key`` as SQL over ``id``: a text that sorts as the key does
#: (meeting number, the plain series before CONF, then number; an id that is not well
#: formed after every good one, by its text).  Kept as the generated column ``sort_key``,
#: short (about 13 characters) because four indexes hold it: a meeting number has at most
#: six digits (``core.numbering``), a sequence number sorts by its length, then its digits.
ACTION_ORDER_SQL = """(CASE
  WHEN id GLOB '[A-Za-z]* [1-9]*/[0-9][0-9]*' OR id GLOB '[A-Za-z]* [1-9]*/CONF[0-9][0-9]*'
  THEN printf('0%06d%d%d%02d%s',
    CAST(substr(id, instr(id, ' ') + 1) AS INTEGER),
    substr(id, instr(id, '/') - 1, 1) = 'x',
    substr(id, instr(id, '/') + 1, 4) = 'CONF',
    length(CAST(CAST(substr(id, instr(id, '/') + 1 + 4 * (substr(id, instr(id, '/') + 1, 4)
      = 'CONF')) AS INTEGER) AS TEXT)),
    CAST(CAST(substr(id, instr(id, '/') + 1 + 4 * (substr(id, instr(id, '/') + 1, 4) = 'CONF'))
      AS INTEGER) AS TEXT))
  ELSE '1' || id END)"""

#: Lines of the log view per page.
PAGE = 200

_LINE = """SELECT a.id, a.text, a.topic, a.owner, a.raised, a.target, a.revised_target,
                  a.classification, a.status, m.reference AS raised_at, a.sort_key
           FROM actions a LEFT JOIN meetings m ON m.id = a.meeting_id"""

#: Where a page ends: (sort key, id) of its last line.
PageEnd = tuple[str, str]


@dataclass(frozen=True)
class LogFilter:
    """Which actions the log shows; None means any.

    ``owner`` is matched whatever its case ('' for no owner), ``min_age`` in days since
    raised (an action with no raised date is not old enough for any),
    ``meeting`` is the reference of the meeting that raised it.
    """

    owner: str | None = None
    status: ActionStatus | None = None
    min_age: int | None = None
    meeting: str | None = None

    def where(self, today: dt.date) -> tuple[list[str], list]:
        """SQL conditions over ``actions a``, and their values."""
        clauses: list[str] = []
        values: list = []
        if self.owner:
            clauses.append("a.owner = ? COLLATE NOCASE")  # as the command line's --owner
            values.append(self.owner)
        elif self.owner is not None:
            clauses.append("(a.owner IS NULL OR a.owner = '')")
        if self.status is not None:
            clauses.append("a.status = ?")
            values.append(ActionStatus(self.status).value)  # a combo box hands back its text
        if self.min_age is not None:
            clauses.append("a.raised <= ?")
            values.append((today - dt.timedelta(days=self.min_age)).isoformat())
        if self.meeting is not None:
            clauses.append("a.meeting_id IN (SELECT id FROM meetings WHERE reference = ?)")
            values.append(self.meeting)
        return clauses, values


@dataclass(frozen=True)
class LogFigures:
    """What the log view shows beside its lines: how many actions in all, the owners and
    the meetings to filter by (newest first), per-owner figures and the chart's counts."""

    total: int
    owners: list[str]
    meetings: list[str]
    owner_counts: list[OwnerCounts]
    chart: list[MeetingCounts]


class ActionLogReader:
    """Read the log of the database at ``path`` on a connection of its own that never writes.

    Make, use and close it on one thread (the log view's worker).  Raises the
    store's errors (``store.errors``: damaged, missing, unreadable file), never sqlite3's.
    """

    def __init__(self, path: Path) -> None:
        from opsg_desktop.store.checks import read_only_connection
        from opsg_desktop.store.transactions import reading

        self.path = path
        with reading(path, "the action log"):
            self.conn = read_only_connection(path)
        self.conn.row_factory = sqlite3.Row

    def close(self) -> None:
        self.conn.close()

    @read_method("the action log")
    def count(self, chosen: LogFilter, today: dt.date) -> int:
        """How many actions ``chosen`` lets through."""
        clauses, values = chosen.where(today)
        sql = f"SELECT count(*) FROM actions a {_where(clauses)}"
        return self.conn.execute(sql, values).fetchone()[0]

    @read_method("the action log")
    def page(
        self, chosen: LogFilter, today: dt.date, after: PageEnd | None = None, limit: int = PAGE
    ) -> tuple[list[LogLine], PageEnd | None]:
        """Up to ``limit`` lines in id order after ``after``, and where they end (None if
        there are none)."""
        clauses, values = chosen.where(today)
        if after is not None:
            clauses.append("(a.sort_key, a.id) > (?, ?)")
            values.extend(after)
        found = self.conn.execute(
            f"{_LINE} {_where(clauses)} ORDER BY a.sort_key, a.id LIMIT ?", [*values, limit]
        ).fetchall()
        lines = [LogLine(action_from_row(r), r["raised_at"]) for r in found]
        return lines, ((found[-1]["sort_key"], found[-1]["id"]) if found else None)

    @read_method("the action log")
    def figures(self, today: dt.date) -> LogFigures:
        """Everything of :class:`LogFigures`, read in one go."""
        meetings = [
            r[0] for r in self.conn.execute("SELECT reference FROM meetings ORDER BY date DESC")
        ]
        return LogFigures(
            self.count(LogFilter(), today),
            self.owners(),
            meetings,
            self.owner_counts(today),
            self.open_closed(),
        )

    @read_method("the action log")
    def owners(self) -> list[str]:
        """Every owner named in the log, in alphabetical order regardless of case."""
        found = self.conn.execute(
            "SELECT owner, count(*) FROM actions WHERE owner != '' GROUP BY owner"
        ).fetchall()
        spellings: dict[str, tuple[int, str]] = {}  # one owner whatever the case typed
        for owner, n in found:
            key = owner_key(owner)
            spellings[key] = max(spellings.get(key, (0, owner)), (n, owner))
        return sorted((owner for _, owner in spellings.values()), key=str.casefold)

    @read_method("the action log")
    def owner_counts(self, today: dt.date) -> list[OwnerCounts]:
        """Open and overdue per owner, most open first (``core.action_stats``)."""
        opened = self.conn.execute(
            "SELECT owner, count(*) FROM actions WHERE status = ? GROUP BY owner",
            [ActionStatus.OPEN.value],
        ).fetchall()
        # The target that counts (core.action_stats.due_date) is overdue only if it is a
        # date before today; ISO dates sort as text, so only those sorting before today's
        # are read, and core decides whether each is a date.
        candidates = self.conn.execute(
            """SELECT owner, COALESCE(NULLIF(revised_target, ''), target) AS due, count(*)
               FROM actions WHERE status = ? AND due < ? GROUP BY owner, due""",
            [ActionStatus.OPEN.value, today.isoformat()],
        )
        late = [
            (owner, 0, n)
            for owner, due, n in candidates
            if (day := due_date(target_in(due), None)) is not None and day < today
        ]
        return tally_owners([(owner, n, 0) for owner, n in opened] + late)

    @read_method("the action log")
    def open_closed(self, last: int = 12) -> list[MeetingCounts]:
        """Open and closed at each of the ``last`` meetings by date, oldest first.

        Relies on the store's rule that an action's ``status`` is that of its
        latest review (open when it has none; ``refresh_action_state``).
        """
        found = self.conn.execute(
            "SELECT reference, date FROM meetings ORDER BY date DESC, id DESC LIMIT ?", [last]
        ).fetchall()
        chosen = [(r[0], date_in(r[1])) for r in reversed(found)]
        if not chosen:
            return []
        first = chosen[0][1].isoformat()
        self.conn.execute(
            """CREATE TEMP TABLE IF NOT EXISTS moving (id TEXT PRIMARY KEY) WITHOUT ROWID"""
        )
        self.conn.execute("DELETE FROM moving")
        self.conn.execute(
            """INSERT OR IGNORE INTO moving
               SELECT r.action_id FROM meetings m JOIN action_reviews r ON r.meeting_id = m.id
               WHERE m.date > ?
               UNION SELECT id FROM actions WHERE raised IS NULL OR raised > ?""",
            [first, first],
        )
        moving = self._moving_entries()
        settled = {
            ActionStatus(status): n
            for status, n in self.conn.execute("SELECT status, count(*) FROM actions GROUP BY 1")
        }
        for entry in moving:
            settled[entry.action.status] -= 1
        return open_closed_at(chosen, settled, moving)

    def _moving_entries(self) -> list[LoggedAction]:
        entries = {
            r["id"]: LoggedAction(action_from_row(r), r["raised_at"])
            for r in self.conn.execute(f"{_LINE} WHERE a.id IN (SELECT id FROM moving)")
        }
        for action_id, updates in read_updates(self.conn, "SELECT id FROM moving").items():
            entries[action_id].updates.extend(updates)
        return list(entries.values())


def _where(clauses: list[str]) -> str:
    return f"WHERE {' AND '.join(clauses)}" if clauses else ""
