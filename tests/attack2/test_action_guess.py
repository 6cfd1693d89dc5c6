"""Attack 2: the action bar's guessed target, with the words a secretary types at speed.

Seen under Xvfb: "The SECAS to circulate q1-a by Friday", Ctrl+Shift+A: the
bar offers owner SECAS and "no target"; Enter keeps no target.  The same
"Friday" (or "in 2 weeks") typed into the target field is read as a date,
as the README promises ("Targets can be typed as people say them").
"""

from __future__ import annotations

import datetime as dt

import pytest

from opsg_desktop.core.action_guess import guess_target
from opsg_desktop.core.natural_dates import parse_target_text

TODAY = dt.date(2021, 5, 24)  # a Monday, the demo meeting's day
NEXT = dt.date(2021, 6, 21)


@pytest.mark.parametrize(
    ("words", "said"),
    [("by Friday", "Friday"), ("by next Friday", "next Friday"), ("in 2 weeks", "in 2 weeks")],
)
def test_a_target_said_in_words_is_guessed_as_when_typed(words, said):
    typed = parse_target_text(said, TODAY, NEXT)
    assert isinstance(typed, dt.date)
    assert guess_target(f"The SECAS to circulate the paper {words}", TODAY, NEXT) == typed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The DCC to report within 3 days", dt.date(2021, 5, 27)),
        ("The DCC to report by tomorrow", dt.date(2021, 5, 25)),
        ("SECAS to circulate it in two weeks", dt.date(2021, 6, 7)),
        ("The DCC to look at standby fridays", None),  # a word, not a day
        ("The DCC to report by 11 June", dt.date(2021, 6, 11)),  # the calendar still wins
    ],
)
def test_other_targets_said_in_words(text, expected):
    assert guess_target(text, TODAY, NEXT) == expected
