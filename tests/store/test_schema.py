"""Opening, migrating and refusing database files."""

import sqlite3

import pytest

from opsg_desktop.core.errors import StoreError
from opsg_desktop.store.repository import Repository
from opsg_desktop.store.schema import LATEST_VERSION, open_database


def user_version(path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA user_version").fetchone()[0]


def test_a_new_database_is_at_the_latest_version_in_wal_mode_with_foreign_keys(db_path):
    db = open_database(db_path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    db.close()
    assert user_version(db_path) == LATEST_VERSION


def test_migrating_from_version_2_keeps_data_and_indexes_it(db_path):
    old = open_database(db_path, upto=2)
    old["groups"].insert(
        {
            "id": 1,
            "abbreviation": "OPSG",
            "name": "Operations Group",
            "categories": "[]",
            "decision_verbs": "[]",
        }
    )
    old["actions"].insert(
        {"id": "OPSG 40/01", "group_id": 1, "text": "Review the smart dashboard", "status": "open"}
    )
    old["persons"].insert({"name": "Alex Rowe"})
    old.close()
    assert user_version(db_path) == 2

    repo = Repository(db_path)
    assert user_version(db_path) == LATEST_VERSION
    assert [e.action.id for e in repo.action_log()] == ["OPSG 40/01"]
    assert [h.where for h in repo.search("dashboard")] == ["action OPSG 40/01"]
    assert "persons" not in repo.db.table_names()  # v4: people belong to each meeting
    assert repo.db.execute("SELECT id FROM issued_action_ids").fetchall() == [("OPSG 40/01",)]
    repo.close()
    backup = db_path.with_name(db_path.name + ".schema2.bak")
    assert user_version(backup) == 2


def test_a_database_from_a_newer_version_is_refused_and_left_untouched(db_path):
    open_database(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="newer version of OPSG Secretary") as caught:
        Repository(db_path)
    assert f"schema {LATEST_VERSION + 5}" in str(caught.value)
    assert db_path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused_untouched(db_path):
    db_path.write_bytes(b"this is a word document, honestly" * 100)
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="not an OPSG Secretary database"):
        Repository(db_path)
    assert db_path.read_bytes() == before


def test_a_missing_folder_is_created(tmp_path):
    path = tmp_path / "deep" / "er" / "opsg.sqlite3"
    Repository(path).close()
    assert path.exists()
