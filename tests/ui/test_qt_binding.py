"""The pinned Qt binding keeps Python's reference counts straight.

PySide6 6.12.0 dropped a reference to None on every Qt call returning
nothing and to True on every signal delivered to Python, so a session of a
few thousand edits aborted with "none_dealloc". This guards every upgrade.
"""

import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    fired = Signal(int)


def test_void_calls_do_not_eat_references_to_none():
    target = QObject()
    before = sys.getrefcount(None)
    for _ in range(2000):
        target.setObjectName("x")
    assert sys.getrefcount(None) >= before - 50


def test_signal_delivery_does_not_eat_references_to_true():
    emitter, received = Emitter(), []
    emitter.fired.connect(received.append)
    before = sys.getrefcount(True)
    for i in range(2000):
        emitter.fired.emit(i)
    assert len(received) == 2000
    assert sys.getrefcount(True) >= before - 50
