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


def hand_clipboard_to_qt() -> None:
    """Swap clipboard data made in Python for the same words held by Qt alone.

    Qt keeps the clipboard's data until the very end of the process, after
    Python has gone; a ``QMimeData`` made in Python (a copy from the notes)
    would then be destroyed through a dead interpreter and crash the exit.
    Called as the application quits (and after the tests), while Python lives;
    what the secretary copied stays on the clipboard as plain text.
    """
    from PySide6.QtGui import QGuiApplication

    clipboard = QGuiApplication.clipboard()
    if clipboard is None:
        return
    current = clipboard.mimeData()
    if clipboard.ownsClipboard() or any(current is data for data in _MADE_HERE):
        clipboard.setText(clipboard.text())
    _MADE_HERE.clear()


#: The clipboard data the notes made last (a copy), so that it can be handed over at exit.
_MADE_HERE: list[QMimeData] = []


def made_here(data: QMimeData) -> QMimeData:
    """Note ``data`` as made by the notes for the clipboard; returns it."""
    _MADE_HERE[:] = [data]
    return data
