"""Starting the application: which meeting opens, the remembered layout."""

from opsg_desktop.demo import fill_with_demo
from opsg_desktop.ui import settings
from opsg_desktop.ui.app import first_meeting
from opsg_desktop.ui.main_window import MainWindow
from opsg_desktop.ui.meetings_model import MeetingsModel


def test_the_last_meeting_worked_on_opens_else_the_newest(qapp, repository):
    import datetime as dt

    assert first_meeting(repository) is None
    fill_with_demo(repository)
    repository.create_next("OPSG_49_2405", dt.date(2021, 6, 1))
    assert first_meeting(repository) == "OPSG_50_0106"
    settings.LAST_MEETING.write("OPSG_49_2405")
    assert first_meeting(repository) == "OPSG_49_2405"
    settings.LAST_MEETING.write("OPSG_1_0101")
    assert first_meeting(repository) == "OPSG_50_0106"


def test_the_window_remembers_its_size_and_dock_layout(qtbot, repository):
    fill_with_demo(repository)
    first = MainWindow(repository)
    qtbot.addWidget(first)
    first.open_meeting("OPSG_49_2405")
    first.show()
    first.docks["attendees"].hide()
    geometry = first.saveGeometry()
    first.close()
    assert settings.WINDOW_GEOMETRY.read() == geometry
    second = MainWindow(repository)
    qtbot.addWidget(second)
    assert second.docks["attendees"].isHidden()
    assert not second.docks["agenda"].isHidden()


def test_every_widget_holding_meeting_data_has_an_accessible_name(qtbot, repository):
    from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit, QTextEdit

    fill_with_demo(repository)
    window = MainWindow(repository)
    qtbot.addWidget(window)
    window.open_meeting("OPSG_49_2405")
    unnamed = [
        type(w).__name__
        for kind in (QAbstractItemView, QTextEdit, QLineEdit, QComboBox)
        for w in window.findChildren(kind)
        if not w.accessibleName()
        and w.window() is window  # completion popups are windows of their own
        and not isinstance(w.parent(), QComboBox | QAbstractItemView)
    ]
    assert unnamed == []
    window.close()


def test_meetings_model_is_a_well_behaved_model(qtmodeltester, repository):
    fill_with_demo(repository)
    qtmodeltester.check(MeetingsModel(repository.list_meetings()))


def test_the_agenda_model_is_a_well_behaved_model(qtmodeltester, demo_doc, tmp_path):
    from opsg_desktop.interchange import meeting_from_dict
    from opsg_desktop.ui.models.agenda_model import AgendaModel

    qtmodeltester.check(AgendaModel(meeting_from_dict(demo_doc)))
