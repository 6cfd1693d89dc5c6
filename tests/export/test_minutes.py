"""The Word minutes: content, order, tables, footer, properties and classification filtering."""

from __future__ import annotations

import datetime as dt

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx_reading import body_texts, bold_texts, list_num_id, part_xml, table_rows

from opsg_desktop.core.errors import OpsgError
from opsg_desktop.core.model import (
    AttendanceMark,
    Classification,
    DecisionBlock,
    MeetingStatus,
    TextBlock,
)
from opsg_desktop.export.minutes import ExportReport, export_minutes


@pytest.fixture
def exported(meeting, tmp_path):
    path = tmp_path / "minutes.docx"
    report = export_minutes(meeting, path)
    return path, report


def paragraph_after(document, text: str, offset: int = 1):
    paragraphs = document.paragraphs
    index = next(i for i, p in enumerate(paragraphs) if p.text == text)
    return paragraphs[index + offset]


def test_title_block_lines_in_order(exported):
    path, report = exported
    assert isinstance(report, ExportReport) and report.path == path
    assert body_texts(path)[:6] == [
        "Operations Group Meeting",
        "24 May 2021, OPSG_49_2405",
        "12:20 \u2013 16:50",
        "Teleconference",
        "Draft Minutes",
        "Attendees:",
    ]


def test_title_block_leaves_out_missing_times_and_location(meeting, tmp_path):
    meeting.start = meeting.end = meeting.location = None
    meeting.status = MeetingStatus.FINAL
    export_minutes(meeting, tmp_path / "m.docx")
    assert body_texts(tmp_path / "m.docx")[:4] == [
        "Operations Group Meeting",
        "24 May 2021, OPSG_49_2405",
        "Minutes",
        "Attendees:",
    ]


def test_attendees_table_two_parts_in_order(exported):
    rows = table_rows(Document(str(exported[0])).tables[0])
    assert rows == [
        ["Category", "Operations Group Members"],
        ["Operations Group Chair", "Alex Rowe"],
        ["Network Parties", "Robin Hale"],
        ["Large Suppliers", "Sam Patel (alternate for Jo Reid)\nMorgan Fitch"],
        ["Small Suppliers", "Jamie Okoro"],
        ["Other SEC Parties", "Taylor Quinn"],
        ["Observers", "Harley Wynn"],
        ["Representing", "Other Participants"],
        [
            "DCC",
            "Kim Lee (DCC's nominated lead)\nDrew Ellis (agenda item 5)\n"
            "Ola Ade (agenda item 6 & 7)\nAvery Stone (agenda items 5, 6 & 7)",
        ],
        ["SECAS", "Pat Moss (Meeting Secretary)"],
        ["BEIS", "Rowan Blake"],
        ["Other", "Quinn Harper"],
    ]


def test_attendee_names_are_separate_paragraphs_and_headers_bold(exported):
    table = Document(str(exported[0])).tables[0]
    header, _, _, large = (row.cells for row in list(table.rows)[:4])
    assert [p.text for p in large[1].paragraphs] == [
        "Sam Patel (alternate for Jo Reid)",
        "Morgan Fitch",
    ]
    assert bold_texts(header[1].paragraphs[0]) == ["Operations Group Members"]


def test_statement_follows_attendees_at_export_level(exported):
    texts = body_texts(exported[0])
    statement = texts[texts.index("Attendees:") + 1]
    assert statement.startswith("This document is classified as White.")
    assert texts[texts.index("Attendees:") + 2] == "Apologies:"


def test_apologies_table(exported):
    rows = table_rows(Document(str(exported[0])).tables[1])
    assert rows == [
        ["Representing", "Name"],
        ["Small Suppliers", "Lee Grant"],
        ["SECAS", "Sky Morris"],
    ]


def test_apologies_omitted_when_nobody_sent_any(meeting, tmp_path):
    for person in meeting.people:
        if person.attendance == AttendanceMark.APOLOGIES:
            person.attendance = AttendanceMark.ABSENT
    export_minutes(meeting, tmp_path / "m.docx")
    document = Document(str(tmp_path / "m.docx"))
    assert "Apologies:" not in [p.text for p in document.paragraphs]
    assert table_rows(document.tables[1])[0][0] == "Action ID"
    assert "Frankie Vale" not in part_xml(tmp_path / "m.docx")


def test_items_and_blocks_in_order(exported):
    texts = body_texts(exported[0])
    start = texts.index("1. Previous Meeting Minutes")
    assert texts[start : start + 3] == [
        "1. Previous Meeting Minutes",
        "The Chair invited members to comment on the Draft Minutes.",
        "The OPSG AGREED that the Draft Minutes will be published as final.",
    ]
    headings = [t for t in texts if t[:2] in {"1.", "2.", "3.", "4.", "5.", "6."}]
    assert headings == [
        "1. Previous Meeting Minutes",
        "2. Actions Outstanding",
        "3. SEC Panel Reports",
        "4. PMR Report",
        "4.1 SMETS1",
        "6. Trusted Service Provider Update",
    ]
    assert texts[-1] == "Next main meeting: 1 June 2021; Next reporting meeting: 28 June 2021."


def test_heading_styles_for_items_sub_items_and_sub_headings(exported):
    document = Document(str(exported[0]))
    styles = {p.text: p.style.name for p in document.paragraphs}
    assert styles["3. SEC Panel Reports"] == "Heading 1"
    assert styles["4.1 SMETS1"] == "Heading 2"
    assert styles["Registration Data Provider Incident Report"] == "Heading 3"


def test_text_paragraphs_and_line_breaks(exported):
    texts = body_texts(exported[0])
    assert "DP160 is in the Development stage." in texts
    assert "It goes to the Sub-Committee next.\nDP160 will then be refined." in texts


def test_action_lines_have_bold_generated_labels(exported):
    document = Document(str(exported[0]))
    actions = [p for p in document.paragraphs if p.text.startswith("ACTION ")]
    assert [p.text for p in actions] == [
        "ACTION OPSG 49/01: The OPSG to comment on the summary by 11 June.",
        "ACTION OPSG 49/02: CH & Network Programme: The DCC to provide its forecast.",
    ]
    assert [bold_texts(p) for p in actions] == [["ACTION OPSG 49/01:"], ["ACTION OPSG 49/02:"]]


def test_export_does_not_number_the_callers_meeting(meeting, tmp_path):
    export_minutes(meeting, tmp_path / "m.docx")
    assert meeting.agenda[2].blocks[3].id is None


def test_hyperlinks_are_live_external_relationships(exported, meeting):
    document = Document(str(exported[0]))
    targets = [r.target_ref for r in document.part.rels.values() if r.reltype == RT.HYPERLINK]
    assert sorted(set(targets)) == sorted(
        {"https://example.org/modifications/dp160/", "https://example.org/papers/panel-report.pdf"}
    )
    links = [link for p in document.paragraphs for link in p.hyperlinks]
    assert [(link.text, link.url) for link in links] == [
        ("DP160", "https://example.org/modifications/dp160/"),
        ("DP160", "https://example.org/modifications/dp160/"),
        ("Panel report", "https://example.org/papers/panel-report.pdf"),
    ]
    link_only = next(p for p in document.paragraphs if p.text == "Panel report")
    assert len(link_only.runs) == 0 and len(link_only.hyperlinks) == 1


def test_link_text_inside_a_longer_word_is_not_linked(meeting, tmp_path):
    meeting.agenda[2].blocks[0].text = "DP1600 differs from DP160."
    export_minutes(meeting, tmp_path / "m.docx")
    document = Document(str(tmp_path / "m.docx"))
    paragraph = next(p for p in document.paragraphs if p.text == "DP1600 differs from DP160.")
    assert [link.text for link in paragraph.hyperlinks] == ["DP160"]


def test_single_decision_and_outcome_block(exported):
    document = Document(str(exported[0]))
    texts = [p.text for p in document.paragraphs]
    start = texts.index("The OPSG:")
    assert texts[start + 1 : start + 4] == [
        "NOTED the PMR;",
        "CONSIDERED the commentary; and",
        "AGREED the report reflected the service experienced.",
    ]
    bullets = document.paragraphs[start + 1 : start + 4]
    assert {list_num_id(p) for p in bullets} != {None} and len(
        {list_num_id(p) for p in bullets}
    ) == 1
    assert list_num_id(document.paragraphs[start]) is None
    assert texts.count("The OPSG NOTED the update.") == 2


def test_separate_numbered_lists_restart(exported):
    document = Document(str(exported[0]))
    by_text = {p.text: p for p in document.paragraphs}
    numbers = [list_num_id(by_text[t]) for t in ("Reflash Service", "Reset Capability")]
    letters = [list_num_id(by_text[t]) for t in ("Users may need to update firewalls.",)]
    assert numbers[0] == numbers[1] is not None
    assert letters[0] not in (None, numbers[0])
    numbering = document.part.numbering_part.element
    num = numbering.num_having_numId(numbers[0])
    assert num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}").get(qn("w:val")) == "1"


def test_outstanding_table_rows_and_merged_updates(exported):
    table = Document(str(exported[0])).tables[2]
    rows = list(table.rows)
    assert [c.text for c in rows[0].cells] == [
        "Action ID",
        "Action",
        "Date Raised",
        "Last Target Date",
        "Revised Target Date",
        "Owner",
    ]
    assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in rows[1].cells] == [
        "OPSG 43/07",
        "The DCC to confirm its position on Service Credits.",
        "22/02/2021",
        "24/05/2021",
        "N/A",
        "DCC",
    ]
    update = rows[2].cells
    assert len(update) == 6 and update[0].grid_span == 6 and len(rows[2]._tr.tc_lst) == 1
    assert [p.text for p in update[0].paragraphs] == [
        "The DCC reported agreement.",
        "An update follows in the April PMR. Status: Closed.",
    ]
    assert bold_texts(update[0].paragraphs[-1]) == ["Status:"]
    assert rows[5].cells[4].text == "Revised date to be determined by DCC"
    assert rows[6].cells[0].text == "Status: Open."


def test_footer_has_three_parts_with_live_page_fields(exported):
    footer = Document(str(exported[0])).sections[0].footer
    cells = footer.tables[0].rows[0].cells
    assert [c.text for c in cells] == [
        "OPSG_49_2405 \u2013 Draft Minutes",
        "Page 1 of 1",
        "This document has a Classification of White",
    ]
    xml = footer.part.element.xml
    assert xml.count('w:fldCharType="begin"') == 2 and xml.count('w:fldCharType="end"') == 2
    assert "> PAGE <" in xml and "> NUMPAGES <" in xml


def test_core_properties_are_clean(exported):
    properties = Document(str(exported[0])).core_properties
    assert properties.title == "OPSG_49_2405 Draft Minutes"
    assert (properties.author, properties.last_modified_by, properties.comments) == ("", "", "")
    assert properties.keywords == "" and properties.revision == 1
    created = properties.created.replace(tzinfo=dt.UTC)
    assert abs((created - dt.datetime.now(dt.UTC)).total_seconds()) < 120


def test_white_export_withholds_amber_content(exported, meeting):
    path, report = exported
    xml = part_xml(path)
    amber_item = meeting.agenda[4]
    for secret in (
        amber_item.title,
        amber_item.blocks[0].text,
        amber_item.blocks[1].text,
        meeting.agenda[2].blocks[2].text,
        "CONF01",
        "OPSG 45/CONF03",
        meeting.outstanding[3].update,
    ):
        assert secret not in xml
    assert "OPSG 45/CONF02" in [row[0] for row in table_rows(Document(str(path)).tables[2])]
    assert report.withheld == [
        "item 5 Confidential Session (amber)",
        "a paragraph in item 3 (amber)",
        "outstanding action OPSG 45/CONF03 (amber)",
    ]


def test_amber_export_includes_amber_content_and_says_so(meeting, tmp_path):
    path = tmp_path / "amber.docx"
    report = export_minutes(meeting, path, ceiling=Classification.AMBER)
    document = Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert "5. Confidential Session" in texts
    assert "ACTION OPSG 49/CONF01: The DCC to share penalty figures privately." in texts
    assert meeting.agenda[2].blocks[2].text in texts
    assert "OPSG 45/CONF03" in [row[0] for row in table_rows(document.tables[2])]
    assert any(t.startswith("This document is classified as Amber.") for t in texts)
    footer = document.sections[0].footer.tables[0].rows[0].cells
    assert footer[2].text == "This document has a Classification of Amber"
    assert report.withheld == []


def test_hidden_block_between_decisions_joins_them_into_an_outcome_block(meeting, tmp_path):
    meeting.agenda[0].blocks = [
        DecisionBlock("NOTED", "the minutes"),
        TextBlock("Amber remark.", classification=Classification.AMBER),
        DecisionBlock("AGREED", "to publish them"),
    ]
    export_minutes(meeting, tmp_path / "m.docx")
    texts = body_texts(tmp_path / "m.docx")
    start = texts.index("1. Previous Meeting Minutes")
    assert texts[start + 1 : start + 4] == [
        "The OPSG:",
        "NOTED the minutes; and",
        "AGREED to publish them.",
    ]


def test_foreign_action_id_is_reported_as_opsg_error(meeting, tmp_path):
    meeting.agenda[2].blocks[3].id = "OPSG 12/01"
    with pytest.raises(OpsgError, match="OPSG 12/01"):
        export_minutes(meeting, tmp_path / "m.docx")
    assert not (tmp_path / "m.docx").exists()
