"""The wording rules of the exported documents, as plain text."""

from __future__ import annotations

import datetime as dt

import pytest

from opsg_desktop.core.model import (
    AgendaItem,
    Classification,
    DecisionBlock,
    MeetingKind,
    MeetingStatus,
    NextMeeting,
    Person,
)
from opsg_desktop.export.phrases import (
    classification_line,
    decision_sentence,
    headline_label,
    item_heading,
    items_phrase,
    next_meetings_line,
    outcome_entries,
    person_line,
    representing,
    status_label,
)


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [
        (["5"], "agenda item 5"),
        (["6", "7"], "agenda item 6 & 7"),
        (["5", "6", "7"], "agenda items 5, 6 & 7"),
        (["2", "5", "6", "7"], "agenda items 2, 5, 6 & 7"),
    ],
)
def test_items_phrase_joins_with_ampersand(numbers, expected):
    assert items_phrase(numbers) == expected


def test_person_line_puts_every_note_in_brackets():
    person = Person("Sam Patel", alternate_for="Jo Reid", role="Observer", items=["6", "7"])
    assert person_line(person) == "Sam Patel (alternate for Jo Reid) (Observer) (agenda item 6 & 7)"
    assert person_line(Person("Kim Lee")) == "Kim Lee"


def test_representing_prefers_category_then_organisation_then_other():
    assert representing(Person("A", category="Large Suppliers", organisation="X")) == (
        "Large Suppliers"
    )
    assert representing(Person("B", organisation="DCC")) == "DCC"
    assert representing(Person("C")) == "Other"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the update", "The OPSG NOTED the update."),
        ("the update.", "The OPSG NOTED the update."),
        ("whether to proceed?", "The OPSG NOTED whether to proceed?"),
        ("", "The OPSG NOTED."),
    ],
)
def test_decision_sentence_ends_with_one_full_stop(text, expected):
    assert decision_sentence("OPSG", DecisionBlock("noted", text)) == expected


def test_outcome_entries_punctuation_for_three():
    decisions = [
        DecisionBlock("NOTED", "the PMR."),
        DecisionBlock("CONSIDERED", "the commentary; and"),
        DecisionBlock("AGREED", "the report reflected the service"),
    ]
    assert outcome_entries(decisions) == [
        "NOTED the PMR;",
        "CONSIDERED the commentary; and",
        "AGREED the report reflected the service.",
    ]


def test_outcome_entries_punctuation_for_two():
    decisions = [DecisionBlock("NOTED", "the PMR"), DecisionBlock("AGREED", "the report.")]
    assert outcome_entries(decisions) == ["NOTED the PMR; and", "AGREED the report."]


def test_item_heading_numbers_top_level_with_a_dot_only():
    assert item_heading(AgendaItem("1", "Previous Meeting Minutes")) == (
        "1. Previous Meeting Minutes"
    )
    assert item_heading(AgendaItem("4.1", "SMETS1")) == "4.1 SMETS1"


def test_headline_label_brackets_presenter_and_colon_only_with_text():
    item = AgendaItem("4", "DCC Operational Update", presenter="DCC", headline="It went well.")
    assert headline_label(item) == "4. DCC Operational Update (DCC):"
    assert headline_label(AgendaItem("4.1", "SMETS1", headline="Text")) == "4.1 SMETS1:"
    assert (
        headline_label(AgendaItem("5", "AOB", presenter="SECAS", headline="")) == "5. AOB (SECAS)"
    )


def test_next_meetings_line(meeting):
    assert next_meetings_line(meeting) == (
        "Next main meeting: 1 June 2021; Next reporting meeting: 28 June 2021."
    )
    meeting.next_meetings = [NextMeeting(MeetingKind.EXTRAORDINARY, dt.date(2021, 6, 9))]
    assert next_meetings_line(meeting) == "Next extraordinary meeting: 9 June 2021."
    meeting.next_meetings = []
    assert next_meetings_line(meeting) is None


def test_status_and_classification_lines(meeting):
    assert status_label(meeting) == "Draft Minutes"
    meeting.status = MeetingStatus.FINAL
    assert status_label(meeting) == "Minutes"
    assert classification_line(Classification.AMBER) == (
        "This document has a Classification of Amber"
    )
