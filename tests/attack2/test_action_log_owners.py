"""Attack 2: the action log's owners, typed in different cases in different meetings.

Seen on a database of the demo meeting and the next one, where two actions
were raised for "dcc" and "Dcc" (imported, as older minutes spell them): the
command line's ``actions --owner DCC`` (any case) lists 19; the window's
action log lists three owners ("DCC: 17 open", "Dcc: 1 open", "dcc: 1 open")
and its owner filter DCC shows 18 of 26.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from opsg_desktop.cli import main
from opsg_desktop.ui.dialogs.action_log import ActionLogView

DEMO = Path(__file__).parents[2] / "opsg_desktop" / "resources" / "demo_meeting.json"


@pytest.fixture
def cased_db(db_path, tmp_path, capsys):
    run = lambda *a: main(["--db", str(db_path), *a])  # noqa: E731
    assert run("import", str(DEMO)) == 0
    assert run("next", "OPSG_49_2405", "--date", "2021-06-21") == 0
    dumped = tmp_path / "m50.json"
    assert run("dump", "OPSG_50_2106", "-o", str(dumped)) == 0
    doc = json.loads(dumped.read_text(encoding="utf-8"))
    for n, owner in ((1, "dcc"), (2, "Dcc")):
        action = {"id": f"OPSG 50/0{n}", "text": f"{owner} to look at it", "owner": owner}
        doc["agenda"][0]["blocks"].append({"action": {**action, "target": "2021-07-01"}})
    dumped.write_text(json.dumps(doc), encoding="utf-8")
    assert run("import", str(dumped), "--replace") == 0
    capsys.readouterr()
    return db_path


def cli_lines(db, *args) -> list[str]:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["--db", str(db), "actions", *args]) == 0
    return out.getvalue().splitlines()


def test_one_owner_whatever_the_case_as_on_the_command_line(qtbot, cased_db):
    open_dcc = len(cli_lines(cased_db, "--owner", "DCC"))
    all_dcc = len(cli_lines(cased_db, "--all", "--owner", "dcc"))
    view = ActionLogView(None, cased_db, dt.date(2021, 6, 22))
    qtbot.addWidget(view)
    view.show()
    view.wait_until_read()
    owners = [view.owner_filter.itemText(i) for i in range(view.owner_filter.count())]
    assert [o.casefold() for o in owners].count("dcc") == 1, owners
    assert f"DCC: {open_dcc} open" in " ".join(view.owners.stringList())
    view.owner_filter.setCurrentIndex(view.owner_filter.findText("DCC"))
    view.wait_until_read()
    assert view.model.total == all_dcc
