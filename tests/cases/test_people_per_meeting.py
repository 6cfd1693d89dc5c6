"""Kind: one meeting's import or edit rewrites another's people (cases same-name-meeting-a/b).

What a meeting records about a person (the name as spelled there, category
or organisation, role, email, attendance, items) belongs to that meeting.
"""

from __future__ import annotations

import json

import pytest

from opsg_desktop.interchange import dumps, meeting_from_dict
from tests.cases.helpers import case, cli, write

A, B = "OPSG_61_1403", "OPSG_62_1104"


def _dump(capsys, db, reference) -> dict:
    code, out, _ = cli(capsys, "--db", db, "dump", reference)
    assert code == 0
    return json.loads(out)


@pytest.mark.parametrize(
    "spelling", ["Sam Patel", "SAM PATEL", "sam patel", "Sam  Patel", "Sa\u0301m Patel"]
)
def test_importing_meeting_b_leaves_meeting_a_as_it_was(capsys, tmp_path, spelling):
    db = tmp_path / "db.sqlite3"
    cli(capsys, "--db", db, "import", write(tmp_path, case("same-name-meeting-a"), "a.json"))
    before = _dump(capsys, db, A)
    b = case("same-name-meeting-b")
    b["people"][2]["name"] = spelling
    assert cli(capsys, "--db", db, "import", write(tmp_path, b, "b.json"))[0] == 0
    assert _dump(capsys, db, A) == before
    sam = _dump(capsys, db, B)["people"][2]
    assert sam["organisation"] == "DCC" and sam["email"] == "s.patel@dcc.example"
    assert sam["name"] == " ".join(spelling.split())  # the spelling it was given there


def test_the_reported_case(capsys, tmp_path):
    db = tmp_path / "db.sqlite3"
    cli(capsys, "--db", db, "import", write(tmp_path, case("same-name-meeting-a"), "a.json"))
    cli(capsys, "--db", db, "import", write(tmp_path, case("same-name-meeting-b"), "b.json"))
    sam = _dump(capsys, db, A)["people"][2]
    assert sam == {
        "name": "Sam Patel",
        "category": "Large Suppliers",
        "email": "sam.patel@supplier.example",
    }


def test_replacing_or_editing_one_meeting_leaves_the_other_alone(capsys, tmp_path, repository):
    repository.save_meeting(meeting_from_dict(case("same-name-meeting-a")))
    repository.save_meeting(meeting_from_dict(case("same-name-meeting-b")))
    a_before = dumps(repository.load_meeting(A))
    b = repository.load_meeting(B)
    for person in b.people:
        person.name = person.name.upper()
        person.email = "changed@example.org"
        person.role = "Changed"
    repository.save_meeting(b, replace=True)
    assert dumps(repository.load_meeting(A)) == a_before
    a = repository.load_meeting(A)
    a.people[2].email = None
    repository.save_meeting(a, replace=True)
    assert [p.email for p in repository.load_meeting(B).people] == ["changed@example.org"] * 3


def test_completion_offers_each_person_as_last_seen(repository):
    repository.save_meeting(meeting_from_dict(case("same-name-meeting-a")))
    repository.save_meeting(meeting_from_dict(case("same-name-meeting-b")))
    sam = [p for p in repository.known_people() if p.name == "Sam Patel"]
    assert len(sam) == 1 and sam[0].organisation == "DCC" and sam[0].email == "s.patel@dcc.example"


def test_a_name_twice_on_one_roster_in_any_spelling_is_refused_with_its_place(capsys, tmp_path):
    doc = case("same-name-meeting-a")
    doc["people"].append({"name": "SAM  PATEL", "organisation": "DCC"})
    code, _, err = cli(capsys, "--db", tmp_path / "db.sqlite3", "import", write(tmp_path, doc))
    assert code == 1
    assert 'people[3].name: "SAM PATEL" is listed twice (also at people[2])' in err


def test_importing_meeting_b_leaves_meeting_as_group_as_it_was(capsys, tmp_path):
    """The same kind for the group: its name, categories, verbs and wordings as A had them."""
    db = tmp_path / "db.sqlite3"
    a = case("same-name-meeting-a")
    a["group"]["wordings"] = {"headlines_intro": "Our own introduction."}
    a["agenda"][0]["blocks"].append({"decision": "AGREED", "text": "the minutes"})
    cli(capsys, "--db", db, "import", write(tmp_path, a, "a.json"))
    before = _dump(capsys, db, A)
    b = case("same-name-meeting-b")
    b["group"].update(
        name="Operations Group (renamed)",
        categories=["Chair", "Members"],
        decision_verbs=["NOTED"],
    )
    b["people"] = [{"name": "Rina Okafor", "category": "Chair"}]
    assert cli(capsys, "--db", db, "import", write(tmp_path, b, "b.json"))[0] == 0
    assert _dump(capsys, db, A) == before
    assert (
        cli(capsys, "--db", db, "next", A, "--date", "2022-03-21", "--kind", "extraordinary")[0]
        == 0
    )
    assert _dump(capsys, db, B)["group"]["categories"] == ["Chair", "Members"]


def test_an_older_meeting_saved_again_does_not_set_the_group_for_new_ones(repository):
    repository.save_meeting(meeting_from_dict(case("same-name-meeting-a")))
    b = case("same-name-meeting-b")
    b["group"]["name"] = "Operations Group (renamed)"
    repository.save_meeting(meeting_from_dict(b))
    repository.save_meeting(repository.load_meeting(A), replace=True)
    assert repository.latest_group().name == "Operations Group (renamed)"


def test_a_later_meetings_table_changes_the_log_not_the_minutes_that_raised_the_action(
    capsys, tmp_path
):
    """The same kind for actions: what B's outstanding table says of OPSG 61/01 (words,
    owner, topic, target, level) reaches the log, and A's minutes stay as A recorded them."""
    db = tmp_path / "db.sqlite3"
    a = case("same-name-meeting-a")
    a["agenda"][0]["blocks"].append({"action": {"text": "The DCC to publish.", "owner": "DCC"}})
    cli(capsys, "--db", db, "import", write(tmp_path, a, "a.json"))
    before = _dump(capsys, db, A)
    b = case("same-name-meeting-b")
    b["outstanding"] = [
        {"id": "OPSG 61/01", "text": "The DCC to publish the plan (reworded).", "owner": "SECAS",
         "topic": "Plans", "target": "2022-05-01", "classification": "green",
         "update": "In hand.", "raised": "2022-03-14"}
    ]  # fmt: skip
    assert cli(capsys, "--db", db, "import", write(tmp_path, b, "b.json"))[0] == 0
    assert _dump(capsys, db, A) == before
    log = cli(capsys, "--db", db, "actions", "--all")[1]
    assert "SECAS" in log and "(reworded)" in log
    a_again = meeting_from_dict(before)
    a_again.agenda[0].blocks[-1].text = "The DCC to publish, said A later."
    from opsg_desktop.store.repository import Repository

    repository = Repository(db)
    try:
        repository.save_meeting(a_again, replace=True)  # A is older: the log keeps B's words
        assert repository.action_log()[0].action.text == "The DCC to publish the plan (reworded)."
        assert [r.action.owner for r in repository.load_meeting(B).outstanding] == ["SECAS"]
    finally:
        repository.close()
