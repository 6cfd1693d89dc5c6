"""``opsg-desktop email REF -o FILE.eml``: the draft exported beside an unsent message."""

import datetime as dt
import json
from email import message_from_bytes
from email.policy import default
from pathlib import Path

from opsg_desktop.cli import main
from opsg_desktop.core.working_days import add_working_days


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_email_writes_eml_and_docx_with_default_deadline(capsys, db_path, tmp_path, example_doc):
    example_doc["people"][0]["email"] = "alex.rowe@example.org"
    source = tmp_path / "m.json"
    source.write_text(json.dumps(example_doc), encoding="utf-8")
    assert run(capsys, "--db", db_path, "import", source)[0] == 0
    eml = tmp_path / "out" / "draft.eml"
    eml.parent.mkdir()
    code, out, err = run(capsys, "--db", db_path, "email", "OPSG_49_2405", "-o", eml)
    assert code == 0
    written, docx = (Path(line) for line in out.splitlines())
    assert written == eml and docx.name == "OPSG_49_2405 Draft Minutes v0.1.docx"
    assert "no email address for Sam Patel" in err
    message = message_from_bytes(eml.read_bytes(), policy=default)
    assert [a.addr_spec for a in message["To"].addresses] == ["alex.rowe@example.org"]
    assert [a.addr_spec for a in message["Cc"].addresses] == ["pat.moss@example.org"]
    deadline = add_working_days(dt.date.today(), 5)
    assert f"{deadline.day} {deadline:%B %Y}" in message["Subject"]
    assert message["X-Unsent"] == "1"
    (attachment,) = message.iter_attachments()
    assert attachment.get_content() == docx.read_bytes()


def test_email_of_unknown_meeting_fails_cleanly(capsys, db_path, tmp_path):
    code, out, err = run(capsys, "--db", db_path, "email", "OPSG_2_0101", "-o", tmp_path / "x.eml")
    assert (code, out) == (1, "") and "no meeting OPSG_2_0101" in err


def test_email_template_wordings_import_dump_and_fill(capsys, db_path, tmp_path, example_doc):
    example_doc["group"]["wordings"] = {"email_subject": "Comments on {reference} by {deadline}"}
    example_doc["group"]["organisations"] = ["DCC", "SECAS"]
    source = tmp_path / "m.json"
    source.write_text(json.dumps(example_doc), encoding="utf-8")
    assert run(capsys, "--db", db_path, "import", source)[0] == 0
    code, out, _ = run(capsys, "--db", db_path, "dump", "OPSG_49_2405")
    group = json.loads(out)["group"]
    assert group["wordings"] == example_doc["group"]["wordings"]
    assert group["organisations"] == ["DCC", "SECAS"]
    eml = tmp_path / "d.eml"
    args = ("--db", db_path, "email", "OPSG_49_2405", "-o", eml, "--deadline", "2021-06-01")
    assert run(capsys, *args)[0] == 0
    message = message_from_bytes(eml.read_bytes(), policy=default)
    assert message["Subject"] == "Comments on OPSG_49_2405 by Tuesday 1 June 2021"
