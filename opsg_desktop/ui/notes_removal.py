"""Backspace, Delete and the removal of a selection in the notes, keeping blocks whole.

Qt lets one paragraph swallow the next: the outstanding table would take in
the words after it, a plain paragraph the label of the action after it.  Here
an edge between a heading, decision, action or the table and its neighbour is
a wall (only an empty plain paragraph next to it goes), a selection never
takes part of a label or of the table, and a paragraph that lost its
generated words becomes plain.
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextCursor

from opsg_desktop.ui.notes_document import (
    LEVEL,
    LINE_BREAK,
    OUTSTANDING_TEXT,
    block_end,
    block_kind,
    content_start,
    is_empty,
    label_length,
    paragraph_format,
    plain_after,
)

Mode = QTextCursor.MoveMode


def _remove_block(cursor: QTextCursor, block: QTextBlock) -> None:
    """Remove the empty plain paragraph ``block`` and its edge; neighbours keep theirs."""
    previous = block.previous()
    if previous.isValid():
        cursor.setPosition(block_end(previous))
        cursor.setPosition(block_end(block), Mode.KeepAnchor)
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
        cursor.setPosition(block_end(previous))
        cursor.setPosition(block_end(block), Mode.KeepAnchor)
        cursor.removeSelectedText()
    elif following.isValid():
        cursor.setPosition(block.position())
        cursor.setPosition(following.position(), Mode.KeepAnchor)
        cursor.removeSelectedText()
    else:
        cursor.setPosition(block.position())
        cursor.setPosition(block_end(block), Mode.KeepAnchor)
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
        block_kind(last) == "outstanding" and end < block_end(last)
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
