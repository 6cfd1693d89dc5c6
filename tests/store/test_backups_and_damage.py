"""Backups, migration copies, damaged and read-only files, and messages that name the cause."""

from __future__ import annotations

import datetime as dt
import sqlite3
import stat
from pathlib import Path

import pytest

from opsg_desktop.core.errors import StoreError
from opsg_desktop.demo import fill_with_demo
from opsg_desktop.store import backups
from opsg_desktop.store.errors import DatabaseDamagedError, DatabaseReadOnlyError
from opsg_desktop.store.repository import Repository
from opsg_desktop.store.schema import LATEST_VERSION, open_database
from tests.fault_tools import can_mount, checkpoint, damage, fill, small_disk


@pytest.fixture
def filled(db_path):
    repository = Repository(db_path)
    fill_with_demo(repository)
    repository.close()
    return db_path


def test_damage_in_the_middle_is_noticed_on_open_and_nothing_is_written(filled):
    damage(filled)
    before = filled.read_bytes()
    with pytest.raises(DatabaseDamagedError, match="is damaged.*There is no backup of it"):
        Repository(filled)
    assert filled.read_bytes() == before
    backups.make_backup(backups_source(), filled, "export")  # a backup now exists beside it
    with pytest.raises(DatabaseDamagedError, match="is damaged.*Restore the newest good backup"):
        Repository(filled)
    assert filled.read_bytes() == before
    wal = filled.with_name(filled.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def backups_source():
    """A sound database to back up from (any will do for the message's sake)."""
    import tempfile

    path = Path(tempfile.mkdtemp()) / "other.sqlite3"
    Repository(path).close()
    return path


def test_backups_rotate_and_each_is_checked(filled):
    for _ in range(5):
        backups.make_backup(filled, filled, "export", keep=3)
    found = backups.list_backups(filled)
    assert len(found) == 3
    assert all(backups.is_sound(b.path) for b in found)
    assert not [p for p in backups.folder_of(filled).iterdir() if p.suffix == ".tmp"]


def test_a_backup_is_made_on_open_when_the_newest_is_a_day_old(filled):
    Repository(filled).close()
    assert [b.reason for b in backups.list_backups(filled)] == ["daily"]
    Repository(filled).close()
    assert len(backups.list_backups(filled)) == 1  # not again within the day
    old = backups.list_backups(filled)[0]
    yesterday = (dt.datetime.now() - dt.timedelta(days=2)).strftime("%Y%m%d-%H%M%S-%f")
    old.path.rename(old.path.with_name(f"{yesterday}_daily.sqlite3"))
    Repository(filled).close()
    assert len(backups.list_backups(filled)) == 2


def test_the_newest_good_backup_skips_a_damaged_one(filled):
    first = backups.make_backup(filled, filled, "daily")
    second = backups.make_backup(filled, filled, "export")
    second.write_bytes(b"\0" * 100)
    assert backups.newest_good(filled).path == first


def old_database(path):
    old = open_database(path, upto=LATEST_VERSION - 1)
    old["groups"].insert(
        {"id": 1, "abbreviation": "OPSG", "name": "Operations Group", "categories": "[]",
         "decision_verbs": "[]"}
    )  # fmt: skip
    old.close()


def test_a_zero_byte_migration_copy_left_by_a_kill_is_redone(db_path):
    old_database(db_path)
    copy = db_path.with_name(db_path.name + f".schema{LATEST_VERSION - 1}.bak")
    copy.write_bytes(b"")
    Repository(db_path).close()
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION - 1
        assert conn.execute("SELECT abbreviation FROM groups").fetchall() == [("OPSG",)]
    assert [b.reason for b in backups.list_backups(db_path)] == [f"before-schema{LATEST_VERSION}"]


def test_a_damaged_old_database_is_not_migrated(db_path):
    old_database(db_path)
    with sqlite3.connect(db_path) as conn:
        conn.execute("CREATE TABLE filler (x)")
        conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 500,)] * 200)
    damage(db_path)
    before = db_path.read_bytes()
    with pytest.raises(DatabaseDamagedError):
        Repository(db_path)
    assert db_path.read_bytes() == before


def test_a_read_only_file_opens_read_only_and_refuses_saves_clearly(filled):
    checkpoint(filled)
    filled.chmod(stat.S_IRUSR)
    try:
        repository = Repository(filled)
        assert repository.read_only
        meeting = repository.load_meeting("OPSG_49_2405")
        with pytest.raises(DatabaseReadOnlyError, match="open read-only"):
            repository.save_meeting(meeting, replace=True)
        repository.close()
    finally:
        filled.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_an_old_read_only_file_is_upgraded_in_memory_only(db_path):
    old_database(db_path)
    checkpoint(db_path)
    db_path.chmod(stat.S_IRUSR)
    before = db_path.read_bytes()
    try:
        repository = Repository(db_path)
        assert repository.read_only and repository.list_meetings() == []
        repository.close()
    finally:
        db_path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert db_path.read_bytes() == before


def test_a_folder_that_cannot_be_made_is_named_as_such(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DatabaseReadOnlyError, match="Cannot create the folder"):
        Repository(blocker / "sub" / "opsg.sqlite3")


@pytest.mark.skipif(not can_mount(), reason="needs root on Linux to mount a small tmpfs")
def test_a_full_disk_before_opening_is_named_as_such(capsys):
    from opsg_desktop.cli import main

    with small_disk(2048) as disk:
        db_path = disk / "opsg.sqlite3"
        repository = Repository(db_path)
        fill_with_demo(repository)
        repository.close()
        fill(disk)
        assert main(["--db", str(db_path), "list"]) == 0  # reading still works
        assert "OPSG_49_2405" in capsys.readouterr().out
        following = ["next", "OPSG_49_2405", "--date", "2021-06-21"]
        assert main(["--db", str(db_path), *following]) == 1  # writing is refused, and why
        err = capsys.readouterr().err
    assert "the disk is full" in err and "damaged" not in err


@pytest.mark.skipif(not can_mount(), reason="needs root on Linux to remount a tmpfs read-only")
def test_a_read_only_folder_opens_read_only_and_names_the_cause(capsys, tmp_path, demo_doc):
    import json
    import subprocess

    from opsg_desktop.cli import main

    with small_disk(4096) as disk:
        db_path = disk / "opsg.sqlite3"
        repository = Repository(db_path)
        fill_with_demo(repository)
        repository.close()
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        repository = Repository(db_path)
        assert repository.read_only
        assert [m.reference for m in repository.list_meetings()] == ["OPSG_49_2405"]
        repository.close()
        file = tmp_path / "m.json"
        file.write_text(json.dumps(demo_doc), encoding="utf-8")
        assert main(["--db", str(db_path), "import", str(file), "--replace"]) == 1
        err = capsys.readouterr().err
    assert "read-only" in err and "damaged" not in err


def test_a_busy_afternoon_of_exports_keeps_each_earlier_days_newest_backup():
    """Ten exports today must not push out yesterday's state (attack of issue 12)."""
    made = dt.datetime(2026, 11, 30, 16, 0)
    today = [backups.Backup(Path(f"t{n}"), made - dt.timedelta(minutes=n), "export")
             for n in range(12)]  # fmt: skip
    earlier = [backups.Backup(Path(f"d{n}"), made - dt.timedelta(days=n, hours=1), "daily")
               for n in range(1, 10)]  # fmt: skip
    upgrade = backups.Backup(Path("u"), made - dt.timedelta(days=30), "before-schema6")
    dropped = backups.backups_to_drop(today + earlier + [upgrade], keep=10)
    assert today[:10] + earlier[:6] + [upgrade] == [
        b for b in today + earlier + [upgrade] if b not in dropped
    ]


def test_a_file_where_the_backups_folder_belongs_is_named(filled):
    backups.folder_of(filled).write_text("not a folder")
    with pytest.raises(StoreError, match="is a file, where the backups folder belongs"):
        backups.make_backup(filled, filled, "export")
