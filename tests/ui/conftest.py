"""UI tests keep their settings in a private folder."""

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture(autouse=True)
def _private_settings(tmp_path):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))


@pytest.fixture(autouse=True, scope="session")
def _clipboard_emptied_while_python_lives():
    """Tests put Python-made data on the clipboard; Qt would destroy it only after Python
    has gone, crashing the run's exit (see ui.notes_clipboard.hand_clipboard_to_qt)."""
    yield
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        QApplication.clipboard().clear()
