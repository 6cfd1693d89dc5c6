"""A real window process for the fault trials: takes the lock, opens a meeting, types on.

Usage: python -m tests.faults.window_driver DB_PATH
Prints "ready", then "typed WORD" after each word is in the editor (every
80 ms, one word a paragraph, in item 8), until it is killed or stdin closes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest


def main() -> int:
    from opsg_desktop.ui.app import create_application
    from opsg_desktop.ui.main_window import MainWindow
    from opsg_desktop.ui.opening import open_for_window

    db_path = Path(sys.argv[1])
    app = create_application()
    opened = open_for_window(db_path)
    if opened is None:
        print("refused", flush=True)
        return 1
    repository, _lock = opened
    window = MainWindow(repository, db_path)
    window.open_meeting("OPSG_49_2405")
    window.show()
    window.panes["agenda"].select_number("8")
    notes = window.panes["notes"]
    count = [0]

    def type_word() -> None:
        notes.focus_main()
        QTest.keyClick(notes.editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        word = f"faultword{count[0]:04d}"
        QTest.keyClick(notes.editor, Qt.Key.Key_Return)
        QTest.keyClicks(notes.editor, word)
        count[0] += 1
        print(f"typed {word}", flush=True)

    timer = QTimer()
    timer.timeout.connect(type_word)
    timer.start(80)
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
