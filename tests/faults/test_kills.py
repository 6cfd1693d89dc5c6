"""SIGKILL during typing, export, import and migration, repeated: nothing saved is lost.

Each trial kills a real process at a random moment, then checks the file
with SQLite's integrity_check and reads everything back.  Bounded: a few
trials each, about half a minute in all.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from opsg_desktop.demo import fill_with_demo
from opsg_desktop.interchange import dumps
from opsg_desktop.store.repository import Repository
from opsg_desktop.store.schema import LATEST_VERSION, open_database
from tests.fault_tools import ROOT

pytestmark = [pytest.mark.fault, pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")]
RNG = random.Random(12)


def integrity(db_path: Path) -> str:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def env(tmp_path: Path) -> dict:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "c")}


class Window:
    """A window process typing a word every 80 ms; ``typed`` holds (time, word) as printed."""

    def __init__(self, db_path: Path, tmp_path: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.faults.window_driver", str(db_path)],
            cwd=ROOT, env=env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        self.typed: list[tuple[float, str]] = []
        first = self.process.stdout.readline().strip()
        assert first == "ready", first + self.process.stderr.read()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            if line.startswith("typed "):
                self.typed.append((time.monotonic(), line.split()[1]))

    def kill(self) -> float:
        killed = time.monotonic()
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)
        return killed


@pytest.fixture
def filled(db_path):
    repository = Repository(db_path)
    fill_with_demo(repository)
    repository.close()
    return db_path


def saved_words(db_path: Path) -> set[str]:
    repository = Repository(db_path)
    try:
        blocks = repository.load_meeting("OPSG_49_2405").agenda[7].blocks
    finally:
        repository.close()
    return {getattr(b, "text", "") for b in blocks}


def test_sigkill_while_typing_loses_nothing_older_than_a_second(filled, tmp_path, tally):
    for _ in range(4):
        window = Window(filled, tmp_path)
        time.sleep(RNG.uniform(1.2, 2.5))
        killed = window.kill()
        tally["kills"] += 1
        tally["faults"] += 1
        tally["trials"] += 1
        assert integrity(filled) == "ok"
        words = saved_words(filled)
        due = [word for when, word in window.typed if when < killed - 1.0]
        lost = [word for word in due if word not in words]
        tally["lost"] += len(lost)
        assert due and not lost, f"lost {lost} of {len(due)} typed over a second before the kill"


def kill_command(args: list[str], tmp_path: Path, tally, within: tuple[float, float]) -> None:
    """Run ``opsg-desktop ARGS`` and SIGKILL it at a random moment ``within`` (seconds)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "opsg_desktop", *args],
        cwd=ROOT, env=env(tmp_path), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    time.sleep(RNG.uniform(*within))
    process.send_signal(signal.SIGKILL)
    process.wait(10)
    tally["kills"] += 1
    tally["faults"] += 1
    tally["trials"] += 1


def test_sigkill_during_export_leaves_the_database_and_no_half_document(filled, tmp_path, tally):
    target = tmp_path / "minutes.docx"
    for _ in range(3):
        args = ["--db", str(filled), "export", "minutes", "OPSG_49_2405", "-o", str(target)]
        kill_command(args, tmp_path, tally, (0.2, 1.2))
        assert integrity(filled) == "ok"
        if target.exists():
            from docx import Document

            Document(str(target))  # a whole document, or none
        assert saved_words(filled)


def test_sigkill_during_import_leaves_one_version_or_the_other(filled, tmp_path, tally):
    repository = Repository(filled)
    meeting = repository.load_meeting("OPSG_49_2405")
    repository.close()
    meeting.location = "Imported version"
    file = tmp_path / "m.json"
    file.write_text(dumps(meeting), encoding="utf-8")
    for _ in range(3):
        kill_command(["--db", str(filled), "import", str(file), "--replace"], tmp_path, tally,
                     (0.2, 1.0))  # fmt: skip
        assert integrity(filled) == "ok"
        repository = Repository(filled)
        stored = repository.load_meeting("OPSG_49_2405")
        repository.close()
        assert stored.location in (meeting.location, "Imported version")
        assert len(stored.agenda) == len(meeting.agenda)


def test_sigkill_during_migration_keeps_the_data_and_a_sound_copy(tmp_path, demo_doc, tally):
    for trial in range(3):
        db_path = tmp_path / f"old{trial}.sqlite3"
        old = open_database(db_path, upto=LATEST_VERSION - 1)
        old.executescript("CREATE TABLE filler (x); ")
        old.conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 900,)] * 3000)
        old.conn.commit()
        old.close()
        process = subprocess.Popen(
            [sys.executable, "-m", "opsg_desktop", "--db", str(db_path), "list"],
            cwd=ROOT, env=env(tmp_path), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(RNG.uniform(0.15, 0.6))
        process.send_signal(signal.SIGKILL)
        process.wait(10)
        tally["kills"] += 1
        tally["faults"] += 1
        tally["trials"] += 1
        assert integrity(db_path) == "ok"
        Repository(db_path).close()  # finishes (or redoes) the migration
        conn = sqlite3.connect(db_path)
        rows = conn.execute("SELECT count(*) FROM filler").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.close()
        tally["lost"] += 3000 - rows
        assert (rows, version) == (3000, LATEST_VERSION)
        copy = db_path.with_name(db_path.name + f".schema{LATEST_VERSION - 1}.bak")
        assert integrity(copy) == "ok"


def test_the_window_and_the_command_line(filled, tmp_path, tally, capsys):
    from opsg_desktop.cli import main

    repository = Repository(filled)
    meeting = repository.load_meeting("OPSG_49_2405")
    repository.close()
    file = tmp_path / "m.json"
    file.write_text(dumps(meeting), encoding="utf-8")
    window = Window(filled, tmp_path)
    try:
        time.sleep(0.8)
        assert main(["--db", str(filled), "import", str(file), "--replace"]) == 1
        assert main(["--db", str(filled), "list"]) == 0
        assert main(["--db", str(filled), "dump", "OPSG_49_2405"]) == 0
        json.loads(capsys.readouterr().out.split("\n", 1)[1])
        tally["faults"] += 3
        tally["trials"] += 1
        time.sleep(1.5)
    finally:
        killed = window.kill()
        tally["kills"] += 1
    due = [word for when, word in window.typed if when < killed - 1.0]
    lost = [word for word in due if word not in saved_words(filled)]
    tally["lost"] += len(lost)
    assert due and not lost


def test_sigkill_during_restore_leaves_the_old_file_or_the_restored_one(filled, tmp_path, tally):
    """Restoring a damaged file: killed at any moment, the database path still holds the
    damaged file or the restored backup, never nothing (nor a new, empty database)."""
    from opsg_desktop.core.errors import StoreError
    from tests.fault_tools import damage

    repository = Repository(filled)
    repository.backup("export")
    repository.close()
    for _ in range(4):
        damage(filled, seed=RNG.randrange(1000))
        kill_command(["--db", str(filled), "restore"], tmp_path, tally, (0.15, 0.9))
        tally["faults"] += 1  # the damage, besides the kill
        assert filled.exists() and filled.stat().st_size > 0, "the database is gone"
        try:
            repository = Repository(filled)
        except StoreError:  # still the damaged file: restore again, as the message says
            subprocess.run(
                [sys.executable, "-m", "opsg_desktop", "--db", str(filled), "restore"],
                cwd=ROOT, env=env(tmp_path), capture_output=True, check=True,
            )  # fmt: skip
            repository = Repository(filled)
        found = repository.list_meetings()
        repository.close()
        tally["lost"] += 0 if found else 1
        assert found, "the restored database holds no meeting"
