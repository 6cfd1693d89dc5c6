"""Writing export files safely: whole or not at all, with errors a user can act on.

An exporter hands :func:`write_atomically` a function that writes a temporary
file in the target's folder; only when that succeeds is the temporary file
moved onto the target with ``os.replace``, so a failed export never leaves a
half-written document (nor destroys the previous one).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from opsg_desktop.core.errors import OpsgError


@dataclass
class ExportReport:
    """What an export wrote and what it left out because of its classification."""

    path: Path
    withheld: list[str] = field(default_factory=list)


def write_atomically(path: str | os.PathLike[str], write: Callable[[Path], None]) -> Path:
    """Call ``write(temporary_path)`` then move the result onto ``path``.

    Raises :class:`OpsgError` with a message naming the file and what to do
    when the folder cannot be written or the target is locked (open in Word
    or Excel on Windows).  No temporary file is left behind either way.
    """
    target = Path(path)
    folder = target.parent
    refuse_protected(target)
    if target.is_dir():
        raise OpsgError(f"Cannot save to {target}: it is a folder. Choose a file name.")
    if not folder.is_dir():
        raise OpsgError(
            f"Cannot save {target}: the folder {folder} does not exist. Choose another folder."
        )
    temporary = _temporary_file(target)
    try:
        write(temporary)
        _copy_mode(target, temporary)
        os.replace(temporary, target)
    except PermissionError as exc:
        _discard(temporary)
        raise OpsgError(
            f"Cannot save {target}: the file is open in another program or read-only. "
            "Close it in Word (or Excel) and try again, or choose another file name."
        ) from exc
    except OSError as exc:
        _discard(temporary)
        reason = exc.strerror or str(exc)
        raise OpsgError(f"Cannot save {target}: {reason}. Choose another folder.") from exc
    except BaseException:
        _discard(temporary)
        raise
    return target


_DATABASE_COMPANIONS = ("-wal", "-shm", "-journal", ".lock")


def refuse_protected(target: Path) -> None:
    """Refuse a target that must never be replaced by an export; OpsgError says why.

    That is any SQLite database (the secretary's own included) or one of its
    ``-wal``/``-shm``/``-journal``/``.lock`` companions, a backup (``*.bak``,
    anything in a ``*.backups`` folder), and a file marked read-only.
    """
    name = target.name
    why = None
    if name.endswith(_DATABASE_COMPANIONS):
        why = "it belongs to a database (its journal or lock)"
    elif name.endswith(".bak") or target.parent.name.endswith(".backups"):
        why = "it is a backup"
    elif target.is_file() and _is_sqlite(target):
        why = "it is a database: every meeting would be lost"
    elif target.is_file() and _marked_read_only(target):
        why = "it is marked read-only"
    if why:
        raise OpsgError(
            f"Cannot save to {target}: {why}. Nothing was changed; choose another file name."
        )


def _is_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _marked_read_only(path: Path) -> bool:
    return not path.stat().st_mode & 0o222 or not os.access(path, os.W_OK)


def _temporary_file(target: Path) -> Path:
    """A new empty file next to ``target``; OpsgError when the folder is not writable."""
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise OpsgError(
            f"Cannot save {target}: the folder {target.parent} cannot be written to "
            f"({reason}). Choose another folder."
        ) from exc
    os.close(handle)
    return Path(name)


def _copy_mode(target: Path, temporary: Path) -> None:
    """Give the new file the old one's permissions, or ordinary ones (mkstemp uses 0600)."""
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = 0o644
    with contextlib.suppress(OSError):
        os.chmod(temporary, mode)


def _discard(temporary: Path) -> None:
    with contextlib.suppress(OSError):
        temporary.unlink()
