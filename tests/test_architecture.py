"""The walls of the house: only the UI knows Qt; only export knows python-docx."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "opsg_desktop"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def modules_under(*parts: str) -> list[Path]:
    files = []
    for part in parts:
        target = PACKAGE / part
        files.extend(
            sorted(target.rglob("*.py")) if target.is_dir() else [target.with_suffix(".py")]
        )
    return [f for f in files if f.exists()]


@pytest.mark.parametrize("path", modules_under("core", "store", "export", "interchange"), ids=str)
def test_below_the_ui_nothing_imports_qt_or_the_ui(path):
    bad = {m for m in imported_modules(path) if m.startswith(("PySide6", "opsg_desktop.ui"))}
    assert not bad, f"{path} imports {bad}"


@pytest.mark.parametrize("path", modules_under("core"), ids=str)
def test_core_imports_nothing_else_of_the_project(path):
    bad = {
        m
        for m in imported_modules(path)
        if m.startswith("opsg_desktop") and not m.startswith("opsg_desktop.core")
    }
    assert not bad | {m for m in imported_modules(path) if m.startswith(("sqlite", "docx"))}


def test_python_docx_is_imported_only_by_the_exporters():
    users = {
        p.relative_to(PACKAGE).parts[0]
        for p in PACKAGE.rglob("*.py")
        if any(m == "docx" or m.startswith("docx.") for m in imported_modules(p))
    }
    assert users <= {"export"}


def test_the_command_line_starts_without_qt_or_docx():
    import subprocess
    import sys

    code = (
        "import sys; from opsg_desktop.cli import build_parser; build_parser();"
        "import opsg_desktop.cli_commands;"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'docx'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
