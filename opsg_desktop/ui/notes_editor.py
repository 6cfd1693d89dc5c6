"""The text editor of the notes pane: plain pasting, guarded labels, shared undo."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, Qt
from PySide6.QtGui import QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from opsg_desktop.ui.notes_document import (
    ACTION_ID,
    LEVEL,
    LIST,
    action_label,
    block_kind,
    paragraph_format,
)

#: Text pasted beyond this is cut, with a note in the status bar (a 1 MB paste stays usable).
PASTE_LIMIT = 200_000


class NotesEdit(QTextEdit):
    """Typing goes to the document; undo and redo go to the meeting's undo stack."""

    def __init__(self, undo_stack, parent=None) -> None:
        super().__init__(parent)
        self._undo_stack = undo_stack
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.on_paste_cut = None  # called with the number of characters left out
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
            self._undo_stack.undo()
        elif event.matches(QKeySequence.StandardKey.Redo):
            self._undo_stack.redo()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.new_paragraph()
        elif event.key() == Qt.Key.Key_Backspace and self._at_label_end():
            return  # the action's label is generated: it cannot be typed away
        else:
            super().keyPressEvent(event)

    def new_paragraph(self) -> None:
        """A new plain paragraph: a heading, action or decision does not run on."""
        cursor = self.textCursor()
        current = cursor.block()
        fmt = paragraph_format()
        fmt.setProperty(LEVEL, current.blockFormat().property(LEVEL) or "")
        if block_kind(current) == "text" and current.blockFormat().property(LIST):
            fmt.setProperty(LIST, current.blockFormat().property(LIST))
            fmt.setIndent(1)
        cursor.insertBlock(fmt, QTextCharFormat())
        self.setTextCursor(cursor)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 (Qt override)
        """Paste the words only: formatting from Word or Outlook is dropped."""
        text = source.text().replace("\r\n", "\n").replace("\r", "\n")
        if len(text) > PASTE_LIMIT:
            if self.on_paste_cut is not None:
                self.on_paste_cut(len(text) - PASTE_LIMIT)
            text = text[:PASTE_LIMIT]
        lines = text.split("\n")
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.insertText(lines[0], QTextCharFormat())
        for line in lines[1:]:
            cursor.insertBlock(paragraph_format(), QTextCharFormat())
            cursor.insertText(line)
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 (Qt override)
        return source.hasText()

    def contextMenuEvent(self, event) -> None:  # noqa: N802 (Qt override)
        menu = self.createStandardContextMenu(event.pos())
        for action in menu.actions()[:2]:  # the editor's own Undo/Redo would bypass the stack
            menu.removeAction(action)
        menu.exec(event.globalPos())

    def _label_length(self, cursor: QTextCursor) -> int:
        block = cursor.block()
        if block_kind(block) != "action":
            return 0
        label = action_label(block.blockFormat().property(ACTION_ID) or "?")
        return len(label) if block.text().startswith(label) else 0

    def _at_label_end(self) -> bool:
        cursor = self.textCursor()
        length = self._label_length(cursor)
        return bool(length) and not cursor.hasSelection() and cursor.positionInBlock() == length

    def _keep_out_of_labels(self) -> None:
        cursor = self.textCursor()
        length = self._label_length(cursor)
        if length and not cursor.hasSelection() and cursor.positionInBlock() < length:
            cursor.setPosition(cursor.block().position() + length)
            self.setTextCursor(cursor)
