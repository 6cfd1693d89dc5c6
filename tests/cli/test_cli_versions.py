"""Versions, comments, final and unlock from the command line."""

import json

from docx import Document

from opsg_desktop.cli import main


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_email_twice_then_comments_final_and_unlock(capsys, db_path, tmp_path, example_doc):
    source = tmp_path / "m.json"
    source.write_text(json.dumps(example_doc), encoding="utf-8")
    db = ("--db", db_path)
    assert run(capsys, *db, "import", source)[0] == 0
    assert run(capsys, *db, "next", "OPSG_49_2405", "--date", "2021-06-01")[0] == 0
    code, _, err = run(capsys, *db, "comment", "OPSG_49_2405", "Alex Rowe", "--none")
    assert code == 1 and "no draft has been sent yet" in err
    for _ in range(2):
        assert run(capsys, *db, "email", "OPSG_49_2405", "-o", tmp_path / "d.eml")[0] == 0
    assert (tmp_path / "OPSG_49_2405 Draft Minutes v0.2.docx").exists()
    assert run(capsys, *db, "comment", "OPSG_49_2405", "Alex Rowe", "--none")[0] == 0
    assert run(capsys, *db, "comment", "OPSG_49_2405", "Sam Patel", "--text", "Typo in 3.")[0] == 0
    code, out, _ = run(capsys, *db, "versions", "OPSG_49_2405")
    lines = out.splitlines()
    assert lines[0].startswith("v0.1  sent ") and lines[1].startswith("v0.2  sent ")
    assert lines[2].endswith("Alex Rowe: no comments")
    assert lines[3].endswith("Sam Patel: Typo in 3.")
    assert "status: draft" in out
    code, out, _ = run(capsys, *db, "final", "OPSG_49_2405", "--agreed-at", "OPSG_50_0106")
    assert code == 0 and "locked" in out
    assert run(capsys, *db, "export", "minutes", "OPSG_49_2405", "-o", tmp_path / "f.docx")[0] == 0
    final = Document(str(tmp_path / "f.docx"))
    assert "Minutes" in [p.text for p in final.paragraphs][:6]
    assert "Draft" not in " ".join(p.text for p in final.paragraphs[:6])
    footer = final.sections[0].footer.tables[0].rows[0].cells[0].text
    assert footer == "OPSG_49_2405 \u2013 Minutes"
    assert final.core_properties.title == "OPSG_49_2405 Minutes"
    code, _, err = run(capsys, *db, "email", "OPSG_49_2405", "-o", tmp_path / "e.eml")
    assert code == 1 and "final and locked" in err
    assert run(capsys, *db, "unlock", "OPSG_49_2405", "--reason", "Name corrected")[0] == 0
    out = run(capsys, *db, "versions", "OPSG_49_2405")[1]
    assert "status: final, agreed at OPSG_50_0106" in out and "unlock: Name corrected" in out
    assert " final " in run(capsys, *db, "list")[1].splitlines()[0]
    assert not (tmp_path / "e.eml").exists()
