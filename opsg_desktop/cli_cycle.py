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
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the parser is built on every start: the store loads only to run a command
    from opsg_desktop.store.repository import Repository


def CycleRecords(repository: Repository):  # noqa: N802 - stands in for the class, loaded late
    """The repository's draft-cycle records (``store.cycle.CycleRecords``)."""
    from opsg_desktop.store.cycle import CycleRecords as Records

    return Records(repository)


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
    _add_versions(commands)

    from opsg_desktop import cli_new

    cli_new.add_commands(commands)


def _add_versions(commands) -> None:
    p = commands.add_parser("versions", help="drafts sent, comments received, final and lock")
    p.add_argument("reference")
    p = commands.add_parser("comment", help="record a member's reply to the latest draft")
    p.add_argument("reference")
    p.add_argument("person", help="who replied, as on the roster")
    reply = p.add_mutually_exclusive_group(required=True)
    reply.add_argument("--text", help="the comments")
    reply.add_argument("--none", action="store_true", help='"no comments"')
    p.add_argument("--version", type=int, help="the draft's number (default: the latest)")
    p = commands.add_parser("final", help="mark the minutes final and lock the meeting")
    p.add_argument("reference")
    p.add_argument("--agreed-at", required=True, help="the reference of the meeting agreeing them")
    p = commands.add_parser("unlock", help="allow edits to final minutes again (recorded)")
    p.add_argument("reference")
    p.add_argument("--reason", required=True)


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
    from opsg_desktop.core.cycle import version_label
    from opsg_desktop.core.errors import ConflictError
    from opsg_desktop.core.working_days import add_working_days
    from opsg_desktop.export.email import comment_email, recipients, write_eml
    from opsg_desktop.export.minutes import export_minutes

    meeting = repository.load_meeting(args.reference)
    records = CycleRecords(repository)
    cycle = records.load(meeting.reference)
    if cycle.locked:
        raise ConflictError(f"{meeting.reference} is final and locked; nothing to send")
    version = version_label(cycle.next_version())[1:]
    deadline = args.deadline or add_working_days(dt.date.today(), args.days)
    docx = args.output.with_name(f"{meeting.reference} Draft Minutes v{version}.docx")
    export_minutes(meeting, docx)
    for person in recipients(meeting, cc_others=args.cc_others).missing:
        print(f"no email address for {person.name}: not addressed", file=sys.stderr)
    message = comment_email(meeting, docx, deadline, version=version, cc_others=args.cc_others)
    print(write_eml(message, args.output))
    print(docx)
    sent = recipients(meeting, cc_others=args.cc_others).addresses()
    records.record_version(meeting.reference, dt.date.today(), sent, deadline)
    return 0


def run_versions(repository: Repository, args: argparse.Namespace) -> int:
    """Print each draft sent, each reply, the final agreement and the lock history."""
    from opsg_desktop.core.cycle import awaiting_reply

    meeting = repository.load_meeting(args.reference)
    cycle = CycleRecords(repository).load(meeting.reference)
    for version in cycle.versions:
        due = f", comments by {version.deadline.isoformat()}" if version.deadline else ""
        print(f"{version.label}  sent {version.sent.isoformat()} to {len(version.recipients)}{due}")
    for c in cycle.comments:
        said = "no comments" if c.no_comments else c.text
        print(f"  v0.{c.version} {c.received.isoformat()} {c.person}: {said}")
    if cycle.versions:
        waiting = ", ".join(p.name for p in awaiting_reply(meeting, cycle)) or "nobody"
        print(f"awaiting a reply: {waiting}")
    print(
        f"status: {meeting.status.value}"
        + (f", agreed at {cycle.agreed_at}" if cycle.agreed_at else "")
        + (", locked" if cycle.locked else "")
    )
    for event in cycle.history:
        print(f"  {event.at.isoformat(sep=' ')} {event.event}: {event.detail}")
    return 0


def run_comment(repository: Repository, args: argparse.Namespace) -> int:
    from opsg_desktop.core.cycle import Comment
    from opsg_desktop.core.errors import ConflictError

    records = CycleRecords(repository)
    latest = records.load(args.reference).latest()
    if latest is None and args.version is None:
        raise ConflictError(f"{args.reference}: no draft has been sent yet")
    number = args.version or latest.number
    reply = Comment(args.person, dt.date.today(), number, args.text or "", bool(args.none))
    records.record_comment(args.reference, reply)
    return 0


def run_final(repository: Repository, args: argparse.Namespace) -> int:
    CycleRecords(repository).mark_final(args.reference, args.agreed_at)
    print(f"{args.reference}: final, agreed at {args.agreed_at}; locked")
    return 0


def run_unlock(repository: Repository, args: argparse.Namespace) -> int:
    CycleRecords(repository).unlock(args.reference, args.reason)
    print(f"{args.reference}: unlocked ({args.reason.strip()})")
    return 0


COMMANDS = {
    "check": run_check,
    "email": run_email,
    "versions": run_versions,
    "comment": run_comment,
    "final": run_final,
    "unlock": run_unlock,
}
