"""``opsg-desktop check REF``: findings on stdout, exit 1 only when one blocks."""

import json

from opsg_desktop.cli import main


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def _import(capsys, db_path, tmp_path, doc) -> None:
    path = tmp_path / "m.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert run(capsys, "--db", db_path, "import", path)[0] == 0


def test_warnings_alone_exit_zero(capsys, db_path, tmp_path, example_doc):
    _import(capsys, db_path, tmp_path, example_doc)
    code, out, err = run(capsys, "--db", db_path, "check", "OPSG_49_2405")
    assert code == 0
    assert "BLOCKS" not in out
    assert "OPSG_49_2405:" in err


def test_an_action_without_owner_blocks_with_its_place(capsys, db_path, tmp_path, example_doc):
    example_doc["agenda"][1]["blocks"][2]["action"]["owner"] = None
    _import(capsys, db_path, tmp_path, example_doc)
    code, out, err = run(capsys, "--db", db_path, "check", "OPSG_49_2405")
    assert code == 1
    assert "BLOCKS   item 3, block 2: action OPSG 49/01 has no owner" in out.splitlines()
    assert "fix the blocking ones" in err


def test_unknown_meeting_is_a_clear_error(capsys, db_path):
    code, out, err = run(capsys, "--db", db_path, "check", "OPSG_1_0101")
    assert code == 1 and out == "" and "no meeting OPSG_1_0101" in err
