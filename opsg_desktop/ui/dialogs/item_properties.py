"""Editing an agenda item's presenter, classification and headline."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from opsg_desktop.core.model import AgendaItem, Classification
from opsg_desktop.core.text import clean_line, clean_text
from opsg_desktop.ui.commands import push_changes
from opsg_desktop.ui.dialogs.buttons import ok_cancel
from opsg_desktop.ui.session import MeetingSession


class ItemPropertiesDialog(QDialog):
    """Title, presenter, level and headline of one agenda item."""

    def __init__(self, parent: QWidget, item: AgendaItem) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Item {item.number}")
        self.title = QLineEdit(item.title, self)
        self.title.setAccessibleName("Item title")
        self.presenter = QLineEdit(item.presenter or "", self)
        self.presenter.setAccessibleName("Presenter")
        self.level = QComboBox(self)
        self.level.setAccessibleName("Item classification")
        self.level.addItem("As the enclosing item or meeting", None)
        for level in Classification:
            self.level.addItem(level.label.capitalize(), level)
        self.level.setCurrentIndex(self.level.findData(item.classification))
        self.in_headlines = QCheckBox("Include in the public headlines", self)
        self.in_headlines.setChecked(item.headline is not None)
        self.headline = QPlainTextEdit(item.headline or "", self)
        self.headline.setAccessibleName("Headline text")
        self.headline.setTabChangesFocus(True)
        self.headline.setEnabled(item.headline is not None)
        self.in_headlines.toggled.connect(self.headline.setEnabled)
        buttons = ok_cancel(self)
        form = QFormLayout(self)
        form.addRow("&Title", self.title)
        form.addRow("&Presenter", self.presenter)
        form.addRow("&Classification", self.level)
        form.addRow("", self.in_headlines)
        form.addRow("&Headline", self.headline)
        form.addRow(buttons)

    def values(self) -> dict:
        headline = (
            clean_text(self.headline.toPlainText()).strip()
            if self.in_headlines.isChecked()
            else None
        )
        return {
            "title": clean_line(self.title.text()) or "Untitled",
            "presenter": clean_line(self.presenter.text()) or None,
            "classification": self.level.currentData(),
            "headline": headline,
        }


def edit_item_properties(parent: QWidget, session: MeetingSession, item: AgendaItem) -> bool:
    """Show the dialog; apply what changed as one undo step."""
    dialog = ItemPropertiesDialog(parent, item)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return push_changes(session, item, dialog.values(), f"Edit item {item.number}", "agenda")
