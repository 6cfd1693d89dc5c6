"""Everyone the history knows, for completion, read off the UI thread.

The attendees pane completes names from every roster of every meeting, and
the notes pane owners from every action: both scan the whole history (26 ms
at 1,200 meetings, growing), so the window asks a worker thread with a
read-only connection of its own once it is shown, and the panes complete
from the open meeting alone until the answer arrives (``loaded``).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class KnownNames(QObject):
    """Reads ``Repository.known_people`` and ``known_owners`` once, on its own thread."""

    #: (list[Person], list[str]): everyone on any roster, and every owner seen.
    loaded = Signal(object, object)

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = Path(db_path)
        #: Whether ``loaded`` has been delivered (on the UI thread).
        self.arrived = False
        self.loaded.connect(self._arrive)
        self._thread = threading.Thread(target=self._read, name="known-names", daemon=True)

    def start(self) -> None:
        """Begin reading; ``loaded`` follows on the UI thread (nothing, if reading fails)."""
        self._thread.start()

    def wait(self, timeout: float = 10.0) -> None:
        """Block until the read is done (tests; ``loaded`` still needs the event loop)."""
        self._thread.join(timeout)

    def _arrive(self, _people: object, _owners: object) -> None:
        self.arrived = True

    def _read(self) -> None:
        from opsg_desktop.store.repository import Repository

        try:
            repository = Repository(self._path, read_only=True, daily_backup=False)
            try:
                people, owners = repository.known_people(), repository.known_owners()
            finally:
                repository.close()
        except Exception:  # noqa: BLE001 - completion from the open meeting still works
            log.exception("could not read the names known from earlier meetings")
            return
        try:
            self.loaded.emit(people, owners)
        except RuntimeError:  # the window closed meanwhile: nobody waits for the names
            pass
