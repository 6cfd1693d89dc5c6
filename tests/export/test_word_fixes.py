"""What Word makes of the file: ids and dates on one line, mode 15, fresh ids, no proofing."""

from __future__ import annotations

import re

from docx import Document
from docx.oxml.ns import qn
from docx_reading import body_texts, bold_texts, part_xml

from opsg_desktop.core.wordings import headlines_intro, headlines_statement
from opsg_desktop.export.action_log import export_action_log_docx
from opsg_desktop.export.headlines import export_headlines
from opsg_desktop.export.measure import text_points
from opsg_desktop.export.minutes import export_minutes

#: Word's default left + right cell margins of the table grid style, in points.
CELL_MARGINS = 10.8


def _column_points(table) -> list[float]:
    grid = table._tbl.find(qn("w:tblGrid"))
    return [int(col.get(qn("w:w"))) / 20 for col in grid.findall(qn("w:gridCol"))]


def _table_size(path) -> float:
    styles = Document(str(path)).styles
    return styles["Table Text"].font.size.pt


def _assert_every_word_fits(table, size: float) -> None:
    columns = _column_points(table)
    for row in table.rows[1:]:
        cells = row._tr.findall(qn("w:tc"))
        if len(cells) != len(columns):
            continue  # the merged update row: prose wraps at spaces
        for index, (width, cell) in enumerate(zip(columns, cells, strict=True)):
            text = "".join(t.text or "" for t in cell.iter(qn("w:t")))
            words = [text] if index == 0 else text.split()  # an action id stays whole
            for word in words:
                need = text_points(word, size) + CELL_MARGINS
                assert need <= width, f"{word!r} needs {need:.1f} pt, column has {width:.1f}"


def test_outstanding_ids_and_dates_fit_their_columns(meeting, tmp_path):
    review = meeting.outstanding[0]
    review.action.id = "OPSG 45/CONF02"
    path = tmp_path / "minutes.docx"
    export_minutes(meeting, path)
    document = Document(str(path))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Action ID")
    size = _table_size(path)
    assert size <= 10.5
    _assert_every_word_fits(table, size)


def test_the_issue_figure_of_a_date_at_eleven_points():
    assert round(text_points("10/01/2022", 11), 1) == 55.0


def test_action_log_ids_dates_and_references_fit(log_entries, meeting, tmp_path):
    log_entries[0].raised_at = "OPSG_37x_0510"
    log_entries[0].action.id = "OPSG 37x/CONF12"
    path = tmp_path / "log.docx"
    export_action_log_docx(log_entries, path, meeting.group)
    _assert_every_word_fits(Document(str(path)).tables[0], _table_size(path))


def test_compatibility_mode_fifteen_and_no_proofing_state(meeting, tmp_path):
    path = tmp_path / "minutes.docx"
    export_minutes(meeting, path)
    settings = part_xml(path, "word/settings.xml")
    assert re.search(r'w:name="compatibilityMode"[^>]*w:val="15"', settings)
    assert "proofState" not in settings


def _doc_id(path) -> str:
    return re.search(r'w14:docId w14:val="([0-9A-F]{8})"', part_xml(path, "word/settings.xml"))[1]


def test_every_file_gets_its_own_document_id(meeting, log_entries, tmp_path):
    first, second, third = (tmp_path / f"{n}.docx" for n in "abc")
    export_minutes(meeting, first)
    export_minutes(meeting, second)
    export_headlines(meeting, third)
    ids = {_doc_id(first), _doc_id(second), _doc_id(third)}
    assert len(ids) == 3
    assert "24062061" not in ids  # python-docx's template id


def test_outcome_block_lines_are_kept_together(meeting, tmp_path):
    path = tmp_path / "minutes.docx"
    export_minutes(meeting, path)
    paragraphs = Document(str(path)).paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == "The OPSG:")
    block = [paragraphs[start]]
    for p in paragraphs[start + 1 :]:
        if p.style.name != "List Paragraph":
            break
        block.append(p)
    assert len(block) >= 3
    assert [p.paragraph_format.keep_with_next for p in block] == [True] * (len(block) - 1) + [None]


def test_headlines_statement_first_with_level_in_bold(meeting, tmp_path):
    path = tmp_path / "headlines.docx"
    export_headlines(meeting, path)
    texts = body_texts(path)
    assert texts[2:4] == [headlines_statement(meeting.group), headlines_intro(meeting.group)]
    statement = Document(str(path)).paragraphs[2]
    assert bold_texts(statement) == ["White"]
