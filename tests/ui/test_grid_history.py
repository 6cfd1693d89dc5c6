"""The action grid of a long history: one count per filter change, filters on row objects."""

from __future__ import annotations

import copy

from opsg_desktop.core.model import ActionStatus
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
