"""Attack: damaged or emptied database files, and what restore says about a wrong file."""

from __future__ import annotations

import json
import sqlite3

import pytest

from opsg_desktop.cli import main
from opsg_desktop.store.backups import list_backups

REF = "OPSG_49_2405"


@pytest.fixture
def backed_up_db(db_path, demo_doc, tmp_path, capsys):
    """The demo in a database with one good backup beside it (made by an export)."""
    file = tmp_path / "demo.json"
    file.write_text(json.dumps(demo_doc), encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(file)]) == 0
    assert main(["--db", str(db_path), "export", "actions", "-o", str(tmp_path / "a.csv")]) == 0
    capsys.readouterr()
    assert list_backups(db_path)
    return db_path


def holds_demo(path) -> bool:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return bool(conn.execute("SELECT 1 FROM meetings WHERE reference=?", (REF,)).fetchone())


def test_an_emptied_database_with_backups_is_not_silently_started_afresh(backed_up_db, capsys):
    backed_up_db.write_bytes(b"")
    code = main(["--db", str(backed_up_db), "list"])
    err = capsys.readouterr().err
    assert code == 1
    assert "backup" in err.lower()
    assert backed_up_db.stat().st_size == 0  # nothing written into it before the user chose


def test_backups_of_the_record_survive_a_busy_afternoon_on_an_emptied_file(
    backed_up_db, tmp_path, capsys
):
    backed_up_db.write_bytes(b"")
    for _ in range(11):
        main(["--db", str(backed_up_db), "export", "actions", "-o", str(tmp_path / "a.csv")])
    capsys.readouterr()
    assert any(holds_demo(b.path) for b in list_backups(backed_up_db))


@pytest.mark.parametrize("kind", ["missing", "json"])
def test_restore_of_a_wrong_file_names_the_real_cause(backed_up_db, tmp_path, capsys, kind):
    path = tmp_path / ("nowhere.sqlite3" if kind == "missing" else "meeting.json")
    if kind == "json":
        assert main(["--db", str(backed_up_db), "dump", REF, "-o", str(path)]) == 0
        capsys.readouterr()
    code = main(["--db", str(backed_up_db), "restore", str(path)])
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err
    expected = "does not exist" if kind == "missing" else "not a database"
    assert expected in err, err
    assert holds_demo(backed_up_db)


def test_damage_without_backups_does_not_send_the_user_to_a_backup(
    db_path, demo_doc, tmp_path, capsys
):
    file = tmp_path / "demo.json"
    file.write_text(json.dumps(demo_doc), encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(file)]) == 0
    for backup in list_backups(db_path):
        backup.path.unlink()
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 3])
    capsys.readouterr()
    code = main(["--db", str(db_path), "list"])
    err = capsys.readouterr().err
    assert code == 1
    assert "damaged" in err
    assert "no backup" in err.lower(), err


def test_a_missing_database_beside_its_backups_is_not_silently_started_afresh(backed_up_db, capsys):
    aside = backed_up_db.with_name(backed_up_db.name + ".damaged-20261130-074438")
    backed_up_db.rename(aside)
    code = main(["--db", str(backed_up_db), "list"])
    err = capsys.readouterr().err
    assert code == 1
    assert "restore" in err.lower(), err
    assert not backed_up_db.exists()


def test_a_foreign_wal_is_named_as_the_cause(backed_up_db, tmp_path, capsys):
    other = tmp_path / "other.sqlite3"
    case = "tests/fixtures/schema_v3/OPSG_61_1403.json"
    assert main(["--db", str(other), "import", case]) == 0
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("UPDATE meetings SET location='elsewhere'")
    conn.commit()
    foreign = (tmp_path / "other.sqlite3-wal").read_bytes()
    conn.close()
    backed_up_db.with_name(backed_up_db.name + "-wal").write_bytes(foreign)
    capsys.readouterr()
    code = main(["--db", str(backed_up_db), "list"])
    out, err = capsys.readouterr()
    assert code in (0, 1)
    if code == 1:
        assert "-wal" in err, err
    else:
        assert REF in out
