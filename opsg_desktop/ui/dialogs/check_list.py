"""The pre-flight check as a list: Enter or a double-click on a finding goes to its place."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from opsg_desktop.core.checks import Finding, blocking

_Index = QModelIndex | QPersistentModelIndex


class FindingsModel(QAbstractListModel):
    """One row per finding: ``BLOCKS · item 3, block 2 — what``; the finding as UserRole."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.findings: list[Finding] = []

    def set_findings(self, findings: list[Finding]) -> None:
        self.beginResetModel()
        self.findings = list(findings)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.findings)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.findings):
            return None
        finding = self.findings[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            label = "BLOCKS" if finding.blocks else "Warning"
            return f"{label} · {finding.place} — {finding.message}"
        if role == Qt.ItemDataRole.UserRole:
            return finding
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Blocks sending" if finding.blocks else "May be sent as it is"
        return None


class CheckDialog(QDialog):
    """Findings of the open meeting; ``jump`` asks the window to show a finding's place."""

    jump = Signal(object)  # Finding

    def __init__(self, parent: QWidget, run_check) -> None:
        super().__init__(parent)
        self.setWindowTitle("Check before sending")
        self.resize(720, 360)
        self._run_check = run_check
        self.summary = QLabel(self)
        self.model = FindingsModel(self)
        self.view = QListView(self)
        self.view.setAccessibleName("Findings")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.activated.connect(self._activated)
        self.again_button = again = QPushButton("Check &Again (F5)", self)
        again.clicked.connect(self.refresh)
        QShortcut(QKeySequence("F5"), self, self.refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)
        layout.addWidget(again)
        self.refresh()

    def refresh(self) -> None:
        """Run the check again on the meeting as it stands."""
        findings = self._run_check()
        self.model.set_findings(findings)
        if not findings:
            self.summary.setText("Nothing found: the minutes are ready to send.")
        elif blocking(findings):
            count = sum(f.blocks for f in findings)
            self.summary.setText(f"{count} finding(s) block sending; Enter goes to each place.")
        else:
            self.summary.setText("Only warnings: the minutes may be sent. Enter goes to each.")
        if findings:
            self.view.setCurrentIndex(self.model.index(0))
        self.view.setFocus()

    def _activated(self, index: QModelIndex) -> None:
        self.jump.emit(self.model.data(index, Qt.ItemDataRole.UserRole))
