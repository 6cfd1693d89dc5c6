"""Exports started from the window: file names and the exporter to call."""

from __future__ import annotations

import contextlib
from pathlib import Path

from opsg_desktop.core.errors import OpsgError
from opsg_desktop.core.model import Meeting, MeetingStatus
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui import settings


def suggested_name(what: str, meeting: Meeting) -> str:
    """``OPSG_49_2405 Draft Minutes.docx`` and the like."""
    if what == "minutes":
        status = "Minutes" if meeting.status is MeetingStatus.FINAL else "Draft Minutes"
        return f"{meeting.reference} {status}.docx"
    if what == "headlines":
        return f"{meeting.reference} Headlines.docx"
    return f"{meeting.group.abbreviation} Action Log {meeting.date:%Y-%m-%d}.docx"


def export_document(what: str, meeting: Meeting, path: Path, db_path: Path, *, backup: bool):
    """Write the document, then back up the database; returns the exporter's report.

    Runs on the window's export thread: it touches no widget and reads and
    backs up the database on connections of its own.  ``meeting`` is a
    snapshot, saved before the export started.  Raises the project's errors
    (a refused target, an unreadable log); a backup that fails does not fail
    the export.
    """
    report = _write_document(what, meeting, path, db_path)
    if backup:
        from opsg_desktop.store.backups import make_backup

        with contextlib.suppress(OpsgError, OSError):
            make_backup(db_path, db_path, "export", keep=settings.BACKUPS_KEPT.read())
    return report


def _write_document(what: str, meeting: Meeting, path: Path, db_path: Path):
    if what == "minutes":
        from opsg_desktop.export.minutes import export_minutes

        return export_minutes(meeting, path)
    if what == "headlines":
        from opsg_desktop.export.headlines import export_headlines

        return export_headlines(meeting, path)
    from opsg_desktop.export.action_log import export_action_log_csv, export_action_log_docx

    log = Repository(db_path, read_only=True, daily_backup=False)
    try:
        entries = log.action_log()
    finally:
        log.close()
    if path.suffix.lower() == ".csv":
        return export_action_log_csv(entries, path)
    return export_action_log_docx(entries, path, meeting.group)
