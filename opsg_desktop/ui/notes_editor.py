"""The text editor of the notes pane: whole blocks, plain pasting, guarded labels, shared undo.

Every key that could cross a paragraph's edge (Return, Backspace, Delete,
typing over a selection, paste, cut, an input method's replacement) goes
through ``notes_edits`` in one edit block, so an action, decision or heading
stays one paragraph with one identity.  Typing is one document step per
character; the pane's undo stack joins them a word or a pause at a time.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QMimeData, Qt
from PySide6.QtGui import QInputMethodEvent, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from opsg_desktop.ui import notes_edits as edits
from opsg_desktop.ui import notes_removal as removal
from opsg_desktop.ui.notes_clipboard import clipboard_text, made_here
from opsg_desktop.ui.notes_document import block_kind, content_start, label_length
from opsg_desktop.ui.notes_links import is_link_end

#: Text pasted beyond this is cut, with a note in the status bar (a 1 MB paste stays usable).
PASTE_LIMIT = 200_000
#: Seconds without typing after which the next character starts a new undo step.
PAUSE = 1.0
_RETURN = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_COMMAND_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


class NotesEdit(QTextEdit):
    """Typing goes to the document; undo and redo go to the meeting's undo stack."""

    def __init__(self, undo_stack, parent=None) -> None:
        super().__init__(parent)
        self._undo_stack = undo_stack
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.on_paste_cut = None  # called with the number of characters left out
        #: True while the document step being made continues the word being typed.
        self.continues_typing = False
        self.clock = time.monotonic
        self._last_typed: tuple[str, float, int] | None = None  # text, when, caret after
        self.cursorPositionChanged.connect(self._keep_out_of_labels)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and (
            event.matches(QKeySequence.StandardKey.Undo)
            or event.matches(QKeySequence.StandardKey.Redo)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.matches(QKeySequence.StandardKey.Undo):
            self._last_typed = None
            self._undo_stack.undo()
        elif event.matches(QKeySequence.StandardKey.Redo):
            self._last_typed = None
            self._undo_stack.redo()
        elif self.isReadOnly():  # a locked meeting or a read-only database: moves and copy
            self._last_typed = None
            super().keyPressEvent(event)  # Qt's own handling edits nothing when read-only
        elif not self._edit_key(event):
            self._last_typed = None
            super().keyPressEvent(event)

    def _edit_key(self, event) -> bool:
        """Handle a key that edits; False for keys Qt may handle (moves, copy…)."""
        key, shift = event.key(), event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        text = event.text()
        if key in _RETURN:
            self.edit(edits.line_break if shift else edits.new_paragraph)
        elif event.matches(QKeySequence.StandardKey.Cut):
            self.cut()
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) or _deletes_word(event):
            return self._delete_key(event)
        elif text and text.isprintable() and _types(event):
            self.type_text(text)
        else:
            return False
        return True

    def _delete_key(self, event) -> bool:
        cursor = self.textCursor()
        if cursor.hasSelection():
            self.edit(removal.remove_selection)
            return True
        back = key_is_back(event)
        if _deletes_word(event):
            return self._delete_word(back)
        step = removal.backspace if back else removal.delete
        cursor.beginEditBlock()
        done = step(cursor)
        cursor.endEditBlock()
        if done:
            self.setTextCursor(cursor)
        return done

    def _delete_word(self, back: bool) -> bool:
        cursor = self.textCursor()
        block = cursor.block()
        cursor.movePosition(
            QTextCursor.MoveOperation.PreviousWord if back else QTextCursor.MoveOperation.NextWord,
            QTextCursor.MoveMode.KeepAnchor,
        )
        low = block.position() + content_start(block)
        high = block.position() + block.length() - 1
        inside = low <= cursor.selectionStart() and cursor.selectionEnd() <= high
        if not inside or not cursor.hasSelection():
            cursor = self.textCursor()
            return self._one_step(removal.backspace if back else removal.delete, cursor)
        self.setTextCursor(cursor)
        self.edit(removal.remove_selection)
        return True

    def _one_step(self, step, cursor: QTextCursor) -> bool:
        cursor.beginEditBlock()
        done = step(cursor)
        cursor.endEditBlock()
        if not done:
            self.edit(
                lambda c: c.deleteChar() if step is removal.delete else c.deletePreviousChar()
            )
        else:
            self.setTextCursor(cursor)
        return True

    def edit(self, change) -> None:
        """Apply ``change(cursor)`` as one undo step at the text cursor (nothing while the
        editor is read-only: every change of the notes comes through here or type_text)."""
        self._last_typed = None
        if self.isReadOnly():
            return
        cursor = self.textCursor()
        cursor.beginEditBlock()
        change(cursor)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def type_text(self, text: str) -> None:
        """Typed characters: one document step, joined to the word being typed."""
        if self.isReadOnly():
            return
        now, last = self.clock(), self._last_typed
        self.continues_typing = bool(
            last
            and last[2] == self.textCursor().position()
            and not self.textCursor().hasSelection()
            and now - last[1] < PAUSE
            and not (last[0][-1:].isspace() and not text[:1].isspace())
        )
        cursor = self.textCursor()
        cursor.beginEditBlock()
        removal.remove_selection(cursor)
        edits.leave_generated(cursor)
        fmt = QTextCharFormat() if is_link_end(cursor) else cursor.charFormat()
        cursor.insertText(text, fmt)
        cursor.endEditBlock()
        self.continues_typing = False
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self._last_typed = (text, now, cursor.position())

    def cut(self) -> None:
        """Copy the words, then remove the selection as Backspace would (never a label)."""
        if self.textCursor().hasSelection():
            self.copy()
            self.edit(removal.remove_selection)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 (Qt override)
        """Paste the words only: formatting from Word, Outlook or a web page is dropped."""
        text = clipboard_text(source)
        if len(text) > PASTE_LIMIT:
            if self.on_paste_cut is not None:
                self.on_paste_cut(len(text) - PASTE_LIMIT)
            text = text[:PASTE_LIMIT]
        self.edit(lambda c: edits.insert_text(c, text))

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 (Qt override)
        """Copy the secretary's words: no action label, no table placeholder."""
        data = QMimeData()
        data.setText(removal.selected_words(self.textCursor()))
        return made_here(data)  # handed over to Qt as the application quits

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 (Qt override)
        return source.hasText() or source.hasHtml()

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt override)
        event.ignore()  # a drop would move words across blocks behind the guards' back

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """A press inside the selection places the caret: no drag can move words out
        of a block (Qt would remove them behind the guards' back)."""
        cursor = self.textCursor()
        at = self.cursorForPosition(event.position().toPoint()).position()
        shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier  # extends: no drag
        inside = cursor.selectionStart() <= at <= cursor.selectionEnd()
        if cursor.hasSelection() and inside and not shift:
            cursor.clearSelection()
            self.setTextCursor(cursor)
        super().mousePressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 (Qt override)
        """An input method's text, its replacement kept within the paragraph's own words."""
        self._last_typed = None
        if self.isReadOnly():
            event.ignore()
            return
        cursor = self.textCursor()
        if block_kind(cursor.block()) == "outstanding" and (
            event.commitString() or event.preeditString()
        ):
            self.edit(edits.leave_generated)
            cursor = self.textCursor()
        start, length = event.replacementStart(), event.replacementLength()
        if length or start:
            at = cursor.positionInBlock()
            low = content_start(cursor.block()) - at
            high = cursor.block().length() - 1 - at
            first, last = max(start, low), min(start + length, high)
            clipped = QInputMethodEvent(event.preeditString(), event.attributes())
            clipped.setCommitString(event.commitString(), first, max(0, last - first))
            event = clipped
        super().inputMethodEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802 (Qt override)
        menu = self.createStandardContextMenu(event.pos())
        for action in menu.actions()[:2]:  # the editor's own Undo/Redo would bypass the stack
            menu.removeAction(action)
        for action in menu.actions():
            if action.objectName() == "edit-cut" or action.text().replace("&", "") == "Cut":
                action.triggered.disconnect()
                action.triggered.connect(self.cut)
        menu.exec(event.globalPos())

    def _keep_out_of_labels(self) -> None:
        cursor = self.textCursor()
        length = label_length(cursor.block())
        kind = block_kind(cursor.block())
        if kind in ("action", "decision") and length and not cursor.hasSelection():
            if cursor.positionInBlock() < length:
                cursor.setPosition(cursor.block().position() + length)
                self.setTextCursor(cursor)


def _types(event) -> bool:
    """True when the key types its text: no Ctrl or Alt, or both (AltGr on Windows: €, @)."""
    held = event.modifiers() & _COMMAND_MODIFIERS
    return held == Qt.KeyboardModifier.NoModifier or held == _COMMAND_MODIFIERS


def key_is_back(event) -> bool:
    """True for Backspace and Ctrl+Backspace (deleting before the caret)."""
    return event.key() == Qt.Key.Key_Backspace or event.matches(
        QKeySequence.StandardKey.DeleteStartOfWord
    )


def _deletes_word(event) -> bool:
    return event.matches(QKeySequence.StandardKey.DeleteStartOfWord) or event.matches(
        QKeySequence.StandardKey.DeleteEndOfWord
    )
