"""Schema v4 (people per meeting) takes over a database written by the v3 application.

``tests/fixtures/schema_v3/`` holds a database written by the application at
schema 3 (the demo meeting, the meeting after it, and the two same-name
meetings of ``shared/cases/record``), with each meeting's dump and the
action log as that version printed them.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from opsg_desktop.cli import main
from opsg_desktop.interchange import dumps
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
