"""A lock file that cannot be written is not another window: read-only, with the real cause.

QLockFile says LockFailedError only when a live process holds the lock; a
full disk (it removes the lock file it could not fill: UnknownError) or a
read-only folder (PermissionError) must not be reported as a second window.
The window then opens the file read-only, its bar naming the cause.
"""

from __future__ import annotations

import os
import subprocess

import pytest
from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QLabel, QMessageBox, QToolBar

from opsg_desktop.demo import fill_with_demo
from opsg_desktop.interchange import load_meeting
from opsg_desktop.store.errors import DatabaseReadOnlyError
from opsg_desktop.store.repository import Repository
from opsg_desktop.store.writer_lock import lock_path
from opsg_desktop.ui import lock as lock_module
from opsg_desktop.ui import opening
from opsg_desktop.ui.lock import Locking, WriterLock
from opsg_desktop.ui.main_window import MainWindow
from tests.fault_tools import (
    can_mount,
    checkpoint,
    dead_pid,
    fill,
    lock_held_elsewhere,
    small_disk,
)

needs_mount = pytest.mark.skipif(
    not can_mount(), reason="a full disk or a read-only folder needs root on Linux (a tmpfs)"
)


class FailingLock:
    """Stands in for QLockFile: cannot lock, with ``error``."""

    def __init__(self, error) -> None:
        self._error = error

    def tryLock(self, _timeout):  # noqa: N802 - Qt's name
        return False

    def error(self):
        return self._error

    def isLocked(self):  # noqa: N802 - Qt's name
        return False

    def getLockInfo(self):  # noqa: N802 - Qt's name
        return False


@pytest.fixture
def no_questions(monkeypatch):
    """Fail on the 'another window' question; record any other message."""
    said: list[str] = []
    monkeypatch.setattr(opening, "ask_read_only", lambda *a: pytest.fail(f"asked: {a}"))
    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda _p, _t, text, *a, **k: said.append(text))
    return said


@pytest.mark.parametrize(
    "error", [QLockFile.LockError.PermissionError, QLockFile.LockError.UnknownError]
)
def test_a_lock_that_cannot_be_written_is_not_another_window(db_path, error):
    lock = WriterLock(db_path)
    lock._lock = FailingLock(error)
    assert lock.acquire() is Locking.UNWRITABLE
    assert lock.cause.startswith("no file can be written in the folder")


def test_a_lock_held_by_a_live_process_is_another_window(db_path):
    with lock_held_elsewhere(db_path):
        lock = WriterLock(db_path)
        assert lock.acquire() is Locking.ELSEWHERE and lock.cause is None


def test_the_cause_names_a_full_disk(tmp_path, monkeypatch):
    class Usage:
        free = 4096

    monkeypatch.setattr(lock_module.shutil, "disk_usage", lambda _folder: Usage)
    assert lock_module.cannot_write(tmp_path) == f"the disk holding {tmp_path} is full"


def bar_text(window: MainWindow) -> str:
    bar = window.findChild(QToolBar, "read_only_bar")
    assert bar is not None and bar.isVisible()
    return bar.findChild(QLabel, "read_only_message").text()


@needs_mount
def test_a_full_disk_opens_read_only_and_the_bar_says_the_disk_is_full(qtbot, no_questions):
    with small_disk(2048) as disk:
        db_path = disk / "opsg.sqlite3"
        repository = Repository(db_path)
        fill_with_demo(repository)
        repository.close()
        checkpoint(db_path)
        fill(disk)
        repository, lock = opening.open_for_window(db_path)
        assert repository.read_only and lock is None and not lock_path(db_path).exists()
        window = MainWindow(repository, db_path)
        qtbot.addWidget(window)
        window.show()
        window.open_meeting("OPSG_49_2405")
        assert "is full" in bar_text(window) and "another window" not in bar_text(window)
        assert window.panes["notes"].editor.isReadOnly()
        with pytest.raises(DatabaseReadOnlyError, match="is full"):
            repository.save_meeting(load_meeting("tests/fixtures/schema_v3/OPSG_61_1403.json"))
        window.close()
        repository.close()
    assert no_questions == []


@needs_mount
def test_a_read_only_folder_opens_read_only_and_the_bar_says_so(qtbot, no_questions):
    with small_disk(4096) as disk:
        db_path = disk / "opsg.sqlite3"
        repository = Repository(db_path)
        fill_with_demo(repository)
        repository.close()
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        repository, lock = opening.open_for_window(db_path)
        assert repository.read_only and lock is None
        window = MainWindow(repository, db_path)
        qtbot.addWidget(window)
        window.show()
        assert f"the folder {disk} is read-only" in bar_text(window)
        window.close()
        repository.close()
    assert no_questions == []


@needs_mount
def test_a_stale_lock_in_a_folder_made_read_only_is_not_another_window(qtbot, no_questions):
    with small_disk(4096) as disk:
        db_path = disk / "opsg.sqlite3"
        repository = Repository(db_path)
        fill_with_demo(repository)
        repository.close()
        lock_path(db_path).write_text(f"{dead_pid()}\npython3.11\n{os.uname().nodename}\n")
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        repository, lock = opening.open_for_window(db_path)
        assert repository.read_only and lock is None
        assert "is read-only" in repository.read_only_cause
        assert "cannot be taken over" in repository.read_only_cause
        repository.close()
    assert no_questions == []


def test_a_window_of_this_same_process_still_counts_as_another_window(db_path):
    first = WriterLock(db_path)
    assert first.acquire() is Locking.HELD
    try:
        assert WriterLock(db_path).acquire() is Locking.ELSEWHERE
    finally:
        first.release()
