"""Targets typed as people say them: "11 June", "next meeting", "Friday".

``parse_target_text`` turns what the secretary typed into a date where it
names one, relative to the meeting's date, and keeps anything else as the
free text the minutes print ("Revised date to be determined by DCC").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from opsg_desktop.core.dates import NO_TARGET_WORDS
from opsg_desktop.core.model import Target

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
_DAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_DAYS |= {name.lower(): i for i, name in enumerate(calendar.day_abbr)}

_DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?(?:\s+(\d{4}))?$")
_MONTH_DAY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$")
_SLASHED = re.compile(r"^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?$")
_IN_UNITS = re.compile(r"^in\s+(\d+|a|one|two|three|four)\s+(day|week|month)s?$")
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}


def parse_target_text(
    text: str, today: dt.date, next_meeting: dt.date | None = None
) -> Target | None:
    """The date ``text`` names (after ``today`` when no year is given), else the text."""
    cleaned = " ".join(text.strip().split())
    if cleaned.casefold() in NO_TARGET_WORDS:
        return None
    key = cleaned.casefold()
    if key in {"next meeting", "the next meeting", "by the next meeting"}:
        return next_meeting if next_meeting is not None else "Next meeting"
    found = _relative(key, today) or _calendar(key, today)
    return found if found is not None else cleaned


def _relative(key: str, today: dt.date) -> dt.date | None:
    if key == "today":
        return today
    if key == "tomorrow":
        return today + dt.timedelta(days=1)
    if key == "next week":
        return today + dt.timedelta(days=7)
    if key in _DAYS or (key.startswith("next ") and key[5:] in _DAYS):
        weekday = _DAYS[key.removeprefix("next ")]
        ahead = (weekday - today.weekday() - 1) % 7 + 1
        return today + dt.timedelta(days=ahead)
    match = _IN_UNITS.match(key)
    if match:
        count = _COUNTS.get(match[1]) or int(match[1])
        if match[2] == "day":
            return today + dt.timedelta(days=count)
        if match[2] == "week":
            return today + dt.timedelta(weeks=count)
        return _add_months(today, count)
    return None


def _calendar(key: str, today: dt.date) -> dt.date | None:
    day = month = year = None
    if re.match(r"^\d{4}-\d{2}-\d{2}$", key):
        try:
            return dt.date.fromisoformat(key)
        except ValueError:
            return None
    if match := _DAY_MONTH.match(key):
        day, month, year = int(match[1]), _MONTHS.get(match[2]), match[3]
    elif match := _MONTH_DAY.match(key):
        day, month, year = int(match[2]), _MONTHS.get(match[1]), match[3]
    elif match := _SLASHED.match(key):
        day, month, year = int(match[1]), int(match[2]), match[3]
        if year and len(year) == 2:
            year = f"20{year}"
    if not month or day is None:
        return None
    return _on_or_after(today, day, month, int(year) if year else None)


def _on_or_after(today: dt.date, day: int, month: int, year: int | None) -> dt.date | None:
    try:
        if year is not None:
            return dt.date(year, month, day)
        candidate = dt.date(today.year, month, day)
        return candidate if candidate >= today else dt.date(today.year + 1, month, day)
    except ValueError:
        return None


def _add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
