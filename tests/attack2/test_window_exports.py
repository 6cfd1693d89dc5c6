"""Attack 2: exports from the window, written on the export thread, on a long history."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from opsg_desktop.cli import main
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui.main_window import MainWindow

LAST = "OPSG_34_0802"


@pytest.fixture
def window(qtbot, history, monkeypatch):
    said = []
    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda _p, _t, text, *a, **k: said.append(text))
    repository = Repository(history)
    shown = MainWindow(repository, history)
    qtbot.addWidget(shown)
    shown.show()
    shown.open_meeting(LAST)
    shown.build_deferred_panes()
    shown.actions_by_id["open_after_export"].setChecked(False)
    shown.said = said
    return shown


def export_from_window(window, monkeypatch, target):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_action_log()


def test_the_windows_action_log_csv_is_the_command_lines(
    qtbot, window, history, tmp_path, monkeypatch
):
    """Held: the same bytes, with typing going on while it is written."""
    export_from_window(window, monkeypatch, tmp_path / "window.csv")
    notes = window.panes["notes"]
    notes.focus_main()
    qtbot.keyClicks(notes.editor, " typed during the export")
    window.wait_for_export()
    window.session.autosaver.save_and_wait()
    window.close()
    assert main(["--db", str(history), "export", "actions", "-o", str(tmp_path / "cli.csv")]) == 0
    assert (tmp_path / "window.csv").read_bytes() == (tmp_path / "cli.csv").read_bytes()
    assert window.said == []
