"""Settings read back as the type they were declared with."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from opsg_desktop.ui import settings


@pytest.mark.parametrize("value", [False, True])
def test_a_boolean_comes_back_as_the_boolean_written(value):
    settings.OPEN_AFTER_EXPORT.write(value)
    QSettings().sync()
    assert settings.OPEN_AFTER_EXPORT.read() is value


@pytest.mark.parametrize(
    ("stored", "read"), [("false", False), ("true", True), ("0", False), ("1", True), ("?", True)]
)
def test_a_boolean_stored_as_text_reads_back_as_meant(stored, read):
    QSettings().setValue(settings.OPEN_AFTER_EXPORT.key, stored)
    QSettings().sync()
    assert settings.OPEN_AFTER_EXPORT.read() is read  # "?" gives the default


def test_a_number_that_is_not_one_gives_the_default():
    QSettings().setValue(settings.LAST_CURSOR.key, "lots")
    assert settings.LAST_CURSOR.read() == settings.LAST_CURSOR.default == -1  # -1: at the end


def test_the_export_choice_survives_a_restart_of_the_window(qtbot, repository):
    from opsg_desktop.ui.main_window import MainWindow

    first = MainWindow(repository)
    qtbot.addWidget(first)
    first.actions_by_id["open_after_export"].setChecked(False)
    first.close()
    QSettings().sync()
    second = MainWindow(repository)
    qtbot.addWidget(second)
    assert not second.actions_by_id["open_after_export"].isChecked()
    second.close()
