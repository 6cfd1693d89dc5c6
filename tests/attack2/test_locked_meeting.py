"""Attack 2: a final (locked) meeting in the window: nothing a key does may change it."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from opsg_desktop.cli import main
from opsg_desktop.core.model import ActionStatus, Classification
from opsg_desktop.interchange import dumps
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui.main_window import MainWindow

REF = "OPSG_49_2405"
CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


@pytest.fixture
def locked_db(db_path, demo_doc, tmp_path, capsys):
    file = tmp_path / "demo.json"
    file.write_text(json.dumps(demo_doc), encoding="utf-8")
    run = lambda *a: main(["--db", str(db_path), *a])  # noqa: E731
    assert run("import", str(file)) == 0
    assert run("new", "--number", "50", "--date", "2021-06-21") == 0
    assert run("email", REF, "-o", str(tmp_path / "d.eml")) == 0
    assert run("final", REF, "--agreed-at", "OPSG_50_2106") == 0
    capsys.readouterr()
    return db_path


def stored(db) -> str:
    repository = Repository(db, read_only=True)
    try:
        return dumps(repository.load_meeting(REF))
    finally:
        repository.close()


@pytest.fixture
def window(qtbot, locked_db, monkeypatch):
    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: QMessageBox.StandardButton.No)
    shown = MainWindow(Repository(locked_db), locked_db)
    qtbot.addWidget(shown)
    shown.show()
    shown.open_meeting(REF)
    shown.build_deferred_panes()
    assert shown.session.locked
    return shown


def test_closing_an_action_in_the_grid_of_locked_minutes_changes_nothing(qtbot, window, locked_db):
    before = stored(locked_db)
    grid = window.panes["actions"]
    row = next(
        r
        for r in range(grid.proxy.rowCount())
        if grid.proxy.index(r, 0).siblingAtColumn(0).data()
        and any(
            o.action.id == grid.proxy.index(r, 0).data() and o.status is ActionStatus.OPEN
            for o in window.session.meeting.outstanding
        )
    )
    grid.table.setCurrentIndex(grid.proxy.index(row, 0))
    grid.table.setFocus()
    qtbot.keyClick(grid.table, Qt.Key.Key_C, CTRL_ALT)
    window.level_box.setCurrentIndex(window.level_box.findData(Classification.AMBER))
    window.level_box.activated.emit(window.level_box.currentIndex())
    window.session.autosaver.save_and_wait()
    window.close()
    assert stored(locked_db) == before
