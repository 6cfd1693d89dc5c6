"""What each command of the command line does, over the repository."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from opsg_desktop import cli_cycle, cli_new
from opsg_desktop.core.dates import target_text
from opsg_desktop.core.errors import ConflictError, OpsgError
from opsg_desktop.core.model import Group, MeetingKind
from opsg_desktop.store.errors import DatabaseInUseError
from opsg_desktop.store.repository import Repository
from opsg_desktop.store.writer_lock import held_message

#: Commands that write to the database: refused at once while a window holds it.
WRITERS = frozenset({"import", "next", "restore", "new", "comment", "final", "unlock", "email"})


def run_command(args: argparse.Namespace, db_path: Path) -> int:
    """Run the parsed command against the database at ``db_path``.

    A command that writes (or ``--demo``) first checks that no window holds
    the database (DatabaseInUseError, exit 1, with what to do).  Any other
    command runs on the file opened read-only while a window holds it, so a
    write that a command was not known to make is refused the same way.
    """
    held = held_message(db_path)
    if held is not None and (args.command in WRITERS or args.demo):
        raise DatabaseInUseError(held)
    if args.command in FILE_COMMANDS:
        return FILE_COMMANDS[args.command](db_path, args)
    repository = Repository(db_path, read_only=held is not None)
    if held is not None:
        repository.refusal = DatabaseInUseError(held)
    try:
        if args.demo:
            from opsg_desktop.demo import demo_meeting, ensure_demo

            reference = demo_meeting().reference
            if ensure_demo(repository):
                print(f"demo meeting {reference} added to {db_path}", file=sys.stderr)
            else:
                print(
                    f"{reference} is already in {db_path}; the demo was not added again",
                    file=sys.stderr,
                )
        return COMMANDS[args.command](repository, args)
    finally:
        repository.close()


def _import(repository: Repository, args: argparse.Namespace) -> int:
    from opsg_desktop.interchange import load_meeting, meeting_from_bytes

    if str(args.file) == "-":
        meeting = meeting_from_bytes(sys.stdin.buffer.read(), "stdin")
    else:
        meeting = load_meeting(args.file)
    if not args.replace and repository.has_meeting(meeting.reference):
        raise ConflictError(
            f"{meeting.reference} already exists; use --replace to overwrite it with this file"
        )
    print(repository.save_meeting(meeting, replace=args.replace))
    return 0


def _dump(repository: Repository, args: argparse.Namespace) -> int:
    from opsg_desktop.interchange import dumps

    text = dumps(repository.load_meeting(args.reference))
    if args.output:
        _write_text(args.output, text)
    else:
        sys.stdout.write(text)
    return 0


def _list(repository: Repository, args: argparse.Namespace) -> int:
    meetings = repository.list_meetings()
    if not meetings:
        _say_none(f"no meetings in {repository.path}")
    for m in meetings:
        print(
            f"{m.reference:<16} {m.date.isoformat()}  {m.kind:<13} {m.status:<6} "
            f"{m.actions_open} open of {m.actions_raised} raised"
        )
    return 0


def _actions(repository: Repository, args: argparse.Namespace) -> int:
    entries = repository.action_log(open_only=args.open_only, owner=args.owner)
    if not entries:
        which = "open actions" if args.open_only else "actions"
        owned = f" owned by {args.owner}" if args.owner else ""
        hint = " (--all includes closed ones)" if args.open_only else ""
        _say_none(f"no {which}{owned} in {repository.path}{hint}")
    for entry in entries:
        action = entry.action
        target = action.revised_target or action.target
        print(
            f"{action.id:<16} {action.status.value:<6} {action.owner or '-':<8} "
            f"{target_text(target, missing='-'):<12} {' '.join(action.text.split())}"
        )
    return 0


def _next(repository: Repository, args: argparse.Namespace) -> int:
    meeting = repository.create_next(
        args.reference, args.date, MeetingKind(args.kind), number=args.number
    )
    print(meeting.reference)
    return 0


def _export(repository: Repository, args: argparse.Namespace) -> int:
    # python-docx loads here, off the start-up path of the other commands.
    from opsg_desktop.export import action_log, headlines, minutes

    if args.what == "minutes":
        meeting = repository.load_meeting(args.reference)
        level = args.classification or meeting.classification
        report = minutes.export_minutes(meeting, args.output, level)
        for line in report.withheld:
            print(f"left out (above {level.label}): {line}", file=sys.stderr)
    elif args.what == "headlines":
        report = headlines.export_headlines(repository.load_meeting(args.reference), args.output)
        for line in report.withheld:
            print(f"left out (headlines are public): {line}", file=sys.stderr)
    else:
        entries = repository.action_log(open_only=args.open_only)
        if args.output.suffix.lower() == ".csv":
            action_log.export_action_log_csv(entries, args.output, open_only=args.open_only)
        else:
            group = repository.latest_group() or Group("Operations Group", "OPSG")
            action_log.export_action_log_docx(entries, args.output, group, open_only=args.open_only)
    _backup_after_export(repository)
    print(args.output)
    return 0


def _backup_after_export(repository: Repository) -> None:
    """What was exported can be found again: a backup follows each export (never fails it)."""
    from opsg_desktop.core.errors import StoreError

    try:
        repository.backup("export")
    except StoreError as exc:
        print(f"note: {exc}", file=sys.stderr)


def _backups(db_path: Path, args: argparse.Namespace) -> int:
    from opsg_desktop.store.backups import clear_leftovers, list_backups
    from opsg_desktop.store.checks import is_sound

    clear_leftovers(db_path)
    found = list_backups(db_path)
    if not found:
        print(f"no backups of {db_path} yet", file=sys.stderr)
    for backup in found:
        state = "ok" if is_sound(backup.path) else "DAMAGED"
        size = backup.path.stat().st_size // 1024
        print(
            f"{backup.made:%Y-%m-%d %H:%M:%S}  {backup.reason:<16} {size:>7} KiB  {state:<7} "
            f"{backup.path}"
        )
    return 0


def _restore(db_path: Path, args: argparse.Namespace) -> int:
    from opsg_desktop.store.backups import folder_of, newest_good
    from opsg_desktop.store.restore import restore_backup

    source = args.backup
    if source is not None and not source.exists() and source.parent == Path("."):
        named = folder_of(db_path) / source  # a name as `backups` shows it, from anywhere
        source = named if named.exists() else source
    if source is None:
        newest = newest_good(db_path)
        if newest is None:
            raise OpsgError(f"there is no good backup of {db_path} to restore")
        source = newest.path
    kept = restore_backup(db_path, source)
    print(
        f"restored {source} to {db_path}"
        + (f"; the replaced file is kept at {kept}" if kept else "")
    )
    return 0


def _say_none(message: str) -> None:
    """An empty result says so, on stderr, so that stdout stays empty for scripts."""
    print(message, file=sys.stderr)


def _write_text(path: Path, text: str) -> None:
    from opsg_desktop.export.files import write_atomically

    def write(temporary: Path) -> None:
        temporary.write_text(text, encoding="utf-8")

    write_atomically(path, write)


#: Commands that work on the file rather than through a repository.
FILE_COMMANDS = {"backups": _backups, "restore": _restore}

COMMANDS = {
    "import": _import,
    "dump": _dump,
    "list": _list,
    "actions": _actions,
    "next": _next,
    "export": _export,
}
COMMANDS.update(cli_cycle.COMMANDS)
COMMANDS.update(cli_new.COMMANDS)
