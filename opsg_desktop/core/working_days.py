"""Working days in England and Wales: the comment deadline of a draft sent out.

Bank holidays come from the ``holidays`` package (``GB``, subdivision
``ENG``: England and Wales share theirs), so the list stays right without a
table of our own; it is imported on first use, off the start-up path.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

#: Working days members have to comment on a draft, unless the secretary says otherwise.
COMMENT_DAYS = 5


@lru_cache(maxsize=32)
def _bank_holidays(year: int) -> frozenset[dt.date]:
    import holidays

    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday and not a bank holiday of England and Wales."""
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_working_days(start: dt.date, days: int = COMMENT_DAYS) -> dt.date:
    """The date ``days`` working days after ``start`` (``start`` itself not counted).

    Raises ValueError for a negative ``days``.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    day = start
    while days:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            days -= 1
    return day
