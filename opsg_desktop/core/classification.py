"""Classification levels: what applies where, and what an export may contain.

Levels order white < green < amber < red.  A block or item with no level
of its own takes its enclosing item's (a top-level item, the meeting's); a
level of its own can raise but never lower that, so nothing said in an amber
session reaches a white document.  An export at level L keeps only content
at L or below.  An action carried in the log has its own level, which the
group may lower to share it (``OPSG 45/CONF02`` marked white).
"""

from __future__ import annotations

from collections.abc import Iterator

from opsg_desktop.core.model import (
    AgendaItem,
    Block,
    Classification,
    Meeting,
    OutstandingReview,
)


def is_confidential(level: Classification) -> bool:
    """Amber and red sessions number their actions as CONF."""
    return level >= Classification.AMBER


def allowed(level: Classification, ceiling: Classification) -> bool:
    """May content at ``level`` appear in a document at ``ceiling``?"""
    return level <= ceiling


def _within(own: Classification | None, enclosing: Classification) -> Classification:
    return enclosing if own is None else max(own, enclosing)


def effective_items(
    meeting: Meeting,
) -> Iterator[tuple[AgendaItem, Classification]]:
    """Every item and sub-item, depth first, with its effective level."""

    def walk(items: list[AgendaItem], inherited: Classification):
        for item in items:
            level = _within(item.classification, inherited)
            yield item, level
            yield from walk(item.items, level)

    yield from walk(meeting.agenda, meeting.classification)


def effective_blocks(
    meeting: Meeting,
) -> Iterator[tuple[AgendaItem, Block, Classification]]:
    """Every block in minutes order with the item holding it and its effective level."""
    for item, item_level in effective_items(meeting):
        for block in item.blocks:
            level = _within(block.classification, item_level)
            yield item, block, level


def review_level(meeting: Meeting, review: OutstandingReview) -> Classification:
    """An outstanding action's level: its own, or else the meeting's."""
    own = review.action.classification
    return own if own is not None else meeting.classification


def withheld_content(meeting: Meeting, ceiling: Classification) -> list[str]:
    """Human-readable list of what an export at ``ceiling`` leaves out."""
    from opsg_desktop.core.model import ActionBlock

    found: list[str] = []
    hidden_items: set[int] = set()
    for item, level in effective_items(meeting):
        if not allowed(level, ceiling):
            hidden_items.add(id(item))
            if not any(id(sub) in hidden_items for sub in _parents(meeting, item)):
                found.append(f"item {item.number} {item.title} ({level.label})")
    for item, block, level in effective_blocks(meeting):
        if id(item) in hidden_items or allowed(level, ceiling):
            continue
        kind = "action " + (block.id or "") if isinstance(block, ActionBlock) else "a paragraph"
        found.append(f"{kind.strip()} in item {item.number} ({level.label})")
    for review in meeting.outstanding:
        level = review_level(meeting, review)
        if not allowed(level, ceiling):
            found.append(f"outstanding action {review.action.id} ({level.label})")
    return found


def _parents(meeting: Meeting, target: AgendaItem) -> list[AgendaItem]:
    """The items enclosing ``target``, outermost first."""

    def search(items: list[AgendaItem], path: list[AgendaItem]) -> list[AgendaItem] | None:
        for item in items:
            if item is target:
                return path
            found = search(item.items, [*path, item])
            if found is not None:
                return found
        return None

    return search(meeting.agenda, []) or []
