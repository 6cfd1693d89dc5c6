"""A real start of the application, for the start-up tests.

Usage: python -m tests.ui.start_driver DB_PATH

Starts the window as ``run_app`` does and, at its first paint, prints what
was loaded and built by then; then, once it is, or after 5 s, whether the
window is the active one (under Xvfb no window manager activates it for us).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication


class FirstPaint(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and watched is self.window:
            watched.removeEventFilter(self)
            loaded = sorted(m for m in sys.modules if m.split(".")[0] == "sqlite_utils")
            print("loaded:", " ".join(loaded))
            print("panes:", " ".join(sorted(self.window.panes)), flush=True)
        return False


def main() -> int:
    from opsg_desktop.store.repository import Repository
    from opsg_desktop.ui.app import _show_window, create_application

    app = create_application()
    repository = Repository(Path(sys.argv[1]))
    window = _show_window(repository, repository.path)
    window.installEventFilter(FirstPaint(window))
    deadline = time.monotonic() + 5

    def check_active() -> None:
        if QApplication.activeWindow() is window or time.monotonic() > deadline:
            print("panes later:", " ".join(sorted(window.panes)))
            print("active:", QApplication.activeWindow() is window, flush=True)
            window.close()
        else:
            QTimer.singleShot(50, check_active)

    QTimer.singleShot(50, check_active)
    try:
        return app.exec()
    finally:
        repository.close()


if __name__ == "__main__":
    sys.exit(main())
