"""Kind: a CSV cell a spreadsheet would run as a formula (case csv-formula-action).

No cell of any CSV the application writes can start a formula (``=``,
``+``, ``-``, ``@``, tab, carriage return, and their full-width forms),
unless it is a plain number; the words are otherwise kept exactly.
"""

from __future__ import annotations

import csv

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsg_desktop.core.text import clean_text
from opsg_desktop.export.cells import FORMULA_STARTS, spreadsheet_cell
from tests.cases.helpers import case, cli, small_meeting, write

DANGEROUS = [
    "-2+3+cmd|' /C calc'!A0",
    '=HYPERLINK("http://example.invalid","x")',
    "+1+1",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    " =1+1",
    "\n=1+1",
    "＝1+1",
    "－2+3",
    "-",
    "=",
]


def _cells(path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def _runs(cell: str) -> bool:
    """Whether a spreadsheet could take ``cell`` for a formula."""
    first = cell.lstrip()[:1]
    return cell[:1] in ("\t", "\r") or first in FORMULA_STARTS


@pytest.mark.parametrize("text", DANGEROUS)
@pytest.mark.parametrize("field", ["text", "owner", "topic", "target", "update"])
def test_no_field_of_the_action_log_csv_can_start_a_formula(capsys, tmp_path, text, field):
    action = {"text": "The DCC to act.", "owner": "DCC"}
    doc = small_meeting([{"action": action}] if field != "update" else [])
    if field == "update":
        doc["outstanding"] = [{"id": "OPSG 60/01", "text": "x", "update": text}]
    else:
        action[field] = text
    db = tmp_path / "db.sqlite3"
    code, _, err = cli(capsys, "--db", db, "import", write(tmp_path, doc))
    assert code == 0, err
    assert cli(capsys, "--db", db, "export", "actions", "-o", tmp_path / "a.csv")[0] == 0
    for row in _cells(tmp_path / "a.csv")[1:]:
        for cell in row:
            assert not _runs(cell), (field, cell)


def test_the_reported_case(capsys, tmp_path):
    db = tmp_path / "db.sqlite3"
    cli(capsys, "--db", db, "import", write(tmp_path, case("csv-formula-action")))
    cli(capsys, "--db", db, "export", "actions", "-o", tmp_path / "a.csv")
    texts = [row[1] for row in _cells(tmp_path / "a.csv")[1:]]
    assert texts == ["'-2+3+cmd|' /C calc'!A0", '\'=HYPERLINK("http://example.invalid","x")']


@pytest.mark.parametrize("number", ["-2", "+3.5", "-1,000", "1e5", "-0.25"])
def test_a_plain_number_stays_a_number(number):
    assert spreadsheet_cell(number) == number


@given(st.text())
def test_any_cell_is_safe_and_keeps_its_words(value):
    cell = spreadsheet_cell(value)
    assert cell.removeprefix("'") == clean_text(value) or cell == clean_text(value)
    if _runs(cell):
        assert cell.strip().lstrip("+-").replace(".", "").replace(",", "").isdigit() or (
            "e" in cell.casefold()
        )
