"""Guessing an action's owner, target and topic from its words."""

import datetime as dt

import pytest

from opsg_desktop.core.action_guess import guess_owner, guess_target, guess_topic

MEETING, NEXT = dt.date(2021, 5, 24), dt.date(2021, 6, 28)


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("The DCC to provide its Service Request forecast.", "DCC"),
        ("SECAS to highlight Problems in the next report.", "SECAS"),
        ("The OPSG to provide any comments to SECAS by 11 June.", "OPSG"),
        ("CH & Network Programme: The DCC to provide a roadmap", "DCC"),
        ("the dcc to check", "DCC"),
        ("Provide a glossary of terms.", None),
    ],
)
def test_owner(text, owner):
    assert guess_owner(text, known=["DCC", "SECAS", "OPSG"]) == owner


def test_topic_only_when_an_owner_follows():
    assert guess_topic("CH & Network Programme: The DCC to provide a roadmap") == (
        "CH & Network Programme"
    )
    assert guess_topic("Note: this is not an action") is None


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The OPSG to comment to SECAS by 11 June.", dt.date(2021, 6, 11)),
        ("The DCC to report by June 1st", dt.date(2021, 6, 1)),
        ("The DCC to provide an update at the next meeting (OPSG_52).", "Next meeting (OPSG_52)"),
        ("The DCC to report at the next meeting", NEXT),
        ("SECAS to circulate the paper by OPSG 53", "Meeting (OPSG 53)"),
        ("The DCC to report by June 11", dt.date(2021, 6, 11)),
        ("The DCC to split the graph by region.", None),
    ],
)
def test_target(text, target):
    assert guess_target(text, MEETING, NEXT) == target


def test_a_named_meeting_gives_its_date_when_known():
    known = {"OPSG_52": dt.date(2021, 7, 12)}
    text = "The DCC to provide an update at the next meeting (OPSG_52)."
    assert guess_target(text, MEETING, NEXT, known) == dt.date(2021, 7, 12)
    assert guess_target("The DCC to report at the next meeting", MEETING, NEXT, known) == NEXT
