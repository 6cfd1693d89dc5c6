"""Group Settings: the group's names, categories, organisations, verbs and wordings.

Opened from the Meeting menu.  The abbreviation is shown but not editable:
it is part of every reference and action id already given out.  Wordings
equal to the shipped ones are not stored as overrides, so a later release's
improved default still reaches the group.
"""

from __future__ import annotations

import copy
from dataclasses import replace

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from opsg_desktop.core.model import Classification, Group, Meeting
from opsg_desktop.core.wordings import DEFAULT_WORDINGS
from opsg_desktop.ui.dialogs.buttons import ok_cancel
from opsg_desktop.ui.start_page import lines_of

_TEXTS = ("headlines_intro", "headlines_statement", "email_subject", "email_body")
_LABELS = {
    "headlines_intro": "Headlines introduction",
    "headlines_statement": "Headlines statement",
    "email_subject": "Email subject",
    "email_body": "Email body",
}


class GroupSettingsDialog(QDialog):
    """Edit a copy of the group; :meth:`group` gives the result after OK."""

    def __init__(self, parent, group: Group, meeting: Meeting | None = None) -> None:
        super().__init__(parent)
        self._meeting = meeting
        self.setWindowTitle(f"Group Settings – {group.abbreviation}")
        self.resize(680, 640)
        self._original = group
        wordings = group.wordings or {}
        self.name = QLineEdit(group.name, self)
        self.abbreviation = QLineEdit(group.abbreviation, self)
        self.abbreviation.setReadOnly(True)
        self.categories = self._box("\n".join(group.categories), "Categories", 5)
        self.organisations = self._box("\n".join(group.organisations), "Organisations", 5)
        self.verbs = self._box("\n".join(group.decision_verbs), "Decision verbs", 5)
        levels = wordings.get("classification", {})
        self.statements = {
            level: self._box(
                levels.get(level.label) or DEFAULT_WORDINGS["classification"][level.label],
                f"{level.name.title()} statement",
                3,
            )
            for level in Classification
        }
        self.texts = {
            key: self._box(wordings.get(key) or DEFAULT_WORDINGS[key], _LABELS[key], 4)
            for key in _TEXTS
        }
        self._lay_out()

    def _box(self, text: str, name: str, lines: int) -> QPlainTextEdit:
        box = QPlainTextEdit(text, self)
        box.setAccessibleName(name)
        box.setTabChangesFocus(True)
        box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
        return box

    def _lay_out(self) -> None:
        page = QWidget(self)
        form = QFormLayout(page)
        form.addRow("&Name", self.name)
        form.addRow("Abbreviation", self.abbreviation)
        form.addRow("&Categories (in order)", self.categories)
        form.addRow("&Organisations", self.organisations)
        form.addRow("Decision &verbs", self.verbs)
        for level, box in self.statements.items():
            form.addRow(f"{level.name.title()} statement", box)
        for key, box in self.texts.items():
            form.addRow(_LABELS[key], box)
        form.addRow("", QWidget(page))
        hint = "Email placeholders: {name} {abbreviation} {reference} {meeting_date} "
        hint += "{deadline} {version} {secretary}"
        self.setToolTip(hint)
        scroll = QScrollArea(self)
        scroll.setWidget(page)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(ok_cancel(self))

    def accept(self) -> None:
        """Keep the dialog open, saying why, when the group would break a rule of the meeting."""
        new = self.problems()
        if new:
            QMessageBox.warning(self, "Group Settings", "\n".join(str(p) for p in new))
            return
        super().accept()

    def problems(self) -> list:
        """Rules of ``core.rules`` the edited group would break that the meeting kept so far."""
        if self._meeting is None:
            return []
        from opsg_desktop.core.rules import meeting_problems

        before = {str(p) for p in meeting_problems(self._meeting)}
        after = meeting_problems(replace(copy.deepcopy(self._meeting), group=self.group()))
        return [p for p in after if str(p) not in before]

    def group(self) -> Group:
        """The group as edited; wordings hold only what differs from the shipped ones."""
        overrides: dict = {}
        levels = {
            level.label: box.toPlainText().strip()
            for level, box in self.statements.items()
            if box.toPlainText().strip() != DEFAULT_WORDINGS["classification"][level.label]
        }
        if levels:
            overrides["classification"] = levels
        for key, box in self.texts.items():
            text = box.toPlainText().strip()
            if text and text != DEFAULT_WORDINGS[key]:
                overrides[key] = text
        return replace(
            self._original,
            name=self.name.text().strip() or self._original.name,
            categories=lines_of(self.categories),
            organisations=lines_of(self.organisations),
            decision_verbs=[v.upper() for v in lines_of(self.verbs)],
            wordings=overrides or None,
        )
