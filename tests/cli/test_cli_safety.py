"""The command line never destroys the database, and brings backups back."""

from __future__ import annotations

import json
import sqlite3
import stat

import pytest

from opsg_desktop.cli import main
from opsg_desktop.store.backups import list_backups
from tests.fault_tools import damage


@pytest.fixture
def loaded_db(db_path, demo_doc, tmp_path, capsys):
    path = tmp_path / "demo.json"
    path.write_text(json.dumps(demo_doc), encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(path)]) == 0
    capsys.readouterr()
    return db_path


def meetings(db_path) -> list[str]:
    with sqlite3.connect(db_path) as conn:
        return [r[0] for r in conn.execute("SELECT reference FROM meetings")]


def protected_targets(db_path):
    backup = db_path.with_name(db_path.name + ".schema2.bak")
    backup.write_bytes(b"old")
    return {
        "the database": db_path,
        "its -wal": db_path.with_name(db_path.name + "-wal"),
        "its -shm": db_path.with_name(db_path.name + "-shm"),
        "a backup": backup,
    }


@pytest.mark.parametrize("which", ["the database", "its -wal", "its -shm", "a backup"])
@pytest.mark.parametrize(
    "command",
    [
        ["export", "minutes", "OPSG_49_2405", "-o"],
        ["export", "headlines", "OPSG_49_2405", "-o"],
        ["export", "actions", "-o"],
        ["dump", "OPSG_49_2405", "-o"],
    ],
)
def test_no_export_or_dump_replaces_the_database_or_its_companions(
    loaded_db, capsys, which, command
):
    target = protected_targets(loaded_db)[which]
    before = target.read_bytes() if target.exists() else None
    code = run(["--db", str(loaded_db), *command, str(target)])
    err = capsys.readouterr().err
    assert code in (1, 2)  # 2: refused by the command line itself (a .sqlite3 is not a .docx)
    assert "Traceback" not in err
    assert (target.read_bytes() if target.exists() else None) == before
    assert meetings(loaded_db) == ["OPSG_49_2405"]


@pytest.mark.parametrize(
    ("name", "command"),
    [
        ("meetings.docx", ["export", "minutes", "OPSG_49_2405", "-o"]),
        ("meetings.csv", ["export", "actions", "-o"]),
        ("meetings.json", ["dump", "OPSG_49_2405", "-o"]),
    ],
)
def test_a_database_named_like_a_document_is_still_refused(
    tmp_path, demo_doc, capsys, name, command
):
    db_path = tmp_path / name
    file = tmp_path / "demo.json"
    file.write_text(json.dumps(demo_doc), encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(file)]) == 0
    capsys.readouterr()
    code = main(["--db", str(db_path), *command, str(db_path)])
    err = capsys.readouterr().err
    assert code == 1
    assert f"Cannot save to {db_path}: it is a database" in err
    assert meetings(db_path) == ["OPSG_49_2405"]


def run(argv: list[str]) -> int:
    """``main``, with the command line's own refusals (SystemExit) as their exit code."""
    try:
        return main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)


def test_another_database_is_not_replaced_either(loaded_db, tmp_path, capsys):
    other = tmp_path / "other.json"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    assert main(["--db", str(loaded_db), "dump", "OPSG_49_2405", "-o", str(other)]) == 1
    assert "it is a database" in capsys.readouterr().err


def test_a_read_only_file_is_not_replaced(loaded_db, tmp_path, capsys):
    target = tmp_path / "minutes.docx"
    target.write_bytes(b"the final minutes, kept")  # marked read-only below
    target.chmod(stat.S_IRUSR)
    code = main(["--db", str(loaded_db), "export", "minutes", "OPSG_49_2405", "-o", str(target)])
    assert code == 1 and "read-only" in capsys.readouterr().err
    assert target.read_bytes() == b"the final minutes, kept"


def test_an_export_leaves_a_checked_backup_and_backups_lists_it(loaded_db, tmp_path, capsys):
    target = tmp_path / "log.csv"
    assert main(["--db", str(loaded_db), "export", "actions", "-o", str(target)]) == 0
    made = list_backups(loaded_db)
    assert [b.reason for b in made] == ["export", "daily"]  # daily: the first open of the day
    capsys.readouterr()
    assert main(["--db", str(loaded_db), "backups"]) == 0
    out = capsys.readouterr().out
    assert "export" in out and " ok " in out and str(made[0].path) in out


def test_restore_brings_back_the_newest_good_backup_of_a_damaged_database(
    loaded_db, tmp_path, capsys
):
    assert main(["--db", str(loaded_db), "export", "actions", "-o", str(tmp_path / "a.csv")]) == 0
    damage(loaded_db)
    capsys.readouterr()
    assert main(["--db", str(loaded_db), "list"]) == 1
    err = capsys.readouterr().err
    assert "is damaged" in err and "opsg-desktop restore" in err and "Traceback" not in err
    assert main(["--db", str(loaded_db), "restore"]) == 0
    out = capsys.readouterr().out
    assert "restored" in out and ".damaged-" in out
    assert main(["--db", str(loaded_db), "list"]) == 0
    assert "OPSG_49_2405" in capsys.readouterr().out


def test_restore_with_no_backup_says_so(loaded_db, capsys):
    assert main(["--db", str(loaded_db), "restore"]) == 1
    assert "no good backup" in capsys.readouterr().err
