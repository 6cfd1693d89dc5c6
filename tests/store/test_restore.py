"""Restoring a backup: into a database in use, from an older schema, refused with the cause."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import time

import pytest

from opsg_desktop.core.errors import StoreError
from opsg_desktop.demo import fill_with_demo
from opsg_desktop.interchange import load_meeting
from opsg_desktop.store import backups, restore
from opsg_desktop.store.errors import DatabaseBusyError
from opsg_desktop.store.repository import Repository
from opsg_desktop.store.schema import LATEST_VERSION, open_database
from tests.fault_tools import ROOT, dead_pid

LATER = "tests/fixtures/schema_v3/OPSG_61_1403.json"


def references(path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return sorted(r[0] for r in conn.execute("SELECT reference FROM meetings"))
    finally:
        conn.close()


@pytest.fixture
def two_states(db_path):
    """A backup holding the demo; the database holding the demo and a later meeting."""
    repository = Repository(db_path)
    fill_with_demo(repository)
    backup = backups.make_backup(repository.db.conn, db_path, "daily")
    repository.save_meeting(load_meeting(LATER))
    repository.close()
    return db_path, backup


def test_a_connection_open_during_the_restore_sees_it_and_saves_into_it(two_states):
    db_path, backup = two_states
    other = Repository(db_path)  # another command, opened before the restore
    assert len(other.list_meetings()) == 2
    kept = restore.restore_backup(db_path, backup)
    assert [m.reference for m in other.list_meetings()] == ["OPSG_49_2405"]
    other.save_meeting(load_meeting(LATER))
    other.close()
    assert references(db_path) == ["OPSG_49_2405", "OPSG_61_1403"]
    assert "before-restore" in kept.name and references(kept) == references(db_path)
    assert not [p for p in db_path.parent.iterdir() if ".damaged-" in p.name]


def test_a_restore_waits_for_another_writer_then_says_busy_and_changes_nothing(
    two_states, monkeypatch
):
    db_path, backup = two_states
    monkeypatch.setattr(restore, "BUSY_TIMEOUT_MS", 300)
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_WRITE_LOCK, str(db_path)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "holding"
        started = time.monotonic()
        with pytest.raises(DatabaseBusyError, match="busy.*Nothing was changed"):
            restore.restore_backup(db_path, backup)
        assert time.monotonic() - started >= 0.3
    finally:
        holder.kill()
        holder.wait(10)
    assert references(db_path) == ["OPSG_49_2405", "OPSG_61_1403"]
    assert not [p for p in db_path.parent.iterdir() if ".tmp" in p.name]


_HOLD_WRITE_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("holding", flush=True)
time.sleep(60)
"""


def test_an_older_backup_is_upgraded_before_it_is_written_in(db_path):
    old = db_path.with_name("old.sqlite3")
    conn = open_database(old, upto=LATEST_VERSION - 1)
    conn["groups"].insert(
        {"id": 1, "abbreviation": "OPSG", "name": "Operations Group", "categories": "[]",
         "decision_verbs": "[]"}
    )  # fmt: skip
    conn.close()
    repository = Repository(db_path)
    fill_with_demo(repository)
    restore.restore_backup(db_path, old)
    with sqlite3.connect(db_path) as check:
        assert check.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert repository.list_meetings() == []  # the open connection sees the upgraded file
    repository.save_meeting(load_meeting(LATER))
    repository.close()
    assert references(db_path) == ["OPSG_61_1403"]
    assert sqlite3.connect(old).execute("PRAGMA user_version").fetchone()[0] < LATEST_VERSION


@pytest.mark.parametrize(
    "kind, said",
    [
        ("folder", "is a folder, not a database backup"),
        ("itself", "is the database itself"),
        ("text", "not an SQLite file"),
        ("json", "it is a meeting file (JSON)"),
        ("damaged", "is damaged: it fails SQLite's check"),
        ("foreign", "not an OPSG Secretary one"),
        ("newer", "written by a newer version"),
    ],
)
def test_a_wrong_file_is_named_and_nothing_changes(two_states, tmp_path, kind, said):
    db_path, good = two_states
    path = tmp_path / f"{kind}.sqlite3"
    if kind == "folder":
        path.mkdir()
    elif kind == "itself":
        path = db_path
    elif kind == "text":
        path.write_text("date,owner\n")
    elif kind == "json":
        path.write_text('{"format": "opsg-meeting"}')
    elif kind == "damaged":
        path.write_bytes(good.read_bytes()[:6000])
    elif kind == "foreign":
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE photos (name)")
    else:
        path.write_bytes(good.read_bytes())
        with sqlite3.connect(path) as conn:
            conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    before = references(db_path)
    with pytest.raises(StoreError, match=re.escape(said)):
        restore.restore_backup(db_path, path)
    assert references(db_path) == before
    assert [b.reason for b in backups.list_backups(db_path)] == ["daily"]


def test_a_missing_database_is_restored_and_its_stray_wal_kept_aside(two_states):
    db_path, backup = two_states
    db_path.unlink()
    stray = db_path.with_name(db_path.name + "-wal")
    stray.write_bytes(b"a -wal whose database is gone")
    kept = restore.restore_backup(db_path, backup)
    assert references(db_path) == ["OPSG_49_2405"]
    assert not stray.exists()
    assert kept.with_name(kept.name + "-wal").read_bytes() == b"a -wal whose database is gone"


def test_only_a_dead_or_old_process_temporary_copy_is_a_leftover(two_states):
    db_path, _ = two_states
    folder = backups.folder_of(db_path)
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        dead = folder / f".x_export.sqlite3.{dead_pid()}.tmp"
        dead_journal = dead.with_name(dead.name + "-journal")
        busy = folder / f".x_export.sqlite3.{alive.pid}.tmp"
        old = folder / f".x_daily.sqlite3.{alive.pid}.tmp"
        restoring = db_path.with_name(f".{db_path.name}.restore.{dead_pid()}.tmp")
        mine = db_path.with_name(f".{db_path.name}.restore.{os.getpid()}.tmp")
        stranger = db_path.with_name(f".other.sqlite3.restore.{dead_pid()}.tmp")
        for path in (dead, dead_journal, busy, old, restoring, mine, stranger):
            path.write_bytes(b"x")
        an_hour_ago = time.time() - 3600
        os.utime(old, (an_hour_ago, an_hour_ago))
        removed = backups.clear_leftovers(db_path)
        assert sorted(removed) == sorted([dead, dead_journal, old, restoring])
        assert busy.exists() and mine.exists() and stranger.exists()
        assert [b.reason for b in backups.list_backups(db_path)] == ["daily"]
    finally:
        alive.kill()
        alive.wait(10)


def test_restore_takes_a_backups_file_name_alone(tmp_path, capsys, demo_doc):
    """`restore NAME` with the name `backups` lists, typed from any folder (attack 2)."""
    import json

    from opsg_desktop.cli import main
    from opsg_desktop.store.backups import list_backups

    db_path = tmp_path / "opsg.sqlite3"
    file = tmp_path / "demo.json"
    file.write_text(json.dumps(demo_doc), encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(file)]) == 0
    assert main(["--db", str(db_path), "export", "actions", "-o", str(tmp_path / "a.csv")]) == 0
    name = list_backups(db_path)[0].path.name
    capsys.readouterr()
    assert main(["--db", str(db_path), "restore", name]) == 0, capsys.readouterr().err
    assert "restored" in capsys.readouterr().out
