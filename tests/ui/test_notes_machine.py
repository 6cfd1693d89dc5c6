"""The notes editor driven through random keystroke sequences by a hypothesis state machine.

After every step: action ids are unique, no typed character is lost against a
plain model of the words (non-blank characters, in order; undo and redo go
back to the model's earlier states), and dump → import → dump is identical.
"""

from __future__ import annotations

import copy
import itertools
import os
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from opsg_desktop.core.model import (
    ActionBlock,
    DecisionBlock,
    HeadingBlock,
    OutstandingBlock,
    walk_blocks,
)
from opsg_desktop.interchange import load_meeting, meeting_from_dict, meeting_to_dict
from opsg_desktop.ui.notes_document import LINE_BREAK, block_kind, label_length
from opsg_desktop.ui.panes.notes import NotesPane
from opsg_desktop.ui.session import MeetingSession
from tests.ui.notes_helpers import CASES, CTRL, SHIFT, type_keys

#: No "d": no word typed can be a decision verb, so the model need not know them.
WORDS = st.text(alphabet="abcefxyz éß,.0123456789", min_size=1, max_size=8)
SEPARATORS = st.sampled_from(["\n", "\n\n", "\u2029", "\r\n", "\u2028", "\v"])
STEPS = {"count": 0}
NO_KEYS = Qt.KeyboardModifier.NoModifier
FIRST_BLOCKS = [
    None,
    HeadingBlock("Opening"),
    OutstandingBlock(),
    DecisionBlock("NOTED", "the agenda"),
    ActionBlock("SECAS to circulate the agenda.", owner="SECAS", id="OPSG 61/09"),
]
_NUMBERS = itertools.count()


def words_and_offsets(document, positions):
    """The secretary's words (no label, verb or table) and the word offsets of ``positions``."""
    parts, offsets, at = [], {}, 0
    block = document.begin()
    while block.isValid():
        skip = label_length(block)
        content = block.text()[skip:].replace(LINE_BREAK, "\n")
        for position in positions:
            if block.contains(position) or position == block.position() + block.length() - 1:
                offsets.setdefault(position, at + max(0, position - block.position() - skip))
        parts.append(content)
        at += len(content) + 1
        block = block.next()
    return "\n".join(parts), [offsets.get(p, at - 1) for p in positions]


def solid(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


class NotesMachine(RuleBasedStateMachine):
    folder = Path(".")  #: where each example's database goes (the test sets a temporary one)

    @initialize(first=st.sampled_from(FIRST_BLOCKS))
    def open_item(self, first):
        """The case file's item 1, led by a block of each kind (edges at the very start)."""
        meeting = load_meeting(CASES / "two-paragraph-action.json")
        item = meeting.agenda[0]
        item.blocks = [copy.deepcopy(first), *item.blocks] if first is not None else item.blocks
        db_path = NotesMachine.folder / f"m{next(_NUMBERS)}.sqlite3"
        self.session = MeetingSession(db_path, meeting, [])
        self.pane = NotesPane(self.session, ["DCC", "SECAS"])
        self.pane.show_item(item)
        self.editor = self.pane.editor
        self.editor.clock = lambda: 0.0  # no pauses: steps join by word only
        self.expected = solid(self.words())
        self.history = {self.session.undo_stack.index(): self.expected}

    def words(self) -> str:
        return words_and_offsets(self.editor.document(), [])[0]

    def teardown(self) -> None:
        if not hasattr(self, "pane"):
            return
        self.pane.shutdown()
        self.session.close()
        self.pane.deleteLater()

    def _step(self, expected_words: str | None = None) -> None:
        STEPS["count"] += 1
        if expected_words is not None:
            self.expected = solid(expected_words)
        self.history[self.session.undo_stack.index()] = self.expected

    def _place(self, where: int, to: int | None = None) -> None:
        size = self.editor.document().characterCount() - 1
        cursor = self.editor.textCursor()
        cursor.setPosition(where % (size + 1))
        if to is not None:
            cursor.setPosition(to % (size + 1), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)

    def _around_cursor(self) -> tuple[str, int, int]:
        cursor = self.editor.textCursor()
        ends = [cursor.selectionStart(), cursor.selectionEnd()]
        words, (low, high) = words_and_offsets(self.editor.document(), ends)
        return words, low, high

    @rule(where=st.integers(0, 2000))
    def move(self, where):
        self._place(where)
        self._step()

    @rule(where=st.integers(0, 2000), to=st.integers(0, 2000), text=WORDS)
    def select_and_type(self, where, to, text):
        self._place(where, to)
        words, low, high = self._around_cursor()
        type_keys(self.editor, text[0])
        self._step(words[:low] + text[0] + words[high:])
        self.type_words(text[1:])

    @rule(
        where=st.integers(0, 2000),
        to=st.integers(0, 2000),
        key=st.sampled_from([Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_X]),
    )
    def select_and_remove(self, where, to, key):
        """Backspace, Delete or Ctrl+X (cut) on a selection, maybe across blocks."""
        self._place(where, to)
        words, low, high = self._around_cursor()
        if self.editor.textCursor().hasSelection():  # a lone key is key_at_an_edge's
            QTest.keyClick(self.editor, key, CTRL if key == Qt.Key.Key_X else NO_KEYS)
        self._step(words[:low] + words[high:])

    @rule(text=WORDS)
    def type_words(self, text):
        for ch in text:  # each may start an undo step (a new word)
            words, at, _ = self._around_cursor()
            type_keys(self.editor, ch)
            self._step(words[:at] + ch + words[at:])

    @rule(shift=st.booleans())
    def return_key(self, shift):
        modifier = SHIFT if shift else Qt.KeyboardModifier.NoModifier
        QTest.keyClick(self.editor, Qt.Key.Key_Return, modifier)
        self._step()

    @rule(lines=st.lists(WORDS, min_size=1, max_size=4), separator=SEPARATORS)
    def paste(self, lines, separator):
        words, at, _ = self._around_cursor()
        data = QMimeData()
        data.setText(separator.join(lines))
        self.editor.insertFromMimeData(data)
        self._step(words[:at] + "".join(lines) + words[at:])

    @rule(key=st.sampled_from([Qt.Key.Key_A, Qt.Key.Key_H]), accept=st.booleans())
    def convert(self, key, accept):
        {Qt.Key.Key_A: self.pane.raise_action, Qt.Key.Key_H: self.pane.toggle_heading}[key]()
        if self.pane.action_bar.isVisible():
            close = Qt.Key.Key_Return if accept else Qt.Key.Key_Escape
            QTest.keyClick(self.pane.action_bar.owner, close)
        self._step()

    @rule(verb=st.sampled_from(["noted", "Agreed", "CONSIDERED"]))
    def decision(self, verb):
        self.pane.record_decision()
        bar = self.pane.decision_bar
        if bar.isVisible():
            bar.verb.lineEdit().clear()
            QTest.keyClicks(bar.verb.lineEdit(), verb)
            QTest.keyClick(bar.verb.lineEdit(), Qt.Key.Key_Return)
        self._step()

    @rule()
    def list_entry(self):
        self.pane.cycle_list()
        self._step()

    @rule()
    def place_table(self):
        self.pane.place_outstanding()
        self._step()

    @rule()
    def add_link(self):
        self.pane.add_link()
        if self.pane.link_bar.isVisible():
            QTest.keyClicks(self.pane.link_bar.url, "https://example.org/p")
            QTest.keyClick(self.pane.link_bar.url, Qt.Key.Key_Return)
        self._step()

    @rule(paragraph=st.integers(0, 50), back=st.booleans())
    def key_at_an_edge(self, paragraph, back):
        document = self.editor.document()
        block = document.findBlockByNumber(paragraph % document.blockCount())
        start = block.position() + (
            0 if block_kind(block) == "outstanding" else label_length(block)
        )
        self._place(start if back else block.position() + block.length() - 1)
        QTest.keyClick(self.editor, Qt.Key.Key_Backspace if back else Qt.Key.Key_Delete)
        self._step()

    @precondition(lambda self: self.session.undo_stack.canUndo())
    @rule()
    def undo(self):
        QTest.keyClick(self.editor, Qt.Key.Key_Z, CTRL)
        self.expected = self.history[self.session.undo_stack.index()]
        STEPS["count"] += 1

    @precondition(lambda self: self.session.undo_stack.canRedo())
    @rule()
    def redo(self):
        QTest.keyClick(self.editor, Qt.Key.Key_Z, CTRL | SHIFT)
        self.expected = self.history[self.session.undo_stack.index()]
        STEPS["count"] += 1

    @rule()
    def save(self):
        assert self.session.autosaver.save_and_wait()
        self.session.autosaver.schedule()
        assert self.session.autosaver.save_and_wait()
        self._step()

    @precondition(lambda self: hasattr(self, "pane"))
    @invariant()
    def ids_are_unique(self):
        meeting = self.session.snapshot()
        ids = [b.id for _, b in walk_blocks(meeting) if isinstance(b, ActionBlock)]
        assert len(ids) == len(set(ids)), ids

    @precondition(lambda self: hasattr(self, "pane"))
    @invariant()
    def no_typed_character_is_lost(self):
        assert solid(self.words()) == self.expected

    @precondition(lambda self: hasattr(self, "pane"))
    @invariant()
    def dump_import_dump_is_identical(self):
        dumped = meeting_to_dict(self.session.snapshot())
        assert meeting_to_dict(meeting_from_dict(dumped)) == dumped


#: Modest, so the suite stays fast; the test prints how many steps it ran.
MACHINE_SETTINGS = settings(
    max_examples=int(os.environ.get("OPSG_MACHINE_EXAMPLES", "40")),  # more: explore
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def test_random_editing_keeps_blocks_words_and_round_trips(qapp, tmp_path):
    """Runs the machine (with the Qt application up) and says how many steps it took."""
    NotesMachine.folder = tmp_path
    STEPS["count"] = 0
    run_state_machine_as_test(NotesMachine, settings=MACHINE_SETTINGS)
    print(f"\nnotes state machine: {STEPS['count']} steps")
    assert STEPS["count"] > 100
