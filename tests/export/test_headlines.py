"""The public headlines: only marked White items, bold labels, always White."""

from __future__ import annotations

from docx import Document
from docx_reading import body_texts, bold_texts, part_xml

from opsg_desktop.core.model import Classification
from opsg_desktop.core.wordings import headlines_intro, headlines_statement
from opsg_desktop.export.headlines import export_headlines


def test_headlines_content_in_order(meeting, tmp_path):
    path = tmp_path / "headlines.docx"
    report = export_headlines(meeting, path)
    assert report.path == path
    assert body_texts(path) == [
        "Operations Group (OPSG) Meeting 49 on 24 May 2021",
        "Headlines",
        headlines_statement(meeting.group),
        headlines_intro(meeting.group),
        "3. SEC Panel Reports (SECAS): SECAS presented the Panel reports.",
        "4. PMR Report (SECAS)",
        "4.1 SMETS1 (DCC): The DCC reported on SMETS1 migration.",
        "Next main meeting: 1 June 2021; Next reporting meeting: 28 June 2021.",
    ]


def test_headline_labels_are_bold(meeting, tmp_path):
    path = tmp_path / "headlines.docx"
    export_headlines(meeting, path)
    paragraphs = Document(str(path)).paragraphs
    assert bold_texts(paragraphs[4]) == ["3. SEC Panel Reports (SECAS):"]
    assert bold_texts(paragraphs[5]) == ["4. PMR Report (SECAS)"]
    assert bold_texts(paragraphs[7]) == []


def test_amber_item_never_reaches_headlines(meeting, tmp_path):
    path = tmp_path / "headlines.docx"
    report = export_headlines(meeting, path)
    secret = meeting.agenda[4]
    xml = part_xml(path)
    assert secret.headline not in xml and secret.title not in xml
    assert report.withheld == ["item 5 Confidential Session (amber)"]


def test_headlines_of_an_amber_meeting_are_white_and_hold_no_items(meeting, tmp_path):
    meeting.classification = Classification.AMBER
    path = tmp_path / "headlines.docx"
    export_headlines(meeting, path)
    document = Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert not any(t.startswith(("3.", "4.", "5.")) for t in texts)
    cells = document.sections[0].footer.tables[0].rows[0].cells
    assert [c.text for c in cells] == [
        "OPSG_49_2405 \u2013 Headlines",
        "Page 1 of 1",
        "This document has a Classification of White",
    ]
    assert "PAGE" in document.sections[0].footer.part.element.xml
    assert document.core_properties.title == "OPSG_49_2405 Headlines"
