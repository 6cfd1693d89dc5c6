"""Commands of the meeting cycle after the call: check, email, new, search, versions.

Each ``add_*`` function declares its sub-command on the parser; each ``run_*``
does it over the repository and returns the exit status.  Kept apart from
``cli_commands`` so the cycle's commands can be read (and grow) on their own.
"""

from __future__ import annotations

import argparse
import sys

from opsg_desktop.store.repository import Repository


def add_commands(commands) -> None:
    """Declare the cycle's sub-commands on ``commands`` (argparse sub-parsers)."""
    p = commands.add_parser("check", help="the pre-flight check before sending the minutes")
    p.add_argument("reference", help="the meeting's reference, e.g. OPSG_49_2405")


def run_check(repository: Repository, args: argparse.Namespace) -> int:
    """Print each finding (``BLOCKS`` or ``warning``, place, what); 1 when any blocks."""
    from opsg_desktop.core.checks import blocking, check_meeting

    meeting = repository.load_meeting(args.reference)
    others = [p.name for p in repository.known_people()]
    findings = check_meeting(meeting, others)
    for finding in findings:
        label = "BLOCKS " if finding.blocks else "warning"
        print(f"{label}  {finding.place}: {finding.message}")
    stops = blocking(findings)
    count = len(findings)
    summary = f"{meeting.reference}: {count} finding{'s' if count != 1 else ''}"
    print(summary + ("; fix the blocking ones before sending" if stops else ""), file=sys.stderr)
    return 1 if stops else 0


COMMANDS = {"check": run_check}
