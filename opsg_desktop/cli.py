"""The command line: ``opsg-desktop [--db PATH] [COMMAND …]``.

Without a command it opens the window.  Every command drives the same core
and store as the window; errors print one clear message on stderr and exit
with status 1 (2 for a mistyped command line).
"""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from opsg_desktop import __version__
from opsg_desktop.core.errors import OpsgError
from opsg_desktop.core.model import Classification, MeetingKind
from opsg_desktop.paths import default_database_path

EPILOG = """\
commands:
  import FILE [--replace]       import a meeting file (opsg-meeting/1 JSON); prints its reference
  dump REF [-o FILE]            write the meeting as JSON
  list                          one line per meeting: reference, date, kind, status, actions
  actions [--open|--all] [--owner X]
                                the action log
  next REF --date YYYY-MM-DD [--kind main|reporting|extraordinary] [--number N]
                                create the following meeting (roster, agenda titles, open actions)
  export minutes REF -o FILE.docx [--classification LEVEL]
  export headlines REF -o FILE.docx
  export actions -o FILE.docx|FILE.csv [--open]
  check REF                     the pre-flight check; exit status 1 when a finding blocks sending
  email REF -o FILE.eml [--days N | --deadline YYYY-MM-DD] [--no-cc]
                                the draft as an unsent email to the members, .docx attached;
                                records the version sent (v0.1, v0.2, ...)
  versions REF                  drafts sent, comments received, final and lock history
  comment REF PERSON (--text T | --none) [--version N]
  final REF --agreed-at REF2    mark the minutes final (agreed at REF2) and lock the meeting
  unlock REF --reason TEXT      allow edits to final minutes again; the reason is kept
  new --number N --date YYYY-MM-DD [--kind K] [--group FILE]
                                a meeting from nothing (standing agenda; group from FILE,
                                else the latest, else the Operations Group's)
  search TEXT                   notes, actions and updates of every meeting, best match first
  backups                       the database's backups, newest first
  restore [BACKUP]              put a backup back (the newest good one by default)

Commands that write (import, next, restore) refuse while the window has the database open.

The database is $OPSG_DB if set, else opsg.sqlite3 in your data folder; --db overrides both.
Run without a command to open the window.
"""


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; use YYYY-MM-DD") from None


def _level(text: str) -> Classification:
    try:
        return Classification.parse(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a classification; use white, green, amber or red"
        ) from None


def _output(*suffixes: str):
    """An argparse type: a path whose extension is one of ``suffixes`` (any case)."""

    def check(text: str) -> Path:
        path = Path(text)
        if path.suffix.lower() not in suffixes:
            raise argparse.ArgumentTypeError(
                f"{text!r} does not end in {' or '.join(suffixes)}, the format this writes"
            )
        return path

    return check


class _Parser(argparse.ArgumentParser):
    """A parser whose sub-commands report their own mistakes with their own usage.

    Plain argparse hands an unknown option back to the top-level parser, which
    prints the top-level usage; here the sub-command that was given it complains.
    """

    def parse_known_args(self, args=None, namespace=None):
        namespace, extras = super().parse_known_args(args, namespace)
        if extras and self.prog != PROG:
            self.error(f"unrecognized arguments: {' '.join(extras)}")
        return namespace, extras


PROG = "opsg-desktop"


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="OPSG Secretary: minutes, actions and headlines for the SEC Operations Group.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--db", type=Path, help="the database file to use")
    parser.add_argument(
        "--demo", action="store_true", help="fill an empty database with an invented meeting"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = commands.add_parser("import", help="import a meeting file")
    p.add_argument("file", type=Path, help="an opsg-meeting/1 JSON file, or - for stdin")
    p.add_argument("--replace", action="store_true", help="overwrite a meeting of that reference")

    p = commands.add_parser("dump", help="write a meeting as JSON")
    p.add_argument("reference", help="the meeting's reference, e.g. OPSG_49_2405")
    p.add_argument(
        "-o", "--output", type=_output(".json"), help="write to this file instead of stdout"
    )

    commands.add_parser("list", help="list the meetings")

    p = commands.add_parser("actions", help="print the action log")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--open", dest="open_only", action="store_true", default=True)
    which.add_argument("--all", dest="open_only", action="store_false")
    p.add_argument("--owner", help="only this owner's actions (any case)")

    p = commands.add_parser("next", help="create the following meeting")
    p.add_argument("reference", help="the previous meeting's reference")
    p.add_argument("--date", type=_date, required=True, help="YYYY-MM-DD")
    p.add_argument("--kind", choices=[k.value for k in MeetingKind], default="main")
    p.add_argument("--number", help="the new meeting's number (default: the next one)")

    _add_export(commands)
    from opsg_desktop import cli_cycle

    cli_cycle.add_commands(commands)
    commands.add_parser("backups", help="list the database's backups")
    p = commands.add_parser("restore", help="put a backup back in place of the database")
    p.add_argument("backup", nargs="?", type=Path, help="a backup file (default: the newest good)")
    return parser


def _add_export(commands) -> None:
    p = commands.add_parser("export", help="write Word minutes, headlines or the action log")
    what = p.add_subparsers(dest="what", metavar="WHAT", required=True)
    minutes = what.add_parser("minutes", help="draft or final minutes (.docx)")
    minutes.add_argument("reference")
    minutes.add_argument("-o", "--output", type=_output(".docx"), required=True)
    minutes.add_argument(
        "--classification", type=_level, help="the document's level (default: the meeting's)"
    )
    headlines = what.add_parser("headlines", help="the public headlines (.docx)")
    headlines.add_argument("reference")
    headlines.add_argument("-o", "--output", type=_output(".docx"), required=True)
    actions = what.add_parser("actions", help="the action log (.docx or .csv)")
    actions.add_argument("-o", "--output", type=_output(".docx", ".csv"), required=True)
    actions.add_argument("--open", dest="open_only", action="store_true")


def _window_options(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The options of a command line that only opens the window, else None.

    Building every sub-command's parser costs about 20 ms of gettext look-ups
    (one per help text), which the window's start does not need; anything
    but ``[--db PATH] [--demo]`` goes to the full parser and its messages.
    """
    probe = argparse.ArgumentParser(prog=PROG, add_help=False, exit_on_error=False)
    probe.add_argument("--db", type=Path)
    probe.add_argument("--demo", action="store_true")
    try:
        args, extras = probe.parse_known_args(argv)
    except argparse.ArgumentError:
        return None
    if extras:
        return None
    args.command = None
    return args


def _os_cause(exc: OSError) -> str:
    """An operating system refusal in words, with what to do (the database is untouched)."""
    causes = {
        errno.ENOSPC: "the disk is full; free some space or write somewhere else",
        errno.EDQUOT: "your disk quota is used up; free some space or write somewhere else",
        errno.EROFS: "that disk is read-only; write somewhere else",
        errno.EACCES: "you have no permission to write there; write somewhere else",
        errno.EIO: "the disk reported an error; check it, and write somewhere else",
    }
    where = f" ({exc.filename})" if exc.filename else ""
    return f"{causes.get(exc.errno or 0, exc.strerror or str(exc))}{where}. Nothing was lost."


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``opsg-desktop`` and ``python -m opsg_desktop``."""
    args = _window_options(argv) or build_parser().parse_args(argv)
    db_path = args.db or default_database_path()
    try:
        if args.command is None:
            return _open_window(db_path, args.demo)
        from opsg_desktop.cli_commands import run_command

        return run_command(args, db_path)
    except OpsgError as exc:
        _log().warning("%s: %s", args.command, exc)
        print(f"opsg-desktop: {exc}", file=sys.stderr)
        return 1
    except sqlite3.Error as exc:
        from opsg_desktop.store.errors import describe

        print(f"opsg-desktop: {describe(exc, db_path)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 1
    except OSError as exc:
        if exc.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EIO):
            raise
        _log().warning("%s: %s", args.command, exc)
        print(f"opsg-desktop: could not write the output: {_os_cause(exc)}", file=sys.stderr)
        return 1
    except Exception as exc:
        from opsg_desktop.logs import where_logged

        _log().exception("unexpected error in %s", args.command or "the window")
        print(
            f"opsg-desktop: unexpected error ({type(exc).__name__}: {exc}); "
            f"the details are in {where_logged()}",
            file=sys.stderr,
        )
        return 1


def _log():
    from opsg_desktop.logs import logger

    return logger()


def _open_window(db_path: Path, demo: bool) -> int:
    # The window's Qt-free modules first: once PySide6 is loaded it reads the source of
    # every module imported after it (looking for ``__feature__``), a cost at each start.
    import concurrent.futures.thread  # noqa: F401 (ui.autosave)

    import opsg_desktop.core.action_guess  # noqa: F401 (ui.panes.notes)
    import opsg_desktop.logs  # noqa: F401
    import opsg_desktop.store.repository  # noqa: F401
    from opsg_desktop.ui.app import run_app

    return run_app(db_path, demo=demo)
