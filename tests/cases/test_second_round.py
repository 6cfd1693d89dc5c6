"""What a fresh tester broke after the first round, each kept as a test of its kind."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from docx import Document

from opsg_desktop.core.errors import RuleError
from opsg_desktop.core.natural_dates import parse_target_text
from opsg_desktop.core.rules import name_key, target_from_text
from opsg_desktop.core.text import clean_url
from opsg_desktop.export.phrases import action_text
from tests.cases.helpers import cli, small_meeting, write

REF = "OPSG_61_1403"


@pytest.mark.parametrize(
    ("wordings", "place"),
    [
        ({"classification": 5}, "group.wordings.classification: must be an object"),
        ({"classification": {"white": 5}}, "group.wordings.classification.white: must be text"),
        ({"classification": {"purple": "x"}}, "group.wordings.classification.purple: is not a"),
        ({"headlines_intro": ["a"]}, "group.wordings.headlines_intro: must be text"),
    ],
)
def test_wordings_of_the_wrong_shape_are_refused_with_their_place(
    capsys, tmp_path, wordings, place
):
    doc = small_meeting()
    doc["group"]["wordings"] = wordings
    code, _, err = cli(capsys, "--db", tmp_path / "db.sqlite3", "import", write(tmp_path, doc))
    assert code == 1 and place in err


@pytest.mark.parametrize(
    "url",
    [
        "http://[::1",
        "https://[x]/",
        "https://e.org:99x/",
        "https://e.org/a\x1f",
        "\x85https://e.org/b",
    ],
)
def test_a_malformed_address_is_refused_not_a_traceback(url):
    with pytest.raises(RuleError):
        clean_url(url)


@pytest.mark.parametrize("typed", ["in 99999999 days", "in 99999 months", "in 999999 weeks"])
def test_a_date_beyond_the_calendar_is_refused_with_a_message(typed):
    with pytest.raises(RuleError, match="further away than any calendar goes"):
        parse_target_text(typed, dt.date(2021, 5, 24))


@pytest.mark.parametrize(
    "text", ["0/0/2021", "15/00/2021", "2021-00-10", "00/00/0000", "３１/３１/２０２１"]
)
def test_month_or_day_zero_and_full_width_digits_are_no_real_date(text):
    with pytest.raises(RuleError, match="no such day"):
        target_from_text(text)


def test_full_width_digits_name_the_same_day():
    assert target_from_text("１１/０６/２０２１") == dt.date(2021, 6, 11)


def test_deep_sub_items_are_refused_with_their_place(capsys, tmp_path):
    doc = small_meeting()
    item = doc["agenda"][0]
    for depth in range(6):
        item["items"] = [{"number": f"1.{depth}", "title": "x"}]
        item = item["items"][0]
    code, _, err = cli(capsys, "--db", tmp_path / "db.sqlite3", "import", write(tmp_path, doc))
    assert code == 1 and "agenda[0].items[0].items[0].items: sub-items may nest 3 levels" in err


def test_a_document_nested_beyond_reason_gets_a_message(capsys, tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    code, _, err = cli(capsys, "--db", tmp_path / "db.sqlite3", "import", path)
    assert code == 1 and "nests objects or lists too deeply" in err


def test_the_ten_thousandth_action_of_a_meeting_round_trips(capsys, tmp_path):
    doc = small_meeting(
        [{"action": {"id": "OPSG 61/9999", "text": "a"}}, {"action": {"text": "b"}}]
    )
    db = tmp_path / "db.sqlite3"
    cli(capsys, "--db", db, "import", write(tmp_path, doc))
    dumped = cli(capsys, "--db", db, "dump", REF)[1]
    assert "OPSG 61/10000" in dumped
    assert (
        cli(capsys, "--db", db, "import", "--replace", write(tmp_path, json.loads(dumped)))[0] == 0
    )
    assert cli(capsys, "--db", db, "next", REF, "--date", "2022-04-11")[0] == 0


def test_repeated_keys_are_reported(capsys, tmp_path):
    path = tmp_path / "dup.json"
    text = json.dumps(small_meeting()).replace('"number": "61"', '"number": "61", "number": "62"')
    path.write_text(text, encoding="utf-8")
    code, _, err = cli(capsys, "--db", tmp_path / "db.sqlite3", "import", path)
    assert code == 1 and 'meeting: the key "number" is given more than once' in err


@pytest.mark.parametrize(
    ("number", "says"),
    [("61", "is meeting 61 already"), ("0", "meeting.number"), ("00062", "meeting.number")],
)
def test_next_refuses_its_own_number_and_leading_zeros(capsys, tmp_path, number, says):
    db = tmp_path / "db.sqlite3"
    cli(capsys, "--db", db, "import", write(tmp_path, small_meeting()))
    code, _, err = cli(capsys, "--db", db, "next", REF, "--date", "2022-04-11", "--number", number)
    assert code == 1 and says in err


@pytest.mark.parametrize(
    "text",
    [
        "CH  & Network Programme: The DCC to act.",
        "CH\u00a0& Network Programme: The DCC to act.",
        "\u200bCH & Network Programme: The DCC to act.",
        "ch & network programme: The DCC to act.",
    ],
)
def test_a_topic_the_text_opens_with_as_a_reader_sees_it_is_not_repeated(text):
    assert action_text("CH & Network Programme", text) == text.strip()


def test_a_topic_is_matched_as_a_whole_word():
    assert action_text("DCC", "DCCs are to report.") == "DCC: DCCs are to report."
    assert action_text("Café", "Cafe\u0301: x") == "Cafe\u0301: x"


@pytest.mark.parametrize(
    "other",
    [
        "Sam Patel\u200b",
        "Sam \u00adPatel",
        "Ｓａｍ Ｐａｔｅｌ",
        "\u202eSam Patel",
        "Sam\u00a0Patel",
    ],
)
def test_names_that_look_the_same_on_paper_are_one_name(other):
    assert name_key(other) == name_key("Sam Patel")


def test_a_paragraph_break_in_a_decision_is_a_new_paragraph(capsys, tmp_path):
    doc = small_meeting([{"decision": "NOTED", "text": "first part\x0csecond part"}])
    db = tmp_path / "db.sqlite3"
    cli(capsys, "--db", db, "import", write(tmp_path, doc))
    cli(capsys, "--db", db, "export", "minutes", REF, "-o", tmp_path / "m.docx")
    paragraphs = [p.text for p in Document(str(tmp_path / "m.docx")).paragraphs]
    assert paragraphs[paragraphs.index("The OPSG NOTED first part") + 1] == "second part."
