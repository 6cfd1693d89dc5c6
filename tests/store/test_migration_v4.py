"""Schema v4 (people per meeting) takes over a database written by the v3 application.

``tests/fixtures/schema_v3/`` holds a database written by the application at
schema 3 (the demo meeting, the meeting after it, and the two same-name
meetings of ``shared/cases/record``), with each meeting's dump and the
action log as that version printed them.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from opsg_desktop.cli import main
from opsg_desktop.core.model import DecisionBlock, TextBlock, walk_blocks
from opsg_desktop.interchange import dumps, meeting_from_dict
from opsg_desktop.store.repository import Repository
from opsg_desktop.store.schema import LATEST_VERSION

V3 = Path(__file__).parent.parent / "fixtures" / "schema_v3"
REFERENCES = ["OPSG_49_2405", "OPSG_50_2806", "OPSG_61_1403", "OPSG_62_1104"]


@pytest.fixture
def v3_database(tmp_path) -> Path:
    path = tmp_path / "opsg.sqlite3"
    shutil.copy(V3 / "opsg.sqlite3", path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    return path


def test_every_meeting_dumps_as_it_did_before_the_migration(v3_database):
    repository = Repository(v3_database)
    try:
        for reference in REFERENCES:
            expected = (V3 / f"{reference}.json").read_text(encoding="utf-8")
            assert dumps(repository.load_meeting(reference)) == expected, reference
    finally:
        repository.close()
    with sqlite3.connect(v3_database) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_the_action_log_reads_as_before_the_migration(v3_database, capsys):
    assert main(["--db", str(v3_database), "actions", "--all"]) == 0
    assert capsys.readouterr().out == (V3 / "actions-all.txt").read_text(encoding="utf-8")


def test_after_the_migration_a_meeting_edit_leaves_the_others_alone(v3_database):
    repository = Repository(v3_database)
    try:
        meeting = repository.load_meeting("OPSG_62_1104")
        person = next(p for p in meeting.people if p.name == "Sam Patel")
        person.name, person.email = "SAM PATEL", "new@example.org"
        repository.save_meeting(meeting, replace=True)
        expected = (V3 / "OPSG_61_1403.json").read_text(encoding="utf-8")
        assert dumps(repository.load_meeting("OPSG_61_1403")) == expected
        again = repository.load_meeting("OPSG_62_1104")
        assert [p.name for p in again.people][-1] == "SAM PATEL"
    finally:
        repository.close()


def test_text_stored_before_the_rules_is_cleaned_by_the_migration(v3_database, tmp_path):
    """Values the previous version let in come out in stored form; every meeting saves again."""
    with sqlite3.connect(v3_database) as conn:
        conn.execute(
            "UPDATE blocks SET text = 'Word' || char(11) || 'line' || char(7) || 'end' "
            "WHERE id = (SELECT MIN(id) FROM blocks WHERE kind = 'text')"
        )
        conn.execute(
            "UPDATE blocks SET url = url || char(7) "
            "WHERE id = (SELECT MIN(id) FROM blocks WHERE kind = 'link')"
        )
        conn.execute("UPDATE blocks SET verb = 'noted' WHERE kind = 'decision'")
        conn.execute("UPDATE actions SET revised_target = '31/31/2021' WHERE id = 'OPSG 47/08'")
        conn.execute(
            "UPDATE action_reviews SET revised_target = '31/31/2021' WHERE action_id = 'OPSG 47/08'"
        )
        conn.execute("UPDATE agenda_items SET title = 'Actions' || char(10) || 'Outstanding'"
                     " WHERE number = '2'")  # fmt: skip
    repository = Repository(v3_database)
    try:
        meeting = repository.load_meeting("OPSG_49_2405")
        texts = [b.text for _, b in walk_blocks(meeting) if isinstance(b, TextBlock)]
        assert "Word\nline end" in texts
        assert {b.verb for _, b in walk_blocks(meeting) if isinstance(b, DecisionBlock)} == {
            "NOTED"
        }
        assert meeting.agenda[1].title == "Actions Outstanding"
        review = next(r for r in meeting.outstanding if r.action.id == "OPSG 47/08")
        assert review.action.revised_target == "31/31/2021 (as written; not a real date)"
        for reference in REFERENCES:
            again = repository.load_meeting(reference)
            assert dumps(meeting_from_dict(json.loads(dumps(again)))) == dumps(again)
            repository.save_meeting(again, replace=True)
    finally:
        repository.close()
