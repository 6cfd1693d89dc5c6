"""The edits of the notes that cross a paragraph's edge, done so blocks stay whole.

Qt's own editing copies a paragraph's format into every paragraph split off
it and lets one paragraph swallow the next, which would give two paragraphs
one action id or hide typed words inside the outstanding table.  These
functions do Return, paste, Backspace/Delete at an edge and the removal of a
selection so that: every action, decision and heading keeps its one
paragraph; a new paragraph is always plain; generated words (an action's
label, the table's placeholder) are never edited, only removed whole.
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextCharFormat, QTextCursor

from opsg_desktop.ui.notes_document import (
    LEVEL,
    LINE_BREAK,
    LIST,
    OUTSTANDING_TEXT,
    block_kind,
    flow,
    label_length,
    paragraph_format,
    plain_after,
)

Move, Mode = QTextCursor.MoveOperation, QTextCursor.MoveMode


def content_start(block: QTextBlock) -> int:
    """Where the secretary's own words begin in the paragraph (after an action's label)."""
    return 0 if block_kind(block) == "outstanding" else label_length(block)


def _end(block: QTextBlock) -> int:
    return block.position() + block.length() - 1


def is_empty(block: QTextBlock) -> bool:
    return block_kind(block) == "text" and not block.text()


def insert_paragraph_after(cursor: QTextCursor, block: QTextBlock) -> None:
    """A new empty plain paragraph after ``block``, the cursor in it."""
    cursor.setPosition(_end(block))
    cursor.insertBlock(plain_after(block), QTextCharFormat())


def insert_paragraph_before(cursor: QTextCursor, block: QTextBlock) -> None:
    """A new empty plain paragraph before ``block``, the cursor in it."""
    previous = block.previous()
    if previous.isValid():
        insert_paragraph_after(cursor, previous)
        cursor.setBlockFormat(paragraph_format(block.blockFormat().property(LEVEL) or ""))
        return
    fmt = block.blockFormat()
    cursor.setPosition(0)
    cursor.insertBlock(fmt, block.charFormat())
    cursor.setPosition(0)
    cursor.setBlockFormat(paragraph_format(fmt.property(LEVEL) or ""))
    cursor.setBlockCharFormat(QTextCharFormat())
    cursor.setCharFormat(QTextCharFormat())


def leave_generated(cursor: QTextCursor) -> None:
    """Before typing: past an action's label or a decision's verb, or out of the
    outstanding table into a plain paragraph next to it."""
    block = cursor.block()
    if block_kind(block) != "outstanding":
        if cursor.positionInBlock() < label_length(block):
            cursor.setPosition(block.position() + label_length(block))
        return
    before = cursor.positionInBlock() == 0
    neighbour = block.previous() if before else block.next()
    if neighbour.isValid() and is_empty(neighbour):
        cursor.setPosition(neighbour.position())
    elif before:
        insert_paragraph_before(cursor, block)
    else:
        insert_paragraph_after(cursor, block)


def new_paragraph(cursor: QTextCursor) -> None:
    """Return: a plain paragraph after (or before) the block; never a copy of it.

    On an empty list entry it ends the list, as in a word processor.

    Inside an action's or decision's words it is a blank line within the
    block (its next paragraph); a heading or plain paragraph is split.
    """
    remove_selection(cursor)
    if block_kind(cursor.block()) != "outstanding":
        leave_generated(cursor)
    block, at = cursor.block(), cursor.positionInBlock()
    kind, start = block_kind(block), content_start(block)
    if kind == "outstanding":
        leave_generated(cursor)
    elif kind == "text" and not block.text() and block.blockFormat().property(LIST):
        cursor.setBlockFormat(paragraph_format(block.blockFormat().property(LEVEL) or ""))
    elif at >= block.length() - 1:
        insert_paragraph_after(cursor, block)
    elif at <= start and kind != "text":
        insert_paragraph_before(cursor, block)
    elif kind in ("action", "decision"):
        cursor.insertText(LINE_BREAK * 2)
    else:
        cursor.insertBlock(plain_after(block), QTextCharFormat())
        tail = QTextCursor(cursor)
        tail.movePosition(Move.EndOfBlock, Mode.KeepAnchor)
        if kind != "text":
            tail.setCharFormat(QTextCharFormat())


def line_break(cursor: QTextCursor) -> None:
    """Shift+Return: a line break inside the paragraph (a heading is one line: Return)."""
    remove_selection(cursor)
    if block_kind(cursor.block()) in ("heading", "outstanding"):
        new_paragraph(cursor)
        return
    leave_generated(cursor)
    cursor.insertText(LINE_BREAK)


def insert_text(cursor: QTextCursor, text: str) -> None:
    """Paste or type ``text``: inside a heading, action or decision every break
    stays in the block; in a plain paragraph each line becomes a paragraph."""
    remove_selection(cursor)
    leave_generated(cursor)
    kind = block_kind(cursor.block())
    if kind != "text":  # the block's own look (a heading's size), its words unbroken
        words = flow(text).replace(LINE_BREAK, " ") if kind == "heading" else flow(text)
        cursor.insertText(words, cursor.charFormat())
        return
    lines = flow(text).replace(LINE_BREAK, "\n").split("\n")
    cursor.insertText(lines[0], QTextCharFormat())
    for line in lines[1:]:
        cursor.insertBlock(plain_after(cursor.block()), QTextCharFormat())
        cursor.insertText(line, QTextCharFormat())


def _remove_block(cursor: QTextCursor, block: QTextBlock) -> None:
    """Remove the empty plain paragraph ``block`` and its edge; neighbours keep theirs."""
    previous = block.previous()
    if previous.isValid():
        cursor.setPosition(_end(previous))
        cursor.setPosition(_end(block), Mode.KeepAnchor)
    else:
        cursor.setPosition(block.position())
        cursor.setPosition(block.next().position(), Mode.KeepAnchor)
    cursor.removeSelectedText()


def backspace(cursor: QTextCursor) -> bool:
    """Backspace without a selection; False when Qt's own may do it."""
    block, at = cursor.block(), cursor.positionInBlock()
    kind = block_kind(block)
    if kind == "outstanding" and at > 0:
        _remove_whole(cursor, block)
        return True
    if at > content_start(block) or (kind == "text" and at > 0):
        return False
    previous = block.previous()
    if not previous.isValid():
        return True
    if kind != "text":
        if is_empty(previous):
            _remove_block(cursor, previous)
            cursor.setPosition(block.position() + content_start(block))
        return True
    if block_kind(previous) == "outstanding":
        if not block.text():
            _remove_block(cursor, block)
        return True
    return False


def delete(cursor: QTextCursor) -> bool:
    """Delete without a selection; False when Qt's own may do it."""
    block, at = cursor.block(), cursor.positionInBlock()
    kind = block_kind(block)
    if kind == "outstanding" and at < block.length() - 1:
        _remove_whole(cursor, block)
        return True
    if at < block.length() - 1:
        return False
    following = block.next()
    if not following.isValid():
        return True
    if block_kind(following) != "text" or kind == "outstanding":
        if is_empty(block):
            _remove_block(cursor, block)
            cursor.setPosition(following.position() + content_start(following))
        elif is_empty(following):
            _remove_block(cursor, following)
        return True
    return False


def _remove_whole(cursor: QTextCursor, block: QTextBlock) -> None:
    """Remove a generated paragraph (the outstanding table) with one of its edges."""
    previous, following = block.previous(), block.next()
    if previous.isValid():
        cursor.setPosition(_end(previous))
        cursor.setPosition(_end(block), Mode.KeepAnchor)
        cursor.removeSelectedText()
    elif following.isValid():
        cursor.setPosition(block.position())
        cursor.setPosition(following.position(), Mode.KeepAnchor)
        cursor.removeSelectedText()
    else:
        cursor.setPosition(block.position())
        cursor.setPosition(_end(block), Mode.KeepAnchor)
        cursor.removeSelectedText()
        cursor.setBlockFormat(paragraph_format(block.blockFormat().property(LEVEL) or ""))


def remove_selection(cursor: QTextCursor) -> None:
    """Remove the selected text, never part of a label or table, never merging identities."""
    if not cursor.hasSelection():
        return
    document = cursor.document()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    first, last = document.findBlock(start), document.findBlock(end)
    if first == last:
        start = max(start, first.position() + label_length(first))
        if block_kind(first) == "outstanding":
            start = end
    else:
        start, end = _snap_across(first, last, start, end)
    cursor.setPosition(start)
    if end <= start:
        return
    cursor.setPosition(end, Mode.KeepAnchor)
    cursor.removeSelectedText()
    _repair(cursor)


def _snap_across(first: QTextBlock, last: QTextBlock, start: int, end: int) -> tuple[int, int]:
    """Selection ends moved out of generated words so a removal keeps blocks whole."""
    if block_kind(first) == "outstanding" and start > first.position():
        start = first.next().position()
    elif start < first.position() + label_length(first):
        start = first.position()
    if end < last.position() + label_length(last) or (
        block_kind(last) == "outstanding" and end < _end(last)
    ):
        at_a_start = start == first.document().findBlock(start).position()
        end = last.position() if at_a_start else last.position() - 1
    return start, end


def _repair(cursor: QTextCursor) -> None:
    """A paragraph that lost its generated words becomes a plain paragraph."""
    block = cursor.block()
    kind = block_kind(block)
    broken = (kind in ("action", "decision") and not label_length(block)) or (
        kind == "outstanding" and block.text() != OUTSTANDING_TEXT
    )
    if broken:
        at = cursor.position()
        cursor.setBlockFormat(plain_after(block))
        cursor.setPosition(at)
    if kind != "outstanding" and cursor.positionInBlock() < label_length(block):
        cursor.setPosition(block.position() + label_length(block))


def selected_words(cursor: QTextCursor) -> str:
    """The selected words, one line per paragraph, without labels or the table's placeholder."""
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    block, lines = cursor.document().findBlock(start), []
    while block.isValid() and block.position() <= end:
        low = max(start - block.position(), content_start(block))
        high = min(end - block.position(), block.length() - 1)
        if block_kind(block) != "outstanding":
            lines.append(block.text()[low:high].replace(LINE_BREAK, "\n") if high > low else "")
        block = block.next()
    return "\n".join(lines)
