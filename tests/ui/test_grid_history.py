"""The action grid of a long history: one count per filter change, filters on row objects."""

from __future__ import annotations

import copy

from opsg_desktop.core.model import ActionBlock, ActionStatus, walk_blocks
from opsg_desktop.interchange import meeting_from_dict
from opsg_desktop.ui.models.action_grid_model import ActionGridModel
from opsg_desktop.ui.panes.actions import ActionGridPane
from opsg_desktop.ui.session import MeetingSession


def long_history(demo_doc, rows: int):
    """The demo meeting with ``rows`` carried actions, every other one about 'hub'."""
    meeting = meeting_from_dict(demo_doc)
    template = meeting.outstanding[0]
    meeting.outstanding = []
    for n in range(rows):
        review = copy.deepcopy(template)
        review.action.id = f"OPSG {n // 90 + 1}/{n % 90 + 1:02d}"
        review.action.text = f"{'Report on the hub' if n % 2 else 'Forecast'} number {n}"
        review.status = ActionStatus.CLOSED if n % 3 == 0 else ActionStatus.OPEN
        meeting.outstanding.append(review)
    return meeting


def test_typing_into_the_filter_counts_once_per_character(qtbot, tmp_path, demo_doc):
    session = MeetingSession(tmp_path / "s.sqlite3", long_history(demo_doc, 400), [])
    pane = ActionGridPane(session)
    qtbot.addWidget(pane)
    counted = []
    pane.counts.setText = lambda text: counted.append(text)
    qtbot.keyClicks(pane.text_filter, "hub")
    assert len(counted) == 3  # not once per removed range of rows
    assert counted[-1].startswith("200 actions")
    assert counted[-1].endswith("(of 420)")
    session.close()


def test_the_filter_reads_row_objects_not_qt_roles(qtbot, tmp_path, demo_doc, monkeypatch):
    session = MeetingSession(tmp_path / "s.sqlite3", long_history(demo_doc, 50), [])
    pane = ActionGridPane(session)
    qtbot.addWidget(pane)
    roles = []
    original = ActionGridModel.data
    monkeypatch.setattr(
        ActionGridModel, "data", lambda self, i, r=0: roles.append(r) or original(self, i, r)
    )
    pane.proxy.set_text("hub")
    pane.proxy.set_owner("dcc")
    assert roles == []
    session.close()


def shown_ids(pane) -> list[str]:
    """The ids the grid shows, top to bottom."""
    return [pane.proxy.index(r, 0).data() for r in range(pane.proxy.rowCount())]


def test_each_character_shows_exactly_the_matching_rows(qtbot, tmp_path, demo_doc):
    meeting = long_history(demo_doc, 90)
    session = MeetingSession(tmp_path / "s.sqlite3", meeting, [])
    pane = ActionGridPane(session)
    qtbot.addWidget(pane)
    rows = [(r.action.id, f"{r.action.id} {r.action.text} {r.update}") for r in meeting.outstanding]
    new = [b for _, b in walk_blocks(meeting) if isinstance(b, ActionBlock)]
    rows += [(b.id, f"{b.id} {b.text}") for b in new]

    def expected(text: str) -> list[str]:
        words = text.casefold().split()
        return [key for key, seen in rows if all(w in seen.casefold() for w in words)]

    typed = ""
    for char in "hub 1":  # a space changes no row; "1" narrows again
        qtbot.keyClicks(pane.text_filter, char)
        typed += char
        assert shown_ids(pane) == expected(typed)
    qtbot.keyClick(pane.text_filter, "\b")  # widening brings rows back
    assert shown_ids(pane) == expected("hub ")
    assert pane.counts.text().startswith(f"{len(expected('hub'))} actions")
    session.close()


def test_an_edited_row_is_filtered_again_and_counted(qtbot, tmp_path, demo_doc):
    meeting = long_history(demo_doc, 30)
    session = MeetingSession(tmp_path / "s.sqlite3", meeting, [])
    pane = ActionGridPane(session)
    qtbot.addWidget(pane)
    qtbot.keyClicks(pane.text_filter, "zebra")
    assert shown_ids(pane) == []
    review = meeting.outstanding[4]
    pane.model.set_update(review, "The zebra crossing is repainted")
    assert shown_ids(pane) == [review.action.id]
    assert pane.counts.text().startswith("1 action · 1 open · 0 closed")
    pane.status_filter.setCurrentIndex(pane.status_filter.findData(ActionStatus.OPEN))
    pane.model.set_status(review, ActionStatus.CLOSED)  # leaves the open-only rows
    assert shown_ids(pane) == []
    assert pane.counts.text().startswith("0 actions")
    session.close()


def test_closing_many_selected_actions_refreshes_the_grid_once(qtbot, tmp_path, demo_doc):
    """One step of 40 closes (80 commands in a macro) re-reads the rows once, not 80 times."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    meeting = long_history(demo_doc, 120)
    session = MeetingSession(tmp_path / "s.sqlite3", meeting, [])
    pane = ActionGridPane(session)
    qtbot.addWidget(pane)
    pane.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is pane)
    refreshes = []
    pane.model.dataChanged.connect(lambda *_: refreshes.append("repaint"))
    pane.model.modelReset.connect(lambda: refreshes.append("reset"))
    open_rows = [r for r in range(40 * 2) if meeting.outstanding[r].status == ActionStatus.OPEN]
    table = pane.table
    table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
    for row in open_rows[:40]:
        table.selectRow(row)
    qtbot.keyClick(
        table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    closed = [meeting.outstanding[r] for r in open_rows[:40]]
    assert all(r.status == r.action.status == ActionStatus.CLOSED for r in closed)
    assert refreshes == ["repaint"]
    assert session.undo_stack.undoText() == "Close 40 actions"
    session.undo_stack.undo()
    assert all(r.status == ActionStatus.OPEN for r in closed)
    session.close()
