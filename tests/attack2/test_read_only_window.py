"""Attack 2: a second window, opened read-only, sending the minutes for comments.

Seen under Xvfb on the ten-year history: window B (read-only, "nothing you
change is saved") keeps Meeting ▸ Send for Comments enabled; Create the
Email writes "OPSG_22_0903 Draft Minutes v0.1.docx" and ".eml" into the
folder, then says the database is read-only and nothing was saved.  The
draft on disk (ready to be mailed) is a version the database never
recorded: window A will number its own draft v0.1 again.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from opsg_desktop.ui import opening, settings
from opsg_desktop.ui.main_window import MainWindow
from tests.fault_tools import lock_held_elsewhere

REF = "OPSG_34_0802"  # the newest of the history; the check finds nothing blocking


def test_a_read_only_window_writes_no_draft_it_cannot_record(qtbot, history, tmp_path, monkeypatch):
    monkeypatch.setattr(opening, "ask_read_only", lambda *a: True)
    said: list[str] = []
    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(
            QMessageBox, name, lambda _p, _t, text, *a, **k: said.append(text) or QMessageBox.Ok
        )
    opened = []
    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl", lambda url: opened.append(url))
    out = tmp_path / "drafts"
    out.mkdir()
    settings.EXPORT_FOLDER.write(str(out))
    with lock_held_elsewhere(history):
        repository, lock = opening.open_for_window(history)
        assert lock is None and repository.read_only
        window = MainWindow(repository)
        qtbot.addWidget(window)
        window.show()
        window.open_meeting(REF)
        window.build_deferred_panes()

        def create():
            dialog = getattr(window, "send_dialog", None)
            if dialog is not None:
                dialog.create_button.click()
                dialog.reject()

        QTimer.singleShot(0, create)
        window.send_for_comments()
        window.close()
        repository.close()
    assert sorted(p.name for p in out.iterdir()) == [], said
