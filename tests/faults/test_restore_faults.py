"""Restore under fire: killed at every step, and with another process saving all along.

The kill sweep runs ``restore_backup`` in a real process that kills itself
(SIGKILL) just before its k-th file operation (copy, rename, remove, fsync),
for every k until a run finishes; after each kill the database path must
hold a whole file, either the old content or the restored one, with the old
content kept somewhere, and the next restore must finish and clear the
leftovers.  Kills inside the online backup's write transaction are among
them (the ``before-restore`` copy is renamed in while the lock is held).
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from opsg_desktop.demo import fill_with_demo
from opsg_desktop.interchange import load_meeting
from opsg_desktop.store.backups import folder_of, list_backups, make_backup
from opsg_desktop.store.checks import is_sound
from opsg_desktop.store.repository import Repository
from opsg_desktop.store.restore import restore_backup
from tests.fault_tools import ROOT, checkpoint, damage

pytestmark = [pytest.mark.fault, pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")]
LATER = "tests/fixtures/schema_v3/OPSG_61_1403.json"

_KILLER = textwrap.dedent(
    """
    import os, shutil, signal, sys
    from pathlib import Path
    from opsg_desktop.store.restore import restore_backup
    limit, calls = int(sys.argv[3]), [0]
    def killing(function):
        def call(*args, **kwargs):
            calls[0] += 1
            if calls[0] == limit:
                os.kill(os.getpid(), signal.SIGKILL)
            return function(*args, **kwargs)
        return call
    for module, name in [(os, "replace"), (os, "unlink"), (os, "fsync"), (shutil, "copyfile")]:
        setattr(module, name, killing(getattr(module, name)))
    restore_backup(Path(sys.argv[1]), Path(sys.argv[2]))
    print("done", calls[0], flush=True)
    """
)

_WRITER = textwrap.dedent(
    """
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], timeout=5, isolation_level=None)
    print("ready", flush=True)
    for number in range(int(sys.argv[2])):
        name = f"WRITER-{number}"
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO issued_action_ids (id) VALUES (?)", (name,))
        conn.execute("COMMIT")
        print(name, flush=True)  # acknowledged
        time.sleep(0.005)
    """
)


def references(path: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT reference FROM meetings")}
    finally:
        conn.close()


def ids(path: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT id FROM issued_action_ids")}
    finally:
        conn.close()


@pytest.fixture
def two_states(db_path):
    """A backup holding the demo; the database holding the demo and a later meeting."""
    repository = Repository(db_path)
    fill_with_demo(repository)
    backup = make_backup(repository.db.conn, db_path, "daily")
    repository.save_meeting(load_meeting(LATER))
    repository.close()
    checkpoint(db_path)
    return db_path, backup


def kill_at(db_path: Path, backup: Path, step: int) -> bool:
    """Run a restore that kills itself before its ``step``-th file operation; True if killed."""
    run = subprocess.run(
        [sys.executable, "-c", _KILLER, str(db_path), str(backup), str(step)],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    if run.returncode == -signal.SIGKILL:
        return True
    assert run.returncode == 0 and run.stdout.startswith("done"), run.stderr
    return False


def leftovers(db_path: Path) -> list[str]:
    places = [*db_path.parent.iterdir(), *folder_of(db_path).iterdir()]
    return [p.name for p in places if ".tmp" in p.name]


@pytest.mark.parametrize("state", ["sound", "damaged"])
def test_a_restore_killed_at_any_step_keeps_a_whole_database(two_states, state, tally):
    db_path, backup = two_states
    if state == "damaged":
        damage(db_path)
    old = db_path.read_bytes()
    old_content = {"OPSG_49_2405", "OPSG_61_1403"}
    for step in range(1, 80):
        killed = kill_at(db_path, backup, step)
        tally["trials"] += 1
        if not killed:
            break
        tally["kills"] += 1
        tally["faults"] += 1
        assert db_path.exists(), f"no database after a kill at step {step}"
        if state == "damaged":
            kept = [p for p in db_path.parent.iterdir() if ".damaged-" in p.name]
            restored = db_path.read_bytes() != old
            assert not restored or is_sound(db_path, full=True), step
            assert db_path.read_bytes() == old or any(p.read_bytes() == old for p in kept), step
        else:
            assert is_sound(db_path, full=True), step
            if references(db_path) != old_content:
                assert references(db_path) == {"OPSG_49_2405"}, step
                copies = [b.path for b in list_backups(db_path) if b.reason == "before-restore"]
                assert any(references(p) == old_content for p in copies), step
        restore_backup(db_path, backup)  # the next restore finishes and clears the leftovers
        assert references(db_path) == {"OPSG_49_2405"}
        assert leftovers(db_path) == [], step
        Repository(db_path).close()  # opens cleanly
        for stale in db_path.parent.iterdir():
            if ".damaged-" in stale.name:
                stale.unlink()
        if state == "damaged":
            db_path.write_bytes(old)
        else:
            repository = Repository(db_path)
            repository.save_meeting(load_meeting(LATER))
            repository.close()
            checkpoint(db_path)
    else:
        pytest.fail("the restore never finished")
    assert step > 5  # the sweep reached the renames, not only the first copy


def test_every_save_acknowledged_around_a_restore_is_kept(two_states, tally):
    db_path, backup = two_states
    writer = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(db_path), "400"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert writer.stdout.readline().strip() == "ready"
    time.sleep(0.3)
    for _ in range(3):
        restore_backup(db_path, backup)
        tally["faults"] += 1
        time.sleep(0.2)
    acknowledged = [line.strip() for line in writer.stdout]
    assert writer.wait(60) == 0
    tally["trials"] += 1
    places = [db_path] + [b.path for b in list_backups(db_path) if b.reason == "before-restore"]
    kept: set[str] = set()
    for place in places:
        kept |= ids(place)
    lost = [name for name in acknowledged if name not in kept]
    tally["lost"] += len(lost)
    assert len(acknowledged) == 400 and not lost, f"{len(lost)} acknowledged saves lost"
    assert os.path.getsize(db_path) > 0
