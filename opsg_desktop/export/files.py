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
