"""Whatever the window or an import can make, the store takes, dump writes and import takes back.

Hypothesis drives the window's own commands (the person dialog's check and
add/edit, attendance keys, the grid's update and revised-target edits, the
agenda rename, the decision bar) with any text at all, and separately
imports documents whose text fields hold any text at all; every meeting that
comes out is saved, loaded, dumped, re-imported and dumped again unchanged.
"""

from __future__ import annotations

import copy
import json
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opsg_desktop.core.errors import RuleError, ValidationError
from opsg_desktop.core.model import AttendanceMark, DecisionBlock
from opsg_desktop.interchange import dumps, meeting_from_dict
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui.models.action_grid_model import ActionGridModel
from opsg_desktop.ui.panes.agenda import title_edit
from opsg_desktop.ui.panes.attendees import AttendeesPane
from opsg_desktop.ui.panes.notes_bars import DecisionBar
from opsg_desktop.ui.session import MeetingSession

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")

#: Any text, with the characters the cases are about drawn more often.
hostile = st.lists(
    st.characters()
    | st.sampled_from("\x00\x07\x0b\x0c\r\n\t\x85\u2028\u2029\ufffe\ud800 ")
    | st.sampled_from(["=", "-", "@", "Sam Patel", "SAM PATEL", "/", "31", "2021"]),
    max_size=10,
).map("".join)
dates_or_words = hostile | st.sampled_from(
    ["31/31/2021", "11/06/2021", "30 February", "next meeting", "N/A", "2021-06-11"]
)


def _round_trip(path, meeting) -> None:
    """Save, load, dump, import, dump: the two dumps are the same text."""
    repository = Repository(path)
    try:
        reference = repository.save_meeting(meeting, replace=True)
        first = dumps(repository.load_meeting(reference))
        again = meeting_from_dict(json.loads(first))
        assert dumps(again) == first
        repository.save_meeting(again, replace=True)
        assert dumps(repository.load_meeting(reference)) == first
    finally:
        repository.close()


def _person_values(name: str, email: str) -> dict:
    return {"name": name, "category": None, "organisation": "DCC", "role": None,
            "alternate_for": None, "items": [], "email": email or None}  # fmt: skip


def _window_step(step, pane: AttendeesPane, grid: ActionGridModel, bar: DecisionBar, session):
    """One edit through the window's own door; a refusal (RuleError) changes nothing."""
    kind, first, second = step
    meeting = session.meeting
    people, reviews, items = meeting.people, meeting.outstanding, meeting.agenda
    try:
        if kind == "add":
            values = _person_values(first, second)
            pane._check(values, None)  # what the person dialog's OK asks
            pane._add_from_dialog(values)
        elif kind == "rename" and people:
            person = people[len(first) % len(people)]
            values = _person_values(second, person.email or "")
            values |= {"category": person.category, "organisation": person.organisation}
            pane._check(values, person)
            pane._edit_from_dialog(person, values)
        elif kind == "mark" and people:
            pane.select(people[len(first) % len(people)])
            pane.mark(list(AttendanceMark)[len(second) % 3])
        elif kind == "update" and reviews:
            grid.set_update(reviews[len(second) % len(reviews)], first)
        elif kind == "target" and reviews:
            grid.set_revised_target(reviews[len(second) % len(reviews)], first)
        elif kind == "title":
            title_edit(session, items[len(second) % len(items)], first)
        elif kind == "verb":
            bar.open(meeting.group.decision_verbs, None)
            bar.verb.setCurrentText(first)
            if bar.problem() is None:
                items[0].blocks.append(DecisionBlock(bar.chosen(), second))
    except RuleError:
        pass


steps = st.lists(
    st.tuples(
        st.sampled_from(["add", "rename", "mark", "update", "target", "title", "verb"]),
        dates_or_words,
        hostile,
    ),
    max_size=12,
)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=steps)
def test_what_the_window_makes_dumps_and_imports_back_unchanged(qtbot, tmp_path, demo_doc, steps):
    path = tmp_path / "door.sqlite3"
    path.unlink(missing_ok=True)
    shutil.rmtree(path.with_name(path.name + ".backups"), ignore_errors=True)  # a new start
    session = MeetingSession(path, meeting_from_dict(copy.deepcopy(demo_doc)), [])
    pane = AttendeesPane(session, [])
    grid = ActionGridModel(session)
    bar = DecisionBar(None)
    try:
        for step in steps:
            _window_step(step, pane, grid, bar, session)
        meeting = session.snapshot()
    finally:
        session.close()
        pane.deleteLater()
        bar.deleteLater()
    _round_trip(path, meeting)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    title=hostile, name=hostile, text=hostile, update=hostile, target=dates_or_words,
    verb=st.sampled_from(["noted", "Agreed", "SUPPOSED", "approved "]), url=hostile,
)  # fmt: skip
def test_what_an_import_takes_dumps_and_imports_back_unchanged(
    tmp_path, example_doc, title, name, text, update, target, verb, url
):
    doc = copy.deepcopy(example_doc)
    doc["agenda"][0]["title"] = title or "Untitled"
    doc["people"][0]["name"] = name or "Nobody"
    doc["agenda"][0]["blocks"] = [
        {"text": text},
        {"decision": verb, "text": text},
        {"action": {"text": text or "x", "target": target}},
        {"link": {"text": "page", "url": f"https://example.org/{url}"}},
    ]
    doc["outstanding"][0]["update"] = update
    try:
        meeting = meeting_from_dict(json.loads(json.dumps(doc)))
    except ValidationError as refused:
        assert all(": " in problem for problem in refused.problems)  # each with its place
        return
    path = tmp_path / "import.sqlite3"
    path.unlink(missing_ok=True)
    shutil.rmtree(path.with_name(path.name + ".backups"), ignore_errors=True)  # a new start
    _round_trip(path, meeting)
