"""Attack: kill -9 during a backup leaves its temporary copy in the backups folder for ever.

Seen: 15 kills during `opsg-desktop restore` left
``.<stamp>_before-restore.sqlite3.<pid>.tmp`` (and a ``-journal``), each the
size of the database; later backups, exports and restores never remove them
and rotation does not count them, so the folder grows with every crash.
"""

from __future__ import annotations

import json

from opsg_desktop.cli import main
from opsg_desktop.store.backups import folder_of
from tests.fault_tools import dead_pid


def test_a_killed_backups_temporary_copy_is_cleaned_up(db_path, demo_doc, tmp_path, capsys):
    file = tmp_path / "demo.json"
    file.write_text(json.dumps(demo_doc), encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(file)]) == 0
    assert main(["--db", str(db_path), "export", "actions", "-o", str(tmp_path / "a.csv")]) == 0
    folder = folder_of(db_path)
    left = folder / f".20261130-074454-457463_before-restore.sqlite3.{dead_pid()}.tmp"
    left.write_bytes(db_path.read_bytes())
    journal = left.with_name(left.name + "-journal")
    journal.write_bytes(b"\0" * 4616)
    for _ in range(2):
        assert main(["--db", str(db_path), "export", "actions", "-o", str(tmp_path / "a.csv")]) == 0
    assert main(["--db", str(db_path), "restore"]) == 0
    capsys.readouterr()
    assert not left.exists() and not journal.exists()
