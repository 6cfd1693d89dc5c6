"""The secretary's window: four panes in docks, menus from data, status bar.

This module wires panes, actions and the open meeting together; what each
command does lives in the panes, the dialogs and ``window_commands``.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
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
from opsg_desktop.ui.cycle_commands import CycleCommands
from opsg_desktop.ui.known_names import KnownNames
from opsg_desktop.ui.read_only import make_read_only, read_only_bar
from opsg_desktop.ui.rescue import RescueError
from opsg_desktop.ui.session import MeetingSession
from opsg_desktop.ui.window_commands import WindowCommands


class AfterFirstPaint(QObject):
    """Calls its callbacks once the watched widget has been painted for the first time.

    Start-up work that the first sight of the window does not need (panes out
    of view, the log file, completion lists read from the whole history) waits
    for this, so the window shows as soon as it can.
    """

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callbacks: list[Callable[[], object]] = []
        #: ``time.monotonic()`` and ``time.process_time()`` at the first paint, for benchmarks.
        self.painted_at: tuple[float, float] | None = None

    def call(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` just after the first paint (from the event loop)."""
        if not self._callbacks:
            self._widget.installEventFilter(self)
        self._callbacks.append(callback)

    def cancel(self, callback: Callable[[], object]) -> None:
        if callback in self._callbacks:
            self._callbacks.remove(callback)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and watched is self._widget:
            self.painted_at = (time.monotonic(), time.process_time())
            self._widget.removeEventFilter(self)
            callbacks, self._callbacks = self._callbacks, []
            for callback in callbacks:
                QTimer.singleShot(0, callback)
        return False


class MainWindow(CycleCommands, WindowCommands, QMainWindow):
    """Attendees and agenda on the left, notes in the middle, the action grid below."""

    def __init__(self, repository: Repository, db_path: Path | None = None) -> None:
        super().__init__()
        self.repository = repository
        self.db_path = Path(db_path or repository.path)
        self.session: MeetingSession | None = None
        self.panes: dict[str, QWidget] = {}
        #: People and owners for completion, read by a worker (``ui.known_names``).
        self.known_names: KnownNames | None = None
        self.after_first_paint = AfterFirstPaint(self)
        self._owners: list[str] = []
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
        self.status_box.activated.connect(lambda _: self._status_chosen())

    def _status_chosen(self) -> None:
        """Final is reached only through Mark as Final (Versions, Comments and Final), which
        records the meeting that agreed the minutes and locks them; the box opens it."""
        if self.session is None:
            return
        chosen, meeting = MeetingStatus(self.status_box.currentData()), self.session.meeting
        if chosen is MeetingStatus.FINAL and meeting.status is not MeetingStatus.FINAL:
            self.status_box.setCurrentIndex(self.status_box.findData(meeting.status))
            self.show_versions()
            return
        self._set_meeting_field("status", self.status_box)

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
        self._layout_restored = state is not None
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)
        if state is not None:
            self.restoreState(state)

    def _show_read_only_bar(self) -> None:
        self.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        bar = read_only_bar(self, self.db_path, self.repository.read_only_cause)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.update_command_states()

    def update_command_states(self) -> None:
        """Commands on the meeting only while one is open; writing ones never while the
        database is open read-only (``ui.actions.NEEDS_MEETING``, ``WRITES``)."""
        from opsg_desktop.ui.actions import NEEDS_MEETING, WRITES

        for action_id, action in self.actions_by_id.items():
            if action_id in NEEDS_MEETING or action_id in WRITES:
                action.setEnabled(
                    (action_id not in NEEDS_MEETING or self.session is not None)
                    and (action_id not in WRITES or not self.repository.read_only)
                )

    # -- the open meeting -------------------------------------------------------

    def open_meeting(self, reference: str, *, after_first_paint: bool = False) -> None:
        """Open ``reference`` for editing, saving and closing the one open before.

        With ``after_first_paint`` (the start of the application) the attendees
        and the action grid are built once the window has first been painted
        (or sooner, if asked for), so the window shows as soon as the agenda
        and the notes can.
        """
        from opsg_desktop.ui.panes.agenda import AgendaPane
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
        self._owners = []  # filled with the panes below: it reads the whole action log
        notes = NotesPane(session, self._owners, meeting_dates=self._meeting_dates)
        self.panes = {"agenda": agenda, "notes": notes}
        self.docks["agenda"].setWidget(agenda)
        for dock in getattr(self, "hidden_docks", []):
            dock.show()  # hidden by the start page
        self.hidden_docks = []
        self.setCentralWidget(notes)
        if after_first_paint:
            self.after_first_paint.call(self.build_deferred_panes)
        else:
            self.build_deferred_panes()
        agenda.current_item_changed.connect(notes.show_item)
        agenda.open_notes.connect(notes.focus_main)
        notes.reveal_item.connect(agenda.select)
        notes.message.connect(self._show_message)
        session.changed.connect(self._on_meeting_changed)
        session.autosaver.saved.connect(self._on_saved)
        session.autosaver.saved.connect(lambda _when: self._remember_place())  # crash-proof
        session.autosaver.failed.connect(self._on_save_failed)
        session.undo_stack.indexChanged.connect(lambda _: self._update_undo_actions())
        self._on_meeting_changed("meeting")
        self._update_undo_actions()
        self._saved_label.setText("Read-only: nothing is saved" if self.repository.read_only
                                  else "All changes saved")  # fmt: skip
        if settings.LAST_MEETING.read() != reference:  # a write syncs the file: not at start
            settings.LAST_MEETING.write(reference)
        self._restore_place(agenda, notes, reference)
        if after_first_paint:  # the lock is read from the store, off the first paint's path
            self.after_first_paint.call(self.apply_lock)
        else:
            self.apply_lock()
        if self.repository.read_only:
            make_read_only(self.panes.values())
        self.update_command_states()

    def build_deferred_panes(self) -> None:
        """Build the attendees and action grid panes of the open meeting, if not built yet."""
        from opsg_desktop.ui.panes.actions import ActionGridPane
        from opsg_desktop.ui.panes.attendees import AttendeesPane

        self.after_first_paint.cancel(self.build_deferred_panes)
        if self.session is None or "actions" in self.panes:
            return
        attendees = AttendeesPane(self.session)
        actions = ActionGridPane(self.session)
        self._read_known_names(attendees)
        for name, pane in (("attendees", attendees), ("actions", actions)):
            self.panes[name] = pane
            self.docks[name].setWidget(pane)
            pane.message.connect(self._show_message)
            pane.setEnabled(not self.session.locked)  # a final, locked meeting: read only
        if self.repository.read_only:
            make_read_only([attendees, actions])
        if not self._layout_restored:  # first run: give the late roster its share
            left = [self.docks["agenda"], self.docks["attendees"]]
            height = sum(dock.height() for dock in left)
            self.resizeDocks(left, [height * 2 // 5, height * 3 // 5], Qt.Orientation.Vertical)

    def _read_known_names(self, attendees) -> None:
        """Everyone and every owner of the history, read on a worker (it grows with the
        history): the panes complete from the open meeting until they arrive."""

        def loaded(people, owners) -> None:
            if self.panes.get("attendees") is attendees:
                attendees.set_known_people(people)
                self._owners[:] = owners

        self.known_names = KnownNames(self.repository.path, self)
        self.known_names.loaded.connect(loaded)
        self.known_names.start()

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _meeting_dates(self) -> dict:
        """Each stored meeting's date by "<ABBR>_<number>", for the action bar's guesses
        (asked for when an action is raised, not at start: it grows with the history)."""
        found = {}
        for summary in self.repository.list_meetings():
            abbr, number, *_ = summary.reference.split("_") + ["", ""]
            found[f"{abbr}_{number}"] = summary.date
        return found

    def close_session(self) -> bool:
        """Save and close the open meeting; False (meeting kept open) when it could go nowhere."""
        self.after_first_paint.cancel(self.build_deferred_panes)
        if self.session is None:
            return True
        if self.known_names is not None:
            self.known_names.close()
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
        place = settings.LAST_CURSOR.read("/" + reference)
        cursor.setPosition(length if place < 0 else min(place, length))  # -1: none kept
        notes.editor.setTextCursor(cursor)
        notes.focus_main()

    def _remember_place(self) -> None:
        notes = self.panes.get("notes")
        if self.session is None or notes is None or notes.item is None:
            return
        suffix = "/" + self.session.reference
        settings.write_together(
            (settings.LAST_MEETING, self.session.reference, ""),
            (settings.LAST_ITEM, notes.item.number, suffix),
            (settings.LAST_CURSOR, notes.editor.textCursor().position(), suffix),
        )

    # -- reacting -----------------------------------------------------------------

    def _set_meeting_field(self, name: str, box: QComboBox) -> None:
        if self.session is None:
            return
        current = getattr(self.session.meeting, name)
        value = type(current)(box.currentData())  # Qt may hand an enum back as its value
        if current != value:
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
        self.wait_for_export()  # a document half-written is no export
        if not self.close_session():
            event.ignore()
            return
        super().closeEvent(event)
