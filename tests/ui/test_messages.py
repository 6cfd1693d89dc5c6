"""Messages the window shows suggest only what the window can do, and are logged."""

import json
import re

from PySide6.QtWidgets import QFileDialog, QMessageBox

from opsg_desktop.demo import fill_with_demo
from opsg_desktop.logs import log_file
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui.main_window import MainWindow


def test_importing_a_meeting_already_there_names_no_command_line_option(
    qtbot, db_path, tmp_path, demo_doc, monkeypatch
):
    repository = Repository(db_path)
    fill_with_demo(repository)
    window = MainWindow(repository, db_path)
    qtbot.addWidget(window)
    file = tmp_path / "again.json"
    file.write_text(json.dumps(demo_doc), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(file), ""))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    try:
        window.import_meeting()
        assert len(shown) == 1 and "OPSG_49_2405 is already in the database" in shown[0]
        assert not re.search(r"--[a-z]", shown[0])
        logged = log_file().read_text(encoding="utf-8")
        assert "WARNING" in logged and "OPSG_49_2405 is already in the database" in logged
    finally:
        window.close()
        repository.close()
