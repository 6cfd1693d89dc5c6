"""An agenda item's blocks as a QTextDocument, and back.

Each paragraph of the document is one block of the minutes.  What kind of
block it is, and what the minutes need beyond its words (an action's id,
owner and target; a decision's verb; a link's address), is kept in the
paragraph's block format as user properties, so it travels with the
paragraph through typing, undo and redo.
"""

from __future__ import annotations

import json

from PySide6.QtGui import (
    QFont,
    QPalette,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QApplication

from opsg_desktop.core.dates import parse_target, target_iso
from opsg_desktop.core.model import (
    ActionBlock,
    Block,
    Classification,
    DecisionBlock,
    HeadingBlock,
    Link,
    LinkBlock,
    ListStyle,
    OutstandingBlock,
    Target,
    TextBlock,
)

KIND = QTextFormat.Property.UserProperty + 1
ACTION_ID = KIND + 1
OWNER = KIND + 2
TARGET = KIND + 3
TOPIC = KIND + 4
LEVEL = KIND + 5
VERB = KIND + 6
URL = KIND + 7
LIST = KIND + 8
LINKS = KIND + 9

LINE_BREAK = "\u2028"
OUTSTANDING_TEXT = "▦ Actions outstanding table — reviewed in the action grid"
_LIST_MARKS = {ListStyle.BULLET: 1, ListStyle.NUMBER: 1, ListStyle.LETTER: 1}


def action_label(action_id: str) -> str:
    return f"ACTION {action_id}: "


def target_to_text(target: Target | None) -> str:
    return target_iso(target) or ""


def block_kind(block: QTextBlock) -> str:
    return block.blockFormat().property(KIND) or "text"


# -- writing blocks into a document --------------------------------------------


def build_document(blocks: list[Block], parent=None) -> QTextDocument:
    """A document holding ``blocks`` (its undo history starts empty)."""
    document = QTextDocument(parent)
    document.setUndoRedoEnabled(False)
    cursor = QTextCursor(document)
    for i, block in enumerate(blocks):
        for j, paragraph in enumerate(_paragraphs(block)):
            if i or j:
                cursor.insertBlock()
            write_paragraph(cursor, block, paragraph)
    document.setUndoRedoEnabled(True)
    document.setModified(False)
    return document


def _paragraphs(block: Block) -> list[str]:
    if isinstance(block, TextBlock):
        return [p.replace("\n", LINE_BREAK) for p in block.text.split("\n\n")] or [""]
    return [""]


def write_paragraph(cursor: QTextCursor, block: Block, text: str = "") -> None:
    """Give the cursor's paragraph ``block``'s kind, properties and words."""
    fmt = paragraph_format()
    level = block.classification.label if block.classification is not None else ""
    fmt.setProperty(LEVEL, level)
    plain = QTextCharFormat()
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    match block:
        case TextBlock():
            fmt.setProperty(KIND, "text")
            if block.list_style is not None:
                fmt.setProperty(LIST, block.list_style.value)
                fmt.setIndent(1)
            if block.links:
                fmt.setProperty(LINKS, json.dumps([[k.text, k.url] for k in block.links]))
            cursor.setBlockFormat(fmt)
            cursor.insertText(text, plain)
        case HeadingBlock():
            fmt.setProperty(KIND, "heading")
            fmt.setTopMargin(6)
            cursor.setBlockFormat(fmt)
            cursor.insertText(block.text, heading_format())
        case DecisionBlock():
            fmt.setProperty(KIND, "decision")
            fmt.setProperty(VERB, block.verb)
            cursor.setBlockFormat(fmt)
            cursor.insertText(block.verb, bold)
            cursor.insertText(" " + block.text, plain)
        case ActionBlock():
            set_action_properties(fmt, block)
            cursor.setBlockFormat(fmt)
            cursor.insertText(action_label(block.id or "?"), bold)
            cursor.insertText(block.text, plain)
        case LinkBlock():
            fmt.setProperty(KIND, "link")
            fmt.setProperty(URL, block.url)
            cursor.setBlockFormat(fmt)
            link = QTextCharFormat()
            link.setAnchor(True)
            link.setAnchorHref(block.url)
            link.setFontUnderline(True)
            link.setForeground(QApplication.palette().color(QPalette.ColorRole.Link))
            cursor.insertText(block.text, link)
            cursor.setCharFormat(plain)
        case OutstandingBlock():
            fmt.setProperty(KIND, "outstanding")
            cursor.setBlockFormat(fmt)
            muted = QTextCharFormat()
            muted.setFontItalic(True)
            muted.setForeground(QApplication.palette().color(QPalette.ColorRole.PlaceholderText))
            cursor.insertText(OUTSTANDING_TEXT, muted)


def paragraph_format() -> QTextBlockFormat:
    """Every paragraph's spacing, so the flow reads as separate paragraphs."""
    fmt = QTextBlockFormat()
    fmt.setBottomMargin(6)
    return fmt


def heading_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontPointSize(QApplication.font().pointSizeF() * 1.15)
    return fmt


def set_action_properties(fmt: QTextBlockFormat, block: ActionBlock) -> None:
    fmt.setProperty(KIND, "action")
    fmt.setProperty(ACTION_ID, block.id or "")
    fmt.setProperty(OWNER, block.owner or "")
    fmt.setProperty(TARGET, target_to_text(block.target))
    fmt.setProperty(TOPIC, block.topic or "")
    fmt.setProperty(LEVEL, block.classification.label if block.classification else "")


# -- reading a document back ----------------------------------------------------


def read_blocks(document: QTextDocument) -> list[Block]:
    """The blocks the document's paragraphs stand for; empty paragraphs are dropped."""
    found: list[Block] = []
    block = document.begin()
    while block.isValid():
        parsed = read_paragraph(block)
        if parsed is not None:
            found.append(parsed)
        block = block.next()
    return found


def _text(value: str | None) -> str | None:
    return value or None


def read_paragraph(block: QTextBlock) -> Block | None:
    fmt = block.blockFormat()
    kind = block_kind(block)
    words = block.text().replace(LINE_BREAK, "\n")
    level_text = fmt.property(LEVEL) or ""
    level = Classification.parse(level_text) if level_text else None
    if kind == "outstanding":
        return OutstandingBlock(level)
    if kind == "action":
        action_id = fmt.property(ACTION_ID) or None
        label = action_label(action_id or "?")
        text = words[len(label) :] if words.startswith(label) else words
        target = fmt.property(TARGET) or ""
        return ActionBlock(
            text=text.strip(),
            owner=_text(fmt.property(OWNER)),
            target=parse_target(target) if target else None,
            topic=_text(fmt.property(TOPIC)),
            classification=level,
            id=action_id,
        )
    if not words.strip():
        return None
    if kind == "heading":
        return HeadingBlock(words.strip(), level)
    if kind == "decision":
        verb = fmt.property(VERB) or ""
        if words.startswith(verb + " ") or words == verb:
            return DecisionBlock(verb, words[len(verb) :].strip(), level)
    if kind == "link" and fmt.property(URL):
        return LinkBlock(words.strip(), fmt.property(URL), level)
    style = fmt.property(LIST)
    links = [Link(t, u) for t, u in json.loads(fmt.property(LINKS) or "[]")]
    return TextBlock(words, ListStyle(style) if style else None, links, level)


__all__ = [
    "ACTION_ID",
    "KIND",
    "OWNER",
    "TARGET",
    "VERB",
    "block_kind",
    "build_document",
    "read_blocks",
    "write_paragraph",
]
