"""Shared builders for the exporter tests: a meeting shaped like real minutes.

Every person here is invented.  The meeting mirrors the house layout's
features: members and other participants with notes, apologies, a white
meeting with an amber item, an amber block in a white item, decisions alone
and in runs, lists, links, and outstanding actions including CONF ones.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from opsg_desktop.core.model import (
    Action,
    ActionBlock,
    ActionStatus,
    ActionUpdate,
    AgendaItem,
    AttendanceMark,
    Classification,
    DecisionBlock,
    Group,
    HeadingBlock,
    Link,
    LinkBlock,
    ListStyle,
    LoggedAction,
    Meeting,
    MeetingKind,
    NextMeeting,
    OutstandingBlock,
    OutstandingReview,
    Person,
    TextBlock,
)

AMBER = Classification.AMBER
WHITE = Classification.WHITE
SECRET_ITEM_TEXT = "Amber session discussion of supplier penalties."
SECRET_BLOCK_TEXT = "Amber aside about a named Service Provider."
SECRET_HEADLINE = "Amber headline that must stay private."
MOD_URL = "https://example.org/modifications/dp160/"
LINK_URL = "https://example.org/papers/panel-report.pdf"


def people() -> list[Person]:
    """An invented roster covering every kind of attendee line."""
    present = AttendanceMark.PRESENT
    return [
        Person("Alex Rowe", category="Operations Group Chair"),
        Person("Taylor Quinn", category="Other SEC Parties"),
        Person("Robin Hale", category="Network Parties"),
        Person("Sam Patel", category="Large Suppliers", alternate_for="Jo Reid"),
        Person("Morgan Fitch", category="Large Suppliers"),
        Person("Jamie Okoro", category="Small Suppliers"),
        Person("Harley Wynn", category="Observers"),
        Person("Kim Lee", organisation="DCC", role="DCC's nominated lead"),
        Person("Pat Moss", organisation="SECAS", role="Meeting Secretary"),
        Person("Drew Ellis", organisation="DCC", items=["5"]),
        Person("Ola Ade", organisation="DCC", items=["6", "7"]),
        Person("Avery Stone", organisation="DCC", items=["5", "6", "7"]),
        Person("Rowan Blake", organisation="BEIS", attendance=present),
        Person("Quinn Harper"),
        Person("Lee Grant", category="Small Suppliers", attendance=AttendanceMark.APOLOGIES),
        Person("Sky Morris", organisation="SECAS", attendance=AttendanceMark.APOLOGIES),
        Person("Frankie Vale", category="Network Parties", attendance=AttendanceMark.ABSENT),
    ]


def _opening_items() -> list[AgendaItem]:
    """Items 1 and 2: previous minutes and the actions outstanding."""
    return [
        AgendaItem(
            "1",
            "Previous Meeting Minutes",
            blocks=[
                TextBlock("The Chair invited members to comment on the Draft Minutes."),
                DecisionBlock("AGREED", "that the Draft Minutes will be published as final"),
            ],
        ),
        AgendaItem(
            "2",
            "Actions Outstanding",
            presenter="SECAS",
            blocks=[
                TextBlock("SECAS presented the updates to the actions outstanding."),
                OutstandingBlock(),
                DecisionBlock("NOTED", "the update"),
            ],
        ),
    ]


def _report_items() -> list[AgendaItem]:
    """Items 3 and 4 (with 4.1): links, sub-headings, actions, decisions, lists."""
    return [
        AgendaItem(
            "3",
            "SEC Panel Reports",
            presenter="SECAS",
            headline="SECAS presented the Panel reports.",
            blocks=[
                TextBlock(
                    "DP160 is in the Development stage.\n\nIt goes to the Sub-Committee"
                    " next.\nDP160 will then be refined.",
                    links=[Link("DP160", MOD_URL)],
                ),
                HeadingBlock("Registration Data Provider Incident Report"),
                TextBlock(SECRET_BLOCK_TEXT, classification=AMBER),
                ActionBlock("The OPSG to comment on the summary by 11 June.", owner="OPSG"),
                ActionBlock(
                    "The DCC to provide its forecast.", owner="DCC", topic="CH & Network Programme"
                ),
                LinkBlock("Panel report", LINK_URL),
                DecisionBlock("NOTED", "the SEC Panel Reports"),
            ],
        ),
        AgendaItem(
            "4",
            "PMR Report",
            presenter="SECAS",
            headline="",
            blocks=[
                TextBlock("SECAS presented its review of the PMR."),
                DecisionBlock("NOTED", "the PMR"),
                DecisionBlock("CONSIDERED", "the commentary."),
                DecisionBlock("AGREED", "the report reflected the service experienced"),
            ],
            items=[
                AgendaItem(
                    "4.1",
                    "SMETS1",
                    presenter="DCC",
                    headline="The DCC reported on SMETS1 migration.",
                    blocks=[
                        TextBlock("Service Availability", list_style=ListStyle.BULLET),
                        TextBlock("Firmware delivery", list_style=ListStyle.BULLET),
                    ],
                )
            ],
        ),
    ]


def _closing_items() -> list[AgendaItem]:
    """Item 5, an amber session, and item 6 with numbered and lettered lists."""
    return [
        AgendaItem(
            "5",
            "Confidential Session",
            classification=AMBER,
            headline=SECRET_HEADLINE,
            blocks=[
                TextBlock(SECRET_ITEM_TEXT),
                ActionBlock("The DCC to share penalty figures privately.", owner="DCC"),
            ],
        ),
        AgendaItem(
            "6",
            "Trusted Service Provider Update",
            presenter="DCC",
            headline=None,
            blocks=[
                TextBlock("Reflash Service", list_style=ListStyle.NUMBER),
                TextBlock("Reset Capability", list_style=ListStyle.NUMBER),
                TextBlock("Users may need to update firewalls.", list_style=ListStyle.LETTER),
                TextBlock("A small enhancement to the interface.", list_style=ListStyle.LETTER),
                DecisionBlock("NOTED", "the update"),
            ],
        ),
    ]


def agenda() -> list[AgendaItem]:
    """Six items: minutes, actions outstanding, reports, PMR (+4.1), an amber session, TSP."""
    return [*_opening_items(), *_report_items(), *_closing_items()]


def outstanding() -> list[OutstandingReview]:
    """Four earlier actions; the amber CONF one must stay out of a white export."""
    return [
        OutstandingReview(
            Action(
                "OPSG 43/07",
                "The DCC to confirm its position on Service Credits.",
                owner="DCC",
                raised=dt.date(2021, 2, 22),
                target=dt.date(2021, 5, 24),
            ),
            update="The DCC reported agreement.\n\nAn update follows in the April PMR.",
            status=ActionStatus.CLOSED,
        ),
        OutstandingReview(
            Action(
                "OPSG 45/CONF02",
                "The DCC to provide a plan for additional requirements.",
                owner="DCC",
                raised=dt.date(2021, 3, 22),
                target=dt.date(2021, 8, 23),
                classification=WHITE,
            ),
            update="The DCC will provide a plan in August.",
        ),
        OutstandingReview(
            Action(
                "OPSG 47/08",
                "The DCC to set out a review process.",
                owner="DCC",
                raised=dt.date(2021, 4, 26),
                target=dt.date(2021, 5, 10),
                revised_target="Revised date to be determined by DCC",
            ),
            update="",
        ),
        OutstandingReview(
            Action(
                "OPSG 45/CONF03",
                "The DCC to provide private planning assumptions.",
                owner="DCC",
                raised=dt.date(2021, 3, 22),
                target=dt.date(2021, 5, 24),
                classification=AMBER,
            ),
            update="Private slides were provided.",
        ),
    ]


def sample_meeting() -> Meeting:
    """A white draft meeting, OPSG_49_2405, with every feature the exporters handle."""
    return Meeting(
        group=Group("Operations Group", "OPSG"),
        number="49",
        date=dt.date(2021, 5, 24),
        start=dt.time(12, 20),
        end=dt.time(16, 50),
        location="Teleconference",
        next_meetings=[
            NextMeeting(MeetingKind.MAIN, dt.date(2021, 6, 1)),
            NextMeeting(MeetingKind.REPORTING, dt.date(2021, 6, 28)),
        ],
        people=people(),
        agenda=agenda(),
        outstanding=outstanding(),
    )


def logged_actions() -> list[LoggedAction]:
    """Three log entries: one closed with history, one open, one open and amber."""
    first, second, _, conf = outstanding()
    return [
        LoggedAction(
            replace(first.action, status=ActionStatus.CLOSED),
            raised_at="OPSG_43_2202",
            updates=[
                ActionUpdate(
                    "OPSG_47_2604", dt.date(2021, 4, 26), "Still waiting.", ActionStatus.OPEN
                ),
                ActionUpdate(
                    "OPSG_49_2405", dt.date(2021, 5, 24), "Agreement reached.", ActionStatus.CLOSED
                ),
            ],
        ),
        LoggedAction(second.action, raised_at="OPSG_45_2203"),
        LoggedAction(conf.action, raised_at="OPSG_45_2203"),
    ]


@pytest.fixture
def meeting() -> Meeting:
    """A fresh sample meeting (tests may change it)."""
    return sample_meeting()


@pytest.fixture
def log_entries() -> list[LoggedAction]:
    """A fresh sample action log."""
    return logged_actions()
