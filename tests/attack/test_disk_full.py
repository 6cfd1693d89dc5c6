"""Attack: a disk that is already full when the database is opened.

Seen under Xvfb: with the database's disk full and no other window open,
the window says "already open in another OPSG Secretary window (another
window)"; the command line refuses even the commands that only read
(``list``, ``dump``, ``search``, ``export``), so the secretary cannot get
the record out to another disk, though the window can read it.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from opsg_desktop.cli import main
from opsg_desktop.demo import fill_with_demo
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui import opening
from tests.fault_tools import can_mount, checkpoint, fill, small_disk

pytestmark = pytest.mark.skipif(
    not can_mount(), reason="a full disk needs root on Linux to mount a tmpfs"
)


@pytest.fixture
def full_disk_db():
    with small_disk(2048) as disk:
        db_path = disk / "opsg.sqlite3"
        repository = Repository(db_path)
        fill_with_demo(repository)
        repository.close()
        checkpoint(db_path)
        fill(disk)
        yield db_path


def test_a_full_disk_is_not_reported_as_another_window(qapp, full_disk_db, monkeypatch):
    asked, said = [], []
    monkeypatch.setattr(opening, "ask_read_only", lambda _p, _d, holder: asked.append(holder))
    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(
            QMessageBox, name, lambda _p, _t, text, *a, **k: said.append(text) or QMessageBox.No
        )
    opened = opening.open_for_window(full_disk_db)
    if opened:
        opened[0].close()
        if opened[1]:
            opened[1].release()
    assert not asked, f"told another window holds it: {asked}"


@pytest.mark.parametrize(
    "command",
    [["list"], ["dump", "OPSG_49_2405", "-o", "{tmp}/out.json"], ["search", "DCC"]],
)
def test_reading_commands_work_on_a_full_disk(full_disk_db, tmp_path, capsys, command):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in command]
    code = main(["--db", str(full_disk_db), *argv])
    err = capsys.readouterr().err
    assert code == 0, err
