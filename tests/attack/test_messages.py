"""Attack: messages that name the wrong cause (issue 12: "Messages name the real cause")."""

from __future__ import annotations

import os

import pytest

from opsg_desktop.cli import main


@pytest.mark.xfail(
    strict=True,
    reason="attack12: `--db FOLDER` says 'not an OPSG Secretary database (disk I/O error)'",
)
def test_a_folder_given_as_the_database_is_called_a_folder(tmp_path, capsys):
    code = main(["--db", str(tmp_path), "list"])
    err = capsys.readouterr().err
    assert code == 1
    assert "folder" in err and "disk I/O" not in err, err


@pytest.mark.xfail(
    strict=True,
    reason="attack12: a file that cannot be written is reported as 'the disk is full'",
)
@pytest.mark.skipif(not os.path.exists("/proc/version"), reason="needs Linux /proc")
def test_an_unwritable_non_database_is_not_called_a_full_disk(capsys):
    code = main(["--db", "/proc/version", "list"])
    err = capsys.readouterr().err
    assert code == 1
    assert "disk is full" not in err, err
