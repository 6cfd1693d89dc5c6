"""The pre-flight check: what is missing or inconsistent before the minutes are sent.

These go beyond validity (``core.rules`` refuses what can never be right);
a meeting that passes the rules can still lack an owner or a closing line.
Each :class:`Finding` says what is wrong, where (the agenda number and the
block's index within that item, an attendee, or an outstanding action) and
whether it blocks sending.  What blocks: things that would make the minutes
say something wrong (an action nobody owns, a target before the meeting, a
sub-heading naming a different reference than its text, an attendee the
tables cannot place).  Everything else is a warning the secretary may accept.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from opsg_desktop.core.classification import withheld_content
from opsg_desktop.core.model import (
    ActionBlock,
    ActionStatus,
    AttendanceMark,
    Meeting,
    walk_items,
)


@dataclass(frozen=True)
class Finding:
    """One thing the check found.

    ``item`` is an agenda number and ``block`` the index of the block within
    that item's blocks (both None when the finding is not in the agenda);
    ``person`` names an attendee, ``action`` an outstanding action's id.
    """

    code: str
    message: str
    blocks: bool
    item: str | None = None
    block: int | None = None
    person: str | None = None
    action: str | None = None

    @property
    def place(self) -> str:
        """Where, in words: ``item 3, block 2``, ``attendees``, ``outstanding OPSG 47/08``."""
        if self.item is not None:
            return f"item {self.item}" + (f", block {self.block}" if self.block is not None else "")
        if self.person is not None:
            return "attendees"
        if self.action is not None:
            return f"outstanding {self.action}"
        return "meeting"


def check_meeting(meeting: Meeting, known_people: Iterable[str] = ()) -> list[Finding]:
    """Every finding for ``meeting``, blockers first, then in the order of the minutes.

    ``known_people`` are names from the group's other meetings: naming one of
    them in the notes when they are not on this meeting's roster is a finding.
    """
    from opsg_desktop.core.checks_text import contradicted_headings, unknown_names

    found = [
        *_actions(meeting),
        *_outstanding(meeting),
        *unknown_names(meeting, known_people),
        *_empty_items(meeting),
        *contradicted_headings(meeting),
        *_unplaced_people(meeting),
        *_headlines(meeting),
        *_withheld(meeting),
        *_next_meetings(meeting),
    ]
    return sorted(found, key=lambda f: not f.blocks)


def blocking(findings: Iterable[Finding]) -> bool:
    """Does any finding stop the minutes being sent?"""
    return any(f.blocks for f in findings)


def _actions(meeting: Meeting) -> Iterator[Finding]:
    for item in walk_items(meeting.agenda):
        for index, block in enumerate(item.blocks):
            if not isinstance(block, ActionBlock):
                continue
            name = f"action {block.id}" if block.id else "an action"
            where = {"item": item.number, "block": index}
            if not (block.owner or "").strip():
                yield Finding("action-owner", f"{name} has no owner", True, **where)
            if block.target is None or block.target == "":
                yield Finding("action-target", f"{name} has no target", False, **where)
            elif isinstance(block.target, dt.date) and block.target < meeting.date:
                message = f"{name} has a target ({block.target:%d/%m/%Y}) before the meeting"
                yield Finding("target-past", message, True, **where)


def _outstanding(meeting: Meeting) -> Iterator[Finding]:
    for review in meeting.outstanding:
        action = review.action
        if review.status != ActionStatus.OPEN:
            continue
        target = action.revised_target if action.revised_target else action.target
        if isinstance(target, dt.date) and target < meeting.date:
            message = (
                f"open action {action.id} is past its target ({target:%d/%m/%Y}) "
                "and has no revised target"
            )
            yield Finding("target-past", message, False, action=action.id)
        if not (action.owner or "").strip():
            yield Finding(
                "action-owner", f"open action {action.id} has no owner", True, action=action.id
            )


def _empty_items(meeting: Meeting) -> Iterator[Finding]:
    def has_notes(item) -> bool:
        return bool(item.blocks) or any(has_notes(sub) for sub in item.items)

    for item in walk_items(meeting.agenda):
        if not has_notes(item):
            yield Finding(
                "item-empty",
                f"item {item.number} {item.title} has no notes",
                False,
                item=item.number,
            )


def _unplaced_people(meeting: Meeting) -> Iterator[Finding]:
    for person in meeting.people:
        if person.attendance == AttendanceMark.ABSENT:
            continue
        if not (person.category or "").strip() and not (person.organisation or "").strip():
            message = f"{person.name} has neither a category nor an organisation"
            yield Finding("person-unplaced", message, True, person=person.name)


def _headlines(meeting: Meeting) -> Iterator[Finding]:
    for item in walk_items(meeting.agenda):
        if item.headline is not None and not item.headline.strip():
            message = f"item {item.number} is marked for the headlines but has no headline text"
            yield Finding("headline-empty", message, False, item=item.number)


def _withheld(meeting: Meeting) -> Iterator[Finding]:
    for line in withheld_content(meeting, meeting.classification):
        message = f"a {meeting.classification.label} export leaves out {line}"
        where = re.search(r"\bitem (\S+)", line)
        if where:
            yield Finding("withheld", message, False, item=where[1])
        else:
            action = re.match(r"outstanding action (.+) \(", line)
            yield Finding("withheld", message, False, action=action[1] if action else None)


def _next_meetings(meeting: Meeting) -> Iterator[Finding]:
    if not meeting.next_meetings:
        yield Finding("next-missing", "the next meeting dates are missing", False)
    for following in meeting.next_meetings:
        if following.date <= meeting.date:
            message = f"the next {following.kind.value} meeting date is not after this meeting"
            yield Finding("next-missing", message, False)
