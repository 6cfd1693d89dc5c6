"""Comment deadlines skip weekends and the bank holidays of England and Wales."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsg_desktop.core.working_days import add_working_days, is_working_day


@pytest.mark.parametrize(
    ("sent", "deadline"),
    [
        (dt.date(2024, 3, 11), dt.date(2024, 3, 18)),  # Monday to Monday
        (dt.date(2024, 3, 15), dt.date(2024, 3, 22)),  # Friday over one weekend
        (dt.date(2024, 3, 28), dt.date(2024, 4, 8)),  # Good Friday and Easter Monday
        (dt.date(2024, 12, 23), dt.date(2025, 1, 2)),  # Christmas, Boxing Day, New Year
        (dt.date(2024, 5, 24), dt.date(2024, 6, 3)),  # Spring bank holiday 27 May
    ],
)
def test_five_working_days(sent, deadline):
    assert add_working_days(sent) == deadline


def test_scottish_only_holiday_is_a_working_day():
    assert is_working_day(dt.date(2024, 1, 2))  # 2 January is a holiday in Scotland only


@given(st.dates(dt.date(2000, 1, 1), dt.date(2060, 12, 31)), st.integers(0, 30))
def test_deadline_is_a_working_day_after_the_start(start, days):
    deadline = add_working_days(start, days)
    assert deadline >= start
    if days:
        assert is_working_day(deadline)
        assert deadline > start
