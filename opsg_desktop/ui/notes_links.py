"""Links inside a plain paragraph of the notes, kept as anchors on their words.

A text block's ``links`` (interchange.md: each occurrence of a link's text in
the paragraph becomes a hyperlink) are written as anchor character formats,
so they move with their words when a paragraph is split, joined or undone,
and are read back from the anchors found.
"""

from __future__ import annotations

from PySide6.QtGui import QPalette, QTextBlock, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication

from opsg_desktop.core.model import Link
from opsg_desktop.core.text import clean_line


def link_format(url: str) -> QTextCharFormat:
    """The look of a link to ``url``: underlined, in the palette's link colour."""
    fmt = QTextCharFormat()
    fmt.setAnchor(True)
    fmt.setAnchorHref(url)
    fmt.setFontUnderline(True)
    fmt.setForeground(QApplication.palette().color(QPalette.ColorRole.Link))
    return fmt


def _spans(text: str, links: list[Link]) -> list[tuple[int, int, str]]:
    """(start, end, url) of every occurrence of each link's text, longest texts first."""
    taken: list[tuple[int, int, str]] = []
    for link in sorted((k for k in links if k.text), key=lambda k: -len(k.text)):
        start = text.find(link.text)
        while start != -1:
            end = start + len(link.text)
            if all(end <= a or start >= b for a, b, _ in taken):
                taken.append((start, end, link.url))
            start = text.find(link.text, end)
    return sorted(taken)


def write_linked(cursor: QTextCursor, text: str, links: list[Link]) -> None:
    """Insert ``text`` at the cursor with ``links`` as anchors on their words."""
    at = 0
    for start, end, url in _spans(text, links):
        cursor.insertText(text[at:start], QTextCharFormat())
        cursor.insertText(text[start:end], link_format(url))
        at = end
    cursor.insertText(text[at:], QTextCharFormat())


def read_links(block: QTextBlock) -> list[Link]:
    """The paragraph's links, in order of first appearance, each (text, url) once."""
    found: list[Link] = []
    pending: Link | None = None
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        fmt = fragment.charFormat()
        href = fmt.anchorHref() if fmt.isAnchor() else ""
        text = fragment.text().replace("\u2028", "\n")
        if href and pending is not None and pending.url == href:
            pending.text += text
        else:
            if pending is not None and pending not in found:
                found.append(pending)
            pending = Link(text, href) if href else None
        it += 1
    if pending is not None and pending not in found:
        found.append(pending)
    links = [Link(clean_line(k.text), k.url) for k in found if k.text.strip()]
    return [k for n, k in enumerate(links) if k not in links[:n]]


def is_link_end(cursor: QTextCursor) -> bool:
    """True when the character before the cursor ends a link (typing there is not linked)."""
    fmt = cursor.charFormat()
    if not fmt.isAnchor():
        return False
    after = QTextCursor(cursor)
    if after.atBlockEnd():
        return True
    after.movePosition(QTextCursor.MoveOperation.NextCharacter)
    return after.charFormat().anchorHref() != fmt.anchorHref()


def anchor_span(cursor: QTextCursor) -> tuple[int, int] | None:
    """(start, end) of the whole link the cursor is on, or None when it is on none."""
    block, at = cursor.block(), cursor.position()
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        fmt = fragment.charFormat()
        start, end = fragment.position(), fragment.position() + fragment.length()
        if fmt.isAnchor() and start <= at <= end and (at < end or is_link_end(cursor)):
            href = fmt.anchorHref()
            return _grow(block, start, end, href)
        it += 1
    return None


def _grow(block: QTextBlock, start: int, end: int, href: str) -> tuple[int, int]:
    """The run of adjacent fragments linking to ``href`` around [start, end)."""
    it = block.begin()
    runs: list[tuple[int, int]] = []
    while not it.atEnd():
        fragment = it.fragment()
        if fragment.charFormat().anchorHref() == href:
            here = (fragment.position(), fragment.position() + fragment.length())
            if runs and runs[-1][1] == here[0]:
                runs[-1] = (runs[-1][0], here[1])
            else:
                runs.append(here)
        it += 1
    return next((a, b) for a, b in runs if a <= start and end <= b)
