"""What the wheel carries: every file the package reads at run time, both commands.

CI also builds the wheel, installs it (not editable) in a fresh venv and runs
``packaging/smoke_test.sh`` against it; these checks catch the same mistakes
in a second, before any build.
"""

import fnmatch
import tomllib
from pathlib import Path

from opsg_desktop.paths import resource

ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / "opsg_desktop"


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_resource_file_is_declared_package_data():
    globs = pyproject()["tool"]["setuptools"]["package-data"]["opsg_desktop.resources"]
    shipped = [
        p.name
        for p in (PACKAGE / "resources").iterdir()
        if p.is_file() and p.suffix not in (".py", ".pyc")
    ]
    assert shipped
    missing = [n for n in shipped if not any(fnmatch.fnmatch(n, g) for g in globs)]
    assert not missing, f"left out of the wheel: {missing}"


def test_no_module_reads_files_beside_the_source_tree():
    """Run-time data comes through importlib.resources, never ``__file__``'s parents."""
    offenders = [
        str(p.relative_to(ROOT))
        for p in PACKAGE.rglob("*.py")
        if "__file__" in p.read_text(encoding="utf-8")
    ]
    assert not offenders


def test_the_demo_meeting_is_read_as_package_data():
    text = resource("demo_meeting.json").read_text(encoding="utf-8")
    assert '"format": "opsg-meeting/1"' in text


def test_a_console_command_and_a_gui_command_run_the_same_main():
    project = pyproject()["project"]
    assert project["scripts"]["opsg-desktop"] == "opsg_desktop.cli:main"
    assert project["gui-scripts"]["opsg-desktop-gui"] == "opsg_desktop.cli:main"
