"""Fixtures shared by every test: a private database and settings folder."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path

import pytest

# Before pytest-qt's session-wide QApplication exists: no display is needed.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _private_places(tmp_path_factory, monkeypatch):
    """Keep the user's real database and settings out of every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("OPSG_DB", str(home / "default.sqlite3"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))  # the log folder


@pytest.fixture(scope="session")
def _example_document() -> dict:
    return json.loads((FIXTURES / "interchange_example.json").read_text(encoding="utf-8"))


@pytest.fixture
def example_doc(_example_document) -> dict:
    """The example of interchange.md as plain JSON (a fresh copy per test)."""
    return copy.deepcopy(_example_document)


@pytest.fixture
def demo_doc() -> dict:
    """The demo meeting: the reference minutes rebuilt with invented people."""
    from opsg_desktop.paths import resource

    return json.loads(resource("demo_meeting.json").read_text(encoding="utf-8"))


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "opsg.sqlite3"


@pytest.fixture
def repository(db_path):
    from opsg_desktop.store.repository import Repository

    repo = Repository(db_path)
    yield repo
    repo.close()
