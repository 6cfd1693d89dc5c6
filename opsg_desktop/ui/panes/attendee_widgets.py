"""The smaller widgets of the Attendees pane.

``NameEdit`` is the "Add attendee" line with completion, ``RosterDelegate``
draws the roster's rows and ``PersonDialog`` adds someone new or edits
someone's details.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from opsg_desktop.core.errors import RuleError
from opsg_desktop.core.model import AttendanceMark, Person
from opsg_desktop.core.text import clean_line
from opsg_desktop.ui.models.roster_model import ATTENDANCE_ROLE, parse_items

NOT_A_MEMBER = "(not a member)"


def unique(values: Iterable[str | None]) -> list[str]:
    """The non-empty values, each once, in first-seen order."""
    return list(dict.fromkeys(v for v in values if v))


def make_completer(strings: QStringListModel, parent: QWidget) -> QCompleter:
    """A completer that finds what was typed anywhere in a string, in any case."""
    completer = QCompleter(strings, parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer


class NameEdit(QLineEdit):
    """A line to type a name in, offering the names it knows; Enter gives ``name_entered``.

    The completer is driven by hand rather than through ``setCompleter()``: a
    name chosen from the list is entered at once, and the line edit does not
    write it back after the pane has cleared the line.
    """

    name_entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = QStringListModel(self)
        self.completions = make_completer(self.names, self)
        self.completions.setWidget(self)
        self.completions.activated.connect(self.name_entered)
        self.textEdited.connect(self._complete)
        self.returnPressed.connect(self._enter)

    def set_names(self, names: list[str]) -> None:
        if names != self.names.stringList():
            self.names.setStringList(names)

    def _complete(self, text: str) -> None:
        if text.strip():
            self.completions.setCompletionPrefix(text.strip())
            self.completions.complete()
        else:
            self.completions.popup().hide()

    def _enter(self) -> None:
        popup = self.completions.popup()
        if popup.isVisible() and popup.currentIndex().isValid():
            return  # a name was chosen in the list: ``activated`` enters it
        self.name_entered.emit(self.text())


class RosterDelegate(QStyledItemDelegate):
    """Greys out the people marked absent (in the view's palette) and gives rows air."""

    def initStyleOption(  # noqa: N802 (Qt override)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if index.data(ATTENDANCE_ROLE) == AttendanceMark.ABSENT:
            grey = option.palette.brush(QPalette.ColorRole.PlaceholderText)
            option.palette.setBrush(QPalette.ColorRole.Text, grey)

    def sizeHint(  # noqa: N802 (Qt override)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + 6)


class PersonDialog(QDialog):
    """Name, member category or organisation, role, alternate for, items, email.

    Enter accepts (OK is the default button); Escape cancels.
    """

    def __init__(
        self,
        person: Person,
        categories: list[str],
        organisations: list[str],
        names: list[str],
        title: str,
        check: Callable[[dict[str, Any]], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._check = check
        self.setWindowTitle(title)
        self.name = self._line("Name", person.name)
        self.category = QComboBox(self)
        self.category.setAccessibleName("Member category")
        self.category.addItems([NOT_A_MEMBER, *unique([*categories, person.category])])
        if person.category:
            self.category.setCurrentText(person.category)
        self.organisation = self._line("Organisation", person.organisation, organisations)
        self.role = self._line("Role", person.role)
        self.alternate_for = self._line("Alternate for", person.alternate_for, names)
        self.items = self._line("Items attended", ", ".join(person.items))
        self.items.setPlaceholderText("e.g. 6, 7 (blank: the whole meeting)")
        self.email = self._line("Email", person.email)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._check_and_accept)
        buttons.rejected.connect(self.reject)
        self.problem = QLabel(self)
        self.problem.setAccessibleName("Problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: palette(bright-text); background: #b00020; padding: 3px")
        self.problem.hide()
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setDefault(True)
        self.name.textChanged.connect(lambda text: self._ok.setEnabled(bool(text.strip())))

        form = QFormLayout(self)
        form.addRow("&Name:", self.name)
        form.addRow("Member &category:", self.category)
        form.addRow("&Organisation:", self.organisation)
        form.addRow("&Role:", self.role)
        form.addRow("&Alternate for:", self.alternate_for)
        form.addRow("&Items attended:", self.items)
        form.addRow("&Email:", self.email)
        form.addRow(self.problem)
        form.addRow(buttons)
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if label is not None:
                label.widget().setBuddy(form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget())
        self.setMinimumWidth(360)
        self.name.setFocus()

    def _line(self, name: str, text: str | None, completions: list[str] | None = None) -> QLineEdit:
        edit = QLineEdit(text or "", self)
        edit.setAccessibleName(name)
        if completions:
            edit.setCompleter(make_completer(QStringListModel(completions, edit), edit))
        return edit

    def _check_and_accept(self) -> None:
        """OK: accept only what core's rules take; otherwise say why and keep the dialog."""
        if self._check is not None:
            try:
                self._check(self.values())
            except RuleError as exc:
                self.problem.setText(str(exc))
                self.problem.show()
                self.name.setFocus()
                self.name.selectAll()
                return
        self.accept()

    def values(self) -> dict[str, Any]:
        """The fields of a Person as typed (blank fields as None)."""
        category = self.category.currentText()

        def text(edit: QLineEdit) -> str | None:
            return clean_line(edit.text()) or None

        return {
            "name": text(self.name) or "",
            "category": None if category == NOT_A_MEMBER else category,
            "organisation": text(self.organisation),
            "role": text(self.role),
            "alternate_for": text(self.alternate_for),
            "items": parse_items(self.items.text()),
            "email": text(self.email),
        }
