"""Every benchmark in one run: a table of medians, each beside its reference and goal.

    .venv/bin/python bench/run_all.py [--quick]

Each timing is measured against a reference taken in the same run, on the same
machine, so that a busy or slow machine moves both (the ratio is what to
compare between runs; shared machines are noisy, so quote medians):

- start: the application to its first paint on a ten-year database, against a
  bare PySide6 window started the same way (``bench_start.py``, pair by pair);
- bundled start: ``dist/opsg-desktop`` against the venv (when the bundle is built);
- exports: minutes of a typical (~11 pages) and a stress (~100 pages) meeting,
  against python-docx opening and saving an empty document (``bench_export.py``);
- typing: a keystroke in the notes pane while autosave runs, against the same
  keystroke in a bare QTextEdit (``bench_window.py``);
- data: opening a meeting, the action log and search on ten years, against
  reading every action row of that database with plain sqlite3.

``--quick`` takes fewer runs (for a look, not for a figure to quote).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench import bench_export, bench_start, bench_window  # noqa: E402
from bench.ten_years import build  # noqa: E402

Row = tuple[str, float, str, float, str, bool]


def median_of(job: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        job()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.2f} ms"


def start_rows(db: Path, runs: int) -> list[Row]:
    found = bench_start.start_vs_bare(db, runs)
    rows: list[Row] = [
        ("start to first paint, ten years", found["median"],
         f"bare PySide6 window {ms(found['reference'])}", found["ratio"],
         "ratio <= 2 (aim 1.5), < 1 s",
         found["ratio"] <= 2 and found["median"] < 1),
    ]  # fmt: skip
    bundle = ROOT / "dist" / "opsg-desktop" / "opsg-desktop"
    if bundle.exists():
        found = bench_start.bundle_vs_venv([str(bundle)], db, runs)
        rows.append(
            ("bundled start to first paint", found["median"],
             f"venv start {ms(found['reference'])}", found["ratio"], "ratio <= 1.2",
             found["ratio"] <= 1.2)
        )  # fmt: skip
    return rows


def export_rows(runs: int) -> list[Row]:
    from docx import Document

    from opsg_desktop.export.minutes import export_minutes

    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        empty = median_of(lambda: Document().save(str(out / "empty.docx")), runs)
        for name, size, goal in (
            ("typical (~11 pages)", dict(items=9, paragraphs=4, actions=2, outstanding=6), 0.5),
            ("stress (~100 pages)", dict(items=70, paragraphs=8, actions=3, outstanding=60), 5),
        ):
            meeting = bench_export.build_meeting(**size)
            seconds = median_of(lambda m=meeting: export_minutes(m, out / "m.docx"), runs)
            rows.append(
                (f"export minutes, {name}", seconds, f"empty python-docx save {ms(empty)}",
                 seconds / empty, f"< {goal} s", seconds < goal)
            )  # fmt: skip
    return rows


def bare_typing(keys: int) -> list[float]:
    """The same keystrokes into a bare QTextEdit: what Qt itself costs per key."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QTextEdit

    editor = QTextEdit()
    editor.show()
    text = "The DCC reported that the backlog of hub returns would clear by June. "
    latencies = []
    for i in range(keys):
        started = time.perf_counter()
        QTest.keyClick(editor, text[i % len(text)])
        QApplication.processEvents()
        latencies.append(time.perf_counter() - started)
    editor.close()
    return latencies


def typing_rows(db: Path, keys: int) -> list[Row]:
    latencies, snapshots = bench_window.typing(db, keys)
    bare = sorted(bare_typing(keys))
    latencies.sort()
    p99, bare_p99 = latencies[int(len(latencies) * 0.99)], bare[int(len(bare) * 0.99)]
    return [
        ("keystroke in the notes (p99)", p99, f"bare QTextEdit p99 {ms(bare_p99)}",
         p99 / bare_p99, "p99 < 16 ms", p99 < 0.016),
        ("autosave work on the UI thread", statistics.median(snapshots),
         f"keystroke median {ms(statistics.median(latencies))}",
         statistics.median(snapshots) / statistics.median(latencies), "< 16 ms",
         statistics.median(snapshots) < 0.016),
    ]  # fmt: skip


def data_rows(db: Path) -> list[Row]:
    import sqlite3

    def scan() -> None:
        with sqlite3.connect(db) as conn:
            conn.execute("SELECT * FROM actions").fetchall()

    reference = median_of(scan, 7)
    return [
        (f"{name}, ten years", seconds, f"plain read of all actions {ms(reference)}",
         seconds / reference, "< 100 ms", seconds < 0.1)
        for name, seconds in bench_window.data_speed(db).items()
    ]  # fmt: skip


def print_table(rows: list[Row]) -> None:
    header = ("what", "median", "reference, same run", "ratio", "goal", "met")
    lines = [header] + [
        (what, ms(median), reference, f"{ratio:.2f}", goal, "yes" if met else "NO")
        for what, median, reference, ratio, goal, met in rows
    ]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for number, line in enumerate(lines):
        print("| " + " | ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)) + " |")
        if number == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, for a look")
    quick = parser.parse_args().quick
    bench_start.byte_compile()
    source = build(bench_start.cached_database())
    with tempfile.TemporaryDirectory() as scratch:
        db = Path(scratch) / "ten-years.sqlite3"
        shutil.copy(source, db)
        rows = start_rows(db, 3 if quick else 9)
        rows += export_rows(3 if quick else 7)
        rows += typing_rows(db, 100 if quick else 400)
        rows += data_rows(db)
    print()
    print_table(rows)


if __name__ == "__main__":
    main()
