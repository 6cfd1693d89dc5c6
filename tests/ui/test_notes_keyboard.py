"""Every part of the minutes from the keyboard: the outstanding table and links."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from opsg_desktop.interchange import meeting_to_dict
from opsg_desktop.ui.notes_document import OUTSTANDING_TEXT
from tests.ui.notes_helpers import CASES, CTRL, SHIFT, close_window, compact, open_file, shown

CASE = CASES / "two-paragraph-action.json"
TABLE = {"outstanding_actions": True}


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


def place_table(qtbot, window, notes):
    qtbot.keyClick(notes.editor, Qt.Key.Key_End, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL | SHIFT)


def test_ctrl_shift_t_places_the_table_and_typing_goes_after_it(qtbot, window, notes):
    place_table(qtbot, window, notes)
    qtbot.keyClicks(notes.editor, "After the table")
    assert [list(b)[0] for b in shown(window)] == ["text", "action", "outstanding_actions", "text"]
    assert shown(window)[-1] == {"text": "After the table"}


def test_the_table_is_never_a_trap_for_typing(qtbot, window, notes):
    place_table(qtbot, window, notes)
    editor = notes.editor
    qtbot.keyClick(editor, Qt.Key.Key_Up)
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClicks(editor, "below")
    qtbot.keyClick(editor, Qt.Key.Key_Up)
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    qtbot.keyClicks(editor, "above")
    blocks = shown(window)
    assert blocks[2:] == [{"text": "above"}, TABLE, {"text": "below"}]
    assert OUTSTANDING_TEXT in editor.toPlainText()


def test_return_at_a_leading_table_never_makes_its_words_text(qtbot, window, notes):
    editor = notes.editor
    cursor = editor.textCursor()
    cursor.setPosition(0)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # a plain paragraph above the first
    qtbot.keyClick(editor, Qt.Key.Key_Up)
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL | SHIFT)
    qtbot.keyClick(editor, Qt.Key.Key_Home, CTRL)
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Delete, Qt.Key.Key_Return):
        qtbot.keyClick(editor, key)
    blocks = shown(window)
    assert TABLE in blocks
    assert all(OUTSTANDING_TEXT not in str(b) for b in blocks)


def test_copying_the_table_copies_none_of_its_words(qtbot, window, notes):
    place_table(qtbot, window, notes)
    qtbot.keyClick(notes.editor, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(notes.editor, Qt.Key.Key_C, CTRL)
    copied = QApplication.clipboard().text()
    assert "Actions outstanding" not in copied and "ACTION OPSG" not in copied
    assert "The group reviewed the minutes." in copied


def test_one_table_per_meeting(qtbot, window, notes):
    place_table(qtbot, window, notes)
    place_table(qtbot, window, notes)
    assert [b for b in shown(window) if b == TABLE] == [TABLE]


def test_ctrl_k_links_the_selected_words_to_a_checked_address(qtbot, window, notes):
    editor = notes.editor
    cursor = editor.textCursor()
    cursor.setPosition(len("The group reviewed the "))
    cursor.setPosition(len("The group reviewed the minutes"), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    bar = notes.link_bar
    assert bar.isVisible() and bar.url.hasFocus()
    qtbot.keyClicks(bar.url, "javascript:alert(1)")
    qtbot.keyClick(bar.url, Qt.Key.Key_Return)
    assert bar.isVisible() and "http" in window.statusBar().currentMessage()
    bar.url.clear()
    qtbot.keyClick(bar.url, Qt.Key.Key_Escape)
    cursor.setPosition(len("The group reviewed "))  # two words: "the minutes"
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Right, SHIFT | CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_Right, SHIFT | CTRL)
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    qtbot.keyClicks(bar.url, "www.example.org/minutes")
    qtbot.keyClick(bar.url, Qt.Key.Key_Return)
    assert not bar.isVisible() and editor.hasFocus()
    url = "https://www.example.org/minutes"
    assert shown(window)[0] == {
        "text": "The group reviewed the minutes.",
        "links": [{"text": "the minutes", "url": url}],
    }
    qtbot.keyClick(editor, Qt.Key.Key_Left)
    assert notes.details.text().startswith(f"Link to {url}")
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClicks(editor, " More")
    assert shown(window)[0]["links"] == [{"text": "the minutes", "url": url}]
    for _ in range(len(" More.") + 2):
        qtbot.keyClick(editor, Qt.Key.Key_Left)
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)  # on the link: all of it, its address shown
    assert bar.url.text() == url and "the minutes" in bar.label.text()
    bar.url.clear()
    qtbot.keyClick(bar.url, Qt.Key.Key_Return)  # an empty address removes the link
    assert "links" not in shown(window)[0]


def test_ctrl_k_outside_plain_words_says_why(qtbot, window, notes):
    qtbot.keyClick(notes.editor, Qt.Key.Key_End, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    assert not notes.link_bar.isVisible()
    assert "plain paragraph" in window.statusBar().currentMessage()


def test_f1_lists_the_table_and_link_keys(qtbot, window, monkeypatch):
    from opsg_desktop.ui.dialogs import shortcuts

    text = shortcuts.shortcuts_html()
    assert "Ctrl+Shift+T" in text and "Ctrl+K" in text


def test_the_caret_first_opens_at_the_end_of_the_items_notes(qtbot, window, notes):
    editor = notes.editor
    assert editor.hasFocus()
    assert editor.textCursor().position() == editor.document().characterCount() - 1
    qtbot.keyClicks(editor, " Typed")
    assert shown(window)[1]["action"]["text"].endswith("regions. Typed")


def test_typing_over_a_selection_from_the_table_into_a_label_keeps_the_label(qtbot, window, notes):
    editor = notes.editor
    cursor = editor.textCursor()
    cursor.setPosition(len("The group"))
    editor.setTextCursor(cursor)
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL | SHIFT)  # the table between text and action
    qtbot.keyClick(editor, Qt.Key.Key_Delete)  # the empty line under the table goes
    document = editor.document()
    table, action = document.findBlockByNumber(1), document.findBlockByNumber(2)
    assert table.text() == OUTSTANDING_TEXT and action.text().startswith("ACTION OPSG 61/01: ")
    cursor.setPosition(table.position() + 5)
    cursor.setPosition(action.position() + 4, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "x")
    blocks = shown(window)
    assert TABLE in blocks
    assert blocks[-1]["action"]["id"] == "OPSG 61/01"
    assert blocks[-1]["action"]["text"].startswith("xThe DCC")


def test_ctrl_shift_l_makes_list_entries_and_enter_on_an_empty_one_ends_the_list(
    qtbot, window, notes
):
    editor = notes.editor
    qtbot.keyClick(editor, Qt.Key.Key_End, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "First point")
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL | SHIFT)
    assert "Bullet list entry" in notes.details.text()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "Second point")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # on the empty entry: the list ends
    qtbot.keyClicks(editor, "After the list")
    qtbot.keyClick(editor, Qt.Key.Key_Up)
    for _ in range(2):  # bullet → number → letter
        qtbot.keyClick(window, Qt.Key.Key_L, CTRL | SHIFT)
    assert shown(window)[2:] == [
        {"text": "First point", "list": "bullet"},
        {"text": "Second point", "list": "letter"},
        {"text": "After the list"},
    ]


def test_in_a_carried_over_item_2_the_table_swallows_nothing(qtbot, db_path):
    import datetime as dt

    from opsg_desktop.demo import fill_with_demo
    from opsg_desktop.store.repository import Repository
    from opsg_desktop.ui.main_window import MainWindow

    repository = Repository(db_path)
    fill_with_demo(repository)
    following = repository.create_next("OPSG_49_2405", dt.date(2024, 6, 24))
    main = MainWindow(repository, db_path)
    qtbot.addWidget(main)
    main.open_meeting(following.reference)
    main.show()
    qtbot.waitExposed(main)
    try:
        main.panes["agenda"].select_number("2")
        qtbot.keyClick(main, Qt.Key.Key_3, CTRL)
        notes = main.panes["notes"]
        editor = notes.editor
        assert editor.document().begin().text() == OUTSTANDING_TEXT
        qtbot.keyClick(editor, Qt.Key.Key_End, CTRL)  # the end of the placeholder's line
        qtbot.keyClicks(editor, "SECAS presented the updates.")
        qtbot.keyClick(editor, Qt.Key.Key_Home, CTRL)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, "Opening words")
        main.session.flush()
        item = meeting_to_dict(main.session.meeting)["agenda"][1]
        assert compact(item["blocks"]) == [
            {"text": "Opening words"},
            TABLE,
            {"text": "SECAS presented the updates."},
        ]
    finally:
        main.close()
        repository.close()


def test_altgr_letters_typed_at_the_table_are_saved_after_it(qtbot, window, notes):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    place_table(qtbot, window, notes)
    qtbot.keyClick(notes.editor, Qt.Key.Key_Up)  # onto the table's line
    qtbot.keyClick(notes.editor, Qt.Key.Key_End)
    altgr = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):  # AltGr+E on Windows
        QApplication.sendEvent(notes.editor, QKeyEvent(kind, Qt.Key.Key_E, altgr, "€"))
    assert shown(window)[-2:] == [TABLE, {"text": "€"}]
