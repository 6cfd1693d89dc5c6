"""How long the notes editor takes to handle a keystroke, beside a bare QTextEdit.

    .venv/bin/python bench/bench_notes_typing.py

Types the same 400 keys (words, spaces, a Return now and then) at the end of
an item of the demo meeting and of the same item ten times over, into the
notes pane (guarded edits, one undo step per word, autosave scheduled) and,
as the reference, into a plain QTextEdit holding the same text. Prints the
median and p99 of each (goal: p99 under 16 ms, one frame).
"""

from __future__ import annotations

import copy
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TEXT = "The DCC reported that the backlog of hub returns would clear by June. "


def keys_into(editor, keys: int = 400) -> list[float]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    editor.moveCursor(editor.textCursor().MoveOperation.End)
    times = []
    for i in range(keys):
        key = Qt.Key.Key_Return if i % 97 == 96 else TEXT[i % len(TEXT)]
        t0 = time.perf_counter()
        QTest.keyClick(editor, key)
        QApplication.processEvents()
        times.append(time.perf_counter() - t0)
    return times


def line(name: str, times: list[float]) -> None:
    ordered = sorted(times)
    p99 = ordered[int(len(ordered) * 0.99)]
    print(f"{name:<44} median {statistics.median(times) * 1000:6.2f} ms  p99 {p99 * 1000:6.2f} ms")


def main() -> None:
    from PySide6.QtWidgets import QTextEdit

    from opsg_desktop.interchange import meeting_from_dict
    from opsg_desktop.ui import notes_document as nd
    from opsg_desktop.ui.app import create_application
    from opsg_desktop.ui.panes.notes import NotesPane
    from opsg_desktop.ui.session import MeetingSession

    create_application()
    data = json.loads(
        (Path(__file__).parent.parent / "resources" / "demo_meeting.json").read_text()
    )
    with tempfile.TemporaryDirectory() as scratch:
        for scale in (1, 10):
            meeting = meeting_from_dict(copy.deepcopy(data))
            item = meeting.agenda[2]
            item.blocks = [copy.deepcopy(b) for _ in range(scale) for b in item.blocks]
            for block in item.blocks:
                if hasattr(block, "id"):
                    block.id = None  # ten copies: ids are not compared here
            session = MeetingSession(Path(scratch) / f"s{scale}.sqlite3", meeting, [])
            pane = NotesPane(session, ["DCC"])
            pane.resize(900, 600)
            pane.show()
            pane.show_item(item)
            plain = QTextEdit()
            plain.resize(900, 600)
            plain.setDocument(nd.build_document(item.blocks, plain))
            plain.show()
            size = f"{len(item.blocks)} blocks"
            line(f"notes pane, item 3 ({size})", keys_into(pane.editor))
            line(f"reference: bare QTextEdit ({size})", keys_into(plain))
            pane.shutdown()
            session.close()


if __name__ == "__main__":
    main()
