"""The export commands: files written, what was left out, unwritable targets."""

import csv
import json

import pytest
from docx import Document

from opsg_desktop.cli import main


@pytest.fixture
def loaded_db(db_path, demo_doc, tmp_path, capsys):
    demo_doc["agenda"][8]["classification"] = "amber"  # item 9, a confidential session
    path = tmp_path / "demo.json"
    path.write_text(json.dumps(demo_doc), encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(path)]) == 0
    capsys.readouterr()
    return db_path


def body_text(path) -> str:
    document = Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_export_minutes_at_white_leaves_out_the_amber_item_and_says_so(loaded_db, tmp_path, capsys):
    target = tmp_path / "minutes.docx"
    code = main(["--db", str(loaded_db), "export", "minutes", "OPSG_49_2405", "-o", str(target)])
    out, err = capsys.readouterr()
    assert (code, out) == (0, f"{target}\n")
    text = body_text(target)
    assert "Major Incident Review" not in text and "OPSG 49/20" not in text
    assert "ACTION OPSG 49/19:" in text
    assert "left out (above white): item 9 Major Incident Review (amber)" in err


def test_export_minutes_at_amber_includes_it(loaded_db, tmp_path, capsys):
    target = tmp_path / "amber.docx"
    args = ["export", "minutes", "OPSG_49_2405", "-o", str(target), "--classification", "amber"]
    assert main(["--db", str(loaded_db), *args]) == 0
    assert "9. Major Incident Review" in body_text(target)
    assert capsys.readouterr().err == ""


def test_export_headlines_and_action_log(loaded_db, tmp_path, capsys):
    headlines = tmp_path / "h.docx"
    assert (
        main(["--db", str(loaded_db), "export", "headlines", "OPSG_49_2405", "-o", str(headlines)])
        == 0
    )
    text = body_text(headlines)
    assert "Headlines" in text and "Major Incident Review" not in text
    log = tmp_path / "log.csv"
    assert main(["--db", str(loaded_db), "export", "actions", "-o", str(log), "--open"]) == 0
    with log.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 23 and {r["status"] for r in rows} == {"open"}
    word_log = tmp_path / "log.docx"
    assert main(["--db", str(loaded_db), "export", "actions", "-o", str(word_log)]) == 0
    assert "OPSG 43/07" in body_text(word_log)


def test_an_unwritable_target_is_a_clear_error_and_nothing_changes(loaded_db, tmp_path, capsys):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    target = blocker / "minutes.docx"
    code = main(["--db", str(loaded_db), "export", "minutes", "OPSG_49_2405", "-o", str(target)])
    _, err = capsys.readouterr()
    assert code == 1 and err.startswith("opsg-desktop: ") and "Traceback" not in err
    assert str(target.parent) in err
    assert blocker.read_text(encoding="utf-8") == "x"


def test_exporting_an_unknown_meeting(loaded_db, tmp_path, capsys):
    code = main(
        ["--db", str(loaded_db), "export", "minutes", "OPSG_1_0101", "-o", str(tmp_path / "x.docx")]
    )
    assert code == 1 and "no meeting OPSG_1_0101" in capsys.readouterr().err
    assert not (tmp_path / "x.docx").exists()
