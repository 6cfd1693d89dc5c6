"""Figures of the action log: per owner open and overdue, open against closed per meeting.

An action's status at a meeting is the status recorded at the latest review
on or before that meeting's date (of two reviews on one date, the later
meeting's, as the store orders them); with no review yet it is open from the
day it was raised.  Overdue means open with a date target (the revised one if
given) before the day asked about.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from opsg_desktop.core.model import Action, ActionStatus, LoggedAction, Target


@dataclass(frozen=True)
class LogLine:
    """One line of the action log as the log view shows it: the action as it stands and
    the reference of the meeting that raised it (its updates are not read)."""

    action: Action
    raised_at: str | None = None


@dataclass(frozen=True)
class OwnerCounts:
    owner: str
    open: int
    overdue: int


@dataclass(frozen=True)
class MeetingCounts:
    """Actions open and closed as they stood at one meeting."""

    reference: str
    date: dt.date
    open: int
    closed: int


def due_date(target: Target | None, revised_target: Target | None) -> dt.date | None:
    """The date an action is due: its revised target if that is a date, else its target.

    The target that counts is the revised one when given (a text revision such
    as "to be determined" replaces the old date: no due date then), else the
    original; it is due only if that is a date.
    """
    given = revised_target or target
    return given if isinstance(given, dt.date) else None


def effective_target(entry: LoggedAction | LogLine) -> dt.date | None:
    """The due date of a log entry (see :func:`due_date`)."""
    return due_date(entry.action.target, entry.action.revised_target)


def is_overdue(entry: LoggedAction | LogLine, today: dt.date) -> bool:
    target = effective_target(entry)
    return entry.action.status == ActionStatus.OPEN and target is not None and target < today


def owner_counts(entries: Iterable[LoggedAction | LogLine], today: dt.date) -> list[OwnerCounts]:
    """Per owner (``(no owner)`` for none), open and overdue, most open first."""
    return tally_owners(
        (e.action.owner, 1, int(is_overdue(e, today)))
        for e in entries
        if e.action.status == ActionStatus.OPEN
    )


def tally_owners(counted: Iterable[tuple[str | None, int, int]]) -> list[OwnerCounts]:
    """Per owner (``(no owner)`` for none or empty), from (owner, open, overdue) counts
    of any grouping: the sums, most open first, then by name.

    One owner whatever the case it was typed in ("DCC", "dcc"), as the command
    line's ``--owner`` matches; shown in its most used spelling.
    """
    counts: dict[str, list[int]] = {}
    spellings: dict[str, dict[str, int]] = {}
    for owner, opened, late in counted:
        name = owner or "(no owner)"
        key = owner_key(name)
        tally = counts.setdefault(key, [0, 0])
        tally[0] += opened
        tally[1] += late
        used = spellings.setdefault(key, {})
        used[name] = used.get(name, 0) + opened
    shown = {key: max(used, key=lambda n: (used[n], n)) for key, used in spellings.items()}
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1][0], shown[kv[0]].casefold()))
    return [OwnerCounts(shown[key], opened, late) for key, (opened, late) in ranked if opened]


def owner_key(owner: str) -> str:
    """What makes two owners one: the letters, whatever their case (ASCII case only, as
    SQLite's NOCASE compares, so the log's filter and its figures agree)."""
    return owner.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def status_at(entry: LoggedAction, day: dt.date) -> ActionStatus | None:
    """The action's status at ``day``; None if it was not raised yet.

    ``entry.updates`` are oldest first (by meeting date, then meeting); of two
    on the latest date, the later one counts.
    """
    latest = None
    for update in entry.updates:
        if update.meeting_date <= day and (
            latest is None or update.meeting_date >= latest.meeting_date
        ):
            latest = update
    if latest is not None:
        return latest.status
    raised = entry.action.raised
    if raised is not None and raised <= day:
        return ActionStatus.OPEN
    return None


def open_closed_by_meeting(
    entries: list[LoggedAction], meetings: list[tuple[str, dt.date]], last: int = 12
) -> list[MeetingCounts]:
    """Open and closed counts at each of the ``last`` meetings (oldest first)."""
    return open_closed_at(last_meetings(meetings, last), {}, entries)


def last_meetings(meetings: Iterable[tuple[str, dt.date]], last: int = 12) -> list:
    """The ``last`` (reference, date) pairs by date, oldest first."""
    return sorted(meetings, key=lambda m: m[1])[-last:]


def open_closed_at(
    chosen: list[tuple[str, dt.date]],
    settled: Mapping[ActionStatus, int],
    moving: Iterable[LoggedAction],
) -> list[MeetingCounts]:
    """Open and closed counts at each ``chosen`` meeting (oldest first).

    ``settled`` counts, by status, the actions whose status is the same at
    every chosen meeting (raised before the first and not reviewed after it);
    ``moving`` are the others, whose status is worked out at each meeting.
    """
    moving = list(moving)
    result = []
    for reference, day in chosen:
        states = [status_at(entry, day) for entry in moving]
        result.append(
            MeetingCounts(
                reference,
                day,
                settled.get(ActionStatus.OPEN, 0) + states.count(ActionStatus.OPEN),
                settled.get(ActionStatus.CLOSED, 0) + states.count(ActionStatus.CLOSED),
            )
        )
    return result
