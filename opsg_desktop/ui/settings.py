"""Every setting the window keeps, declared once with its key and default."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    kind: type

    def read(self, suffix: str = "") -> Any:
        value = QSettings().value(self.key + suffix, self.default)
        if value is None or self.kind is QByteArray:
            return value
        try:
            return self.kind(value) if not isinstance(value, self.kind) else value
        except (TypeError, ValueError):
            return self.default

    def write(self, value: Any, suffix: str = "") -> None:
        QSettings().setValue(self.key + suffix, value)


WINDOW_GEOMETRY = Setting("window/geometry", None, QByteArray)
WINDOW_STATE = Setting("window/state", None, QByteArray)
LAST_MEETING = Setting("session/last_meeting", "", str)
#: Per meeting: append "/<reference>".
LAST_ITEM = Setting("session/item", "", str)
LAST_CURSOR = Setting("session/cursor", 0, int)
EXPORT_FOLDER = Setting("export/folder", "", str)
OPEN_AFTER_EXPORT = Setting("export/open_after", True, bool)
#: How many rotating backups of the database are kept (``store.backups``).
BACKUPS_KEPT = Setting("backups/kept", 10, int)


def as_bool(value: Any) -> bool:
    """QSettings' INI files give booleans back as text."""
    return value in (True, "true", "1", 1)
