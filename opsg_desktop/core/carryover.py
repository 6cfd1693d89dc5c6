"""Building the next meeting from the previous one.

What carries over: the group, the roster (everyone, marked absent until the
secretary ticks them), times and location, the top-level agenda titles with
their presenters (notes, headlines and sub-items stay behind; the marker of
the actions-outstanding table stays where it was), and every action still
open, ids unchanged, in the order the secretary keeps: the previous table's
order first, then newer actions in id order.
"""

from __future__ import annotations

import copy
import datetime as dt

from opsg_desktop.core.model import (
    Action,
    ActionStatus,
    AgendaItem,
    AttendanceMark,
    Block,
    Meeting,
    MeetingKind,
    MeetingStatus,
    OutstandingBlock,
    OutstandingReview,
)
from opsg_desktop.core.numbering import next_meeting_number, parse_action_id


def action_sort_key(action_id: str) -> tuple[int, int, str, bool, int, str]:
    """Order ids by meeting number, then the plain series before CONF, then number.

    An id that is not well formed (only an old database can hold one) sorts
    after every good one instead of stopping the listing.
    """
    try:
        parsed = parse_action_id(action_id)
    except ValueError:
        return (1, 0, "", False, 0, action_id)
    number = parsed.meeting_number
    return (0, int(number.rstrip("x")), number, parsed.confidential, parsed.sequence, "")


def carry_over(
    previous: Meeting,
    date: dt.date,
    kind: MeetingKind,
    open_actions: list[Action],
    number: str | None = None,
) -> Meeting:
    """A new draft meeting following ``previous``; ``open_actions`` from the log."""
    if number is None:
        number = next_meeting_number(previous.number, kind is MeetingKind.EXTRAORDINARY)
    return Meeting(
        group=copy.deepcopy(previous.group),
        number=number,
        date=date,
        kind=kind,
        start=previous.start,
        end=previous.end,
        location=previous.location,
        classification=previous.classification,
        status=MeetingStatus.DRAFT,
        people=[_roster_entry(p) for p in previous.people],
        agenda=[_standing_item(item) for item in previous.agenda],
        outstanding=[
            OutstandingReview(action=copy.deepcopy(a), update="", status=ActionStatus.OPEN)
            for a in order_carried(previous, open_actions)
        ],
    )


def order_carried(previous: Meeting, open_actions: list[Action]) -> list[Action]:
    """Open actions in the previous table's order, then the rest by id."""
    still_open = [a for a in open_actions if a.status is ActionStatus.OPEN]
    position = {review.action.id: i for i, review in enumerate(previous.outstanding)}
    known = sorted((a for a in still_open if a.id in position), key=lambda a: position[a.id])
    newer = sorted(
        (a for a in still_open if a.id not in position), key=lambda a: action_sort_key(a.id)
    )
    return known + newer


def _roster_entry(person):
    entry = copy.deepcopy(person)
    entry.attendance = AttendanceMark.ABSENT
    entry.items = []
    entry.alternate_for = None
    return entry


def _standing_item(item: AgendaItem) -> AgendaItem:
    markers: list[Block] = [
        OutstandingBlock() for b in item.blocks if isinstance(b, OutstandingBlock)
    ]
    return AgendaItem(
        number=item.number,
        title=item.title,
        presenter=item.presenter,
        classification=item.classification,
        blocks=markers[:1],
    )
