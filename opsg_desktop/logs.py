"""The log: errors and what led to them, in a rotating file in the user's log folder.

``~/.local/state/opsg-desktop/log/`` on Linux, ``~/Library/Logs/opsg-desktop/``
on macOS, ``%LOCALAPPDATA%\\opsg-desktop\\Logs\\`` on Windows (platformdirs).
The file is opened on the first record, so a start that logs nothing writes
nothing; it rolls over at 1 MB and keeps three old files.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from opsg_desktop.paths import APP_NAME

if TYPE_CHECKING:
    import logging

LOG_FILE_NAME = "opsg-desktop.log"
LOGGER_NAME = "opsg_desktop"
MAX_BYTES = 1_000_000
BACKUPS = 3


def logger() -> logging.Logger:
    """The application's logger, its file started (logging loads here, off the start path)."""
    import logging

    start_logging()
    return logging.getLogger(LOGGER_NAME)


def log_folder() -> Path:
    """The user's log folder for this application (it may not exist yet)."""
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, appauthor=False)


def log_file() -> Path:
    return log_folder() / LOG_FILE_NAME


def start_logging() -> Path | None:
    """Send the application's records (INFO and above) to the log file; return its path.

    Calling it again with another log folder (a test, a changed environment)
    moves the file. Returns None, and logs nowhere, when the folder cannot be
    made: a log must never stop the application from starting.
    """
    import logging
    from logging.handlers import RotatingFileHandler

    log = logging.getLogger(LOGGER_NAME)
    path = log_file()
    for handler in list(log.handlers):
        if isinstance(handler, RotatingFileHandler):
            if Path(handler.baseFilename) == path:
                return path
            log.removeHandler(handler)
            handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    handler = RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def where_logged() -> str:
    """Words naming the log file, for a message shown to the user."""
    path = start_logging()
    return str(path) if path else "no log file (the log folder could not be made)"
