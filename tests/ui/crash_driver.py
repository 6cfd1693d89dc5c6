"""A real application process for the crash test: opens a meeting, types, runs on.

Usage: python -m tests.ui.crash_driver DB_PATH TEXT
Prints "typed" once the keystrokes are in; the test then kills it with SIGKILL.
With TEXT "--place" it opens the last meeting as a restart would, prints
"place <item> <cursor> <paragraph>" and quits.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest


def main() -> int:
    from opsg_desktop.store.repository import Repository
    from opsg_desktop.ui.app import create_application
    from opsg_desktop.ui.main_window import MainWindow

    db_path, text = Path(sys.argv[1]), sys.argv[2]
    app = create_application()
    repository = Repository(db_path)
    window = MainWindow(repository, db_path)
    if text == "--place":
        return report_place(window, repository)
    window.open_meeting("OPSG_49_2405")
    window.show()
    notes = window.panes["notes"]
    window.panes["agenda"].select_number("8")

    def type_text() -> None:
        notes.focus_main()
        QTest.keyClick(notes.editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(notes.editor, Qt.Key.Key_Return)
        QTest.keyClicks(notes.editor, text)
        print("typed", flush=True)

    QTimer.singleShot(200, type_text)
    return app.exec()


def report_place(window, repository) -> int:
    from opsg_desktop.ui.app import first_meeting

    window.open_meeting(first_meeting(repository))
    notes = window.panes["notes"]
    cursor = notes.editor.textCursor()
    print("place", notes.item.number, cursor.position(), cursor.block().text(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
