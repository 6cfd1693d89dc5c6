"""Small meetings in the shape of shared/cases/record, and the command line run in process."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from opsg_desktop.cli import main

RECORD = Path(__file__).parent.parent / "fixtures" / "record"


def case(name: str) -> dict[str, Any]:
    """One of the failing cases (a copy of shared/cases/record/<name>.json)."""
    return json.loads((RECORD / f"{name}.json").read_text(encoding="utf-8"))


def small_meeting(blocks: list[dict] | None = None, **meeting: Any) -> dict[str, Any]:
    """Meeting 61 of OPSG with two people and one item holding ``blocks``."""
    doc = copy.deepcopy(case("soft-line-break"))
    doc["meeting"].update(meeting)
    if blocks is not None:
        doc["agenda"][0]["blocks"] = blocks
    return doc


def write(tmp_path: Path, doc: dict, name: str = "meeting.json") -> Path:
    path = tmp_path / name
    # \u escapes, as real files carry them: a lone surrogate survives the trip.
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def cli(capsys, *args) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``opsg-desktop ARGS``; a traceback fails the test."""
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err
