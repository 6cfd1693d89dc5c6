"""Reading exported Word files back for the exporter tests."""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn


def body_texts(path: Path) -> list[str]:
    """The text of every body paragraph outside tables, in order."""
    return [p.text for p in Document(str(path)).paragraphs]


def part_xml(path: Path, name: str = "word/document.xml") -> str:
    """The XML of one part of the package, as text."""
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode("utf-8")


def table_rows(table) -> list[list[str]]:
    """A table's cell texts, row by row (``row.cells`` once per row)."""
    return [[cell.text for cell in row.cells] for row in table.rows]


def bold_texts(paragraph) -> list[str]:
    """The texts of the bold runs of a python-docx paragraph."""
    return [r.text for r in paragraph.runs if r.bold]


def list_num_id(paragraph) -> int | None:
    """The ``w:numId`` a paragraph's own properties give it, if any."""
    found = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    return None if found is None else int(found.get(qn("w:val")))
