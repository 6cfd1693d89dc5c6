"""A meeting typed into the window key by key dumps back block for block as the file has it."""

import json

import pytest
from PySide6.QtCore import Qt

from opsg_desktop.interchange import meeting_from_dict, meeting_to_dict
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui.main_window import MainWindow
from opsg_desktop.ui.notes_document import LIST
from tests.conftest import FIXTURES
from tests.ui.notes_helpers import CTRL, SHIFT, compact, saved, stored_dict, type_keys

REPLAY = FIXTURES / "replay_meeting.json"


@pytest.fixture
def window(qtbot, db_path):
    data = json.loads(REPLAY.read_text(encoding="utf-8"))
    for item in data["agenda"]:
        item["blocks"] = []  # the agenda only: every block is typed
    repository = Repository(db_path)
    meeting = meeting_from_dict(data)
    repository.save_meeting(meeting)
    main = MainWindow(repository, db_path)
    qtbot.addWidget(main)
    main.open_meeting(meeting.reference)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()
    repository.close()


def key(qtbot, widget, which, modifiers=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(widget, which, modifiers)


def type_words(qtbot, editor, text):
    """Type ``text``: a line break is Shift+Return; a blank line two of them."""
    for n, line in enumerate(text.split("\n")):
        if n:
            key(qtbot, editor, Qt.Key.Key_Return, SHIFT)
        type_keys(editor, line)


def link_words(qtbot, window, editor, paragraph, link):
    """Select the link's words with Shift+arrows, Ctrl+K, type the address, Enter."""
    key(qtbot, editor, Qt.Key.Key_Home)
    for _ in range(paragraph.index(link["text"])):
        key(qtbot, editor, Qt.Key.Key_Right)
    for _ in link["text"]:
        key(qtbot, editor, Qt.Key.Key_Right, SHIFT)
    key(qtbot, window, Qt.Key.Key_K, CTRL)
    bar = window.panes["notes"].link_bar
    type_keys(bar.url, link["url"])
    key(qtbot, bar.url, Qt.Key.Key_Return)
    key(qtbot, editor, Qt.Key.Key_End)


def type_action(qtbot, window, editor, action):
    type_words(qtbot, editor, action["text"])
    key(qtbot, window, Qt.Key.Key_A, CTRL | SHIFT)
    bar = window.panes["notes"].action_bar
    assert bar.label.text() == f"<b>ACTION {action['id']}</b>"
    bar.owner.selectAll()
    type_keys(bar.owner, action.get("owner", ""))
    key(qtbot, bar.owner, Qt.Key.Key_Tab)
    bar.target.selectAll()
    target = action.get("target", "")
    if target[:4].isdigit():  # typed as people write dates: 11/04/2022
        target = "/".join(reversed(target.split("-")))
    type_keys(bar.target, target)
    key(qtbot, bar.target, Qt.Key.Key_Return)
    assert editor.hasFocus()


def type_block(qtbot, window, editor, block):
    if "outstanding_actions" in block:
        key(qtbot, window, Qt.Key.Key_T, CTRL | SHIFT)
    elif "heading" in block:
        type_words(qtbot, editor, block["heading"])
        key(qtbot, window, Qt.Key.Key_H, CTRL | SHIFT)
    elif "decision" in block:
        type_words(qtbot, editor, f"{block['decision'].lower()} {block['text']}")
        key(qtbot, window, Qt.Key.Key_D, CTRL | SHIFT)
    elif "action" in block:
        type_action(qtbot, window, editor, block["action"])
    else:
        type_words(qtbot, editor, block["text"])
        for link in block.get("links", []):
            link_words(qtbot, window, editor, block["text"], link)
        for _ in range(4):  # Ctrl+Shift+L goes round: none, bullet, number, letter
            if (editor.textCursor().blockFormat().property(LIST) or None) == block.get("list"):
                break
            key(qtbot, window, Qt.Key.Key_L, CTRL | SHIFT)


def test_a_meeting_typed_by_key_dumps_back_block_for_block(qtbot, window, db_path):
    expected = json.loads(REPLAY.read_text(encoding="utf-8"))
    notes = window.panes["notes"]
    for item in expected["agenda"]:
        window.panes["agenda"].select_number(item["number"])
        key(qtbot, window, Qt.Key.Key_3, CTRL)
        editor = notes.editor
        for n, block in enumerate(item["blocks"]):
            if n and editor.textCursor().block().text():
                key(qtbot, editor, Qt.Key.Key_Return)
            type_block(qtbot, window, editor, block)
    saved(window)
    dumped = stored_dict(db_path, window.session.reference)
    for typed, item in zip(dumped["agenda"], expected["agenda"], strict=True):
        assert compact(typed["blocks"]) == item["blocks"]
    assert meeting_to_dict(meeting_from_dict(dumped)) == dumped
