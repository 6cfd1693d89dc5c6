"""Targets typed as people say them."""

import datetime as dt

import pytest

from opsg_desktop.core.action_guess import guess_target
from opsg_desktop.core.errors import RuleError
from opsg_desktop.core.natural_dates import parse_target_text

MEETING = dt.date(2021, 5, 24)  # a Monday
NEXT = dt.date(2021, 6, 28)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("11 June", dt.date(2021, 6, 11)),
        ("11th June 2022", dt.date(2022, 6, 11)),
        ("June 11", dt.date(2021, 6, 11)),
        ("1 Jan", dt.date(2022, 1, 1)),
        ("24 May", dt.date(2021, 5, 24)),
        ("11/06/2021", dt.date(2021, 6, 11)),
        ("11/06", dt.date(2021, 6, 11)),
        ("2021-06-11", dt.date(2021, 6, 11)),
        ("next meeting", NEXT),
        ("Next Meeting", NEXT),
        ("tomorrow", dt.date(2021, 5, 25)),
        ("Friday", dt.date(2021, 5, 28)),
        ("monday", dt.date(2021, 5, 31)),
        ("in 2 weeks", dt.date(2021, 6, 7)),
        ("in a month", dt.date(2021, 6, 24)),
        ("Revised date to be determined by DCC", "Revised date to be determined by DCC"),
        ("N/A", None),
        ("   ", None),
    ],
)
def test_typed_targets(typed, expected):
    assert parse_target_text(typed, MEETING, NEXT) == expected


def test_next_meeting_without_a_known_date_stays_text():
    assert parse_target_text("next meeting", MEETING, None) == "Next meeting"


@pytest.mark.parametrize(
    "typed",
    ["31 February", "31/31/2021", "2021-13-01", "30.02.2021", "32 June 2021", "31/31", "0/5/2021"],
)
def test_words_shaped_like_a_date_must_name_a_real_day(typed):
    """A slip such as 31/31/2021 is refused with a message, never kept as words."""
    with pytest.raises(RuleError, match="looks like a date but there is no such day"):
        parse_target_text(typed, MEETING, NEXT)


def test_a_guess_from_an_impossible_date_in_the_words_is_no_guess():
    assert guess_target("The DCC to report by 31 February", MEETING, NEXT) is None
