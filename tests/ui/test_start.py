"""Start-up: what the first sight of the window costs, and that it can be typed into.

The speed itself is measured by ``bench/bench_start.py``; these tests hold
the reasons it is fast: no sqlite-utils on the start path, the panes out of
the first view built after the first paint, no read of the whole history
before it, and the window active so its shortcuts work at once.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from opsg_desktop.demo import fill_with_demo
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui import app as app_module

ROOT = Path(__file__).parent.parent.parent


@pytest.fixture
def demo_db(db_path):
    repository = Repository(db_path)
    fill_with_demo(repository)
    repository.close()
    return db_path


def run_driver(db_path, tmp_path, **env) -> dict[str, str]:
    environment = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), **env}
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.start_driver", str(db_path)],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return dict(line.split(":", 1) for line in done.stdout.splitlines())


def test_the_first_paint_needs_no_sqlite_utils_and_only_the_agenda_and_notes(demo_db, tmp_path):
    report = run_driver(demo_db, tmp_path, QT_QPA_PLATFORM="offscreen")
    assert report["loaded"].split() == []
    assert report["panes"].split() == ["agenda", "notes"]
    assert report["panes later"].split() == ["actions", "agenda", "attendees", "notes"]


@pytest.fixture
def xvfb():
    """A bare X display with no window manager (nothing activates windows for us)."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (.ci/run installs it)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=[write_end], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write_end)
    try:
        with os.fdopen(read_end) as chosen:  # Xvfb picks a free display and writes it here
            number = chosen.readline().strip()
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


def test_on_a_bare_window_system_the_window_is_active_after_start(demo_db, tmp_path, xvfb):
    report = run_driver(demo_db, tmp_path, QT_QPA_PLATFORM="xcb", DISPLAY=xvfb)
    assert report["active"].strip() == "True"


def test_nothing_read_at_start_grows_with_the_history(qtbot, demo_db, monkeypatch):
    calls: list[str] = []
    for name in ("list_meetings", "known_people", "known_owners", "action_log", "search"):
        original = getattr(Repository, name)

        def spy(self, *args, _name=name, _original=original, **kwargs):
            calls.append(_name)
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(Repository, name, spy)
    repository = Repository(demo_db)
    window = app_module._show_window(repository, demo_db)
    qtbot.addWidget(window)
    try:
        assert calls == []
        qtbot.waitUntil(lambda: "actions" in window.panes)
        assert sorted(calls) == ["known_owners", "known_people"]
    finally:
        window.close()
        repository.close()


def test_panes_asked_for_before_the_first_paint_are_built_at_once(qtbot, demo_db):
    repository = Repository(demo_db)
    window = app_module._show_window(repository, demo_db)
    qtbot.addWidget(window)
    try:
        assert "attendees" not in window.panes
        window.focus_attendees()
        assert window.docks["attendees"].widget() is window.panes["attendees"]
    finally:
        window.close()
        repository.close()


def test_owners_from_the_history_are_still_guessed_when_raising_an_action(qtbot, demo_db):
    repository = Repository(demo_db)
    window = app_module._show_window(repository, demo_db)
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: "actions" in window.panes and window.isActiveWindow())
        notes = window.panes["notes"]
        notes.focus_main()
        qtbot.keyClick(notes.editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(notes.editor, Qt.Key.Key_Return)
        # Typed in lower case: only the known spelling (from the whole history) gives "SECAS".
        qtbot.keyClicks(notes.editor, "secas to circulate the revised plan")
        modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        qtbot.keyClick(notes.editor, Qt.Key.Key_A, modifiers)
        assert notes.action_bar.owner.text() == "SECAS"
    finally:
        window.close()
        repository.close()


def test_the_window_gets_the_application_icon_and_desktop_id(qtbot, qapp, demo_db):
    from PySide6.QtWidgets import QApplication

    from opsg_desktop.paths import APP_ID

    repository = Repository(demo_db)
    window = app_module._show_window(repository, demo_db)
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: not QApplication.windowIcon().isNull())
        assert QApplication.windowIcon().availableSizes()[0].width() == 256
        assert app_module.create_application().desktopFileName() == APP_ID
    finally:
        window.close()
        repository.close()


def test_on_a_first_run_the_late_roster_still_gets_its_share_of_the_left(qtbot, demo_db):
    repository = Repository(demo_db)
    window = app_module._show_window(repository, demo_db)
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: "attendees" in window.panes)
        qtbot.wait(50)
        agenda, attendees = window.docks["agenda"].height(), window.docks["attendees"].height()
        assert attendees > agenda > 150
    finally:
        window.close()
        repository.close()


def test_meeting_commands_are_off_on_the_start_page_and_on_with_a_meeting(qtbot, tmp_path):
    """No Raise Action, Record Decision or export while no meeting is open."""
    from opsg_desktop.store.repository import Repository
    from opsg_desktop.ui.app import open_first_meeting
    from opsg_desktop.ui.main_window import MainWindow

    path = tmp_path / "empty.sqlite3"
    repository = Repository(path)
    window = MainWindow(repository, path)
    qtbot.addWidget(window)
    open_first_meeting(window, repository)
    actions = window.actions_by_id
    off = ["raise_action", "record_decision", "export_minutes", "check", "next_item"]
    assert [a for a in off if actions[a].isEnabled()] == []
    assert actions["import_meeting"].isEnabled() and actions["search"].isEnabled()
    window.open_demo()
    assert all(actions[a].isEnabled() for a in off)
    window.close()
    repository.close()
