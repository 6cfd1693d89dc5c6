"""The application: QApplication, the database, the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from opsg_desktop.core.errors import OpsgError
from opsg_desktop.logs import start_logging
from opsg_desktop.paths import APP_ID
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui import settings

if TYPE_CHECKING:
    from opsg_desktop.ui.lock import WriterLock
    from opsg_desktop.ui.main_window import MainWindow


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName("OPSG Secretary")
    app.setApplicationName("opsg-desktop")
    app.setApplicationDisplayName("OPSG Secretary")
    app.setDesktopFileName(APP_ID)  # matches packaging/linux/<APP_ID>.desktop
    return app


def set_application_icon() -> None:
    """The window icon, from the package data (after the first paint: it loads a PNG)."""
    from PySide6.QtGui import QIcon, QPixmap

    from opsg_desktop.paths import resource

    pixmap = QPixmap()
    pixmap.loadFromData(resource("icon.png").read_bytes())
    QApplication.setWindowIcon(QIcon(pixmap))


def first_meeting(repository: Repository) -> str | None:
    """The meeting to open: the last one worked on, else the newest.

    Two look-ups whatever the length of the history (it runs at every start).
    """
    last = settings.LAST_MEETING.read()
    if last and repository.has_meeting(last):
        return last
    return repository.newest_meeting()


def run_app(db_path: Path, *, demo: bool = False) -> int:
    """Open the window on the database at ``db_path``; return the exit status.

    The window takes the database's writer lock (``ui.opening``): a second
    window is offered the file read-only, a damaged one its newest good
    backup.  An exception nobody expected, at start or later in a slot, is
    logged and shown in a dialog naming the log (``ui.unexpected``) rather
    than lost.
    """
    from opsg_desktop.ui.notes_clipboard import hand_clipboard_to_qt
    from opsg_desktop.ui.unexpected import report

    app = create_application()
    app.aboutToQuit.connect(hand_clipboard_to_qt)  # no Python-made data left at exit
    previous_hook, sys.excepthook = sys.excepthook, report
    repository: Repository | None = None
    lock = None
    try:
        opened = _open_repository(db_path, demo)
        if opened is None:
            return 1
        repository, lock = opened
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
        if lock is not None:
            lock.release()


def _open_repository(db_path: Path, demo: bool) -> tuple[Repository, WriterLock | None] | None:
    from opsg_desktop.ui.opening import open_for_window

    opened = open_for_window(db_path)
    if opened is None:
        return None
    repository = opened[0]
    if repository.read_only:
        return opened
    try:
        if demo:
            from opsg_desktop.demo import ensure_demo

            ensure_demo(repository)  # loaded before: the window opens all the same
    except OpsgError as exc:  # no demo, but the database is fine: open it as it is
        QMessageBox.warning(None, "OPSG Secretary", str(exc))
    return opened


def _show_window(repository: Repository, db_path: Path) -> MainWindow:
    from opsg_desktop.ui.main_window import MainWindow

    window = MainWindow(repository, db_path)
    open_first_meeting(window, repository)
    window.show()
    # Shortcuts work only in the active window; a bare window system (or a start
    # from a terminal) does not activate a new window by itself.
    window.raise_()
    window.activateWindow()
    window.after_first_paint.call(start_logging)
    window.after_first_paint.call(set_application_icon)
    return window


def open_first_meeting(window: MainWindow, repository: Repository) -> None:
    """Open the last meeting worked on; one that cannot be read leaves the window on the list."""
    reference = first_meeting(repository)
    if reference is None:
        window.show_start_page()  # an empty database: a first meeting, a file or the demo
        return
    try:
        window.open_meeting(reference, after_first_paint=True)
    except OpsgError as exc:
        settings.LAST_MEETING.write("")
        QMessageBox.warning(
            window,
            "OPSG Secretary",
            f"The meeting {reference} could not be opened:\n{exc}\n\n"
            "Choose another meeting, or restore a backup (Meeting > Restore from Backup…).",
        )
        QTimer.singleShot(0, window.choose_meeting)


#: Smoke tests and benchmarks set this: the window closes that many ms after its first
#: paint, and the moment of that paint (``time.monotonic()``, and the CPU seconds the
#: process had used, ``time.process_time()``) is printed on stderr.
QUIT_AFTER_VARIABLE = "OPSG_QUIT_AFTER_MS"


def _quit_after_a_while(window: MainWindow) -> None:
    delay = os.environ.get(QUIT_AFTER_VARIABLE, "")
    if delay.isdigit():
        window.after_first_paint.call(lambda: _painted_quit_soon(window, int(delay)))


def _painted_quit_soon(window: MainWindow, delay_ms: int) -> None:
    wall, cpu = window.after_first_paint.painted_at or (0.0, 0.0)
    print(f"opsg-desktop: first paint {wall:.6f} cpu {cpu:.6f}", file=sys.stderr, flush=True)
    QTimer.singleShot(delay_ms, window.close)
