"""Kind: an action split into copies of itself (case two-paragraph-action), file side.

An action keeps one id and all its paragraphs through import, the store,
dump and the Word minutes.  (The editor's side is tested in tests/ui.)
"""

from __future__ import annotations

import json

from docx import Document

from tests.cases.helpers import case, cli, write


def test_a_two_paragraph_action_is_one_action_with_both_paragraphs(capsys, tmp_path):
    db = tmp_path / "db.sqlite3"
    doc = case("two-paragraph-action")
    cli(capsys, "--db", db, "import", write(tmp_path, doc))
    dumped = json.loads(cli(capsys, "--db", db, "dump", "OPSG_61_1403")[1])
    actions = [b for b in dumped["agenda"][0]["blocks"] if "action" in b]
    assert actions == [doc["agenda"][0]["blocks"][1] | {"action": actions[0]["action"]}]
    assert actions[0]["action"]["text"] == (
        "The DCC to publish the migration plan.\n\nThe plan should cover both regions."
    )
    cli(capsys, "--db", db, "export", "minutes", "OPSG_61_1403", "-o", tmp_path / "m.docx")
    paragraphs = [p.text for p in Document(str(tmp_path / "m.docx")).paragraphs]
    assert paragraphs.count("ACTION OPSG 61/01: The DCC to publish the migration plan.") == 1
    assert paragraphs.count("The plan should cover both regions.") == 1
    code, out, _ = cli(capsys, "--db", db, "actions", "--all")
    assert code == 0 and len(out.splitlines()) == 1  # one action, one line
