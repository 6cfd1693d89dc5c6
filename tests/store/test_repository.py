"""Saving and loading meetings, the action log, search and the next meeting."""

import datetime as dt

import pytest

from opsg_desktop.core.errors import ConflictError, NotFoundError
from opsg_desktop.core.model import ActionBlock, ActionStatus, MeetingKind
from opsg_desktop.interchange import meeting_from_dict


def test_a_saved_meeting_loads_back_equal(repository, demo_doc):
    meeting = meeting_from_dict(demo_doc)
    reference = repository.save_meeting(meeting)
    assert reference == "OPSG_49_2405"
    assert repository.load_meeting(reference) == meeting


def test_saving_numbers_unnumbered_actions(repository, example_doc):
    meeting = meeting_from_dict(example_doc)
    repository.save_meeting(meeting)
    loaded = repository.load_meeting("OPSG_49_2405")
    ids = [b.id for i in loaded.agenda for b in i.blocks if isinstance(b, ActionBlock)]
    assert ids == ["OPSG 49/01"]


def test_a_duplicate_reference_is_refused_and_nothing_changes(repository, example_doc):
    repository.save_meeting(meeting_from_dict(example_doc))
    changed = meeting_from_dict(example_doc)
    changed.location = "Somewhere else"
    with pytest.raises(ConflictError, match="OPSG_49_2405 is already in the database"):
        repository.save_meeting(changed)
    assert repository.load_meeting("OPSG_49_2405").location == "Teleconference"


def test_replace_overwrites_the_meeting_and_forgets_dropped_actions(repository, demo_doc):
    repository.save_meeting(meeting_from_dict(demo_doc))
    demo_doc["agenda"][2]["blocks"] = [
        b for b in demo_doc["agenda"][2]["blocks"] if "action" not in b
    ]
    demo_doc["meeting"]["location"] = "Video call"
    repository.save_meeting(meeting_from_dict(demo_doc), replace=True)
    assert repository.load_meeting("OPSG_49_2405").location == "Video call"
    ids = {e.action.id for e in repository.action_log(open_only=False)}
    assert "OPSG 49/01" not in ids and "OPSG 49/07" in ids
    assert len(repository.list_meetings()) == 1


def test_a_meeting_number_used_under_another_date_is_refused(repository, example_doc):
    repository.save_meeting(meeting_from_dict(example_doc))
    example_doc["meeting"]["date"] = "2021-05-25"
    with pytest.raises(ConflictError, match="number 49 is already used by OPSG_49_2405"):
        repository.save_meeting(meeting_from_dict(example_doc))


def test_unknown_meeting_names_the_list_command(repository):
    with pytest.raises(NotFoundError, match="no meeting OPSG_1_0101.*opsg-desktop list"):
        repository.load_meeting("OPSG_1_0101")


def test_action_log_has_status_from_the_latest_review_and_filters(repository, demo_doc):
    repository.save_meeting(meeting_from_dict(demo_doc))
    log = {e.action.id: e for e in repository.action_log()}
    assert log["OPSG 43/07"].action.status is ActionStatus.CLOSED
    assert log["OPSG 47/08"].action.revised_target == "Revised date to be determined by DCC"
    assert [u.meeting_reference for u in log["OPSG 47/08"].updates] == ["OPSG_49_2405"]
    assert log["OPSG 49/01"].raised_at == "OPSG_49_2405"
    open_ids = [e.action.id for e in repository.action_log(open_only=True)]
    assert "OPSG 43/07" not in open_ids and "OPSG 47/08" in open_ids
    secas = repository.action_log(owner="secas")
    assert secas and {e.action.owner for e in secas} == {"SECAS"}


def test_action_log_is_in_id_order(repository, demo_doc):
    repository.save_meeting(meeting_from_dict(demo_doc))
    ids = [e.action.id for e in repository.action_log()]
    assert ids[:4] == ["OPSG 43/07", "OPSG 45/CONF02", "OPSG 45/CONF03", "OPSG 47/08"]
    assert ids[4] == "OPSG 49/01"


def test_list_meetings_counts_raised_and_open_actions(repository, demo_doc):
    repository.save_meeting(meeting_from_dict(demo_doc))
    [summary] = repository.list_meetings()
    assert (summary.reference, summary.kind, summary.status) == ("OPSG_49_2405", "main", "draft")
    assert (summary.actions_raised, summary.actions_open) == (20, 20)


def test_next_meeting_carries_every_open_action_and_no_closed_one(repository, demo_doc):
    repository.save_meeting(meeting_from_dict(demo_doc))
    nxt = repository.create_next("OPSG_49_2405", dt.date(2021, 6, 1))
    carried = [r.action.id for r in nxt.outstanding]
    assert carried[:3] == ["OPSG 45/CONF02", "OPSG 47/08", "OPSG 45/CONF03"]
    assert carried[3:] == [f"OPSG 49/{n:02d}" for n in range(1, 21)]
    assert "OPSG 43/07" not in carried
    stored = repository.load_meeting("OPSG_50_0106")
    assert [r.action.id for r in stored.outstanding] == carried
    assert stored.outstanding[1].action.revised_target == "Revised date to be determined by DCC"


def test_next_meeting_must_come_later_and_not_exist(repository, demo_doc):
    repository.save_meeting(meeting_from_dict(demo_doc))
    with pytest.raises(ConflictError, match="must come after"):
        repository.create_next("OPSG_49_2405", dt.date(2021, 5, 1))
    repository.create_next("OPSG_49_2405", dt.date(2021, 6, 1))
    with pytest.raises(ConflictError):
        repository.create_next("OPSG_49_2405", dt.date(2021, 6, 1))
    nxt = repository.create_next("OPSG_49_2405", dt.date(2021, 6, 9), MeetingKind.EXTRAORDINARY)
    assert nxt.reference == "OPSG_49x_0906"


def test_a_review_at_the_next_meeting_closes_the_action(repository, demo_doc):
    repository.save_meeting(meeting_from_dict(demo_doc))
    nxt = repository.create_next("OPSG_49_2405", dt.date(2021, 6, 1))
    nxt.outstanding[1].status = ActionStatus.CLOSED
    nxt.outstanding[1].update = "Workshop held."
    repository.save_meeting(nxt, replace=True)
    entry = {e.action.id: e for e in repository.action_log()}["OPSG 47/08"]
    assert entry.action.status is ActionStatus.CLOSED
    assert [u.text for u in entry.updates] == [
        "The DCC reported that it will propose a workshop in June to discuss the High-Level "
        "Requirements.\n\nThe OPSG noted that this action to remain open until an approach and "
        "process for reviewing the High-Level Requirements are presented.",
        "Workshop held.",
    ]
    assert repository.load_meeting("OPSG_49_2405").outstanding[2].status is ActionStatus.OPEN


def test_replacing_a_meeting_cannot_drop_an_action_reviewed_later(repository, demo_doc):
    repository.save_meeting(meeting_from_dict(demo_doc))
    repository.create_next("OPSG_49_2405", dt.date(2021, 6, 1))
    demo_doc["agenda"][2]["blocks"] = [
        b for b in demo_doc["agenda"][2]["blocks"] if "action" not in b
    ]
    with pytest.raises(ConflictError, match="OPSG 49/01 was raised at the meeting being replaced"):
        repository.save_meeting(meeting_from_dict(demo_doc), replace=True)
    assert len(repository.load_meeting("OPSG_49_2405").agenda[2].blocks) > 20


def test_search_ranks_and_locates_notes_actions_and_updates(repository, demo_doc):
    repository.save_meeting(meeting_from_dict(demo_doc))
    hits = repository.search("workshop")
    assert {h.where for h in hits} == {"update to OPSG 47/08"}
    places = [h.where for h in repository.search("glossary fault attribute")]
    assert places[0] == "action OPSG 49/05"
    assert "item 3" in places
    assert repository.search('"unbalanced AND (') == []  # FTS syntax is escaped, not an error
    assert repository.search("") == []


def test_known_people_and_owners_for_completion(repository, demo_doc):
    repository.save_meeting(meeting_from_dict(demo_doc))
    people = {p.name: p for p in repository.known_people()}
    secretary = next(p for p in people.values() if p.role == "Meeting Secretary")
    assert secretary.organisation == "SECAS" and secretary.email
    assert len(people) == len(demo_doc["people"])
    assert {"DCC", "SECAS", "OPSG", "BEIS"} <= set(repository.known_owners())


def test_issued_action_ids_of_a_meeting(repository, demo_doc):
    meeting = meeting_from_dict(demo_doc)
    repository.save_meeting(meeting)
    issued = repository.issued_action_ids(meeting)
    assert len(issued) == 20 and all(i.startswith("OPSG 49/") for i in issued)


def test_a_dropped_actions_number_is_never_given_again(repository, demo_doc):
    repository.save_meeting(meeting_from_dict(demo_doc))
    item_9 = demo_doc["agenda"][8]["blocks"]
    demo_doc["agenda"][8]["blocks"] = [b for b in item_9 if "action" not in b]  # drops 49/20
    demo_doc["agenda"][9]["blocks"].append({"action": {"text": "The DCC to write back."}})
    repository.save_meeting(meeting_from_dict(demo_doc), replace=True)
    ids = [e.action.id for e in repository.action_log()]
    assert "OPSG 49/20" not in ids and "OPSG 49/21" in ids


def test_a_meeting_whose_date_moved_replaces_its_old_row(repository, demo_doc):
    repository.save_meeting(meeting_from_dict(demo_doc))
    moved = meeting_from_dict(demo_doc)
    moved.date = dt.date(2021, 5, 25)
    repository.save_meeting(moved, replace=True, previous_reference="OPSG_49_2405")
    assert [m.reference for m in repository.list_meetings()] == ["OPSG_49_2505"]
    assert {e.raised_at for e in repository.action_log() if e.raised_at} == {"OPSG_49_2505"}


def test_a_date_cannot_move_onto_another_meeting(repository, demo_doc):
    repository.save_meeting(meeting_from_dict(demo_doc))
    repository.create_next("OPSG_49_2405", dt.date(2021, 6, 1))
    clash = repository.load_meeting("OPSG_50_0106")
    clash.number = "49"
    clash.date = dt.date(2021, 5, 24)
    clash.outstanding = []  # 49's own actions cannot be outstanding at 49
    with pytest.raises(ConflictError, match="OPSG_49_2405 already exists: another meeting"):
        repository.save_meeting(clash, replace=True, previous_reference="OPSG_50_0106")
    assert len(repository.list_meetings()) == 2


def test_the_log_follows_the_latest_meeting_for_hundreds_of_actions(repository, demo_doc):
    """More actions than one refresh query takes (store.meeting_writer): each entry still
    takes its words from the newest mention and its status from the newest review."""
    import copy

    meeting = meeting_from_dict(demo_doc)
    template = meeting.outstanding[0]
    meeting.outstanding = []
    for n in range(450):
        review = copy.deepcopy(template)
        review.action.id = f"OPSG {n // 90 + 1}/{n % 90 + 1:02d}"
        review.action.text = f"Report number {n}"
        meeting.outstanding.append(review)
    repository.save_meeting(meeting)
    nxt = repository.create_next("OPSG_49_2405", dt.date(2021, 6, 1))
    for n, review in enumerate(nxt.outstanding):
        if review.action.id.startswith("OPSG 49/"):
            continue
        review.action.text = f"Report number {n}, reworded"
        review.status = ActionStatus.CLOSED if n % 2 else ActionStatus.OPEN
    repository.save_meeting(nxt, replace=True)
    repository.save_meeting(meeting, replace=True)  # the older meeting saved again: no change
    log = {e.action.id: e.action for e in repository.action_log()}
    for n, review in enumerate(nxt.outstanding):
        if review.action.id.startswith("OPSG 49/"):
            continue
        assert log[review.action.id].text == f"Report number {n}, reworded"
        assert log[review.action.id].status is review.status
