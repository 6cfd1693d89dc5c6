"""Attack: messages that name the wrong cause (issue 12: "Messages name the real cause")."""

from __future__ import annotations

import os

import pytest

from opsg_desktop.cli import main


def test_a_folder_given_as_the_database_is_called_a_folder(tmp_path, capsys):
    code = main(["--db", str(tmp_path), "list"])
    err = capsys.readouterr().err
    assert code == 1
    assert "folder" in err and "disk I/O" not in err, err


@pytest.mark.skipif(not os.path.exists("/proc/version"), reason="needs Linux /proc")
def test_an_unwritable_non_database_is_not_called_a_full_disk(capsys):
    code = main(["--db", "/proc/version", "list"])
    err = capsys.readouterr().err
    assert code == 1
    assert "disk is full" not in err, err


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_dump_to_a_full_disk_on_stdout_names_the_full_disk(db_path, demo_doc, tmp_path, capsys):
    import json
    import subprocess
    import sys

    file = tmp_path / "demo.json"
    file.write_text(json.dumps(demo_doc), encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(file)]) == 0
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "opsg_desktop", "--db", str(db_path), "dump", "OPSG_49_2405"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "unexpected" not in done.stderr and "full" in done.stderr, done.stderr
