"""The window on a database it must not or cannot write: a second window, read-only, damage."""

from __future__ import annotations

import os
import stat

import pytest
from PySide6.QtWidgets import QMessageBox, QToolBar

from opsg_desktop.demo import fill_with_demo
from opsg_desktop.store.backups import list_backups, make_backup
from opsg_desktop.store.errors import DatabaseDamagedError
from opsg_desktop.store.repository import Repository
from opsg_desktop.store.writer_lock import lock_path
from opsg_desktop.ui import app, opening
from opsg_desktop.ui.main_window import MainWindow
from tests.fault_tools import damage, dead_pid, lock_held_elsewhere


class Said:
    """Stands in for the QMessageBox functions: records what was said, answers ``answer``."""

    def __init__(self, monkeypatch, answer=QMessageBox.StandardButton.Yes) -> None:
        self.messages: list[str] = []
        self.answer = answer
        for name in ("warning", "critical", "information", "question"):
            monkeypatch.setattr(QMessageBox, name, self._say)

    def _say(self, parent, title, text, *args, **kwargs):
        self.messages.append(text)
        return self.answer


@pytest.fixture
def filled(db_path):
    repository = Repository(db_path)
    fill_with_demo(repository)
    repository.close()
    return db_path


def window_on(qtbot, repository) -> MainWindow:
    window = MainWindow(repository)
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_second_window_is_told_and_may_open_read_only(qtbot, filled, monkeypatch):
    asked = []
    monkeypatch.setattr(opening, "ask_read_only", lambda *a: asked.append(a) or True)
    with lock_held_elsewhere(filled) as first:
        repository, lock = opening.open_for_window(filled)
        assert lock is None and repository.read_only
        assert f"process {first.pid}" in asked[0][2]
        window = window_on(qtbot, repository)
        window.open_meeting("OPSG_49_2405")
        bar = window.findChild(QToolBar, "read_only_bar")
        assert bar is not None and bar.isVisible()
        assert window.panes["notes"].editor.isReadOnly()
        assert not window.actions_by_id["raise_action"].isEnabled()
        window.close()
        repository.close()


def test_a_second_window_that_declines_opens_nothing(filled, monkeypatch):
    monkeypatch.setattr(opening, "ask_read_only", lambda *a: False)
    with lock_held_elsewhere(filled):
        assert opening.open_for_window(filled) is None


def test_a_lock_left_by_a_crashed_window_is_taken_over(filled, monkeypatch):
    monkeypatch.setattr(opening, "ask_read_only", lambda *a: pytest.fail("asked"))
    lock_path(filled).write_text(f"{dead_pid()}\npython3.11\n{os.uname().nodename}\n")
    repository, lock = opening.open_for_window(filled)
    assert not repository.read_only and lock is not None
    assert lock_path(filled).read_text().split()[0] == str(os.getpid())
    repository.close()
    lock.release()
    assert not lock_path(filled).exists()


def test_a_read_only_file_opens_read_only_with_a_bar_and_is_not_touched(qtbot, filled):
    from tests.fault_tools import checkpoint

    checkpoint(filled)
    filled.chmod(stat.S_IRUSR | stat.S_IRGRP)
    before = filled.read_bytes()
    try:
        repository, lock = opening.open_for_window(filled)
        assert repository.read_only
        window = window_on(qtbot, repository)
        window.open_meeting("OPSG_49_2405")
        assert (
            "Read-only"
            in window.findChild(QToolBar, "read_only_bar")
            .widgetForAction(window.findChild(QToolBar, "read_only_bar").actions()[0])
            .text()
        )
        window.close()
        repository.close()
        if lock:
            lock.release()
    finally:
        filled.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert filled.read_bytes() == before


def test_a_damaged_file_is_never_written_and_the_newest_good_backup_is_offered(filled, monkeypatch):
    good = make_backup(filled, filled, "daily")
    damage(filled)
    damaged = filled.read_bytes()
    said = Said(monkeypatch, QMessageBox.StandardButton.No)
    assert opening.open_for_window(filled) is None
    assert "damaged" in said.messages[0] and "Restore the newest good backup" in said.messages[0]
    assert filled.read_bytes() == damaged
    said.answer = QMessageBox.StandardButton.Yes
    repository, lock = opening.open_for_window(filled)
    assert [m.reference for m in repository.list_meetings()] == ["OPSG_49_2405"]
    assert any(p.name.startswith(filled.name + ".damaged-") for p in filled.parent.iterdir())
    assert good.exists()
    repository.close()
    lock.release()


def test_a_meeting_that_cannot_be_read_does_not_stop_the_window(qtbot, filled, monkeypatch):
    said = Said(monkeypatch)
    repository = Repository(filled)

    def broken(reference):
        raise DatabaseDamagedError(f"the meeting {reference} is damaged")

    monkeypatch.setattr(repository, "load_meeting", broken)
    window = window_on(qtbot, repository)
    monkeypatch.setattr(window, "choose_meeting", lambda: None)
    app.open_first_meeting(window, repository)
    assert window.isVisible() and window.session is None
    assert "OPSG_49_2405 could not be opened" in said.messages[0]
    window.close()
    repository.close()


def test_restore_from_backup_in_the_window(qtbot, filled, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    repository = Repository(filled)
    make_backup(repository.db.conn, filled, "daily")
    window = window_on(qtbot, repository)
    window.open_meeting("OPSG_49_2405")
    window.session.meeting.location = "After the backup"
    window.session.touch("meeting")
    window.session.autosaver.save_and_wait()
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a: (a[3][0], True))
    window.actions_by_id["restore_backup"].trigger()
    assert window.session.meeting.location != "After the backup"
    assert any(b.reason == "before-restore" for b in list_backups(filled))
    window.close()
    window.repository.close()
