"""A window on a database it must not write: a visible bar, and panes that do not edit."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QTextEdit,
    QToolBar,
    QWidget,
)


def read_only_bar(parent: QWidget, db_path: Path, cause: str | None = None) -> QToolBar:
    """The bar across the top that says the database is open read-only, and why.

    ``cause`` names the reason when the opener knows it ("the disk … is full");
    without it the bar gives the usual two.
    """
    bar = QToolBar("Read-only", parent)
    bar.setObjectName("read_only_bar")
    bar.setMovable(False)
    why = cause or "it is open in another window or cannot be written here"
    label = QLabel(
        f"  Read-only: {db_path}: {why}. You can read and export; nothing you change is saved.",
        bar,
    )
    label.setObjectName("read_only_message")
    label.setAccessibleName("Read-only notice")
    label.setToolTip(label.text().strip())
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)  # one line
    bar.setStyleSheet("QToolBar { background: palette(tool-tip-base); }")
    bar.addWidget(label)
    return bar


def make_read_only(panes: Iterable[QWidget]) -> None:
    """Stop every text box and table of ``panes`` from editing (filters still work)."""
    for pane in panes:
        for view in pane.findChildren(QAbstractItemView):
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for editor in pane.findChildren(QTextEdit) + pane.findChildren(QPlainTextEdit):
            editor.setReadOnly(True)
        for line in pane.findChildren(QLineEdit):
            if "filter" not in line.accessibleName().casefold():
                line.setReadOnly(True)
