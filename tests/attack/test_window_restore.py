"""Attack: the window's Restore from Backup… with a damaged backup chosen.

Seen under Xvfb: the chooser lists a damaged backup first, unmarked (the
command line's `backups` marks it DAMAGED); choosing it is refused, which
is right, but the window then reopens the meeting editable: typing went
into a final, locked meeting and was saved ("Saved 07:55:25").
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from opsg_desktop.cli import main
from opsg_desktop.store.backups import list_backups
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui import restoring
from opsg_desktop.ui.main_window import MainWindow
from tests.fault_tools import damage

REF = "OPSG_49_2405"


@pytest.fixture
def locked_db(db_path, demo_doc, tmp_path, capsys):
    file = tmp_path / "demo.json"
    file.write_text(json.dumps(demo_doc), encoding="utf-8")
    run = lambda *a: main(["--db", str(db_path), *a])  # noqa: E731
    assert run("import", str(file)) == 0
    assert run("new", "--number", "50", "--date", "2021-06-21") == 0
    assert run("email", REF, "-o", str(tmp_path / "d.eml")) == 0
    assert run("final", REF, "--agreed-at", "OPSG_50_2106") == 0
    assert run("export", "actions", "-o", str(tmp_path / "a.csv")) == 0
    capsys.readouterr()
    damage(list_backups(db_path)[0].path)
    return db_path


def test_a_refused_restore_leaves_a_locked_meeting_locked(qtbot, locked_db, monkeypatch):
    said, offered = [], []
    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(
            QMessageBox, name, lambda _p, _t, text, *a, **k: said.append(text) or QMessageBox.Ok
        )

    def choose(_parent, _title, _label, labels, *a, **k):
        offered.extend(labels)
        return labels[0], True  # the newest, as the chooser preselects it

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    repository = Repository(locked_db)
    window = MainWindow(repository, locked_db)
    qtbot.addWidget(window)
    window.show()
    window.open_meeting(REF)
    assert window.panes["notes"].editor.isReadOnly()
    assert restoring.restore_from_backup(window) is False
    assert "damaged" in said[0]  # refused, and why
    editor = window.panes["notes"].editor
    assert editor.isReadOnly() and window.session.locked
    editor.setFocus()
    qtbot.keyClicks(editor, "TYPED INTO LOCKED MINUTES")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(1500)
    typed = editor.toPlainText()
    window.close()
    window.repository.close()
    assert "TYPED INTO LOCKED MINUTES" not in typed
    dumped = Repository(locked_db)
    text = json.dumps(
        [getattr(b, "text", "") for i in dumped.load_meeting(REF).agenda for b in i.blocks]
    )
    dumped.close()
    assert "TYPED INTO LOCKED MINUTES" not in text


def test_the_backup_chooser_marks_or_leaves_out_damaged_backups(qtbot, locked_db, monkeypatch):
    offered = []
    monkeypatch.setattr(
        QInputDialog,
        "getItem",
        lambda _p, _t, _l, labels, *a, **k: offered.extend(labels) or ("", False),
    )
    repository = Repository(locked_db)
    window = MainWindow(repository, locked_db)
    qtbot.addWidget(window)
    window.open_meeting(REF)
    restoring.restore_from_backup(window)
    window.close()
    repository.close()
    damaged = list_backups(locked_db)[0].label
    assert all(label != damaged for label in offered), offered
