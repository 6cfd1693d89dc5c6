"""The exporters stay free of Qt."""

from __future__ import annotations

import subprocess
import sys


def test_exporters_do_not_import_qt():
    code = (
        "import sys, opsg_desktop.export.minutes, opsg_desktop.export.headlines, "
        "opsg_desktop.export.action_log; "
        "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
