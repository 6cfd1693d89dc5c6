"""One writer per database: the window's lock, the command line's refusal, waiting writers."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from opsg_desktop.cli import main
from opsg_desktop.demo import fill_with_demo
from opsg_desktop.interchange import dumps
from opsg_desktop.store.repository import Repository
from opsg_desktop.store.writer_lock import holder, lock_path
from tests.fault_tools import dead_pid, lock_held_elsewhere


@pytest.fixture
def filled(db_path):
    repository = Repository(db_path)
    fill_with_demo(repository)
    repository.close()
    return db_path


def test_import_is_refused_while_a_window_holds_the_database(filled, tmp_path, capsys):
    repository = Repository(filled)
    meeting = repository.load_meeting("OPSG_49_2405")
    repository.close()
    meeting.location = "Changed by the command line"
    file = tmp_path / "m.json"
    file.write_text(dumps(meeting), encoding="utf-8")
    with lock_held_elsewhere(filled) as window:
        code = main(["--db", str(filled), "import", str(file), "--replace"])
        err = capsys.readouterr().err
    assert code == 1
    assert f"open in the OPSG Secretary window (process {window.pid})" in err
    assert "Close the window first" in err
    assert "Traceback" not in err
    repository = Repository(filled)
    assert repository.load_meeting("OPSG_49_2405").location != "Changed by the command line"
    repository.close()


def test_reading_commands_still_work_while_the_window_holds_it(filled, capsys):
    with lock_held_elsewhere(filled):
        assert main(["--db", str(filled), "list"]) == 0
    assert "OPSG_49_2405" in capsys.readouterr().out


def test_a_lock_left_by_a_killed_window_is_stale(filled):
    lock_path(filled).write_text(f"{dead_pid()}\npython3\n{__import__('socket').gethostname()}\n")
    assert holder(filled) is None
    assert main(["--db", str(filled), "next", "OPSG_49_2405", "--date", "2024-06-20"]) == 0


def test_a_writer_waits_for_another_writer_instead_of_failing_at_once(filled):
    """A deferred transaction reading first failed with 'database is locked' at once."""
    repository = Repository(filled)
    meeting = repository.load_meeting("OPSG_49_2405")
    other = sqlite3.connect(filled, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE meetings SET location = 'Elsewhere'")

    def commit_later() -> None:
        time.sleep(0.6)
        other.execute("COMMIT")

    # The save reads first, then writes while the other writer still holds the file.
    thread = threading.Thread(target=commit_later)
    thread.start()
    meeting.location = "Kept"
    repository.save_meeting(meeting, replace=True)
    thread.join()
    other.close()
    assert repository.load_meeting("OPSG_49_2405").location == "Kept"
    repository.close()


def test_a_writer_kept_waiting_too_long_gets_a_message_not_a_traceback(filled):
    from opsg_desktop.store.errors import DatabaseBusyError

    other = sqlite3.connect(filled, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        repository = Repository(filled)
        repository.db.conn.execute("PRAGMA busy_timeout = 200")
        meeting = repository.load_meeting("OPSG_49_2405")
        with pytest.raises(DatabaseBusyError, match="busy"):
            repository.save_meeting(meeting, replace=True)
        repository.close()
    finally:
        other.execute("ROLLBACK")
        other.close()
