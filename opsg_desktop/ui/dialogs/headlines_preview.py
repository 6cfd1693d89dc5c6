"""The public headlines as they will read, before exporting them to Word.

The same selection as the exporter: items marked for the headlines whose
level is White, statement first with the level in bold, the introduction,
one paragraph per item, the closing line.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from opsg_desktop.core.classification import allowed, effective_items
from opsg_desktop.core.dates import prose_date
from opsg_desktop.core.model import Classification, Meeting
from opsg_desktop.core.wordings import headlines_intro, headlines_statement
from opsg_desktop.export.phrases import headline_label, next_meetings_line


def headlines_html(meeting: Meeting) -> str:
    """The headlines of ``meeting`` as simple HTML for a text browser."""
    group = meeting.group
    title = f"{group.name} ({group.abbreviation}) Meeting {meeting.number} on "
    parts = [f"<h2>{escape(title + prose_date(meeting.date))}</h2>", "<h3>Headlines</h3>"]
    statement = escape(headlines_statement(group)).replace("White", "<b>White</b>", 1)
    parts += [f"<p>{statement}</p>", f"<p>{escape(headlines_intro(group))}</p>"]
    shown = 0
    for item, level in effective_items(meeting):
        if item.headline is None or not allowed(level, Classification.WHITE):
            continue
        shown += 1
        text = " ".join(item.headline.split())
        parts.append(f"<p><b>{escape(headline_label(item))}</b> {escape(text)}</p>")
    if not shown:
        parts.append("<p><i>No item is marked for the headlines (F4 on an agenda item).</i></p>")
    closing = next_meetings_line(meeting)
    if closing:
        parts.append(f"<p>{escape(closing)}</p>")
    return "\n".join(parts)


class HeadlinesPreview(QDialog):
    """Read-only preview with a button to export the headlines."""

    def __init__(self, parent, meeting: Meeting, export) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Headlines – {meeting.reference}")
        self.resize(680, 560)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName("Headlines preview")
        self.browser.setHtml(headlines_html(meeting))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = buttons.addButton(
            "&Export Headlines…", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.clicked.connect(export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
