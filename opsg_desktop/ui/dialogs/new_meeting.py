"""Asking the date and kind of the meeting that follows the open one."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QFormLayout, QWidget

from opsg_desktop.core.model import Meeting, MeetingKind
from opsg_desktop.ui.dialogs.buttons import ok_cancel


def ask_next_meeting(parent: QWidget, previous: Meeting) -> tuple[dt.date, MeetingKind] | None:
    """The new meeting's date and kind, or None when cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(f"New meeting after {previous.reference}")
    proposed = previous.next_meetings[0].date if previous.next_meetings else (
        previous.date + dt.timedelta(days=28)
    )  # fmt: skip
    date = QDateEdit(QDate(proposed.year, proposed.month, proposed.day), dialog)
    date.setCalendarPopup(True)
    date.setDisplayFormat("d MMMM yyyy")
    date.setAccessibleName("New meeting date")
    kind = QComboBox(dialog)
    kind.setAccessibleName("New meeting kind")
    for value in MeetingKind:
        kind.addItem(value.value.capitalize(), value)
    if previous.next_meetings:
        kind.setCurrentIndex(kind.findData(previous.next_meetings[0].kind))
    buttons = ok_cancel(dialog)
    form = QFormLayout(dialog)
    form.addRow("&Date", date)
    form.addRow("&Kind", kind)
    form.addRow(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return date.date().toPython(), kind.currentData()
