"""Who holds the database: the window's lock file, read without Qt.

The window takes a ``QLockFile`` named ``<database>.lock`` beside the file
(``ui.lock``); Qt writes the holder's process id, application name and host
name on its first three lines.  The command line reads that file here to
refuse writing under an open window.  A lock whose process is gone (a crash,
a kill) is stale and ignored, as Qt itself does.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

from opsg_desktop.store.errors import DatabaseInUseError


def lock_path(db_path: Path) -> Path:
    """The lock file of the database at ``db_path``."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".lock")


def holder(db_path: Path) -> int | None:
    """The process id of a live window holding ``db_path`` on this machine, else None."""
    try:
        lines = lock_path(db_path).read_text(encoding="utf-8", errors="replace").splitlines()
        pid = int(lines[0])
    except (OSError, ValueError, IndexError):
        return None
    host = lines[2] if len(lines) > 2 else ""
    if host and host != socket.gethostname():
        return pid  # another machine's window (a shared folder): assume it is alive
    if pid == os.getpid() or not _alive(pid):
        return None
    return pid


def refuse_if_held(db_path: Path) -> None:
    """Raise DatabaseInUseError when a window holds ``db_path``; the message says what to do."""
    pid = holder(db_path)
    if pid is not None:
        raise DatabaseInUseError(
            f"{db_path} is open in the OPSG Secretary window (process {pid}), which is its only "
            "writer. Nothing was changed. Close the window first, or do this from the window "
            "(Meeting menu); commands that only read (list, dump, actions, export) still work."
        )


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":  # os.kill(pid, 0) would end the process there
        return _alive_on_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _alive_on_windows(pid: int) -> bool:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    code = ctypes.c_ulong()
    try:
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
    finally:
        kernel32.CloseHandle(handle)
    return code.value == 259  # STILL_ACTIVE
