"""The opsg-meeting/1 format: checking, import, dump and the round trip."""

import json

import pytest

from opsg_desktop.core.errors import OpsgError, ValidationError
from opsg_desktop.core.model import ActionBlock, AttendanceMark, Classification, TextBlock
from opsg_desktop.interchange import dumps, load_meeting, meeting_from_dict, meeting_to_dict


def problems_of(doc) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        meeting_from_dict(doc)
    return caught.value.problems


def test_the_example_of_the_format_reads(example_doc):
    meeting = meeting_from_dict(example_doc)
    assert meeting.reference == "OPSG_49_2405"
    assert [p.attendance for p in meeting.people].count(AttendanceMark.APOLOGIES) == 1
    assert meeting.people[3].items == ["6", "7"]
    assert meeting.outstanding[0].action.revised_target == "Revised date to be determined by DCC"
    action = meeting.agenda[1].blocks[2]
    assert isinstance(action, ActionBlock) and action.target.isoformat() == "2021-06-11"


def test_an_unknown_key_is_named_with_its_path_and_a_suggestion(example_doc):
    example_doc["agenda"][1]["blocks"][2] = {"acton": {"text": "x"}}
    example_doc["agenda"][0]["blocks"].append({"text": "x", "colour": "red"})
    found = problems_of(example_doc)
    assert 'agenda[1].blocks[2]: unknown key "acton" (did you mean "action"?)' in found
    assert 'agenda[0].blocks[3]: unknown key "colour"' in found


def test_every_problem_is_reported_at_once(example_doc):
    example_doc["meeting"]["date"] = "2021-13-01"
    example_doc["meeting"]["start"] = "noon"
    example_doc["people"][0]["attendance"] = "late"
    example_doc["meeting"]["classification"] = "secret"
    found = problems_of(example_doc)
    assert found == [
        'meeting.date: "2021-13-01" is not a date; write it as YYYY-MM-DD, e.g. "2021-05-24"',
        'meeting.start: "noon" is not a time; write it as HH:MM, e.g. "12:20"',
        "meeting.classification: 'secret' is not a classification; use white, green, amber or red",
        'people[0].attendance: "late" is not one of present, apologies, absent',
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["meeting"].pop("number"), 'meeting: missing required key "number"'),
        (lambda d: d["group"].update(name=""), "group.name: must not be empty"),
        (
            lambda d: d["meeting"].update(number="forty"),
            "meeting.number: 'forty' is not a meeting number",
        ),
        (lambda d: d.update(format="opsg-meeting/9"), 'format: "opsg-meeting/9" is not a format'),
        (
            lambda d: d["agenda"][0].update(number="3"),
            'agenda[1].number: "3" is already used by agenda[0]',
        ),
        (
            lambda d: d["agenda"][0]["blocks"].append({"decision": "AGRED", "text": "x"}),
            'agenda[0].blocks[3].decision: "AGRED" is not one of the group\'s decision verbs',
        ),
        (
            lambda d: d["agenda"][0]["blocks"].append({"heading": "h", "text": "t"}),
            "agenda[0].blocks[3]: a block is exactly one of text, heading, decision, action, link, "
            "outstanding_actions (found text, heading)",
        ),
        (
            lambda d: d["people"].append({"name": "Alex Rowe"}),
            'people[6].name: "Alex Rowe" is listed',
        ),
        (
            lambda d: d["people"][1].update(category="Large Supplier"),
            'people[1].category: "Large Supplier" is not one of the group\'s categories',
        ),
        (
            lambda d: d["outstanding"][0].update(id="OPSG 47-08"),
            "outstanding[0].id: 'OPSG 47-08' is not",
        ),
        (
            lambda d: d["outstanding"][0].update(id="OPSG 49/02"),
            "outstanding[0].id: OPSG 49/02 is raised at this meeting",
        ),
        (
            lambda d: d["agenda"][1]["blocks"][2]["action"].update(id="OPSG 47/08"),
            "agenda[1].blocks[2].action.id: OPSG 47/08 is not an id of meeting OPSG 49",
        ),
        (
            lambda d: d["agenda"][1]["blocks"][3]["link"].update(url="example.org"),
            'agenda[1].blocks[3].link.url: "example.org" is not a web or mail address',
        ),
        (
            lambda d: d["agenda"][0]["blocks"].append({"text": "t", "list": "roman"}),
            'agenda[0].blocks[3].list: "roman" is not one of bullet, number, letter',
        ),
        (lambda d: d.update(people={"name": "x"}), "people: expected a list, found an object"),
        (
            lambda d: d["agenda"][0].update(headline=3),
            "agenda[0].headline: expected text, found a number",
        ),
    ],
)
def test_each_rule_is_reported_with_its_place(example_doc, change, expected):
    change(example_doc)
    found = problems_of(example_doc)
    assert any(p.startswith(expected) for p in found), found


def test_a_truncated_file_is_refused_with_its_place(tmp_path, example_doc):
    path = tmp_path / "cut.json"
    text = json.dumps(example_doc, indent=2)
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(
        OpsgError, match=r"cut.json: not valid JSON at line \d+, column \d+.*cut short"
    ):
        load_meeting(path)


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(OpsgError, match="cannot read the file"):
        load_meeting(tmp_path / "nope.json")


def test_texts_with_paragraphs_lists_links_and_levels_survive(example_doc):
    example_doc["agenda"][0]["blocks"].append(
        {
            "text": "One\n\nTwo, see DP160.",
            "list": "letter",
            "classification": "amber",
            "links": [{"text": "DP160", "url": "https://example.org/dp160"}],
        }
    )
    block = meeting_from_dict(example_doc).agenda[0].blocks[-1]
    assert isinstance(block, TextBlock)
    assert block.classification is Classification.AMBER and block.links[0].text == "DP160"
    assert (
        meeting_from_dict(meeting_to_dict(meeting_from_dict(example_doc))).agenda[0].blocks[-1]
        == block
    )


def test_dump_writes_every_action_id_and_status(example_doc):
    meeting = meeting_from_dict(example_doc)
    meeting.agenda[1].blocks[2].id = "OPSG 49/01"
    doc = json.loads(dumps(meeting))
    assert doc["agenda"][1]["blocks"][2]["action"]["id"] == "OPSG 49/01"
    assert doc["outstanding"][0]["status"] == "open"
    assert doc["format"] == "opsg-meeting/1"


def test_the_demo_meeting_round_trips(demo_doc):
    meeting = meeting_from_dict(demo_doc)
    assert meeting_from_dict(json.loads(dumps(meeting))) == meeting
