"""Send for comments: the draft exported, an unsent email written and opened in the mail program.

The .docx and the .eml are written side by side in the chosen folder
(``OPSG_49_2405 Draft Minutes v0.2.docx`` / ``.eml``) and the version is
recorded with its date, recipients and deadline.  The system's mail program
opens the .eml through ``QDesktopServices``; when none does, "Copy
Recipients" and the ``mailto:`` link are the ways on.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from opsg_desktop.core.cycle import version_label
from opsg_desktop.core.errors import OpsgError
from opsg_desktop.core.working_days import add_working_days
from opsg_desktop.export.email import (
    comment_email,
    draft_message,
    filled_template,
    mailto_link,
    recipients,
)


def _day(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


class SendForCommentsDialog(QDialog):
    """Recipients, deadline, subject and body; Create writes the files and opens the mail."""

    def __init__(self, parent, meeting, records, folder: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Send {meeting.reference} for comments")
        self.resize(640, 560)
        self.meeting, self.records, self.folder = meeting, records, Path(folder)
        self.number = records.load(meeting.reference).next_version()
        self.eml_path: Path | None = None
        self.cc = QCheckBox("&Copy the other participants (Cc)", self)
        self.cc.setChecked(True)
        self.recipients_label = QLabel(self)
        self.recipients_label.setWordWrap(True)
        deadline = add_working_days(dt.date.today())
        self.deadline = QDateEdit(QDate(deadline.year, deadline.month, deadline.day), self)
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("dddd d MMMM yyyy")
        self.deadline.setAccessibleName("Comment deadline")
        self.subject = QLineEdit(self)
        self.subject.setAccessibleName("Subject")
        self.body = QPlainTextEdit(self)
        self.body.setAccessibleName("Body")
        self.folder_edit = QLineEdit(str(self.folder), self)
        self.folder_edit.setAccessibleName("Folder for the files")
        self._buttons()
        self._lay_out()
        self.cc.toggled.connect(lambda _: self._show_recipients())
        self.deadline.dateChanged.connect(lambda _: self._fill_text())
        self._show_recipients()
        self._fill_text()

    @property
    def version(self) -> str:
        return version_label(self.number)[1:]

    def _buttons(self) -> None:
        self.create_button = QPushButton("Create the &Email and Open It", self)
        self.create_button.setDefault(True)
        self.copy_button = QPushButton("Copy &Recipients", self)
        self.mailto_button = QPushButton("Open as &mailto: Link", self)
        self.create_button.clicked.connect(self.create)
        self.copy_button.clicked.connect(self.copy_recipients)
        self.mailto_button.clicked.connect(self.open_mailto)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow("", self.cc)
        form.addRow("Recipients", self.recipients_label)
        form.addRow("Comments &by", self.deadline)
        form.addRow("&Subject", self.subject)
        form.addRow("B&ody", self.body)
        form.addRow("&Folder", self.folder_edit)
        row = QHBoxLayout()
        for button in (self.create_button, self.copy_button, self.mailto_button):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Draft v{self.version} of {self.meeting.reference}", self))
        layout.addLayout(form)
        layout.addLayout(row)

    def _show_recipients(self) -> None:
        chosen = recipients(self.meeting, cc_others=self.cc.isChecked())
        text = f"To {len(chosen.to)} member(s), Cc {len(chosen.cc)}"
        if chosen.missing:
            text += "; no email address for " + ", ".join(p.name for p in chosen.missing)
        self.recipients_label.setText(text)

    def _fill_text(self) -> None:
        subject, body = filled_template(self.meeting, _day(self.deadline), self.version)
        self.subject.setText(subject)
        self.body.setPlainText(body)

    def _message(self, attachment: Path):
        return comment_email(
            self.meeting,
            attachment,
            _day(self.deadline),
            version=self.version,
            cc_others=self.cc.isChecked(),
            subject=self.subject.text(),
            body=self.body.toPlainText(),
        )

    def create(self) -> None:
        """Export the draft, write the .eml beside it, record the version, open the mail."""
        from opsg_desktop.export.email import write_eml
        from opsg_desktop.export.minutes import export_minutes

        folder = Path(self.folder_edit.text())
        stem = f"{self.meeting.reference} Draft Minutes v{self.version}"
        try:
            docx = export_minutes(self.meeting, folder / f"{stem}.docx").path
            self.eml_path = write_eml(self._message(docx), folder / f"{stem}.eml")
            chosen = recipients(self.meeting, cc_others=self.cc.isChecked()).addresses()
            self.records.record_version(
                self.meeting.reference, dt.date.today(), chosen, _day(self.deadline)
            )
        except (OpsgError, OSError) as exc:
            QMessageBox.warning(self, "Send for comments", str(exc))
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.eml_path))):
            QMessageBox.information(
                self,
                "Send for comments",
                f"No mail program opened {self.eml_path.name}. Use Copy Recipients or the "
                "mailto: link, and attach the .docx from the same folder.",
            )
            return
        self.accept()

    def copy_recipients(self) -> None:
        chosen = recipients(self.meeting, cc_others=self.cc.isChecked())
        QGuiApplication.clipboard().setText("; ".join(chosen.addresses()))

    def open_mailto(self) -> None:
        """The recipients, subject and body in the mail program (attach the .docx by hand)."""
        message = draft_message(
            self.meeting,
            self.subject.text(),
            self.body.toPlainText(),
            cc_others=self.cc.isChecked(),
        )
        QDesktopServices.openUrl(QUrl(mailto_link(message)))
