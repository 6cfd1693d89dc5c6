"""Dates and times as the minutes write them."""

from __future__ import annotations

import datetime as dt

from opsg_desktop.core.model import Target


def prose_date(day: dt.date) -> str:
    """``24 May 2021`` (no leading zero)."""
    return f"{day.day} {day:%B %Y}"


def table_date(day: dt.date) -> str:
    """``22/02/2021`` as in the actions outstanding table."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"  # strftime is slow in a busy grid


def target_text(target: Target | None, *, missing: str = "N/A") -> str:
    """A target as a table shows it: a date as ``22/02/2021``, text as it is."""
    if target is None or target == "":
        return missing
    if isinstance(target, dt.date):
        return table_date(target)
    return target


def time_span(start: dt.time | None, end: dt.time | None) -> str | None:
    """``12:20 – 16:50`` with an en dash, or the one time known, or None."""
    parts = [f"{t:%H:%M}" for t in (start, end) if t is not None]
    return " \u2013 ".join(parts) or None


#: What people write for "no target"; the table prints N/A for it.
NO_TARGET_WORDS = frozenset({"", "n/a", "na", "none", "-"})


def target_iso(target: Target | None) -> str | None:
    """A target as files and the database keep it: ISO date, or its text."""
    if target is None:
        return None
    return target.isoformat() if isinstance(target, dt.date) else target


def parse_target(text: str) -> Target:
    """An ISO date becomes a date; anything else stays text."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return text
