"""The agenda pane: keyboard editing, renumbering, undo, the item clock."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from opsg_desktop.core.model import Classification
from opsg_desktop.interchange import meeting_from_dict
from opsg_desktop.ui.panes.agenda import AgendaPane
from opsg_desktop.ui.session import MeetingSession

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def pane(qtbot, tmp_path, demo_doc):
    session = MeetingSession(tmp_path / "a.sqlite3", meeting_from_dict(demo_doc), [])
    widget = AgendaPane(session)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    session.close()


def title_editor(pane) -> QLineEdit:
    """The in-place editor the tree opened on the current item's title."""
    editor = pane.tree.viewport().findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    return editor


def numbers_and_titles(pane):
    return [(i.number, i.title) for i in pane.session.meeting.agenda]


def test_selecting_an_item_announces_it(qtbot, pane):
    with qtbot.waitSignal(pane.current_item_changed) as signal:
        pane.select_number("4")
    assert signal.args[0].title == "PMR Report – March 2021"
    assert pane.clock.text().startswith("Item 4 · 00:0")


def test_insert_adds_an_item_after_the_current_one_and_renumbers(qtbot, pane):
    pane.select_number("3")
    pane.tree.setFocus()
    qtbot.keyClick(pane.tree, Qt.Key.Key_Insert)
    editor = title_editor(pane)
    editor.selectAll()
    qtbot.keyClicks(editor, "Smart Metering Update")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the view commits on its next turn
    qtbot.waitUntil(lambda: pane.session.meeting.agenda[3].title == "Smart Metering Update")
    agenda = numbers_and_titles(pane)
    assert agenda[3] == ("4", "Smart Metering Update")
    assert agenda[4] == ("5", "PMR Report – March 2021") and len(agenda) == 11
    pane.session.undo_stack.undo()  # the rename
    pane.session.undo_stack.undo()  # the insertion, with its renumbering
    assert numbers_and_titles(pane)[3] == ("4", "PMR Report – March 2021")
    assert len(pane.session.meeting.agenda) == 10


def test_ctrl_insert_adds_a_sub_item(qtbot, pane):
    pane.select_number("4")
    qtbot.keyClick(pane.tree, Qt.Key.Key_Insert, CTRL)
    qtbot.keyClick(title_editor(pane), Qt.Key.Key_Escape)
    item = pane.session.meeting.agenda[3]
    assert [(s.number, s.title) for s in item.items] == [("4.1", "New item")]


def test_ctrl_arrows_move_an_item_and_undo_restores_the_order(qtbot, pane):
    before = numbers_and_titles(pane)
    pane.select_number("5")
    qtbot.keyClick(pane.tree, Qt.Key.Key_Up, CTRL)
    moved = numbers_and_titles(pane)
    assert moved[3] == ("4", "Introduction to MP122 Reporting - Business Process")
    assert moved[4] == ("5", "PMR Report – March 2021")
    assert pane.current_item().title.startswith("Introduction to MP122")
    pane.session.undo_stack.undo()
    assert numbers_and_titles(pane) == before


def test_f2_renames_in_place(qtbot, pane):
    pane.select_number("10")
    qtbot.keyClick(pane.tree, Qt.Key.Key_F2)
    editor = title_editor(pane)
    editor.selectAll()
    qtbot.keyClicks(editor, "AOB")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pane.session.meeting.agenda[9].title == "AOB")
    assert pane.session.undo_stack.undoText() == "Rename item 10"


def test_properties_set_presenter_level_and_headline_as_one_step(qtbot, pane, monkeypatch):
    from opsg_desktop.ui.dialogs import item_properties

    def fill_and_accept(dialog):
        dialog.presenter.setText("DCC")
        dialog.level.setCurrentIndex(dialog.level.findData(Classification.AMBER))
        dialog.in_headlines.setChecked(True)
        dialog.headline.setPlainText("The DCC presented its plan.")
        return item_properties.QDialog.DialogCode.Accepted

    monkeypatch.setattr(item_properties.ItemPropertiesDialog, "exec", fill_and_accept)
    pane.select_number("7")
    qtbot.keyClick(pane.tree, Qt.Key.Key_F4)
    item = pane.session.meeting.agenda[6]
    assert (item.presenter, item.classification, item.headline) == (
        "DCC", Classification.AMBER, "The DCC presented its plan.",
    )  # fmt: skip
    assert pane.model.index_of(item).siblingAtColumn(2).data() == "Amber"
    pane.session.undo_stack.undo()
    assert (item.classification, item.headline) == (None, None)


def test_step_walks_items_and_sub_items_in_reading_order(pane):
    pane.select_number("1")
    pane.step(1)
    assert pane.current_item().number == "2"
    pane.step(-5)
    assert pane.current_item().number == "1"


def test_the_agenda_model_passes_the_model_tester(qtmodeltester, pane):
    pane.select_number("4")
    qtbot_free_add = pane.session.meeting.agenda[3]
    from opsg_desktop.ui import agenda_commands

    agenda_commands.add_item(pane.session, qtbot_free_add.items, 0, "Sub")
    qtmodeltester.check(pane.model)
