"""The action log across meetings, as a Word document or a CSV file for Excel.

Both list every action given (or only the open ones) with its history of
updates, in the order given.  The Word log is A4 landscape: one row per action
and a full-width row under it with each update; its footer shows the highest
classification among the actions listed (an action without one counts as
White).

CSV columns, one row per action::

    id, text, topic, owner, raised, target, revised_target, classification,
    status, raised_at, last_update, updates

Dates are ISO (``2021-05-24``); a free-text target stays as written.
``classification`` is empty when the action has none of its own;
``last_update`` is the text recorded at the latest review; ``updates`` is the
whole history oldest first, each as ``OPSG_49_2405: text [open]``, joined
with `` | `` (line breaks inside an update become spaces).  The file is
UTF-8 with a byte-order mark so that Excel opens it with the right accents,
and a value Excel would run as a formula (starting ``=``, ``+``, ``@`` or
``-`` not followed by a digit) is written with a leading apostrophe.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Sequence

from opsg_desktop.core.dates import prose_date, table_date, target_text
from opsg_desktop.core.model import (
    ActionStatus,
    ActionUpdate,
    Classification,
    Group,
    LoggedAction,
    Target,
)
from opsg_desktop.export.cells import spreadsheet_cell
from opsg_desktop.export.docx_content import Element, Flow, Table, paragraph, run
from opsg_desktop.export.docx_helpers import (
    add_footer,
    new_document,
    save_document,
    text_width,
    title_block,
)
from opsg_desktop.export.files import ExportReport, write_atomically
from opsg_desktop.export.minutes_tables import cell_text, header_row, widths
from opsg_desktop.export.phrases import action_text, classification_line

CSV_COLUMNS = (
    "id",
    "text",
    "topic",
    "owner",
    "raised",
    "target",
    "revised_target",
    "classification",
    "status",
    "raised_at",
    "last_update",
    "updates",
)
LOG_HEADERS = (
    "Action ID",
    "Action",
    "Owner",
    "Date Raised",
    "Raised At",
    "Target Date",
    "Revised Target Date",
    "Class.",
    "Status",
)
_LOG_SHARES = (0.1, 0.29, 0.07, 0.085, 0.12, 0.085, 0.1, 0.085, 0.065)


def _selected(entries: Sequence[LoggedAction], open_only: bool) -> list[LoggedAction]:
    if not open_only:
        return list(entries)
    return [entry for entry in entries if entry.action.status == ActionStatus.OPEN]


def export_action_log_docx(
    entries: list[LoggedAction],
    path: str | os.PathLike[str],
    group: Group,
    open_only: bool = False,
) -> ExportReport:
    """Write the action log of ``group`` as a Word document (open actions only if asked)."""
    chosen = _selected(entries, open_only)
    title = f"{group.abbreviation} Action Log"
    document = new_document(title, landscape=True)
    level = max(
        (e.action.classification or Classification.WHITE for e in chosen),
        default=Classification.WHITE,
    )
    add_footer(document, title, classification_line(level))
    flow = Flow.body(document)
    scope = "Open actions" if open_only else "All actions"
    summary = f"{scope} ({len(chosen)}), as of {prose_date(dt.date.today())}"
    title_block(flow, [(f"{group.name} Action Log", 16, True), (summary, 11, False)])
    table = Table(flow, widths(text_width(document), _LOG_SHARES))
    header_row(table, LOG_HEADERS, repeat=True)
    for entry in chosen:
        table.row([cell_text(value, keep_next=True) for value in _log_cells(entry)])
        table.merged_row(history_paragraphs(entry.updates))
    return ExportReport(save_document(document, path))


def _log_cells(entry: LoggedAction) -> list[str]:
    action = entry.action
    return [
        action.id,
        action_text(action.topic, action.text),
        action.owner or "",
        table_date(action.raised) if action.raised else "",
        entry.raised_at or "",
        target_text(action.target),
        target_text(action.revised_target),
        (action.classification or Classification.WHITE).name.title(),
        action.status.value.capitalize(),
    ]


def history_paragraphs(updates: Sequence[ActionUpdate]) -> list[Element]:
    """One paragraph per update: bold ``OPSG_49_2405 (24/05/2021):``, text, status."""
    if not updates:
        return [paragraph([run("No updates recorded yet.")], style="TableText")]
    content = []
    for update in updates:
        label = f"{update.meeting_reference} ({table_date(update.meeting_date)}):"
        text = " ".join(update.text.split())
        runs = [run(label, bold=True), run(f" {text}" if text else "")]
        if update.revised_target is not None:
            runs.append(run(f" Revised target: {target_text(update.revised_target)}."))
        runs.append(run(f" Status: {update.status.value.capitalize()}."))
        content.append(paragraph(runs, style="TableText"))
    return content


def export_action_log_csv(
    entries: list[LoggedAction],
    path: str | os.PathLike[str],
    open_only: bool = False,
) -> ExportReport:
    """Write the action log as CSV (columns in the module docstring), UTF-8 with BOM."""
    rows = [csv_row(entry) for entry in _selected(entries, open_only)]

    def write(temporary: os.PathLike[str]) -> None:
        with open(temporary, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_COLUMNS)
            writer.writerows([[spreadsheet_cell(value) for value in row] for row in rows])

    return ExportReport(write_atomically(path, write))


def _iso(value: Target | None) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, dt.date) else value


def csv_row(entry: LoggedAction) -> list[str]:
    """One action as the CSV columns."""
    action = entry.action
    history = " | ".join(
        f"{u.meeting_reference}: {' '.join(u.text.split())} [{u.status.value}]"
        for u in entry.updates
    )
    return [
        action.id,
        action.text,
        action.topic or "",
        action.owner or "",
        _iso(action.raised),
        _iso(action.target),
        _iso(action.revised_target),
        action.classification.label if action.classification is not None else "",
        action.status.value,
        entry.raised_at or "",
        entry.updates[-1].text if entry.updates else "",
        history,
    ]
