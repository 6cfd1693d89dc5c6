"""Exports are written whole or not at all, and failures become OpsgError with advice."""

from __future__ import annotations

import os
import stat
import sys

import pytest

from opsg_desktop.core.errors import OpsgError
from opsg_desktop.export import files
from opsg_desktop.export.action_log import export_action_log_csv
from opsg_desktop.export.minutes import export_minutes


def leftovers(folder) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(".tmp"))


@pytest.mark.skipif(
    sys.platform == "win32" or getattr(os, "geteuid", lambda: 1)() == 0,
    reason="folder permissions do not stop root (nor apply on Windows); see the next test",
)
def test_read_only_folder_raises_and_leaves_no_file(meeting, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(OpsgError, match="choose another folder|Choose another folder"):
            export_minutes(meeting, folder / "m.docx")
        assert os.listdir(folder) == []
    finally:
        folder.chmod(stat.S_IRWXU)


def test_unwritable_folder_raises_with_path_and_advice(meeting, tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files.tempfile, "mkstemp", refuse)
    target = tmp_path / "m.docx"
    with pytest.raises(OpsgError) as caught:
        export_minutes(meeting, target)
    assert str(target) in str(caught.value) and "Choose another folder" in str(caught.value)
    assert os.listdir(tmp_path) == []


def test_locked_target_keeps_old_file_and_removes_temporary(meeting, tmp_path, monkeypatch):
    target = tmp_path / "m.docx"
    target.write_bytes(b"previous version")

    def locked(source, destination):
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(files.os, "replace", locked)
    with pytest.raises(OpsgError, match="Close it in Word"):
        export_minutes(meeting, target)
    assert target.read_bytes() == b"previous version"
    assert leftovers(tmp_path) == []


def test_failure_while_writing_leaves_no_file(log_entries, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("builtins.open", broken)
    target = tmp_path / "log.csv"
    with pytest.raises(OpsgError, match="No space left on device"):
        export_action_log_csv(log_entries, target)
    assert os.listdir(tmp_path) == []


def test_missing_folder_is_named(meeting, tmp_path):
    with pytest.raises(OpsgError, match="does not exist"):
        export_minutes(meeting, tmp_path / "nowhere" / "m.docx")


def test_replaces_existing_file_with_readable_permissions(log_entries, tmp_path):
    target = tmp_path / "log.csv"
    export_action_log_csv(log_entries, target)
    assert stat.S_IMODE(target.stat().st_mode) & 0o044 == 0o044
    target.write_text("old")
    export_action_log_csv(log_entries, target)
    assert target.read_text(encoding="utf-8-sig").startswith("id,text")
    assert leftovers(tmp_path) == []
