"""Word content built as WordprocessingML elements: runs, paragraphs, links, lists, tables.

The exporters build the document body directly with lxml rather than through
python-docx's object layer, which sets text one character at a time and
searches the body for every new paragraph: building the elements ourselves
keeps a 100-page meeting well under a second.  Everything returned here is a
plain element to be placed with a :class:`Flow` (the body, a cell, a footer).

Paragraph text follows the interchange rule: a blank line (``"\\n\\n"``)
separates paragraphs, a single ``"\\n"`` is a line break inside one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, TypeAlias

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import oxml_parser
from docx.text.paragraph import Paragraph
from lxml import etree

from opsg_desktop.core.model import Link, ListStyle
from opsg_desktop.core.text import clean_text, safe_url

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_R_ID = qn("r:id")
_NSMAP = {"w": _W[1:-1], "r": nsmap["r"]}
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")

Element: TypeAlias = etree._Element


def w_element(tag: str, parent: Element | None = None, **attrs: object) -> Element:
    """A ``w:tag`` element (appended to ``parent`` if given) with ``w:`` attributes."""
    if parent is None:
        element = oxml_parser.makeelement(_W + tag, nsmap=_NSMAP)
    else:
        element = etree.SubElement(parent, _W + tag)
    for name, value in attrs.items():
        element.set(_W + name, str(value))
    return element


def split_paragraphs(text: str) -> list[str]:
    """The paragraphs of ``text``: blank lines separate them; empty ones are dropped.

    The text is cleaned first (``core.text.clean_text``), so a form feed or
    U+2029 in text stored by an older version still starts a new paragraph.
    """
    text = clean_text(text).strip()
    return [part.strip("\n") for part in _PARAGRAPH_BREAK.split(text) if part.strip()]


class Flow:
    """Where content goes: the document body (before its section settings) or a container."""

    def __init__(self, container: Element, before: Element | None = None) -> None:
        self.container = container
        self._before = before

    @classmethod
    def body(cls, document: DocxDocument) -> Flow:
        """The body of ``document``; content goes before its final ``w:sectPr``."""
        body = document.element.body
        return cls(body, body.find(qn("w:sectPr")))

    def add(self, element: Element) -> Element:
        """Place ``element`` at the end of the flow and return it."""
        if self._before is not None:
            self._before.addprevious(element)
        else:
            self.container.append(element)
        return element

    def extend(self, elements: Iterable[Element]) -> None:
        for element in elements:
            self.add(element)


def run(
    text: str,
    *,
    bold: bool = False,
    style: str | None = None,
    size: float | None = None,
) -> Element:
    """A ``w:r`` holding ``text``; ``"\\n"`` becomes a line break, ``"\\t"`` a tab.

    The text is cleaned first (``core.text.clean_text``): Word's manual line
    break (U+000B) stays a line break, and no control character can glue two
    words together or make the XML invalid.
    """
    element = w_element("r")
    if bold or style or size:
        properties = w_element("rPr", element)
        if style:
            w_element("rStyle", properties, val=style)
        if bold:
            w_element("b", properties)
            w_element("bCs", properties)
        if size:
            w_element("sz", properties, val=round(size * 2))
            w_element("szCs", properties, val=round(size * 2))
    for number, line in enumerate(clean_text(text).split("\n")):
        if number:
            w_element("br", element)
        for index, piece in enumerate(line.split("\t")):
            if index:
                w_element("tab", element)
            if piece:
                w_element("t", element).text = piece
                element[-1].set(_XML_SPACE, "preserve")
    return element


def hyperlink(part: Part, text: str, url: str) -> Element:
    """A live ``w:hyperlink`` to ``url`` through an external relationship of ``part``.

    An address that ``core.text.clean_url`` refuses (only a database written
    before that rule can hold one) gives the words alone, so no export fails
    on stored text.
    """
    address = safe_url(url)
    if address is None:
        return run(text or url)
    link = w_element("hyperlink")
    link.set(_R_ID, part.relate_to(address, RT.HYPERLINK, is_external=True))
    link.set(_W + "history", "1")
    link.append(run(text or url, style="Hyperlink"))
    return link


def add_hyperlink(paragraph: Paragraph, text: str, url: str) -> Element:
    """Append a live link (blue, underlined: the ``Hyperlink`` style) to ``paragraph``."""
    link = hyperlink(paragraph.part, text, url)
    paragraph._p.append(link)
    return link


def linked_runs(part: Part, text: str, links: Sequence[Link], *, bold: bool = False) -> list:
    """Runs of ``text`` where every occurrence of a link's text is a live hyperlink.

    An occurrence must stand on its own: ``report`` does not link inside ``reported``.
    """
    usable = sorted((link for link in links if link.text), key=lambda k: -len(k.text))
    if not usable:
        return [run(text, bold=bold)] if text else []
    urls = {link.text: link.url for link in reversed(usable)}
    pattern = re.compile("|".join(_whole(link.text) for link in usable))
    pieces: list[Element] = []
    position = 0
    for match in pattern.finditer(text):
        if match.start() > position:
            pieces.append(run(text[position : match.start()], bold=bold))
        pieces.append(hyperlink(part, match.group(), urls[match.group()]))
        position = match.end()
    if position < len(text):
        pieces.append(run(text[position:], bold=bold))
    return pieces


def _whole(text: str) -> str:
    """A pattern matching ``text`` only where it is not part of a longer word."""
    before = r"(?<!\w)" if text[0].isalnum() or text[0] == "_" else ""
    after = r"(?!\w)" if text[-1].isalnum() or text[-1] == "_" else ""
    return f"{before}{re.escape(text)}{after}"


def paragraph(
    content: Iterable[Element] = (),
    *,
    style: str | None = None,
    keep_next: bool = False,
    num_id: int | None = None,
    space_after: int | None = None,
    space_before: int | None = None,
    align: str | None = None,
) -> Element:
    """A ``w:p`` of ``content`` runs/links.

    ``space_after``/``space_before`` are in twentieths of a point; ``align``
    is a ``w:jc`` value ("center", "right"); ``num_id`` makes it a list entry.
    """
    element = w_element("p")
    properties = w_element("pPr", element)
    if style:
        w_element("pStyle", properties, val=style)
    if keep_next:
        w_element("keepNext", properties)
    if num_id is not None:
        numbering = w_element("numPr", properties)
        w_element("ilvl", numbering, val=0)
        w_element("numId", numbering, val=num_id)
    if space_after is not None or space_before is not None:
        spacing = w_element("spacing", properties)
        if space_before is not None:
            spacing.set(_W + "before", str(space_before))
        if space_after is not None:
            spacing.set(_W + "after", str(space_after))
    if align:
        w_element("jc", properties, val=align)
    if len(properties) == 0:
        element.remove(properties)
    for piece in content:
        element.append(piece)
    return element


def text_paragraphs(text: str, *, style: str | None = None, **options: Any) -> list[Element]:
    """One paragraph per blank-line-separated part of ``text`` (none for blank text)."""
    return [paragraph([run(part)], style=style, **options) for part in split_paragraphs(text)]


def field(instruction: str, shown: str) -> list[Element]:
    """Runs of a live Word field (``PAGE``, ``NUMPAGES``) showing ``shown`` until updated."""
    begin, code, separate, result, end = (w_element("r") for _ in range(5))
    w_element("fldChar", begin, fldCharType="begin")
    instr = w_element("instrText", code)
    instr.text = f" {instruction} "
    instr.set(_XML_SPACE, "preserve")
    w_element("fldChar", separate, fldCharType="separate")
    w_element("t", result).text = shown
    w_element("fldChar", end, fldCharType="end")
    return [begin, code, separate, result, end]


class Lists:
    """Word list numbering: a bullet, a ``1.`` and an ``a)`` definition, one instance per list.

    Each numbered list gets its own ``w:num`` restarting at 1, so two lists in
    one document do not continue each other's numbers.  (python-docx's
    ``add_num`` rescans every ``w:num`` per call; counting here keeps it linear.)
    """

    _FORMATS = {
        ListStyle.BULLET: ("bullet", "\u2022"),
        ListStyle.NUMBER: ("decimal", "%1."),
        ListStyle.LETTER: ("lowerLetter", "%1)"),
    }

    def __init__(self, document: DocxDocument) -> None:
        self._numbering = document.part.numbering_part.element
        existing = [int(v) for v in self._numbering.xpath("./w:abstractNum/@w:abstractNumId")]
        first_free = max(existing, default=-1) + 1
        self._abstract: dict[ListStyle, int] = {}
        for offset, style in enumerate(ListStyle):
            self._abstract[style] = first_free + offset
            self._define(first_free + offset, *self._FORMATS[style])
        used = [int(v) for v in self._numbering.xpath("./w:num/@w:numId")]
        self._next_id = max(used, default=0) + 1
        self._bullets: int | None = None

    def _define(self, abstract_id: int, number_format: str, text: str) -> None:
        definition = w_element("abstractNum", abstractNumId=abstract_id)
        w_element("multiLevelType", definition, val="singleLevel")
        level = w_element("lvl", definition, ilvl=0)
        w_element("start", level, val=1)
        w_element("numFmt", level, val=number_format)
        w_element("lvlText", level, val=text)
        w_element("lvlJc", level, val="left")
        w_element("ind", w_element("pPr", level), left=567, hanging=283)
        numbers = self._numbering.findall(qn("w:num"))
        if numbers:
            numbers[0].addprevious(definition)
        else:
            self._numbering.append(definition)

    def new_list(self, style: ListStyle) -> int:
        """The ``numId`` of a new list of ``style`` whose numbering starts at 1.

        Bullets have no numbers to restart, so every bullet list shares one ``numId``.
        """
        if style == ListStyle.BULLET and self._bullets is not None:
            return self._bullets
        num_id, self._next_id = self._next_id, self._next_id + 1
        number = w_element("num", numId=num_id)
        w_element("abstractNumId", number, val=self._abstract[style])
        override = w_element("lvlOverride", number, ilvl=0)
        w_element("startOverride", override, val=1)
        cleanup = self._numbering.find(qn("w:numIdMacAtCleanup"))
        if cleanup is not None:
            cleanup.addprevious(number)
        else:
            self._numbering.append(number)
        if style == ListStyle.BULLET:
            self._bullets = num_id
        return num_id


class Table:
    """A fixed-layout table with column widths in twips, filled row by row."""

    def __init__(self, flow: Flow, widths: Sequence[int], *, style: str | None = "TableGrid"):
        self.widths = list(widths)
        self.element = flow.add(w_element("tbl"))
        properties = w_element("tblPr", self.element)
        if style:
            w_element("tblStyle", properties, val=style)
        w_element("tblW", properties, w=sum(self.widths), type="dxa")
        if not style:
            borders = w_element("tblBorders", properties)
            for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
                w_element(side, borders, val="nil")
        w_element("tblLayout", properties, type="fixed")
        w_element(
            "tblLook",
            properties,
            val="04A0",
            firstRow=1,
            lastRow=0,
            firstColumn=1,
            lastColumn=0,
            noHBand=0,
            noVBand=1,
        )
        grid = w_element("tblGrid", self.element)
        for width in self.widths:
            w_element("gridCol", grid, w=width)

    def row(
        self,
        cells: Sequence[Sequence[Element]],
        *,
        header: bool = False,
        shade: str | None = None,
        cant_split: bool = False,
    ) -> Element:
        """Add a row; each cell is a list of paragraphs. ``header`` repeats it on every page."""
        row = w_element("tr", self.element)
        if header or cant_split:
            properties = w_element("trPr", row)
            w_element("cantSplit", properties)
            if header:
                w_element("tblHeader", properties)
        for width, content in zip(self.widths, cells, strict=True):
            self._cell(row, width, content, shade=shade)
        return row

    def merged_row(self, content: Sequence[Element], *, shade: str | None = None) -> Element:
        """Add a row that is one cell spanning the full width of the table."""
        row = w_element("tr", self.element)
        self._cell(row, sum(self.widths), content, span=len(self.widths), shade=shade)
        return row

    @staticmethod
    def _cell(
        row: Element,
        width: int,
        content: Sequence[Element],
        *,
        span: int = 1,
        shade: str | None = None,
    ) -> Element:
        cell = w_element("tc", row)
        properties = w_element("tcPr", cell)
        w_element("tcW", properties, w=width, type="dxa")
        if span > 1:
            w_element("gridSpan", properties, val=span)
        if shade:
            w_element("shd", properties, val="clear", color="auto", fill=shade)
        for element in content:
            cell.append(element)
        if len(cell) == 1:
            cell.append(paragraph(style="TableText"))
        return cell
