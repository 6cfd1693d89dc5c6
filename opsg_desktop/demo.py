"""The invented demo meeting that fills an empty database for a newcomer."""

from __future__ import annotations

import json

from opsg_desktop.core.errors import ConflictError
from opsg_desktop.core.model import Meeting
from opsg_desktop.interchange import meeting_from_dict
from opsg_desktop.paths import resource
from opsg_desktop.store.repository import Repository

DEMO_FILE = "demo_meeting.json"


def demo_meeting() -> Meeting:
    """The demo meeting, read from the package data."""
    data = json.loads(resource(DEMO_FILE).read_text(encoding="utf-8"))
    return meeting_from_dict(data, DEMO_FILE)


def fill_with_demo(repository: Repository) -> str:
    """Import the demo meeting into an empty database; return its reference."""
    if repository.newest_meeting() is not None:
        raise ConflictError(
            f"{repository.path} already holds meetings; the demo only fills an empty database "
            "(try --db with a new file)"
        )
    return repository.save_meeting(demo_meeting())


def ensure_demo(repository: Repository) -> bool:
    """What ``--demo`` does: fill an empty database, or find the demo there already.

    Returns True when the demo was added, False when an earlier ``--demo`` had
    added it (so the same command line works every time); ConflictError when
    the database holds other meetings.
    """
    if repository.has_meeting(demo_meeting().reference):
        return False
    fill_with_demo(repository)
    return True
