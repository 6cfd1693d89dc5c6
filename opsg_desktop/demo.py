"""The invented demo meeting that fills an empty database for a newcomer."""

from __future__ import annotations

from opsg_desktop.core.errors import ConflictError
from opsg_desktop.interchange import load_meeting
from opsg_desktop.paths import resource_path
from opsg_desktop.store.repository import Repository

DEMO_FILE = "demo_meeting.json"


def fill_with_demo(repository: Repository) -> str:
    """Import the demo meeting into an empty database; return its reference."""
    if repository.list_meetings():
        raise ConflictError(
            f"{repository.path} already holds meetings; the demo only fills an empty database "
            "(try --db with a new file)"
        )
    return repository.save_meeting(load_meeting(resource_path(DEMO_FILE)))
