"""Choosing a meeting to open."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from opsg_desktop.store.repository import MeetingSummary
from opsg_desktop.ui.meetings_model import MeetingsModel


def choose_meeting(parent: QWidget, meetings: list[MeetingSummary]) -> str | None:
    """The reference the secretary picks (newest first), or None."""
    newest_first = list(reversed(meetings))
    dialog = QDialog(parent)
    dialog.setWindowTitle("Open meeting")
    dialog.resize(720, 420)
    table = QTableView(dialog)
    table.setAccessibleName("Meetings")
    table.setModel(MeetingsModel(newest_first, dialog))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().hide()
    if newest_first:
        table.selectRow(0)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    table.activated.connect(lambda _: dialog.accept())
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted or not table.currentIndex().isValid():
        return None
    return newest_first[table.currentIndex().row()].reference
