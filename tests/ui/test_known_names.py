"""Completion from the whole history, read off the UI thread after the window shows."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtCore import Qt

from opsg_desktop.core.model import AttendanceMark, Person
from opsg_desktop.interchange import meeting_from_dict
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui import app as app_module

# The offscreen platform says these whenever a completion popup shows.
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|grabbing the keyboard)"
)


def history_with_an_old_attendee(db_path, demo_doc) -> str:
    """Two meetings; Quinn Abara attended only the older one.  The newer's reference."""
    repository = Repository(db_path)
    older = meeting_from_dict(demo_doc)
    older.people.append(
        Person("Quinn Abara", organisation="Elexon", email="quinn.abara@example.org")
    )
    repository.save_meeting(older)
    newer = repository.create_next(older.reference, dt.date(2021, 6, 24))
    newer.people = [p for p in newer.people if p.name != "Quinn Abara"]
    repository.save_meeting(newer, replace=True)
    repository.close()
    return newer.reference


def test_a_person_seen_only_in_an_old_meeting_is_completed(qtbot, db_path, demo_doc, monkeypatch):
    newer = history_with_an_old_attendee(db_path, demo_doc)
    threads = []
    original = Repository.known_people

    def spy(self):
        threads.append(threading.current_thread() is threading.main_thread())
        return original(self)

    monkeypatch.setattr(Repository, "known_people", spy)
    repository = Repository(db_path)
    window = app_module._show_window(repository, db_path)
    qtbot.addWidget(window)
    try:
        assert window.session.reference == newer
        window.focus_attendees()
        qtbot.waitUntil(lambda: window.known_names.arrived)
        assert threads == [False]  # read once, on the worker thread
        pane = window.panes["attendees"]
        pane.add_edit.setFocus()
        qtbot.keyClicks(pane.add_edit, "abar")
        popup = pane.add_edit.completions.popup()
        qtbot.waitUntil(popup.isVisible)
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
        quinn = next(p for p in window.session.meeting.people if p.name == "Quinn Abara")
        assert (quinn.organisation, quinn.email) == ("Elexon", "quinn.abara@example.org")
        assert quinn.attendance == AttendanceMark.PRESENT
    finally:
        window.close()
        repository.close()
