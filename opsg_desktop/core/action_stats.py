"""Figures of the action log: per owner open and overdue, open against closed per meeting.

An action's status at a meeting is the status recorded at the latest review
on or before that meeting's date; with no review yet it is open from the day
it was raised.  Overdue means open with a date target (the revised one if
given) before the day asked about.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from opsg_desktop.core.model import ActionStatus, LoggedAction


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


def effective_target(entry: LoggedAction) -> dt.date | None:
    """The date an action is due: its revised target if that is a date, else its target."""
    action = entry.action
    for target in (action.revised_target, action.target):
        if isinstance(target, dt.date):
            return target
        if target:
            return None  # a text revision ("to be determined") replaces the old date
    return None


def is_overdue(entry: LoggedAction, today: dt.date) -> bool:
    target = effective_target(entry)
    return entry.action.status == ActionStatus.OPEN and target is not None and target < today


def owner_counts(entries: list[LoggedAction], today: dt.date) -> list[OwnerCounts]:
    """Per owner (``(no owner)`` for none), open and overdue, most open first."""
    counts: dict[str, list[int]] = {}
    for entry in entries:
        if entry.action.status != ActionStatus.OPEN:
            continue
        owner = entry.action.owner or "(no owner)"
        tally = counts.setdefault(owner, [0, 0])
        tally[0] += 1
        tally[1] += is_overdue(entry, today)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0].casefold()))
    return [OwnerCounts(owner, opened, late) for owner, (opened, late) in ranked]


def status_at(entry: LoggedAction, day: dt.date) -> ActionStatus | None:
    """The action's status at ``day``; None if it was not raised yet."""
    raised = entry.action.raised
    reviews = [u for u in entry.updates if u.meeting_date <= day]
    if reviews:
        return max(reviews, key=lambda u: u.meeting_date).status
    if raised is not None and raised <= day:
        return ActionStatus.OPEN
    return None


def open_closed_by_meeting(
    entries: list[LoggedAction], meetings: list[tuple[str, dt.date]], last: int = 12
) -> list[MeetingCounts]:
    """Open and closed counts at each of the ``last`` meetings (oldest first)."""
    chosen = sorted(meetings, key=lambda m: m[1])[-last:]
    result = []
    for reference, day in chosen:
        states = [status_at(entry, day) for entry in entries]
        result.append(
            MeetingCounts(
                reference,
                day,
                sum(s == ActionStatus.OPEN for s in states),
                sum(s == ActionStatus.CLOSED for s in states),
            )
        )
    return result
