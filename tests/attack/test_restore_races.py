"""Attack: `restore` while another command has the database open.

Seen: six `import --replace`, one `new` and one `restore` started together
from the command line (no window): `new` printed OPSG_50_2106 and exited 0,
yet that meeting is in neither the database nor any backup (the restore
took its "before-restore" copy, the `new` committed into the -wal, and the
restore deleted the -wal and renamed the backup in).  Only a window's lock
keeps `restore` away; other command-line processes are not seen.
"""

from __future__ import annotations

import json
import sqlite3

from opsg_desktop.cli import main
from opsg_desktop.interchange import load_meeting
from opsg_desktop.store.backups import list_backups
from opsg_desktop.store.repository import Repository

CASE = "tests/fixtures/schema_v3/OPSG_61_1403.json"


def references(path) -> set[str]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return {r[0] for r in conn.execute("SELECT reference FROM meetings")}


def test_a_save_acknowledged_during_a_restore_is_never_lost(db_path, demo_doc, tmp_path, capsys):
    file = tmp_path / "demo.json"
    file.write_text(json.dumps(demo_doc), encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(file)]) == 0
    other = Repository(db_path)  # another command (an import, a `new`) with the file open
    other.list_meetings()
    code = main(["--db", str(db_path), "restore"])
    capsys.readouterr()
    saved = None
    try:
        saved = other.save_meeting(load_meeting(CASE))  # acknowledged to its user
    except Exception:  # refusing the late save is also fine: nothing was acknowledged
        pass
    finally:
        other.close()
    if code == 0 and saved:
        places = [db_path] + [b.path for b in list_backups(db_path)]
        assert any(saved in references(p) for p in places)
