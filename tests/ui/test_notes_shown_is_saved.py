"""What the notes show is what the meeting saves: verbs, pastes, undo steps, labels, view."""

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from opsg_desktop.interchange import meeting_to_dict
from tests.ui.notes_helpers import CASES, CTRL, SHIFT, close_window, compact, open_file

CASE = CASES / "two-paragraph-action.json"


@pytest.fixture
def window(qtbot, db_path):
    main = open_file(qtbot, db_path, CASE)
    yield main
    close_window(main)


@pytest.fixture
def notes(window):
    pane = window.panes["notes"]
    pane.focus_main()
    return pane


def shown(window):
    window.session.flush()
    return compact(meeting_to_dict(window.session.meeting)["agenda"][0]["blocks"])


def new_paragraph(qtbot, editor, text):
    qtbot.keyClick(editor, Qt.Key.Key_End, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, text)


def test_a_lower_case_verb_is_saved_as_the_verb_shown(qtbot, window, notes):
    new_paragraph(qtbot, notes.editor, "noted the slides")
    qtbot.keyClick(notes.editor, Qt.Key.Key_D, CTRL | SHIFT)
    if notes.decision_bar.isVisible():
        qtbot.keyClick(notes.decision_bar.verb.lineEdit(), Qt.Key.Key_Return)
    qtbot.keyClick(notes.editor, Qt.Key.Key_Return)
    assert shown(window)[-1] == {"decision": "NOTED", "text": "the slides"}
    assert "NOTED the slides" in notes.editor.toPlainText()


@pytest.mark.parametrize("typed", ["noted", "Noted", "NOTED", "considered"])
def test_the_decision_bar_saves_the_verb_typed_in_it(qtbot, window, notes, typed):
    new_paragraph(qtbot, notes.editor, "the slides")
    qtbot.keyClick(notes.editor, Qt.Key.Key_D, CTRL | SHIFT)
    field = notes.decision_bar.verb.lineEdit()
    assert notes.decision_bar.isVisible() and field.hasFocus()
    field.clear()
    qtbot.keyClicks(field, typed)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert shown(window)[-1] == {"decision": typed.upper(), "text": "the slides"}


def test_an_unknown_verb_keeps_the_bar_open(qtbot, window, notes):
    new_paragraph(qtbot, notes.editor, "the slides")
    qtbot.keyClick(notes.editor, Qt.Key.Key_D, CTRL | SHIFT)
    field = notes.decision_bar.verb.lineEdit()
    field.clear()
    qtbot.keyClicks(field, "welcomed")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert notes.decision_bar.isVisible()
    assert "welcomed" in notes.decision_bar.problem.text()
    assert shown(window)[-1] == {"text": "the slides"}


def test_a_clipboard_of_html_only_pastes_its_words(qtbot, window, notes):
    new_paragraph(qtbot, notes.editor, "")
    data = QMimeData()
    data.setHtml("<p>First <b>bold</b> words</p><p>Second&nbsp;line</p>")
    assert notes.editor.canInsertFromMimeData(data)
    QApplication.clipboard().setMimeData(data)
    qtbot.keyClick(notes.editor, Qt.Key.Key_V, CTRL)
    assert shown(window)[-2:] == [{"text": "First bold words"}, {"text": "Second line"}]


def test_undo_of_typing_goes_back_a_word_at_a_time(qtbot, window, notes):
    new_paragraph(qtbot, notes.editor, "The chair thanked everyone")
    undo = lambda: qtbot.keyClick(notes.editor, Qt.Key.Key_Z, CTRL)  # noqa: E731
    undo()
    assert shown(window)[-1] == {"text": "The chair thanked "}
    undo()
    assert shown(window)[-1] == {"text": "The chair "}
    qtbot.keyClick(notes.editor, Qt.Key.Key_Z, CTRL | SHIFT)
    assert shown(window)[-1] == {"text": "The chair thanked "}


def test_a_pause_in_typing_starts_a_new_undo_step(qtbot, window, notes):
    now = [100.0]
    notes.editor.clock = lambda: now[0]
    new_paragraph(qtbot, notes.editor, "Wor")
    now[0] += 5
    qtbot.keyClicks(notes.editor, "ds")
    qtbot.keyClick(notes.editor, Qt.Key.Key_Z, CTRL)
    assert shown(window)[-1] == {"text": "Wor"}


def test_an_input_method_cannot_replace_an_action_label(qtbot, window, notes):
    editor = notes.editor
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(1).position())
    editor.setTextCursor(cursor)  # the cursor is kept after the label
    label = "ACTION OPSG 61/01: "
    event = QInputMethodEvent("", [])
    event.setCommitString("é", -len(label), len(label) + 1)
    QApplication.sendEvent(editor, event)
    paragraph = editor.document().findBlockByNumber(1).text()
    assert paragraph.startswith(label + "é")
    assert shown(window)[1]["action"]["id"] == "OPSG 61/01"
    assert shown(window)[1]["action"]["text"].startswith("éhe DCC")


def test_an_input_method_still_composes_inside_the_words(qtbot, window, notes):
    new_paragraph(qtbot, notes.editor, "cafe")
    event = QInputMethodEvent("", [])
    event.setCommitString("é", -1, 1)
    QApplication.sendEvent(notes.editor, event)
    assert shown(window)[-1] == {"text": "café"}


def test_the_line_being_edited_stays_in_view_when_the_action_bar_opens(qtbot, window, notes):
    editor = notes.editor
    window.resize(1366, 768)  # the laptop size: the bar takes room from the editor
    for n in range(40):
        new_paragraph(qtbot, editor, f"Paragraph {n} of a long discussion.")
    new_paragraph(qtbot, editor, "The DCC to report back")
    before = editor.viewport().height()
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL | SHIFT)
    assert notes.action_bar.isVisible()
    qtbot.wait(50)
    viewport = editor.viewport().rect()
    assert viewport.height() < before  # the bar did take room
    assert viewport.contains(editor.cursorRect().center())
