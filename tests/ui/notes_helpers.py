"""Opening a meeting file in the window and typing into its notes, for the notes tests."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from opsg_desktop.interchange import load_meeting, meeting_to_dict
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui.main_window import MainWindow

CASES = Path(__file__).parent.parent / "fixtures" / "record"  # shared/cases/record
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def open_file(qtbot, db_path, path: Path) -> MainWindow:
    """A shown window on the meeting of ``path``, imported into a fresh database."""
    repository = Repository(db_path)
    meeting = load_meeting(path)
    repository.save_meeting(meeting)
    window = MainWindow(repository, db_path)
    qtbot.addWidget(window)
    window.open_meeting(meeting.reference)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # the window's shortcuts (Ctrl+Shift+A …) need it active
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window._test_repository = repository  # closed by close_window
    return window


def close_window(window) -> None:
    window.close()
    window._test_repository.close()


def stored_dict(db_path, reference: str) -> dict:
    """The meeting as the database holds it, in the interchange shape."""
    repository = Repository(db_path)
    try:
        return meeting_to_dict(repository.load_meeting(reference))
    finally:
        repository.close()


def saved(window) -> None:
    """Everything typed so far is in the database."""
    window.session.flush()
    window.session.autosaver.schedule()
    assert window.session.autosaver.save_and_wait()


def compact(value):
    """``value`` without the keys a file may leave out (those holding None)."""
    if isinstance(value, dict):
        return {k: compact(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [compact(v) for v in value]
    return value


def type_keys(widget, text: str) -> None:
    """Key presses for ``text``, letters outside ASCII (é, ß) included, as a keyboard sends."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    for ch in text:
        if ch.isascii():
            QTest.keyClicks(widget, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(widget, event)


def shown(window) -> list:
    """The first item's blocks as the meeting holds them after a flush, compacted."""
    window.session.flush()
    return compact(meeting_to_dict(window.session.meeting)["agenda"][0]["blocks"])
