"""The words of what the clipboard holds: plain text, or the text of HTML.

Some web applications copy only HTML; its words are pasted (with paragraph
breaks where the HTML had paragraphs, line breaks and list entries), never
nothing.  Formatting is always dropped: the notes are the secretary's words.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData

from opsg_desktop.core.text import clean_text


def clipboard_text(source: QMimeData) -> str:
    """The plain words of ``source``; "" when it holds neither text nor HTML."""
    if source.hasText() and source.text():
        text = source.text()
    elif source.hasHtml():
        text = html_words(source.html())
    else:
        return ""
    return clean_text(text)  # breaks made plain, controls and lone surrogates gone


def html_words(html: str) -> str:
    """The text an HTML fragment shows, one line per paragraph or line break."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(html)
    text = document.toPlainText()
    return text.replace("\u2029", "\n").replace("\u2028", "\n").replace("\xa0", " ")
