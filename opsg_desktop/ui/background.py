"""Reads of the database on a worker thread, answered on the UI thread.

A long history must never stall typing, so the views that read much of it
(search, the action log) ask a :class:`BackgroundReader`: one worker thread
with a read-only reader of its own (made on that thread when first needed,
closed there at the end).  Each answer comes back through the ``answered``
signal, which Qt queues to the UI thread, tagged as it was asked, so a view
can drop answers to questions it no longer asks.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal


class BackgroundReader(QObject):
    """Run ``work(reader)`` on the worker; ``open_reader()`` makes the reader there.

    ``answered(tag, result)`` carries what ``work`` returned, or the exception
    it raised (never lost in the thread: the view shows it as a message).
    """

    answered = Signal(object, object)

    def __init__(self, open_reader: Callable[[], Any], name: str, parent=None) -> None:
        super().__init__(parent)
        self._open_reader = open_reader
        self._reader: Any = None
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._asked = self._answered = 0
        self.answered.connect(self._count_answer)

    def ask(self, tag: object, work: Callable[[Any], Any]) -> None:
        """Queue ``work`` for the worker; its answer arrives as ``answered(tag, …)``."""
        self._asked += 1
        self._worker.submit(self._run, tag, work)

    @property
    def busy(self) -> bool:
        """Whether a question is not answered on the UI thread yet."""
        return self._answered < self._asked

    def wait(self, timeout: float = 10.0) -> None:
        """Block until every question is answered and its answer handled (tests, Enter).

        Runs an event loop meanwhile, which sleeps between events so the
        worker thread has the interpreter to itself.
        """
        if not self.busy:
            return
        loop = QEventLoop()

        def quit_when_idle(*_) -> None:
            if not self.busy:
                loop.quit()

        self.answered.connect(quit_when_idle)  # after the view's own handler
        QTimer.singleShot(int(timeout * 1000), loop.quit)
        loop.exec()
        self.answered.disconnect(quit_when_idle)

    def close(self) -> None:
        """Close the reader on its thread; questions still queued are answered first."""
        self._worker.submit(self._close_reader)
        self._worker.shutdown(wait=False)

    def _run(self, tag: object, work: Callable[[Any], Any]) -> None:
        try:
            if self._reader is None:
                self._reader = self._open_reader()
            result = work(self._reader)
        except Exception as exc:  # noqa: BLE001 - handed to the view, shown as a message
            result = exc
        try:
            self.answered.emit(tag, result)
        except RuntimeError:  # the view is gone: nobody waits for this answer
            pass

    def _count_answer(self, _tag: object, _result: object) -> None:
        self._answered += 1

    def _close_reader(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None
