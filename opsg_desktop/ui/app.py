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
    return repository.newest_reference(settings.LAST_MEETING.read())


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
    """Open the window on the database at ``db_path``; return the exit status."""
    from opsg_desktop.ui.main_window import MainWindow
    from opsg_desktop.ui.opening import open_for_window

    app = create_application()
    opened = open_for_window(db_path)
    if opened is None:
        return 1
    repository, lock = opened
    try:
        if demo and not repository.read_only:
            from opsg_desktop.demo import fill_with_demo

            fill_with_demo(repository)
        elif not repository.read_only and repository.newest_reference() is None:
            offer_demo(repository)
    except OpsgError as exc:
        QMessageBox.critical(None, "OPSG Secretary", str(exc))
    window = MainWindow(repository, db_path)
    window.show()
    open_first_meeting(window, repository)
    try:
        return app.exec()
    finally:
        repository.close()
        if lock is not None:
            lock.release()


def open_first_meeting(window, repository: Repository) -> None:
    """Open the last meeting worked on; one that cannot be read leaves the window on the list."""
    reference = first_meeting(repository)
    if reference is None:
        return
    try:
        window.open_meeting(reference)
    except OpsgError as exc:
        settings.LAST_MEETING.write("")
        QMessageBox.warning(
            window,
            "OPSG Secretary",
            f"The meeting {reference} could not be opened:\n{exc}\n\n"
            "Choose another meeting, or restore a backup (Meeting > Restore from Backup…).",
        )
        window.choose_meeting()
