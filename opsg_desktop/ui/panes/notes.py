"""The live notes pane: the selected item's blocks as one editable flow.

The secretary types paragraphs; Ctrl+Shift+H makes the current one a
sub-heading, Ctrl+Shift+D a decision and Ctrl+Shift+A an action, whose id
appears at once.  Each item has its own document, kept for the session, and
every change to one is a step on the meeting's undo stack.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument, QUndoCommand
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from opsg_desktop.core.action_guess import guess_owner, guess_target, guess_topic
from opsg_desktop.core.classification import effective_items, is_confidential
from opsg_desktop.core.model import ActionBlock, AgendaItem, Classification, DecisionBlock
from opsg_desktop.ui import notes_document as nd
from opsg_desktop.ui.notes_editor import NotesEdit
from opsg_desktop.ui.panes.notes_bars import ActionBar, DecisionBar
from opsg_desktop.ui.session import MeetingSession


class DocumentStep(QUndoCommand):
    """One change of an item's notes, undone by its document."""

    def __init__(self, pane: NotesPane, item: AgendaItem, document: QTextDocument) -> None:
        super().__init__(f"Notes of item {item.number}")
        self._pane, self._item, self._document = pane, item, document
        self._done = True  # the change already happened when Qt reported it

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._pane.reveal(self._item)
        self._document.redo()

    def undo(self) -> None:
        self._pane.reveal(self._item)
        self._document.undo()


class NotesPane(QWidget):
    """Header, editor and the action and decision bars."""

    reveal_item = Signal(object)  # ask the window to select this agenda item
    message = Signal(str)  # something for the status bar

    def __init__(self, session: MeetingSession, owners: list[str], parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self._owners = owners
        self._documents: dict[int, QTextDocument] = {}
        self._dirty: dict[int, AgendaItem] = {}
        self.item: AgendaItem | None = None
        self.header = QLabel(self)
        self.header.setAccessibleName("Notes heading")
        self.header.setStyleSheet("font-weight: bold; font-size: 12pt; padding: 2px 0;")
        self.editor = NotesEdit(session.undo_stack, self)
        self.editor.setAccessibleName("Live notes")
        self.editor.on_paste_cut = lambda n: self.message.emit(
            f"Pasted text was too long: the last {n:,} characters were left out."
        )
        self.action_bar = ActionBar(self)
        self.decision_bar = DecisionBar(self)
        self.details = QLabel(self)
        self.details.setAccessibleName("Action details")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.header, self.editor, self.details, self.action_bar, self.decision_bar):
            layout.addWidget(widget)
        self.action_bar.accepted.connect(self._apply_action_details)
        self.decision_bar.accepted.connect(self._apply_decision)
        for bar in (self.action_bar, self.decision_bar):
            bar.cancelled.connect(self.editor.setFocus)
            bar.refused.connect(self.message.emit)
        self.editor.cursorPositionChanged.connect(self._show_details)
        self._notify = QTimer(self)
        self._notify.setSingleShot(True)
        self._notify.setInterval(400)
        self._notify.timeout.connect(self._tell_others)
        session.add_flusher(self.flush)
        self.show_item(None)

    # -- showing an item ----------------------------------------------------

    def show_item(self, item: AgendaItem | None) -> None:
        if item is self.item and item is not None:
            return
        self.flush()
        self.item = item
        self.editor.setEnabled(item is not None)
        if item is None:
            self.header.setText("Select an agenda item to take its notes")
            self.editor.setDocument(QTextDocument(self))
            return
        self.header.setText(f"{item.number}. {item.title}")
        self.editor.setDocument(self._document(item))
        self.editor.moveCursor(QTextCursor.MoveOperation.End)

    def reveal(self, item: AgendaItem) -> None:
        if item is not self.item:
            self.reveal_item.emit(item)
            self.show_item(item)

    def focus_main(self) -> None:
        self.editor.setFocus()

    def _document(self, item: AgendaItem) -> QTextDocument:
        key = id(item)
        if key not in self._documents:
            document = nd.build_document(item.blocks, self)
            document.undoCommandAdded.connect(
                lambda i=item, d=document: self.session.undo_stack.push(DocumentStep(self, i, d))
            )
            document.contentsChanged.connect(lambda i=item: self._on_typed(i))
            self._documents[key] = document
        return self._documents[key]

    # -- keeping the meeting up to date ---------------------------------------

    def _on_typed(self, item: AgendaItem) -> None:
        self._dirty[id(item)] = item
        self.session.autosaver.schedule()
        self._notify.start()

    def flush(self) -> None:
        """Write every changed document back into its item's blocks."""
        for key, item in list(self._dirty.items()):
            item.blocks = nd.read_blocks(self._documents[key])
        self._dirty.clear()

    def shutdown(self) -> None:
        """The session closes: write back what is pending and stop telling others."""
        self._notify.stop()
        self.flush()

    def _tell_others(self) -> None:
        self.flush()
        self.session.changed.emit("notes")

    # -- the three shortcuts ----------------------------------------------------

    def toggle_heading(self) -> None:
        cursor = self.editor.textCursor()
        kind = nd.block_kind(cursor.block())
        text = self._words(cursor)
        cursor.beginEditBlock()
        self._clear_paragraph(cursor)
        if kind == "heading":
            nd.write_paragraph(cursor, nd.TextBlock(text), text)
        else:
            nd.write_paragraph(cursor, nd.HeadingBlock(text))
        cursor.endEditBlock()
        self.editor.setTextCursor(cursor)

    def raise_action(self) -> None:
        """Make the current paragraph an action (or edit the one the cursor is in)."""
        if self.item is None:
            return
        cursor = self.editor.textCursor()
        if nd.block_kind(cursor.block()) != "action":
            self._convert_to_action(cursor)
        fmt = self.editor.textCursor().block().blockFormat()
        self.action_bar.open(
            fmt.property(nd.ACTION_ID),
            fmt.property(nd.OWNER) or "",
            fmt.property(nd.TARGET) or "",
            self._owners,
            self.session.meeting.date,
            self._next_meeting_date(),
        )

    def _convert_to_action(self, cursor: QTextCursor) -> None:
        text = self._words(cursor)
        meeting = self.session.meeting
        topic = guess_topic(text)
        action = ActionBlock(
            text=text,
            owner=guess_owner(text, self._owners),
            target=guess_target(text, meeting.date, self._next_meeting_date()),
            topic=topic,
            id=self.session.next_action_id(is_confidential(self._level(cursor))),
        )
        cursor.beginEditBlock()
        self._clear_paragraph(cursor)
        nd.write_paragraph(cursor, action)
        cursor.endEditBlock()
        self.editor.setTextCursor(cursor)
        self.message.emit(f"Raised {action.id}")

    def _apply_action_details(self) -> None:
        cursor = self.editor.textCursor()
        fmt = cursor.block().blockFormat()
        owner, target = self.action_bar.owner.text().strip(), self.action_bar.target_value()
        if owner != (fmt.property(nd.OWNER) or "") or nd.target_to_text(target) != (
            fmt.property(nd.TARGET) or ""
        ):
            fmt.setProperty(nd.OWNER, owner)
            fmt.setProperty(nd.TARGET, nd.target_to_text(target))
            cursor.setBlockFormat(fmt)
        self.editor.setFocus()
        self._show_details()

    def record_decision(self) -> None:
        if self.item is None:
            return
        cursor = self.editor.textCursor()
        first = self._words(cursor).split(" ", 1)[0]
        verbs = self.session.meeting.group.decision_verbs
        if first in verbs and nd.block_kind(cursor.block()) != "decision":
            self._make_decision(first)
            return
        self.decision_bar.open(verbs, cursor.block().blockFormat().property(nd.VERB) or first)

    def _apply_decision(self) -> None:
        verb = self.decision_bar.chosen()
        if verb:
            self._make_decision(verb)
        self.editor.setFocus()

    def _make_decision(self, verb: str) -> None:
        cursor = self.editor.textCursor()
        text = self._words(cursor)
        old_verb = cursor.block().blockFormat().property(nd.VERB)
        for known in filter(None, (old_verb, verb)):
            if text == known or text.startswith(known + " "):
                text = text[len(known) :].strip()
                break
        cursor.beginEditBlock()
        self._clear_paragraph(cursor)
        nd.write_paragraph(cursor, DecisionBlock(verb, text))
        cursor.endEditBlock()
        self.editor.setTextCursor(cursor)

    # -- helpers ------------------------------------------------------------------

    def _words(self, cursor: QTextCursor) -> str:
        """The paragraph's own words (an action's label left out)."""
        block = cursor.block()
        text = block.text().replace(nd.LINE_BREAK, "\n").strip()
        if nd.block_kind(block) == "action":
            label = nd.action_label(block.blockFormat().property(nd.ACTION_ID) or "?").strip()
            text = text.removeprefix(label).strip()
        elif nd.block_kind(block) == "outstanding":
            text = ""
        return text

    @staticmethod
    def _clear_paragraph(cursor: QTextCursor) -> None:
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        cursor.setCharFormat(QTextCharFormat())

    def _level(self, cursor: QTextCursor) -> Classification:
        levels = {id(i): lvl for i, lvl in effective_items(self.session.meeting)}
        level = levels.get(id(self.item), self.session.meeting.classification)
        own = cursor.block().blockFormat().property(nd.LEVEL)
        return max(level, Classification.parse(own)) if own else level

    def _next_meeting_date(self):
        upcoming = self.session.meeting.next_meetings
        return upcoming[0].date if upcoming else None

    def _show_details(self) -> None:
        block = self.editor.textCursor().block()
        if nd.block_kind(block) != "action":
            self.details.hide()
            return
        fmt = block.blockFormat()
        owner = fmt.property(nd.OWNER) or "no owner"
        target = fmt.property(nd.TARGET) or "no target"
        self.details.setText(
            f"{fmt.property(nd.ACTION_ID)} · owner: {owner} · target: {target} "
            "— Ctrl+Shift+A to change"
        )
        self.details.show()
