"""Everyone the history knows, for completion, read off the UI thread.

The attendees pane completes names from every roster of every meeting, and
the notes pane owners from every action: both scan the whole history (26 ms
at 1,200 meetings, growing), so once the window shows it asks a worker
(``ui.background``, a read-only connection of its own) and the panes
complete from the open meeting alone until the answer arrives (``loaded``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from opsg_desktop.ui.background import BackgroundReader

log = logging.getLogger(__name__)


class KnownNames(QObject):
    """Reads ``Repository.known_people`` and ``known_owners`` once, on a worker."""

    #: (list[Person], list[str]): everyone on any roster, and every owner seen.
    loaded = Signal(object, object)

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        path = Path(db_path)
        #: Whether ``loaded`` has been delivered (on the UI thread).
        self.arrived = False
        self._closed = False
        self.reader = BackgroundReader(lambda: _open(path), "known-names", self)
        self.reader.answered.connect(self._answer)

    def start(self) -> None:
        """Ask the worker; ``loaded`` follows on the UI thread (nothing if reading fails:
        completion from the open meeting still works)."""
        self.reader.ask("names", lambda r: (r.known_people(), r.known_owners()))

    def close(self) -> None:
        """Close the worker's connection (once answered, or when the window closes first)."""
        if not self._closed:
            self._closed = True
            self.reader.close()

    def _answer(self, _tag: object, result: object) -> None:
        self.close()
        if isinstance(result, Exception):
            log.error("could not read the names known from earlier meetings: %s", result)
            return
        people, owners = result
        self.arrived = True
        self.loaded.emit(people, owners)


def _open(path: Path):
    from opsg_desktop.store.repository import Repository

    return Repository(path, read_only=True, daily_backup=False)
