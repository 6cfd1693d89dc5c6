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


@pytest.fixture
def demo_window(qtbot, db_path):
    """The window on the demo meeting, shown, its exports not opened afterwards."""
    from opsg_desktop.demo import fill_with_demo
    from opsg_desktop.store.repository import Repository
    from opsg_desktop.ui.main_window import MainWindow

    repository = Repository(db_path)
    fill_with_demo(repository)
    window = MainWindow(repository, db_path)
    qtbot.addWidget(window)
    window.open_meeting("OPSG_49_2405")
    window.actions_by_id["open_after_export"].setChecked(False)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    repository.close()
