"""The minutes of a meeting as a Word document in the house layout.

:func:`export_minutes` writes the title block, attendees, classification
statement, apologies, the agenda items with their blocks (paragraphs, lists,
sub-headings, actions, links, decisions and outcome blocks, the actions
outstanding table) and the closing line.  An export at level L leaves out
every item, block and outstanding action whose effective level is above L;
the footer and statement show L, and the report lists what was withheld.
"""

from __future__ import annotations

import os
from dataclasses import replace
from itertools import groupby
from typing import cast

from docx.document import Document as DocxDocument

from opsg_desktop.core.classification import (
    allowed,
    effective_blocks,
    effective_items,
    review_level,
    withheld_content,
)
from opsg_desktop.core.dates import prose_date, time_span
from opsg_desktop.core.errors import OpsgError
from opsg_desktop.core.model import (
    ActionBlock,
    AgendaItem,
    Block,
    Classification,
    DecisionBlock,
    HeadingBlock,
    LinkBlock,
    ListStyle,
    Meeting,
    OutstandingBlock,
    OutstandingReview,
    TextBlock,
    walk_blocks,
)
from opsg_desktop.core.numbering import assign_action_ids
from opsg_desktop.core.wordings import classification_statement
from opsg_desktop.export.docx_content import (
    Flow,
    Lists,
    hyperlink,
    linked_runs,
    paragraph,
    run,
    split_paragraphs,
)
from opsg_desktop.export.docx_helpers import (
    add_footer,
    new_document,
    save_document,
    text_width,
    title_block,
)
from opsg_desktop.export.files import ExportReport
from opsg_desktop.export.minutes_tables import add_apologies, add_attendees, add_outstanding
from opsg_desktop.export.phrases import (
    action_text,
    classification_line,
    decision_sentence,
    item_heading,
    next_meetings_line,
    outcome_entries,
    status_label,
)

__all__ = ["ExportReport", "build_minutes", "export_minutes"]


def export_minutes(
    meeting: Meeting,
    path: str | os.PathLike[str],
    ceiling: Classification | None = None,
) -> ExportReport:
    """Write the minutes of ``meeting`` at level ``ceiling`` (None: the meeting's own).

    Actions without an id are numbered in a copy (the caller's meeting is not
    changed).  Raises :class:`~opsg_desktop.core.errors.OpsgError` when the file
    cannot be written (nothing is left half-written) or an action's id belongs
    to another meeting.
    """
    level = meeting.classification if ceiling is None else ceiling
    meeting = numbered(meeting)
    saved = save_document(build_minutes(meeting, level), path)
    return ExportReport(saved, withheld_content(meeting, level))


def numbered(meeting: Meeting) -> Meeting:
    """``meeting`` itself when every action has an id, else a copy with ids assigned.

    The copy shares everything but the agenda's items, block lists and action
    blocks, so the caller's meeting is never changed by an export.
    """
    if all(b.id for _, b in walk_blocks(meeting) if isinstance(b, ActionBlock)):
        return meeting
    meeting = replace(meeting, agenda=[_copy_item(item) for item in meeting.agenda])
    try:
        assign_action_ids(meeting)
    except ValueError as exc:
        raise OpsgError(f"Cannot number the actions of {meeting.reference}: {exc}") from exc
    return meeting


def _copy_item(item: AgendaItem) -> AgendaItem:
    blocks = [replace(b) if isinstance(b, ActionBlock) else b for b in item.blocks]
    return replace(item, blocks=blocks, items=[_copy_item(sub) for sub in item.items])


def build_minutes(meeting: Meeting, ceiling: Classification) -> DocxDocument:
    """The minutes document in memory, at level ``ceiling``."""
    reference = meeting.reference
    status = status_label(meeting)
    document = new_document(f"{reference} {status}")
    add_footer(document, f"{reference} \u2013 {status}", classification_line(ceiling))
    _MinutesWriter(document, meeting, ceiling).write()
    return document


class _MinutesWriter:
    """Writes one meeting's minutes into a document, filtering at the ceiling."""

    def __init__(self, document: DocxDocument, meeting: Meeting, ceiling: Classification):
        self.meeting = meeting
        self.ceiling = ceiling
        self.flow = Flow.body(document)
        self.part = document.part
        self.lists = Lists(document)
        self.width = text_width(document)
        self.item_levels = {id(item): level for item, level in effective_items(meeting)}
        self.block_levels = {id(block): lvl for _, block, lvl in effective_blocks(meeting)}

    def write(self) -> None:
        self._title()
        self._attendance()
        for item in self.meeting.agenda:
            self._item(item, depth=0)
        closing = next_meetings_line(self.meeting)
        if closing:
            self.flow.add(paragraph([run(closing)], space_before=240))

    def _title(self) -> None:
        meeting = self.meeting
        lines = [
            (f"{meeting.group.name} Meeting", 16, True),
            (f"{prose_date(meeting.date)}, {meeting.reference}", 11, True),
        ]
        span = time_span(meeting.start, meeting.end)
        if span:
            lines.append((span, 11, False))
        if meeting.location:
            lines.append((meeting.location, 11, False))
        lines.append((status_label(meeting), 12, True))
        title_block(self.flow, lines)

    def _attendance(self) -> None:
        self._heading("Attendees:", "Heading1")
        add_attendees(self.flow, self.meeting, self.width)
        statement = classification_statement(self.meeting.group, self.ceiling)
        first, *rest = split_paragraphs(statement) or [""]
        self.flow.add(paragraph([run(first)], space_before=160))
        self.flow.extend(paragraph([run(part)]) for part in rest)
        add_apologies(self.flow, self.meeting, self.width)

    def _heading(self, text: str, style: str) -> None:
        self.flow.add(paragraph([run(text)], style=style))

    def _item(self, item: AgendaItem, depth: int) -> None:
        if not allowed(self.item_levels[id(item)], self.ceiling):
            return
        self._heading(item_heading(item), "Heading1" if depth == 0 else "Heading2")
        self._blocks(item.blocks)
        for sub in item.items:
            self._item(sub, depth + 1)

    def _blocks(self, blocks: list[Block]) -> None:
        visible = [b for b in blocks if allowed(self.block_levels[id(b)], self.ceiling)]
        for key, group in groupby(enumerate(visible), key=_group_key):
            run_of_blocks = [block for _, block in group]
            if key == "decisions":  # _group_key made each run of one kind of block
                self._decisions(cast("list[DecisionBlock]", run_of_blocks))
            elif isinstance(key, ListStyle):
                self._list(key, cast("list[TextBlock]", run_of_blocks))
            else:
                self._single(run_of_blocks[0])

    def _single(self, block: Block) -> None:
        if isinstance(block, TextBlock):
            for part in split_paragraphs(block.text):
                self.flow.add(paragraph(linked_runs(self.part, part, block.links)))
        elif isinstance(block, HeadingBlock):
            self._heading(block.text, "Heading3")
        elif isinstance(block, ActionBlock):
            self._action(block)
        elif isinstance(block, LinkBlock):
            self.flow.add(paragraph([hyperlink(self.part, block.text, block.url)]))
        elif isinstance(block, OutstandingBlock):
            reviews = [r for r in self.meeting.outstanding if self._review_allowed(r)]
            if reviews:
                add_outstanding(self.flow, reviews, self.width)
                self.flow.add(paragraph(space_after=0))

    def _review_allowed(self, review: OutstandingReview) -> bool:
        return allowed(review_level(self.meeting, review), self.ceiling)

    def _action(self, block: ActionBlock) -> None:
        parts = split_paragraphs(action_text(block.topic, block.text)) or [""]
        label = run(f"ACTION {block.id or ''}".rstrip() + ":", bold=True)
        self.flow.add(paragraph([label, run(f" {parts[0]}")]))
        for part in parts[1:]:
            self.flow.add(paragraph([run(part)]))

    def _decisions(self, decisions: list[DecisionBlock]) -> None:
        abbreviation = self.meeting.group.abbreviation
        if len(decisions) == 1:
            sentence = decision_sentence(abbreviation, decisions[0])
            self.flow.extend(paragraph([run(part)]) for part in split_paragraphs(sentence))
            return
        self.flow.add(paragraph([run(f"The {abbreviation}:")], keep_next=True, space_after=60))
        bullets = self.lists.new_list(ListStyle.BULLET)
        for entry in outcome_entries(decisions):
            self.flow.add(paragraph([run(entry)], style="ListParagraph", num_id=bullets))

    def _list(self, style: ListStyle, entries: list[TextBlock]) -> None:
        number = self.lists.new_list(style)
        for entry in entries:
            for index, part in enumerate(split_paragraphs(entry.text)):
                content = linked_runs(self.part, part, entry.links)
                numbered_id = number if index == 0 else None
                self.flow.add(paragraph(content, style="ListParagraph", num_id=numbered_id))


def _group_key(pair: tuple[int, Block]) -> object:
    """Consecutive decisions group together, as do list entries of one style."""
    index, block = pair
    if isinstance(block, DecisionBlock):
        return "decisions"
    if isinstance(block, TextBlock) and block.list_style is not None:
        return block.list_style
    return index
