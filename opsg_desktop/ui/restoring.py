"""The window's "Restore from Backup…": choose a backup, put it back, reopen.

The window closes its meeting (saving it) and its connection before the
file is replaced, then opens the restored database on the same meeting if
the backup has it, else on the newest.
"""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox

from opsg_desktop.core.errors import OpsgError
from opsg_desktop.store.backups import list_backups
from opsg_desktop.store.checks import is_sound
from opsg_desktop.store.repository import Repository
from opsg_desktop.store.restore import restore_backup
from opsg_desktop.ui import settings

_TITLE = "Restore from Backup"


def restore_from_backup(window) -> bool:
    """Ask which backup, confirm, restore it under ``window``; True when restored."""
    if window.repository.read_only:
        QMessageBox.information(window, _TITLE, "This database is open read-only here.")
        return False
    found = list_backups(window.db_path)
    if not found:
        QMessageBox.information(window, _TITLE, f"There are no backups of {window.db_path} yet.")
        return False
    sound = [is_sound(b.path) for b in found]
    labels = [b.label + ("" if ok else "  (damaged: cannot be restored)")
              for b, ok in zip(found, sound, strict=True)]  # fmt: skip
    first_good = sound.index(True) if True in sound else 0
    label, ok = QInputDialog.getItem(
        window, _TITLE, "Backup to restore:", labels, first_good, False
    )
    if not ok:
        return False
    chosen = labels.index(label)
    if not sound[chosen]:
        QMessageBox.warning(
            window, _TITLE, f"{found[chosen].label} is damaged, so it cannot be restored. "
            "Choose another backup; nothing was changed."
        )  # fmt: skip
        return False
    return _restore(window, found[chosen].path)


def _restore(window, backup_path) -> bool:
    reference = window.session.reference if window.session else None
    window.close_session()
    window.repository.close()
    try:
        kept = restore_backup(window.db_path, backup_path)
    except OpsgError as exc:
        QMessageBox.critical(window, _TITLE, str(exc))
        kept = None
    window.repository = Repository(
        window.db_path, keep_backups=settings.BACKUPS_KEPT.read(), daily_backup=False
    )
    meetings = [m.reference for m in window.repository.list_meetings()]
    if meetings:
        window.open_meeting(reference if reference in meetings else meetings[-1])
    if kept is not None:
        window.statusBar().showMessage(f"Restored; the replaced file is kept at {kept}", 15000)
    return kept is not None
