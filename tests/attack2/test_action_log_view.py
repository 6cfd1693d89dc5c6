"""Attack 2: the Action Log view (Ctrl+L) on a long history.

Seen under Xvfb on bench/ten_years.py's 120 meetings (4,320 actions): Ctrl+End
in the log's table lands on OPSG 25/20 (row 200, the end of the first page),
again on OPSG 31/04; the last action, OPSG 139/36, takes twenty-one presses.
"""

from __future__ import annotations

import datetime as dt
import io
from contextlib import redirect_stdout

from PySide6.QtCore import Qt

from opsg_desktop.cli import main
from opsg_desktop.ui.dialogs.action_log import ActionLogView

TODAY = dt.date(2026, 11, 30)


def cli_ids(db, *args) -> list[str]:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["--db", str(db), "actions", *args]) == 0
    return [" ".join(line.split()[:2]) for line in out.getvalue().splitlines()]


def open_log(qtbot, db) -> ActionLogView:
    view = ActionLogView(None, db, TODAY)
    qtbot.addWidget(view)
    view.show()
    view.wait_until_read()
    return view


def shown_ids(view) -> list[str]:
    return [line.action.id for line in view.model.lines]


def test_ctrl_end_reaches_the_last_action(qtbot, history):
    view = open_log(qtbot, history)
    assert view.model.total == 540
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    view.wait_until_read()
    current = view.table.currentIndex()
    assert current.row() == 539
    assert view.model.data(current.siblingAtColumn(0)) == cli_ids(history, "--all")[-1]


def test_scrolling_while_a_new_filter_is_read_shows_that_filter_only(qtbot, history):
    view = open_log(qtbot, history)
    view.model.fetchMore()  # scrolled to the end of the first page: the second is read
    view.wait_until_read()
    assert len(view.model.lines) == 400
    view.status_filter.setCurrentIndex(view.status_filter.findText("Open"))
    view.model.fetchMore()  # the table still shows 400 of 540: scrolling asks for more
    view.wait_until_read()
    view.table.scrollToBottom()
    while view.model.canFetchMore():
        view.model.fetchMore()
        view.wait_until_read()
    assert shown_ids(view) == cli_ids(history)
    assert view.count.text() == f"{len(cli_ids(history))} of 540 actions"
