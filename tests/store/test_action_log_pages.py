"""The paged action log (store.action_log) shows what the whole log shows, in the same order.

The log view reads a page at a time with filters, counts and figures in SQL;
every answer here is compared with the whole log read the old way
(``Repository.action_log``) and the rules of ``core.action_stats``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsg_desktop.core.action_stats import open_closed_by_meeting, owner_counts
from opsg_desktop.core.carryover import action_sort_key
from opsg_desktop.core.model import (
    ActionBlock,
    ActionStatus,
    AgendaItem,
    Group,
    Meeting,
    OutstandingReview,
)
from opsg_desktop.store.action_log import ACTION_ORDER_SQL, ActionLogReader, LogFilter
from opsg_desktop.store.repository import Repository

TODAY = dt.date(2026, 11, 30)
OWNERS = ["DCC", "SECAS", "dcc", "", None, "Large Suppliers"]
TARGETS = [None, "", "Next meeting", "to be determined", dt.date(2026, 1, 5), dt.date(2027, 3, 1)]

ids = st.builds(
    lambda abbr, number, x, conf, seq: f"{abbr} {number}{'x' * x}/{'CONF' * conf}{seq:02d}",
    st.sampled_from(["OPSG", "TABASC", "A1"]),
    st.integers(1, 999_999),
    st.booleans(),
    st.booleans(),
    st.integers(0, 10**12),
)


@given(st.lists(ids | st.text(max_size=12), max_size=30))
def test_sql_order_is_the_order_of_action_ids(texts):
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE TABLE a (id TEXT, sort_key TEXT GENERATED ALWAYS AS {ACTION_ORDER_SQL})")
    conn.executemany("INSERT INTO a (id) VALUES (?)", [(t,) for t in texts])
    in_sql = [r[0] for r in conn.execute("SELECT id FROM a ORDER BY sort_key, id")]
    assert in_sql == sorted(texts, key=lambda t: (action_sort_key(t), t))


def history(path, seed: int, meetings: int = 16) -> Repository:
    """Meetings raising and reviewing actions at random: reopened, closed, revised, some on
    the same date, some reviewing an action no stored meeting raised."""
    rng = random.Random(seed)
    repository = Repository(path)
    day = dt.date(2024, 1, 8)
    for number in range(1, meetings + 1):
        day += dt.timedelta(days=rng.choice([0, 7, 28, 35]))
        raised = [
            ActionBlock(f"Action {number}.{n}", rng.choice(OWNERS) or None, rng.choice(TARGETS))
            for n in range(rng.randint(0, 4))
        ]
        log = [e.action for e in repository.action_log()]
        reviews = []
        for action in rng.sample(log, k=min(len(log), rng.randint(0, 6))):
            action.revised_target = rng.choice(TARGETS)
            reviews.append(OutstandingReview(action, "update", rng.choice(list(ActionStatus))))
        if number == 3:
            from opsg_desktop.core.model import Action

            stray = Action("OPSG 1x/01", "Raised where nobody kept minutes", "DCC")
            reviews.append(OutstandingReview(stray, "late", ActionStatus.OPEN))
        item = AgendaItem("1", "Actions", blocks=list(raised))
        meeting = Meeting(Group("Operations Group", "OPSG"), str(number), day, agenda=[item])
        meeting.outstanding = reviews
        repository.save_meeting(meeting)
    return repository


def accepts(chosen: LogFilter, entry) -> bool:
    """The log view's filters as its old proxy applied them, entry by entry."""
    action = entry.action
    if chosen.owner is not None and (action.owner or "").lower() != chosen.owner.lower():
        return False  # one owner whatever the case typed, as the command line's --owner
    if chosen.status is not None and action.status != chosen.status:
        return False
    if chosen.meeting is not None and entry.raised_at != chosen.meeting:
        return False
    if chosen.min_age is not None:
        return action.raised is not None and (TODAY - action.raised).days >= chosen.min_age
    return True


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_pages_counts_and_figures_agree_with_the_whole_log(tmp_path, seed):
    path = tmp_path / "log.sqlite3"
    repository = history(path, seed)
    entries = repository.action_log()
    meetings = [(m.reference, m.date) for m in repository.list_meetings()]
    reader = ActionLogReader(path)
    try:
        owners = sorted({(e.action.owner or "").lower() for e in entries})
        for owner, status, age, meeting in itertools.product(
            [None, *owners], [None, *ActionStatus], [None, 30, 365], [None, meetings[2][0]]
        ):
            chosen = LogFilter(owner, status, age, meeting)
            expected = [(e.action, e.raised_at) for e in entries if accepts(chosen, e)]
            shown, after = [], None
            while True:
                lines, after = reader.page(chosen, TODAY, after, limit=3)
                shown += [(line.action, line.raised_at) for line in lines]
                if not lines:
                    break
            assert shown == expected, chosen
            assert reader.count(chosen, TODAY) == len(expected), chosen
        assert reader.owner_counts(TODAY) == owner_counts(entries, TODAY)
        for last in (12, 5, 1):
            assert reader.open_closed(last) == open_closed_by_meeting(entries, meetings, last)
        figures = reader.figures(TODAY)
        assert figures.total == len(entries)
        assert [o.lower() for o in figures.owners] == [o for o in owners if o]
        assert set(figures.meetings) == {m for m, _ in meetings}
    finally:
        reader.close()
        repository.close()
