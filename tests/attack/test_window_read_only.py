"""Attack: a window opened read-only (a second window on the same file) still takes edits.

Seen under Xvfb on real processes: window A holds the file; window B is
offered "Open Read-Only" and takes it; the bar says "nothing you change is
saved", yet the notes accept typing and the status bar says "All changes
saved".  Closing B writes a rescue JSON of B's stale meeting and advises
"import that file with --replace"; doing so drops what window A saved.
The cause: ``apply_lock`` (run after the first paint) sets the notes editor
and the classification/status boxes back to editable for an unlocked meeting.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from opsg_desktop.demo import fill_with_demo
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui import opening
from opsg_desktop.ui.main_window import MainWindow
from tests.fault_tools import lock_held_elsewhere


@pytest.fixture
def filled(db_path):
    repository = Repository(db_path)
    fill_with_demo(repository)
    repository.close()
    return db_path


def test_a_read_only_second_window_takes_no_typing_after_its_first_paint(
    qtbot, filled, monkeypatch
):
    monkeypatch.setattr(opening, "ask_read_only", lambda *a: True)
    said: list[str] = []
    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(
            QMessageBox, name, lambda _p, _t, text, *a, **k: said.append(text) or QMessageBox.Ok
        )
    with lock_held_elsewhere(filled):
        repository, lock = opening.open_for_window(filled)
        assert lock is None and repository.read_only
        window = MainWindow(repository)
        qtbot.addWidget(window)
        window.show()
        window.open_meeting("OPSG_49_2405", after_first_paint=True)
        qtbot.waitUntil(lambda: "actions" in window.panes, timeout=5000)
        qtbot.wait(200)
        editor = window.panes["notes"].editor
        before = editor.toPlainText()
        editor.setFocus()
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        qtbot.keyClicks(editor, "TYPED IN A READ-ONLY WINDOW")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        typed = editor.toPlainText()
        boxes = (window.level_box.isEnabled(), window.status_box.isEnabled())
        window.close()
        repository.close()
    assert editor.isReadOnly()
    assert typed == before
    assert boxes == (False, False)
    assert not [m for m in said if "--replace" in m], said  # a stale copy must not replace
