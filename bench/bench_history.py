"""A long history stays fast: grid filter typing, search and the action log.

    .venv/bin/python bench/bench_history.py [--meetings 120,1200]

Goals (product.md, issue 12): typing into the action grid's text filter under
50 ms a character at 4,000 rows; search and the action log under 100 ms at
1,200 meetings (and off the UI thread).  The log view reads on a worker
thread: "open to all figures" is what the user waits for, "longest UI stall"
what the window's thread spends on it (the empty dialog is the reference).
Each figure is printed beside a bare reference measured in the same run: a
plain QSortFilterProxyModel over a QStringListModel of the same rows, and a
bare FTS match / table scan.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from ten_years import build  # noqa: E402

WORD = "hub returns"
TODAY = dt.date(2026, 11, 30)


def report(name: str, runs: list[float], reference: list[float] | None = None) -> None:
    line = f"{name:<44} median {statistics.median(runs) * 1000:8.2f} ms"
    if reference:
        line += f"   bare reference {statistics.median(reference) * 1000:7.2f} ms"
    print(line, flush=True)


def grid_meeting(db: Path, rows: int):
    """The newest meeting of ``db`` with ``rows`` carried actions (copies of its real ones)."""
    from opsg_desktop.store.repository import Repository

    repository = Repository(db, read_only=True)
    meeting = repository.load_meeting(repository.list_meetings()[-1].reference)
    repository.close()
    reviews = meeting.outstanding
    carried = []
    for n in range(rows):
        review = copy.deepcopy(reviews[n % len(reviews)])
        review.action.id = f"OPSG {n // 90 + 1}/{n % 90 + 1:02d}"
        carried.append(review)
    meeting.outstanding = carried
    return meeting


def filter_typing(db: Path, rows: int, text: str = "hub returns") -> tuple[list, list]:
    """Seconds per character typed into the grid's filter, and into a bare proxy."""
    from PySide6.QtCore import QSortFilterProxyModel, QStringListModel
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit, QTableView

    from opsg_desktop.ui.panes.actions import ActionGridPane
    from opsg_desktop.ui.session import MeetingSession

    app = QApplication.instance() or QApplication([])
    session = MeetingSession(db.with_suffix(".unused"), grid_meeting(db, rows), [], read_only=True)
    pane = ActionGridPane(session)
    pane.resize(1200, 500)
    pane.show()
    ours = _type(app, QTest, pane.text_filter, text)
    source = QStringListModel([pane.model.filter_text_at(r) for r in range(pane.model.rowCount())])
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(source)
    view, line = QTableView(), QLineEdit()
    view.setModel(proxy)
    view.show()
    line.textChanged.connect(proxy.setFilterFixedString)
    bare = _type(app, QTest, line, text)
    pane.close()
    view.close()
    return ours, bare


def _type(app, qtest, widget, text: str) -> list[float]:
    times = []
    for _ in range(3):
        widget.clear()
        app.processEvents()
        for char in text:
            t0 = time.perf_counter()
            qtest.keyClicks(widget, char)
            app.processEvents()
            times.append(time.perf_counter() - t0)
    return times


def data_speed(db: Path) -> None:
    from opsg_desktop.store.action_log import ActionLogReader, LogFilter
    from opsg_desktop.store.repository import Repository

    repository = Repository(db, read_only=True)
    reader = ActionLogReader(db)
    bare = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    count = len(repository.list_meetings())
    tests = [
        (f"search '{WORD}' ({count} meetings)", lambda: repository.search(WORD),
         lambda: bare.execute("SELECT rowid FROM blocks_fts WHERE blocks_fts MATCH ? LIMIT 50",
                              ['"hub" "returns"']).fetchall()),
        (f"log view's first page, store ({count} meetings)",
         lambda: reader.page(LogFilter(), TODAY),
         lambda: bare.execute("SELECT * FROM actions LIMIT 200").fetchall()),
        (f"log view's figures, store ({count} meetings)", lambda: reader.figures(TODAY),
         lambda: bare.execute("SELECT * FROM actions WHERE status = 'open'").fetchall()),
        (f"whole log for exports ({count} meetings)", lambda: repository.action_log(),
         lambda: bare.execute("SELECT * FROM actions").fetchall()),
    ]  # fmt: skip
    for name, work, reference in tests:
        report(name, _timed(work), _timed(reference))
    repository.close()
    reader.close()
    bare.close()
    log_view(db, count)


def log_view(db: Path, count: int) -> None:
    """Opening the log view: to its first lines, to all its figures, and the UI thread's
    longest busy spell meanwhile (a 1 ms timer's longest gap), beside an empty dialog."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    from opsg_desktop.ui.dialogs.action_log import ActionLogView

    app = QApplication.instance() or QApplication([])
    first, whole, stalls, bare = [], [], [], []
    for _ in range(7):
        ticks: list[float] = []
        timer = QTimer()
        timer.timeout.connect(lambda ticks=ticks: ticks.append(time.perf_counter()))
        timer.start(1)
        t0 = time.perf_counter()
        view = ActionLogView(None, db, TODAY)
        view.show()
        while not view.model.rowCount():
            app.processEvents()
        first.append(time.perf_counter() - t0)
        view.wait_until_read()
        whole.append(time.perf_counter() - t0)
        ticks.append(time.perf_counter())
        stalls.append(max(b - a for a, b in zip([t0, *ticks], ticks, strict=False)))
        timer.stop()
        view.close()
        t0 = time.perf_counter()
        dialog = QDialog()
        dialog.show()
        app.processEvents()
        bare.append(time.perf_counter() - t0)
        dialog.close()
    report(f"log view, open to first lines ({count} meetings)", first, bare)
    report(f"log view, open to all figures ({count} meetings)", whole, bare)
    report(f"log view, longest UI stall ({count} meetings)", stalls, bare)


def _timed(work, runs: int = 7) -> list[float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        work()
        times.append(time.perf_counter() - t0)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--meetings", default="120,1200")
    args = parser.parse_args()
    sizes = [int(n) for n in args.meetings.split(",")]
    first = build(Path(f"/tmp/opsg-history-{sizes[0]}.sqlite3"), sizes[0])
    for rows in (710, 4000):
        ours, bare = filter_typing(first, rows)
        report(f"grid filter, one character ({rows} rows)", ours, bare)
        ours.sort()
        print(f"{'':<44} p99 {ours[int(len(ours) * 0.99)] * 1000:8.2f} ms  max "
              f"{ours[-1] * 1000:.2f} ms over {len(ours)} characters")  # fmt: skip
    for size in sizes:
        data_speed(build(Path(f"/tmp/opsg-history-{size}.sqlite3"), size))


if __name__ == "__main__":
    main()
