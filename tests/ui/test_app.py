"""The window that opens when no command is given."""

from opsg_desktop.demo import fill_with_demo
from opsg_desktop.ui.app import MainWindow, create_application
from opsg_desktop.ui.meetings_model import MeetingsModel


def test_the_window_lists_the_meetings(qtbot, repository):
    create_application()
    fill_with_demo(repository)
    window = MainWindow(repository)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    index = window.model.index(0, 0)
    assert window.model.rowCount() == 1
    assert window.model.data(index) == "OPSG_49_2405"
    assert window.model.data(window.model.index(0, 1)) == "24 May 2021"
    assert window.table.accessibleName() == "Meetings"
    assert "1 meeting in" in window.statusBar().currentMessage()


def test_the_window_remembers_its_geometry(qtbot, repository, tmp_path):
    create_application()
    first = MainWindow(repository)
    qtbot.addWidget(first)
    first.resize(720, 530)
    first.show()
    first.close()
    second = MainWindow(repository)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (720, 530)


def test_meetings_model_is_a_well_behaved_model(qtmodeltester, repository):
    fill_with_demo(repository)
    model = MeetingsModel(repository.list_meetings())
    qtmodeltester.check(model)
