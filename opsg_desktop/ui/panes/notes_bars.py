"""The small bars under the notes that finish an action or a decision.

They appear when the secretary presses the shortcut, take a couple of
keystrokes with completion, and hand focus back to the notes on Enter or Esc.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from opsg_desktop.core.dates import prose_date
from opsg_desktop.core.errors import RuleError
from opsg_desktop.core.links import complete_link_url
from opsg_desktop.core.natural_dates import parse_target_text
from opsg_desktop.core.rules import normalise_verb


def _completer(words: list[str], parent: QWidget) -> QCompleter:
    completer = QCompleter(sorted(set(words), key=str.casefold), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer


_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _Bar(QWidget):
    """Enter in a field accepts, Esc cancels; both hand focus back."""

    accepted = Signal()
    cancelled = Signal()
    #: Enter was pressed on something core's rules refuse; the text says why.
    refused = Signal(str)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            self.cancelled.emit()
        elif event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            super().keyPressEvent(event)

    def check(self) -> None:
        """Raise RuleError when what is typed breaks a rule of core's (see subclasses)."""

    def problem(self) -> str | None:
        """Why what is typed cannot be recorded (core's rules), or None when it can."""
        try:
            self.check()
        except RuleError as exc:
            return str(exc)
        return None

    def _accept(self) -> None:
        if not self.isVisible():
            return
        problem = self.problem()
        if problem is not None:
            self.refused.emit(problem)
            return
        self.hide()
        self.accepted.emit()


class ActionBar(_Bar):
    """Owner and target of the action the cursor is in."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.owner = QLineEdit(self)
        self.owner.setAccessibleName("Action owner")
        self.owner.setPlaceholderText("Owner, e.g. DCC")
        self.target = QLineEdit(self)
        self.target.setAccessibleName("Action target")
        self.target.setPlaceholderText("Target: 11 June, next meeting, Friday…")
        self.preview = QLabel(self)
        self.preview.setAccessibleName("Target as understood")
        self.preview.setMinimumWidth(160)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        for widget, stretch in (
            (self.label, 0),
            (self.owner, 1),
            (self.target, 2),
            (self.preview, 1),
        ):
            layout.addWidget(widget, stretch)
        self.target.textChanged.connect(self._show_preview)
        for field in (self.owner, self.target):
            field.returnPressed.connect(self._accept)
        self._today = dt.date.today()
        self._next: dt.date | None = None
        self.hide()

    def open(
        self,
        action_id: str,
        owner: str,
        target: str,
        owners: list[str],
        today: dt.date,
        next_meeting: dt.date | None,
    ) -> None:
        self._today, self._next = today, next_meeting
        self.label.setText(f"<b>ACTION {action_id}</b>")
        self.owner.setCompleter(_completer(owners, self))
        self.owner.setText(owner)
        self.target.setText(target)
        self._show_preview()
        self.show()
        self.owner.setFocus()
        self.owner.selectAll()

    def target_value(self):
        """The target typed: None, a date or text; RuleError for a date that does not exist."""
        return parse_target_text(self.target.text(), self._today, self._next)

    def check(self) -> None:
        self.target_value()

    def _show_preview(self) -> None:
        try:
            value = self.target_value()
        except RuleError:
            self.preview.setText("⚠ not a real date")
            return
        if value is None:
            self.preview.setText("no target")
        elif isinstance(value, dt.date):
            self.preview.setText(f"→ {value:%A} {prose_date(value)}")
        else:
            self.preview.setText(f"→ “{value}” (as text)")


class DecisionBar(_Bar):
    """The verb of a decision, from the group's list."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.verb = QComboBox(self)
        self.verb.setEditable(True)
        self.verb.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.verb.setAccessibleName("Decision verb")
        self._verbs: list[str] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(QLabel("<b>Decision:</b> The group", self))
        layout.addWidget(self.verb)
        layout.addWidget(QLabel("… (Enter to record, Esc to cancel)", self), 1)
        # Return is taken before the combo box sees it: on a text that is not an
        # item's exact spelling ("noted") the box would put back its current item.
        self.verb.lineEdit().installEventFilter(self)
        self.hide()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.KeyPress and event.key() in _ENTER:
            self._accept()
            return True
        return super().eventFilter(watched, event)

    def open(self, verbs: list[str], current: str | None) -> None:
        self._verbs = list(verbs)
        self.verb.clear()
        self.verb.addItems(verbs)
        self.verb.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.verb.setCurrentText(known_verb(current or "", verbs) or current or verbs[0])
        self.show()
        self.verb.setFocus()
        self.verb.lineEdit().selectAll()

    def chosen(self) -> str:
        """The verb as the group spells it (core.rules.normalise_verb); RuleError if not one."""
        return normalise_verb(self.verb.lineEdit().text(), self._verbs)

    def check(self) -> None:
        self.chosen()


class LinkBar(_Bar):
    """The address of a link on the selected words (an empty address removes the link)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.url = QLineEdit(self)
        self.url.setAccessibleName("Link address")
        self.url.setPlaceholderText("https://…, or an email address")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(self.label)
        layout.addWidget(self.url, 2)
        layout.addWidget(QLabel("(Enter to link, Esc to cancel)", self), 1)
        self.url.returnPressed.connect(self._accept)
        self.hide()

    def open(self, words: str, url: str) -> None:
        shown = words if len(words) <= 40 else words[:39] + "…"
        self.label.setText(f"<b>Link</b> “{escape(shown)}” to:")
        self.url.setText(url)
        self.show()
        self.url.setFocus()
        self.url.selectAll()

    def address(self) -> str:
        """The address typed, completed and checked (core); "" to unlink; RuleError if bad."""
        typed = self.url.text().strip()
        return complete_link_url(typed) if typed else ""

    def check(self) -> None:
        self.address()


def known_verb(text: str, verbs: list[str]) -> str | None:
    """The group's verb ``text`` names whatever its case ("noted" → "NOTED"), else None."""
    try:
        return normalise_verb(text, verbs)
    except RuleError:
        return None
