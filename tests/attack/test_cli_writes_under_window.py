"""Attack: command-line commands that write while a window holds the database.

Issue 12: "Command-line commands that write refuse clearly while the window
holds the file (exit 1, what to do)."  Today only import, next and restore
check the lock; these commands write to the database all the same.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from opsg_desktop.cli import main

REF = "OPSG_49_2405"


@pytest.fixture
def held_db(db_path, demo_doc, tmp_path, capsys):
    """The demo in a database whose lock file names a live process (a window)."""
    file = tmp_path / "demo.json"
    file.write_text(json.dumps(demo_doc), encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(file)]) == 0
    assert main(["--db", str(db_path), "new", "--number", "50", "--date", "2021-06-21"]) == 0
    assert main(["--db", str(db_path), "email", REF, "-o", str(tmp_path / "d.eml")]) == 0
    capsys.readouterr()
    window = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    lock = db_path.with_name(db_path.name + ".lock")
    exe = Path(os.readlink(f"/proc/{window.pid}/exe")).name  # what QLockFile writes
    lock.write_text(f"{window.pid}\n{exe}\n{socket.gethostname()}\n", encoding="utf-8")
    yield db_path
    window.kill()
    window.wait()


def snapshot(db_path) -> list:
    with sqlite3.connect(db_path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return [
            (t, sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"'))))
            for t in sorted(tables)
            if not t.startswith(("search", "sqlite_"))
        ]


WRITES = {
    "new": ["new", "--number", "51", "--date", "2021-07-19"],
    "comment": ["comment", REF, "Graham Whitfield", "--none"],
    "final": ["final", REF, "--agreed-at", "OPSG_50_2106"],
    "email": ["email", REF, "-o", "{tmp}/again.eml"],
}


@pytest.mark.parametrize("command", sorted(WRITES))
def test_writing_commands_refuse_while_a_window_holds_the_database(
    held_db, tmp_path, capsys, command
):
    before = snapshot(held_db)
    argv = [a.replace("{tmp}", str(tmp_path)) for a in WRITES[command]]
    code = main(["--db", str(held_db), *argv])
    err = capsys.readouterr().err
    assert code == 1
    assert "open in the OPSG Secretary window" in err
    assert snapshot(held_db) == before


def test_unlock_refuses_while_a_window_holds_the_database(held_db, capsys):
    # lock it first with no window (drop the lock file for a moment)
    lock = held_db.with_name(held_db.name + ".lock")
    text = lock.read_text(encoding="utf-8")
    lock.unlink()
    assert main(["--db", str(held_db), "final", REF, "--agreed-at", "OPSG_50_2106"]) == 0
    lock.write_text(text, encoding="utf-8")
    capsys.readouterr()
    before = snapshot(held_db)
    code = main(["--db", str(held_db), "unlock", REF, "--reason", "typo"])
    err = capsys.readouterr().err
    assert code == 1
    assert "open in the OPSG Secretary window" in err
    assert snapshot(held_db) == before


def test_a_stale_lock_naming_a_reused_pid_does_not_block_the_command_line(
    db_path, demo_doc, tmp_path, capsys
):
    file = tmp_path / "demo.json"
    file.write_text(json.dumps(demo_doc), encoding="utf-8")
    other = subprocess.Popen(["sleep", "120"])  # not OPSG Secretary: some process after reboot
    try:
        lock = db_path.with_name(db_path.name + ".lock")
        lock.write_text(f"{other.pid}\npython3.11\n{socket.gethostname()}\n", encoding="utf-8")
        code = main(["--db", str(db_path), "import", str(file)])
        err = capsys.readouterr().err
    finally:
        other.kill()
        other.wait()
    assert code == 0, err
