"""Commands that start or search meetings: ``new`` (a meeting from nothing) and ``search``."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the parser is built on every start: the store loads only to run a command
    from opsg_desktop.store.repository import Repository


def add_commands(commands) -> None:
    """Declare ``new`` and ``search`` on ``commands`` (argparse sub-parsers)."""
    p = commands.add_parser("new", help="create a meeting from nothing (the first of a group)")
    p.add_argument("--number", required=True, help="the meeting number, e.g. 1 or 37x")
    p.add_argument("--date", type=dt.date.fromisoformat, required=True, help="YYYY-MM-DD")
    p.add_argument("--kind", choices=["main", "reporting", "extraordinary"], default="main")
    p.add_argument("--group", type=Path, help="a JSON file with the group (interchange 'group')")

    p = commands.add_parser("search", help="search every meeting's notes, actions and updates")
    p.add_argument("text", nargs="+", help="words to find (all of them)")
    p.add_argument("--limit", type=int, default=20)


def run_new(repository: Repository, args: argparse.Namespace) -> int:
    """Create and store a meeting with the standing agenda; print its reference.

    The group comes from ``--group``, else the database's latest, else the
    Operations Group's defaults.
    """
    from opsg_desktop.core.first_meeting import first_meeting, operations_group
    from opsg_desktop.core.model import MeetingKind

    group = _group_file(args.group) if args.group else None
    group = group or repository.latest_group() or operations_group()
    try:
        meeting = first_meeting(group, args.number, args.date, MeetingKind(args.kind))
    except ValueError as exc:
        from opsg_desktop.core.errors import OpsgError

        raise OpsgError(f"--number: {exc}") from None
    print(repository.save_meeting(meeting))
    return 0


def _group_file(path: Path):
    """The group of a JSON file holding either a group object or a whole meeting file."""
    import json

    from opsg_desktop.core.errors import OpsgError
    from opsg_desktop.interchange import meeting_from_dict

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise OpsgError(f"{path}: cannot read the group ({exc})") from exc
    group = data.get("group", data) if isinstance(data, dict) else data
    doc = {
        "format": "opsg-meeting/1",
        "group": group,
        "meeting": {"number": "1", "date": "2000-01-01"},
    }
    return meeting_from_dict(doc, str(path)).group


def run_search(repository: Repository, args: argparse.Namespace) -> int:
    """Hits best first: meeting, where (item, action or update), snippet; 1 when none."""
    hits = repository.search(" ".join(args.text), limit=args.limit)
    for hit in hits:
        snippet = " ".join(hit.snippet.split())
        print(f"{hit.meeting_reference or '-':<16} {hit.where:<20} {snippet}")
    if not hits:
        print("no matches", file=sys.stderr)
    return 0 if hits else 1


COMMANDS = {"new": run_new, "search": run_search}
