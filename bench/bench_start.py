"""Start to first paint: the application against a bare PySide6 window, in the same run.

    .venv/bin/python bench/bench_start.py [--runs 9] [--db PATH] [-- COMMAND ...]

Each run is a fresh process, timed from just before it is started to the
first paint of its main window (the child prints ``time.monotonic()`` then,
a clock shared by every process of the machine). The application opens the
ten-year database (``bench/ten_years.py``) through its real entry point, with
``OPSG_QUIT_AFTER_MS=0``; the bare window is a ``QMainWindow`` of the same
size started by the same interpreter. Runs alternate, bare then application,
and the ratio is taken pair by pair. Goal: median ratio at most 2 (aim 1.5),
and under 1 s. The package is byte-compiled first, as an installed copy is.

``-- COMMAND`` times another build of the application (the PyInstaller
bundle) against the venv's, pair by pair: goal at most 1.2.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            wall, cpu = time.monotonic(), time.process_time()
            print(f"first paint {wall:.6f} cpu {cpu:.6f}", file=sys.stderr, flush=True)
            QTimer.singleShot(0, watched.close)
        return False

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1280, 760)
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
"""

VENV_APP = [sys.executable, "-m", "opsg_desktop"]
PAINTED = re.compile(r"first paint (\d+\.\d+) cpu (\d+\.\d+)")


def time_to_paint(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from starting ``command`` to its first paint, and CPU seconds it used by then."""
    started = time.monotonic()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    found = PAINTED.search(done.stderr)
    if done.returncode != 0 or not found:
        raise SystemExit(f"{command[0]} failed ({done.returncode}):\n{done.stderr}")
    return float(found.group(1)) - started, float(found.group(2))


Pair = tuple[tuple[float, float], tuple[float, float]]


def paired(a: list[str], b: list[str], env: dict[str, str], runs: int) -> list[Pair]:
    """``runs`` pairs (a, b), alternating, after one warm-up of each."""
    time_to_paint(a, env), time_to_paint(b, env)
    return [(time_to_paint(a, env), time_to_paint(b, env)) for _ in range(runs)]


def scratch_env(folder: Path, db: Path) -> dict[str, str]:
    """A private settings folder and a copy of the database, so runs do not disturb it."""
    copy = folder / "start.sqlite3"
    shutil.copy(db, copy)
    return {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "XDG_CONFIG_HOME": str(folder / "config"),
        "XDG_STATE_HOME": str(folder / "state"),
        "OPSG_DB": str(copy),
        "OPSG_QUIT_AFTER_MS": "0",
    }


def summary(name: str, pairs: list[Pair], against: str) -> dict[str, float]:
    """Medians of the wall times, of the ratios pair by pair, and of the CPU ratio."""
    ratios = [a[0] / b[0] for a, b in pairs]
    result = {
        "median": statistics.median(a[0] for a, _ in pairs),
        "reference": statistics.median(b[0] for _, b in pairs),
        "ratio": statistics.median(ratios),
        "cpu ratio": statistics.median(a[1] / b[1] for a, b in pairs),
    }
    print(
        f"{name}: median {result['median'] * 1000:.0f} ms, {against} "
        f"{result['reference'] * 1000:.0f} ms; ratio median {result['ratio']:.2f} "
        f"(min {min(ratios):.2f}, max {max(ratios):.2f}, {len(pairs)} pairs); "
        f"CPU ratio median {result['cpu ratio']:.2f}"
    )
    return result


def start_vs_bare(db: Path, runs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        env = scratch_env(Path(folder), db)
        pairs = paired(VENV_APP, [sys.executable, "-c", BARE], env, runs)
    return summary("start to first paint", pairs, "bare PySide6 window")


def bundle_vs_venv(command: list[str], db: Path, runs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        env = scratch_env(Path(folder), db)
        pairs = paired(command, VENV_APP, env, runs)
    return summary("bundled start", pairs, "venv start")


def cached_database() -> Path:
    """Where the ten-year database is kept between runs: one file per schema source.

    Other checkouts share the temporary folder; a file written by another
    version of the schema (even of the same number) must not be reused.
    """
    import hashlib

    from opsg_desktop.store import schema

    digest = hashlib.sha256(Path(schema.__file__).read_bytes()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"opsg-ten-years-{digest}.sqlite3"


def byte_compile() -> None:
    """Compile the package as an installed copy is (PYTHONDONTWRITEBYTECODE may be set here)."""
    import opsg_desktop

    folder = Path(opsg_desktop.__file__).parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(folder)], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--db", type=Path, help="default: the ten-year database")
    parser.add_argument("command", nargs="*", help="a bundled opsg-desktop to time against")
    args = parser.parse_args()
    if args.db is None:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        from bench.ten_years import build

        args.db = build(cached_database())
    byte_compile()
    if args.command:
        bundle_vs_venv(args.command, args.db, args.runs)
    else:
        start_vs_bare(args.db, args.runs)


if __name__ == "__main__":
    main()
