"""Take the screenshots in docs/ from the real window on a (virtual) screen.

Run under Xvfb at the laptop size the product targets:

    Xvfb :99 -screen 0 1366x768x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/make_screenshots.py

It opens the demo meeting in a fresh database and settings folder, moves to
item 4 as a secretary would mid-meeting, and saves docs/screenshot-meeting.png
(with SHOT_SCHEME=dark, docs/screenshot-meeting-dark.png in a dark palette).
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
    repository = Repository(scratch / "shots.sqlite3")
    fill_with_demo(repository)
    window = MainWindow(repository)
    window.setGeometry(0, 0, 1366, 768)
    window.open_meeting("OPSG_49_2405")
    window.show()
    agenda = window.panes["agenda"]
    for _ in range(3):
        agenda.step(1)
    window.panes["notes"].focus_main()

    def shoot() -> None:
        app.primaryScreen().grabWindow(0).save(str(DOCS / name))
        window.close()
        app.quit()

    QTimer.singleShot(int(os.environ.get("SHOT_DELAY_MS", "1500")), shoot)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
