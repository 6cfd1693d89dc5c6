"""Writing a :class:`Meeting` as an ``opsg-meeting/1`` document."""

from __future__ import annotations

import datetime as dt
from typing import Any

from opsg_desktop.core.dates import target_iso
from opsg_desktop.core.model import (
    ActionBlock,
    AgendaItem,
    AttendanceMark,
    Block,
    DecisionBlock,
    HeadingBlock,
    LinkBlock,
    Meeting,
    OutstandingBlock,
    OutstandingReview,
    Person,
    TextBlock,
)

FORMAT = "opsg-meeting/1"


def _day(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _time(value: dt.time | None) -> str | None:
    return None if value is None else value.strftime("%H:%M")


def _level(value) -> str | None:
    return None if value is None else value.label


def write_document(meeting: Meeting) -> dict[str, Any]:
    """The document for ``meeting``: every action with its id and status."""
    group = meeting.group
    group_doc: dict[str, Any] = {
        "name": group.name,
        "abbreviation": group.abbreviation,
        "categories": list(group.categories),
        "decision_verbs": list(group.decision_verbs),
    }
    if group.organisations:
        group_doc["organisations"] = list(group.organisations)
    if group.wordings is not None:
        group_doc["wordings"] = group.wordings
    return {
        "format": FORMAT,
        "group": group_doc,
        "meeting": {
            "number": meeting.number,
            "kind": meeting.kind.value,
            "date": _day(meeting.date),
            "start": _time(meeting.start),
            "end": _time(meeting.end),
            "location": meeting.location,
            "classification": meeting.classification.label,
            "status": meeting.status.value,
            "next_meetings": [
                {"kind": n.kind.value, "date": _day(n.date)} for n in meeting.next_meetings
            ],
        },
        "people": [_person(p) for p in meeting.people],
        "agenda": [_item(i) for i in meeting.agenda],
        "outstanding": [_review(r) for r in meeting.outstanding],
    }


def _person(person: Person) -> dict[str, Any]:
    doc: dict[str, Any] = {"name": person.name}
    for key in ("category", "organisation", "role", "alternate_for", "email"):
        if getattr(person, key) is not None:
            doc[key] = getattr(person, key)
    if person.items:
        doc["items"] = list(person.items)
    if person.attendance is not AttendanceMark.PRESENT:
        doc["attendance"] = person.attendance.value
    return doc


def _item(item: AgendaItem) -> dict[str, Any]:
    return {
        "number": item.number,
        "title": item.title,
        "presenter": item.presenter,
        "classification": _level(item.classification),
        "headline": item.headline,
        "blocks": [_block(b) for b in item.blocks],
        "items": [_item(i) for i in item.items],
    }


def _block(block: Block) -> dict[str, Any]:
    match block:
        case TextBlock():
            doc: dict[str, Any] = {"text": block.text}
            if block.list_style is not None:
                doc["list"] = block.list_style.value
            if block.links:
                doc["links"] = [{"text": k.text, "url": k.url} for k in block.links]
        case HeadingBlock():
            doc = {"heading": block.text}
        case DecisionBlock():
            doc = {"decision": block.verb, "text": block.text}
        case ActionBlock():
            return {
                "action": {
                    "id": block.id,
                    "text": block.text,
                    "owner": block.owner,
                    "target": target_iso(block.target),
                    "topic": block.topic,
                    "classification": _level(block.classification),
                }
            }
        case LinkBlock():
            doc = {"link": {"text": block.text, "url": block.url}}
        case OutstandingBlock():
            doc = {"outstanding_actions": True}
        case _:
            raise TypeError(f"not a block: {block!r}")
    if block.classification is not None:
        doc["classification"] = block.classification.label
    return doc


def _review(review: OutstandingReview) -> dict[str, Any]:
    action = review.action
    doc = {
        "id": action.id,
        "text": action.text,
        "owner": action.owner,
        "raised": _day(action.raised),
        "target": target_iso(action.target),
        "revised_target": target_iso(action.revised_target),
        "classification": _level(action.classification),
        "update": review.update,
        "status": review.status.value,
    }
    if action.topic is not None:
        doc["topic"] = action.topic
    return doc
