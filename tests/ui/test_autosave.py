"""Autosave: timely, off the UI thread, and never losing an edit it cannot store."""

import json

import pytest

from opsg_desktop.core.errors import ConflictError
from opsg_desktop.core.model import DecisionBlock
from opsg_desktop.interchange import dumps, meeting_from_dict
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui.commands import SetField
from opsg_desktop.ui.session import MeetingSession


@pytest.fixture
def session(tmp_path, demo_doc):
    made = MeetingSession(tmp_path / "s.sqlite3", meeting_from_dict(demo_doc), [])
    yield made
    made.close()  # a second close does nothing


def rename(session, title):
    item = session.meeting.agenda[0]
    session.undo_stack.push(SetField(session, item, "title", title, "Rename", "agenda"))


def test_an_edit_is_saved_within_a_second_and_the_status_is_told(qtbot, session, tmp_path):
    with qtbot.waitSignal(session.autosaver.saved, timeout=1000):
        rename(session, "Minutes of the last meeting")
    repository = Repository(tmp_path / "s.sqlite3")
    assert repository.load_meeting(session.reference).agenda[0].title == (
        "Minutes of the last meeting"
    )
    repository.close()


def test_a_refused_save_is_reported_and_rescued_to_a_file_on_close(
    qtbot, session, tmp_path, monkeypatch
):
    def refuse(self, meeting, **options):
        raise ConflictError("the database is locked by another program")

    monkeypatch.setattr(Repository, "save_meeting", refuse)
    with qtbot.waitSignal(session.autosaver.failed, timeout=2000) as failed:
        rename(session, "Typed while the disk was unhappy")
    assert "locked by another program" in failed.args[0]
    rescued = session.close()
    assert rescued is not None and rescued.parent == tmp_path
    saved = json.loads(rescued.read_text(encoding="utf-8"))
    assert saved["agenda"][0]["title"] == "Typed while the disk was unhappy"
    assert meeting_from_dict(saved).reference == "OPSG_49_2405"


def test_the_rescue_file_holds_the_meeting_in_stored_form_and_imports(
    qtbot, session, tmp_path, monkeypatch
):
    """The rescue door uses core's rules too: its file imports without a problem."""

    def refuse(self, meeting, **options):
        raise ConflictError("no space left on the disk")

    monkeypatch.setattr(Repository, "save_meeting", refuse)
    session.meeting.agenda[0].blocks.append(DecisionBlock("noted", "the\x0bslides\x07here"))
    with qtbot.waitSignal(session.autosaver.failed, timeout=2000):
        rename(session, "Typed\x0bwhile\x07full")
    saved = json.loads(session.close().read_text(encoding="utf-8"))
    assert saved["agenda"][0]["title"] == "Typed while full"
    assert saved["agenda"][0]["blocks"][-1] == {"decision": "NOTED", "text": "the\nslides here"}
    assert json.loads(dumps(meeting_from_dict(saved))) == saved
