"""What the notes show is what the meeting saves: verbs, pastes, undo steps, labels, view."""

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from tests.ui.notes_helpers import CASES, CTRL, SHIFT, close_window, open_file, shown

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
    assert "welcomed" in window.statusBar().currentMessage()
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


@pytest.mark.parametrize("prefilled", ["noted", "Noted", "NOTED"])
def test_the_decision_bar_never_swaps_the_verb_shown_on_return(qtbot, prefilled):
    from PySide6.QtWidgets import QWidget

    from opsg_desktop.core.model import DEFAULT_DECISION_VERBS
    from opsg_desktop.ui.panes.notes_bars import DecisionBar

    parent = QWidget()
    qtbot.addWidget(parent)
    bar = DecisionBar(parent)
    parent.show()
    chosen = []
    bar.accepted.connect(lambda: chosen.append(bar.chosen()))
    bar.open(list(DEFAULT_DECISION_VERBS), prefilled)
    assert bar.verb.currentText() == "NOTED"
    bar.verb.setEditText(prefilled)
    qtbot.keyClick(bar.verb.lineEdit(), Qt.Key.Key_Return)
    assert chosen == ["NOTED"]


def test_a_target_naming_a_known_meeting_takes_its_date(qtbot, db_path):
    import datetime as dt
    import json

    from opsg_desktop.interchange import meeting_from_dict
    from opsg_desktop.store.repository import Repository

    data = json.loads(CASE.read_text())
    data["meeting"] = {"number": "62", "date": "2022-04-11"}
    data["agenda"][0]["blocks"] = []
    repository = Repository(db_path)
    repository.save_meeting(meeting_from_dict(data))
    repository.close()
    main = open_file(qtbot, db_path, CASE)
    try:
        notes = main.panes["notes"]
        notes.focus_main()
        new_paragraph(qtbot, notes.editor, "SECAS to report at the next meeting (OPSG_62)")
        qtbot.keyClick(notes.editor, Qt.Key.Key_A, CTRL | SHIFT)
        assert notes.action_bar.target_value() == dt.date(2022, 4, 11)
        qtbot.keyClick(notes.action_bar.owner, Qt.Key.Key_Escape)
        new_paragraph(qtbot, notes.editor, "SECAS to report at the next meeting (OPSG_63)")
        qtbot.keyClick(notes.editor, Qt.Key.Key_A, CTRL | SHIFT)
        assert notes.action_bar.target.text() == "Next meeting (OPSG_63)"
    finally:
        close_window(main)
