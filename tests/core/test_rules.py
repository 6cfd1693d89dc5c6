"""core.rules: the invariants every door asks, one value at a time and for a whole meeting."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsg_desktop.core.errors import RuleError, ValidationError
from opsg_desktop.core.model import (
    ActionBlock,
    AgendaItem,
    DecisionBlock,
    Group,
    LinkBlock,
    Meeting,
    Person,
    TextBlock,
)
from opsg_desktop.core.numbering import is_abbreviation, is_meeting_number, parse_action_id
from opsg_desktop.core.rules import (
    check_new_name,
    meeting_problems,
    name_key,
    normalise_meeting,
    normalise_verb,
    target_from_text,
    validate_meeting,
)

VERBS = Group("Operations Group", "OPSG").decision_verbs

#: Values that look like a meeting number but would break a reference or an id.
NOT_MEETING_NUMBERS = [
    "61\n", "61 ", " 61", "61\t", "6 1", "61x\n", "61X", "x61", "", "６１", "٦١", "61\u200b",
    "61\r", "61/01", "sixty-one", "61.5", "-61",
]  # fmt: skip
NOT_ABBREVIATIONS = ["OPSG\n", "OP SG", "ÖPSG", "OPSG_", "1OPSG", "", "ＯＰＳＧ", "OPSG."]


@pytest.mark.parametrize("verb", ["noted", "Noted", "NOTED", " noted ", "nOtEd"])
def test_a_decision_verb_is_matched_in_any_case_and_saved_in_capitals(verb):
    assert normalise_verb(verb, VERBS) == "NOTED"


def test_a_verb_not_in_the_groups_list_is_refused_naming_the_list():
    with pytest.raises(RuleError, match="not one of the group's decision verbs .AGREED, NOTED"):
        normalise_verb("SUPPOSED", VERBS)


@pytest.mark.parametrize("number", NOT_MEETING_NUMBERS)
def test_meeting_numbers_share_one_ascii_pattern_matched_whole(number):
    assert not is_meeting_number(number)
    with pytest.raises(ValueError):
        parse_action_id(f"OPSG {number}/01")


@pytest.mark.parametrize("abbreviation", NOT_ABBREVIATIONS)
def test_abbreviations_share_one_ascii_pattern_matched_whole(abbreviation):
    assert not is_abbreviation(abbreviation)
    with pytest.raises(ValueError):
        parse_action_id(f"{abbreviation} 61/01")


@pytest.mark.parametrize(
    "action_id", ["OPSG 61/01\n", "OPSG 61/1", "OPSG 61/CONF1", "OPSG 61/０１"]
)
def test_action_ids_are_read_with_the_same_whole_match(action_id):
    with pytest.raises(ValueError):
        parse_action_id(action_id)


@pytest.mark.parametrize("number", ["1", "49", "37x", "120"])
def test_good_meeting_numbers_pass(number):
    assert is_meeting_number(number)
    assert parse_action_id(f"OPSG {number}/01").meeting_number == number


def test_names_compare_after_nfc_and_case_folding():
    composed, decomposed = "Éva Ng", "E\u0301va Ng"
    assert name_key(composed) == name_key(decomposed) == name_key("éVA  NG")
    assert name_key("Straße") == name_key("STRASSE")
    people = [Person(composed)]
    with pytest.raises(RuleError, match="already on this meeting's roster"):
        check_new_name(people, "  eva ng".replace("eva", "e\u0301va"))
    assert check_new_name(people, "Éva  Ng", keep=people[0]) == "Éva Ng"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("2021-06-11", dt.date(2021, 6, 11)),
        ("11/06/2021", dt.date(2021, 6, 11)),
        ("11 June 2021", dt.date(2021, 6, 11)),
        ("Revised date to be determined by DCC", "Revised date to be determined by DCC"),
        ("11 June", "11 June"),
        ("N/A", None),
    ],
)
def test_a_target_is_a_date_where_it_names_one_else_words(text, target):
    assert target_from_text(text) == target


@pytest.mark.parametrize("text", ["31/31/2021", "2021-02-30", "30 February 2021", "31.04.21"])
def test_a_target_shaped_like_a_date_must_be_a_real_date(text):
    with pytest.raises(RuleError, match="looks like a date but there is no such day"):
        target_from_text(text)


def _meeting(**blocks) -> Meeting:
    return Meeting(
        Group("Operations Group", "OPSG"),
        "61",
        dt.date(2022, 3, 14),
        people=[Person("Rina Okafor", category="Operations Group Chair")],
        agenda=[AgendaItem("1", "Minutes", blocks=list(blocks.values()))],
    )


def test_every_problem_is_reported_with_its_place_in_file_terms():
    meeting = _meeting(
        a=DecisionBlock("SUPPOSED", "it"),
        b=LinkBlock("page", "https://example.org/\x07"),
        c=TextBlock("t"),
        d=ActionBlock("The DCC to act.", target="31/31/2021"),
    )
    meeting.number = "61\n"
    meeting.people.append(Person("RINA OKAFOR", category="Nobody's category"))
    problems = [str(p) for p in meeting_problems(normalise_meeting(meeting))]
    assert problems == [
        "meeting.number: '61\\n' is not a meeting number like 49 or 37x",
        'people[1].name: "RINA OKAFOR" is listed twice (also at people[0])',
        "people[1].category: \"Nobody's category\" is not one of the group's categories "
        "(Operations Group Chair, Network Parties, Large Suppliers, Small Suppliers, "
        "Other SEC Parties)",
        'agenda[0].blocks[0].decision: "SUPPOSED" is not one of the group\'s decision verbs '
        "(AGREED, NOTED, CONSIDERED, APPROVED, ENDORSED, DECIDED, REJECTED)",
        "agenda[0].blocks[1].link.url: the address holds a control or invisible character "
        "(U+0007) at position 21; retype or paste it again without it",
        'agenda[0].blocks[3].action.target: "31/31/2021" looks like a date but there is no such '
        "day; write a real date (e.g. 11 June 2021, 11/06/2021 or 2021-06-11) or words",
    ]
    with pytest.raises(ValidationError, match="6 problems found, nothing was saved"):
        validate_meeting(meeting)


def test_normalising_puts_values_in_their_stored_form_without_changing_their_meaning():
    meeting = _meeting(
        a=DecisionBlock("noted", "the\x0bupdate"), b=ActionBlock("x", target="11/06/2021")
    )
    meeting.people[0].category = "operations group chair"
    meeting.agenda[0].title = "Minutes\nand  actions"
    validate_meeting(meeting)
    decision, action = meeting.agenda[0].blocks
    assert (decision.verb, decision.text) == ("NOTED", "the\nupdate")
    assert action.target == dt.date(2021, 6, 11)
    assert meeting.people[0].category == "Operations Group Chair"
    assert meeting.agenda[0].title == "Minutes and actions"


@given(st.text(max_size=40))
def test_normalising_twice_changes_nothing(text):
    meeting = _meeting(a=TextBlock(text), b=DecisionBlock("agreed", text), c=ActionBlock(text))
    meeting.agenda[0].title = text
    once = normalise_meeting(meeting)
    assert normalise_meeting(copy.deepcopy(once)) == once
