"""The application: QApplication, the database, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QMainWindow,
    QMessageBox,
    QTableView,
)

from opsg_desktop.core.errors import OpsgError
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui.meetings_model import MeetingsModel


class MainWindow(QMainWindow):
    """The meetings of the database; the secretary's panes grow from here."""

    def __init__(self, repository: Repository) -> None:
        super().__init__()
        self.repository = repository
        self.setWindowTitle(f"OPSG Secretary — {repository.path.name}")
        self.model = MeetingsModel(repository.list_meetings(), self)
        self.table = QTableView(self)
        self.table.setAccessibleName("Meetings")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.setCentralWidget(self.table)
        count = self.model.rowCount()
        self.statusBar().showMessage(
            f"{count} meeting{'s' if count != 1 else ''} in {repository.path}"
        )
        self._restore_geometry()

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 700)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName("OPSG Secretary")
    app.setApplicationName("opsg-desktop")
    app.setApplicationDisplayName("OPSG Secretary")
    return app


def run_app(db_path: Path, *, demo: bool = False) -> int:
    """Open the window on the database at ``db_path``; return the exit status."""
    app = create_application()
    try:
        repository = Repository(db_path)
        if demo:
            from opsg_desktop.demo import fill_with_demo

            fill_with_demo(repository)
    except OpsgError as exc:
        QMessageBox.critical(None, "OPSG Secretary", str(exc))
        return 1
    window = MainWindow(repository)
    window.show()
    try:
        return app.exec()
    finally:
        repository.close()


__all__ = ["MainWindow", "Qt", "create_application", "run_app"]
