"""Take the screenshots in docs/ from the real window on a (virtual) screen.

Run under Xvfb at the laptop size the product targets:

    Xvfb :99 -screen 0 1366x768x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/make_screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer

from opsg_desktop.demo import fill_with_demo
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui.app import MainWindow, create_application

DOCS = Path(__file__).parent


def main() -> int:
    app = create_application()
    repository = Repository(Path(tempfile.mkdtemp()) / "shots.sqlite3")
    fill_with_demo(repository)
    window = MainWindow(repository)
    window.resize(1366, 740)
    window.move(0, 0)
    window.show()

    def shoot() -> None:
        screen = app.primaryScreen()
        screen.grabWindow(0).save(str(DOCS / "screenshot-meetings.png"))
        app.quit()

    QTimer.singleShot(1500, shoot)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
