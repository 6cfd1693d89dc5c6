"""The JSON meeting format ``opsg-meeting/1`` (see shared/interchange.md).

``load_meeting`` and ``meeting_from_dict`` check a document and report every
problem with its path (``agenda[3].blocks[2]: unknown key "acton"``);
``meeting_to_dict`` and ``dumps`` write one back.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from opsg_desktop.core.errors import OpsgError, ValidationError
from opsg_desktop.core.model import Meeting
from opsg_desktop.interchange.checks import JsonObject, Problems
from opsg_desktop.interchange.reader import FORMAT, read_document
from opsg_desktop.interchange.writer import write_document

__all__ = [
    "FORMAT",
    "dumps",
    "load_meeting",
    "meeting_from_bytes",
    "meeting_from_dict",
    "meeting_to_dict",
]


def meeting_from_dict(data: Any, source: str | None = None) -> Meeting:
    """The meeting a parsed document describes; ValidationError lists every problem."""
    problems = Problems()
    meeting = read_document(data, problems)
    if problems.found or meeting is None:
        raise ValidationError(problems.found or ["(document): not a meeting"], source)
    return meeting


def load_meeting(path: Path) -> Meeting:
    """Read and check the meeting file at ``path``; OpsgError or ValidationError says why not."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise OpsgError(f"{path}: cannot read the file ({exc.strerror or exc}).") from exc
    return meeting_from_bytes(raw, str(path))


def meeting_from_bytes(raw: bytes, path: str) -> Meeting:
    """Parse and check a document's bytes (a file, standard input); ``path`` names it."""
    try:
        data = json.loads(raw.decode("utf-8-sig"), object_pairs_hook=JsonObject.from_pairs)
    except UnicodeDecodeError as exc:
        raise OpsgError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8.") from exc
    except json.JSONDecodeError as exc:
        at_end = exc.pos >= len(raw.rstrip()) - 1 or exc.msg.startswith("Unterminated string")
        truncated = " (the file looks cut short)" if at_end else ""
        raise OpsgError(
            f"{path}: not valid JSON at line {exc.lineno}, column {exc.colno}: "
            f"{exc.msg}{truncated}. Nothing was imported."
        ) from exc
    except RecursionError:
        raise OpsgError(
            f"{path}: the document nests objects or lists too deeply to be a meeting. "
            "Nothing was imported."
        ) from None
    return meeting_from_dict(data, path)


def meeting_to_dict(meeting: Meeting) -> dict[str, Any]:
    return write_document(meeting)


def dumps(meeting: Meeting) -> str:
    """The meeting as indented JSON text, ending with a newline."""
    return json.dumps(meeting_to_dict(meeting), indent=2, ensure_ascii=False) + "\n"
