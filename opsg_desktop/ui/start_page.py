"""The page an empty database opens on: a first meeting, a meeting file, or the demo.

The form is prefilled with the Operations Group's settings; every field can
be changed here and later in Group Settings.  The page only asks: the window
creates the meeting (``create_requested``), imports a file or loads the demo.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from opsg_desktop.core.first_meeting import operations_group
from opsg_desktop.core.model import Group, MeetingKind


def lines_of(edit: QPlainTextEdit) -> list[str]:
    """The non-blank lines of a text box, trimmed, in order."""
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]


class StartPage(QWidget):
    """Create the group and its first meeting, import a meeting file, or open the demo."""

    create_requested = Signal(object, str, object, object)  # Group, number, date, MeetingKind
    import_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("start_page")
        group = operations_group()
        self.name = QLineEdit(group.name, self)
        self.abbreviation = QLineEdit(group.abbreviation, self)
        self.categories = self._lines(group.categories, "Constituency categories, in order")
        self.organisations = self._lines(group.organisations, "Organisations")
        self.number = QLineEdit("1", self)
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        self.kind = QComboBox(self)
        for kind in MeetingKind:
            self.kind.addItem(kind.value.capitalize(), kind)
        for widget, name in ((self.name, "Group name"), (self.abbreviation, "Abbreviation"),
                             (self.number, "Meeting number"), (self.date, "Meeting date"),
                             (self.kind, "Meeting kind")):  # fmt: skip
            widget.setAccessibleName(name)
        self.create_button = QPushButton("&Create the First Meeting", self)
        self.create_button.setDefault(True)
        self.import_button = QPushButton("&Import a Meeting File…", self)
        self.demo_button = QPushButton("Open the &Demo Meeting", self)
        self.create_button.clicked.connect(self._create)
        self.import_button.clicked.connect(self.import_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        self.number.returnPressed.connect(self._create)
        self._lay_out()

    def _lines(self, values: list[str], name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit("\n".join(values), self)
        edit.setAccessibleName(name)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 6 + 12)
        return edit

    def _lay_out(self) -> None:
        title = QLabel("<h2>Welcome to OPSG Secretary</h2>", self)
        intro = QLabel(
            "This database holds no meetings yet. Set up your group and its first meeting "
            "(prefilled with the Operations Group's settings; all of it can be changed later "
            "in Meeting ▸ Group Settings), import a meeting file, or look around the demo.",
            self,
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Group &name", self.name)
        form.addRow("A&bbreviation", self.abbreviation)
        form.addRow("Ca&tegories (members)", self.categories)
        form.addRow("&Organisations (others)", self.organisations)
        form.addRow("Meeting n&umber", self.number)
        form.addRow("Meeting da&te", self.date)
        form.addRow("&Kind", self.kind)
        buttons = QHBoxLayout()
        for button in (self.create_button, self.import_button, self.demo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.addWidget(title)
        column.addWidget(intro)
        column.addLayout(form)
        column.addLayout(buttons)
        column.addStretch(1)
        holder = QHBoxLayout(self)
        holder.addStretch(1)
        holder.addLayout(column, 4)
        holder.addStretch(1)
        holder.setAlignment(Qt.AlignmentFlag.AlignTop)

    def focus_main(self) -> None:
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def group(self) -> Group:
        """The group as the form describes it (wordings: the shipped ones)."""
        return Group(
            self.name.text().strip(),
            self.abbreviation.text().strip(),
            categories=lines_of(self.categories),
            organisations=lines_of(self.organisations),
        )

    def _create(self) -> None:
        day = self.date.date()
        date = dt.date(day.year(), day.month(), day.day())
        self.create_requested.emit(self.group(), self.number.text(), date, self.kind.currentData())
