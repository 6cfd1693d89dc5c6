"""The application: QApplication, the database, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

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


def run_app(db_path: Path, *, demo: bool = False) -> int:
    """Open the window on the database at ``db_path``; return the exit status."""
    from opsg_desktop.ui.main_window import MainWindow

    app = create_application()
    try:
        repository = Repository(db_path)
        if demo:
            from opsg_desktop.demo import fill_with_demo

            fill_with_demo(repository)
    except OpsgError as exc:
        QMessageBox.critical(None, "OPSG Secretary", str(exc))
        return 1
    window = MainWindow(repository, db_path)
    reference = first_meeting(repository)
    if reference is not None:
        window.open_meeting(reference)
    else:
        window.show_start_page()
    window.show()
    try:
        return app.exec()
    finally:
        repository.close()
