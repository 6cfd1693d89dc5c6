"""The keys that give a paragraph of the notes its kind, for the notes pane.

Ctrl+Shift+H a sub-heading, Ctrl+Shift+D a decision, Ctrl+Shift+A an action
(its id appears at once), Ctrl+Shift+T the Actions Outstanding table, Ctrl+K
a link on the selected words, Ctrl+Shift+L a list entry (bullet, number,
letter).  Each is one undo step of the item's document; a paragraph that is
an action keeps its id (undo takes a new one back).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCharFormat, QTextCursor

from opsg_desktop.core.action_guess import guess_owner, guess_target, guess_topic
from opsg_desktop.core.classification import effective_items, is_confidential
from opsg_desktop.core.model import (
    ActionBlock,
    Block,
    Classification,
    DecisionBlock,
    HeadingBlock,
    ListStyle,
    OutstandingBlock,
    TextBlock,
    walk_blocks,
)
from opsg_desktop.ui import notes_document as nd
from opsg_desktop.ui import notes_edits as edits
from opsg_desktop.ui.notes_links import anchor_span, link_format
from opsg_desktop.ui.panes.notes_bars import known_verb

#: Ctrl+Shift+L goes round these: none, then each list style of the minutes.
LIST_STYLES = [None, *(style.value for style in ListStyle)]


class BlockShortcuts:
    """Mixed into the notes pane: ``editor``, ``session``, bars and ``message`` are its own."""

    def toggle_heading(self) -> None:
        """Ctrl+Shift+H: the paragraph becomes a sub-heading, or plain again."""
        kind = self._kind()
        if self._refused(kind, "a sub-heading"):
            return
        text = self._words(self.editor.textCursor())
        self._rewrite(TextBlock(text) if kind == "heading" else HeadingBlock(text))

    def raise_action(self) -> None:
        """Make the current paragraph an action (or edit the one the cursor is in)."""
        if self.item is None or self._kind() == "outstanding":
            return
        if self._kind() != "action":
            self._convert_to_action(self.editor.textCursor())
        fmt = self.editor.textCursor().block().blockFormat()
        self.action_bar.open(
            fmt.property(nd.ACTION_ID),
            fmt.property(nd.OWNER) or "",
            fmt.property(nd.TARGET) or "",
            self._owners,
            self.session.meeting.date,
            self._next_meeting_date(),
        )
        self._keep_line_in_view()

    def _convert_to_action(self, cursor: QTextCursor) -> None:
        text = self._words(cursor)
        meeting = self.session.meeting
        action = ActionBlock(
            text=text,
            owner=guess_owner(text, self._owners),
            target=guess_target(text, meeting.date, self._next_meeting_date(), self._dates()),
            topic=guess_topic(text),
            id=self.session.next_action_id(is_confidential(self._level(cursor))),
        )
        self._rewrite(action)
        self.message.emit(f"Raised {action.id}")

    def record_decision(self) -> None:
        """Ctrl+Shift+D: a decision; a leading verb in any case is enough, else the bar asks."""
        if self.item is None or self._refused(self._kind(), "a decision"):
            return
        cursor = self.editor.textCursor()
        verbs = self.session.meeting.group.decision_verbs
        verb = known_verb(self._words(cursor).split(" ", 1)[0], verbs)
        if verb and self._kind() != "decision":
            self._make_decision(verb)
            return
        current = cursor.block().blockFormat().property(nd.VERB) or verb
        self.decision_bar.open(verbs, current)
        self._keep_line_in_view()

    def _apply_decision(self) -> None:
        verb = self.decision_bar.chosen()
        if verb:
            self._make_decision(verb)
        self.editor.setFocus()

    def _make_decision(self, verb: str) -> None:
        cursor = self.editor.textCursor()
        text = self._words(cursor)
        first = text.split(" ", 1)[0]
        if self._kind() != "decision" and first.casefold() == verb.casefold():
            text = text[len(first) :].strip()
        self._rewrite(DecisionBlock(verb, text))

    def place_outstanding(self) -> None:
        """Put the Actions Outstanding table after the current paragraph (one per meeting)."""
        if self.item is None:
            return
        self.flush()
        for item, block in walk_blocks(self.session.meeting):
            if isinstance(block, OutstandingBlock):
                self.message.emit(f"The Actions Outstanding table is already in item {item.number}")
                return

        def place(cursor: QTextCursor) -> None:
            block = cursor.block()
            if not nd.is_empty(block):
                edits.insert_paragraph_after(cursor, block)
            nd.write_paragraph(cursor, OutstandingBlock())
            edits.insert_paragraph_after(cursor, cursor.block())

        self.editor.edit(place)
        self.message.emit("Placed the Actions Outstanding table")

    def add_link(self) -> None:
        """Ctrl+K: a link on the selected words (or the word at the cursor)."""
        if self.item is None:
            return
        cursor = self.editor.textCursor()
        span = None if cursor.hasSelection() else anchor_span(cursor)
        if span is not None:  # on a link: all of it, to change or remove
            cursor.setPosition(span[0])
            cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        elif not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        block = cursor.block()
        same = block.contains(cursor.selectionStart()) and block.contains(cursor.selectionEnd())
        if self._kind() != "text" or not same or not cursor.selectedText().strip():
            self.message.emit("Select words of a plain paragraph to link them (Ctrl+K).")
            return
        self._link_range = (cursor.selectionStart(), cursor.selectionEnd())
        at = QTextCursor(cursor.document())
        at.setPosition(cursor.selectionStart() + 1)
        href = at.charFormat().anchorHref() if at.charFormat().isAnchor() else ""
        self.link_bar.open(cursor.selectedText().replace(nd.LINE_BREAK, " "), href)
        self._keep_line_in_view()

    def _apply_link(self) -> None:
        start, end = self._link_range
        url = self.link_bar.address()

        def link(c: QTextCursor) -> None:
            c.setPosition(start)
            c.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            c.setCharFormat(link_format(url) if url else QTextCharFormat())
            c.clearSelection()

        self.editor.edit(link)
        self.editor.setFocus()
        self.message.emit(f"Linked to {url}" if url else "Link removed")

    def cycle_list(self) -> None:
        """Ctrl+Shift+L: a plain paragraph becomes a bullet, number or letter entry, or none."""
        if self.item is None:
            return
        if self._kind() != "text":
            self.message.emit("Only a plain paragraph can be a list entry (Ctrl+Shift+L).")
            return
        current = self.editor.textCursor().blockFormat().property(nd.LIST) or None
        style = LIST_STYLES[(LIST_STYLES.index(current) + 1) % len(LIST_STYLES)]

        def change(c: QTextCursor) -> None:
            fmt = c.blockFormat()
            fmt.setProperty(nd.LIST, style or "")
            fmt.setIndent(1 if style else 0)
            c.setBlockFormat(fmt)

        self.editor.edit(change)
        self._show_details()

    # -- helpers ------------------------------------------------------------------

    def _kind(self) -> str:
        return nd.block_kind(self.editor.textCursor().block())

    def _refused(self, kind: str, what: str) -> bool:
        if kind == "action":
            self.message.emit("An action keeps its id: Ctrl+Z takes back one raised by mistake.")
        elif kind == "outstanding":
            self.message.emit(f"The Actions Outstanding table cannot become {what}.")
        return kind in ("action", "outstanding")

    def _rewrite(self, block: Block) -> None:
        """The current paragraph becomes ``block`` (keeping its own level), as one step."""
        cursor = self.editor.textCursor()
        level = cursor.block().blockFormat().property(nd.LEVEL) or ""
        if block.classification is None and level:
            block.classification = Classification.parse(level)

        def write(c: QTextCursor) -> None:
            c.movePosition(QTextCursor.MoveOperation.StartOfBlock)
            c.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            c.removeSelectedText()
            c.setCharFormat(QTextCharFormat())
            nd.write_paragraph(c, block)

        self.editor.edit(write)

    def _words(self, cursor: QTextCursor) -> str:
        """The paragraph's own words (an action's label left out), breaks as newlines."""
        block = cursor.block()
        return block.text()[nd.label_length(block) :].replace(nd.LINE_BREAK, "\n").strip()

    def _level(self, cursor: QTextCursor) -> Classification:
        levels = {id(i): lvl for i, lvl in effective_items(self.session.meeting)}
        level = levels.get(id(self.item), self.session.meeting.classification)
        own = cursor.block().blockFormat().property(nd.LEVEL)
        return max(level, Classification.parse(own)) if own else level

    def _dates(self):
        """The stored meetings' dates by "<ABBR>_<number>", read once per pane."""
        if self._dates_known is None:
            self._dates_known = self._date_source()
        return self._dates_known

    def _next_meeting_date(self):
        upcoming = self.session.meeting.next_meetings
        return upcoming[0].date if upcoming else None

    def _keep_line_in_view(self) -> None:
        """The bar takes room from the editor: keep the line being edited visible."""
        QTimer.singleShot(0, self.editor.ensureCursorVisible)
