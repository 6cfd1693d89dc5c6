"""The house layout (shared/house-layout.md) checked rule by rule on exported files.

The interchange example and the demo meeting (the reference minutes OPSG 49
rebuilt with invented people) are exported, then read back with python-docx.
"""

from __future__ import annotations

from itertools import takewhile

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx_reading import bold_texts, list_num_id, part_xml, table_rows
from lxml import etree

from opsg_desktop.core.model import Classification
from opsg_desktop.export.headlines import export_headlines
from opsg_desktop.export.minutes import export_minutes
from opsg_desktop.interchange import meeting_from_dict

WHITE_STATEMENT = (
    "This document is classified as White. Information can be shared with other SEC Parties "
    "and SMIP stakeholders at large, but not published (including publication online)."
)
OUTSTANDING_HEADER = (
    "Action ID|Action|Date Raised|Last Target Date|Revised Target Date|Owner".split("|")
)
CLOSING = "Next main meeting: 1 June 2021; Next reporting meeting: 28 June 2021."
MODS = "https://smartenergycodecompany.co.uk/modifications/"


def export(doc: dict, tmp_path, name: str = "minutes.docx", **options):
    """Export ``doc`` (interchange JSON); the path, the report and the document read back."""
    path = tmp_path / name
    report = export_minutes(meeting_from_dict(doc), path, **options)
    return path, report, Document(str(path))


def sections(document) -> dict[str, list]:
    """Body paragraphs under each ``Heading 1`` (items, Attendees:, Apologies:)."""
    found: dict[str, list] = {}
    current: list | None = None
    for p in document.paragraphs:
        if p.style.name == "Heading 1":
            current = found.setdefault(p.text, [])
        elif current is not None:
            current.append(p)
    return found


def item_headings(document) -> list[str]:
    return [t for t in sections(document) if t not in ("Attendees:", "Apologies:")]


def table_headed(document, header: list[str]):
    return next(t for t in document.tables if table_rows(t)[0] == header)


def first_list(paragraphs) -> list:
    """The first run of consecutive list paragraphs."""
    start = next(i for i, p in enumerate(paragraphs) if list_num_id(p) is not None)
    return list(takewhile(lambda p: list_num_id(p) is not None, paragraphs[start:]))


def outcome_block(paragraphs) -> list[str]:
    """The bullets right after ``The OPSG:`` (list entries)."""
    start = next(i for i, p in enumerate(paragraphs) if p.text == "The OPSG:")
    assert list_num_id(paragraphs[start + 1]) is not None, "bullets follow The OPSG:"
    return [p.text for p in first_list(paragraphs[start + 1 :])]


def list_format(document, paragraph) -> tuple[str, str] | None:
    """The (numFmt, lvlText) Word shows for a list paragraph, e.g. ("decimal", "%1.")."""
    num_id = list_num_id(paragraph)
    if num_id is None:
        return None
    numbering = document.part.numbering_part.element
    abstract = numbering.xpath(f"./w:num[@w:numId='{num_id}']/w:abstractNumId/@w:val")[0]
    level = numbering.xpath(f"./w:abstractNum[@w:abstractNumId='{abstract}']/w:lvl")[0]
    return level.find(qn("w:numFmt")).get(qn("w:val")), level.find(qn("w:lvlText")).get(qn("w:val"))


def body_texts_of(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def text_of(element) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def _check_title_and_attendance(document) -> None:
    texts = body_texts_of(document)
    title = ["Operations Group Meeting", "24 May 2021, OPSG_49_2405", "12:20 \u2013 16:50"]
    title += ["Teleconference", "Draft Minutes"]
    assert texts[:5] == title, f"title block lines, in order, with an en dash: {texts[:5]}"
    assert document.paragraphs[5].text == "Attendees:", "Attendees: heading after the title"
    assert document.paragraphs[5].style.name == "Heading 1", "Attendees: is a heading"
    attendees = document.tables[0]
    rows = table_rows(attendees)
    split = rows.index(["Representing", "Other Participants"])
    assert rows[0] == ["Category", "Operations Group Members"], "part one header"
    assert bold_texts(attendees.rows[0].cells[1].paragraphs[0]) == ["Operations Group Members"]
    assert rows[1:split] == [
        ["Operations Group Chair", "Alex Rowe"],
        ["Large Suppliers", "Sam Patel (alternate for Jo Reid)"],
    ], "members in the group's category order (not entry order), empty categories left out"
    assert "Lee Grant" not in "".join(map(str, rows)), "apologies are not attendees"
    others = {row.cells[0].text: row.cells[1].paragraphs for row in attendees.rows[split + 1 :]}
    assert list(others) == ["DCC", "SECAS"], "one row per organisation"
    assert [p.text for p in others["DCC"]] == [
        "Kim Lee (DCC's nominated lead)",
        "Ola Ade (agenda item 6 & 7)",
    ], "DCC names one per line with role and partial attendance"
    assert [p.text for p in others["SECAS"]] == ["Pat Moss (Meeting Secretary)"], "SECAS role"
    statement = attendees._tbl.getnext()
    assert text_of(statement) == WHITE_STATEMENT, "White statement right after the attendees"
    apologies = document.tables[1]
    assert text_of(apologies._tbl.getprevious()) == "Apologies:", "Apologies: heads its table"
    assert table_rows(apologies) == [["Representing", "Name"], ["Small Suppliers", "Lee Grant"]]


def _check_items(document) -> None:
    assert item_headings(document) == ["2. Actions Outstanding", "3. SEC Panel Reports"]
    by_item = sections(document)
    item_3 = by_item["3. SEC Panel Reports"]
    sub = item_3[0]
    assert (sub.text, sub.style.name) == ("Registration Data Provider Incident Report", "Heading 3")
    assert document.styles["Heading 3"].font.bold, "sub-headings are bold"
    action = next(p for p in item_3 if p.text.startswith("ACTION"))
    label, *rest = action.runs
    assert (label.text, label.bold) == ("ACTION OPSG 49/01:", True), "bold generated label"
    assert "".join(r.text for r in rest) == " The DCC to provide its forecast.", "action text"
    assert not any(r.bold for r in rest), "only the label is bold"
    item_2 = [p.text for p in by_item["2. Actions Outstanding"]]
    assert item_2[-1] == "The OPSG NOTED the update.", "a single decision reads as a sentence"
    assert body_texts_of(document)[-1] == CLOSING, "closing line ends the minutes"


def _check_outstanding(document) -> None:
    table = document.tables[2]
    assert text_of(table._tbl.getprevious()).startswith("SECAS presented the updates"), "in item 2"
    header, action, update = table.rows
    assert [c.text for c in header.cells] == OUTSTANDING_HEADER, "six columns, in order"
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None, "header row repeats on each page"
    assert [c.text for c in action.cells] == [
        "OPSG 47/08",
        "The DCC to set out a detailed process.",
        "26/04/2021",
        "10/05/2021",
        "Revised date to be determined by DCC",
        "DCC",
    ], "one row per action, dates as DD/MM/YYYY, revised target as text"
    cells = update.cells
    assert cells[0].grid_span == 6 and len(update._tr.tc_lst) == 1, "update row spans the table"
    assert cells[0].text == (
        "The DCC reported that it will propose a workshop in June. Status: Open."
    ), "update ends with the status"
    assert bold_texts(cells[0].paragraphs[-1]) == ["Status:"], "Status: label is bold"


def _check_link(path, document) -> None:
    links = document.element.body.findall(f".//{qn('w:hyperlink')}")
    assert [text_of(link) for link in links] == ["modification page"], "one live link"
    rid = links[0].get(qn("r:id"))
    assert document.part.rels[rid].target_ref == "https://example.org/mod", "link target"
    rels = etree.fromstring(part_xml(path, "word/_rels/document.xml.rels").encode())
    rel = next(r for r in rels if r.get("Id") == rid)
    assert rel.get("TargetMode") == "External", "hyperlink relationship is external"


def _check_furniture(document, status: str = "Draft Minutes") -> None:
    assert len(document.sections) == 1, "one section"
    section = document.sections[0]
    assert not section.different_first_page_header_footer, "same footer on the first page"
    footer = section.footer
    assert not footer.is_linked_to_previous, "the section has its own footer"
    cells = footer.tables[0].rows[0].cells
    assert [c.text for c in cells] == [
        f"OPSG_49_2405 \u2013 {status}",
        "Page 1 of 1",
        "This document has a Classification of White",
    ], "footer: reference and status | Page X of Y | classification"
    fields = [t.strip() for t in cells[1]._tc.xpath(".//w:instrText/text()")]
    assert fields == ["PAGE", "NUMPAGES"], "page numbers are live fields"
    assert abs(section.page_width.mm - 210) < 0.5 and abs(section.page_height.mm - 297) < 0.5
    assert section.orientation == WD_ORIENT.PORTRAIT, "A4 portrait"
    properties = document.core_properties
    assert properties.title == f"OPSG_49_2405 {status}", "core title"
    assert (properties.author, properties.comments) == ("", ""), "nothing private"


def test_interchange_example_follows_the_house_layout(example_doc, tmp_path):
    people = example_doc["people"]
    people.insert(0, people.pop(1))  # a Large Supplier entered before the Chair
    path, report, document = export(example_doc, tmp_path)
    assert report.withheld == [], "a white meeting exported at white withholds nothing"
    _check_title_and_attendance(document)
    _check_items(document)
    _check_outstanding(document)
    _check_link(path, document)
    _check_furniture(document)
    assert "pat.moss@example.org" not in part_xml(path), "emails stay out of the minutes"
    assert "rsid" not in part_xml(path), "no revision ids left from python-docx's template"


def test_final_minutes_say_minutes(example_doc, tmp_path):
    example_doc["meeting"]["status"] = "final"
    _, _, document = export(example_doc, tmp_path)
    assert body_texts_of(document)[4] == "Minutes", "final minutes are titled Minutes"
    _check_furniture(document, status="Minutes")


def test_three_decisions_make_an_outcome_block(example_doc, tmp_path):
    example_doc["agenda"][0]["blocks"][2:] = [
        {"decision": "NOTED", "text": "the update"},
        {"decision": "CONSIDERED", "text": "the commentary"},
        {"decision": "AGREED", "text": "to close OPSG 47/08"},
    ]
    _, _, document = export(example_doc, tmp_path)
    item_2 = sections(document)["2. Actions Outstanding"]
    assert outcome_block(item_2) == [
        "NOTED the update;",
        "CONSIDERED the commentary; and",
        "AGREED to close OPSG 47/08.",
    ], "every bullet but the last ends ';', the second-to-last '; and', the last '.'"
    bullets = [p for p in item_2 if list_num_id(p) is not None]
    assert {list_format(document, p) for p in bullets} == {("bullet", "\u2022")}, "bullets"


def test_typed_joining_punctuation_never_ends_an_outcome(example_doc, tmp_path):
    """Decisions pasted or moved from the middle of an earlier outcome block."""
    example_doc["agenda"][0]["blocks"][2:] = [
        {"decision": "AGREED", "text": "the plan"},
        {"decision": "NOTED", "text": "the update; and"},
    ]
    example_doc["agenda"][1]["blocks"].append({"decision": "NOTED", "text": "the report;"})
    _, _, document = export(example_doc, tmp_path)
    by_item = sections(document)
    item_2 = outcome_block(by_item["2. Actions Outstanding"])
    assert item_2 == ["AGREED the plan; and", "NOTED the update."], "the last ends with '.'"
    single = [
        p.text for p in by_item["3. SEC Panel Reports"] if p.text.startswith("The OPSG NOTED")
    ]
    assert single == ["The OPSG NOTED the report."], "a lone decision is one clean sentence"


REFERENCE_ITEMS = [
    "1. Previous Meeting Minutes",
    "2. Actions Outstanding",
    "3. SEC Panel Reports",
    "4. PMR Report \u2013 March 2021",
    "5. Introduction to MP122 Reporting - Business Process",
    "6. CH & Network Programme - Potential SEC Modifications",
    "7. CH & Network Programme - 4G CHs Transition Questions for Lot One Bidders",
    "8. Trusted Service Provider Update",
    "9. Major Incident Review",
    "10. Any Other Business",
]
REFERENCE_OUTCOMES = {
    "4.": [
        "NOTED the PMR; and",
        "AGREED the report reflected the service experienced for the period of March 2021.",
    ],
    "5.": [
        "NOTED the presentation; and",
        "CONSIDERED the proposals on the approach for the new reporting.",
    ],
    "6.": [
        "NOTED the presentation; and",
        "AGREED that the three potential Modification should progress further.",
    ],
    "9.": [
        "NOTED the Major Incident Review; and",
        "AGREED that the Review Report for INC000000707890, INC000000708834 and "
        "INC000000715311 be published to all SEC Parties.",
    ],
}


def test_reference_rebuild_reads_like_the_reference(demo_doc, tmp_path):
    path, _, document = export(demo_doc, tmp_path)
    assert item_headings(document) == REFERENCE_ITEMS, "items 1-10 with the reference titles"
    by_number = {heading.split()[0]: ps for heading, ps in sections(document).items()}
    labels = [bold_texts(p)[0] for p in document.paragraphs if p.text.startswith("ACTION")]
    assert labels == [f"ACTION OPSG 49/{n:02d}:" for n in range(1, 21)], "20 labels in order"
    assert "OPSF" not in part_xml(path), "the reference's typo 'OPSF 49/04' cannot happen"

    rows = list(table_headed(document, OUTSTANDING_HEADER).rows)[1:]
    ids = [row.cells[0].text for row in rows if row.cells[0].grid_span == 1]
    statuses = [row.cells[0].text.rsplit("Status: ", 1)[-1] for row in rows[1::2]]
    assert ids == ["OPSG 43/07", "OPSG 45/CONF02", "OPSG 47/08", "OPSG 45/CONF03"], "order"
    assert statuses == ["Closed.", "Open.", "Open.", "Open."], "status ends each update row"

    for number, expected in REFERENCE_OUTCOMES.items():
        assert outcome_block(by_number[number]) == expected, f"outcome block of item {number}"

    item_3_links = [(link.text, link.url) for p in by_number["3."] for link in p.hyperlinks]
    assert item_3_links == [
        (
            "DP160 \u2018Certificate Signing Request\u2019",
            MODS + "certificate-signing-request-forecasting/",
        ),
        ("SECMP116 \u2018Service Request Forecasting\u2019", MODS + "service-request-forecasting/"),
    ], "DP160 and SECMP116 stay live links in item 3"

    for number, shape in (("6.", ("decimal", "%1.")), ("8.", ("lowerLetter", "%1)"))):
        blocks = demo_doc["agenda"][int(number[:-1]) - 1]["blocks"]
        entries = [b["text"] for b in blocks if b.get("list")]
        listed = first_list(by_number[number])
        assert [p.text for p in listed] == entries and entries, f"list entries of item {number}"
        assert len({list_num_id(p) for p in listed}) == 1, f"item {number}: one list"
        assert {list_format(document, p) for p in listed} == {shape}, f"list style {number}"

    words = sum(len(text_of(p).split()) for p in document.element.body.iter(qn("w:p")))
    assert 3600 <= words <= 4400, f"body has {words} words, the reference about 4,000"


def test_white_export_withholds_amber_item_and_red_action(demo_doc, tmp_path):
    demo_doc["agenda"][8]["classification"] = "amber"
    demo_doc["outstanding"][2]["classification"] = "red"
    path, report, document = export(demo_doc, tmp_path, ceiling=Classification.WHITE)
    xml = part_xml(path)
    item_9 = demo_doc["agenda"][8]
    red = demo_doc["outstanding"][2]
    for secret in (item_9["title"], item_9["blocks"][10]["text"], "INC000000715311", "49/20"):
        assert secret not in xml, f"amber item 9 leaked: {secret!r}"
    for secret in (red["id"], red["text"], "propose a workshop"):
        assert secret not in xml, f"red outstanding action leaked: {secret!r}"
    assert "9. Major Incident Review" not in item_headings(document)
    assert "10. Any Other Business" in item_headings(document), "the rest is still exported"
    ids = [r[0] for r in table_rows(table_headed(document, OUTSTANDING_HEADER))[1::2]]
    assert ids == ["OPSG 43/07", "OPSG 45/CONF02", "OPSG 45/CONF03"], "other actions stay"
    assert len(report.withheld) == 2, f"exactly the two withheld: {report.withheld}"
    assert "Major Incident Review" in report.withheld[0] and "amber" in report.withheld[0]
    assert "OPSG 47/08" in report.withheld[1] and "red" in report.withheld[1]


def test_headlines_never_hold_an_item_above_white(demo_doc, tmp_path):
    demo_doc["agenda"][8]["classification"] = "amber"
    demo_doc["agenda"][7]["classification"] = "green"
    assert demo_doc["agenda"][8]["headline"] and demo_doc["agenda"][7]["headline"]
    path = tmp_path / "headlines.docx"
    report = export_headlines(meeting_from_dict(demo_doc), path)
    xml = part_xml(path)
    for item in demo_doc["agenda"][7:9]:
        assert item["title"] not in xml, f"{item['title']} ({item['classification']}) leaked"
        assert item["headline"][:40] not in xml, "its headline text leaked"
    labels = [bold_texts(p)[0] for p in Document(str(path)).paragraphs if bold_texts(p)]
    numbers = [label.split()[0] for label in labels if label[0].isdigit()]
    assert numbers == ["3.", "4.", "5.", "6."], f"only white marked items: {labels}"
    assert report.withheld == [
        "item 8 Trusted Service Provider Update (green)",
        "item 9 Major Incident Review (amber)",
    ], "the report names what was kept out"
