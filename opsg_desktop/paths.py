"""Where things live: the database file and the shipped resources."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

APP_NAME = "opsg-desktop"
#: The reverse-DNS id of the desktop entry, its icon and (on Linux) the window's app id.
APP_ID = "io.github.opsg_desktop.Secretary"
DB_FILE_NAME = "opsg.sqlite3"
DB_ENVIRONMENT_VARIABLE = "OPSG_DB"


def default_database_path() -> Path:
    """``$OPSG_DB`` if set, else ``opsg.sqlite3`` in the user's data folder."""
    override = os.environ.get(DB_ENVIRONMENT_VARIABLE)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / DB_FILE_NAME


def resource(name: str) -> Traversable:
    """A file shipped in the package's ``resources`` folder (package data).

    Read it with ``read_text``/``read_bytes``: it may sit in a wheel's
    install, a PyInstaller bundle or a checkout, and is found the same way.
    """
    from importlib.resources import files  # off the start path of the commands

    return files("opsg_desktop.resources") / name
