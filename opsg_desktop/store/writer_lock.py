"""Who holds the database: the window's lock file, read without Qt.

The window takes a ``QLockFile`` named ``<database>.lock`` beside the file
(``ui.lock``); Qt writes the holder's process id, application name and host
name on its first three lines.  The command line reads that file here to
refuse writing under an open window.  A lock is stale and ignored, as Qt
itself does, when its process is gone (a crash, a kill), when its process id
now belongs to another program, or when it was written before the machine
last started (Qt's fifth line, the boot id, where the system has one).
"""

from __future__ import annotations

import os
import socket
from pathlib import Path


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
    if len(lines) > 4 and _boot_id() not in (None, lines[4]):
        return None  # written before the machine last started: whoever has that pid now
    name = _process_name(pid)
    if name is not None and len(lines) > 1 and lines[1] and name != Path(lines[1]).name:
        return None  # the pid was given to another program since (QLockFile's own rule)
    return pid


def _process_name(pid: int) -> str | None:
    """The file name of the program running as ``pid`` (Linux's /proc), else None."""
    try:
        return Path(os.readlink(f"/proc/{pid}/exe")).name
    except OSError:
        return None


def _boot_id() -> str | None:
    """This boot's id as Qt writes it on a lock file's fifth line (Linux), else None."""
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        return None


def held_message(db_path: Path) -> str | None:
    """Why a command may not write ``db_path`` now (a window holds it), with what to do;
    None when no window holds it."""
    pid = holder(db_path)
    if pid is None:
        return None
    lock = lock_path(db_path)
    host = _host(lock)
    if host and host != socket.gethostname():
        return (
            f"{db_path} is open in an OPSG Secretary window on the computer {host!r} "
            f"(process {pid}), which is its only writer. Nothing was changed. Close that "
            f"window first. If no window is open there (that computer crashed, or it is this "
            f"one under its former name), delete the lock file {lock} and try again."
        )
    return (
        f"{db_path} is open in the OPSG Secretary window (process {pid}), which is its only "
        "writer. Nothing was changed. Close the window first, or do this from the window "
        "(Meeting menu); commands that only read (list, dump, actions, export) still work."
    )


def _host(lock: Path) -> str:
    try:
        lines = lock.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    return lines[2] if len(lines) > 2 else ""


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


def process_alive(pid: int) -> bool:
    """Whether a process with id ``pid`` runs on this machine now (any program)."""
    return _alive(pid)
