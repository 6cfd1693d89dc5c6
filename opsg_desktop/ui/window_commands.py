"""What the window's menu commands do: dialogs, focus, export.

A mixin of :class:`~opsg_desktop.ui.main_window.MainWindow`, kept apart so
that the window module stays about wiring.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from opsg_desktop.core.errors import OpsgError
from opsg_desktop.ui import settings

#: The commands that write a document: off while one is being written.
EXPORTS = ("export_minutes", "export_headlines", "export_actions", "preview_headlines")


class WindowCommands:
    """Handlers named by ``ui.actions.ACTIONS``."""

    # -- meetings ------------------------------------------------------------

    def choose_meeting(self) -> None:
        from opsg_desktop.ui.dialogs.open_meeting import choose_meeting

        reference = choose_meeting(self, self.repository.list_meetings())
        if reference:
            self._guarded(self.open_meeting, reference)

    def new_meeting(self) -> None:
        from opsg_desktop.ui.dialogs.new_meeting import ask_next_meeting

        if self.session is None:
            self.show_start_page()  # nothing to follow yet: a first meeting
            return
        answer = ask_next_meeting(self, self.session.meeting)
        if answer is None:
            return
        self.session.autosaver.save_and_wait()
        date, kind = answer
        made = self._guarded(self.repository.create_next, self.session.reference, date, kind)
        if made is not None:
            self.open_meeting(made.reference)
            self.statusBar().showMessage(
                f"Created {made.reference} from the previous meeting", 8000
            )

    def import_meeting(self) -> None:
        from opsg_desktop.interchange import load_meeting

        path, _ = QFileDialog.getOpenFileName(self, "Import meeting", "", "Meeting files (*.json)")
        if not path:
            return
        meeting = self._guarded(load_meeting, Path(path))
        if meeting is not None and self._guarded(self.repository.save_meeting, meeting):
            self.open_meeting(meeting.reference)

    def restore_from_backup(self) -> None:
        from opsg_desktop.ui.restoring import restore_from_backup

        restore_from_backup(self)

    def edit_properties(self) -> None:
        from opsg_desktop.ui.dialogs.properties import edit_meeting_properties

        if self.session is not None:
            edit_meeting_properties(self, self.session)

    # -- editing ---------------------------------------------------------------

    def undo(self) -> None:
        if self.session is not None:
            self.session.undo_stack.undo()

    def redo(self) -> None:
        if self.session is not None:
            self.session.undo_stack.redo()

    def search(self) -> None:
        from opsg_desktop.ui.dialogs.search import SearchDialog

        if self.session is not None:
            self.session.autosaver.save_and_wait()
        dialog = SearchDialog(self, self.repository)
        if dialog.exec() and dialog.chosen is not None:
            reference, item_number = dialog.chosen
            if self.session is None or reference != self.session.reference:
                self._guarded(self.open_meeting, reference)
            if item_number is not None:
                self.panes["agenda"].select_number(item_number)
            if dialog.chosen_action is not None:
                from opsg_desktop.ui.cycle_commands import select_action

                select_action(self.panes["actions"], dialog.chosen_action)

    def _notes(self, method: str) -> None:
        notes = self.panes.get("notes")
        if notes is not None:
            if not notes.editor.hasFocus():
                notes.focus_main()
            getattr(notes, method)()

    def raise_action(self) -> None:
        self._notes("raise_action")

    def record_decision(self) -> None:
        self._notes("record_decision")

    def toggle_heading(self) -> None:
        self._notes("toggle_heading")

    def place_outstanding(self) -> None:
        self._notes("place_outstanding")

    def add_link(self) -> None:
        self._notes("add_link")

    def cycle_list(self) -> None:
        self._notes("cycle_list")

    # -- moving about ------------------------------------------------------------

    def _focus(self, name: str) -> None:
        self.build_deferred_panes()
        pane = self.panes.get(name)
        if pane is not None:
            pane.focus_main()

    def focus_attendees(self) -> None:
        self._focus("attendees")

    def focus_agenda(self) -> None:
        self._focus("agenda")

    def focus_notes(self) -> None:
        self._focus("notes")

    def focus_actions(self) -> None:
        self._focus("actions")

    def next_item(self) -> None:
        if "agenda" in self.panes:
            self.panes["agenda"].step(1)

    def previous_item(self) -> None:
        if "agenda" in self.panes:
            self.panes["agenda"].step(-1)

    # -- export --------------------------------------------------------------------

    def export_minutes(self) -> None:
        self._export("minutes")

    def export_headlines(self) -> None:
        self._export("headlines")

    def export_action_log(self) -> None:
        self._export("actions")

    def _export(self, what: str) -> None:
        from opsg_desktop.ui.exporting import suggested_name

        if self.session is None:
            return
        meeting = self.session.snapshot()
        folder = settings.EXPORT_FOLDER.read() or str(Path.home())
        name = suggested_name(what, meeting)
        filters = "Word (*.docx);;CSV (*.csv)" if what == "actions" else "Word (*.docx)"
        path, _ = QFileDialog.getSaveFileName(self, "Export", str(Path(folder) / name), filters)
        if not path:
            return
        settings.EXPORT_FOLDER.write(str(Path(path).parent))
        self.session.autosaver.save_and_wait()
        self._start_export(what, meeting, Path(path))

    def _start_export(self, what: str, meeting, path: Path) -> None:
        """Write the document on the export thread; the window stays usable meanwhile
        (a ten-year action log takes seconds), with the export commands off."""
        from opsg_desktop.ui.background import BackgroundReader
        from opsg_desktop.ui.exporting import export_document

        if getattr(self, "exporter", None) is None:
            self.exporter = BackgroundReader(lambda: None, "export", self)
            self.exporter.answered.connect(self._export_done)
        for action_id in EXPORTS:
            self.actions_by_id[action_id].setEnabled(False)
        self.statusBar().showMessage(f"Writing {path.name}…")
        db_path, backup = self.db_path, not self.repository.read_only
        self.exporter.ask(
            path, lambda _: export_document(what, meeting, path, db_path, backup=backup)
        )

    def wait_for_export(self, timeout: float = 60.0) -> None:
        """Block until the export being written is done and reported (closing, tests)."""
        if getattr(self, "exporter", None) is not None:
            self.exporter.wait(timeout)

    def _export_done(self, path: Path, report) -> None:
        self.update_command_states()
        self.statusBar().clearMessage()
        if isinstance(report, OpsgError):
            from opsg_desktop.logs import logger

            logger().warning("export to %s: %s", path, report)
            QMessageBox.warning(self, "OPSG Secretary", str(report))
            return
        if isinstance(report, Exception):
            raise report  # unexpected: the application's handler names the log
        if report.withheld:
            QMessageBox.information(
                self,
                "Left out of the export",
                "Above the document's classification, so left out:\n\n• "
                + "\n• ".join(report.withheld),
            )
        self.statusBar().showMessage(f"Exported {report.path}", 8000)
        if self.actions_by_id["open_after_export"].isChecked():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(report.path)))

    # -- help ------------------------------------------------------------------------

    def show_shortcuts(self) -> None:
        from opsg_desktop.ui.dialogs.shortcuts import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def open_log_folder(self) -> None:
        from opsg_desktop.ui.unexpected import open_log_folder

        open_log_folder()

    def show_about(self) -> None:
        from opsg_desktop import __version__

        QMessageBox.about(
            self,
            "About OPSG Secretary",
            f"<b>OPSG Secretary</b> {__version__}<br>Minutes, actions and headlines for the "
            f"SEC Operations Group.<br><br>Database: {self.db_path}",
        )

    def _guarded(self, function, *args):
        """Run ``function``; show a project error as a message instead of failing."""
        try:
            return function(*args)
        except OpsgError as exc:
            from opsg_desktop.logs import logger

            logger().warning("%s: %s", getattr(function, "__name__", "command"), exc)
            QMessageBox.warning(self, "OPSG Secretary", str(exc))
            return None
