"""``new`` from an empty database and ``search`` ranked with meeting, place and snippet."""

import json

from opsg_desktop.cli import main
from opsg_desktop.interchange import load_meeting


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_new_in_an_empty_database_uses_the_operations_group(capsys, db_path, tmp_path):
    code, out, _ = run(capsys, "--db", db_path, "new", "--number", "1", "--date", "2025-01-13")
    assert (code, out) == (0, "OPSG_1_1301\n")
    code, out, _ = run(capsys, "--db", db_path, "dump", "OPSG_1_1301", "-o", tmp_path / "d.json")
    meeting = load_meeting(tmp_path / "d.json")
    assert meeting.group.name == "Operations Group"
    assert [i.title for i in meeting.agenda][1] == "Actions Outstanding"


def test_new_with_a_group_file_and_an_extraordinary_kind(capsys, db_path, tmp_path):
    group = {
        "name": "Technical Architecture Group",
        "abbreviation": "TABASC",
        "categories": ["Chair", "Members"],
        "organisations": ["DCC", "SECAS"],
    }
    path = tmp_path / "group.json"
    path.write_text(json.dumps(group), encoding="utf-8")
    args = ("--db", db_path, "new", "--number", "7", "--date", "2025-02-03")
    code, out, _ = run(capsys, *args, "--kind", "extraordinary", "--group", path)
    assert (code, out) == (0, "TABASC_7x_0302\n")
    run(capsys, "--db", db_path, "dump", "TABASC_7x_0302", "-o", tmp_path / "d.json")
    dumped = json.loads((tmp_path / "d.json").read_text())
    assert dumped["group"]["categories"] == ["Chair", "Members"]
    assert dumped["group"]["organisations"] == ["DCC", "SECAS"]


def test_new_refuses_a_bad_group_file_and_a_bad_number(capsys, db_path, tmp_path):
    path = tmp_path / "group.json"
    path.write_text(json.dumps({"name": "X", "abbreviation": "X", "colour": "red"}))
    code, _, err = run(
        capsys, "--db", db_path, "new", "--number", "1", "--date", "2025-01-13", "--group", path
    )
    assert code == 1 and 'unknown key "colour"' in err
    code, _, err = run(capsys, "--db", db_path, "new", "--number", "one", "--date", "2025-01-13")
    assert code == 1 and "not a meeting number" in err


def test_search_ranks_with_meeting_place_and_snippet(capsys, db_path, tmp_path, example_doc):
    example_doc["agenda"][0]["blocks"][0]["text"] = (
        "Dashboard review: the dashboard and the dashboard export were discussed."
    )
    example_doc["agenda"][1]["blocks"][1]["text"] = (
        "A long paragraph " * 30 + "mentions dashboard once."
    )
    source = tmp_path / "m.json"
    source.write_text(json.dumps(example_doc), encoding="utf-8")
    run(capsys, "--db", db_path, "import", source)
    code, out, _ = run(capsys, "--db", db_path, "search", "dashboard")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert lines[0].split()[:3] == ["OPSG_49_2405", "item", "2"]
    assert "[dashboard]" in lines[0].casefold()
    assert lines[1].split()[:3] == ["OPSG_49_2405", "item", "3"]
    code, out, err = run(capsys, "--db", db_path, "search", "nowhere")
    assert (code, out, err) == (1, "", "no matches\n")
