"""Writing one meeting's rows: attendance, agenda, blocks, actions, reviews.

Every function here runs inside the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from sqlite_utils import Database


def upsert_group(db: Database, group: Group, *, refresh: bool = True) -> int:
    """The group's row id, creating the row, or refreshing it when ``refresh``.

    The row holds the group as its newest meeting has it (what a new meeting
    starts from); each meeting keeps its own copy in its own row.
    """
    values = {
        "abbreviation": group.abbreviation,
        "name": group.name,
        "categories": json_out(group.categories),
        "decision_verbs": json_out(group.decision_verbs),
        "wordings": None if group.wordings is None else json_out(group.wordings),
        "organisations": json_out(group.organisations),
    }
    row = db.execute(
        "SELECT id FROM groups WHERE abbreviation = ?", [group.abbreviation]
    ).fetchone()
    if row:
        if refresh:
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
        # The group as this meeting had it: another meeting's import never changes it.
        "group_name": meeting.group.name,
        "categories": json_out(meeting.group.categories),
        "decision_verbs": json_out(meeting.group.decision_verbs),
        "wordings": None if meeting.group.wordings is None else json_out(meeting.group.wordings),
        "organisations": json_out(meeting.group.organisations),
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
    """Items, sub-items and their blocks; action blocks also reach the log.

    The blocks go in as one batch (``insert_all``): a row at a time through
    sqlite-utils cost half of a whole save of a long meeting.
    """
    blocks: list[dict] = []

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
                blocks.append({"item_id": item_id, "position": block_position, **row})
            insert(item.items, item_id)

    insert(meeting.agenda, None)
    if blocks:
        db["blocks"].insert_all(blocks)


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
        case ActionBlock():  # the action as this meeting raised it (the log may move on)
            row |= {
                "kind": "action",
                "action_id": block.id,
                "action_text": block.text,
                "action_owner": block.owner,
                "action_target": target_out(block.target),
                "action_topic": block.topic,
            }
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
    """Record an action raised at ``meeting`` in the log, keeping its status.

    An action already in the log takes these values only if no later meeting
    mentions it (``refresh_action_state`` decides, after the whole meeting is written).
    """
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
        db["actions"].update(block.id, {"meeting_id": meeting_id, "raised": values["raised"]})
    else:
        db["actions"].insert({"id": block.id, "status": ActionStatus.OPEN.value, **values})


def insert_reviews(
    db: Database, meeting_id: int, group_id: int, reviews: list[OutstandingReview]
) -> None:
    """The outstanding table: each row keeps the action as this meeting showed it and the
    update recorded here; an action new to the log enters it."""
    rows = []
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
        if not db.execute("SELECT 1 FROM actions WHERE id = ?", [action.id]).fetchone():
            db["actions"].insert(
                {
                    "id": action.id,
                    "status": review.status.value,
                    "revised_target": target_out(action.revised_target),
                    **values,
                }
            )
        rows.append(
            {
                "meeting_id": meeting_id,
                "action_id": action.id,
                "position": position,
                "update_text": review.update,
                "status": review.status.value,
                "revised_target": target_out(action.revised_target),
                "action_text": action.text,
                "action_owner": action.owner,
                "action_topic": action.topic,
                "action_raised": date_out(action.raised),
                "action_target": target_out(action.target),
                "action_classification": level_out(action.classification),
            }
        )
    if rows:  # one batch: a row at a time through sqlite-utils was most of the cost
        db["action_reviews"].insert_all(rows)


#: Every meeting's mention of the actions named, the newest first for each (n = 1).
_LATEST_MENTIONS = """
SELECT id, text, owner, topic, target, classification FROM (
    SELECT *, ROW_NUMBER() OVER (
        PARTITION BY id ORDER BY day DESC, meeting DESC, reviewed DESC) AS n
    FROM (
        SELECT r.action_id AS id, r.action_text AS text, r.action_owner AS owner,
               r.action_topic AS topic, r.action_target AS target,
               r.action_classification AS classification,
               m.date AS day, m.id AS meeting, 1 AS reviewed
        FROM action_reviews r JOIN meetings m ON m.id = r.meeting_id
        WHERE r.action_id IN ({ids}) AND r.action_text IS NOT NULL
        UNION ALL
        SELECT b.action_id, b.action_text, b.action_owner, b.action_topic, b.action_target,
               b.classification, m.date, m.id, 0
        FROM blocks b JOIN agenda_items i ON i.id = b.item_id
        JOIN meetings m ON m.id = i.meeting_id
        WHERE b.action_id IN ({ids}) AND b.action_text IS NOT NULL
    )
) WHERE n = 1
"""

#: The newest review of each action named (n = 1).
_LATEST_REVIEWS = """
SELECT id, status, revised_target FROM (
    SELECT r.action_id AS id, r.status, r.revised_target, ROW_NUMBER() OVER (
        PARTITION BY r.action_id ORDER BY m.date DESC, m.id DESC) AS n
    FROM action_reviews r JOIN meetings m ON m.id = r.meeting_id
    WHERE r.action_id IN ({ids})
) WHERE n = 1
"""

#: Actions refreshed per query: well under SQLite's limit of bound values.
_CHUNK = 400


def refresh_action_state(db: Database, action_ids: list[str]) -> None:
    """Set each log entry from the latest meeting that mentions it.

    Words, owner, topic, target and level come from the newest mention (the
    meeting that raised it, or a later one whose table showed it); status and
    revised target from the newest review.  No meeting's own record changes.
    A few queries per 400 actions, not three per action: without an index on
    ``blocks.action_id`` each query reads every block of the history.
    """
    for start in range(0, len(action_ids), _CHUNK):
        chunk = action_ids[start : start + _CHUNK]
        ids = ", ".join("?" * len(chunk))
        mentions = db.execute(_LATEST_MENTIONS.format(ids=ids), [*chunk, *chunk]).fetchall()
        reviews = {
            r[0]: r[1:] for r in db.execute(_LATEST_REVIEWS.format(ids=ids), chunk).fetchall()
        }
        db.conn.executemany(
            """UPDATE actions SET text = ?, owner = ?, topic = ?, target = ?,
               classification = ? WHERE id = ?""",
            [(*found[1:], found[0]) for found in mentions],
        )
        db.conn.executemany(
            "UPDATE actions SET status = ?, revised_target = ? WHERE id = ?",
            [(*reviews[i], i) for i in chunk if i in reviews],
        )
        db.conn.executemany(
            "UPDATE actions SET status = ? WHERE id = ?",
            [(ActionStatus.OPEN.value, i) for i in chunk if i not in reviews],
        )
