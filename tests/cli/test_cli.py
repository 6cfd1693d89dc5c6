"""The command line: output, exit codes and messages."""

import json
import os
import re
import subprocess
import sys

import pytest

from opsg_desktop.cli import main
from opsg_desktop.interchange import meeting_from_dict


@pytest.fixture
def example_file(tmp_path, example_doc):
    path = tmp_path / "meeting.json"
    path.write_text(json.dumps(example_doc), encoding="utf-8")
    return path


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_import_prints_the_reference_and_dump_gives_it_back(
    capsys, db_path, example_file, example_doc
):
    assert run(capsys, "--db", db_path, "import", example_file) == (0, "OPSG_49_2405\n", "")
    code, out, _ = run(capsys, "--db", db_path, "dump", "OPSG_49_2405")
    assert code == 0
    dumped = json.loads(out)
    example_doc["agenda"][1]["blocks"][2]["action"]["id"] = "OPSG 49/01"
    assert meeting_from_dict(dumped) == meeting_from_dict(example_doc)
    assert dumped["agenda"][1]["blocks"][2]["action"]["id"] == "OPSG 49/01"
    assert dumped["people"] == example_doc["people"]
    assert dumped["outstanding"] == example_doc["outstanding"]


def test_dump_to_a_file(capsys, db_path, example_file, tmp_path):
    run(capsys, "--db", db_path, "import", example_file)
    target = tmp_path / "out.json"
    assert run(capsys, "--db", db_path, "dump", "OPSG_49_2405", "-o", target)[0] == 0
    assert json.loads(target.read_text(encoding="utf-8"))["meeting"]["number"] == "49"


def test_the_default_database_comes_from_opsg_db(capsys, example_file, tmp_path, monkeypatch):
    monkeypatch.setenv("OPSG_DB", str(tmp_path / "env.sqlite3"))
    assert run(capsys, "import", example_file)[0] == 0
    assert (tmp_path / "env.sqlite3").exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["agenda"][1]["blocks"].append({"acton": {}}),
            'agenda[1].blocks[4]: unknown key "acton"',
        ),
        (
            lambda d: d["meeting"].update(date="24/05/2021"),
            'meeting.date: "24/05/2021" is not a date',
        ),
    ],
)
def test_a_bad_file_is_refused_and_the_database_is_unchanged(
    capsys, db_path, example_file, tmp_path, example_doc, change, message
):
    run(capsys, "--db", db_path, "import", example_file)
    before = run(capsys, "--db", db_path, "dump", "OPSG_49_2405")[1]
    change(example_doc)
    example_doc["meeting"]["location"] = "Changed"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(example_doc), encoding="utf-8")
    code, out, err = run(capsys, "--db", db_path, "import", bad, "--replace")
    assert code == 1 and out == ""
    assert "nothing was imported" in err and message in err
    assert "Traceback" not in err
    assert run(capsys, "--db", db_path, "dump", "OPSG_49_2405")[1] == before


def test_a_duplicate_reference_is_refused_unless_replace(capsys, db_path, example_file):
    run(capsys, "--db", db_path, "import", example_file)
    code, out, err = run(capsys, "--db", db_path, "import", example_file)
    assert code == 1 and err.strip() == (
        "opsg-desktop: OPSG_49_2405 already exists; use --replace to overwrite it with this file"
    )
    assert run(capsys, "--db", db_path, "import", example_file, "--replace")[:2] == (
        0,
        "OPSG_49_2405\n",
    )


def test_a_truncated_file_names_the_place(capsys, db_path, example_file):
    example_file.write_text(example_file.read_text(encoding="utf-8")[:300], encoding="utf-8")
    code, _, err = run(capsys, "--db", db_path, "import", example_file)
    assert code == 1 and "not valid JSON at line 1, column " in err and "cut short" in err
    assert run(capsys, "--db", db_path, "list")[1] == ""


def test_import_from_stdin(capsys, db_path, example_doc, monkeypatch):
    import io

    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(json.dumps(example_doc).encode()))
    )
    assert run(capsys, "--db", db_path, "import", "-") == (0, "OPSG_49_2405\n", "")


def test_standard_input_is_read_by_the_same_door_as_a_file(capsys, db_path, monkeypatch):
    """Repeated keys, a BOM and bad JSON are met as they are in a file."""
    import io

    doc = b'\xef\xbb\xbf{"group": {"name": "G", "abbreviation": "OPSG", "name": "H"}}'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(doc)))
    code, _, err = run(capsys, "--db", db_path, "import", "-")
    assert code == 1 and 'group: the key "name" is given more than once' in err
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"group": ')))
    code, _, err = run(capsys, "--db", db_path, "import", "-")
    assert code == 1 and err.startswith("opsg-desktop: stdin: not valid JSON at line 1")


def test_list_actions_and_next(capsys, db_path, demo_doc, tmp_path):
    demo = tmp_path / "demo.json"
    demo.write_text(json.dumps(demo_doc), encoding="utf-8")
    run(capsys, "--db", db_path, "import", demo)
    assert run(capsys, "--db", db_path, "list")[1] == (
        "OPSG_49_2405     2021-05-24  main          draft  20 open of 20 raised\n"
    )
    code, out, _ = run(capsys, "--db", db_path, "actions")
    lines = out.splitlines()
    assert (
        code == 0
        and len(lines) == 23
        and lines[0].startswith("OPSG 45/CONF02   open   DCC      23/08/2021 ")
    )
    all_lines = run(capsys, "--db", db_path, "actions", "--all")[1].splitlines()
    assert len(all_lines) == 24 and "closed" in all_lines[0]
    mine = run(capsys, "--db", db_path, "actions", "--owner", "secas")[1].splitlines()
    assert len(mine) == 4 and all(" SECAS " in line for line in mine)
    assert run(capsys, "--db", db_path, "next", "OPSG_49_2405", "--date", "2021-06-01") == (
        0,
        "OPSG_50_0106\n",
        "",
    )
    dumped = json.loads(run(capsys, "--db", db_path, "dump", "OPSG_50_0106")[1])
    assert len(dumped["outstanding"]) == 23
    assert "OPSG 43/07" not in {a["id"] for a in dumped["outstanding"]}


def test_errors_have_one_clear_line_and_status_1(capsys, db_path):
    code, out, err = run(capsys, "--db", db_path, "dump", "OPSG_1_0101")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("opsg-desktop: no meeting OPSG_1_0101")
    code, _, err = run(capsys, "--db", db_path, "next", "OPSG_1_0101", "--date", "2021-01-01")
    assert code == 1 and "no meeting OPSG_1_0101" in err


def test_a_bad_date_on_the_command_line_is_a_usage_error(capsys, db_path):
    with pytest.raises(SystemExit) as caught:
        main(["--db", str(db_path), "next", "OPSG_49_2405", "--date", "1 June"])
    assert caught.value.code == 2
    assert "'1 June' is not a date; use YYYY-MM-DD" in capsys.readouterr().err


def test_a_newer_database_is_refused_by_every_command(capsys, db_path):
    import sqlite3

    from opsg_desktop.store.schema import open_database

    open_database(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA user_version = 99")
    code, _, err = run(capsys, "--db", db_path, "list")
    assert code == 1 and "newer version of OPSG Secretary" in err


def test_demo_fills_an_empty_database_only(capsys, db_path, example_doc, tmp_path):
    code, out, err = run(capsys, "--db", db_path, "--demo", "list")
    assert code == 0 and out.startswith("OPSG_49_2405") and "demo meeting OPSG_49_2405 added" in err
    # The README's command works the second time too: the demo is there already.
    code, out, err = run(capsys, "--db", db_path, "--demo", "list")
    assert code == 0 and out.startswith("OPSG_49_2405")
    assert err == f"OPSG_49_2405 is already in {db_path}; the demo was not added again\n"
    example_doc["meeting"].update(number="50", date="2021-06-01")
    other_file = tmp_path / "other.json"
    other_file.write_text(json.dumps(example_doc), encoding="utf-8")
    other = tmp_path / "other.sqlite3"
    run(capsys, "--db", other, "import", other_file)
    code, _, err = run(capsys, "--db", other, "--demo", "list")
    assert code == 1 and "already holds meetings" in err


def test_the_real_command_runs_without_traceback(tmp_path):
    env = {**os.environ, "OPSG_DB": str(tmp_path / "sub.sqlite3")}
    help_run = subprocess.run(
        [sys.executable, "-m", "opsg_desktop", "--help"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert help_run.returncode == 0 and "export minutes REF" in help_run.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "opsg_desktop", "import", str(tmp_path / "none.json")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert (
        bad.returncode == 1
        and "cannot read the file" in bad.stderr
        and "Traceback" not in bad.stderr
    )


def test_dump_to_a_folder_that_does_not_exist(capsys, db_path, example_file, tmp_path):
    run(capsys, "--db", db_path, "import", example_file)
    target = tmp_path / "missing" / "out.json"
    code, out, err = run(capsys, "--db", db_path, "dump", "OPSG_49_2405", "-o", target)
    assert code == 1 and out == "" and "missing" in err and "Traceback" not in err
    assert not target.parent.exists()


@pytest.mark.parametrize(
    ("args", "usage"),
    [
        (["list", "--bogus"], "usage: opsg-desktop list "),
        (["actions", "--open", "--bogus"], "usage: opsg-desktop actions "),
        (
            ["export", "minutes", "OPSG_49_2405", "-o", "m.docx", "--bogus"],
            "usage: opsg-desktop export minutes ",
        ),
    ],
)
def test_an_unknown_option_shows_the_sub_commands_usage(capsys, db_path, args, usage):
    with pytest.raises(SystemExit) as caught:
        main(["--db", str(db_path), *args])
    err = capsys.readouterr().err
    assert caught.value.code == 2
    assert err.startswith(usage) and "unrecognized arguments: --bogus" in err


@pytest.mark.parametrize(
    "args",
    [
        ["export", "minutes", "OPSG_49_2405", "-o", "x.txt"],
        ["export", "headlines", "OPSG_49_2405", "-o", "x.csv"],
        ["export", "actions", "-o", "x.xlsx"],
        ["dump", "OPSG_49_2405", "-o", "x.docx"],
    ],
)
def test_the_output_name_must_match_the_format_written(capsys, db_path, tmp_path, args):
    args = [str(tmp_path / a) if a.startswith("x.") else a for a in args]
    with pytest.raises(SystemExit) as caught:
        main(["--db", str(db_path), *args])
    err = capsys.readouterr().err
    assert caught.value.code == 2 and "does not end in ." in err
    assert list(tmp_path.iterdir()) == []


def test_an_upper_case_extension_is_the_same_format(capsys, db_path, example_file, tmp_path):
    run(capsys, "--db", db_path, "import", example_file)
    target = tmp_path / "LOG.CSV"
    assert run(capsys, "--db", db_path, "export", "actions", "-o", target)[0] == 0
    assert target.read_text(encoding="utf-8-sig").startswith("id,text,")


def test_empty_results_say_so(capsys, db_path, example_file):
    assert run(capsys, "--db", db_path, "list") == (0, "", f"no meetings in {db_path}\n")
    run(capsys, "--db", db_path, "import", example_file)
    code, out, err = run(capsys, "--db", db_path, "actions", "--owner", "nobody")
    assert (code, out) == (0, "")
    assert err == f"no open actions owned by nobody in {db_path} (--all includes closed ones)\n"
    code, out, err = run(capsys, "--db", db_path, "actions", "--all", "--owner", "nobody")
    assert (code, out, err) == (0, "", f"no actions owned by nobody in {db_path}\n")


def test_next_onto_an_existing_meeting_suggests_only_what_next_can_do(capsys, db_path, demo_doc):
    from opsg_desktop.cli import build_parser

    run(capsys, "--db", db_path, "--demo", "list")
    assert run(capsys, "--db", db_path, "next", "OPSG_49_2405", "--date", "2021-06-01")[0] == 0
    code, out, err = run(capsys, "--db", db_path, "next", "OPSG_49_2405", "--date", "2021-06-01")
    assert code == 1 and out == ""
    assert "OPSG_50_0106 already exists" in err
    next_options = build_parser().parse_args(["next", "R", "--date", "2021-01-01"])
    for option in re.findall(r"--[a-z]+", err):
        assert hasattr(next_options, option[2:]), f"{option} is not an option of next"
    assert "--replace" not in err


def test_an_unexpected_error_is_one_line_naming_the_log_which_holds_the_traceback(
    capsys, db_path, monkeypatch
):
    from opsg_desktop import cli_commands
    from opsg_desktop.logs import log_file

    def broken(repository, args):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setitem(cli_commands.COMMANDS, "list", broken)
    code, out, err = run(capsys, "--db", db_path, "list")
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "ZeroDivisionError" in err and str(log_file()) in err and "Traceback" not in err
    logged = log_file().read_text(encoding="utf-8")
    assert "Traceback" in logged and "ZeroDivisionError: division by zero" in logged


def test_a_clear_error_is_logged_too(capsys, db_path):
    from opsg_desktop.logs import log_file

    assert run(capsys, "--db", db_path, "dump", "OPSG_1_0101")[0] == 1
    assert "dump: no meeting OPSG_1_0101" in log_file().read_text(encoding="utf-8")
