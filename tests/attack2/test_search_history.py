"""Attack 2: search (Ctrl+F) across a long history.

Seen on bench/ten_years.py's 120 meetings: "hub returns" matches about 5,700
places (3,688 paragraphs, 513 actions, 1,509 updates); the window says
"50 found", the command line lists 20 and says nothing of the rest.  Each
index ranks only its newest 3,000 matches (``store.search.CANDIDATES``), so
the best paragraph of an old meeting is never found once a word is common.
A hit on a closed action, Entered while the grid shows open actions only,
opens the meeting and selects nothing.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from contextlib import redirect_stdout

import pytest
from PySide6.QtCore import Qt

from bench.ten_years import meeting
from opsg_desktop.cli import main
from opsg_desktop.core.model import ActionStatus, TextBlock
from opsg_desktop.store import search as store_search
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui.dialogs import search
from opsg_desktop.ui.dialogs.search import SearchDialog
from opsg_desktop.ui.main_window import MainWindow

OLD_NOTE = "Hub returns: hub returns escalated to the Panel."


@pytest.fixture(scope="module")
def common_words_history(tmp_path_factory):
    """An old meeting holding the best match, then 100 meetings full of the same words."""
    path = tmp_path_factory.mktemp("common") / "common.sqlite3"
    repository = Repository(path)
    rng = random.Random(7)
    first = meeting(19, dt.date(2014, 12, 15), rng)
    first.agenda[0].blocks.insert(1, TextBlock(OLD_NOTE))
    repository.save_meeting(first)
    for i in range(100):
        repository.save_meeting(
            meeting(20 + i, dt.date(2015, 1, 12) + dt.timedelta(weeks=4 * i), rng)
        )
    repository.close()
    return path


def cli_search(db, text) -> list[str]:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["--db", str(db), "search", text]) == 0
    return out.getvalue().splitlines()


def test_the_best_match_is_found_however_old(common_words_history, monkeypatch):
    repository = Repository(common_words_history, read_only=True)
    try:
        with monkeypatch.context() as unbounded:
            unbounded.setattr(store_search, "CANDIDATES", 10**9)  # the oracle: every match ranked
            best = [(h.meeting_reference, h.where) for h in repository.search("hub returns")]
        assert ("OPSG_19_1512", "item 1") in best[:10]
        # the window's search (Ctrl+F) asks the same store search
        found = [(h.meeting_reference, h.where) for h in repository.search("hub returns")]
        assert ("OPSG_19_1512", "item 1") in found
    finally:
        repository.close()


def test_the_window_does_not_call_the_top_fifty_all_that_was_found(qtbot, history):
    repository = Repository(history, read_only=True)
    dialog = SearchDialog(None, repository)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.query, "hub")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Down)
    assert dialog.model.rowCount() == 50  # every one of the 15 meetings says "hub" many times
    assert dialog.summary.text() != "50 found"
    dialog.done(0)
    repository.close()


def test_enter_on_a_closed_action_shows_it_whatever_the_grids_filter(qtbot, history, monkeypatch):
    repository = Repository(history)
    window = MainWindow(repository, history)
    qtbot.addWidget(window)
    window.show()
    window.open_meeting("OPSG_34_0802")
    window.build_deferred_panes()
    grid = window.panes["actions"]
    grid.status_filter.setCurrentIndex(grid.status_filter.findData(ActionStatus.OPEN))
    closed = next(a for a in window.session.meeting.outstanding if a.status is ActionStatus.CLOSED)
    wanted = closed.action.id

    def enter_on_it(dialog):
        dialog.query.setText(closed.update)
        dialog._debounce.stop()
        dialog._run()
        dialog.wait_for_results()
        row = next(n for n, hit in enumerate(dialog._hits) if hit.where == f"update to {wanted}")
        dialog._open(row)
        return True

    monkeypatch.setattr(search.SearchDialog, "exec", enter_on_it)
    window.search()  # Ctrl+F
    current = grid.table.currentIndex()
    assert current.isValid() and current.siblingAtColumn(0).data() == wanted
