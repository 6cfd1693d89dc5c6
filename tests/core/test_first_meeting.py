"""The first meeting a new secretary creates from nothing."""

import datetime as dt

import pytest

from opsg_desktop.core.first_meeting import first_meeting, operations_group
from opsg_desktop.core.model import DEFAULT_CATEGORIES, MeetingKind, OutstandingBlock


def test_operations_group_defaults():
    group = operations_group()
    assert (group.name, group.abbreviation) == ("Operations Group", "OPSG")
    assert group.categories == list(DEFAULT_CATEGORIES)
    assert "DCC" in group.organisations and "SECAS" in group.organisations


def test_first_meeting_has_the_standing_agenda():
    meeting = first_meeting(operations_group(), "1", dt.date(2025, 1, 13))
    assert meeting.reference == "OPSG_1_1301"
    assert [i.title for i in meeting.agenda][:2] == [
        "Previous Meeting Minutes",
        "Actions Outstanding",
    ]
    assert isinstance(meeting.agenda[1].blocks[0], OutstandingBlock)
    assert meeting.people == []


def test_extraordinary_number_gains_its_x_and_bad_numbers_are_refused():
    meeting = first_meeting(
        operations_group(), "37", dt.date(2025, 1, 13), MeetingKind.EXTRAORDINARY
    )
    assert meeting.number == "37x"
    with pytest.raises(ValueError, match="not a meeting number"):
        first_meeting(operations_group(), "4 9", dt.date(2025, 1, 13))
