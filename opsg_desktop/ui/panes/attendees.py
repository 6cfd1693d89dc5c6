"""The Attendees pane: who is present, who sent apologies, who is absent.

Keyboard first: type a name in "Add attendee" and press Enter; in the roster
P, A and X mark present, apologies and absent, Space cycles through them,
F2 edits a person's details and Delete takes them off this meeting's roster.
Every change is one step on the session's undo stack.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from opsg_desktop.core.model import AttendanceMark, Person
from opsg_desktop.core.rules import check_new_name, member_category, name_key
from opsg_desktop.ui.commands import InsertInto, RemoveFrom, SetField
from opsg_desktop.ui.models.roster_model import RosterModel, group_key, summary_text
from opsg_desktop.ui.panes.attendee_widgets import NameEdit, PersonDialog, RosterDelegate, unique
from opsg_desktop.ui.session import MeetingSession

#: What follows "Mark Sam Patel" in an undo label.
MARK_WORDS = {
    AttendanceMark.PRESENT: "present",
    AttendanceMark.APOLOGIES: "with apologies",
    AttendanceMark.ABSENT: "absent",
}
_CYCLE = list(AttendanceMark)  # present -> apologies -> absent -> present
KEYS_HINT = "P present · A apologies · X absent · Space next\nF2 edit details · Del remove"


class AttendeesPane(QWidget):
    """The roster of the open meeting, grouped by member category and organisation."""

    message = Signal(str)  # something for the status bar

    def __init__(
        self,
        session: MeetingSession,
        known_people: Iterable[Person] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._known: dict[str, Person] = {}
        self._organisations: list[str] = []
        self._dialog: PersonDialog | None = None

        self.add_edit = NameEdit(self)
        self.add_edit.setAccessibleName("Add attendee")
        self.add_edit.setPlaceholderText("Add attendee: type a name, Enter")
        self.add_edit.setClearButtonEnabled(True)
        self.add_edit.name_entered.connect(self.add_name)

        self.summary = QLabel(self)
        self.summary.setAccessibleName("Attendance summary")
        self.keys = QLabel(KEYS_HINT, self)
        self.keys.setAccessibleName("Keys")
        self.keys.setWordWrap(True)
        self.keys.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.model = RosterModel(lambda: session.meeting, self)
        self.view = QTreeView(self)
        self._set_up_view()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.add_edit)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.keys)
        self.setTabOrder(self.add_edit, self.view)

        session.changed.connect(self._on_changed)
        self.set_known_people(list(known_people))
        self._after_refresh(reset=True)

    def _set_up_view(self) -> None:
        view = self.view
        view.setAccessibleName("Attendees")
        view.setAccessibleDescription(KEYS_HINT)
        view.setModel(self.model)
        view.setItemDelegate(RosterDelegate(view))
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setUniformRowHeights(True)
        view.setAllColumnsShowFocus(True)
        view.setIndentation(14)
        header = view.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        view.doubleClicked.connect(lambda index: self.edit_current())
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._add_action("Mark present", "P", lambda: self.mark(AttendanceMark.PRESENT))
        self._add_action("Mark apologies", "A", lambda: self.mark(AttendanceMark.APOLOGIES))
        self._add_action("Mark absent", "X", lambda: self.mark(AttendanceMark.ABSENT))
        self._add_action("Next mark", "Space", self.cycle)
        self._add_action("Edit details…", "F2", self.edit_current)
        self._add_action("Remove from this meeting", "Delete", self.remove_current)

    def _add_action(self, text: str, key: str, handler: Callable[[], Any]) -> None:
        action = QAction(text, self.view)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(handler)
        self.view.addAction(action)

    # -- public ------------------------------------------------------------------

    def focus_main(self) -> None:
        """Put the keyboard on the roster, on a person if none is current."""
        if not self.view.currentIndex().isValid() and self.model.rowCount():
            first = self.model.index(0, 0)
            self.view.setCurrentIndex(self.model.index(0, 0, first) if first.isValid() else first)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_person(self) -> Person | None:
        return self.model.person(self.view.currentIndex())

    def select(self, person: Person) -> None:
        index = self.model.index_of(person)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def mark(self, mark: AttendanceMark) -> None:
        """Mark the current person; one undo step ("Mark Sam Patel present")."""
        person = self.current_person()
        if person is None or person.attendance == mark:
            return
        label = f"Mark {person.name} {MARK_WORDS[mark]}"
        self._push(SetField(self._session, person, "attendance", mark, label, "people"))

    def cycle(self) -> None:
        """Present -> apologies -> absent -> present."""
        person = self.current_person()
        if person is not None:
            self.mark(_CYCLE[(_CYCLE.index(person.attendance) + 1) % len(_CYCLE)])

    def set_known_people(self, people: list[Person]) -> None:
        """Offer ``people`` (everyone from earlier meetings, as last seen) for completion.

        The window hands them over when a worker has read them (``ui.known_names``);
        until then completion offers this meeting's roster."""
        self._known = {name_key(p.name): p for p in people}  # later entries win
        self._organisations = unique(p.organisation for p in people)
        self._offer_names()

    def add_name(self, text: str) -> None:
        """Enter in "Add attendee": the person named ``text`` is marked present if on the
        roster, added from an earlier meeting if known, or described in a dialog if new."""
        name = " ".join(text.split())
        if not name:
            return
        on_roster = self._on_roster(name)
        known = self._known.get(name_key(name))
        if on_roster is not None:
            self.select(on_roster)
            self.mark(AttendanceMark.PRESENT)
        elif known is not None:
            self.add(self._copy_known(known))
        else:
            self._open_dialog(Person(name=name), adding=True)
            return
        self.add_edit.clear()

    def add(self, person: Person) -> None:
        """Put ``person`` on the roster next to their group; one undo step."""
        people = self._session.meeting.people
        same = [i for i, p in enumerate(people) if group_key(p) == group_key(person)]
        at = same[-1] + 1 if same else len(people)
        self._push(InsertInto(self._session, people, at, person, f"Add {person.name}", "people"))
        self.select(person)

    def edit_current(self) -> None:
        """F2 / double-click: edit the current person's details in a dialog."""
        person = self.current_person()
        if person is not None:
            self._open_dialog(person, adding=False)

    def remove_current(self) -> None:
        """Delete: take the current person off this meeting's roster."""
        person = self.current_person()
        if person is None:
            return
        people = self._session.meeting.people
        at = next(i for i, p in enumerate(people) if p is person)
        self._push(RemoveFrom(self._session, people, at, f"Remove {person.name}", "people"))

    # -- dialog --------------------------------------------------------------------

    def _open_dialog(self, person: Person, adding: bool) -> None:
        roster = self._session.meeting.people
        dialog = PersonDialog(
            person,
            categories=self._session.meeting.group.categories,
            organisations=unique([p.organisation for p in roster] + self._organisations),
            names=[p.name for p in roster if p is not person],
            title=f"{'Add' if adding else 'Edit'} {person.name}",
            check=lambda values: self._check(values, None if adding else person),
            parent=self,
        )
        if adding:
            dialog.accepted.connect(lambda: self._add_from_dialog(dialog.values()))
            dialog.organisation.setFocus()  # a new name: next, say where they are from
        else:
            dialog.accepted.connect(lambda: self._edit_from_dialog(person, dialog.values()))
        back = self.add_edit if adding else self.view
        dialog.finished.connect(lambda: self._dialog_finished(back))
        self._dialog = dialog
        dialog.open()
        if not adding:
            dialog.name.end(False)  # focus on the name without selecting it: typing adds

    def _check(self, values: dict[str, Any], person: Person | None) -> None:
        """Core's rules for a roster entry (RuleError says what is wrong): a name unique
        on this meeting's roster, a category of the group's."""
        meeting = self._session.meeting
        values["name"] = check_new_name(meeting.people, values["name"], keep=person)
        if values["category"] is not None:
            values["category"] = member_category(values["category"], meeting.group.categories)

    def _add_from_dialog(self, values: dict[str, Any]) -> None:
        self.add(Person(**values))
        self.add_edit.clear()

    def _edit_from_dialog(self, person: Person, values: dict[str, Any]) -> None:
        """All the changed fields as one undo step ("Edit Sam Patel")."""
        changes = {k: v for k, v in values.items() if getattr(person, k) != v}
        if not changes:
            return
        stack = self._session.undo_stack
        stack.beginMacro(f"Edit {person.name}")
        for name, value in changes.items():
            stack.push(SetField(self._session, person, name, value, f"Set {name}", "people"))
        stack.endMacro()

    def _dialog_finished(self, back: QWidget) -> None:
        dialog, self._dialog = self._dialog, None
        if dialog is not None:
            dialog.deleteLater()
        back.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- keeping up ------------------------------------------------------------------

    def _push(self, command: QUndoCommand) -> None:
        self._session.undo_stack.push(command)

    def _on_roster(self, name: str) -> Person | None:
        return next(
            (p for p in self._session.meeting.people if name_key(p.name) == name_key(name)),
            None,
        )

    @staticmethod
    def _copy_known(known: Person) -> Person:
        return Person(
            name=known.name,
            category=known.category,
            organisation=known.organisation,
            email=known.email,
        )

    def _on_changed(self, part: str) -> None:
        if part not in ("people", "meeting"):
            return
        current = self.view.currentIndex()
        person = self.model.person(current)
        where = (current.parent().row(), current.row()) if current.isValid() else None
        reset = self.model.refresh()
        self._after_refresh(reset)
        if not reset:
            return
        if person is not None and self.model.index_of(person).isValid():
            self.select(person)
        elif where is not None:
            self._select_near(*where)

    def _select_near(self, group: int, row: int) -> None:
        """After a person left: whoever now stands where they stood, or the nearest row."""
        groups = self.model.rowCount()
        if not groups:
            return
        if group < 0:  # a group heading was current
            group, row = row, -1
        if group >= groups:  # their group was the last and went with them: the row above
            group, row = groups - 1, (row if row < 0 else len(self._session.meeting.people))
        parent = self.model.index(group, 0)
        children = self.model.rowCount(parent)
        index = self.model.index(min(row, children - 1), 0, parent) if row >= 0 else parent
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def _after_refresh(self, reset: bool) -> None:
        self.summary.setText(summary_text(self._session.meeting.people))
        self._offer_names()
        if reset:
            for row in range(self.model.rowCount()):
                self.view.setFirstColumnSpanned(row, QModelIndex(), True)
            self.view.expandAll()

    def _offer_names(self) -> None:
        """Completion: everyone known from earlier meetings and this meeting's roster."""
        roster = [p.name for p in self._session.meeting.people]
        self.add_edit.set_names(unique([p.name for p in self._known.values()] + roster))
