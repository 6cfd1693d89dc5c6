"""The keyboard help sheet (F1), built from the declared actions."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from opsg_desktop.ui.actions import ACTIONS, PANE_KEYS


def shortcuts_html() -> str:
    rows = [
        f"<tr><td><b>{escape(s.shortcut)}</b></td><td>{escape(s.text.replace('&', '').rstrip('…'))}"
        f"</td><td>{escape(s.menu.replace('&', ''))}</td></tr>"
        for s in ACTIONS
        if s.shortcut
    ]
    rows += [
        f"<tr><td><b>{escape(keys)}</b></td><td>{escape(what)}</td><td>{escape(pane)}</td></tr>"
        for pane, keys, what in PANE_KEYS
    ]
    return (
        "<h3>Keyboard shortcuts</h3><table cellpadding='4'>"
        "<tr><th align='left'>Keys</th><th align='left'>What</th><th align='left'>Where</th></tr>"
        + "".join(rows)
        + "</table>"
    )


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(560, 640)
        sheet = QTextBrowser(self)
        sheet.setAccessibleName("Keyboard shortcuts")
        sheet.setHtml(shortcuts_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(sheet)
        layout.addWidget(buttons)
