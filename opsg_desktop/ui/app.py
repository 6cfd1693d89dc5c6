"""The application: QApplication, the database, the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from opsg_desktop.core.errors import OpsgError
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui import settings


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName("OPSG Secretary")
    app.setApplicationName("opsg-desktop")
    app.setApplicationDisplayName("OPSG Secretary")
    return app


def first_meeting(repository: Repository) -> str | None:
    """The meeting to open: the last one worked on, else the newest."""
    meetings = [m.reference for m in repository.list_meetings()]
    last = settings.LAST_MEETING.read()
    if last in meetings:
        return last
    return meetings[-1] if meetings else None


def offer_demo(repository: Repository) -> bool:
    """An empty database: offer the demo meeting so there is something to see."""
    from opsg_desktop.demo import fill_with_demo

    answer = QMessageBox.question(
        None,
        "OPSG Secretary",
        f"The database {repository.path} holds no meetings yet.\n\n"
        "Load an invented demo meeting to try the application? "
        "(You can also import a meeting file from the Meeting menu.)",
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    fill_with_demo(repository)
    return True


def run_app(db_path: Path, *, demo: bool = False) -> int:
    """Open the window on the database at ``db_path``; return the exit status.

    An exception nobody expected, at start or later in a slot, is logged and
    shown in a dialog naming the log (``ui.unexpected``) rather than lost.
    """
    from opsg_desktop.ui.unexpected import report

    app = create_application()
    previous_hook, sys.excepthook = sys.excepthook, report
    repository: Repository | None = None
    try:
        repository = _open_repository(db_path, demo)
        if repository is None:
            return 1
        window = _show_window(repository, db_path)
        _quit_after_a_while(window)
        return app.exec()
    except Exception:
        report(*sys.exc_info())  # type: ignore[arg-type]
        return 1
    finally:
        sys.excepthook = previous_hook
        if repository is not None:
            repository.close()


def _open_repository(db_path: Path, demo: bool) -> Repository | None:
    try:
        repository = Repository(db_path)
        if demo:
            from opsg_desktop.demo import fill_with_demo

            fill_with_demo(repository)
        elif not repository.list_meetings():
            offer_demo(repository)
    except OpsgError as exc:
        QMessageBox.critical(None, "OPSG Secretary", str(exc))
        return None
    return repository


def _show_window(repository: Repository, db_path: Path) -> QMainWindow:
    from opsg_desktop.ui.main_window import MainWindow

    window = MainWindow(repository, db_path)
    reference = first_meeting(repository)
    if reference is not None:
        window.open_meeting(reference)
    window.show()
    return window


#: Smoke tests of an installed copy set this to close the window that many ms after start.
QUIT_AFTER_VARIABLE = "OPSG_QUIT_AFTER_MS"


def _quit_after_a_while(window: QMainWindow) -> None:
    delay = os.environ.get(QUIT_AFTER_VARIABLE, "")
    if delay.isdigit():
        QTimer.singleShot(int(delay), window.close)
