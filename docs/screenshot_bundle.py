"""Photograph the window of the PyInstaller bundle, started as a user starts it.

Build the bundle (packaging/README.md), then on a (virtual) screen of the size the
window opens at:

    Xvfb :99 -screen 0 1280x760x24 &
    DISPLAY=:99 .venv/bin/python docs/screenshot_bundle.py dist/opsg-desktop/opsg-desktop-gui

It makes a scratch database with the demo meeting (through the bundle's own
``--demo``), remembers item 4 as the place last worked at, starts the bundled
program on it, waits for its first paint and a moment more, and saves the
screen as docs/screenshot-bundle.png.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication

DOCS = Path(__file__).resolve().parent


def remember_item_4(config: Path) -> None:
    """The settings the window reads at start: where the secretary was."""
    QGuiApplication.setOrganizationName("OPSG Secretary")
    QGuiApplication.setApplicationName("opsg-desktop")
    settings = QSettings(str(config / "OPSG Secretary" / "opsg-desktop.conf"),
                         QSettings.Format.IniFormat)  # fmt: skip
    settings.setValue("session/last_meeting", "OPSG_49_2405")
    settings.setValue("session/item/OPSG_49_2405", "4")
    settings.sync()


def main() -> int:
    program = Path(sys.argv[1]).resolve()
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    app = QGuiApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        db = folder / "shots.sqlite3"
        env = {**os.environ, "XDG_CONFIG_HOME": str(folder / "config"),
               "XDG_STATE_HOME": str(folder / "state")}  # fmt: skip
        subprocess.run([str(program), "--db", str(db), "--demo", "list"], env=env, check=True)
        remember_item_4(folder / "config")
        started = subprocess.Popen(
            [str(program), "--db", str(db)], env={**env, "OPSG_QUIT_AFTER_MS": "3000"},
            stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert started.stderr is not None
        for line in started.stderr:
            if re.search(r"first paint", line):
                break
        time.sleep(1.5)  # the panes built after the first paint, the icon, the caret
        app.primaryScreen().grabWindow(0).save(str(DOCS / "screenshot-bundle.png"))
        started.wait(30)
        return started.returncode


if __name__ == "__main__":
    sys.exit(main())
