"""The secretary's window: four panes in docks, menus from data, status bar.

This module wires panes, actions and the open meeting together; what each
command does lives in the panes, the dialogs and ``window_commands``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QWidget,
)

from opsg_desktop.core.model import Classification, MeetingStatus
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui import settings
from opsg_desktop.ui.actions import ACTIONS, build_actions
from opsg_desktop.ui.commands import SetField
from opsg_desktop.ui.read_only import make_read_only, read_only_bar
from opsg_desktop.ui.rescue import RescueError
from opsg_desktop.ui.session import MeetingSession
from opsg_desktop.ui.window_commands import WindowCommands


class MainWindow(WindowCommands, QMainWindow):
    """Attendees and agenda on the left, notes in the middle, the action grid below."""

    def __init__(self, repository: Repository, db_path: Path | None = None) -> None:
        super().__init__()
        self.repository = repository
        self.db_path = Path(db_path or repository.path)
        self.session: MeetingSession | None = None
        self.panes: dict[str, QWidget] = {}
        self.setWindowTitle("OPSG Secretary")
        self.actions_by_id = build_actions(self)
        self._build_menus()
        self._build_toolbar()
        self._build_docks()
        self._saved_label = QLabel("No meeting open", self)
        self._saved_label.setAccessibleName("Save status")
        self.statusBar().addPermanentWidget(self._saved_label)
        self.actions_by_id["open_after_export"].setChecked(settings.OPEN_AFTER_EXPORT.read())
        self._restore_layout()
        if repository.read_only:
            self._show_read_only_bar()

    # -- building --------------------------------------------------------------

    def _build_menus(self) -> None:
        menus: dict[str, QMenu] = {}
        for spec in ACTIONS:
            if spec.menu not in menus:
                menus[spec.menu] = self.menuBar().addMenu(spec.menu)
            menus[spec.menu].addAction(self.actions_by_id[spec.id])
            self.addAction(self.actions_by_id[spec.id])

    def _build_toolbar(self) -> None:
        bar = self.addToolBar("Meeting")
        bar.setObjectName("meeting_toolbar")
        for action_id in ("raise_action", "record_decision", "sub_heading", "export_minutes"):
            bar.addAction(self.actions_by_id[action_id])
        bar.addSeparator()
        self.level_box = QComboBox(self)
        self.level_box.setAccessibleName("Meeting classification")
        for level in Classification:
            self.level_box.addItem(level.label.capitalize(), level)
        self.status_box = QComboBox(self)
        self.status_box.setAccessibleName("Minutes status")
        for status in MeetingStatus:
            self.status_box.addItem(status.value.capitalize(), status)
        bar.addWidget(QLabel(" Classification ", self))
        bar.addWidget(self.level_box)
        bar.addWidget(QLabel(" Status ", self))
        bar.addWidget(self.status_box)
        self.level_box.activated.connect(
            lambda _: self._set_meeting_field("classification", self.level_box)
        )
        self.status_box.activated.connect(
            lambda _: self._set_meeting_field("status", self.status_box)
        )

    def _build_docks(self) -> None:
        self.docks: dict[str, QDockWidget] = {}
        places = {
            "agenda": ("Agenda", Qt.DockWidgetArea.LeftDockWidgetArea),
            "attendees": ("Attendees", Qt.DockWidgetArea.LeftDockWidgetArea),
            "actions": ("Action Grid", Qt.DockWidgetArea.BottomDockWidgetArea),
        }
        for name, (title, area) in places.items():
            dock = QDockWidget(title, self)
            dock.setObjectName(f"{name}_dock")
            self.addDockWidget(area, dock)
            self.docks[name] = dock
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.resizeDocks([self.docks["agenda"]], [380], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["actions"]], [230], Qt.Orientation.Vertical)

    def _restore_layout(self) -> None:
        geometry, state = settings.WINDOW_GEOMETRY.read(), settings.WINDOW_STATE.read()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)
        if state is not None:
            self.restoreState(state)

    def _show_read_only_bar(self) -> None:
        self.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, read_only_bar(self, self.db_path))
        for action_id in ("new_meeting", "import_meeting", "properties", "restore_backup",
                          "raise_action", "record_decision", "sub_heading"):  # fmt: skip
            self.actions_by_id[action_id].setEnabled(False)

    # -- the open meeting -------------------------------------------------------

    def open_meeting(self, reference: str) -> None:
        """Open ``reference`` for editing, saving and closing the one open before."""
        from opsg_desktop.ui.panes.actions import ActionGridPane
        from opsg_desktop.ui.panes.agenda import AgendaPane
        from opsg_desktop.ui.panes.attendees import AttendeesPane
        from opsg_desktop.ui.panes.notes import NotesPane

        meeting = self.repository.load_meeting(reference)
        self.close_session()
        session = MeetingSession(
            self.db_path,
            meeting,
            self.repository.issued_action_ids(meeting),
            self,
            read_only=self.repository.read_only,
        )
        self.session = session
        agenda = AgendaPane(session)
        notes = NotesPane(session, self.repository.known_owners())
        self.panes = {
            "attendees": AttendeesPane(session, self.repository.known_people()),
            "agenda": agenda,
            "notes": notes,
            "actions": ActionGridPane(session),
        }
        for name, dock in self.docks.items():
            dock.setWidget(self.panes[name])
        self.setCentralWidget(notes)
        agenda.current_item_changed.connect(notes.show_item)
        agenda.open_notes.connect(notes.focus_main)
        notes.reveal_item.connect(agenda.select)
        for pane in (notes, self.panes["actions"], self.panes["attendees"]):
            pane.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        session.changed.connect(self._on_meeting_changed)
        session.autosaver.saved.connect(self._on_saved)
        session.autosaver.failed.connect(self._on_save_failed)
        session.undo_stack.indexChanged.connect(lambda _: self._update_undo_actions())
        self._on_meeting_changed("meeting")
        self._update_undo_actions()
        self._saved_label.setText("All changes saved")
        settings.LAST_MEETING.write(reference)
        self._restore_place(agenda, notes, reference)
        if self.repository.read_only:
            make_read_only(self.panes.values())

    def close_session(self) -> bool:
        """Save and close the open meeting; False (meeting kept open) when it could go nowhere."""
        if self.session is None:
            return True
        self._remember_place()
        try:
            rescued = self.session.close()
        except RescueError as exc:
            QMessageBox.critical(
                self,
                "OPSG Secretary",
                f"{exc}\n\nThe meeting stays open, with everything you typed. Free some disk "
                "space (or export the minutes elsewhere), then close again.",
            )
            return False
        for pane in self.panes.values():
            if hasattr(pane, "shutdown"):
                pane.shutdown()
            pane.deleteLater()
        self.panes = {}
        for signal in (
            self.session.changed,
            self.session.undo_stack.indexChanged,
            self.session.autosaver.saved,
            self.session.autosaver.failed,
        ):
            signal.disconnect()
        if rescued is not None:
            QMessageBox.warning(
                self,
                "OPSG Secretary",
                f"The database did not take the last changes of {self.session.reference}, so "
                f"they were written to\n{rescued}\n"
                "Nothing is lost: import that file with --replace (or Meeting > Import) "
                "once the database can be written again.",
            )
        self.session.deleteLater()
        self.session = None
        return True

    def _restore_place(self, agenda, notes, reference: str) -> None:
        number = settings.LAST_ITEM.read("/" + reference)
        from opsg_desktop.core.model import walk_items

        items = list(walk_items(self.session.meeting.agenda))
        item = next((i for i in items if i.number == number), items[0] if items else None)
        agenda.select(item)
        cursor = notes.editor.textCursor()
        length = notes.editor.document().characterCount() - 1
        cursor.setPosition(max(0, min(settings.LAST_CURSOR.read("/" + reference), length)))
        notes.editor.setTextCursor(cursor)
        notes.focus_main()

    def _remember_place(self) -> None:
        notes = self.panes.get("notes")
        if self.session is None or notes is None or notes.item is None:
            return
        suffix = "/" + self.session.reference
        settings.LAST_MEETING.write(self.session.reference)
        settings.LAST_ITEM.write(notes.item.number, suffix)
        settings.LAST_CURSOR.write(notes.editor.textCursor().position(), suffix)

    # -- reacting -----------------------------------------------------------------

    def _set_meeting_field(self, name: str, box: QComboBox) -> None:
        if self.session is None:
            return
        value = box.currentData()
        if getattr(self.session.meeting, name) != value:
            label = f"Set {name} to {box.currentText()}"
            self.session.undo_stack.push(
                SetField(self.session, self.session.meeting, name, value, label, "meeting")
            )

    def _on_meeting_changed(self, part: str) -> None:
        if part != "meeting" or self.session is None:
            return
        meeting = self.session.meeting
        self.level_box.setCurrentIndex(self.level_box.findData(meeting.classification))
        self.status_box.setCurrentIndex(self.status_box.findData(meeting.status))
        self.setWindowTitle(f"{meeting.reference} – OPSG Secretary")

    def _on_saved(self, when: dt.datetime) -> None:
        self._saved_label.setStyleSheet("")
        self._saved_label.setText(f"Saved {when:%H:%M:%S}")

    def _on_save_failed(self, message: str) -> None:
        self._saved_label.setStyleSheet("color: palette(bright-text); background: #b00020;")
        self._saved_label.setText("Not saved")
        self.statusBar().showMessage(f"Could not save: {message}")

    def _update_undo_actions(self) -> None:
        stack = self.session.undo_stack if self.session else None
        for action_id, can, text in (
            ("undo", stack and stack.canUndo(), stack and stack.undoText()),
            ("redo", stack and stack.canRedo(), stack and stack.redoText()),
        ):
            action = self.actions_by_id[action_id]
            action.setEnabled(bool(can))
            action.setText(
                f"&{action_id.capitalize()} {text}".strip()
                if text
                else f"&{action_id.capitalize()}"
            )

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        settings.WINDOW_GEOMETRY.write(self.saveGeometry())
        settings.WINDOW_STATE.write(self.saveState())
        settings.OPEN_AFTER_EXPORT.write(self.actions_by_id["open_after_export"].isChecked())
        if not self.close_session():
            event.ignore()
            return
        super().closeEvent(event)
