"""Opening the database for the window: one writer, damaged files, read-only files.

``open_for_window`` takes the writer lock, opens the repository and, when
something is wrong, asks the secretary what to do instead of failing: a
second window may open the file read-only; a damaged file may be replaced
by its newest good backup.  Each refusal is a message, never a traceback.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from opsg_desktop.core.errors import OpsgError
from opsg_desktop.store.errors import DatabaseDamagedError
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui import settings
from opsg_desktop.ui.lock import Locking, WriterLock

_TITLE = "OPSG Secretary"
_Button = QMessageBox.StandardButton


def ask_read_only(parent: QWidget | None, db_path: Path, holder: str) -> bool:
    """The database is open in another window: True to open it read-only here."""
    box = QMessageBox(QMessageBox.Icon.Warning, _TITLE, "", parent=parent)
    box.setText(f"{db_path} is already open in another OPSG Secretary window ({holder}).")
    box.setInformativeText(
        "Only one window may write to a database, or the two would overwrite each other's "
        "typing. Switch to the other window, or open this one read-only to look things up."
    )
    read_only = box.addButton("Open Read-Only", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_Button.Cancel)
    box.exec()
    return box.clickedButton() is read_only


def ask_about_other_computer(
    parent: QWidget | None, db_path: Path, host: str, lock_file: Path
) -> str:
    """The lock names another computer: "read-only", "take over" or "cancel".

    Nobody here can tell whether that window is alive (a shared folder), or
    whether that computer is this one under a former name (a laptop renamed
    after a crash): the secretary decides, and is told what each choice risks.
    """
    box = QMessageBox(QMessageBox.Icon.Warning, _TITLE, "", parent=parent)
    box.setText(f"{db_path} is open in an OPSG Secretary window on the computer {host!r}.")
    box.setInformativeText(
        "Only one window may write to a database. If no window is open on that computer "
        "(it crashed, or it is this computer under its former name), take the database over: "
        f"the lock file {lock_file} is removed. If a window is open there, taking over would "
        "let the two overwrite each other's typing: open read-only instead."
    )
    read_only = box.addButton("Open Read-Only", QMessageBox.ButtonRole.AcceptRole)
    take_over = box.addButton("Take Over", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(_Button.Cancel)
    box.setDefaultButton(read_only)
    box.exec()
    clicked = box.clickedButton()
    return (
        "read-only" if clicked is read_only else "take over" if clicked is take_over else "cancel"
    )


def offer_backup(parent: QWidget | None, error: DatabaseDamagedError, db_path: Path) -> bool:
    """The database is damaged: restore its newest good backup if the secretary agrees."""
    from opsg_desktop.store.backups import newest_good
    from opsg_desktop.store.restore import restore_backup

    backup = newest_good(db_path)
    if backup is None:
        QMessageBox.critical(parent, _TITLE, f"{error}\n\nThere is no good backup of it.")
        return False
    answer = QMessageBox.question(
        parent,
        _TITLE,
        f"{error}\n\nRestore the newest good backup, made {backup.label}? A copy of the "
        "damaged file is kept beside it, so nothing is thrown away.",
    )
    if answer != _Button.Yes:
        return False
    try:
        restore_backup(db_path, backup.path)
    except OpsgError as exc:
        QMessageBox.critical(parent, _TITLE, str(exc))
        return False
    return True


def backup_in_background(db_path: Path, keep: int) -> threading.Thread:
    """The daily backup, off the window's start path (its own connection; never raises)."""
    from opsg_desktop.store.backups import backup_if_stale

    thread = threading.Thread(
        target=backup_if_stale, args=(db_path, db_path), kwargs={"keep": keep}, daemon=True
    )
    thread.start()
    return thread


def open_for_window(
    db_path: Path, parent: QWidget | None = None
) -> tuple[Repository, WriterLock | None] | None:
    """The repository the window works on and the lock it holds; None when it cannot open.

    With another live window on the file the secretary chooses read-only or
    nothing; where no lock file can be written (a full disk, a read-only
    folder) the file opens read-only, its ``read_only_cause`` saying why (the
    window's read-only bar shows it); a damaged file is said so.
    """
    lock = WriterLock(db_path)
    cause = None
    locking = lock.acquire()
    host = lock.holder_host() if locking is Locking.ELSEWHERE else None
    if host is not None:
        choice = ask_about_other_computer(parent, db_path, host, lock.path)
        if choice == "cancel":
            return None
        if choice == "take over":
            locking = lock.take_over()
        else:
            cause = f"it is open in an OPSG Secretary window on the computer {host!r}"
    elif locking is Locking.ELSEWHERE:
        holder = lock.holder()
        if not ask_read_only(parent, db_path, holder):
            return None
        cause = f"it is open in another OPSG Secretary window ({holder})"
    if locking is Locking.ELSEWHERE and cause is None:  # taken by a window meanwhile
        cause = f"it is open in another OPSG Secretary window ({lock.holder()})"
    elif locking is Locking.UNWRITABLE:
        cause = f"{lock.cause}, so this window cannot make itself its only writer"
    repository = _open_repository(db_path, parent, read_only=cause is not None)
    if repository is None or cause is not None:
        lock.release()  # a no-op unless this window took it
    if repository is None:
        return None
    repository.read_only_cause = cause
    return repository, (lock if cause is None else None)


def _open_repository(
    db_path: Path, parent: QWidget | None, *, read_only: bool
) -> Repository | None:
    """Open the file (a damaged one replaced by its backup if the secretary agrees)."""
    keep = settings.BACKUPS_KEPT.read()
    for attempt in range(2):
        try:
            repository = Repository(
                db_path, read_only=read_only, keep_backups=keep, daily_backup=False
            )
            if not repository.read_only:
                backup_in_background(db_path, keep)
            return repository
        except DatabaseDamagedError as exc:
            if attempt or read_only or not offer_backup(parent, exc, db_path):
                break
        except OpsgError as exc:
            QMessageBox.critical(parent, _TITLE, str(exc))
            break
    return None
