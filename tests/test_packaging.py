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


def test_the_desktop_entry_starts_the_gui_command_with_the_icon_of_its_id():
    import configparser

    from opsg_desktop.paths import APP_ID

    linux = ROOT / "packaging" / "linux"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(linux / f"{APP_ID}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Terminal"] == "false"
    assert desktop["Exec"].split()[0] in pyproject()["project"]["gui-scripts"]
    assert desktop["Icon"] == APP_ID
    icon = (linux / f"{APP_ID}.png").read_bytes()
    assert icon[:8] == b"\x89PNG\r\n\x1a\n" and icon == resource("icon.png").read_bytes()
    assert APP_ID.count(".") >= 2 and "-" not in APP_ID


def test_the_windows_and_macos_icons_hold_every_size():
    import struct

    ico = (ROOT / "packaging" / "icons" / "opsg-desktop.ico").read_bytes()
    _, kind, count = struct.unpack("<HHH", ico[:6])
    sides = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert kind == 1 and {16, 32, 48, 256} <= sides
    icns = (ROOT / "packaging" / "icons" / "opsg-desktop.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert b"ic08" in icns and b"ic09" in icns  # 256 and 512 px


def test_the_readme_installs_the_system_packages_ci_installs():
    import re
    import shlex

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    installs = [
        set(shlex.split(line.split("install", 1)[1])) - {"-y", "--no-install-recommends"}
        for line in readme.splitlines()
        if line.startswith("$(command -v sudo) apt-get install")
    ]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    arrays = re.findall(r"^packages\+?=\(([^)]*)\)", ci, flags=re.MULTILINE)
    runtime, test_only = (set(shlex.split(a)) for a in arrays)
    assert installs == [runtime, test_only]
    assert "sudo apt-get" not in readme.replace("$(command -v sudo) apt-get", "")
