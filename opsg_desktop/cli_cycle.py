"""Commands of the meeting cycle after the call: check, email, new, search, versions.

Each ``add_*`` function declares its sub-command on the parser; each ``run_*``
does it over the repository and returns the exit status.  Kept apart from
``cli_commands`` so the cycle's commands can be read (and grow) on their own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from opsg_desktop.store.repository import Repository


def add_commands(commands) -> None:
    """Declare the cycle's sub-commands on ``commands`` (argparse sub-parsers)."""
    p = commands.add_parser("check", help="the pre-flight check before sending the minutes")
    p.add_argument("reference", help="the meeting's reference, e.g. OPSG_49_2405")

    p = commands.add_parser("email", help="the draft minutes as an unsent email (.eml)")
    p.add_argument("reference")
    p.add_argument("-o", "--output", type=Path, required=True, help="the .eml file to write")
    p.add_argument("--days", type=int, default=5, help="working days for comments (default 5)")
    p.add_argument("--deadline", type=dt.date.fromisoformat, help="YYYY-MM-DD instead of --days")
    p.add_argument("--no-cc", dest="cc_others", action="store_false", help="members only")


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


def run_email(repository: Repository, args: argparse.Namespace) -> int:
    """Export the draft beside the .eml, attach it and write the message; print both paths."""
    from opsg_desktop.core.working_days import add_working_days
    from opsg_desktop.export.email import comment_email, recipients, write_eml
    from opsg_desktop.export.minutes import export_minutes

    meeting = repository.load_meeting(args.reference)
    version = "0.1"
    deadline = args.deadline or add_working_days(dt.date.today(), args.days)
    docx = args.output.with_name(f"{meeting.reference} Draft Minutes v{version}.docx")
    export_minutes(meeting, docx)
    for person in recipients(meeting, cc_others=args.cc_others).missing:
        print(f"no email address for {person.name}: not addressed", file=sys.stderr)
    message = comment_email(meeting, docx, deadline, version=version, cc_others=args.cc_others)
    print(write_eml(message, args.output))
    print(docx)
    return 0


COMMANDS = {"check": run_check, "email": run_email}
