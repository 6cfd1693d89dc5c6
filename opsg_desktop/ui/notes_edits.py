"""The edits of the notes that cross a paragraph's edge, done so blocks stay whole.

Qt's own editing copies a paragraph's format into every paragraph split off
it, which would give two paragraphs one action id, and lets typing land in
the outstanding table's placeholder, where it is never saved.  These
functions do Return, Shift+Return, typing and paste so that every action,
decision and heading keeps its one paragraph, a new paragraph is always
plain, and generated words (an action's label, a decision's verb, the table)
are never typed into.  Backspace, Delete and selections: ``notes_removal``.
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextCharFormat, QTextCursor

from opsg_desktop.ui.notes_document import (
    LEVEL,
    LINE_BREAK,
    LIST,
    block_end,
    block_kind,
    content_start,
    flow,
    is_empty,
    label_length,
    paragraph_format,
    plain_after,
)
from opsg_desktop.ui.notes_removal import remove_selection

Move, Mode = QTextCursor.MoveOperation, QTextCursor.MoveMode


def insert_paragraph_after(cursor: QTextCursor, block: QTextBlock) -> None:
    """A new empty plain paragraph after ``block``, the cursor in it."""
    cursor.setPosition(block_end(block))
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
