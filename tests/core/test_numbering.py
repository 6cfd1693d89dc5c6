"""Meeting references and action ids."""

import datetime as dt

import pytest

from opsg_desktop.core.model import (
    ActionBlock,
    AgendaItem,
    Classification,
    Group,
    Meeting,
    TextBlock,
)
from opsg_desktop.core.numbering import (
    assign_action_ids,
    meeting_reference,
    next_meeting_number,
    parse_action_id,
)


def meeting_with(*items: AgendaItem, number: str = "49") -> Meeting:
    return Meeting(
        Group("Operations Group", "OPSG"), number, dt.date(2021, 5, 24), agenda=list(items)
    )


def test_reference_is_abbreviation_number_and_day_month():
    assert meeting_reference("OPSG", "49", dt.date(2021, 5, 24)) == "OPSG_49_2405"
    assert meeting_reference("OPSG", "37x", dt.date(2020, 10, 5)) == "OPSG_37x_0510"


def test_actions_are_numbered_in_order_of_appearance_across_items():
    first = AgendaItem("3", "Reports", blocks=[ActionBlock("a"), TextBlock("t"), ActionBlock("b")])
    second = AgendaItem("4", "PMR", blocks=[ActionBlock("c")])
    meeting = meeting_with(first, second)
    assert assign_action_ids(meeting) == ["OPSG 49/01", "OPSG 49/02", "OPSG 49/03"]
    assert [b.id for b in first.blocks if isinstance(b, ActionBlock)] == [
        "OPSG 49/01",
        "OPSG 49/02",
    ]


def test_confidential_session_numbers_its_actions_separately():
    conf = AgendaItem(
        "5", "Security", classification=Classification.AMBER, blocks=[ActionBlock("x")]
    )
    plain = AgendaItem(
        "6", "AOB", blocks=[ActionBlock("y"), ActionBlock("z", classification=Classification.RED)]
    )
    meeting = meeting_with(conf, plain)
    assert assign_action_ids(meeting) == ["OPSG 49/CONF01", "OPSG 49/01", "OPSG 49/CONF02"]


def test_a_white_action_inside_an_amber_session_is_still_confidential():
    conf = AgendaItem(
        "5",
        "Security",
        classification=Classification.AMBER,
        blocks=[ActionBlock("x", classification=Classification.WHITE)],
    )
    assert assign_action_ids(meeting_with(conf)) == ["OPSG 49/CONF01"]


def test_numbers_already_given_out_are_never_reused():
    item = AgendaItem(
        "3", "Reports", blocks=[ActionBlock("kept", id="OPSG 49/02"), ActionBlock("new")]
    )
    meeting = meeting_with(item)
    assigned = assign_action_ids(meeting, taken=["OPSG 49/05", "OPSG 48/09", "OPSG 49/CONF01"])
    assert assigned == ["OPSG 49/06"]


def test_an_id_of_another_meeting_is_refused():
    item = AgendaItem("3", "Reports", blocks=[ActionBlock("x", id="OPSG 48/01")])
    with pytest.raises(ValueError, match="does not belong"):
        assign_action_ids(meeting_with(item))


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("OPSG 49/07", ("OPSG", "49", 7, False)),
        ("OPSG 45/CONF02", ("OPSG", "45", 2, True)),
        ("OPSG 37x/11", ("OPSG", "37x", 11, False)),
    ],
)
def test_parse_action_id(text, parts):
    parsed = parse_action_id(text)
    assert (
        parsed.abbreviation,
        parsed.meeting_number,
        parsed.sequence,
        parsed.confidential,
    ) == parts
    assert str(parsed) == text


@pytest.mark.parametrize("text", ["OPSF49/04", "OPSG 49/7", "OPSG 49-07", "", "OPSG 49/CONF"])
def test_malformed_action_ids_are_refused(text):
    with pytest.raises(ValueError):
        parse_action_id(text)


def test_next_meeting_number():
    assert next_meeting_number("49", extraordinary=False) == "50"
    assert next_meeting_number("49", extraordinary=True) == "49x"
    assert next_meeting_number("37x", extraordinary=False) == "38"
