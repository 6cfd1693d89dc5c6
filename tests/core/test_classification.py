"""Classification levels, inheritance and what an export may contain."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from opsg_desktop.core.classification import (
    allowed,
    effective_blocks,
    effective_items,
    withheld_content,
)
from opsg_desktop.core.model import (
    Action,
    ActionBlock,
    AgendaItem,
    Classification,
    Group,
    Meeting,
    OutstandingReview,
    TextBlock,
)

W, G, A, R = Classification.WHITE, Classification.GREEN, Classification.AMBER, Classification.RED


def test_levels_are_ordered_white_green_amber_red():
    assert W < G < A < R
    assert sorted([R, W, A, G]) == [W, G, A, R]


@given(st.sampled_from(list(Classification)), st.sampled_from(list(Classification)))
def test_allowed_is_the_order(level, ceiling):
    assert allowed(level, ceiling) == (level.value <= ceiling.value)


def _meeting(level=W, agenda=(), outstanding=()) -> Meeting:
    return Meeting(
        Group("Operations Group", "OPSG"),
        "49",
        dt.date(2021, 5, 24),
        classification=level,
        agenda=list(agenda),
        outstanding=list(outstanding),
    )


def test_blocks_inherit_from_item_and_item_from_meeting():
    sub = AgendaItem("4.1", "Sub", blocks=[TextBlock("s")])
    item = AgendaItem(
        "4",
        "Item",
        classification=G,
        blocks=[TextBlock("a"), TextBlock("b", classification=R)],
        items=[sub],
    )
    meeting = _meeting(W, [item, AgendaItem("5", "Plain", blocks=[TextBlock("c")])])
    levels = [(b.text, lvl) for _, b, lvl in effective_blocks(meeting)]
    assert levels == [("a", G), ("b", R), ("s", G), ("c", W)]


def test_an_own_level_never_lowers_the_enclosing_one():
    item = AgendaItem(
        "4",
        "Conf",
        classification=A,
        blocks=[TextBlock("a", classification=W)],
        items=[AgendaItem("4.1", "Sub", classification=W)],
    )
    assert [lvl for *_, lvl in effective_blocks(_meeting(W, [item]))] == [A]
    assert [lvl for _, lvl in effective_items(_meeting(W, [item]))] == [A, A]


def test_withheld_content_names_items_blocks_and_actions_above_the_ceiling():
    amber_item = AgendaItem(
        "6",
        "Security",
        classification=A,
        blocks=[TextBlock("secret")],
        items=[AgendaItem("6.1", "Inner")],
    )
    mixed = AgendaItem(
        "7",
        "Mixed",
        blocks=[TextBlock("fine"), ActionBlock("x", id="OPSG 49/CONF01", classification=A)],
    )
    review = OutstandingReview(Action("OPSG 45/CONF03", "t", classification=R))
    shared = OutstandingReview(Action("OPSG 45/CONF02", "t", classification=W))
    meeting = _meeting(W, [amber_item, mixed], [review, shared])
    assert withheld_content(meeting, W) == [
        "item 6 Security (amber)",
        "action OPSG 49/CONF01 in item 7 (amber)",
        "outstanding action OPSG 45/CONF03 (red)",
    ]
    assert withheld_content(meeting, R) == []
