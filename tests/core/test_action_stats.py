"""Per-owner counts and open against closed per meeting."""

import datetime as dt

from opsg_desktop.core.action_stats import open_closed_by_meeting, owner_counts
from opsg_desktop.core.model import Action, ActionStatus, ActionUpdate, LoggedAction

D = dt.date


def entry(id_, owner, raised, target=None, revised=None, updates=()):
    status = updates[-1].status if updates else ActionStatus.OPEN
    action = Action(id_, "x", owner, raised, target, revised, status=status)
    return LoggedAction(action, None, list(updates))


def update(day, status):
    return ActionUpdate(f"OPSG_{day.month}", day, "u", status)


ENTRIES = [
    entry("OPSG 1/01", "DCC", D(2024, 1, 8), D(2024, 2, 1)),
    entry("OPSG 1/02", "DCC", D(2024, 1, 8), D(2024, 2, 1), "to be determined"),
    entry("OPSG 1/03", "SECAS", D(2024, 1, 8), D(2024, 5, 1)),
    entry("OPSG 1/04", "SECAS", D(2024, 1, 8), D(2024, 2, 1), D(2024, 6, 1)),
    entry(
        "OPSG 1/05",
        "DCC",
        D(2024, 1, 8),
        None,
        updates=[update(D(2024, 2, 12), ActionStatus.CLOSED)],
    ),
    entry("OPSG 2/01", None, D(2024, 2, 12), D(2024, 2, 20)),
]


def test_owner_counts_open_and_overdue():
    counts = owner_counts(ENTRIES, D(2024, 3, 1))
    assert [(c.owner, c.open, c.overdue) for c in counts] == [
        ("DCC", 2, 1),  # 1/02's text revision is not a date: not overdue
        ("SECAS", 2, 0),  # 1/04 revised to June
        ("(no owner)", 1, 1),
    ]


def test_open_closed_at_each_meeting():
    meetings = [("OPSG_1", D(2024, 1, 8)), ("OPSG_2", D(2024, 2, 12)), ("OPSG_3", D(2024, 3, 11))]
    counts = open_closed_by_meeting(ENTRIES, meetings)
    assert [(c.reference, c.open, c.closed) for c in counts] == [
        ("OPSG_1", 5, 0),
        ("OPSG_2", 5, 1),
        ("OPSG_3", 5, 1),
    ]
    assert len(open_closed_by_meeting(ENTRIES, meetings * 5, last=12)) == 12
