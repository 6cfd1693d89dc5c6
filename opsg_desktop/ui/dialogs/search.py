"""Searching every meeting's notes, actions and updates (Ctrl+F)."""

from __future__ import annotations

import re

from PySide6.QtCore import QStringListModel, QTimer
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from opsg_desktop.store.repository import Repository, SearchHit


class SearchDialog(QDialog):
    """Type to search; Enter on a result opens its meeting and item."""

    def __init__(self, parent: QWidget, repository: Repository) -> None:
        super().__init__(parent)
        self.setWindowTitle("Search all meetings")
        self.resize(760, 460)
        self.repository = repository
        self.chosen: tuple[str, str | None] | None = None
        self._hits: list[SearchHit] = []
        self.query = QLineEdit(self)
        self.query.setAccessibleName("Search text")
        self.query.setPlaceholderText("Words to find in notes, actions and updates")
        self.summary = QLabel(self)
        self.results = QListView(self)
        self.results.setAccessibleName("Search results")
        self.model = QStringListModel(self)
        self.results.setModel(self.model)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.summary)
        layout.addWidget(self.results)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self._run)
        self.query.textChanged.connect(lambda _: self._debounce.start())
        self.query.returnPressed.connect(self._open_first)
        self.results.activated.connect(lambda index: self._open(index.row()))

    def _run(self) -> None:
        self._hits = self.repository.search(self.query.text())
        self.model.setStringList(
            [
                f"{h.meeting_reference or '(no meeting)'} · {h.where} — {h.snippet}"
                for h in self._hits
            ]
        )
        self.summary.setText(f"{len(self._hits)} found" if self.query.text().strip() else "")

    def _open_first(self) -> None:
        self._debounce.stop()
        self._run()
        if self._hits:
            self._open(0)

    def _open(self, row: int) -> None:
        hit = self._hits[row]
        if hit.meeting_reference is None:
            return
        match = re.match(r"item (\S+)", hit.where)
        self.chosen = (hit.meeting_reference, match[1] if match else None)
        self.accept()
