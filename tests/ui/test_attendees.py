"""The Attendees pane: marking, adding, editing and removing people by keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QTreeView, QWidget

from opsg_desktop.core.model import AttendanceMark, Person
from opsg_desktop.interchange import meeting_from_dict
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui.models.roster_model import (
    RosterModel,
    items_text,
    notes_text,
    parse_items,
    summary_text,
)
from opsg_desktop.ui.panes.attendee_widgets import PersonDialog
from opsg_desktop.ui.panes.attendees import AttendeesPane
from opsg_desktop.ui.session import MeetingSession

# The offscreen platform says these whenever a completion popup shows.
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|grabbing the keyboard)"
)

KNOWN = [
    Person("Jordan Blake", organisation="Elexon", email="jordan.blake@example.org"),
    Person("Sam Patel", category="Large Suppliers"),
    Person("Robin Hale", category="Network Parties", role="Former chair"),
]


@pytest.fixture
def session(tmp_path, example_doc):
    session = MeetingSession(tmp_path / "s.sqlite3", meeting_from_dict(example_doc), [])
    yield session
    session.close()


@pytest.fixture
def pane(qtbot, session):
    pane = AttendeesPane(session, KNOWN)
    qtbot.addWidget(pane)
    pane.resize(380, 600)
    pane.show()
    qtbot.waitExposed(pane)
    pane.activateWindow()
    qtbot.waitUntil(pane.isActiveWindow)
    return pane


def person(session: MeetingSession, name: str) -> Person:
    return next(p for p in session.meeting.people if p.name == name)


def titles(model: RosterModel) -> list[str]:
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def names_under(model: RosterModel, row: int) -> list[str]:
    group = model.index(row, 0)
    return [model.index(r, 0, group).data() for r in range(model.rowCount(group))]


def select(pane: AttendeesPane, name: str) -> None:
    pane.focus_main()
    pane.select(person(pane._session, name))
    assert pane.view.hasFocus()


def open_dialog(qtbot, pane: AttendeesPane) -> PersonDialog:
    qtbot.waitUntil(lambda: pane.findChild(PersonDialog) is not None)
    dialog = pane.findChild(PersonDialog)
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


# -- the model ---------------------------------------------------------------


def test_the_roster_model_is_well_behaved(qtmodeltester, session):
    model = RosterModel(lambda: session.meeting)
    qtmodeltester.check(model)
    session.meeting.people[0].attendance = AttendanceMark.ABSENT
    assert not model.refresh()  # same rows: data changed only
    session.meeting.people.append(Person("Nobody Else"))
    assert model.refresh()  # a new group: reset
    qtmodeltester.check(model)


def test_people_are_grouped_by_category_then_organisation_then_other(session):
    session.meeting.people.insert(0, Person("Free Agent"))
    model = RosterModel(lambda: session.meeting)
    assert titles(model) == [
        "Operations Group Chair (1/1)",
        "Large Suppliers (1/1)",
        "Small Suppliers (0/1)",
        "DCC (2/2)",
        "SECAS (1/1)",
        "Other (1/1)",
    ]
    assert names_under(model, 3) == ["Kim Lee", "Ola Ade"]
    assert names_under(model, 5) == ["Free Agent"]


def test_columns_show_attendance_and_notes(session):
    model = RosterModel(lambda: session.meeting)
    row = {
        name: model.index_of(person(session, name))
        for name in ("Sam Patel", "Ola Ade", "Lee Grant", "Kim Lee")
    }
    assert row["Sam Patel"].siblingAtColumn(2).data() == "alternate for Jo Reid"
    assert row["Ola Ade"].siblingAtColumn(2).data() == "items 6 & 7"
    assert row["Kim Lee"].siblingAtColumn(2).data() == "DCC's nominated lead"
    assert row["Lee Grant"].siblingAtColumn(1).data() == "Apologies"
    assert row["Lee Grant"].data(Qt.ItemDataRole.FontRole).italic()
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Role / notes"


def test_small_helpers():
    assert parse_items("6, 7") == ["6", "7"]
    assert parse_items(" 6 & 7 and 8.1 ") == ["6", "7", "8.1"]
    assert parse_items("") == []
    assert items_text(["5"]) == "item 5"
    assert items_text(["6", "7", "8"]) == "items 6, 7 & 8"
    both = Person("A B", category="Large Suppliers", organisation="Big Energy", role="Deputy")
    assert notes_text(both) == "Big Energy; Deputy"
    people = [Person("a"), Person("b", attendance=AttendanceMark.ABSENT)]
    assert summary_text(people) == "1 present · 0 apologies · 1 absent"


# -- the pane ------------------------------------------------------------------


def test_the_widgets_have_accessible_names(pane):
    widgets = {w.accessibleName(): w for w in pane.findChildren(QWidget)}
    assert isinstance(widgets["Add attendee"], QLineEdit)
    assert isinstance(widgets["Attendance summary"], QLabel)
    assert isinstance(widgets["Attendees"], QTreeView)
    assert pane.summary.text() == "5 present · 1 apologies · 0 absent"


def test_focus_main_puts_the_keyboard_on_the_roster(pane):
    pane.add_edit.setFocus()
    pane.focus_main()
    assert pane.view.hasFocus()
    assert pane.current_person() is pane._session.meeting.people[0]


@pytest.mark.parametrize(
    ("key", "mark", "label", "summary"),
    [
        (Qt.Key.Key_A, AttendanceMark.APOLOGIES, "with apologies", "4 present · 2 apologies · 0"),
        (Qt.Key.Key_X, AttendanceMark.ABSENT, "absent", "4 present · 1 apologies · 1"),
        (Qt.Key.Key_Space, AttendanceMark.APOLOGIES, "with apologies", "4 present · 2 apologies"),
    ],
)
def test_a_key_marks_the_person_and_undo_takes_it_back(
    qtbot, pane, session, key, mark, label, summary
):
    select(pane, "Sam Patel")
    qtbot.keyClick(pane.view, key)
    sam = person(session, "Sam Patel")
    assert sam.attendance == mark
    assert session.undo_stack.undoText() == f"Mark Sam Patel {label}"
    assert titles(pane.model)[1] == "Large Suppliers (0/1)"
    assert pane.summary.text().startswith(summary)
    session.undo_stack.undo()
    assert sam.attendance == AttendanceMark.PRESENT
    assert titles(pane.model)[1] == "Large Suppliers (1/1)"
    assert pane.current_person() is sam


def test_p_marks_present_and_space_cycles(qtbot, pane, session):
    select(pane, "Lee Grant")
    lee = person(session, "Lee Grant")
    qtbot.keyClick(pane.view, Qt.Key.Key_P)
    assert lee.attendance == AttendanceMark.PRESENT
    assert session.undo_stack.undoText() == "Mark Lee Grant present"
    marks = []
    for _ in range(3):
        qtbot.keyClick(pane.view, Qt.Key.Key_Space)
        marks.append(lee.attendance)
    assert marks == [AttendanceMark.APOLOGIES, AttendanceMark.ABSENT, AttendanceMark.PRESENT]
    assert session.undo_stack.count() == 4
    qtbot.keyClick(pane.view, Qt.Key.Key_Down)
    assert pane.view.currentIndex().data() == "DCC (2/2)"  # the next group's heading
    qtbot.keyClick(pane.view, Qt.Key.Key_Down)
    assert pane.current_person() is person(session, "Kim Lee")


def test_adding_a_known_person_by_completion_copies_their_details(qtbot, pane, session):
    pane.add_edit.setFocus()
    qtbot.keyClicks(pane.add_edit, "blak")
    popup = pane.add_edit.completions.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    jordan = person(session, "Jordan Blake")
    assert (jordan.organisation, jordan.email) == ("Elexon", "jordan.blake@example.org")
    assert jordan.attendance == AttendanceMark.PRESENT
    assert pane.add_edit.text() == ""
    assert "Elexon (1/1)" in titles(pane.model)
    assert pane.current_person() is jordan
    assert session.undo_stack.undoText() == "Add Jordan Blake"
    session.undo_stack.undo()
    assert "Jordan Blake" not in [p.name for p in session.meeting.people]
    assert "Elexon (1/1)" not in titles(pane.model)


def test_a_known_member_goes_under_their_category(qtbot, pane, session):
    pane.add_edit.setFocus()
    qtbot.keyClicks(pane.add_edit, "robin hale")
    qtbot.keyClick(pane.add_edit, Qt.Key.Key_Return)
    robin = person(session, "Robin Hale")
    assert (robin.category, robin.role) == ("Network Parties", None)  # a role is not carried
    assert titles(pane.model)[1] == "Network Parties (1/1)"


def test_typing_someone_already_there_marks_them_present(qtbot, pane, session):
    before = len(session.meeting.people)
    pane.add_edit.setFocus()
    qtbot.keyClicks(pane.add_edit, "lee grant")
    qtbot.keyClick(pane.add_edit, Qt.Key.Key_Return)
    assert len(session.meeting.people) == before
    assert person(session, "Lee Grant").attendance == AttendanceMark.PRESENT
    assert pane.current_person() is person(session, "Lee Grant")
    assert session.undo_stack.undoText() == "Mark Lee Grant present"


def test_an_unknown_name_opens_the_dialog(qtbot, pane, session):
    pane.add_edit.setFocus()
    qtbot.keyClicks(pane.add_edit, "Nova Quinn")
    qtbot.keyClick(pane.add_edit, Qt.Key.Key_Return)
    dialog = open_dialog(qtbot, pane)
    assert dialog.name.text() == "Nova Quinn"
    assert dialog.organisation.hasFocus()
    qtbot.keyClicks(dialog.organisation, "Ofgem")
    qtbot.keyClick(dialog.organisation, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.role, "Observer")
    qtbot.keyClick(dialog.role, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    nova = person(session, "Nova Quinn")
    assert (nova.organisation, nova.role, nova.category) == ("Ofgem", "Observer", None)
    assert nova.attendance == AttendanceMark.PRESENT
    assert titles(pane.model)[-1] == "Ofgem (1/1)"
    assert pane.add_edit.text() == ""
    assert pane.focusWidget() is pane.add_edit  # ready for the next name
    assert session.undo_stack.undoText() == "Add Nova Quinn"


def test_an_unknown_member_gets_a_category_by_keyboard(qtbot, pane, session):
    pane.add_edit.setFocus()
    qtbot.keyClicks(pane.add_edit, "Uma Stone")
    qtbot.keyClick(pane.add_edit, Qt.Key.Key_Return)
    dialog = open_dialog(qtbot, pane)
    dialog.category.setFocus()
    qtbot.keyClicks(dialog.category, "Sm")
    qtbot.keyClick(dialog.category, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert person(session, "Uma Stone").category == "Small Suppliers"
    assert titles(pane.model)[2] == "Small Suppliers (1/2)"


def test_escape_in_the_dialog_adds_nobody(qtbot, pane, session):
    before = len(session.meeting.people)
    pane.add_edit.setFocus()
    qtbot.keyClicks(pane.add_edit, "Not Really")
    qtbot.keyClick(pane.add_edit, Qt.Key.Key_Return)
    dialog = open_dialog(qtbot, pane)
    qtbot.keyClick(dialog.organisation, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert len(session.meeting.people) == before
    assert pane.add_edit.text() == "Not Really"  # nothing typed is lost


def test_f2_edits_the_items_attended_in_one_undo_step(qtbot, pane, session):
    select(pane, "Ola Ade")
    qtbot.keyClick(pane.view, Qt.Key.Key_F2)
    dialog = open_dialog(qtbot, pane)
    assert dialog.name.hasFocus() and not dialog.name.hasSelectedText()
    assert dialog.items.text() == "6, 7"
    dialog.items.setFocus()
    dialog.items.selectAll()
    qtbot.keyClicks(dialog.items, "6, 7 & 8")
    qtbot.keyClick(dialog.items, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.email, "ola@example.org")
    qtbot.keyClick(dialog.email, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    ola = person(session, "Ola Ade")
    assert (ola.items, ola.email) == (["6", "7", "8"], "ola@example.org")
    assert pane.model.index_of(ola, 2).data() == "items 6, 7 & 8"
    assert session.undo_stack.undoText() == "Edit Ola Ade"
    session.undo_stack.undo()
    assert (ola.items, ola.email) == (["6", "7"], None)
    assert pane.model.index_of(ola, 2).data() == "items 6 & 7"


def test_editing_the_category_moves_the_person(qtbot, pane, session):
    select(pane, "Kim Lee")
    rect = pane.view.visualRect(pane.view.currentIndex())
    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = open_dialog(qtbot, pane)
    dialog.category.setCurrentText("Network Parties")
    dialog.alternate_for.setFocus()
    qtbot.keyClicks(dialog.alternate_for, "sa")
    popup = dialog.alternate_for.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # takes the completion, does not close
    assert dialog.isVisible()
    assert dialog.alternate_for.text() == "Sam Patel"
    qtbot.keyClick(dialog.alternate_for, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    kim = person(session, "Kim Lee")
    assert titles(pane.model)[1] == "Network Parties (1/1)"
    assert (
        pane.model.index_of(kim, 2).data() == "DCC; DCC's nominated lead; alternate for Sam Patel"
    )
    assert pane.current_person() is kim
    assert pane.focusWidget() is pane.view  # the keyboard goes back to the roster


def test_delete_takes_a_person_off_and_undo_puts_them_back(qtbot, pane, session):
    select(pane, "Kim Lee")
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert [p.name for p in session.meeting.people if p.organisation == "DCC"] == ["Ola Ade"]
    assert pane.current_person() is person(session, "Ola Ade")
    assert session.undo_stack.undoText() == "Remove Kim Lee"
    session.undo_stack.undo()
    assert session.meeting.people[2].name == "Kim Lee"
    assert titles(pane.model)[3] == "DCC (2/2)"
    select(pane, "Pat Moss")  # the only one of SECAS, the last group
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert titles(pane.model)[-1] == "DCC (2/2)"
    assert pane.current_person() is person(session, "Ola Ade")  # the nearest row left


def test_keys_on_a_group_row_do_nothing(qtbot, pane, session):
    pane.focus_main()
    pane.view.setCurrentIndex(pane.model.index(0, 0))
    for key in (Qt.Key.Key_X, Qt.Key.Key_Space, Qt.Key.Key_Delete, Qt.Key.Key_F2):
        qtbot.keyClick(pane.view, key)
    assert session.undo_stack.count() == 0
    assert pane.findChild(PersonDialog) is None
    assert pane.model.parent(pane.model.index(0, 0)) == QModelIndex()


def test_the_attendance_set_is_what_the_database_holds(qtbot, tmp_path, example_doc):
    path = tmp_path / "saved.sqlite3"
    session = MeetingSession(path, meeting_from_dict(example_doc), [])
    try:
        pane = AttendeesPane(session, KNOWN)
        qtbot.addWidget(pane)
        pane.show()
        qtbot.waitExposed(pane)
        pane.activateWindow()
        qtbot.waitUntil(pane.isActiveWindow)
        select(pane, "Sam Patel")
        qtbot.keyClick(pane.view, Qt.Key.Key_X)
        select(pane, "Lee Grant")
        qtbot.keyClick(pane.view, Qt.Key.Key_P)
        session.autosaver.save_and_wait()
    finally:
        session.close()
    repository = Repository(path)
    try:
        saved = {p.name: p.attendance for p in repository.load_meeting(session.reference).people}
    finally:
        repository.close()
    assert saved["Sam Patel"] == AttendanceMark.ABSENT
    assert saved["Lee Grant"] == AttendanceMark.PRESENT
    assert saved["Ola Ade"] == AttendanceMark.PRESENT


@pytest.mark.parametrize("typed", ["Ola Ade", "OLA ADE", "ola  ade", "Ola\u00a0Ade"])
def test_renaming_to_a_name_already_on_the_roster_is_refused_in_the_dialog(
    qtbot, pane, session, typed
):
    """Rules of core.rules at the window's door: the dialog says why, nothing changes."""
    select(pane, "Kim Lee")
    qtbot.keyClick(pane.view, Qt.Key.Key_F2)
    dialog = open_dialog(qtbot, pane)
    dialog.name.selectAll()
    qtbot.keyClicks(dialog.name, typed)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.problem.isVisible()
    assert dialog.problem.text() == '"Ola Ade" is already on this meeting\'s roster'
    assert session.undo_stack.count() == 0
    dialog.name.selectAll()
    qtbot.keyClicks(dialog.name, "Kim Lee-Ade")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [p.name for p in session.meeting.people if p.organisation == "DCC"] == [
        "Kim Lee-Ade",
        "Ola Ade",
    ]
    assert session.autosaver.save_and_wait()  # the store meets no constraint it was not told of


def test_adding_a_name_on_the_roster_in_another_spelling_marks_them_instead(qtbot, pane, session):
    kim = person(session, "Kim Lee")
    kim.attendance = AttendanceMark.ABSENT
    pane.add_edit.setFocus()
    qtbot.keyClicks(pane.add_edit, "KIM  LEE")
    qtbot.keyClick(pane.add_edit, Qt.Key.Key_Return)
    assert [p.name for p in session.meeting.people].count("Kim Lee") == 1
    assert kim.attendance == AttendanceMark.PRESENT
    assert pane.findChild(PersonDialog) is None
