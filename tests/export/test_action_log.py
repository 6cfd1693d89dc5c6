"""The action log as CSV and as a Word document."""

from __future__ import annotations

import csv

from docx import Document
from docx.enum.section import WD_ORIENT
from docx_reading import bold_texts

from opsg_desktop.export.action_log import (
    CSV_COLUMNS,
    export_action_log_csv,
    export_action_log_docx,
)


def read_csv(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_has_bom_header_and_one_row_per_action(log_entries, tmp_path):
    path = tmp_path / "log.csv"
    export_action_log_csv(log_entries, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = read_csv(path)
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [row["id"] for row in rows] == ["OPSG 43/07", "OPSG 45/CONF02", "OPSG 45/CONF03"]
    first = rows[0]
    assert first["raised"] == "2021-02-22" and first["target"] == "2021-05-24"
    assert first["status"] == "closed" and first["raised_at"] == "OPSG_43_2202"
    assert first["last_update"] == "Agreement reached."
    assert first["updates"] == (
        "OPSG_47_2604: Still waiting. [open] | OPSG_49_2405: Agreement reached. [closed]"
    )
    assert [row["classification"] for row in rows] == ["", "white", "amber"]


def test_csv_open_only_and_free_text_targets(log_entries, tmp_path):
    log_entries[1].action.revised_target = "Revised date to be determined by DCC"
    path = tmp_path / "log.csv"
    export_action_log_csv(log_entries, path, open_only=True)
    rows = read_csv(path)
    assert [row["id"] for row in rows] == ["OPSG 45/CONF02", "OPSG 45/CONF03"]
    assert rows[0]["revised_target"] == "Revised date to be determined by DCC"


def test_csv_keeps_accents_and_defuses_formulas(log_entries, tmp_path):
    log_entries[0].action.text = '=HYPERLINK("x") café'
    path = tmp_path / "log.csv"
    export_action_log_csv(log_entries, path)
    assert read_csv(path)[0]["text"] == '\'=HYPERLINK("x") café'


def test_docx_log_lists_actions_with_history(log_entries, meeting, tmp_path):
    path = tmp_path / "log.docx"
    export_action_log_docx(log_entries, path, meeting.group)
    document = Document(str(path))
    assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE
    assert document.paragraphs[0].text == "Operations Group Action Log"
    rows = list(document.tables[0].rows)
    assert rows[0].cells[0].text == "Action ID"
    assert [c.text for c in rows[1].cells][:2] == [
        "OPSG 43/07",
        "The DCC to confirm its position on Service Credits.",
    ]
    assert rows[1].cells[-1].text == "Closed"
    history = rows[2].cells[0]
    assert history.grid_span == len(rows[0].cells)
    assert [p.text for p in history.paragraphs] == [
        "OPSG_47_2604 (26/04/2021): Still waiting. Status: Open.",
        "OPSG_49_2405 (24/05/2021): Agreement reached. Status: Closed.",
    ]
    assert bold_texts(history.paragraphs[0]) == ["OPSG_47_2604 (26/04/2021):"]
    assert rows[4].cells[0].text == "No updates recorded yet."
    footer = document.sections[0].footer.tables[0].rows[0].cells
    assert footer[2].text == "This document has a Classification of Amber"


def test_docx_log_open_only_is_white_without_amber_entries(log_entries, meeting, tmp_path):
    path = tmp_path / "log.docx"
    export_action_log_docx(log_entries[:2], path, meeting.group, open_only=True)
    document = Document(str(path))
    ids = [row.cells[0].text for row in list(document.tables[0].rows)[1::2]]
    assert ids == ["OPSG 45/CONF02"]
    footer = document.sections[0].footer.tables[0].rows[0].cells
    assert footer[2].text == "This document has a Classification of White"


def test_a_topic_is_printed_once_in_the_log_and_the_minutes_alike(tmp_path):
    """The topic opens the text already (any case): neither document prints it twice."""
    import datetime as dt

    from opsg_desktop.core.model import Action, Group, LoggedAction
    from opsg_desktop.export.phrases import action_text

    topic = "CH & Network Programme"
    texts = [f"{topic}: The DCC to report.", "ch & network programme: The DCC to report."]
    entries = [
        LoggedAction(Action(f"OPSG 49/0{i}", text, topic=topic, raised=dt.date(2021, 5, 24)))
        for i, text in enumerate(texts, 1)
    ]
    path = tmp_path / "log.docx"
    export_action_log_docx(entries, path, Group("Operations Group", "OPSG"))
    cells = [cell.text for row in Document(str(path)).tables[0].rows for cell in row.cells]
    assert cells.count(texts[0]) == 1 and cells.count(texts[1]) == 1
    assert not any(cell.count("Network Programme") > 1 for cell in cells if "DCC" in cell)
    assert action_text(topic, "The DCC to report.") == texts[0]
    assert action_text(None, " The DCC to report. ") == "The DCC to report."
