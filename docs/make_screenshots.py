"""Take the screenshots in docs/ from the real window on a (virtual) screen.

Run under Xvfb at the laptop size the product targets:

    Xvfb :99 -screen 0 1366x768x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/make_screenshots.py

It opens the demo meeting in a fresh database and settings folder, moves to
item 4 as a secretary would mid-meeting, and saves docs/screenshot-meeting.png
(with SHOT_SCHEME=dark, docs/screenshot-meeting-dark.png in a dark palette).
With SHOT=notes it types into item 2 by key (a paragraph with a link made
with Ctrl+K, then an action raised with Ctrl+Shift+A) and saves
docs/screenshot-notes.png: the outstanding table, the link and the open bar.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer

DOCS = Path(__file__).parent


def dark_palette():
    """A dark system palette, as a desktop in dark mode hands to Qt."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    role = QPalette.ColorRole
    for name, colour in (
        (role.Window, "#2b2b2b"), (role.WindowText, "#e6e6e6"), (role.Base, "#1e1e1e"),
        (role.AlternateBase, "#262626"), (role.Text, "#e6e6e6"), (role.Button, "#353535"),
        (role.ButtonText, "#e6e6e6"), (role.Highlight, "#3d6fb4"),
        (role.HighlightedText, "#ffffff"), (role.PlaceholderText, "#8c8c8c"),
        (role.Link, "#7fb2ff"), (role.ToolTipBase, "#353535"), (role.ToolTipText, "#e6e6e6"),
    ):  # fmt: skip
        palette.setColor(name, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor("#7a7a7a"))
    return palette


def main() -> int:
    from opsg_desktop.demo import fill_with_demo
    from opsg_desktop.store.repository import Repository
    from opsg_desktop.ui.app import create_application
    from opsg_desktop.ui.main_window import MainWindow

    scratch = Path(tempfile.mkdtemp())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch))
    app = create_application()
    dark = os.environ.get("SHOT_SCHEME") == "dark"
    if dark:  # what a user whose system is set to dark sees
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    name = "screenshot-meeting-dark.png" if dark else "screenshot-meeting.png"
    notes_shot = os.environ.get("SHOT") == "notes"
    if notes_shot:
        name = "screenshot-notes.png"
    repository = Repository(scratch / "shots.sqlite3")
    fill_with_demo(repository)
    window = MainWindow(repository)
    window.setGeometry(0, 0, 1366, 768)
    window.open_meeting("OPSG_49_2405")
    window.show()
    agenda = window.panes["agenda"]
    for _ in range(1 if notes_shot else 3):
        agenda.step(1)
    window.panes["notes"].focus_main()
    if notes_shot:
        window.activateWindow()  # no window manager under Xvfb: window shortcuts need it
        QTimer.singleShot(600, lambda: type_item_two(window))

    def shoot() -> None:
        app.primaryScreen().grabWindow(0).save(str(DOCS / name))
        window.close()
        app.quit()

    QTimer.singleShot(int(os.environ.get("SHOT_DELAY_MS", "1500")), shoot)
    return app.exec()


def type_item_two(window) -> None:
    """Keys a secretary presses in item 2: a linked paragraph, then an action."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    editor, ctrl, shift = (
        window.panes["notes"].editor,
        Qt.KeyboardModifier.ControlModifier,
        Qt.KeyboardModifier.ShiftModifier,
    )
    QTest.keyClick(editor, Qt.Key.Key_End, ctrl)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QTest.keyClicks(editor, "Members can read the revised plan on the modification page.")
    QTest.keyClick(editor, Qt.Key.Key_Left)
    for _ in "modification page":
        QTest.keyClick(editor, Qt.Key.Key_Left, shift)
    QTest.keyClick(window, Qt.Key.Key_K, ctrl)
    bar = window.panes["notes"].link_bar
    QTest.keyClicks(bar.url, "https://example.org/modifications/mp61")
    QTest.keyClick(bar.url, Qt.Key.Key_Return)
    QTest.keyClick(editor, Qt.Key.Key_End)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QTest.keyClicks(editor, "The DCC to publish the revised migration plan by 11 June.")
    QTest.keyClick(window, Qt.Key.Key_A, ctrl | shift)


if __name__ == "__main__":
    sys.exit(main())
