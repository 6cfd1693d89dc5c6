"""The invented demo meeting that fills an empty database for a newcomer."""

from __future__ import annotations

import json

from opsg_desktop.core.errors import ConflictError
from opsg_desktop.interchange import meeting_from_dict
from opsg_desktop.paths import resource
from opsg_desktop.store.repository import Repository

DEMO_FILE = "demo_meeting.json"


def fill_with_demo(repository: Repository) -> str:
    """Import the demo meeting into an empty database; return its reference."""
    if repository.list_meetings():
        raise ConflictError(
            f"{repository.path} already holds meetings; the demo only fills an empty database "
            "(try --db with a new file)"
        )
    data = json.loads(resource(DEMO_FILE).read_text(encoding="utf-8"))
    return repository.save_meeting(meeting_from_dict(data, DEMO_FILE))
