"""An exception nobody expected: logged with its traceback, then shown in a dialog.

A project error (``OpsgError``) is a message the code meant to give; anything
else is a bug. In the window it must neither vanish silently nor kill the
window: :func:`report` writes the traceback to the log and tells the user
where the log is, with a button that opens its folder.
"""

from __future__ import annotations

import sys
from types import TracebackType

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from opsg_desktop.logs import log_folder, logger, where_logged

_showing = False


def report(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    """Log an unexpected exception and show it; a second one while the first shows is logged."""
    global _showing
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    logger().error("unexpected error in the window", exc_info=(kind, error, trace))
    if _showing:
        return
    _showing = True
    try:
        _dialog(f"{kind.__name__}: {error}").exec()
    finally:
        _showing = False


def _dialog(what: str) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "OPSG Secretary",
        "Something went wrong that the application did not expect:\n\n"
        f"{what}\n\nThe details are in the log:\n{where_logged()}\n\n"
        "What you typed before this is saved as you go. If it happens again, please send "
        "the log to whoever looks after the application.",
        QMessageBox.StandardButton.Ok,
        QApplication.activeWindow(),
    )
    box.setObjectName("unexpected_error")
    folder = box.addButton("Open Log Folder", QMessageBox.ButtonRole.ActionRole)
    folder.clicked.connect(open_log_folder)
    return box


def open_log_folder() -> None:
    """Show the log folder in the system's file manager (made first if need be)."""
    folder = log_folder()
    folder.mkdir(parents=True, exist_ok=True)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
