"""Searching every meeting's notes, actions and updates (Ctrl+F).

The query runs on a worker thread with its own read-only connection, so a
long history never stalls typing; only the answer to the latest text is shown.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QStringListModel, Qt, QTimer
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from opsg_desktop.store.repository import Repository, SearchHit
from opsg_desktop.store.search import Searcher
from opsg_desktop.ui.background import BackgroundReader


class SearchDialog(QDialog):
    """Type to search; Down moves into the results; Enter opens a result's meeting and item.

    A hit on an action or its update also names the action (``chosen_action``)
    so the window can select it in the action grid.
    """

    def __init__(self, parent: QWidget, repository: Repository) -> None:
        super().__init__(parent)
        self.setWindowTitle("Search all meetings")
        self.resize(760, 460)
        self.repository = repository
        self.chosen: tuple[str, str | None] | None = None
        self.chosen_action: str | None = None
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
        self.query.installEventFilter(self)
        self._asked = self._shown = 0
        self.reader = BackgroundReader(lambda: Searcher(repository.path), "search", self)
        self.reader.answered.connect(self._show)
        self.finished.connect(lambda _: self.reader.close())
        self.results.activated.connect(lambda index: self._open(index.row()))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        """Down in the query box moves into the results, on the first hit."""
        if (
            watched is self.query
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
        ):
            if self._debounce.isActive() or self._shown != self._asked:
                self._debounce.stop()
                self._run()
                self.wait_for_results()
            if self.model.rowCount():
                self.results.setCurrentIndex(self.model.index(0))
                self.results.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return super().eventFilter(watched, event)

    def _run(self) -> None:
        """Ask the worker for the current text: first the newest matches ranked (fast,
        whatever the history), then every match ranked with the count, which replaces
        the first answer.  Answers to an older text are dropped, and its second,
        longer ranking is skipped if the text changed before it started."""
        self._asked += 1
        asked, text = self._asked, self.query.text()

        def everything(searcher):
            if asked != self._asked:
                return None  # the secretary typed on: nobody will look at this
            hits = [SearchHit(*h) for h in searcher.search(text, candidates=None)]
            return hits, searcher.count(text)

        self.reader.ask(
            (asked, "first"), lambda searcher: ([SearchHit(*h) for h in searcher.search(text)],)
        )
        self.reader.ask((asked, "every"), everything)

    def _show(self, tag, answer) -> None:
        asked, stage = tag
        if asked != self._asked or answer is None:
            return
        self._shown = asked
        if isinstance(answer, Exception):
            self._hits = []
            self.model.setStringList([])
            self.summary.setText(f"Search failed: {answer}")
            return
        self._hits = answer[0]
        self.model.setStringList(
            [
                f"{h.meeting_reference or '(no meeting)'} · {h.where} — {h.snippet}"
                for h in self._hits
            ]
        )
        self.summary.setText(self._summary(stage, answer))

    def _summary(self, stage: str, answer) -> str:
        if not self.query.text().strip():
            return ""
        shown = len(answer[0])
        if stage == "first":
            return f"{shown} found so far; ranking every match…"
        total = answer[1]
        if total > shown:
            return f"The {shown} best of {total:,} found (add a word to narrow)"
        return f"{shown} found"

    def wait_for_results(self, timeout: float = 10.0) -> None:
        """Block until the latest search is answered (Enter, and tests)."""
        self.reader.wait(timeout)

    def _open_first(self) -> None:
        self._debounce.stop()
        self._run()
        self.wait_for_results()
        if self._hits:
            self._open(0)

    def _open(self, row: int) -> None:
        hit = self._hits[row]
        if hit.meeting_reference is None:  # an action from before the stored meetings
            self.summary.setText(
                f"No stored meeting raised {hit.where.removeprefix('action ')}: "
                "it is in the action log (Ctrl+L)."
            )
            return
        match = re.match(r"item (\S+)", hit.where)
        self.chosen = (hit.meeting_reference, match[1] if match else None)
        action = re.match(r"(?:action|update to) (.+)", hit.where)
        self.chosen_action = action[1] if action else None
        self.accept()
