"""Changes of an item's notes as steps of the meeting's undo stack.

Qt's document keeps the detail of each change; a :class:`DocumentStep`
stands for one or more of them on the meeting's stack, so Ctrl+Z in any pane
undoes the last thing done anywhere.  Typed characters each make a document
change; the steps of one word (until a pause) are joined, so undo of typing
goes back a word or a pause at a time, as in a word processor.
"""

from __future__ import annotations

from PySide6.QtGui import QTextDocument, QUndoCommand

from opsg_desktop.core.model import AgendaItem

_TYPING = 7411  # QUndoCommand.id() of the steps that may join


class DocumentStep(QUndoCommand):
    """``count`` changes of one item's document, undone and redone by the document."""

    def __init__(
        self, pane, item: AgendaItem, document: QTextDocument, continues: bool = False
    ) -> None:
        super().__init__(f"Notes of item {item.number}")
        self._pane, self._item, self._document = pane, item, document
        self._continues = continues
        self.count = 1
        self._done = True  # the change already happened when Qt reported it

    def id(self) -> int:  # noqa: A003 (Qt's name)
        return _TYPING

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt override)
        """Join ``other`` when it continues the word typed into the same document."""
        if not isinstance(other, DocumentStep) or other._document is not self._document:
            return False
        if not other._continues:
            return False
        self.count += other.count
        return True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._pane.reveal(self._item)
        for _ in range(self.count):
            self._document.redo()

    def undo(self) -> None:
        self._pane.reveal(self._item)
        for _ in range(self.count):
            self._document.undo()
