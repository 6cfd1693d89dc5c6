"""Where unsaved work goes when the database will not take it: a JSON file that is whole.

The first folder that takes the whole file wins: the database's own folder,
then the user's data folder (platformdirs), then the temp folder.  A file is
written under a temporary name, flushed to disk and only then renamed, so a
full disk never leaves a 0-byte or cut-off rescue file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from opsg_desktop.core.errors import OpsgError
from opsg_desktop.paths import APP_NAME


class RescueError(OpsgError):
    """No folder would take the rescue file; ``reasons`` says what each refused."""


def rescue_folders(db_folder: Path) -> list[Path]:
    """The folders tried in turn: the database's, the user's data folder, the temp folder."""
    from platformdirs import user_data_path

    return [
        Path(db_folder),
        user_data_path(APP_NAME, appauthor=False) / "rescued",
        Path(tempfile.gettempdir()),
    ]


def write_rescue(text: str, name: str, db_folder: Path) -> Path:
    """Write ``text`` to ``name`` in the first folder that takes it whole; return its path.

    Raises RescueError listing each folder's reason when none does.
    """
    reasons = []
    for folder in rescue_folders(db_folder):
        try:
            return _write_whole(folder, name, text)
        except OSError as exc:
            reasons.append(f"{folder}: {exc.strerror or exc}")
    raise RescueError("The unsaved meeting could not be written anywhere:\n" + "\n".join(reasons))


def _write_whole(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    temporary = folder / f".{name}.tmp"
    try:
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return target
