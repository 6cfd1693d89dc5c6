"""An action, decision or heading stays one block with one id, whatever is typed around it."""

import json

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor

from tests.ui.notes_helpers import (
    CASES,
    CTRL,
    SHIFT,
    close_window,
    compact,
    open_file,
    saved,
    shown,
    stored_dict,
)

CASE = CASES / "two-paragraph-action.json"
ORIGINAL = json.loads(CASE.read_text())["agenda"][0]["blocks"]
ACTION_TEXT = ORIGINAL[1]["action"]["text"]


@pytest.fixture
def window(qtbot, db_path):
    main = open_file(qtbot, db_path, CASE)
    yield main
    close_window(main)


@pytest.fixture
def editor(window):
    notes = window.panes["notes"]
    notes.focus_main()
    return notes.editor


def action_ids(blocks):
    return [b["action"]["id"] for b in blocks if "action" in b]


def put_cursor(editor, position):
    cursor = editor.textCursor()
    cursor.setPosition(position)
    editor.setTextCursor(cursor)


def action_start(editor):
    return editor.document().findBlockByNumber(1).position()


def test_typing_at_the_end_of_a_two_paragraph_action_keeps_it_whole(qtbot, window, editor, db_path):
    qtbot.keyClick(editor, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(editor, " Soon")
    saved(window)
    expected = json.loads(CASE.read_text())["agenda"][0]["blocks"]
    expected[1]["action"]["text"] += " Soon"
    data = stored_dict(db_path, window.session.reference)
    assert compact(data["agenda"][0]["blocks"]) == expected


def test_return_inside_an_action_adds_a_paragraph_to_it(qtbot, window, editor):
    label = len("ACTION OPSG 61/01: ")
    put_cursor(editor, action_start(editor) + label + len("The DCC to publish"))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "Also")
    blocks = shown(window)
    assert action_ids(blocks) == ["OPSG 61/01"] and len(blocks) == 2
    assert blocks[1]["action"]["text"] == ACTION_TEXT.replace("publish", "publish\n\nAlso")


def test_return_at_the_end_of_an_action_starts_a_plain_paragraph(qtbot, window, editor):
    qtbot.keyClick(editor, Qt.Key.Key_End, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "Next words")
    assert shown(window) == [*ORIGINAL, {"text": "Next words"}]


def test_return_at_an_action_start_puts_a_paragraph_before_it(qtbot, window, editor):
    put_cursor(editor, action_start(editor))  # the cursor is kept after the label
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "Before")
    assert shown(window) == [ORIGINAL[0], {"text": "Before"}, ORIGINAL[1]]


@pytest.mark.parametrize("separator", ["\n", "\n\n", "\u2029", "\r\n"])
def test_a_multi_paragraph_paste_stays_in_the_action(qtbot, window, editor, separator):
    qtbot.keyClick(editor, Qt.Key.Key_End, CTRL)
    data = QMimeData()
    data.setText(f" First{separator}Second")
    editor.insertFromMimeData(data)
    blocks = shown(window)
    assert action_ids(blocks) == ["OPSG 61/01"] and len(blocks) == 2
    breaks = "\n\n" if separator in ("\n\n", "\u2029") else "\n"  # U+2029: a paragraph
    assert blocks[1]["action"]["text"] == f"{ACTION_TEXT} First{breaks}Second"


def test_a_multi_paragraph_paste_in_plain_text_makes_plain_paragraphs(qtbot, window, editor):
    put_cursor(editor, len("The group reviewed"))
    data = QMimeData()
    data.setText("\u2029One\u2029Two ")
    editor.insertFromMimeData(data)
    assert shown(window) == [
        {"text": "The group reviewed"},
        {"text": "One"},
        {"text": "Two  the minutes."},
        ORIGINAL[1],
    ]


def test_backspace_and_delete_at_an_action_edge_leave_both_blocks(qtbot, window, editor):
    put_cursor(editor, action_start(editor))
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    put_cursor(editor, action_start(editor) - 1)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert shown(window) == ORIGINAL
    assert editor.toPlainText().count("ACTION OPSG 61/01: ") == 1


def test_backspace_removes_an_empty_paragraph_before_an_action(qtbot, window, editor):
    put_cursor(editor, action_start(editor))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert editor.document().blockCount() == 2
    assert shown(window) == ORIGINAL


def test_plain_words_joined_onto_an_action_become_its_words(qtbot, window, editor):
    qtbot.keyClick(editor, Qt.Key.Key_End, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "More")
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    blocks = shown(window)
    assert action_ids(blocks) == ["OPSG 61/01"]
    assert blocks[1]["action"]["text"] == ACTION_TEXT + "More"


def test_a_selection_across_the_edge_never_leaves_a_broken_label(qtbot, window, editor):
    cursor = editor.textCursor()
    cursor.setPosition(len("The group"))
    cursor.setPosition(action_start(editor) + 4, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "x")
    blocks = shown(window)
    assert blocks == [{"text": "The groupx"}, ORIGINAL[1]]


def test_an_action_cannot_be_turned_into_a_heading_or_decision(qtbot, window, editor):
    qtbot.keyClick(editor, Qt.Key.Key_End, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL | SHIFT)
    qtbot.keyClick(window, Qt.Key.Key_D, CTRL | SHIFT)
    assert shown(window) == ORIGINAL


def test_converting_a_paragraph_gives_one_new_id(qtbot, window, editor):
    qtbot.keyClick(editor, Qt.Key.Key_End, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "SECAS to circulate the paper")
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL | SHIFT)
    qtbot.keyClick(window.panes["notes"].action_bar.owner, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "Then")
    assert action_ids(shown(window)) == ["OPSG 61/01", "OPSG 61/02"]
    assert shown(window)[-1] == {"text": "Then"}


def test_undo_and_redo_restore_each_block_whole(qtbot, window, editor):
    qtbot.keyClick(editor, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(editor, " Soon")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "Next")
    done = shown(window)
    stack = window.session.undo_stack
    while stack.canUndo():
        qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert shown(window) == ORIGINAL
    while stack.canRedo():
        qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL | SHIFT)
    assert shown(window) == done


def test_ctrl_backspace_deletes_words_but_never_the_label(qtbot, window, editor):
    label = len("ACTION OPSG 61/01: ")
    put_cursor(editor, action_start(editor) + label + len("The DCC"))
    qtbot.keyClick(editor, Qt.Key.Key_Backspace, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace, CTRL)
    assert shown(window)[1]["action"]["text"] == ACTION_TEXT.removeprefix("The DCC").strip()
    assert shown(window)[0] == ORIGINAL[0]
    assert editor.document().findBlockByNumber(1).text().startswith("ACTION OPSG 61/01: ")


def test_a_press_inside_a_selection_cannot_start_a_drag_of_it(qtbot, window, editor):
    cursor = editor.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(len("The group reviewed"), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    inside = editor.cursorRect(editor.cursorForPosition(editor.cursorRect().center())).center()
    inside.setX(inside.x() - 20)
    qtbot.mousePress(editor.viewport(), Qt.MouseButton.LeftButton, pos=inside)
    assert not editor.textCursor().hasSelection()
    qtbot.mouseRelease(editor.viewport(), Qt.MouseButton.LeftButton, pos=inside)
    assert shown(window) == ORIGINAL
