"""The live notes pane: the selected item's blocks as one editable flow.

The secretary types paragraphs; Ctrl+Shift+H makes the current one a
sub-heading, Ctrl+Shift+D a decision and Ctrl+Shift+A an action, whose id
appears at once.  Each item has its own document, kept for the session, and
every change to one is a step on the meeting's undo stack.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from opsg_desktop.core.model import AgendaItem
from opsg_desktop.ui import notes_document as nd
from opsg_desktop.ui.notes_editor import NotesEdit
from opsg_desktop.ui.notes_steps import DocumentStep
from opsg_desktop.ui.panes.notes_bars import ActionBar, DecisionBar, LinkBar
from opsg_desktop.ui.panes.notes_commands import BlockShortcuts
from opsg_desktop.ui.session import MeetingSession


class NotesPane(BlockShortcuts, QWidget):
    """Header, editor and the action, decision and link bars."""

    reveal_item = Signal(object)  # ask the window to select this agenda item
    message = Signal(str)  # something for the status bar

    def __init__(
        self,
        session: MeetingSession,
        owners: list[str],
        parent=None,
        meeting_dates: Callable[[], Mapping[str, dt.date]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._owners = owners
        #: Gives the dates of meetings the database knows, by "<ABBR>_<number>" (for target
        #: guesses); asked once, when the first action is raised.
        self._date_source = meeting_dates or dict
        self._dates_known: Mapping[str, dt.date] | None = None
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
        self.link_bar = LinkBar(self)
        self._link_range = (0, 0)
        self.details = QLabel(self)
        self.details.setAccessibleName("Action details")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.header,
            self.editor,
            self.details,
            self.action_bar,
            self.decision_bar,
            self.link_bar,
        ):
            layout.addWidget(widget)
        self.action_bar.accepted.connect(self._apply_action_details)
        self.decision_bar.accepted.connect(self._apply_decision)
        self.link_bar.accepted.connect(self._apply_link)
        for bar in (self.action_bar, self.decision_bar, self.link_bar):
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
        """Show ``item``'s notes with the caret at their end (None: nothing to edit)."""
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
                lambda i=item, d=document: self.session.undo_stack.push(
                    DocumentStep(self, i, d, self.editor.continues_typing)
                )
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

    # -- details -------------------------------------------------------------------

    def _apply_action_details(self) -> None:
        cursor = self.editor.textCursor()
        fmt = cursor.block().blockFormat()
        owner, target = self.action_bar.owner.text().strip(), self.action_bar.target_value()
        if owner != (fmt.property(nd.OWNER) or "") or nd.target_to_text(target) != (
            fmt.property(nd.TARGET) or ""
        ):
            fmt.setProperty(nd.OWNER, owner)
            fmt.setProperty(nd.TARGET, nd.target_to_text(target))
            self.editor.edit(lambda c: c.setBlockFormat(fmt))
        self.editor.setFocus()
        self._show_details()

    def _show_details(self) -> None:
        block = self.editor.textCursor().block()
        char = self.editor.textCursor().charFormat()
        if char.isAnchor() and char.anchorHref():
            self.details.setText(f"Link to {char.anchorHref()} — Ctrl+K to change or remove")
            self.details.show()
            return
        style = block.blockFormat().property(nd.LIST)
        if nd.block_kind(block) == "text" and style:
            self.details.setText(f"{style.capitalize()} list entry — Ctrl+Shift+L to change")
            self.details.show()
            return
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
