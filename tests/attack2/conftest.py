"""A small long history (15 meetings, 540 actions: three pages of the log) for attack 2."""

from __future__ import annotations

import shutil

import pytest

from bench.ten_years import build


@pytest.fixture(scope="session")
def _built_history(tmp_path_factory):
    return build(tmp_path_factory.mktemp("history") / "history.sqlite3", meetings=15)


@pytest.fixture
def history(_built_history, tmp_path):
    """A private copy of the history database."""
    path = tmp_path / "history.sqlite3"
    shutil.copy(_built_history, path)
    return path
