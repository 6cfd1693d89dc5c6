"""Targets typed as people say them: "11 June", "next meeting", "Friday".

``parse_target_text`` turns what the secretary typed into a date where it
names one, relative to the meeting's date, and keeps anything else as the
free text the minutes print ("Revised date to be determined by DCC").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata

from opsg_desktop.core.dates import NO_TARGET_WORDS
from opsg_desktop.core.errors import RuleError
from opsg_desktop.core.model import Target
from opsg_desktop.core.text import clean_line

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
_DAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_DAYS |= {name.lower(): i for i, name in enumerate(calendar.day_abbr)}

_DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?(?:\s+(\d{4}))?$")
_MONTH_DAY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$")
_SLASHED = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?$", re.ASCII)
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", re.ASCII)
_IN_UNITS = re.compile(r"^in\s+(\d+|a|one|two|three|four)\s+(day|week|month)s?$")
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}


def parse_target_text(
    text: str, today: dt.date, next_meeting: dt.date | None = None
) -> Target | None:
    """The date ``text`` names (after ``today`` when no year is given), else the text.

    Raises RuleError for words shaped like a date that name no real day
    (``31/31/2021``, ``30 February``): a typing slip is not kept as free text.
    """
    cleaned = clean_line(text)
    if cleaned.casefold() in NO_TARGET_WORDS:
        return None
    key = cleaned.casefold()
    if key in {"next meeting", "the next meeting", "by the next meeting"}:
        return next_meeting if next_meeting is not None else "Next meeting"
    try:
        found = _relative(key, today)
    except (OverflowError, ValueError):
        raise RuleError(f'"{cleaned}" is further away than any calendar goes') from None
    found = found or calendar_date(cleaned, today)
    return found if found is not None else cleaned


def calendar_date(text: str, today: dt.date | None) -> dt.date | None:
    """The day ``text`` names, or None if it is not shaped like a date.

    Shapes: ``2021-06-11``, ``11/06/2021``, ``11.06.21``, ``11/06``, ``11 June``,
    ``11th June 2021``, ``June 11, 2021`` (day before month where numeric, as in
    the minutes).  Without a year the next such day on or after ``today`` is
    meant; with ``today`` None a year must be given, else None.  Raises
    RuleError when the shape fits but no such day exists.
    """
    key = unicodedata.normalize("NFKC", " ".join(text.split())).casefold()  # ３１ is 31
    day = month = year = None
    if match := _ISO.fullmatch(key):
        year, month, day = match[1], int(match[2]), int(match[3])
    elif match := _DAY_MONTH.match(key):
        day, month, year = int(match[1]), _MONTHS.get(match[2]), match[3]
    elif match := _MONTH_DAY.match(key):
        day, month, year = int(match[2]), _MONTHS.get(match[1]), match[3]
    elif match := _SLASHED.match(key):
        day, month, year = int(match[1]), int(match[3]), match[4]
        if year and len(year) == 2:
            year = f"20{year}"
    if month is None or day is None:
        return None
    if year is None and today is None:
        _refuse_if_never(text, day, month)
        return None
    found = _on_or_after(today, day, month, int(year) if year else None)
    if found is None:
        raise _no_such_day(text)
    return found


def _refuse_if_never(text: str, day: int, month: int) -> None:
    try:
        dt.date(2000, month, day)  # a leap year: 29 February can be meant
    except ValueError:
        raise _no_such_day(text) from None


def _no_such_day(text: str) -> RuleError:
    return RuleError(
        f'"{" ".join(text.split())}" looks like a date but there is no such day; write a real '
        "date (e.g. 11 June 2021, 11/06/2021 or 2021-06-11) or words"
    )


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


def _on_or_after(today: dt.date | None, day: int, month: int, year: int | None) -> dt.date | None:
    try:
        if year is not None:
            return dt.date(year, month, day)
        assert today is not None
        candidate = dt.date(today.year, month, day)
        return candidate if candidate >= today else dt.date(today.year + 1, month, day)
    except ValueError:
        return None


def _add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
