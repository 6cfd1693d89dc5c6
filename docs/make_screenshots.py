"""Take the screenshots in docs/ from the real window on a (virtual) screen.

Run under Xvfb at the laptop size the product targets:

    Xvfb :99 -screen 0 1366x768x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/make_screenshots.py

It opens the demo meeting in a fresh database and settings folder, moves to
item 4 as a secretary would mid-meeting, and saves docs/screenshot-meeting.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer

DOCS = Path(__file__).parent


def main() -> int:
    from opsg_desktop.demo import fill_with_demo
    from opsg_desktop.store.repository import Repository
    from opsg_desktop.ui.app import create_application
    from opsg_desktop.ui.main_window import MainWindow

    scratch = Path(tempfile.mkdtemp())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch))
    app = create_application()
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
        app.primaryScreen().grabWindow(0).save(str(DOCS / "screenshot-meeting.png"))
        window.close()
        app.quit()

    QTimer.singleShot(int(os.environ.get("SHOT_DELAY_MS", "1500")), shoot)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
