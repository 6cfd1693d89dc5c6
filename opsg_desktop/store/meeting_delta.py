"""Saving only what changed in an open meeting: some items' notes, the roster, the reviews.

The window's autosave sends a :class:`MeetingChanges`: either a whole meeting
(after a change of its shape: items added, moved, renumbered, or its date) or
just the parts an edit touched.  Writing a part costs what the part holds,
not what the meeting holds, so a keystroke in a ten-times meeting is as cheap
to save as one in a small meeting.  Items are found by their place in the
agenda (indices from the top), which the last whole save wrote.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from opsg_desktop.core.errors import NotFoundError
from opsg_desktop.core.model import (
    ActionBlock,
    AgendaItem,
    Block,
    Meeting,
    OutstandingReview,
    Person,
)
from opsg_desktop.core.numbering import assign_action_ids
from opsg_desktop.core.rules import validate_meeting
from opsg_desktop.store import meeting_writer as writer
from opsg_desktop.store.codec import level_out

if TYPE_CHECKING:
    from sqlite_utils import Database

#: An item's place: its index at the top level, then within each parent's sub-items.
Path = tuple[int, ...]


@dataclass
class ItemNotes:
    """The blocks of the item at ``path`` (a copy the UI thread no longer touches)."""

    path: Path
    number: str
    title: str
    blocks: list[Block]


@dataclass
class ItemFields:
    """The fields of the item at ``path`` other than its notes and sub-items."""

    path: Path
    item: AgendaItem  # a copy without blocks or sub-items


@dataclass
class MeetingChanges:
    """What one autosave writes; ``whole`` set means everything (``previous_reference`` too)."""

    reference: str
    whole: Meeting | None = None
    previous_reference: str | None = None
    header: Meeting | None = None  # group, number and date (no agenda), for ids and checks
    items: list[ItemNotes] = field(default_factory=list)
    people: list[Person] | None = None
    outstanding: list[OutstandingReview] | None = None
    item_fields: list[ItemFields] = field(default_factory=list)
    #: The meeting's own fields (status, level, times…; never its reference) changed.
    header_changed: bool = False

    @property
    def size(self) -> int:
        """Roughly how many rows the save writes (for tests and benchmarks)."""
        if self.whole is not None:
            return -1
        return (
            sum(len(i.blocks) for i in self.items)
            + len(self.item_fields)
            + len(self.people or [])
            + len(self.outstanding or [])
        )


def pack(changes: MeetingChanges) -> bytes:
    """``changes`` as bytes, made in one step by the thread that owns the open meeting.

    The changes may refer to the open meeting's own objects; the bytes share
    nothing with them, so the worker that :func:`unpack` s them can never see
    a half-edited meeting, nor clean the open one in place.  Pickling costs
    about a quarter of ``copy.deepcopy`` (7.6 against 31 ms for a whole
    meeting ten times the normal size, ``bench/bench_autosave.py``).  The
    bytes never leave the process.
    """
    import pickle  # (off the start path: the first save needs it)

    return pickle.dumps(changes, pickle.HIGHEST_PROTOCOL)


def unpack(data: bytes) -> MeetingChanges:
    """The :class:`MeetingChanges` that :func:`pack` made: objects of the caller's own."""
    import pickle

    changes = pickle.loads(data)  # only ever this process's own pack()
    if not isinstance(changes, MeetingChanges):
        raise TypeError("not packed MeetingChanges")
    return changes


def partial_meeting(changes: MeetingChanges) -> Meeting:
    """A meeting holding only the changed parts, for the rules and the id numbering."""
    by_path = {i.path: AgendaItem(i.number, i.title, blocks=i.blocks) for i in changes.items}
    for fields in changes.item_fields:  # one item, not two, when its notes changed too
        if fields.path in by_path:
            fields.item.blocks = by_path[fields.path].blocks
        by_path[fields.path] = fields.item
    items = list(by_path.values())
    if changes.header is None:
        raise ValueError("a partial save needs the meeting's header")
    return dataclasses.replace(
        changes.header,
        agenda=items,
        people=changes.people or [],
        outstanding=changes.outstanding or [],
    )


def write_changes(db: Database, repository, changes: MeetingChanges) -> None:
    """Write the changed parts inside the caller's transaction (``Repository.save_changes``).

    Raises NotFoundError when the meeting or an item's place is not stored
    (the caller then saves the whole meeting), ValidationError from the rules.
    """
    meeting = validate_meeting(partial_meeting(changes))
    row = db.execute(
        "SELECT id, group_id FROM meetings WHERE reference = ?", [changes.reference]
    ).fetchone()
    if row is None:
        raise NotFoundError(f"{changes.reference} is not stored yet")
    meeting_id, group_id = row
    if changes.header_changed:
        values = writer.meeting_values(meeting, group_id)
        if values["reference"] != changes.reference:
            raise NotFoundError(f"{changes.reference} moved; save it whole")
        db["meetings"].update(meeting_id, values)
    for fields in changes.item_fields:
        item = fields.item
        db["agenda_items"].update(
            _item_id(db, meeting_id, fields.path),
            {"number": item.number, "title": item.title, "presenter": item.presenter,
             "classification": level_out(item.classification), "headline": item.headline},
        )  # fmt: skip
    if changes.people is not None:
        db.execute("DELETE FROM attendances WHERE meeting_id = ?", [meeting_id])
        writer.insert_people(db, meeting_id, meeting.people)
    if changes.items:
        _write_items(db, repository, meeting, meeting_id, group_id, changes.items)
    if changes.outstanding is not None:
        _write_reviews(db, repository, meeting, meeting_id, group_id)
    db.execute(
        "UPDATE meetings SET modified = ? WHERE id = ?",
        [dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), meeting_id],
    )


def _write_items(db, repository, meeting: Meeting, meeting_id, group_id, items) -> None:
    assign_action_ids(meeting, repository.issued_action_ids(meeting))
    repository._record_issued(meeting)
    dropped: list[str] = []
    own: set[str] = set()
    for notes, item in zip(items, meeting.agenda[: len(items)], strict=True):
        item_id = _item_id(db, meeting_id, notes.path)
        before = {
            r[0]
            for r in db.execute(
                "SELECT action_id FROM blocks WHERE item_id = ? AND action_id IS NOT NULL",
                [item_id],
            ).fetchall()
        }
        db.execute("DELETE FROM blocks WHERE item_id = ?", [item_id])
        rows = []
        for position, block in enumerate(item.blocks):
            if isinstance(block, ActionBlock):
                writer.upsert_raised_action(db, block, meeting, meeting_id, group_id)
            rows.append({"item_id": item_id, "position": position, **writer.block_row(block)})
        db["blocks"].insert_all(rows)
        kept = {b.id for b in item.blocks if isinstance(b, ActionBlock) and b.id}
        dropped += sorted(before - kept)
        own |= kept
    still_used = {
        r[0]
        for r in db.execute(
            """SELECT b.action_id FROM blocks b JOIN agenda_items i ON i.id = b.item_id
               WHERE i.meeting_id = ? AND b.action_id IS NOT NULL""",
            [meeting_id],
        ).fetchall()
    }
    gone = [i for i in dropped if i not in still_used]  # moved to another item is not gone
    if gone:
        db.conn.executemany(
            "UPDATE actions SET meeting_id = NULL WHERE id = ?", [(i,) for i in gone]
        )
        repository._drop_orphans(gone, [])
    # The log follows the latest meeting that mentions each action (store.meeting_writer).
    writer.refresh_action_state(db, sorted(own | (set(dropped) - set(gone))))


def _write_reviews(db, repository, meeting: Meeting, meeting_id, group_id) -> None:
    reviewed = [
        r[0]
        for r in db.execute(
            "SELECT action_id FROM action_reviews WHERE meeting_id = ?", [meeting_id]
        ).fetchall()
    ]
    db.execute("DELETE FROM action_reviews WHERE meeting_id = ?", [meeting_id])
    writer.insert_reviews(db, meeting_id, group_id, meeting.outstanding)
    repository._drop_orphans([], reviewed)
    touched = {r.action.id for r in meeting.outstanding} | set(reviewed)
    writer.refresh_action_state(db, sorted(touched))


def _item_id(db: Database, meeting_id: int, path: Path) -> int:
    parent: int | None = None
    for index in path:
        found = db.execute(
            """SELECT id FROM agenda_items
               WHERE meeting_id = ? AND parent_id IS ? AND position = ?""",
            [meeting_id, parent, index],
        ).fetchone()
        if found is None:
            raise NotFoundError(f"no agenda item at {path} of meeting {meeting_id}")
        parent = int(found[0])
    if parent is None:
        raise NotFoundError(f"an empty place {path} in meeting {meeting_id}")
    return parent
