"""The pre-flight check on crafted meetings: one failing and one passing case per check."""

from __future__ import annotations

import datetime as dt

import pytest

from opsg_desktop.core.checks import blocking, check_meeting
from opsg_desktop.core.model import (
    Action,
    ActionBlock,
    ActionStatus,
    AgendaItem,
    AttendanceMark,
    Classification,
    DecisionBlock,
    Group,
    HeadingBlock,
    Meeting,
    MeetingKind,
    NextMeeting,
    OutstandingBlock,
    OutstandingReview,
    Person,
    TextBlock,
)

DAY = dt.date(2024, 3, 11)


def clean_meeting() -> Meeting:
    """A meeting with nothing to report."""
    return Meeting(
        group=Group("Operations Group", "OPSG"),
        number="80",
        date=DAY,
        next_meetings=[NextMeeting(MeetingKind.MAIN, dt.date(2024, 4, 8))],
        people=[
            Person("Dana Voss", category="Operations Group Chair"),
            Person("Ravi Mehta", organisation="DCC", email="ravi@example.org"),
            Person("Lou Brandt", category="Large Suppliers", alternate_for="Cy Noor"),
        ],
        agenda=[
            AgendaItem(
                "2",
                "Actions Outstanding",
                blocks=[OutstandingBlock(), DecisionBlock("NOTED", "the update")],
            ),
            AgendaItem(
                "3",
                "Incidents",
                headline="The DCC reported on incidents.",
                blocks=[
                    HeadingBlock("Major Incident 1234567"),
                    TextBlock("Dana Voss asked about Incident 1234567; Lou Brandt for Cy Noor."),
                    ActionBlock("The DCC to report.", owner="DCC", target=dt.date(2024, 4, 1)),
                ],
            ),
        ],
        outstanding=[
            OutstandingReview(
                Action("OPSG 79/01", "Send slides.", owner="DCC", target=dt.date(2024, 3, 20))
            )
        ],
    )


def _item(meeting: Meeting) -> AgendaItem:
    return meeting.agenda[1]


def no_owner(m):
    _item(m).blocks[2].owner = " "


def no_target(m):
    _item(m).blocks[2].target = None


def target_before(m):
    _item(m).blocks[2].target = dt.date(2024, 3, 1)


def overdue_outstanding(m):
    m.outstanding[0].action.target = dt.date(2024, 2, 1)


def stranger_named(m):
    _item(m).blocks[1].text += " Dana Vos said so."


def known_person_named(m):
    _item(m).blocks[1].text += " Quinn Abara agreed."


def empty_item(m):
    m.agenda.append(AgendaItem("4", "AOB"))


def heading_contradicted(m):
    _item(m).blocks[1].text = "The DCC explained Incident 7654321 and its cause."


def unplaced(m):
    m.people.append(Person("Ezra Kolb"))


def empty_headline(m):
    m.agenda[0].headline = "  "


def amber_content(m):
    m.agenda.append(
        AgendaItem(
            "5", "Confidential", classification=Classification.AMBER, blocks=[TextBlock("x")]
        )
    )


def next_missing(m):
    m.next_meetings.clear()


CASES = [
    (no_owner, "action-owner", True, "item 3, block 2"),
    (no_target, "action-target", False, "item 3, block 2"),
    (target_before, "target-past", True, "item 3, block 2"),
    (overdue_outstanding, "target-past", False, "outstanding OPSG 79/01"),
    (stranger_named, "name-off-roster", False, "item 3, block 1"),
    (known_person_named, "name-off-roster", False, "item 3, block 1"),
    (empty_item, "item-empty", False, "item 4"),
    (heading_contradicted, "heading-contradicted", True, "item 3, block 0"),
    (unplaced, "person-unplaced", True, "attendees"),
    (empty_headline, "headline-empty", False, "item 2"),
    (amber_content, "withheld", False, "item 5"),
    (next_missing, "next-missing", False, "meeting"),
]


def test_a_clean_meeting_has_no_findings():
    assert check_meeting(clean_meeting(), known_people=["Quinn Abara"]) == []


@pytest.mark.parametrize(("spoil", "code", "blocks", "place"), CASES, ids=[c[1] for c in CASES])
def test_each_check_reports_what_where_and_whether_it_blocks(spoil, code, blocks, place):
    meeting = clean_meeting()
    spoil(meeting)
    findings = check_meeting(meeting, known_people=["Quinn Abara"])
    assert [(f.code, f.blocks, f.place) for f in findings] == [(code, blocks, place)]
    assert findings[0].message
    assert blocking(findings) is blocks


def test_blockers_come_first():
    meeting = clean_meeting()
    next_missing(meeting)
    no_owner(meeting)
    assert [f.code for f in check_meeting(meeting)] == ["action-owner", "next-missing"]


def test_closed_outstanding_past_target_and_absent_unplaced_person_pass():
    meeting = clean_meeting()
    overdue_outstanding(meeting)
    meeting.outstanding[0].status = ActionStatus.CLOSED
    meeting.people.append(Person("Ezra Kolb", attendance=AttendanceMark.ABSENT))
    assert check_meeting(meeting) == []


def test_sub_items_with_notes_keep_their_parent_off_the_empty_list():
    meeting = clean_meeting()
    meeting.agenda.append(
        AgendaItem("4", "Reports", items=[AgendaItem("4.1", "A", blocks=[TextBlock("t")])])
    )
    assert check_meeting(meeting) == []


def test_withheld_outstanding_action_names_its_id():
    meeting = clean_meeting()
    meeting.outstanding[0].action.classification = Classification.RED
    findings = check_meeting(meeting)
    assert [(f.code, f.place) for f in findings] == [("withheld", "outstanding OPSG 79/01")]
