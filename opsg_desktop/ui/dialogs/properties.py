"""The open meeting's times, place and next meetings."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from opsg_desktop.core.dates import prose_date
from opsg_desktop.core.errors import RuleError
from opsg_desktop.core.model import Meeting, MeetingKind, NextMeeting
from opsg_desktop.core.natural_dates import parse_target_text
from opsg_desktop.core.text import clean_line
from opsg_desktop.ui.commands import push_changes
from opsg_desktop.ui.dialogs.buttons import ok_cancel
from opsg_desktop.ui.session import MeetingSession


def _time(text: str) -> dt.time | None:
    """``12:20`` or ``9:05`` as a time (hours and minutes only, as the minutes print it);
    ValueError for anything else, so nothing typed is silently cut."""
    text = text.strip()
    if not text:
        return None
    if not re.fullmatch(r"[0-9]{1,2}:[0-9]{2}", text, re.ASCII):
        raise ValueError(f"“{text}” is not a time")
    return dt.time.fromisoformat(text.zfill(5))


class PropertiesDialog(QDialog):
    """Start, end, location and the next main and reporting meetings."""

    def __init__(self, parent: QWidget, meeting: Meeting) -> None:
        super().__init__(parent)
        self.meeting = meeting
        self.setWindowTitle(f"Properties of {meeting.reference}")
        self.date = QDateEdit(QDate(meeting.date.year, meeting.date.month, meeting.date.day), self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        self.date.setAccessibleName("Meeting date")
        self.start = QLineEdit(f"{meeting.start:%H:%M}" if meeting.start else "", self)
        self.end = QLineEdit(f"{meeting.end:%H:%M}" if meeting.end else "", self)
        self.location = QLineEdit(meeting.location or "", self)
        nexts = {n.kind: n.date for n in meeting.next_meetings}
        self.next_main = QLineEdit(self._day(nexts.get(MeetingKind.MAIN)), self)
        self.next_reporting = QLineEdit(self._day(nexts.get(MeetingKind.REPORTING)), self)
        for field, name in (
            (self.start, "Start time"), (self.end, "End time"), (self.location, "Location"),
            (self.next_main, "Next main meeting"), (self.next_reporting, "Next reporting meeting"),
        ):  # fmt: skip
            field.setAccessibleName(name)
        self.start.setPlaceholderText("HH:MM")
        self.end.setPlaceholderText("HH:MM")
        self.next_main.setPlaceholderText("e.g. 1 June 2021")
        buttons = ok_cancel(self, self._check_and_accept)
        form = QFormLayout(self)
        form.addRow("Meeting number", QLabel(meeting.number, self))
        form.addRow("&Date", self.date)
        form.addRow("&Start", self.start)
        form.addRow("&End", self.end)
        form.addRow("&Location", self.location)
        form.addRow("Next &main meeting", self.next_main)
        form.addRow("Next &reporting meeting", self.next_reporting)
        form.addRow(buttons)

    @staticmethod
    def _day(day: dt.date | None) -> str:
        return prose_date(day) if day else ""

    def values(self) -> dict:
        nexts = []
        for kind, field in (
            (MeetingKind.MAIN, self.next_main),
            (MeetingKind.REPORTING, self.next_reporting),
        ):
            if field.text().strip():
                day = parse_target_text(field.text(), self.meeting.date)
                if not isinstance(day, dt.date):
                    raise ValueError(f"“{field.text()}” is not a date")
                nexts.append(NextMeeting(kind, day))
        return {
            "date": self.date.date().toPython(),
            "start": _time(self.start.text()),
            "end": _time(self.end.text()),
            "location": clean_line(self.location.text()) or None,
            "next_meetings": nexts,
        }

    def _check_and_accept(self) -> None:
        try:
            self.values()
        except (ValueError, RuleError) as exc:
            QMessageBox.warning(
                self, "Properties", f"{exc}. Times are HH:MM; dates like 1 June 2021."
            )
            return
        self.accept()


def edit_meeting_properties(parent: QWidget, session: MeetingSession) -> bool:
    """Show the dialog and apply what changed as one undo step."""
    dialog = PropertiesDialog(parent, session.meeting)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    values = dialog.values()
    return push_changes(session, session.meeting, values, "Edit meeting properties", "meeting")
