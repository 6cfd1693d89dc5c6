"""Tools of the fault tests: a window's lock held by another process, damage, a small disk."""

from __future__ import annotations

import contextlib
import os
import random
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).parent.parent

_HOLDER = """
import sys, time
from PySide6.QtCore import QCoreApplication, QLockFile
app = QCoreApplication([])
lock = QLockFile(sys.argv[1]); lock.setStaleLockTime(0)
print("held" if lock.tryLock(0) else "refused", flush=True)
time.sleep(float(sys.argv[2]))
"""


@contextlib.contextmanager
def lock_held_elsewhere(db_path: Path, seconds: float = 60) -> Iterator[subprocess.Popen]:
    """Another process holds the window's lock of ``db_path`` (as a second window would)."""
    from opsg_desktop.store.writer_lock import lock_path

    process = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(lock_path(db_path)), str(seconds)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert process.stdout.readline().strip() == "held"
        yield process
    finally:
        process.kill()
        process.wait(10)


def dead_pid() -> int:
    """The id of a process that has just ended."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def checkpoint(db_path: Path) -> None:
    """Fold the WAL into the file, so damage to the file is damage to the data."""
    import sqlite3

    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def damage(db_path: Path, seed: int = 1, page_size: int = 4096) -> None:
    """Overwrite the head of a page in the middle of the file with random bytes."""
    checkpoint(db_path)
    data = bytearray(db_path.read_bytes())
    pages = len(data) // page_size
    rng = random.Random(seed)
    start = rng.randrange(max(2, pages // 3), max(3, pages - 1)) * page_size
    data[start : start + 500] = bytes(rng.randrange(256) for _ in range(500))
    db_path.write_bytes(bytes(data))


def is_root() -> bool:
    return getattr(os, "geteuid", lambda: 1)() == 0


@contextlib.contextmanager
def small_disk(size_kib: int = 256) -> Iterator[Path]:
    """A tiny tmpfs (root only; the caller skips otherwise), unmounted afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="opsg-small-disk-"))
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kib}k", "tmpfs", str(folder)],
                   check=True)  # fmt: skip
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
        with contextlib.suppress(OSError):
            folder.rmdir()


def fill(folder: Path) -> None:
    """Fill the disk of ``folder`` to the last byte."""
    with contextlib.suppress(OSError), open(folder / "filler", "wb") as handle:
        while True:
            handle.write(b"\0" * 65536)
            handle.flush()
    with contextlib.suppress(OSError), open(folder / "filler2", "wb") as handle:
        while True:
            handle.write(b"\0" * 512)
            handle.flush()


def can_mount() -> bool:
    if not is_root() or sys.platform != "linux":
        return False
    with contextlib.suppress(Exception), small_disk(64) as folder:
        return os.path.ismount(folder)
    return False
