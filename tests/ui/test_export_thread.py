"""Exports are written on their own thread: the window takes typing meanwhile."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox


@pytest.fixture
def window(demo_window):
    return demo_window


def test_typing_goes_on_while_the_minutes_are_written(qtbot, window, tmp_path, monkeypatch):
    import opsg_desktop.export.minutes as minutes

    target = tmp_path / "minutes.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    release, real = threading.Event(), minutes.export_minutes

    def slow_export(meeting, path):
        assert release.wait(10), "the test never let the export finish"
        return real(meeting, path)

    monkeypatch.setattr(minutes, "export_minutes", slow_export)
    window.export_minutes()
    assert window.exporter.busy
    assert not window.actions_by_id["export_minutes"].isEnabled()  # one export at a time
    notes = window.panes["notes"]
    notes.focus_main()
    qtbot.keyClicks(notes.editor, "typed while exporting")
    assert "typed while exporting" in notes.editor.toPlainText()
    assert not target.exists()
    release.set()
    window.wait_for_export()
    assert target.exists() and window.actions_by_id["export_minutes"].isEnabled()
    assert window.statusBar().currentMessage() == f"Exported {target}"


def test_an_export_onto_the_database_is_refused_with_a_message(qtbot, window, db_path, monkeypatch):
    warned = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(db_path), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    before = db_path.read_bytes()[:100]
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    window.wait_for_export()
    assert warned and "database" in warned[0]
    assert db_path.read_bytes()[:100] == before
    assert window.actions_by_id["export_minutes"].isEnabled()
    assert window.repository.load_meeting("OPSG_49_2405").reference == "OPSG_49_2405"
