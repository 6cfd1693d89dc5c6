"""Kind: a value that becomes part of a reference or an id is not checked as it is read back.

(case meeting-number-trailing-newline) Meeting numbers, abbreviations and
action ids are checked with the one pattern the readers use, at every door:
the JSON import, the command line's ``next --number``, the store; and no
listing crashes on an id that a database from before the rule may hold.
"""

from __future__ import annotations

import sqlite3

import pytest

from opsg_desktop.core.errors import ValidationError
from opsg_desktop.interchange import meeting_from_dict
from tests.cases.helpers import case, cli, small_meeting, write
from tests.core.test_rules import NOT_ABBREVIATIONS, NOT_MEETING_NUMBERS


def _refused(capsys, tmp_path, doc, place: str) -> str:
    db = tmp_path / "db.sqlite3"
    code, out, err = cli(capsys, "--db", db, "import", write(tmp_path, doc))
    assert (code, out) == (1, "")
    assert f"  {place}: " in err, err
    assert cli(capsys, "--db", db, "actions", "--all")[0] == 0
    assert cli(capsys, "--db", db, "list")[1] == ""
    return err


@pytest.mark.parametrize("number", NOT_MEETING_NUMBERS)
def test_a_meeting_number_that_would_break_its_ids_is_refused(capsys, tmp_path, number):
    doc = case("meeting-number-trailing-newline")
    doc["meeting"]["number"] = number
    _refused(capsys, tmp_path, doc, "meeting.number")


def test_the_reported_case(capsys, tmp_path):
    err = _refused(capsys, tmp_path, case("meeting-number-trailing-newline"), "meeting.number")
    assert "meeting.number: '61\\n' is not a meeting number like 49 or 37x" in err


@pytest.mark.parametrize("abbreviation", [a for a in NOT_ABBREVIATIONS if a])
def test_an_abbreviation_that_would_break_its_ids_is_refused(capsys, tmp_path, abbreviation):
    doc = small_meeting()
    doc["group"]["abbreviation"] = abbreviation
    _refused(capsys, tmp_path, doc, "group.abbreviation")


@pytest.mark.parametrize("action_id", ["OPSG 61/01\n", "OPSG 61/1", " OPSG 61/01", "OPSG 61/０１"])
def test_an_action_id_given_in_a_file_is_read_with_the_same_rule(capsys, tmp_path, action_id):
    doc = small_meeting([{"action": {"id": action_id, "text": "The DCC to act."}}])
    _refused(capsys, tmp_path, doc, "agenda[0].blocks[0].action.id")


@pytest.mark.parametrize("action_id", ["OPSG 40/01\n", "OPSG 40\n/01", "OPSG 4O/01"])
def test_an_outstanding_id_is_read_with_the_same_rule(capsys, tmp_path, action_id):
    doc = small_meeting()
    doc["outstanding"] = [{"id": action_id, "text": "The DCC to act."}]
    _refused(capsys, tmp_path, doc, "outstanding[0].id")


@pytest.mark.parametrize("number", ["62\n", "62 ", "６２", "62X"])
def test_next_refuses_a_number_the_readers_would_not_take(capsys, tmp_path, number):
    db = tmp_path / "db.sqlite3"
    cli(capsys, "--db", db, "import", write(tmp_path, small_meeting()))
    code, _, err = cli(
        capsys, "--db", db, "next", "OPSG_61_1403", "--date", "2022-04-11", "--number", number
    )
    assert code == 1 and "meeting.number" in err
    assert [line.split()[0] for line in cli(capsys, "--db", db, "list")[1].splitlines()] == [
        "OPSG_61_1403"
    ]


def test_the_store_refuses_a_number_set_in_memory(repository):
    meeting = meeting_from_dict(small_meeting())
    meeting.number = "61\n"
    with pytest.raises(ValidationError, match="meeting.number"):
        repository.save_meeting(meeting)


def test_a_listing_never_crashes_on_an_id_stored_before_the_rule(capsys, tmp_path):
    db = tmp_path / "db.sqlite3"
    cli(capsys, "--db", db, "import", write(tmp_path, small_meeting([{"action": {"text": "x"}}])))
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("UPDATE actions SET id = 'OPSG 61' || char(10) || '/01'")
    code, out, _ = cli(capsys, "--db", db, "actions", "--all")
    assert code == 0 and "OPSG 61" in out
