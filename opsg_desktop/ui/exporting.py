"""Exports started from the window: file names and the exporter to call."""

from __future__ import annotations

from pathlib import Path

from opsg_desktop.core.model import Meeting, MeetingStatus
from opsg_desktop.store.repository import Repository


def suggested_name(what: str, meeting: Meeting) -> str:
    """``OPSG_49_2405 Draft Minutes.docx`` and the like."""
    if what == "minutes":
        status = "Minutes" if meeting.status is MeetingStatus.FINAL else "Draft Minutes"
        return f"{meeting.reference} {status}.docx"
    if what == "headlines":
        return f"{meeting.reference} Headlines.docx"
    return f"{meeting.group.abbreviation} Action Log {meeting.date:%Y-%m-%d}.docx"


def export_document(what: str, meeting: Meeting, path: Path, repository: Repository):
    """Write the document; returns the exporter's report (path and what was left out)."""
    if what == "minutes":
        from opsg_desktop.export.minutes import export_minutes

        return export_minutes(meeting, path)
    if what == "headlines":
        from opsg_desktop.export.headlines import export_headlines

        return export_headlines(meeting, path)
    from opsg_desktop.export.action_log import export_action_log_csv, export_action_log_docx

    entries = repository.action_log()
    if path.suffix.lower() == ".csv":
        return export_action_log_csv(entries, path)
    return export_action_log_docx(entries, path, meeting.group)
