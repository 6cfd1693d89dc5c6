"""Attack: a lock left by this same machine under a former host name.

A laptop killed (power cut) while the window was open leaves
``opsg.sqlite3.lock``; if the machine's host name differs at the next start
(macOS renames a laptop "…-2" when the name is taken on the network; DHCP
names change), the lock names another host, which both the window and the
command line take for a live window elsewhere, for ever.  The window offers
only Open Read-Only or Cancel, and neither message names the lock file or
the host, so the secretary has no way to write again.
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QMessageBox

from opsg_desktop.cli import main
from opsg_desktop.store.writer_lock import lock_path
from opsg_desktop.ui import opening
from tests.fault_tools import dead_pid

OLD_HOST = "secretary-laptop-2"


@pytest.fixture
def stale_elsewhere(db_path, demo_doc, tmp_path, capsys):
    file = tmp_path / "demo.json"
    file.write_text(json.dumps(demo_doc), encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(file)]) == 0
    capsys.readouterr()
    lock_path(db_path).write_text(f"{dead_pid()}\nopsg-desktop-gui\n{OLD_HOST}\n")
    return db_path


def test_the_command_line_names_the_host_and_the_lock_file(stale_elsewhere, tmp_path, capsys):
    code = main(["--db", str(stale_elsewhere), "new", "--number", "50", "--date", "2021-06-21"])
    err = capsys.readouterr().err
    assert code == 1
    assert OLD_HOST in err and str(lock_path(stale_elsewhere)) in err, err


def test_the_window_offers_a_way_out_of_a_lock_from_another_host_name(
    qapp, stale_elsewhere, monkeypatch
):
    shown = []

    def exec_(box):
        shown.append((box.text() + " " + box.informativeText(), len(box.buttons())))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    assert opening.open_for_window(stale_elsewhere) is None
    text, buttons = shown[0]
    assert buttons > 2 or str(lock_path(stale_elsewhere)) in text, shown


def test_taking_over_a_lock_from_a_former_host_name_gives_a_writing_window(
    qapp, stale_elsewhere, monkeypatch
):
    monkeypatch.setattr(opening, "ask_about_other_computer", lambda *a: "take over")
    repository, lock = opening.open_for_window(stale_elsewhere)
    try:
        assert lock is not None and not repository.read_only
        assert OLD_HOST not in lock_path(stale_elsewhere).read_text()
    finally:
        lock.release()
        repository.close()


def test_choosing_read_only_for_another_computers_lock_names_that_computer(
    qapp, stale_elsewhere, monkeypatch
):
    monkeypatch.setattr(opening, "ask_about_other_computer", lambda *a: "read-only")
    repository, lock = opening.open_for_window(stale_elsewhere)
    try:
        assert lock is None and repository.read_only
        assert OLD_HOST in repository.read_only_cause
    finally:
        repository.close()
