"""Unsaved work on a disk that will not take it: a whole rescue file somewhere, and a dialog."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from opsg_desktop.demo import fill_with_demo
from opsg_desktop.interchange import load_meeting
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui import rescue
from opsg_desktop.ui.main_window import MainWindow
from tests.fault_tools import can_mount, fill, small_disk


def test_the_rescue_goes_to_the_next_folder_when_the_first_refuses(tmp_path, monkeypatch):
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("x")
    path = rescue.write_rescue("{}", "m.json", blocked / "db-folder")
    assert path.parent == rescue.rescue_folders(tmp_path)[1]
    assert path.read_text() == "{}"


def test_no_folder_at_all_raises_with_every_reason(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("x")
    monkeypatch.setattr(rescue, "rescue_folders", lambda _: [blocked / "a", blocked / "b"])
    with pytest.raises(rescue.RescueError, match="could not be written anywhere"):
        rescue.write_rescue("{}", "m.json", tmp_path)


@pytest.mark.skipif(not can_mount(), reason="needs root on Linux to mount a small tmpfs")
def test_disk_full_then_close_rescues_elsewhere_and_says_where(qtbot, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: said.append(text))
    with small_disk(2048) as disk:
        db_path = disk / "opsg.sqlite3"
        repository = Repository(db_path)
        fill_with_demo(repository)
        window = MainWindow(repository, db_path)
        qtbot.addWidget(window)
        window.open_meeting("OPSG_49_2405")
        failures = []
        window.session.autosaver.failed.connect(failures.append)
        fill(disk)
        typed = ("Typed after the disk filled. " * 2000).strip()
        window.session.meeting.location = typed
        window.session.touch("meeting")
        with qtbot.waitSignal(window.session.autosaver.failed, timeout=3000):
            pass
        assert "the disk is full" in failures[0]
        window.close()
        repository.close()
        left = [p.name for p in disk.iterdir() if p.suffix == ".json" or p.name.endswith(".tmp")]
        assert left == []  # no 0-byte or cut-off rescue on the full disk
    assert said and "were written to" in said[0]
    rescued = said[0].split("written to\n")[1].split("\n")[0]
    assert load_meeting(rescued).location == typed
