"""Reading one meeting's rows back into domain objects."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from opsg_desktop.core.model import (
    Action,
    ActionBlock,
    ActionStatus,
    ActionUpdate,
    AgendaItem,
    AttendanceMark,
    Block,
    DecisionBlock,
    Group,
    HeadingBlock,
    Link,
    LinkBlock,
    ListStyle,
    Meeting,
    MeetingKind,
    MeetingStatus,
    NextMeeting,
    OutstandingBlock,
    OutstandingReview,
    Person,
    TextBlock,
)
from opsg_desktop.store.codec import (
    date_in,
    json_in,
    level_in,
    target_in,
    time_in,
)

if TYPE_CHECKING:
    from sqlite_utils import Database


def rows(db: Database, sql: str, params: list | tuple | dict = ()) -> list[dict]:
    """Query results as dicts keyed by column name."""
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _own(table: str, column: str, log: str) -> str:
    """SQL for a meeting's own copy of an action's field (schema v4), or the log's for a
    row written before it (whose ``action_text`` is NULL)."""
    return f"CASE WHEN {table}.action_text IS NULL THEN {log} ELSE {table}.{column} END"


def read_group(db: Database, group_id: int) -> Group:
    row = rows(db, "SELECT * FROM groups WHERE id = ?", [group_id])[0]
    return Group(
        name=row["name"],
        abbreviation=row["abbreviation"],
        categories=json_in(row["categories"], []),
        decision_verbs=json_in(row["decision_verbs"], []),
        wordings=json_in(row["wordings"]),
        organisations=json_in(row.get("organisations"), []),
    )


def read_meeting(db: Database, row: dict) -> Meeting:
    """The whole meeting whose ``meetings`` row is ``row``."""
    group = read_group(db, row["group_id"])
    if row.get("group_name") is not None:  # the group as this meeting had it (schema v4)
        group.name = row["group_name"]
        group.categories = json_in(row["categories"], [])
        group.decision_verbs = json_in(row["decision_verbs"], [])
        group.wordings = json_in(row["wordings"])
    if row.get("organisations") is not None:  # schema v5
        group.organisations = json_in(row["organisations"], [])
    return Meeting(
        group=group,
        number=row["number"],
        date=date_in(row["date"]),
        kind=MeetingKind(row["kind"]),
        start=time_in(row["start"]),
        end=time_in(row["end"]),
        location=row["location"],
        classification=level_in(row["classification"]),
        status=MeetingStatus(row["status"]),
        next_meetings=[
            NextMeeting(MeetingKind(n["kind"]), date_in(n["date"]))
            for n in json_in(row["next_meetings"], [])
        ],
        people=_read_people(db, row["id"]),
        agenda=_read_agenda(db, row["id"]),
        outstanding=_read_reviews(db, row["id"]),
    )


def _read_people(db: Database, meeting_id: int) -> list[Person]:
    found = rows(
        db,
        "SELECT * FROM attendances WHERE meeting_id = ? ORDER BY position",
        [meeting_id],
    )
    return [
        Person(
            name=r["name"],
            category=r["category"],
            organisation=r["organisation"],
            role=r["role"],
            alternate_for=r["alternate_for"],
            items=json_in(r["items"], []),
            email=r["email"],
            attendance=AttendanceMark(r["mark"]),
        )
        for r in found
    ]


def _read_agenda(db: Database, meeting_id: int) -> list[AgendaItem]:
    items = rows(
        db, "SELECT * FROM agenda_items WHERE meeting_id = ? ORDER BY position", [meeting_id]
    )
    blocks = rows(
        db,
        f"""SELECT b.*, {_own("b", "action_text", "a.text")} AS a_text,
                  {_own("b", "action_owner", "a.owner")} AS owner,
                  {_own("b", "action_target", "a.target")} AS target,
                  {_own("b", "action_topic", "a.topic")} AS topic,
                  {_own("b", "classification", "a.classification")} AS a_level
           FROM blocks b JOIN agenda_items i ON i.id = b.item_id
           LEFT JOIN actions a ON a.id = b.action_id
           WHERE i.meeting_id = ? ORDER BY b.position""",
        [meeting_id],
    )
    by_id = {r["id"]: _item(r) for r in items}
    for block in blocks:
        by_id[block["item_id"]].blocks.append(_block(block))
    top: list[AgendaItem] = []
    for r in items:
        parent = by_id[r["parent_id"]].items if r["parent_id"] else top
        parent.append(by_id[r["id"]])
    return top


def _item(r: dict) -> AgendaItem:
    return AgendaItem(
        number=r["number"],
        title=r["title"],
        presenter=r["presenter"],
        classification=level_in(r["classification"]),
        headline=r["headline"],
    )


def _block(r: dict) -> Block:
    level = level_in(r["classification"])
    match r["kind"]:
        case "text":
            return TextBlock(
                text=r["text"],
                list_style=ListStyle(r["list_style"]) if r["list_style"] else None,
                links=[Link(k["text"], k["url"]) for k in json_in(r["links"], [])],
                classification=level,
            )
        case "heading":
            return HeadingBlock(r["text"], level)
        case "decision":
            return DecisionBlock(r["verb"], r["text"], level)
        case "action":
            return ActionBlock(
                text=r["a_text"],
                owner=r["owner"],
                target=target_in(r["target"]),
                topic=r["topic"],
                classification=level_in(r["a_level"]),
                id=r["action_id"],
            )
        case "link":
            return LinkBlock(r["text"], r["url"], level)
        case "outstanding":
            return OutstandingBlock(level)
    raise ValueError(f"unknown block kind {r['kind']!r}")


def read_updates(db, selected: str, params=()) -> dict[str, list[ActionUpdate]]:
    """Every update recorded of the actions whose ids ``selected`` (SQL) gives, by action
    id, oldest first (meeting date, then meeting).  ``db`` is a Database or a connection."""
    found = db.execute(
        f"""SELECT r.action_id, r.update_text, r.status, r.revised_target, m.reference, m.date
            FROM action_reviews r JOIN meetings m ON m.id = r.meeting_id
            WHERE r.action_id IN ({selected}) ORDER BY m.date, m.id""",
        params,
    )
    updates: dict[str, list[ActionUpdate]] = {}
    days: dict[str, dt.date] = {}  # one per meeting, however many updates it holds
    statuses = {status.value: status for status in ActionStatus}
    for action_id, text, status, revised, reference, day in found:
        if day not in days:
            days[day] = date_in(day)
        updates.setdefault(action_id, []).append(
            ActionUpdate(reference, days[day], text, statuses[status], target_in(revised))
        )
    return updates


def action_from_row(r: dict) -> Action:
    """An action of the log from an ``actions`` row (revised target as stored there)."""
    return Action(
        id=r["id"],
        text=r["text"],
        owner=r["owner"],
        raised=date_in(r["raised"]),
        target=target_in(r["target"]),
        revised_target=target_in(r["revised_target"]),
        topic=r["topic"],
        classification=level_in(r["classification"]),
        status=ActionStatus(r["status"]),
    )


def _read_reviews(db: Database, meeting_id: int) -> list[OutstandingReview]:
    found = rows(
        db,
        f"""SELECT a.id, a.status,
                  {_own("r", "action_text", "a.text")} AS text,
                  {_own("r", "action_owner", "a.owner")} AS owner,
                  {_own("r", "action_topic", "a.topic")} AS topic,
                  {_own("r", "action_raised", "a.raised")} AS raised,
                  {_own("r", "action_target", "a.target")} AS target,
                  {_own("r", "action_classification", "a.classification")} AS classification,
                  r.update_text, r.status AS r_status, r.revised_target AS r_revised
           FROM action_reviews r JOIN actions a ON a.id = r.action_id
           WHERE r.meeting_id = ? ORDER BY r.position""",
        [meeting_id],
    )
    reviews = []
    for r in found:
        action = action_from_row(r | {"revised_target": r["r_revised"], "status": r["r_status"]})
        reviews.append(
            OutstandingReview(action=action, update=r["update_text"], status=action.status)
        )
    return reviews
