"""The secretary's window driven with real keystrokes; the database holds the result."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from opsg_desktop.core.model import (
    ActionBlock,
    ActionStatus,
    AttendanceMark,
    DecisionBlock,
    HeadingBlock,
)
from opsg_desktop.demo import fill_with_demo
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui.main_window import MainWindow

CTRL, SHIFT, ALT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)


@pytest.fixture
def window(qtbot, db_path):
    repository = Repository(db_path)
    fill_with_demo(repository)
    main = MainWindow(repository, db_path)
    qtbot.addWidget(main)
    main.open_meeting("OPSG_49_2405")
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()
    repository.close()


def stored(db_path):
    repository = Repository(db_path)
    try:
        return repository.load_meeting("OPSG_49_2405")
    finally:
        repository.close()


def go_to_item(qtbot, window, number):
    window.panes["agenda"].select_number(number)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    notes = window.panes["notes"]
    assert notes.item.number == number and notes.editor.hasFocus()
    qtbot.keyClick(notes.editor, Qt.Key.Key_End, CTRL)
    return notes


def type_paragraph(qtbot, editor, text):
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, text)


def test_ctrl_digits_focus_the_four_panes(qtbot, window):
    for key, pane in ((Qt.Key.Key_1, "attendees"), (Qt.Key.Key_2, "agenda"),
                      (Qt.Key.Key_3, "notes"), (Qt.Key.Key_4, "actions")):  # fmt: skip
        qtbot.keyClick(window, key, CTRL)
        assert window.panes[pane].isAncestorOf(QApplication.focusWidget()), pane


def test_alt_arrows_walk_the_agenda(qtbot, window):
    window.panes["agenda"].select_number("1")
    qtbot.keyClick(window, Qt.Key.Key_Down, ALT)
    qtbot.keyClick(window, Qt.Key.Key_Down, ALT)
    assert window.panes["notes"].item.number == "3"
    qtbot.keyClick(window, Qt.Key.Key_Up, ALT)
    assert window.panes["notes"].header.text() == "2. Actions Outstanding"


def test_raise_an_action_with_one_shortcut_and_its_id_appears(qtbot, window, db_path):
    notes = go_to_item(qtbot, window, "3")
    type_paragraph(qtbot, notes.editor, "The DCC to send its forecast to SECAS by 11 June.")
    qtbot.keyClick(notes.editor, Qt.Key.Key_A, CTRL | SHIFT)
    paragraph = notes.editor.textCursor().block().text()
    assert paragraph == "ACTION OPSG 49/21: The DCC to send its forecast to SECAS by 11 June."
    bar = notes.action_bar
    assert bar.isVisible() and bar.owner.text() == "DCC" and bar.target.text() == "2021-06-11"
    assert bar.owner.hasFocus()
    bar.owner.clear()
    qtbot.keyClicks(bar.owner, "SECAS")
    qtbot.keyClick(bar.owner, Qt.Key.Key_Tab)
    bar.target.clear()
    qtbot.keyClicks(bar.target, "next meeting")
    qtbot.keyClick(bar.target, Qt.Key.Key_Return)
    assert not bar.isVisible() and notes.editor.hasFocus()
    window.session.autosaver.save_and_wait()
    actions = [b for b in stored(db_path).agenda[2].blocks if isinstance(b, ActionBlock)]
    assert actions[-1] == ActionBlock(
        "The DCC to send its forecast to SECAS by 11 June.", "SECAS", dt.date(2021, 6, 1), None,
        None, "OPSG 49/21",
    )  # fmt: skip


def test_decisions_and_sub_headings_from_the_keyboard(qtbot, window, db_path):
    notes = go_to_item(qtbot, window, "10")
    type_paragraph(qtbot, notes.editor, "Smart Meter Rollout Dates")
    qtbot.keyClick(notes.editor, Qt.Key.Key_H, CTRL | SHIFT)
    type_paragraph(qtbot, notes.editor, "The Chair summarised the discussion.")
    type_paragraph(qtbot, notes.editor, "NOTED the update")
    qtbot.keyClick(notes.editor, Qt.Key.Key_D, CTRL | SHIFT)
    type_paragraph(qtbot, notes.editor, "that the dates be published")
    qtbot.keyClick(notes.editor, Qt.Key.Key_D, CTRL | SHIFT)
    assert notes.decision_bar.isVisible()
    notes.decision_bar.verb.lineEdit().clear()
    qtbot.keyClicks(notes.decision_bar.verb.lineEdit(), "agreed")
    qtbot.keyClick(notes.decision_bar.verb.lineEdit(), Qt.Key.Key_Return)
    window.session.autosaver.save_and_wait()
    blocks = stored(db_path).agenda[9].blocks
    assert blocks[-4:] == [
        HeadingBlock("Smart Meter Rollout Dates"),
        blocks[-3],
        DecisionBlock("NOTED", "the update"),
        DecisionBlock("AGREED", "that the dates be published"),
    ]
    assert blocks[-3].text == "The Chair summarised the discussion."


def test_mark_attendance_with_the_keyboard(qtbot, window, db_path):
    pane = window.panes["attendees"]
    person = next(p for p in window.session.meeting.people if p.name == "Graham Whitfield")
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    pane.select(person)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A)
    assert person.attendance is AttendanceMark.APOLOGIES
    window.session.autosaver.save_and_wait()
    saved = {p.name: p for p in stored(db_path).people}
    assert saved["Graham Whitfield"].attendance is AttendanceMark.APOLOGIES


def test_close_an_action_in_the_grid_then_undo_and_redo(qtbot, window, db_path):
    grid = window.panes["actions"]
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    table = grid.table
    model = table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "OPSG 47/08")
    table.setCurrentIndex(model.index(row, 0))
    qtbot.keyClick(table, Qt.Key.Key_C, CTRL | ALT)
    review = window.session.meeting.outstanding[2]
    assert review.action.id == "OPSG 47/08" and review.status is ActionStatus.CLOSED
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert review.status is ActionStatus.OPEN
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert review.status is ActionStatus.CLOSED
    window.session.autosaver.save_and_wait()
    assert stored(db_path).outstanding[2].status is ActionStatus.CLOSED


def test_undo_and_redo_of_typing_go_through_the_one_stack(qtbot, window):
    notes = go_to_item(qtbot, window, "1")
    before = notes.editor.toPlainText()
    type_paragraph(qtbot, notes.editor, "A late comment.")
    assert notes.editor.toPlainText().endswith("A late comment.")
    assert window.actions_by_id["undo"].isEnabled()
    while notes.editor.toPlainText() != before and window.session.undo_stack.canUndo():
        qtbot.keyClick(notes.editor, Qt.Key.Key_Z, CTRL)
    assert notes.editor.toPlainText() == before
    qtbot.keyClick(notes.editor, Qt.Key.Key_Z, CTRL | SHIFT)
    assert notes.editor.toPlainText() != before


def test_paste_keeps_words_and_drops_formatting(qtbot, window):
    from PySide6.QtCore import QMimeData

    notes = go_to_item(qtbot, window, "1")
    type_paragraph(qtbot, notes.editor, "")
    data = QMimeData()
    data.setHtml("<p style='color:red'><b>Bold</b> words</p><p>Second</p>")
    data.setText("Bold words\nSecond")
    notes.editor.insertFromMimeData(data)
    notes.flush()
    texts = [getattr(b, "text", None) for b in notes.item.blocks]
    assert texts[-2:] == ["Bold words", "Second"]
    assert "color" not in notes.editor.document().toHtml().split("Bold words")[0][-200:]


def test_export_minutes_with_ctrl_e(qtbot, window, tmp_path, monkeypatch):
    from docx import Document
    from PySide6.QtGui import QDesktopServices

    target = tmp_path / "minutes.docx"
    opened = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url))
    notes = go_to_item(qtbot, window, "3")
    type_paragraph(qtbot, notes.editor, "The DCC to check the figures.")
    qtbot.keyClick(notes.editor, Qt.Key.Key_A, CTRL | SHIFT)
    qtbot.keyClick(notes.action_bar.owner, Qt.Key.Key_Escape)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    assert window.statusBar().currentMessage() == "Writing minutes.docx…"
    window.wait_for_export()
    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "ACTION OPSG 49/21: The DCC to check the figures." in text
    assert [u.toLocalFile() for u in opened] == [str(target)]


def test_reopening_restores_the_meeting_item_and_cursor(qtbot, db_path, tmp_path):
    repository = Repository(db_path)
    fill_with_demo(repository)
    first = MainWindow(repository, db_path)
    qtbot.addWidget(first)
    first.open_meeting("OPSG_49_2405")
    notes = first.panes["notes"]
    first.panes["agenda"].select_number("5")
    cursor = notes.editor.textCursor()
    cursor.setPosition(42)
    notes.editor.setTextCursor(cursor)
    first.close()
    from opsg_desktop.ui.app import first_meeting

    second = MainWindow(repository, db_path)
    qtbot.addWidget(second)
    second.open_meeting(first_meeting(repository))
    assert second.panes["notes"].item.number == "5"
    assert second.panes["notes"].editor.textCursor().position() == 42
    second.close()
    repository.close()


def test_f1_lists_every_shortcut(qtbot, window, monkeypatch):
    from opsg_desktop.ui.actions import ACTIONS
    from opsg_desktop.ui.dialogs import shortcuts

    shown = []
    monkeypatch.setattr(shortcuts.ShortcutsDialog, "exec", lambda dialog: shown.append(dialog))
    qtbot.keyClick(window, Qt.Key.Key_F1)
    [dialog] = shown
    text = dialog.findChild(shortcuts.QTextBrowser).toPlainText()
    for spec in ACTIONS:
        if spec.shortcut:
            assert spec.shortcut in text, spec.id
    assert "Ctrl+Alt+C" in text and "P / A / X" in text


def test_new_meeting_from_this_one_opens_it_with_the_open_actions(qtbot, window, monkeypatch):
    from opsg_desktop.core.model import MeetingKind
    from opsg_desktop.ui.dialogs import new_meeting

    monkeypatch.setattr(
        new_meeting, "ask_next_meeting", lambda *a: (dt.date(2021, 6, 1), MeetingKind.MAIN)
    )
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert window.session.reference == "OPSG_50_0106"
    assert window.windowTitle().startswith("OPSG_50_0106")
    assert len(window.session.meeting.outstanding) == 23
    grid = window.panes["actions"]
    assert grid.table.model().rowCount() == 23


def test_search_opens_the_meeting_at_the_item(qtbot, window, monkeypatch):
    from opsg_desktop.ui.dialogs import search

    def pick_first(dialog):
        dialog.query.setText("Harvey Balls")
        dialog._open_first()
        return True

    monkeypatch.setattr(search.SearchDialog, "exec", pick_first)
    window.panes["agenda"].select_number("1")
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert window.panes["notes"].item.number == "8"


def test_meeting_properties_change_as_one_undo_step(qtbot, window, monkeypatch, db_path):
    from opsg_desktop.core.model import MeetingKind, NextMeeting
    from opsg_desktop.ui.dialogs import properties

    def fill(dialog):
        dialog.start.setText("13:00")
        dialog.next_main.setText("29 June")
        dialog.next_reporting.clear()
        return properties.QDialog.DialogCode.Accepted

    monkeypatch.setattr(properties.PropertiesDialog, "exec", fill)
    qtbot.keyClick(window, Qt.Key.Key_M, CTRL | SHIFT)
    meeting = window.session.meeting
    assert meeting.start == dt.time(13, 0)
    assert meeting.next_meetings == [NextMeeting(MeetingKind.MAIN, dt.date(2021, 6, 29))]
    window.session.autosaver.save_and_wait()
    assert stored(db_path).start == dt.time(13, 0)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert meeting.start == dt.time(12, 20) and len(meeting.next_meetings) == 2


def test_classification_and_status_from_the_toolbar(qtbot, window):
    from opsg_desktop.core.model import Classification

    window.level_box.setCurrentIndex(window.level_box.findData(Classification.AMBER))
    window.level_box.activated.emit(window.level_box.currentIndex())
    meeting = window.session.meeting
    assert meeting.classification == Classification.AMBER
    window.session.undo_stack.undo()
    assert meeting.classification == Classification.WHITE


def test_final_from_the_toolbar_goes_through_mark_as_final(qtbot, window, monkeypatch):
    """Final only with the agreeing meeting recorded and the lock: the box opens that dialog."""
    from opsg_desktop.core.model import MeetingStatus

    opened = []
    monkeypatch.setattr(type(window), "show_versions", lambda self: opened.append(True))
    window.status_box.setCurrentIndex(window.status_box.findData(MeetingStatus.FINAL))
    window.status_box.activated.emit(window.status_box.currentIndex())
    assert opened == [True]
    assert window.session.meeting.status is MeetingStatus.DRAFT
    assert window.status_box.currentData() == MeetingStatus.DRAFT


def test_moving_the_meeting_date_moves_its_reference(qtbot, window, monkeypatch, db_path):
    from PySide6.QtCore import QDate

    from opsg_desktop.ui.dialogs import properties

    def move(dialog):
        dialog.date.setDate(QDate(2021, 5, 25))
        return properties.QDialog.DialogCode.Accepted

    monkeypatch.setattr(properties.PropertiesDialog, "exec", move)
    qtbot.keyClick(window, Qt.Key.Key_M, CTRL | SHIFT)
    assert window.session.reference == "OPSG_49_2505"
    assert window.windowTitle().startswith("OPSG_49_2505")
    assert window.session.autosaver.save_and_wait()
    repository = Repository(db_path)
    try:
        assert [m.reference for m in repository.list_meetings()] == ["OPSG_49_2505"]
        assert len(repository.action_log()) == 24
    finally:
        repository.close()
