"""The window's commands for the meeting cycle: start page, settings, check, send, final.

A mixin of :class:`~opsg_desktop.ui.main_window.MainWindow` beside
``WindowCommands``; each handler opens a dialog (imported on first use) and
asks the repository or an exporter, so the window module stays wiring.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from opsg_desktop.core.errors import OpsgError
from opsg_desktop.ui import settings


class CycleCommands:
    """Handlers named by ``ui.actions.ACTIONS`` for the work after the call."""

    # -- a first meeting from nothing -------------------------------------------

    def show_start_page(self) -> None:
        """No meeting open: the start page takes the middle of the window."""
        from opsg_desktop.ui.start_page import StartPage

        page = StartPage(self)
        page.create_requested.connect(self.create_first_meeting)
        page.import_requested.connect(self.import_meeting)
        page.demo_requested.connect(self.open_demo)
        self.start_page = page
        self.hidden_docks = [dock for dock in self.docks.values() if not dock.isHidden()]
        for dock in self.hidden_docks:
            dock.hide()  # empty without a meeting: the start page says what to do
        self.setCentralWidget(page)
        for box in (self.level_box, self.status_box):
            box.setEnabled(False)  # no meeting to classify yet
        self.update_command_states()  # nothing to raise, insert or export without a meeting
        page.focus_main()

    def create_first_meeting(self, group, number: str, date: dt.date, kind) -> None:
        from opsg_desktop.core.first_meeting import first_meeting

        try:
            meeting = first_meeting(group, number, date, kind)
            reference = self.repository.save_meeting(meeting)
        except (ValueError, OpsgError) as exc:
            QMessageBox.warning(self, "New meeting", str(exc))
            return
        self.open_meeting(reference)
        self.statusBar().showMessage(f"Created {reference}: add the attendees (Ctrl+1)", 8000)

    def open_demo(self) -> None:
        from opsg_desktop.demo import fill_with_demo

        reference = self._guarded(fill_with_demo, self.repository)
        if reference:
            self.open_meeting(reference)

    def group_settings(self) -> None:
        from opsg_desktop.ui.commands import SetField
        from opsg_desktop.ui.dialogs.group_settings import GroupSettingsDialog

        if self.session is None or self._refuse_if_locked():
            return
        dialog = GroupSettingsDialog(self, self.session.meeting.group, self.session.snapshot())
        if dialog.exec():
            command = SetField(
                self.session, self.session.meeting, "group", dialog.group(),
                "Change group settings", "meeting",
            )  # fmt: skip
            self.session.undo_stack.push(command)

    # -- check -------------------------------------------------------------------

    def findings(self) -> list:
        from opsg_desktop.core.checks import check_meeting

        others = [p.name for p in self.repository.known_people()]
        return check_meeting(self.session.snapshot(), others) if self.session else []

    def run_check(self) -> None:
        from opsg_desktop.ui.dialogs.check_list import CheckDialog

        if self.session is None:
            return
        dialog = CheckDialog(self, self.findings)
        dialog.jump.connect(self.go_to_finding)
        self.check_dialog = dialog
        dialog.show()

    def go_to_finding(self, finding) -> None:
        """Show where ``finding`` is: the item's notes at the block, the person or the action."""
        if finding.item is not None:
            self.panes["agenda"].select_number(finding.item)
            notes = self.panes["notes"]
            if finding.block is not None:
                place_caret(notes, finding.block)
            notes.focus_main()
        elif finding.person is not None:
            attendees = self.panes["attendees"]
            person = next(p for p in self.session.meeting.people if p.name == finding.person)
            attendees.select(person)
            attendees.focus_main()
        elif finding.action is not None:
            select_action(self.panes["actions"], finding.action)
        else:
            self.edit_properties()
        self.activateWindow()

    # -- send, versions, final ---------------------------------------------------

    def _records(self):
        from opsg_desktop.store.cycle import CycleRecords

        return CycleRecords(self.repository)

    def send_for_comments(self) -> None:
        from opsg_desktop.core.checks import blocking
        from opsg_desktop.ui.dialogs.send_comments import SendForCommentsDialog

        if self.session is None or self._refuse_if_locked():
            return
        if self.repository.read_only:  # a draft sent must be recorded, or v0.1 comes twice
            QMessageBox.information(
                self,
                "Send for comments",
                "This database is open read-only here, so a draft sent could not be recorded. "
                "Send it from the window that holds the database.",
            )
            return
        if blocking(self.findings()):
            QMessageBox.warning(
                self,
                "Send for comments",
                "The check found something that blocks sending (F7 lists it). Fix it first.",
            )
            self.run_check()
            return
        self.session.autosaver.save_and_wait()
        folder = settings.EXPORT_FOLDER.read() or str(Path.home())
        dialog = SendForCommentsDialog(self, self.session.snapshot(), self._records(), Path(folder))
        self.send_dialog = dialog
        if dialog.exec() and dialog.eml_path is not None:
            settings.EXPORT_FOLDER.write(str(dialog.eml_path.parent))
            self.statusBar().showMessage(f"Draft written to {dialog.eml_path}", 8000)

    def show_versions(self) -> None:
        from opsg_desktop.ui.dialogs.versions import VersionsDialog

        if self.session is None:
            return
        self.session.autosaver.save_and_wait()
        meeting = self.session.meeting
        later = [m.reference for m in self.repository.list_meetings() if m.date > meeting.date]
        dialog = VersionsDialog(self, meeting, self._records(), later)
        dialog.changed.connect(lambda: self.open_meeting(meeting.reference))
        self.versions_dialog = dialog
        dialog.exec()

    def is_locked(self) -> bool:
        return self.session is not None and self._records().load(self.session.reference).locked

    def _refuse_if_locked(self) -> bool:
        if self.is_locked():
            QMessageBox.information(
                self,
                "OPSG Secretary",
                f"{self.session.reference} is final and locked. Unlock it in Versions and "
                "Comments to change it.",
            )
            return True
        return False

    def apply_lock(self) -> None:
        """A final, locked meeting opens read-only: nothing can be typed or saved.

        A database open read-only stays so whatever the meeting's lock says.
        """
        if self.session is None:  # closed between the first paint and this call
            return
        locked = self.is_locked()
        self.session.locked = locked
        self.session.undo_stack.refused.connect(self._say_locked)
        frozen = locked or self.repository.read_only
        self.panes["notes"].editor.setReadOnly(frozen)
        for name in ("attendees", "actions"):  # built after the first paint at start
            if name in self.panes:
                self.panes[name].setEnabled(not locked)
        self.level_box.setEnabled(not frozen)
        self.status_box.setEnabled(not frozen)
        if locked:
            self.statusBar().showMessage("Final and locked: read only", 8000)
            self.setWindowTitle(f"{self.session.reference} (final, locked) – OPSG Secretary")

    def _say_locked(self) -> None:
        self.statusBar().showMessage(
            "Final and locked: unlock it in Meeting ▸ Versions, Comments and Final to change it",
            8000,
        )

    # -- headlines and the action log ---------------------------------------------

    def preview_headlines(self) -> None:
        from opsg_desktop.ui.dialogs.headlines_preview import HeadlinesPreview

        if self.session is None:
            return
        dialog = HeadlinesPreview(self, self.session.snapshot(), self.export_headlines)
        self.headlines_dialog = dialog
        dialog.exec()

    def show_action_log(self) -> None:
        from opsg_desktop.ui.dialogs.action_log import ActionLogView

        if self.session is not None:
            self.session.autosaver.save_and_wait()
        view = ActionLogView(self, self.repository.path)
        self.action_log_view = view
        view.show()
        view.focus_main()


def place_caret(notes, block_index: int) -> None:
    """Put the notes caret at the start of the item's block ``block_index``."""
    from PySide6.QtGui import QTextCursor

    from opsg_desktop.ui import notes_document as nd

    blocks = notes.item.blocks if notes.item is not None else []
    paragraph = sum(len(nd._paragraphs(b)) for b in blocks[:block_index])  # noqa: SLF001
    found = notes.editor.document().findBlockByNumber(paragraph)
    if found.isValid():
        cursor = QTextCursor(found)
        notes.editor.setTextCursor(cursor)


def select_action(grid, action_id: str) -> bool:
    """Select ``action_id``'s row in the action grid; False if absent.

    The text filter is cleared, and the owner, status and meeting filters too
    when they hide the row (a closed action asked for while open ones show).
    """
    grid.text_filter.clear()
    proxy = grid.proxy
    if not any(proxy.index(r, 0).data() == action_id for r in range(proxy.rowCount())):
        for combo in (grid.owner_filter, grid.status_filter, grid.meeting_filter):
            combo.setCurrentIndex(0)  # "all"
    for row in range(proxy.rowCount()):
        if proxy.index(row, 0).data() == action_id:
            grid.table.setCurrentIndex(proxy.index(row, 0))
            grid.table.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
    return False
