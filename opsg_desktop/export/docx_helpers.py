"""The house look shared by every Word export: page, fonts, styles, footer, properties.

:func:`new_document` gives an empty A4 document with one font family (Arial,
which LibreOffice shows as Liberation Sans), the styles the exporters use, and
clean core properties; :func:`add_footer` adds the three-part footer with live
``PAGE``/``NUMPAGES`` fields; :func:`save_document` writes it atomically.
Content builders (runs, paragraphs, links, lists, tables) are in
:mod:`opsg_desktop.export.docx_content`.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt, RGBColor

from opsg_desktop.export.docx_content import Element, Flow, Table, field, paragraph, run, w_element
from opsg_desktop.export.files import write_atomically

FONT = "Arial"
#: Table text in points: 10, the smaller size the house allows, so ids and dates fit.
TABLE_SIZE = 10
BODY_SIZE = Pt(11)
#: (style name, size in points, space before, space after) of the heading styles.
HEADINGS = (("Heading 1", 12, 16, 6), ("Heading 2", 11, 12, 4), ("Heading 3", 10, 8, 3))
MARGIN = Mm(20)
_THEME_FONT_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
_FONT_ATTRS = ("ascii", "hAnsi", "eastAsia", "cs")
_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties"><Application>OPSG Secretary</Application>'
    "<DocSecurity>0</DocSecurity></Properties>"
)
#: Parts of python-docx's template that a fresh document has no use for.
_LEFTOVER_RELS = (
    RT.CUSTOM_XML,
    RT.THUMBNAIL,
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
)


def new_document(title: str, *, landscape: bool = False) -> DocxDocument:
    """An empty A4 document in the house style whose core properties carry ``title``."""
    document = Document()
    _drop_template_leftovers(document)
    set_up_page(document.sections[0], landscape=landscape)
    set_up_styles(document)
    set_core_properties(document, title)
    return document


def set_up_page(section: Section, *, landscape: bool = False) -> None:
    """A4 (portrait unless ``landscape``) with 20 mm margins and room for the footer."""
    width, height = Mm(210), Mm(297)
    if landscape:
        width, height = height, width
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = width, height
    section.left_margin = section.right_margin = section.top_margin = MARGIN
    section.bottom_margin = Mm(22)
    section.header_distance = section.footer_distance = Mm(10)


def text_width(document: DocxDocument) -> int:
    """The width between the margins of the first section, in twips."""
    section = document.sections[0]
    return int((section.page_width - section.left_margin - section.right_margin) / 635)


def set_fonts(rpr: Element, name: str = FONT) -> None:
    """Make ``rpr`` (a ``w:rPr``) use ``name`` for every script, dropping theme fonts."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = w_element("rFonts")
        rpr.insert(0, fonts)
    for attr in _THEME_FONT_ATTRS:
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in _FONT_ATTRS:
        fonts.set(qn(f"w:{attr}"), name)


def set_up_styles(document: DocxDocument) -> None:
    """One font throughout: Arial 10 pt body, bold black headings, table, link and footer styles."""
    styles = document.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    set_fonts(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")))
    for lang in defaults.iter(qn("w:lang")):
        lang.set(qn("w:val"), "en-GB")
    for fonts in list(styles.element.iter(qn("w:rFonts"))):
        if any(fonts.get(qn(f"w:{attr}")) for attr in _THEME_FONT_ATTRS):
            set_fonts(fonts.getparent())
    normal = styles["Normal"]
    set_fonts(normal.element.get_or_add_rPr())
    normal.font.size = BODY_SIZE
    normal.paragraph_format.space_after = Pt(8)
    normal.paragraph_format.line_spacing = 1.15
    for name, size, before, after in HEADINGS:
        _heading_style(styles[name], size, before, after)
    _add_table_text_style(document)
    _add_hyperlink_style(document)
    footer = styles["Footer"]
    footer.font.size = Pt(8)
    footer.paragraph_format.space_after = Pt(0)


def _heading_style(style, size: int, before: int, after: int) -> None:
    rpr = style.element.get_or_add_rPr()
    set_fonts(rpr)
    for color in rpr.findall(qn("w:color")):
        rpr.remove(color)
    style.font.color.rgb = RGBColor(0, 0, 0)
    style.font.bold = True
    style.font.size = Pt(size)
    style.paragraph_format.space_before = Pt(before)
    style.paragraph_format.space_after = Pt(after)
    style.paragraph_format.keep_with_next = True


def _add_table_text_style(document: DocxDocument) -> None:
    style = document.styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.paragraph_format.space_before = Pt(1.5)
    style.paragraph_format.space_after = Pt(1.5)
    style.paragraph_format.line_spacing = 1.0
    style.font.size = Pt(TABLE_SIZE)


def _add_hyperlink_style(document: DocxDocument) -> None:
    style = document.styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    style.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    style.font.underline = True


def add_footer(document: DocxDocument, reference: str, classification_line: str) -> None:
    """Footer on every page: ``reference`` | ``Page X of Y`` (live fields) | classification.

    A borderless three-column table holds the parts, left, centred and right
    aligned; a hairline above separates it from the text.
    """
    footer = document.sections[0].footer
    footer.is_linked_to_previous = False
    container = footer.part.element
    for old in list(container):
        container.remove(old)
    flow = Flow(container)
    width = text_width(document)
    side = width * 3 // 8
    table = Table(flow, [side, width - 2 * side, side], style=None)
    borders = table.element.find(qn("w:tblPr")).find(qn("w:tblBorders"))
    borders.find(qn("w:top")).attrib.update(
        {qn("w:val"): "single", qn("w:sz"): "4", qn("w:color"): "808080"}
    )
    page = [run("Page "), *field("PAGE", "1"), run(" of "), *field("NUMPAGES", "1")]
    table.row(
        [
            [paragraph([run(reference)], style="Footer", space_before=60)],
            [paragraph(page, style="Footer", align="center", space_before=60)],
            [paragraph([run(classification_line)], style="Footer", align="right", space_before=60)],
        ]
    )
    closing = flow.add(paragraph(style="Footer"))
    w_element("sz", w_element("rPr", closing.find(qn("w:pPr"))), val=4)


def title_block(flow: Flow, lines: Sequence[tuple[str, float, bool]]) -> None:
    """Title lines as (text, size in points, bold); the last one is followed by space."""
    last = len(lines) - 1
    for index, (text, size, bold) in enumerate(lines):
        after = 240 if index == last else 40
        flow.add(paragraph([run(text, bold=bold, size=size)], space_after=after))


def set_core_properties(document: DocxDocument, title: str) -> None:
    """Title set; no author, comments, keywords or template history; created now."""
    properties = document.core_properties
    properties.title = title
    for name in ("author", "last_modified_by", "comments", "keywords", "subject", "category"):
        setattr(properties, name, "")
    properties.revision = 1
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    properties.created = properties.modified = now


def _drop_template_leftovers(document: DocxDocument) -> None:
    """Remove python-docx's template traces: thumbnail, custom XML, rsids, app details."""
    for rels in (document.part.rels, document.part.package.rels):
        for rid in [rid for rid, rel in rels.items() if rel.reltype in _LEFTOVER_RELS]:
            del rels[rid]
    for rel in document.part.package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = _APP_XML.encode("utf-8")
    settings = document.settings.element
    for name in ("w:rsids", "w:proofState"):
        for leftover in settings.findall(qn(name)):
            settings.remove(leftover)
    _fresh_settings(settings)
    for rsid in list(document.styles.element.iter(qn("w:rsid"))):
        rsid.getparent().remove(rsid)
    for element in document.element.body.iter():
        for name in [name for name in element.attrib if name.startswith(qn("w:rsid"))]:
            del element.attrib[name]


def _fresh_settings(settings: Element) -> None:
    """Word 2013+ layout (compatibility mode 15) and a document id of this file's own."""
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")
    for doc_id in settings.iter(qn("w14:docId")):
        doc_id.set(qn("w14:val"), f"{secrets.randbelow(0x7FFFFFFF) + 1:08X}")


def save_document(document: DocxDocument, path: str | os.PathLike[str]) -> Path:
    """Write ``document`` to ``path`` atomically; OpsgError with advice when that fails."""
    return write_atomically(path, lambda temporary: document.save(str(temporary)))
