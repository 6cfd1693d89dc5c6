"""The public headlines of a meeting: a short White document for publication.

Only items and sub-items the secretary marked (``headline`` not None) whose
effective level is White appear, one paragraph each starting with the bold
number, title and presenting party; numbers may therefore skip.  Whatever the
meeting's own level, the document is White.
"""

from __future__ import annotations

import os

from docx.document import Document as DocxDocument

from opsg_desktop.core.classification import allowed, effective_items
from opsg_desktop.core.dates import prose_date
from opsg_desktop.core.model import AgendaItem, Classification, Meeting
from opsg_desktop.core.wordings import headlines_intro, headlines_statement
from opsg_desktop.export.docx_content import (
    Element,
    Flow,
    paragraph,
    run,
    split_paragraphs,
    text_paragraphs,
)
from opsg_desktop.export.docx_helpers import add_footer, new_document, save_document, title_block
from opsg_desktop.export.files import ExportReport
from opsg_desktop.export.phrases import classification_line, headline_label, next_meetings_line

LEVEL = Classification.WHITE
#: Space after each headline paragraph, in twentieths of a point.
SPACE_AFTER = 160


def export_headlines(meeting: Meeting, path: str | os.PathLike[str]) -> ExportReport:
    """Write the headlines of ``meeting``; the report lists marked items kept out as too high.

    Raises :class:`~opsg_desktop.core.errors.OpsgError` when the file cannot be written.
    """
    saved = save_document(build_headlines(meeting), path)
    withheld = [
        f"item {item.number} {item.title} ({level.label})"
        for item, level in effective_items(meeting)
        if item.headline is not None and not allowed(level, LEVEL)
    ]
    return ExportReport(saved, withheld)


def build_headlines(meeting: Meeting) -> DocxDocument:
    """The headlines document in memory."""
    group = meeting.group
    reference = meeting.reference
    document = new_document(f"{reference} Headlines")
    add_footer(document, f"{reference} \u2013 Headlines", classification_line(LEVEL))
    flow = Flow.body(document)
    title = f"{group.name} ({group.abbreviation}) Meeting {meeting.number} on "
    title_block(flow, [(title + prose_date(meeting.date), 16, True), ("Headlines", 14, True)])
    flow.add(statement_paragraph(headlines_statement(group), LEVEL))
    flow.extend(text_paragraphs(headlines_intro(group), space_after=200))
    for item, level in effective_items(meeting):
        if item.headline is not None and allowed(level, LEVEL):
            flow.extend(headline_paragraphs(item))
    closing = next_meetings_line(meeting)
    if closing:
        flow.add(paragraph([run(closing)], space_before=240))
    return document


def statement_paragraph(statement: str, level: Classification) -> Element:
    """The classification statement with the level's name (``White``) in bold, as published."""
    name = level.name.title()
    before, found, after = statement.partition(name)
    if not found:
        return paragraph([run(statement)])
    return paragraph([run(before), run(name, bold=True), run(after)])


def headline_paragraphs(item: AgendaItem) -> list[Element]:
    """The bold ``4. Title (Presenter):`` then the headline text; further paragraphs after."""
    parts = split_paragraphs(item.headline or "")
    label = run(headline_label(item), bold=True)
    if not parts:
        return [paragraph([label], space_after=SPACE_AFTER)]
    first = paragraph([label, run(f" {parts[0]}")], space_after=SPACE_AFTER)
    return [first, *(paragraph([run(part)], space_after=SPACE_AFTER) for part in parts[1:])]
