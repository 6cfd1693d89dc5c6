"""The shared house look: page, fonts, styles, links, lists, tables, clean packages."""

from __future__ import annotations

import zipfile

from docx import Document
from docx.oxml.ns import qn
from docx_reading import part_xml

from opsg_desktop.core.model import ListStyle
from opsg_desktop.export.docx_content import (
    Flow,
    Lists,
    Table,
    add_hyperlink,
    paragraph,
    run,
    split_paragraphs,
    text_paragraphs,
)
from opsg_desktop.export.docx_helpers import new_document, save_document


def saved(tmp_path, build=None):
    document = new_document("Title of test")
    if build:
        build(document)
    path = tmp_path / "t.docx"
    save_document(document, path)
    return path


def test_page_is_a4_portrait_with_margins(tmp_path):
    section = Document(str(saved(tmp_path))).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.left_margin.mm) == round(section.right_margin.mm) == 20


def test_one_font_for_every_script_and_no_theme_fonts(tmp_path):
    styles = part_xml(saved(tmp_path), "word/styles.xml")
    document = Document(str(saved(tmp_path)))
    for name in ("Normal", "Heading 1", "Heading 2", "Heading 3"):
        fonts = document.styles[name].element.rPr.find(qn("w:rFonts"))
        assert {fonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia", "cs")} == {"Arial"}
    for theme_attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        assert theme_attribute not in styles
    assert document.styles["Normal"].font.size.pt == 11
    assert document.styles["Heading 1"].font.bold is True


def test_package_has_no_template_leftovers(tmp_path):
    path = saved(tmp_path)
    names = zipfile.ZipFile(path).namelist()
    assert not any("customXml" in n or "thumbnail" in n or "Effects" in n for n in names)
    app = part_xml(path, "docProps/app.xml")
    assert "Normal.dotm" not in app and "Microsoft" not in app
    assert "w:rsid" not in part_xml(path, "word/settings.xml")


def test_add_hyperlink_to_a_python_docx_paragraph(tmp_path):
    def build(document):
        add_hyperlink(document.add_paragraph("See "), "the paper", "https://example.org/p")

    document = Document(str(saved(tmp_path, build)))
    link = document.paragraphs[-1].hyperlinks[0]
    assert (link.text, link.url) == ("the paper", "https://example.org/p")
    assert link.runs[0].style.name == "Hyperlink"
    style = document.styles["Hyperlink"]
    assert style.font.underline is True and str(style.font.color.rgb) == "0563C1"


def test_text_splits_into_paragraphs_and_line_breaks(tmp_path):
    assert split_paragraphs("One\n\nTwo\nlines\r\n\r\n\n  \nThree") == [
        "One",
        "Two\nlines",
        "Three",
    ]
    assert split_paragraphs("  \n\n ") == []

    def build(document):
        Flow.body(document).extend(text_paragraphs("A\n\nB\nC\x0b"))

    paragraphs = Document(str(saved(tmp_path, build))).paragraphs
    assert [p.text for p in paragraphs] == ["A", "B\nC"]
    assert paragraphs[1]._p.xpath("count(.//w:br)") == 1


def test_table_header_repeat_and_merged_row(tmp_path):
    def build(document):
        table = Table(Flow.body(document), [2000, 3000])
        table.row([[paragraph([run("H1", bold=True)])], [paragraph([run("H2")])]], header=True)
        table.row([[paragraph([run("a")])], []])
        table.merged_row([paragraph([run("whole width")])])

    table = Document(str(saved(tmp_path, build))).tables[0]
    rows = list(table.rows)
    assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert rows[1]._tr.trPr is None
    assert [c.text for c in rows[1].cells] == ["a", ""]
    assert rows[2].cells[0].grid_span == 2 and rows[2].cells[0].text == "whole width"
    assert rows[0].cells[0].paragraphs[0].runs[0].bold is True


def test_lists_get_separate_numbering_instances(tmp_path):
    def build(document):
        lists = Lists(document)
        flow = Flow.body(document)
        for style in (ListStyle.NUMBER, ListStyle.NUMBER, ListStyle.LETTER, ListStyle.BULLET):
            flow.add(paragraph([run(style.value)], num_id=lists.new_list(style)))

    document = Document(str(saved(tmp_path, build)))
    ids = [int(p._p.pPr.numPr.numId.val) for p in document.paragraphs]
    assert len(set(ids)) == 4
    numbering = document.part.numbering_part.element
    formats = []
    for num_id in ids:
        abstract = numbering.num_having_numId(num_id).abstractNumId.val
        definition = numbering.xpath(f'./w:abstractNum[@w:abstractNumId="{abstract}"]')[0]
        formats.append(definition.find(f".//{qn('w:numFmt')}").get(qn("w:val")))
    assert formats == ["decimal", "decimal", "lowerLetter", "bullet"]
