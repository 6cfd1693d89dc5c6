"""Take the screenshots of the meeting cycle in docs/ from the real window.

Run under Xvfb at the laptop size the product targets:

    Xvfb :99 -screen 0 1366x768x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/make_cycle_screenshots.py start
    (likewise ``check``, ``actionlog`` and ``search``)

``start`` is the start page of an empty database; the others open the demo
meeting (``actionlog`` first adds five invented follow-up meetings that close
some actions, so the chart has a history to show) and save
docs/screenshot-<name>.png.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer

DOCS = Path(__file__).parent


def history(repository) -> None:
    """Five monthly meetings after the demo, each closing two actions and raising one."""
    from opsg_desktop.core.model import ActionBlock, ActionStatus, TextBlock

    reference = "OPSG_49_2405"
    day = dt.date(2021, 5, 24)
    for month in range(5):
        day = day + dt.timedelta(days=28)
        meeting = repository.create_next(reference, day)
        for review in meeting.outstanding[:2]:
            review.status = ActionStatus.CLOSED
            review.update = "Completed."
        meeting.agenda[-1].blocks += [
            TextBlock("The OPSG discussed an invented follow-up."),
            ActionBlock(
                f"SECAS to report on follow-up {month + 1}.", "SECAS", day + dt.timedelta(days=14)
            ),
        ]
        reference = repository.save_meeting(meeting, replace=True)


def loose_ends(repository) -> None:
    """What a hurried draft leaves: an action with no owner, an empty item, no next dates."""
    from opsg_desktop.core.model import ActionBlock, AgendaItem

    meeting = repository.load_meeting("OPSG_49_2405")
    meeting.agenda[-1].blocks.append(ActionBlock("Somebody to tidy the shared folder."))
    meeting.agenda.append(AgendaItem("11", "Date of Next Meeting", "SECAS"))
    meeting.next_meetings.clear()
    repository.save_meeting(meeting, replace=True)


def main(shot: str) -> int:
    from opsg_desktop.demo import fill_with_demo
    from opsg_desktop.store.repository import Repository
    from opsg_desktop.ui.app import create_application
    from opsg_desktop.ui.main_window import MainWindow

    scratch = Path(tempfile.mkdtemp())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch))
    app = create_application()
    repository = Repository(scratch / "shots.sqlite3")
    window = MainWindow(repository)
    window.setGeometry(0, 0, 1366, 768)
    if shot == "start":
        window.show_start_page()
    else:
        fill_with_demo(repository)
        if shot == "actionlog":
            history(repository)
        if shot == "check":
            loose_ends(repository)
        window.open_meeting("OPSG_49_2405")
    window.show()
    if shot == "check":
        QTimer.singleShot(300, window.run_check)
    elif shot == "actionlog":
        QTimer.singleShot(300, window.show_action_log)
    elif shot == "search":
        QTimer.singleShot(300, lambda: search(window))

    def take() -> None:
        app.primaryScreen().grabWindow(0).save(str(DOCS / f"screenshot-{shot}.png"))
        app.quit()

    QTimer.singleShot(int(os.environ.get("SHOT_DELAY_MS", "2000")), take)
    return app.exec()


def search(window) -> None:
    from opsg_desktop.ui.dialogs.search import SearchDialog

    dialog = SearchDialog(window, window.repository)
    dialog.query.setText("forecast")
    dialog.show()
    window.search_dialog = dialog


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "start"))
