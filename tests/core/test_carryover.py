"""Building the next meeting from the previous one."""

import datetime as dt

from opsg_desktop.core.carryover import carry_over
from opsg_desktop.core.model import (
    Action,
    ActionStatus,
    AgendaItem,
    AttendanceMark,
    Group,
    HeadingBlock,
    Meeting,
    MeetingKind,
    OutstandingBlock,
    OutstandingReview,
    Person,
    TextBlock,
)


def previous_meeting() -> Meeting:
    return Meeting(
        Group("Operations Group", "OPSG"),
        "49",
        dt.date(2021, 5, 24),
        start=dt.time(12, 20),
        location="Teleconference",
        people=[
            Person("Alex Rowe", category="Operations Group Chair"),
            Person(
                "Ola Ade",
                organisation="DCC",
                items=["6", "7"],
                alternate_for="Jo Reid",
                attendance=AttendanceMark.APOLOGIES,
            ),
        ],
        agenda=[
            AgendaItem("1", "Previous Meeting Minutes", presenter="Chair", blocks=[TextBlock("x")]),
            AgendaItem(
                "2",
                "Actions Outstanding",
                presenter="SECAS",
                headline="h",
                blocks=[TextBlock("intro"), OutstandingBlock()],
                items=[AgendaItem("2.1", "Sub")],
            ),
            AgendaItem("3", "Reports", blocks=[HeadingBlock("RDP")]),
        ],
        outstanding=[
            OutstandingReview(Action("OPSG 47/08", "later"), status=ActionStatus.OPEN),
            OutstandingReview(Action("OPSG 43/07", "first"), status=ActionStatus.OPEN),
        ],
    )


def test_roster_carries_over_unticked():
    nxt = carry_over(previous_meeting(), dt.date(2021, 6, 1), MeetingKind.MAIN, [])
    assert [p.name for p in nxt.people] == ["Alex Rowe", "Ola Ade"]
    assert {p.attendance for p in nxt.people} == {AttendanceMark.ABSENT}
    assert nxt.people[1].items == [] and nxt.people[1].alternate_for is None
    assert nxt.people[1].organisation == "DCC"


def test_standing_agenda_titles_carry_over_without_notes():
    nxt = carry_over(previous_meeting(), dt.date(2021, 6, 1), MeetingKind.MAIN, [])
    assert [(i.number, i.title, i.presenter) for i in nxt.agenda] == [
        ("1", "Previous Meeting Minutes", "Chair"),
        ("2", "Actions Outstanding", "SECAS"),
        ("3", "Reports", None),
    ]
    assert nxt.agenda[0].blocks == []
    assert nxt.agenda[1].blocks == [OutstandingBlock()] and nxt.agenda[1].items == []
    assert nxt.agenda[1].headline is None


def test_open_actions_carry_over_in_the_secretarys_order_then_by_id():
    log = [
        Action("OPSG 49/02", "new two"),
        Action("OPSG 43/07", "first"),
        Action("OPSG 49/CONF01", "conf"),
        Action("OPSG 49/01", "new one"),
        Action("OPSG 47/08", "later"),
        Action("OPSG 45/01", "closed", status=ActionStatus.CLOSED),
    ]
    nxt = carry_over(previous_meeting(), dt.date(2021, 6, 1), MeetingKind.MAIN, log)
    assert [r.action.id for r in nxt.outstanding] == [
        "OPSG 47/08",
        "OPSG 43/07",
        "OPSG 49/01",
        "OPSG 49/02",
        "OPSG 49/CONF01",
    ]
    assert all(r.update == "" and r.status is ActionStatus.OPEN for r in nxt.outstanding)


def test_number_date_and_kind_of_the_next_meeting():
    nxt = carry_over(previous_meeting(), dt.date(2021, 6, 1), MeetingKind.MAIN, [])
    assert (nxt.number, nxt.reference, nxt.start, nxt.location) == (
        "50",
        "OPSG_50_0106",
        dt.time(12, 20),
        "Teleconference",
    )
    extra = carry_over(previous_meeting(), dt.date(2021, 6, 9), MeetingKind.EXTRAORDINARY, [])
    assert extra.reference == "OPSG_49x_0906"
