"""An unexpected exception: logged with its traceback, shown in a dialog naming the log."""

import sys

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton

from opsg_desktop.demo import fill_with_demo
from opsg_desktop.logs import log_file, log_folder, start_logging
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui import app as app_module
from opsg_desktop.ui.main_window import MainWindow
from opsg_desktop.ui.unexpected import report


@pytest.fixture
def shown(monkeypatch):
    """The text of every message box shown (instead of waiting for a click)."""
    texts: list[str] = []

    def fake_exec(box):
        texts.append(box.text())
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return texts


@pytest.fixture
def opened(monkeypatch):
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toLocalFile()))
    return urls


def test_an_exception_in_a_slot_is_logged_and_shown_naming_the_log(qtbot, shown, monkeypatch):
    start_logging()
    monkeypatch.setattr(sys, "excepthook", report)
    button = QPushButton("Go")
    qtbot.addWidget(button)
    button.clicked.connect(lambda: {}["no such key"])
    with qtbot.capture_exceptions():  # pytest-qt's own hook stays out of the way
        sys.excepthook = report
        button.click()
    assert len(shown) == 1
    assert "KeyError: 'no such key'" in shown[0] and str(log_file()) in shown[0]
    logged = log_file().read_text(encoding="utf-8")
    assert "Traceback" in logged and "KeyError: 'no such key'" in logged


def test_a_window_that_fails_at_start_shows_a_dialog(qapp, db_path, shown, monkeypatch):
    start_logging()

    def broken(self, reference, **options):
        raise RuntimeError("the panes could not be built")

    monkeypatch.setattr(MainWindow, "open_meeting", broken)
    try:
        assert app_module.run_app(db_path, demo=True) == 1
    finally:
        for widget in qapp.topLevelWidgets():
            widget.close()
            widget.deleteLater()
    assert len(shown) == 1 and "RuntimeError: the panes could not be built" in shown[0]
    assert str(log_file()) in shown[0]
    assert "Traceback" in log_file().read_text(encoding="utf-8")
    assert sys.excepthook is not report


def test_the_dialog_opens_the_log_folder(qtbot, shown, opened, monkeypatch):
    start_logging()
    boxes = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.append(box))
    try:
        raise ValueError("odd")
    except ValueError:
        report(*sys.exc_info())
    (box,) = boxes
    button = next(b for b in box.buttons() if b.text() == "Open Log Folder")
    button.click()
    assert opened == [str(log_folder())]


def test_help_open_log_folder(qtbot, db_path, opened):
    repository = Repository(db_path)
    fill_with_demo(repository)
    window = MainWindow(repository, db_path)
    qtbot.addWidget(window)
    try:
        help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
        entry = next(a for a in help_menu.actions() if a.text() == "Open &Log Folder")
        entry.trigger()
        assert opened == [str(log_folder())] and log_folder().is_dir()
    finally:
        window.close()
        repository.close()


def test_the_readme_demo_command_opens_the_window_every_time(qapp, db_path, shown, monkeypatch):
    monkeypatch.setenv("OPSG_QUIT_AFTER_MS", "0")
    for _ in range(2):
        assert app_module.run_app(db_path, demo=True) == 0
    assert shown == []
    repository = Repository(db_path)
    try:
        assert [m.reference for m in repository.list_meetings()] == ["OPSG_49_2405"]
    finally:
        repository.close()
