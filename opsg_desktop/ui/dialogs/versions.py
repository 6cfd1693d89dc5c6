"""Versions sent, replies received and the final minutes of the open meeting.

Replies are recorded against the latest draft sent ("No comments" counts
as a reply).  "Mark as Final" asks for the later meeting that agreed the
minutes and locks the meeting; "Unlock" asks for a reason, which is kept.
The dialog asks the store (``CycleRecords``) and tells the window through
``changed`` so it can reopen the meeting read-only or editable.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QStringListModel, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from opsg_desktop.core.cycle import Comment, awaiting_reply
from opsg_desktop.core.errors import OpsgError


class VersionsDialog(QDialog):
    """Drafts, replies, and the final/lock controls of one meeting."""

    changed = Signal()

    def __init__(self, parent, meeting, records, later_meetings: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Versions and comments – {meeting.reference}")
        self.resize(640, 520)
        self.meeting, self.records = meeting, records
        self.versions = QStringListModel(self)
        self.replies = QStringListModel(self)
        self.status = QLabel(self)
        self.awaiting = QLabel(self)
        self.awaiting.setWordWrap(True)
        self.person = QComboBox(self)
        self.person.setEditable(True)
        self.person.setAccessibleName("Who replied")
        self.person.addItems([p.name for p in meeting.people])
        self.no_comments = QCheckBox("&No comments", self)
        self.reply_text = QLineEdit(self)
        self.reply_text.setAccessibleName("Their comments")
        self.record_button = QPushButton("&Record Reply", self)
        self.agreed_at = QComboBox(self)
        self.agreed_at.setAccessibleName("Agreed at meeting")
        self.agreed_at.addItems(later_meetings)
        self.final_button = QPushButton("Mark as &Final", self)
        self.unlock_button = QPushButton("&Unlock…", self)
        self.record_button.clicked.connect(self.record_reply)
        self.final_button.clicked.connect(self.mark_final)
        self.unlock_button.clicked.connect(self.unlock)
        self.no_comments.toggled.connect(lambda on: self.reply_text.setEnabled(not on))
        self._lay_out()
        self.refresh()

    def _lay_out(self) -> None:
        versions, replies = QListView(self), QListView(self)
        versions.setModel(self.versions)
        versions.setAccessibleName("Drafts sent")
        replies.setModel(self.replies)
        replies.setAccessibleName("Replies")
        reply_box = QGroupBox("A reply to the latest draft", self)
        form = QFormLayout(reply_box)
        form.addRow("&Who", self.person)
        form.addRow("", self.no_comments)
        form.addRow("&Comments", self.reply_text)
        form.addRow("", self.record_button)
        final_row = QHBoxLayout()
        final_row.addWidget(QLabel("Agreed &at", self))
        final_row.addWidget(self.agreed_at, 1)
        final_row.addWidget(self.final_button)
        final_row.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Drafts sent", self))
        layout.addWidget(versions)
        layout.addWidget(QLabel("Replies", self))
        layout.addWidget(replies)
        layout.addWidget(self.awaiting)
        layout.addWidget(reply_box)
        layout.addWidget(self.status)
        layout.addLayout(final_row)

    def refresh(self) -> None:
        cycle = self.records.load(self.meeting.reference)
        self.versions.setStringList(
            [
                f"{v.label} · sent {v.sent:%d/%m/%Y} to {len(v.recipients)}"
                + (f" · comments by {v.deadline:%d/%m/%Y}" if v.deadline else "")
                for v in cycle.versions
            ]
        )
        self.replies.setStringList(
            [
                f"v0.{c.version} · {c.person}: {'no comments' if c.no_comments else c.text}"
                for c in cycle.comments
            ]
        )
        waiting = [p.name for p in awaiting_reply(self.meeting, cycle)]
        self.awaiting.setText(
            ("Awaiting a reply from: " + ", ".join(waiting)) if waiting else "No replies awaited."
        )
        self.record_button.setEnabled(cycle.latest() is not None)
        state = "Status: final" if cycle.agreed_at else f"Status: {self.meeting.status.value}"
        if cycle.agreed_at:
            state += f", agreed at {cycle.agreed_at}"
        self.status.setText(state + (" — locked" if cycle.locked else ""))
        self.final_button.setEnabled(not cycle.locked and self.agreed_at.count() > 0)
        self.unlock_button.setEnabled(cycle.locked)
        self.cycle = cycle

    def record_reply(self) -> None:
        latest = self.cycle.latest()
        name = self.person.currentText().strip()
        if latest is None or not name:
            return
        text = "" if self.no_comments.isChecked() else self.reply_text.text().strip()
        reply = Comment(name, dt.date.today(), latest.number, text, self.no_comments.isChecked())
        if self._guarded(self.records.record_comment, self.meeting.reference, reply):
            self.reply_text.clear()
            self.no_comments.setChecked(False)
        self.refresh()

    def mark_final(self) -> None:
        agreed = self.agreed_at.currentText()
        if self._guarded(self.records.mark_final, self.meeting.reference, agreed):
            self.changed.emit()
        self.refresh()

    def unlock(self) -> None:
        reason, ok = QInputDialog.getText(
            self, "Unlock the final minutes", "Why are the final minutes being changed?"
        )
        if ok and self._guarded(self.records.unlock, self.meeting.reference, reason):
            self.changed.emit()
        self.refresh()

    def _guarded(self, function, *args) -> bool:
        try:
            function(*args)
        except OpsgError as exc:
            QMessageBox.warning(self, "Versions and comments", str(exc))
            return False
        return True
