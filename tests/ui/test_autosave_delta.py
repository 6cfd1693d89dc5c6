"""Autosave in proportion to the edit: only what changed is copied and written, one at a time."""

from __future__ import annotations

import threading
import time

import pytest

from opsg_desktop.core.model import ActionBlock, ActionStatus, Person, TextBlock
from opsg_desktop.demo import fill_with_demo
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui.commands import InsertInto, RemoveFrom, SetField
from opsg_desktop.ui.session import MeetingSession


@pytest.fixture
def stored(db_path):
    repository = Repository(db_path)
    fill_with_demo(repository)
    yield repository
    repository.close()


@pytest.fixture
def session(qapp, stored, db_path):
    meeting = stored.load_meeting("OPSG_49_2405")
    made = MeetingSession(db_path, meeting, stored.issued_action_ids(meeting))
    yield made
    made.close()


@pytest.fixture
def written(monkeypatch):
    """Every MeetingChanges the worker writes."""
    seen = []
    original = Repository.save_changes

    def spy(self, changes):
        seen.append(changes)
        return original(self, changes)

    monkeypatch.setattr(Repository, "save_changes", spy)
    return seen


def type_into(session, item, text: str) -> None:
    """What the notes pane does on typing: the item's block list is written back anew."""
    item.blocks = [*item.blocks, TextBlock(text)]
    session.autosaver.schedule()


def test_typing_in_one_item_copies_and_writes_only_that_item(session, stored, written):
    item = session.meeting.agenda[7]
    type_into(session, item, "Members noted the dashboard.")
    assert session.autosaver.save_and_wait()
    assert len(written) == 1 and written[0].whole is None
    assert [i.number for i in written[0].items] == ["8"]
    assert written[0].people is None and written[0].outstanding is None
    assert stored.load_meeting("OPSG_49_2405") == session.meeting


def test_parts_saved_alone_load_back_equal(session, stored, written):
    meeting = session.meeting
    push = session.undo_stack.push
    push(InsertInto(session, meeting.people, 0, Person("Quinn Marsh", "Large Suppliers"),
                    "Add", "people"))  # fmt: skip
    review = meeting.outstanding[0]
    push(SetField(session, review, "update", "Done at last", "Update", "outstanding"))
    push(SetField(session, review, "status", ActionStatus.CLOSED, "Close", "outstanding"))
    block = next(b for b in meeting.agenda[3].blocks if isinstance(b, ActionBlock))
    push(SetField(session, block, "owner", "SECAS", "Owner", "notes"))
    assert session.autosaver.save_and_wait()
    assert all(c.whole is None for c in written)
    assert stored.load_meeting("OPSG_49_2405") == meeting
    logged = {e.action.id: e.action for e in stored.action_log()}
    assert logged[review.action.id].status == ActionStatus.CLOSED
    assert logged[block.id].owner == "SECAS"


def test_an_action_removed_from_the_notes_leaves_the_log(session, stored, written):
    item = next(i for i in session.meeting.agenda if any(
        isinstance(b, ActionBlock) for b in i.blocks))  # fmt: skip
    index, block = next((n, b) for n, b in enumerate(item.blocks) if isinstance(b, ActionBlock))
    session.undo_stack.push(RemoveFrom(session, item.blocks, index, "Remove", "notes"))
    assert session.autosaver.save_and_wait()
    assert written[-1].whole is None
    assert block.id not in {e.action.id for e in stored.action_log()}
    assert stored.load_meeting("OPSG_49_2405") == session.meeting


def test_at_most_one_save_in_flight_and_later_edits_coalesced(qtbot, session, stored, monkeypatch):
    running, most, calls = [0], [0], []
    original = Repository.save_changes
    lock = threading.Lock()

    def slow(self, changes):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        calls.append(changes)
        time.sleep(0.3)
        try:
            return original(self, changes)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(Repository, "save_changes", slow)
    item = session.meeting.agenda[7]
    for n in range(12):
        type_into(session, item, f"Paragraph {n}.")
        session.autosaver.save_soon()
        qtbot.wait(50)
    assert session.autosaver.save_and_wait()
    assert most[0] == 1
    assert len(calls) <= 4  # 12 edits in 0.6 s: coalesced, not queued one by one
    assert [b.text for b in stored.load_meeting("OPSG_49_2405").agenda[7].blocks][-12:] == [
        f"Paragraph {n}." for n in range(12)
    ]


def test_a_file_found_damaged_while_saving_is_not_written_again(qtbot, session, monkeypatch):
    from opsg_desktop.store.errors import DatabaseDamagedError

    calls = []

    def damaged(self, changes):
        calls.append(changes)
        raise DatabaseDamagedError("database disk image is malformed")

    monkeypatch.setattr(Repository, "save_changes", damaged)
    item = session.meeting.agenda[7]
    with qtbot.waitSignal(session.autosaver.failed, timeout=2000) as failed:
        type_into(session, item, "Typed before the damage was found.")
    assert "malformed" in failed.args[0]
    type_into(session, item, "Typed after.")
    qtbot.wait(700)
    assert not session.autosaver.save_and_wait()
    assert len(calls) == 1
    rescued = session.close()
    assert "Typed after." in rescued.read_text(encoding="utf-8")


def test_item_and_meeting_fields_are_saved_without_the_whole_meeting(session, stored, written):
    from opsg_desktop.core.model import MeetingStatus

    meeting = session.meeting
    push = session.undo_stack.push
    item = meeting.agenda[7]
    push(SetField(session, item, "title", "Smart Metering Dashboard", "Rename", "agenda"))
    type_into(session, item, "And typed in the same item.")
    push(SetField(session, meeting, "status", MeetingStatus.FINAL, "Final", "meeting"))
    assert session.autosaver.save_and_wait()
    assert all(c.whole is None for c in written)
    assert stored.load_meeting("OPSG_49_2405") == meeting


def test_a_moved_date_saves_the_whole_meeting_under_its_new_reference(session, stored, written):
    import datetime as dt

    meeting = session.meeting
    session.undo_stack.push(
        SetField(session, meeting, "date", dt.date(2024, 5, 30), "Date", "meeting")
    )
    assert session.autosaver.save_and_wait()
    assert written[-1].whole is not None
    assert [m.reference for m in stored.list_meetings()] == [meeting.reference]
    assert stored.load_meeting(meeting.reference) == meeting


def test_an_edit_made_while_a_save_runs_is_saved_after_it_without_another_edit(
    qtbot, session, stored, monkeypatch
):
    original = Repository.save_changes

    def slow(self, changes):
        time.sleep(0.3)
        return original(self, changes)

    monkeypatch.setattr(Repository, "save_changes", slow)
    item = session.meeting.agenda[7]
    type_into(session, item, "First paragraph.")
    session.autosaver.save_soon()
    type_into(session, item, "Typed while the first was being saved.")
    qtbot.wait(600)  # the timer fires while the first save still runs

    def saved() -> bool:
        texts = [b.text for b in stored.load_meeting("OPSG_49_2405").agenda[7].blocks]
        return "Typed while the first was being saved." in texts

    qtbot.waitUntil(saved, timeout=3000)


def test_a_whole_save_in_flight_writes_the_meeting_as_handed_over(
    qtbot, session, stored, monkeypatch
):
    """The worker gets its own objects: edits made while it writes wait for the next save."""
    import copy

    from opsg_desktop.ui import agenda_commands

    original = Repository.save_changes
    release, seen = threading.Event(), []

    def held(self, changes):
        seen.append(changes)
        release.wait(5)
        return original(self, changes)

    monkeypatch.setattr(Repository, "save_changes", held)
    meeting = session.meeting
    agenda_commands.move_item(session, meeting.agenda, meeting.agenda[7], 2)  # a whole save
    handed_over = copy.deepcopy(meeting)
    session.autosaver.save_soon()
    qtbot.waitUntil(lambda: bool(seen), timeout=2000)
    assert seen[0].whole is not None and seen[0].whole is not meeting
    item = meeting.agenda[2]
    assert seen[0].whole.agenda[2] is not item and seen[0].whole.agenda[2].blocks is not item.blocks
    session.undo_stack.push(
        SetField(session, item, "title", "Renamed meanwhile", "Rename", "agenda")
    )
    item.blocks[0].text = "Changed in place meanwhile"  # what no worker may see half-done
    assert seen[0].whole == handed_over
    release.set()
    qtbot.waitUntil(lambda: not session.autosaver.busy(), timeout=3000)
    assert stored.load_meeting("OPSG_49_2405") == handed_over
    session.touch("notes", item.blocks)
    assert session.autosaver.save_and_wait()
    assert stored.load_meeting("OPSG_49_2405") == meeting
