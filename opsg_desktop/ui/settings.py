"""Every setting the window keeps, declared once with its key and default."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings


@dataclass(frozen=True)
class Setting:
    """One stored preference: its key, its default and the type it is read back as."""

    key: str
    default: Any
    kind: type

    def read(self, suffix: str = "") -> Any:
        """The stored value as ``kind`` (QSettings' INI files keep everything as text:
        ``"false"`` reads back as False, not as a non-empty string); the default when
        nothing usable is stored."""
        value = QSettings().value(self.key + suffix, self.default)
        if value is None or self.kind is QByteArray:
            return value
        if self.kind is bool:
            return _as_bool(value, self.default)
        try:
            return self.kind(value) if not isinstance(value, self.kind) else value
        except (TypeError, ValueError):
            return self.default

    def write(self, value: Any, suffix: str = "") -> None:
        QSettings().setValue(self.key + suffix, value)


def write_together(*entries: tuple[Setting, Any, str]) -> None:
    """Write (setting, value, suffix) entries through one QSettings: the file is written
    once, not once per value (each QSettings syncs its file when it goes; 1-4 ms each)."""
    stored = QSettings()
    for setting, value, suffix in entries:
        stored.setValue(setting.key + suffix, value)


WINDOW_GEOMETRY = Setting("window/geometry", None, QByteArray)
WINDOW_STATE = Setting("window/state", None, QByteArray)
LAST_MEETING = Setting("session/last_meeting", "", str)
#: Per meeting: append "/<reference>".
LAST_ITEM = Setting("session/item", "", str)
#: -1: none kept, the caret goes to the end of the item's notes.
LAST_CURSOR = Setting("session/cursor", -1, int)
EXPORT_FOLDER = Setting("export/folder", "", str)
OPEN_AFTER_EXPORT = Setting("export/open_after", True, bool)
#: How many rotating backups of the database are kept (``store.backups``).
BACKUPS_KEPT = Setting("backups/kept", 10, int)


def _as_bool(value: Any, default: bool) -> bool:
    """A boolean as QSettings gives it back: a bool, or text such as "true" / "false"."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold()
    if text in ("true", "1", "yes", "on"):
        return True
    if text in ("false", "0", "no", "off", ""):
        return False
    return default
