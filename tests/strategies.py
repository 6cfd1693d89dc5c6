"""Hypothesis strategies for valid meetings, used by the round-trip properties."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from opsg_desktop.core.errors import RuleError
from opsg_desktop.core.model import (
    Action,
    ActionBlock,
    ActionStatus,
    AgendaItem,
    AttendanceMark,
    Classification,
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
from opsg_desktop.core.rules import name_key, target_from_text
from opsg_desktop.core.text import clean_text

GROUP = Group("Operations Group", "OPSG")
# Words with inner spaces and no surrounding blanks (as the importer keeps them),
# drawn without filtering so that generation stays quick.
_EDGE = r"A-Za-z0-9À-ÿ’'&().,;:/\-"
text = st.from_regex(rf"[{_EDGE}]([{_EDGE} ]{{0,24}}[{_EDGE}])?", fullmatch=True).map(
    lambda s: " ".join(s.split())  # one-line fields keep single spaces (core.text.clean_line)
)
maybe_text = st.none() | text
levels = st.none() | st.sampled_from(list(Classification))
dates = st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31))
targets = st.none() | dates | text.filter(lambda s: _kept_as_text(s))
url = st.sampled_from(
    ["https://example.org/a", "https://example.org/mod?x=1", "mailto:x@example.org"]
)


def _kept_as_text(s: str) -> bool:
    """Words a target keeps as they are (not a date, not "N/A", not a broken date)."""
    try:
        return target_from_text(s) == s
    except RuleError:
        return False


blocks = st.one_of(
    st.builds(
        TextBlock,
        text,
        st.none() | st.sampled_from(list(ListStyle)),
        st.lists(st.builds(Link, text, url), max_size=2),
        levels,
    ),
    st.builds(HeadingBlock, text, levels),
    st.builds(DecisionBlock, st.sampled_from(GROUP.decision_verbs), text, levels),
    st.builds(ActionBlock, text, maybe_text, targets, maybe_text, levels, st.none()),
    st.builds(LinkBlock, text, url, levels),
    st.builds(OutstandingBlock, levels),
)


@st.composite
def agendas(draw) -> list[AgendaItem]:
    count = draw(st.integers(0, 4))
    items = []
    for n in range(1, count + 1):
        subs = [
            AgendaItem(
                f"{n}.{k}",
                draw(text),
                draw(maybe_text),
                draw(levels),
                draw(maybe_text),
                draw(st.lists(blocks, max_size=3)),
            )
            for k in range(1, draw(st.integers(0, 2)) + 1)
        ]
        items.append(
            AgendaItem(
                str(n),
                draw(text),
                draw(maybe_text),
                draw(levels),
                draw(maybe_text),
                draw(st.lists(blocks, max_size=5)),
                subs,
            )
        )
    return items


@st.composite
def people(draw) -> list[Person]:
    names = draw(st.lists(text, max_size=5, unique_by=name_key))
    return [
        Person(
            name,
            draw(st.none() | st.sampled_from(GROUP.categories)),
            draw(maybe_text),
            draw(maybe_text),
            draw(maybe_text),
            draw(st.lists(st.sampled_from(["1", "2", "3.1"]), max_size=2)),
            draw(maybe_text),
            draw(st.sampled_from(list(AttendanceMark))),
        )
        for name in names
    ]


@st.composite
def reviews(draw) -> list[OutstandingReview]:
    numbers = draw(st.lists(st.integers(1, 30), max_size=4, unique=True))
    found = []
    for n in numbers:
        status = draw(st.sampled_from(list(ActionStatus)))
        action = Action(
            f"OPSG 40/{n:02d}",
            draw(text),
            draw(maybe_text),
            draw(st.none() | dates),
            draw(targets),
            draw(targets),
            draw(maybe_text),
            draw(levels),
            status,
        )
        found.append(OutstandingReview(action, draw(st.text(max_size=30).map(clean_text)), status))
    return found


@st.composite
def meetings(draw) -> Meeting:
    number = draw(st.integers(41, 99).map(str) | st.integers(41, 99).map(lambda n: f"{n}x"))
    times = st.none() | st.times().map(lambda t: t.replace(second=0, microsecond=0))
    date = draw(dates)
    outstanding = draw(reviews())
    for review in outstanding:  # raised before this meeting, as outstanding actions are
        if review.action.raised is not None and review.action.raised > date:
            review.action.raised = date
    return Meeting(
        group=Group("Operations Group", "OPSG"),
        number=number,
        date=date,
        kind=draw(st.sampled_from(list(MeetingKind))),
        start=draw(times),
        end=draw(times),
        location=draw(maybe_text),
        classification=draw(st.sampled_from(list(Classification))),
        status=draw(st.sampled_from(list(MeetingStatus))),
        next_meetings=draw(
            st.lists(st.builds(NextMeeting, st.sampled_from(list(MeetingKind)), dates), max_size=2)
        ),
        people=draw(people()),
        agenda=draw(agendas()),
        outstanding=outstanding,
    )
