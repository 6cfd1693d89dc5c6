"""An agenda item's blocks as a QTextDocument, and back.

Each paragraph of the document is exactly one block of the minutes.  Line
breaks and the blank line between a block's own paragraphs ("\\n", "\\n\\n"
in files) are Unicode line separators (U+2028) inside the one Qt paragraph,
so an action with two paragraphs is still one Qt block with one id.  What
kind of block it is, and what the minutes need beyond its words (an action's
id, owner and target; a decision's verb; a link's address), is kept in the
paragraph's block format as user properties; a text block's links are anchors
on its characters, so both travel with the words through typing, undo and redo.
"""

from __future__ import annotations

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

from opsg_desktop.core.dates import target_iso
from opsg_desktop.core.model import (
    ActionBlock,
    Block,
    DecisionBlock,
    HeadingBlock,
    LinkBlock,
    OutstandingBlock,
    Target,
    TextBlock,
)
from opsg_desktop.core.text import clean_line
from opsg_desktop.ui.notes_links import link_format, write_linked

KIND = QTextFormat.Property.UserProperty + 1
ACTION_ID = KIND + 1
OWNER = KIND + 2
TARGET = KIND + 3
TOPIC = KIND + 4
LEVEL = KIND + 5
VERB = KIND + 6
URL = KIND + 7
LIST = KIND + 8

LINE_BREAK = "\u2028"
OUTSTANDING_TEXT = "▦ Actions outstanding table — reviewed in the action grid"


def action_label(action_id: str) -> str:
    """The generated start of an action's paragraph: ``ACTION OPSG 61/01: ``."""
    return f"ACTION {action_id}: "


def target_to_text(target: Target | None) -> str:
    """A target as the block format keeps it: ISO date, its text, or ""."""
    return target_iso(target) or ""


def block_kind(block: QTextBlock) -> str:
    """text, heading, decision, action, link or outstanding."""
    return block.blockFormat().property(KIND) or "text"


def flow(text: str) -> str:
    """``text`` with every kind of line or paragraph break as a line separator."""
    for old in ("\r\n", "\r", "\n", "\u2029", "\v"):
        text = text.replace(old, LINE_BREAK)
    return text


def label_length(block: QTextBlock) -> int:
    """How many characters at the paragraph's start are generated, so kept from editing:
    an action's label, a decision's verb (the decision bar sets it), the whole table."""
    kind = block_kind(block)
    if kind == "outstanding":
        return len(block.text())
    if kind == "action":
        label = action_label(block.blockFormat().property(ACTION_ID) or "?")
    elif kind == "decision":
        label = (block.blockFormat().property(VERB) or "?") + " "
    else:
        return 0
    return len(label) if block.text().startswith(label) else 0


def content_start(block: QTextBlock) -> int:
    """Where the secretary's own words begin in the paragraph (after an action's label)."""
    return 0 if block_kind(block) == "outstanding" else label_length(block)


def block_end(block: QTextBlock) -> int:
    """The position after the paragraph's last character (before its separator)."""
    return block.position() + block.length() - 1


def is_empty(block: QTextBlock) -> bool:
    """True for a plain paragraph with no characters at all."""
    return block_kind(block) == "text" and not block.text()


# -- writing blocks into a document --------------------------------------------


def build_document(blocks: list[Block], parent=None) -> QTextDocument:
    """A document holding ``blocks``, one paragraph each (its undo history starts empty)."""
    document = QTextDocument(parent)
    document.setUndoRedoEnabled(False)
    cursor = QTextCursor(document)
    for i, block in enumerate(blocks):
        if i:
            cursor.insertBlock()
        write_paragraph(cursor, block)
    document.setUndoRedoEnabled(True)
    document.setModified(False)
    return document


def write_paragraph(cursor: QTextCursor, block: Block) -> None:
    """Give the cursor's (empty) paragraph ``block``'s kind, properties and words."""
    fmt = paragraph_format(block.classification.label if block.classification else "")
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    match block:
        case TextBlock():
            fmt.setProperty(KIND, "text")
            if block.list_style is not None:
                fmt.setProperty(LIST, block.list_style.value)
                fmt.setIndent(1)
            cursor.setBlockFormat(fmt)
            write_linked(cursor, flow(block.text), block.links)
        case HeadingBlock():
            fmt.setProperty(KIND, "heading")
            fmt.setTopMargin(6)
            cursor.setBlockFormat(fmt)
            cursor.insertText(clean_line(block.text), heading_format())
        case DecisionBlock():
            fmt.setProperty(KIND, "decision")
            fmt.setProperty(VERB, block.verb)
            cursor.setBlockFormat(fmt)
            cursor.insertText(block.verb, bold)
            cursor.insertText(" " + flow(block.text), QTextCharFormat())
        case ActionBlock():
            set_action_properties(fmt, block)
            cursor.setBlockFormat(fmt)
            cursor.insertText(action_label(block.id or "?"), bold)
            cursor.insertText(flow(block.text), QTextCharFormat())
        case LinkBlock():
            fmt.setProperty(KIND, "link")
            fmt.setProperty(URL, block.url)
            cursor.setBlockFormat(fmt)
            cursor.insertText(flow(block.text), link_format(block.url))
        case OutstandingBlock():
            fmt.setProperty(KIND, "outstanding")
            fmt.setBackground(QApplication.palette().color(QPalette.ColorRole.AlternateBase))
            cursor.setBlockFormat(fmt)
            muted = QTextCharFormat()
            muted.setFontItalic(True)
            muted.setForeground(QApplication.palette().color(QPalette.ColorRole.PlaceholderText))
            cursor.insertText(OUTSTANDING_TEXT, muted)
    cursor.setCharFormat(QTextCharFormat())


def paragraph_format(level: str = "") -> QTextBlockFormat:
    """A plain paragraph's format (its spacing) at classification ``level``."""
    fmt = QTextBlockFormat()
    fmt.setBottomMargin(6)
    fmt.setProperty(KIND, "text")
    fmt.setProperty(LEVEL, level)
    return fmt


def plain_after(block: QTextBlock) -> QTextBlockFormat:
    """The format of a new plain paragraph next to ``block``: its level, and its list."""
    fmt = paragraph_format(block.blockFormat().property(LEVEL) or "")
    style = block.blockFormat().property(LIST)
    if block_kind(block) == "text" and style:
        fmt.setProperty(LIST, style)
        fmt.setIndent(1)
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


def read_blocks(document: QTextDocument) -> list[Block]:
    """The blocks the document's paragraphs stand for; empty paragraphs are dropped."""
    from opsg_desktop.ui.notes_reading import read_paragraph

    found: list[Block] = []
    block = document.begin()
    while block.isValid():
        parsed = read_paragraph(block)
        if parsed is not None:
            found.append(parsed)
        block = block.next()
    return found
