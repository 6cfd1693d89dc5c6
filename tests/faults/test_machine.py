"""Two windows, a full disk and random damage: refused or rescued, never lost or a traceback."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from opsg_desktop.core.errors import StoreError
from opsg_desktop.demo import fill_with_demo
from opsg_desktop.interchange import load_meeting
from opsg_desktop.store.errors import DatabaseDamagedError
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui import opening
from opsg_desktop.ui.main_window import MainWindow
from tests.fault_tools import ROOT, can_mount, checkpoint, fill, small_disk
from tests.faults.test_kills import Window, env, saved_words

pytestmark = pytest.mark.fault


@pytest.fixture
def filled(db_path):
    repository = Repository(db_path)
    fill_with_demo(repository)
    repository.close()
    return db_path


def test_a_second_window_cannot_write_under_the_first(qtbot, filled, tmp_path, monkeypatch, tally):
    first = Window(filled, tmp_path)
    try:
        monkeypatch.setattr(opening, "ask_read_only", lambda *a: True)
        repository, lock = opening.open_for_window(filled)
        assert repository.read_only and lock is None
        second = MainWindow(repository, filled)
        qtbot.addWidget(second)
        second.open_meeting("OPSG_49_2405")
        second.session.meeting.agenda[7].blocks = []  # what a second writer would have saved
        second.session.autosaver.schedule()
        qtbot.wait(1500)
        monkeypatch.setattr(QMessageBox, "warning", lambda *a: None)
        second.close()
        repository.close()
        tally["faults"] += 1
        tally["trials"] += 1
    finally:
        killed = first.kill()
        tally["kills"] += 1
    due = [word for when, word in first.typed if when < killed - 1.0]
    lost = [word for word in due if word not in saved_words(filled)]
    tally["lost"] += len(lost)
    assert due and not lost


@pytest.mark.skipif(not can_mount(), reason="a full disk needs root on Linux to mount a tmpfs")
def test_a_full_disk_keeps_every_word_in_the_database_or_the_rescue_file(qtbot, monkeypatch, tally):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: said.append(text))
    with small_disk(4096) as disk:
        db_path = disk / "opsg.sqlite3"
        repository = Repository(db_path)
        fill_with_demo(repository)
        window = MainWindow(repository, db_path)
        qtbot.addWidget(window)
        window.open_meeting("OPSG_49_2405")
        from opsg_desktop.core.model import TextBlock

        item = window.session.meeting.agenda[7]
        words = []
        for n in range(40):
            if n == 10:
                fill(disk)
                tally["faults"] += 1
            words.append(f"diskword{n:03d} " + "padding " * 200)
            item.blocks = [*item.blocks, TextBlock(words[-1].strip())]
            window.session.autosaver.schedule()
            qtbot.wait(30)
        window.close()
        repository.close()
        stored = saved_words(db_path) if not said else set()
    tally["trials"] += 1
    if said:
        rescued = said[0].split("written to\n")[1].split("\n")[0]
        stored = {getattr(b, "text", "") for b in load_meeting(rescued).agenda[7].blocks}
    lost = [w for w in words if w.strip() not in stored]
    tally["lost"] += len(lost)
    assert not lost


def test_random_damage_is_refused_or_read_never_a_traceback(db_path, tmp_path, tally):
    rng = random.Random(99)
    repository = Repository(db_path)
    fill_with_demo(repository)
    repository.close()
    checkpoint(db_path)
    pristine = db_path.read_bytes()
    for _ in range(6):
        data = bytearray(pristine)
        start = rng.randrange(100, len(data) - 4096)
        length = rng.choice([16, 256, 4096])
        data[start : start + length] = bytes(rng.randrange(256) for _ in range(length))
        db_path.write_bytes(bytes(data))
        tally["faults"] += 1
        tally["trials"] += 1
        for command in (["list"], ["dump", "OPSG_49_2405"], ["actions", "--all"]):
            done = subprocess.run(
                [sys.executable, "-m", "opsg_desktop", "--db", str(db_path), *command],
                cwd=ROOT, env=env(tmp_path), capture_output=True, text=True, timeout=60,
            )  # fmt: skip
            assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr
        try:
            repository = Repository(db_path)
        except DatabaseDamagedError:
            assert db_path.read_bytes() == bytes(data)  # refused untouched
            continue
        try:
            for summary in repository.list_meetings():
                try:
                    repository.load_meeting(summary.reference)
                except StoreError:
                    pass
        except StoreError:
            pass
        finally:
            repository.close()
