"""Autosave in proportion to the edit, measured on a real window at three sizes.

    .venv/bin/python bench/bench_autosave.py [TEN_YEAR_DATABASE]

Meetings: 1x (10 items of notes, 20 people, 60 actions carried), 10x (ten
times the notes and carried actions) and 1x with one 200,000-character item.
For each: typing 300 keys into the notes at about 100 a second, the wait of
each keystroke (p99 goal under 16 ms) and the longest the UI thread was busy
at once (goal: no stall over 50 ms); edit to durable (the typed word readable
by another connection, goal under 1 s); closing the window (goal under 1 s).
A whole save (an agenda item moved, which renumbers: the tracker cannot say it
as a delta) is measured at 10x too: keys typed between moves, the longest UI
stall, and move to durable; beside it, the UI thread's share of handing a whole
meeting to the worker: ``store.meeting_delta.pack`` against ``copy.deepcopy``
(what it did before).  Given a ten-year database, a whole save of its newest
meeting (notes ten times longer) is timed in it, beside the same save alone.
Beside them, in the same run, a bare QTextEdit typed the same way (empty,
and holding the same 200,000-character paragraph: Qt lays a paragraph out
again on each keystroke, whatever saves it) and a bare SQLite write.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.ten_years import meeting as ten_year_meeting  # noqa: E402
from bench.ten_years import sentence  # noqa: E402

TEXT = "The DCC reported that the backlog of hub returns would clear by June. "


def make_meeting(scale: int, big_item: bool = False):
    from opsg_desktop.core.model import Action, ActionStatus, OutstandingReview, TextBlock

    rng = random.Random(7)
    meeting = ten_year_meeting(60, dt.date(2025, 3, 10), rng)
    for item in meeting.agenda:
        item.blocks = item.blocks[:1] + [
            TextBlock(sentence(rng, 40)) for _ in range(12 * scale)
        ] + item.blocks[1:]  # fmt: skip
    meeting.outstanding = [
        OutstandingReview(
            Action(f"OPSG {n // 40 + 1}/{n % 40 + 1:02d}", sentence(rng, 14), "DCC"),
            sentence(rng, 20), ActionStatus.OPEN,
        )
        for n in range(60 * scale)
    ]  # fmt: skip
    if big_item:
        meeting.agenda[5].blocks.append(TextBlock(("x" * 99 + " ") * 2000))
    return meeting


def run(name: str, meeting, scratch: Path, item: str = "3") -> None:
    from PySide6.QtTest import QTest

    from opsg_desktop.store.repository import Repository
    from opsg_desktop.ui.app import create_application
    from opsg_desktop.ui.main_window import MainWindow

    db = scratch / f"{name}.sqlite3"
    repository = Repository(db)
    repository.save_meeting(meeting)
    app = create_application()
    window = MainWindow(repository, db)
    window.open_meeting(meeting.reference)
    window.show()
    window.panes["agenda"].select_number(item)
    notes = window.panes["notes"]
    notes.focus_main()
    app.processEvents()
    reader = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    latencies, durable = [], []
    for burst in range(6):
        word = f" zq{burst}marker"
        for i in range(50):
            latencies.append(_key(app, QTest, notes.editor, TEXT[i % len(TEXT)]))
        for char in word:
            latencies.append(_key(app, QTest, notes.editor, char))
        typed = time.perf_counter()
        while not _stored(reader, word.strip()):
            t0 = time.perf_counter()
            app.processEvents()
            latencies.append(time.perf_counter() - t0)
            time.sleep(0.005)
            if time.perf_counter() - typed > 30:
                break
        durable.append(time.perf_counter() - typed)
    t0 = time.perf_counter()
    window.close()
    closing = time.perf_counter() - t0
    repository.close()
    reader.close()
    latencies.sort()
    print(
        f"{name:<26} keystroke median {statistics.median(latencies) * 1000:6.2f} ms  "
        f"p99 {latencies[int(len(latencies) * 0.99)] * 1000:6.2f} ms  "
        f"longest stall {latencies[-1] * 1000:7.2f} ms  "
        f"edit→durable median {statistics.median(durable) * 1000:6.0f} ms "
        f"(max {max(durable) * 1000:.0f})  close {closing * 1000:6.0f} ms",
        flush=True,
    )


def run_whole(name: str, meeting, scratch: Path) -> None:
    """Typing with an agenda item moved (a whole save) after every 30 keys."""
    from PySide6.QtTest import QTest

    from opsg_desktop.store.repository import Repository
    from opsg_desktop.ui.app import create_application
    from opsg_desktop.ui.main_window import MainWindow

    db = scratch / f"{name}.sqlite3"
    repository = Repository(db)
    repository.save_meeting(meeting)
    app = create_application()
    window = MainWindow(repository, db)
    window.open_meeting(meeting.reference)
    window.show()
    agenda, notes = window.panes["agenda"], window.panes["notes"]
    agenda.select_number("3")
    moved = agenda.current_item()
    notes.focus_main()
    app.processEvents()
    reader = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    latencies, durable = [], []
    for burst in range(8):
        for i in range(30):
            latencies.append(_key(app, QTest, notes.editor, TEXT[i % len(TEXT)]))
        moving = time.perf_counter()
        agenda.move_current(1 if burst % 2 == 0 else -1)
        app.processEvents()
        latencies.append(time.perf_counter() - moving)
        place = window.session.meeting.agenda.index(moved)
        while not _at_place(reader, moved.title, place):
            t0 = time.perf_counter()
            app.processEvents()
            latencies.append(time.perf_counter() - t0)
            time.sleep(0.005)
            if time.perf_counter() - moving > 30:
                break
        durable.append(time.perf_counter() - moving)
    window.close()
    repository.close()
    reader.close()
    latencies.sort()
    print(
        f"{name:<26} keystroke median {statistics.median(latencies) * 1000:6.2f} ms  "
        f"p99 {latencies[int(len(latencies) * 0.99)] * 1000:6.2f} ms  "
        f"longest stall {latencies[-1] * 1000:7.2f} ms  "
        f"move→durable median {statistics.median(durable) * 1000:6.0f} ms "
        f"(max {max(durable) * 1000:.0f})",
        flush=True,
    )


def _at_place(reader: sqlite3.Connection, title: str, place: int) -> bool:
    found = reader.execute(
        "SELECT 1 FROM agenda_items WHERE parent_id IS NULL AND title = ? AND position = ?",
        [title, place],
    )
    return found.fetchone() is not None


def handing_over(meeting) -> None:
    """The UI thread's share of a whole save: packing the meeting, against a deep copy."""
    import copy

    from opsg_desktop.store.meeting_delta import MeetingChanges, pack

    changes = MeetingChanges(meeting.reference, whole=meeting)
    packing = _timed(lambda: pack(changes))
    copying = _timed(lambda: copy.deepcopy(meeting))
    print(
        f"{'whole save, UI share':<26} pack median {statistics.median(packing) * 1000:6.2f} ms "
        f"(max {max(packing) * 1000:.2f})   reference: deepcopy (before) median "
        f"{statistics.median(copying) * 1000:6.2f} ms (max {max(copying) * 1000:.2f})",
        flush=True,
    )


def whole_in_history(history: Path, scratch: Path) -> None:
    """A whole save of the newest meeting of a ten-year history, its notes made ten
    times longer: what the worker spends before the edit is durable (the log's state
    is refreshed for every action the meeting mentions).  Reference: the same
    meeting saved whole into an empty database."""
    from opsg_desktop.core.model import TextBlock
    from opsg_desktop.store.repository import Repository

    copy = scratch / "history.sqlite3"
    with sqlite3.connect(f"file:{history}?mode=ro", uri=True) as source:
        with sqlite3.connect(copy) as target:
            source.backup(target)
    repository = Repository(copy, daily_backup=False)
    meeting = repository.load_meeting(repository.list_meetings()[-1].reference)
    rng = random.Random(7)
    for item in meeting.agenda:
        item.blocks[1:1] = [TextBlock(sentence(rng, 40)) for _ in range(12 * 10)]
    repository.save_meeting(meeting, replace=True)
    ours = _timed(lambda: repository.save_meeting(meeting, replace=True), runs=5)
    count = len(repository.list_meetings())
    repository.close()
    empty = Repository(scratch / "alone.sqlite3", daily_backup=False)
    empty.save_meeting(meeting)
    alone = _timed(lambda: empty.save_meeting(meeting, replace=True), runs=5)
    empty.close()
    print(
        f"{'whole save, 10x, history':<26} median {statistics.median(ours) * 1000:6.0f} ms "
        f"in {count} meetings   reference: alone in a database "
        f"{statistics.median(alone) * 1000:6.0f} ms",
        flush=True,
    )


def _timed(work, runs: int = 21) -> list[float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        work()
        times.append(time.perf_counter() - t0)
    return times


def _key(app, qtest, editor, char: str) -> float:
    t0 = time.perf_counter()
    qtest.keyClick(editor, char)
    app.processEvents()
    spent = time.perf_counter() - t0
    time.sleep(0.01)
    return spent


def _stored(reader: sqlite3.Connection, word: str) -> bool:
    found = reader.execute("SELECT 1 FROM blocks WHERE text LIKE ? LIMIT 1", [f"%{word}%"])
    return found.fetchone() is not None


def bare(scratch: Path, text: str = "", name: str = "bare reference") -> None:
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QTextEdit

    app = QApplication.instance()
    editor = QTextEdit()
    editor.setPlainText(text)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.show()
    editor.setFocus()
    latencies = sorted(_key(app, QTest, editor, TEXT[i % len(TEXT)]) for i in range(300))
    conn = sqlite3.connect(scratch / f"bare{len(text)}.sqlite3")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT)")
    writes = []
    for _ in range(20):
        t0 = time.perf_counter()
        with conn:
            conn.execute("INSERT OR REPLACE INTO t VALUES (1, ?)", [TEXT * 5])
        writes.append(time.perf_counter() - t0)
    conn.close()
    editor.close()
    print(
        f"{name:<26} keystroke median {statistics.median(latencies) * 1000:6.2f} ms  "
        f"p99 {latencies[int(len(latencies) * 0.99)] * 1000:6.2f} ms  "
        f"longest stall {latencies[-1] * 1000:7.2f} ms  "
        f"one-row write median {statistics.median(writes) * 1000:6.2f} ms",
        flush=True,
    )


def main() -> None:
    from opsg_desktop.ui.app import create_application

    create_application()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        bare(folder)
        run("1x meeting", make_meeting(1), folder)
        run("10x meeting", make_meeting(10), folder)
        run_whole("10x, item moved each 30", make_meeting(10), folder)
        handing_over(make_meeting(10))
        run("1x + 200,000-char item", make_meeting(1, big_item=True), folder)
        run("typing in that item", make_meeting(1, big_item=True), folder, item="6")
        big = make_meeting(1, big_item=True).agenda[5].blocks[-1].text
        bare(folder, big, "bare, 200,000-char para.")
        if len(sys.argv) > 1:  # a ten-year database (bench/ten_years.py builds one)
            whole_in_history(Path(sys.argv[1]), folder)


if __name__ == "__main__":
    main()
