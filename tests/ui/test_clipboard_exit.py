"""Quitting after a copy from the notes exits cleanly (no crash once Python has gone)."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from opsg_desktop.ui.notes_clipboard import hand_clipboard_to_qt
from PySide6.QtGui import QUndoStack
from opsg_desktop.ui.notes_editor import NotesEdit

app = QApplication(sys.argv)
if "--hand" in sys.argv:
    app.aboutToQuit.connect(hand_clipboard_to_qt)  # as ui.app.run_app does
stack = QUndoStack()
editor = NotesEdit(stack)
editor.setPlainText("Words the secretary copies.")
editor.selectAll()
editor.copy()
assert app.clipboard().text() == "Words the secretary copies."
QTimer.singleShot(50, app.quit)
sys.exit(app.exec())
"""


def _run(*args: str) -> int:
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, *args], env=env, capture_output=True, timeout=60
    ).returncode


def test_a_copy_from_the_notes_then_quitting_exits_cleanly():
    assert _run("--hand") == 0


def test_without_the_hand_over_the_exit_crashes():
    """Shows the test above can fail: PySide destroys the copy after Python is gone."""
    assert _run() == -11  # SIGSEGV
