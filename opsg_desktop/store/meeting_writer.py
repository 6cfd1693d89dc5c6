"""Writing one meeting's rows: attendance, agenda, blocks, actions, reviews.

Every function here runs inside the caller's transaction.
"""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from opsg_desktop.core.model import (
    ActionBlock,
    ActionStatus,
    AgendaItem,
    DecisionBlock,
    Group,
    HeadingBlock,
    LinkBlock,
    Meeting,
    OutstandingBlock,
    OutstandingReview,
    Person,
    TextBlock,
)
from opsg_desktop.core.rules import name_key
from opsg_desktop.store.codec import (
    date_out,
    json_out,
    level_out,
    target_out,
    time_out,
)


def upsert_group(db: Database, group: Group) -> int:
    """The group's row id, creating or refreshing the row."""
    values = {
        "abbreviation": group.abbreviation,
        "name": group.name,
        "categories": json_out(group.categories),
        "decision_verbs": json_out(group.decision_verbs),
        "wordings": None if group.wordings is None else json_out(group.wordings),
    }
    row = db.execute(
        "SELECT id FROM groups WHERE abbreviation = ?", [group.abbreviation]
    ).fetchone()
    if row:
        db["groups"].update(row[0], values)
        return row[0]
    return db["groups"].insert(values).last_pk


def insert_meeting_row(db: Database, meeting: Meeting, group_id: int) -> int:
    return db["meetings"].insert(meeting_values(meeting, group_id)).last_pk


def meeting_values(meeting: Meeting, group_id: int) -> dict:
    """The columns of a meeting's row."""
    return {
        "group_id": group_id,
        "reference": meeting.reference,
        "number": meeting.number,
        "kind": meeting.kind.value,
        "date": date_out(meeting.date),
        "start": time_out(meeting.start),
        "end": time_out(meeting.end),
        "location": meeting.location,
        "classification": meeting.classification.label,
        "status": meeting.status.value,
        "next_meetings": json_out(
            [{"kind": n.kind.value, "date": date_out(n.date)} for n in meeting.next_meetings]
        ),
        "modified": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }


def insert_people(db: Database, meeting_id: int, people: list[Person]) -> None:
    """The meeting's roster: each row is this meeting's record of a person, shared with none."""
    rows = []
    for position, person in enumerate(people):
        rows.append(
            {
                "meeting_id": meeting_id,
                "position": position,
                "name": person.name,
                "name_key": name_key(person.name),
                "category": person.category,
                "organisation": person.organisation,
                "role": person.role,
                "alternate_for": person.alternate_for,
                "email": person.email,
                "items": json_out(person.items),
                "mark": person.attendance.value,
            }
        )
    db["attendances"].insert_all(rows)


def insert_agenda(db: Database, meeting: Meeting, meeting_id: int, group_id: int) -> None:
    """Items, sub-items and their blocks; action blocks also reach the log."""

    def insert(items: list[AgendaItem], parent_id: int | None) -> None:
        for position, item in enumerate(items):
            item_id = (
                db["agenda_items"]
                .insert(
                    {
                        "meeting_id": meeting_id,
                        "parent_id": parent_id,
                        "position": position,
                        "number": item.number,
                        "title": item.title,
                        "presenter": item.presenter,
                        "classification": level_out(item.classification),
                        "headline": item.headline,
                    }
                )
                .last_pk
            )
            for block_position, block in enumerate(item.blocks):
                row = block_row(block)
                if isinstance(block, ActionBlock):
                    upsert_raised_action(db, block, meeting, meeting_id, group_id)
                db["blocks"].insert({"item_id": item_id, "position": block_position, **row})
            insert(item.items, item_id)

    insert(meeting.agenda, None)


def block_row(block) -> dict:
    """The columns of a block other than its place."""
    row = {"classification": level_out(block.classification)}
    match block:
        case TextBlock():
            row |= {
                "kind": "text",
                "text": block.text,
                "list_style": block.list_style.value if block.list_style else None,
                "links": json_out([{"text": k.text, "url": k.url} for k in block.links])
                if block.links
                else None,
            }
        case HeadingBlock():
            row |= {"kind": "heading", "text": block.text}
        case DecisionBlock():
            row |= {"kind": "decision", "verb": block.verb, "text": block.text}
        case ActionBlock():
            row |= {"kind": "action", "action_id": block.id}
        case LinkBlock():
            row |= {"kind": "link", "text": block.text, "url": block.url}
        case OutstandingBlock():
            row |= {"kind": "outstanding"}
        case _:
            raise TypeError(f"not a block: {block!r}")
    return row


def upsert_raised_action(
    db: Database, block: ActionBlock, meeting: Meeting, meeting_id: int, group_id: int
) -> None:
    """Record an action raised at ``meeting`` in the log, keeping its status."""
    values = {
        "group_id": group_id,
        "meeting_id": meeting_id,
        "text": block.text,
        "topic": block.topic,
        "owner": block.owner,
        "raised": date_out(meeting.date),
        "target": target_out(block.target),
        "classification": level_out(block.classification),
    }
    if db.execute("SELECT 1 FROM actions WHERE id = ?", [block.id]).fetchone():
        db["actions"].update(block.id, values)
    else:
        db["actions"].insert({"id": block.id, "status": ActionStatus.OPEN.value, **values})


def insert_reviews(
    db: Database, meeting_id: int, group_id: int, reviews: list[OutstandingReview]
) -> None:
    """The outstanding table: each action reaches the log, its update this meeting."""
    for position, review in enumerate(reviews):
        action = review.action
        values = {
            "group_id": group_id,
            "text": action.text,
            "topic": action.topic,
            "owner": action.owner,
            "raised": date_out(action.raised),
            "target": target_out(action.target),
            "classification": level_out(action.classification),
        }
        if db.execute("SELECT 1 FROM actions WHERE id = ?", [action.id]).fetchone():
            db["actions"].update(action.id, values)
        else:
            db["actions"].insert(
                {
                    "id": action.id,
                    "status": review.status.value,
                    "revised_target": target_out(action.revised_target),
                    **values,
                }
            )
        db["action_reviews"].insert(
            {
                "meeting_id": meeting_id,
                "action_id": action.id,
                "position": position,
                "update_text": review.update,
                "status": review.status.value,
                "revised_target": target_out(action.revised_target),
            }
        )


def refresh_action_state(db: Database, action_ids: list[str]) -> None:
    """Set each action's status and revised target from its latest review."""
    for action_id in action_ids:
        latest = db.execute(
            """SELECT r.status, r.revised_target FROM action_reviews r
               JOIN meetings m ON m.id = r.meeting_id
               WHERE r.action_id = ? ORDER BY m.date DESC, m.id DESC LIMIT 1""",
            [action_id],
        ).fetchone()
        status, revised = latest if latest else (ActionStatus.OPEN.value, None)
        if latest:
            db.execute(
                "UPDATE actions SET status = ?, revised_target = ? WHERE id = ?",
                [status, revised, action_id],
            )
        else:
            db.execute("UPDATE actions SET status = ? WHERE id = ?", [status, action_id])
