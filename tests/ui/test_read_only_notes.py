"""Notes that must not change (a final, locked meeting) take no typing by any key or paste."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QMimeData, Qt

from opsg_desktop.core.model import Meeting
from opsg_desktop.demo import fill_with_demo
from opsg_desktop.store.cycle import CycleRecords
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui.main_window import MainWindow

REF = "OPSG_49_2405"


@pytest.fixture
def locked_window(qtbot, db_path):
    repository = Repository(db_path)
    fill_with_demo(repository)
    demo = repository.load_meeting(REF)
    following = Meeting(demo.group, "50", dt.date(2021, 6, 21))
    repository.save_meeting(following)
    CycleRecords(repository).mark_final(REF, following.reference)
    window = MainWindow(repository, db_path)
    qtbot.addWidget(window)
    window.open_meeting(REF)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    repository.close()


def test_no_key_or_paste_changes_a_locked_meetings_notes(qtbot, locked_window):
    notes = locked_window.panes["notes"]
    editor = notes.editor
    before = editor.toPlainText()
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, "typed into final minutes")
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
        qtbot.keyClick(editor, key)
    qtbot.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(editor, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    pasted = QMimeData()
    pasted.setText("pasted into final minutes")
    editor.insertFromMimeData(pasted)
    assert editor.toPlainText() == before
    assert editor.isReadOnly()
