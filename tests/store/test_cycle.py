"""Versions sent, comments per person, final minutes and the lock, through the store."""

from __future__ import annotations

import datetime as dt

import pytest

from opsg_desktop.core.cycle import Comment, awaiting_reply
from opsg_desktop.core.errors import ConflictError, NotFoundError
from opsg_desktop.core.model import MeetingStatus
from opsg_desktop.interchange import meeting_from_dict
from opsg_desktop.store.cycle import CycleRecords

REF, NEXT = "OPSG_49_2405", "OPSG_50_0106"
NOW = dt.datetime(2021, 6, 1, 15, 0)


@pytest.fixture
def stored(repository, example_doc):
    repository.save_meeting(meeting_from_dict(example_doc))
    repository.create_next(REF, dt.date(2021, 6, 1), number="50")
    return CycleRecords(repository)


def test_versions_number_up_with_date_and_recipients(stored):
    first = stored.record_version(
        REF, dt.date(2021, 5, 25), ["A <a@example.org>"], dt.date(2021, 6, 1)
    )
    second = stored.record_version(REF, dt.date(2021, 5, 27), ["B <b@example.org>"], None)
    assert (first.label, second.label) == ("v0.1", "v0.2")
    cycle = stored.load(REF)
    assert cycle.versions == [first, second]
    assert cycle.versions[0].recipients == ("A <a@example.org>",)


def test_comments_per_person_and_no_comments_counts(stored, repository):
    stored.record_version(REF, dt.date(2021, 5, 25), [], None)
    meeting = repository.load_meeting(REF)
    members = [p.name for p in meeting.people if p.category]
    assert [p.name for p in awaiting_reply(meeting, stored.load(REF))] == members
    stored.record_comment(REF, Comment(members[0], dt.date(2021, 5, 26), 1, no_comments=True))
    stored.record_comment(REF, Comment(members[1], dt.date(2021, 5, 27), 1, "Item 3: typo."))
    cycle = stored.load(REF)
    assert [(c.person, c.no_comments, c.text) for c in cycle.comments] == [
        (members[0], True, ""),
        (members[1], False, "Item 3: typo."),
    ]
    assert [p.name for p in awaiting_reply(meeting, cycle)] == members[2:]


def test_comment_on_a_version_never_sent_is_refused(stored):
    with pytest.raises(ConflictError, match="no draft v0.1"):
        stored.record_comment(REF, Comment("Alex Rowe", dt.date(2021, 5, 26), 1))


def test_mark_final_sets_status_records_agreement_and_locks(stored, repository):
    stored.mark_final(REF, NEXT, NOW)
    meeting = repository.load_meeting(REF)
    assert meeting.status == MeetingStatus.FINAL
    cycle = stored.load(REF)
    assert (cycle.agreed_at, cycle.locked) == (NEXT, True)
    meeting.location = "Somewhere else"
    with pytest.raises(ConflictError, match="final and locked"):
        repository.save_meeting(meeting, replace=True)
    with pytest.raises(ConflictError, match="final and locked"):
        stored.record_version(REF, dt.date(2021, 6, 2), [], None)
    assert repository.load_meeting(REF).location != "Somewhere else"


def test_unlock_is_recorded_with_its_reason_and_allows_edits(stored, repository):
    stored.mark_final(REF, NEXT, NOW)
    with pytest.raises(ConflictError, match="say why"):
        stored.unlock(REF, "  ", NOW)
    stored.unlock(REF, "Chair asked to correct a name", NOW + dt.timedelta(hours=1))
    cycle = stored.load(REF)
    assert not cycle.locked
    assert [(e.event, e.detail) for e in cycle.history] == [
        ("lock", f"agreed as final at {NEXT}"),
        ("unlock", "Chair asked to correct a name"),
    ]
    meeting = repository.load_meeting(REF)
    meeting.location = "Teams"
    repository.save_meeting(meeting, replace=True)
    assert repository.load_meeting(REF).location == "Teams"
    with pytest.raises(ConflictError, match="not locked"):
        stored.unlock(REF, "again", NOW)


def test_final_must_be_agreed_at_a_later_stored_meeting(stored):
    with pytest.raises(NotFoundError):
        stored.mark_final(REF, "OPSG_51_0107", NOW)
    with pytest.raises(ConflictError, match="not after"):
        stored.mark_final(NEXT, REF, NOW)


def test_the_cycle_follows_a_meeting_whose_date_moves(stored, repository):
    stored.record_version(REF, dt.date(2021, 5, 25), [], None)
    meeting = repository.load_meeting(REF)
    meeting.date = dt.date(2021, 5, 25)
    moved = repository.save_meeting(meeting, previous_reference=REF)
    assert [v.label for v in stored.load(moved).versions] == ["v0.1"]
    assert stored.load(REF).versions == []
