"""Whatever mix of edits, the parts saved alone load back as the meeting on screen."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opsg_desktop.core.model import Person, TextBlock
from opsg_desktop.demo import fill_with_demo
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui.commands import InsertInto, RemoveFrom, SetField
from opsg_desktop.ui.panes.agenda import title_edit
from opsg_desktop.ui.session import MeetingSession

WORDS = st.text(alphabet="abcdefgh ", min_size=1, max_size=12).map(str.strip).filter(bool)
EDITS = st.lists(
    st.one_of(
        st.tuples(st.just("type"), st.integers(0, 9), WORDS),
        st.tuples(st.just("drop"), st.integers(0, 9), st.just("")),
        st.tuples(st.just("rename"), st.integers(0, 9), WORDS),
        st.tuples(st.just("update"), st.integers(0, 3), WORDS),
        st.tuples(st.just("person"), st.integers(0, 99), st.just("")),
        st.tuples(st.just("save"), st.just(0), st.just("")),
    ),
    max_size=12,
)


def apply(session: MeetingSession, kind: str, n: int, words: str, people: list[int]) -> None:
    meeting, push = session.meeting, session.undo_stack.push
    if kind == "type":
        item = meeting.agenda[n % len(meeting.agenda)]
        item.blocks = [*item.blocks, TextBlock(words)]  # what the notes pane does
        session.autosaver.schedule()
    elif kind == "drop":
        item = meeting.agenda[n % len(meeting.agenda)]
        if item.blocks and isinstance(item.blocks[-1], TextBlock):
            push(RemoveFrom(session, item.blocks, len(item.blocks) - 1, "Drop", "notes"))
    elif kind == "rename":
        item = meeting.agenda[n % len(meeting.agenda)]
        title_edit(session, item, words.capitalize())  # the window's door: cleans the title
    elif kind == "update" and meeting.outstanding:
        review = meeting.outstanding[n % len(meeting.outstanding)]
        push(SetField(session, review, "update", words, "Update", "outstanding"))
    elif kind == "person":
        people.append(len(people))
        person = Person(f"Visitor {len(people)}", "Large Suppliers")
        push(InsertInto(session, meeting.people, 0, person, "Add", "people"))
    elif kind == "save":
        assert session.autosaver.save_and_wait()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=EDITS)
def test_any_mix_of_partial_saves_loads_back_as_shown(qapp, tmp_path_factory, edits):
    db_path = tmp_path_factory.mktemp("prop") / "opsg.sqlite3"
    stored = Repository(db_path)
    fill_with_demo(stored)
    meeting = stored.load_meeting("OPSG_49_2405")
    session = MeetingSession(db_path, meeting, stored.issued_action_ids(meeting))
    people: list[int] = []
    try:
        for kind, n, words in edits:
            apply(session, kind, n, words, people)
        assert session.autosaver.save_and_wait()
        assert stored.load_meeting("OPSG_49_2405") == session.meeting
    finally:
        session.close()
        stored.close()
