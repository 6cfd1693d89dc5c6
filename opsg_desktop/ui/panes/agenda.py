"""The agenda pane: numbered items and sub-items, the current one's clock."""

from __future__ import annotations

import time

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from opsg_desktop.core.model import AgendaItem
from opsg_desktop.core.text import clean_line
from opsg_desktop.ui import agenda_commands
from opsg_desktop.ui.commands import SetField
from opsg_desktop.ui.models.agenda_model import AgendaModel
from opsg_desktop.ui.session import MeetingSession


class AgendaTree(QTreeView):
    """The tree, with the agenda's keyboard map and drag-and-drop between siblings."""

    def __init__(self, pane: AgendaPane) -> None:
        super().__init__(pane)
        self._pane = pane

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        key, mods = event.key(), event.modifiers()
        ctrl = mods & Qt.KeyboardModifier.ControlModifier
        if key == Qt.Key.Key_Insert:
            self._pane.add_item(sub_item=bool(ctrl))
        elif key == Qt.Key.Key_Delete:
            self._pane.remove_current()
        elif ctrl and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._pane.move_current(-1 if key == Qt.Key.Key_Up else 1)
        elif key == Qt.Key.Key_F4 or (
            key == Qt.Key.Key_Return and mods & Qt.KeyboardModifier.AltModifier
        ):
            self._pane.edit_properties()
        elif (
            key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != self.State.EditingState
        ):
            self._pane.open_notes.emit()
        else:
            super().keyPressEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Move the dragged item to where it is dropped, among its own siblings."""
        source = self.currentIndex()
        target = self.indexAt(event.position().toPoint())
        item, over = self._pane.model.item_at(source), self._pane.model.item_at(target)
        event.ignore()  # the view must not remove rows itself: the command moved them
        if item is None or over is None:
            return
        siblings = self._pane.model.siblings(item)
        if any(x is over for x in siblings):
            to = next(i for i, x in enumerate(siblings) if x is over)
            agenda_commands.move_item(self._pane.session, siblings, item, to)
            self._pane.select(item)


class AgendaPane(QWidget):
    """Shows the agenda; emits ``current_item_changed`` as the secretary moves."""

    current_item_changed = Signal(object)  # AgendaItem | None
    open_notes = Signal()  # Return on an item: go and type its notes

    def __init__(self, session: MeetingSession, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = AgendaModel(session.meeting, self)
        self.tree = AgendaTree(self)
        self.tree.setAccessibleName("Agenda")
        self.tree.setModel(self.model)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.clock = QLabel(self)
        self.clock.setAccessibleName("Current item clock")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        layout.addWidget(self.clock)
        self._spent: dict[int, float] = {}
        self._since = time.monotonic()
        self._current: AgendaItem | None = None
        self._ticker = QTimer(self)
        self._ticker.timeout.connect(self._show_clock)
        self._ticker.start(1000)
        self.model.on_rename = lambda item, title: title_edit(session, item, title)
        self.tree.selectionModel().currentChanged.connect(self._on_current)
        session.changed.connect(self._on_session_changed)
        self.tree.expandAll()

    # -- what other panes ask ----------------------------------------------

    def focus_main(self) -> None:
        self.tree.setFocus()

    def current_item(self) -> AgendaItem | None:
        return self._current

    def select(self, item: AgendaItem | None) -> None:
        if item is not None:
            self.tree.setCurrentIndex(self.model.index_of(item))

    def select_number(self, number: str | None) -> None:
        """Select the item numbered ``number`` (a search hit names items so)."""
        for item, _ in agenda_commands.expected_numbers(self.session.meeting):
            if item.number == number:
                self.select(item)
                return

    def step(self, delta: int) -> None:
        """Go to the next (+1) or previous (-1) item in reading order."""
        order = [item for item, _ in agenda_commands.expected_numbers(self.session.meeting)]
        if not order:
            return
        if self._current is None:
            self.select(order[0])
            return
        here = next((i for i, x in enumerate(order) if x is self._current), 0)
        self.select(order[max(0, min(len(order) - 1, here + delta))])

    # -- editing -------------------------------------------------------------

    def add_item(self, sub_item: bool = False) -> None:
        current = self._current
        if sub_item and current is not None:
            parent = self.model.parent_item(current) or current
            siblings = parent.items
            index = len(siblings) if parent is current else siblings.index(current) + 1
        else:
            top = current
            while top is not None and self.model.parent_item(top) is not None:
                top = self.model.parent_item(top)
            siblings = self.session.meeting.agenda
            index = len(siblings) if top is None else siblings.index(top) + 1
        item = agenda_commands.add_item(self.session, siblings, index, "New item")
        self.select(item)
        self.tree.edit(self.model.index_of(item))

    def remove_current(self) -> None:
        item = self._current
        if item is None:
            return
        if item.blocks or item.items:
            answer = QMessageBox.question(
                self,
                "Remove item",
                f"Remove item {item.number} {item.title} with its notes? (Ctrl+Z brings it back.)",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        agenda_commands.remove_item(self.session, self.model.siblings(item), item)

    def move_current(self, delta: int) -> None:
        item = self._current
        if item is None:
            return
        siblings = self.model.siblings(item)
        index = next(i for i, x in enumerate(siblings) if x is item)
        agenda_commands.move_item(self.session, siblings, item, index + delta)
        self.select(item)

    def edit_properties(self) -> None:
        from opsg_desktop.ui.dialogs.item_properties import edit_item_properties

        if self._current is not None:
            edit_item_properties(self, self.session, self._current)

    # -- reacting ------------------------------------------------------------

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.model.item_at(current)
        if item is self._current:
            return
        self._account_time()
        self._current = item
        self._show_clock()
        self.current_item_changed.emit(item)

    def _on_session_changed(self, part: str) -> None:
        if part not in ("agenda", "meeting"):
            return
        current = self._current
        self.model.refresh()
        self.tree.expandAll()
        if current is not None and self.model.index_of(current).isValid():
            self.tree.setCurrentIndex(self.model.index_of(current))
        else:
            self._current = None
            self.current_item_changed.emit(None)

    def _account_time(self) -> None:
        now = time.monotonic()
        if self._current is not None:
            key = id(self._current)
            self._spent[key] = self._spent.get(key, 0.0) + now - self._since
        self._since = now

    def elapsed(self, item: AgendaItem) -> float:
        """Seconds spent on ``item`` so far."""
        running = time.monotonic() - self._since if item is self._current else 0.0
        return self._spent.get(id(item), 0.0) + running

    def _show_clock(self) -> None:
        item = self._current
        if item is None:
            self.clock.setText("No item selected")
            return
        minutes, seconds = divmod(int(self.elapsed(item)), 60)
        self.clock.setText(f"Item {item.number} · {minutes:02d}:{seconds:02d}")


def title_edit(session: MeetingSession, item: AgendaItem, title: str) -> None:
    """Rename an item as one undo step (the title cleaned as one line: core.text)."""
    title = clean_line(title)
    if title and title != item.title:
        label = f"Rename item {item.number}"
        session.undo_stack.push(SetField(session, item, "title", title, label, "agenda"))
