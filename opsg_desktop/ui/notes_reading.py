"""One paragraph of the notes document read back as a block of the minutes."""

from __future__ import annotations

from PySide6.QtGui import QTextBlock

from opsg_desktop.core.dates import parse_target
from opsg_desktop.core.model import (
    ActionBlock,
    Block,
    Classification,
    DecisionBlock,
    HeadingBlock,
    LinkBlock,
    ListStyle,
    OutstandingBlock,
    TextBlock,
)
from opsg_desktop.core.text import clean_line
from opsg_desktop.ui.notes_document import (
    ACTION_ID,
    LEVEL,
    LINE_BREAK,
    LIST,
    OWNER,
    TARGET,
    TOPIC,
    URL,
    VERB,
    block_kind,
    label_length,
)
from opsg_desktop.ui.notes_links import read_links


def _text(value: str | None) -> str | None:
    return value or None


def read_paragraph(block: QTextBlock) -> Block | None:
    """The block ``block`` stands for; None for an empty plain paragraph."""
    fmt = block.blockFormat()
    kind = block_kind(block)
    words = block.text().replace(LINE_BREAK, "\n")
    level_text = fmt.property(LEVEL) or ""
    level = Classification.parse(level_text) if level_text else None
    if kind == "outstanding":
        return OutstandingBlock(level)
    if kind == "action":
        text = words[label_length(block) :].strip()  # may be "": raised before its words
        target = fmt.property(TARGET) or ""
        return ActionBlock(
            text=text,
            owner=_text(fmt.property(OWNER)),
            target=parse_target(target) if target else None,
            topic=_text(fmt.property(TOPIC)),
            classification=level,
            id=fmt.property(ACTION_ID) or None,
        )
    if not words.strip():
        return None
    if kind == "heading":  # one line, as core's rules store a heading
        return HeadingBlock(clean_line(words), level)
    if kind == "decision":
        verb = fmt.property(VERB) or ""
        if words.startswith(verb + " ") or words == verb:
            return DecisionBlock(verb, words[len(verb) :].strip(), level)
    if kind == "link" and fmt.property(URL):
        return LinkBlock(clean_line(words), fmt.property(URL), level)
    style = fmt.property(LIST)
    return TextBlock(words, ListStyle(style) if style else None, read_links(block), level)
