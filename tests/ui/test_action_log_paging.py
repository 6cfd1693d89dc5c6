"""The action log view reads a long log a page at a time, off the UI thread."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from opsg_desktop.core.model import ActionBlock, AgendaItem, Group, Meeting
from opsg_desktop.store.action_log import PAGE
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui.dialogs.action_log import ActionLogView


def long_log(path, meetings: int = 3, each: int = 90) -> None:
    repository = Repository(path)
    for number in range(1, meetings + 1):
        blocks = [ActionBlock(f"Action {number}.{n}", "DCC") for n in range(each)]
        item = AgendaItem("1", "Actions", blocks=blocks)
        day = dt.date(2026, 1, 5) + dt.timedelta(weeks=4 * number)
        repository.save_meeting(Meeting(Group("Operations Group", "OPSG"), str(number), day,
                                        agenda=[item]))  # fmt: skip
    repository.close()


def test_the_first_page_shows_and_scrolling_reads_the_rest_in_order(qtbot, tmp_path):
    path = tmp_path / "long.sqlite3"
    long_log(path)
    view = ActionLogView(None, path)
    qtbot.addWidget(view)
    view.show()
    view.wait_until_read()
    assert view.model.rowCount() == PAGE < view.model.total == 270
    assert view.count.text() == "270 of 270 actions"
    for _ in range(5):
        qtbot.keyClick(view.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        view.table.verticalScrollBar().setValue(view.table.verticalScrollBar().maximum())
        view.wait_until_read()
    ids = [view.model.index(r, 0).data() for r in range(view.model.rowCount())]
    assert len(ids) == 270
    assert ids[:3] == ["OPSG 1/01", "OPSG 1/02", "OPSG 1/03"]
    assert ids[-1] == "OPSG 3/90" and len(set(ids)) == 270
    view.close()


def test_a_log_that_cannot_be_read_says_so(qtbot, tmp_path):
    path = tmp_path / "not-a-database.sqlite3"
    path.write_bytes(b"this is not SQLite" * 100)
    view = ActionLogView(None, path)
    qtbot.addWidget(view)
    view.wait_until_read()
    assert view.count.text().startswith("Could not read the action log")
    assert "damaged" in view.count.text()
    assert view.model.rowCount() == 0
    view.close()
