"""The action grid: reviewing the actions outstanding (item 2) during the call."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from opsg_desktop.core.model import ActionBlock, ActionStatus
from opsg_desktop.interchange import meeting_from_dict
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui.models.action_grid_model import (
    ID,
    REVISED,
    STATUS,
    UPDATE,
    ActionGridModel,
)
from opsg_desktop.ui.panes.actions import ActionGridPane
from opsg_desktop.ui.session import MeetingSession

CARRIED = ["OPSG 43/07", "OPSG 45/CONF02", "OPSG 47/08", "OPSG 45/CONF03"]
NEW = [f"OPSG 49/{n:02d}" for n in range(1, 21)]
CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


@pytest.fixture
def session(tmp_path, demo_doc):
    opened = MeetingSession(tmp_path / "s.sqlite3", meeting_from_dict(demo_doc), [])
    yield opened
    opened.close()


@pytest.fixture
def pane(qtbot, session):
    widget = ActionGridPane(session)
    qtbot.addWidget(widget)
    widget.resize(1200, 500)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.focus_main()
    return widget


def named(parent: QWidget, name: str) -> QWidget:
    """The one widget under ``parent`` with accessible name ``name``."""
    found = [w for w in parent.findChildren(QWidget) if w.accessibleName() == name]
    assert len(found) == 1, f"{len(found)} widgets named {name!r}"
    return found[0]


def shown_ids(pane: ActionGridPane) -> list[str]:
    proxy = pane.proxy
    return [proxy.index(r, ID).data() for r in range(proxy.rowCount())]


def review(session: MeetingSession, action_id: str):
    return next(r for r in session.meeting.outstanding if r.action.id == action_id)


def open_editor(qtbot, pane: ActionGridPane, action_id: str, column: int, name: str) -> QWidget:
    """Make the cell current and press F2, as the secretary would; the editor opened."""
    table = named(pane, "Action grid")
    table.setCurrentIndex(pane.proxy.index(shown_ids(pane).index(action_id), column))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    return named(table, name)


def test_rows_are_the_reviews_in_order_then_the_new_actions(pane):
    assert shown_ids(pane) == CARRIED + NEW
    proxy = pane.proxy
    assert [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(8)] == [
        "ID", "Action", "Owner", "Raised", "Target", "Revised target", "Status", "Update",
    ]  # fmt: skip
    first = [proxy.index(0, c).data() for c in range(7)]
    assert first[2:] == ["DCC", "22/02/2021", "24/05/2021", "", "Closed"]
    assert proxy.index(2, REVISED).data() == "Revised date to be determined by DCC"
    assert proxy.index(2, UPDATE).data().startswith("The DCC reported that it will propose")
    new = [proxy.index(4, c).data() for c in (3, 4, 6, 7)]
    assert new == ["24/05/2021", "11/06/2021", "Open", "New · item 3"]
    assert proxy.index(5, 4).data() == "TBC"
    assert named(pane, "Action counts").text() == "24 actions · 23 open · 1 closed"


def test_source_model_and_proxy_are_well_behaved(qtmodeltester, pane):
    qtmodeltester.check(pane.model)
    qtmodeltester.check(pane.proxy)


def test_new_actions_are_read_only(qtbot, pane):
    proxy = pane.proxy
    for row in range(4, proxy.rowCount()):
        for column in range(8):
            assert not proxy.flags(proxy.index(row, column)) & Qt.ItemFlag.ItemIsEditable
    assert proxy.flags(proxy.index(2, UPDATE)) & Qt.ItemFlag.ItemIsEditable
    assert not proxy.setData(proxy.index(4, STATUS), "closed")
    table = named(pane, "Action grid")
    table.setCurrentIndex(proxy.index(4, UPDATE))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    assert not [w for w in table.findChildren(QPlainTextEdit) if w.isVisible()]
    assert pane.session.undo_stack.count() == 0


def test_closing_with_the_status_editor_is_one_undo_step(qtbot, pane, session):
    combo = open_editor(qtbot, pane, "OPSG 47/08", STATUS, "Status editor")
    assert isinstance(combo, QComboBox) and combo.currentText() == "Open"
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    entry = review(session, "OPSG 47/08")
    assert entry.status == entry.action.status == ActionStatus.CLOSED
    stack = session.undo_stack
    assert (stack.count(), stack.undoText()) == (1, "Close OPSG 47/08")
    assert pane.proxy.index(2, STATUS).data() == "Closed"
    stack.undo()
    assert entry.status == entry.action.status == ActionStatus.OPEN
    assert pane.proxy.index(2, STATUS).data() == "Open"
    stack.redo()
    assert entry.status == ActionStatus.CLOSED


def test_letters_typed_on_the_grid_edit_nothing(qtbot, pane, session):
    table = named(pane, "Action grid")
    before = [(r.update, r.status) for r in session.meeting.outstanding]
    for column in (UPDATE, STATUS):
        table.setCurrentIndex(pane.proxy.index(1, column))
        qtbot.keyClicks(table, "cx")
        assert table.state() != QAbstractItemView.State.EditingState
    assert [(r.update, r.status) for r in session.meeting.outstanding] == before
    assert not session.undo_stack.canUndo()


@pytest.mark.parametrize("key", [Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_f2_or_enter_opens_the_cell_editor(qtbot, pane, key):
    table = named(pane, "Action grid")
    table.setCurrentIndex(pane.proxy.index(1, UPDATE))
    qtbot.keyClick(table, key)
    assert table.state() == QAbstractItemView.State.EditingState


def test_shortcuts_close_and_reopen_the_selected_action(qtbot, pane, session):
    table = named(pane, "Action grid")
    qtbot.waitUntil(lambda: QApplication.activeWindow() is pane)
    table.selectRow(3)
    qtbot.keyClick(table, Qt.Key.Key_C, CTRL_ALT)
    entry = review(session, "OPSG 45/CONF03")
    assert entry.status == entry.action.status == ActionStatus.CLOSED
    assert session.undo_stack.undoText() == "Close OPSG 45/CONF03"
    assert named(pane, "Action counts").text() == "24 actions · 22 open · 2 closed"
    qtbot.keyClick(table, Qt.Key.Key_O, CTRL_ALT)
    assert entry.status == ActionStatus.OPEN
    assert session.undo_stack.undoText() == "Reopen OPSG 45/CONF03"
    session.undo_stack.undo()
    assert entry.status == ActionStatus.CLOSED
    session.undo_stack.undo()
    assert entry.status == entry.action.status == ActionStatus.OPEN
    session.undo_stack.redo()
    assert entry.status == ActionStatus.CLOSED
    assert table.currentIndex().row() == 3  # the secretary stays on the row


def test_the_shortcut_leaves_new_actions_alone(qtbot, pane, session):
    named(pane, "Action grid").selectRow(6)
    assert pane.set_selected_status(ActionStatus.CLOSED) == 0
    assert session.undo_stack.count() == 0


def test_typing_an_update_commits_it_to_the_review(qtbot, pane, session):
    editor = open_editor(qtbot, pane, "OPSG 47/08", UPDATE, "Update editor")
    assert isinstance(editor, QPlainTextEdit) and "Shift+Enter" in editor.toolTip()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "Workshop on 3 June.")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(editor, "Remains open.")
    assert review(session, "OPSG 47/08").update.startswith("The DCC reported")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert review(session, "OPSG 47/08").update == "Workshop on 3 June.\nRemains open."
    assert session.undo_stack.undoText() == "Update OPSG 47/08"
    assert pane.proxy.index(2, UPDATE).data() == "Workshop on 3 June.\nRemains open."
    session.undo_stack.undo()
    assert review(session, "OPSG 47/08").update.startswith("The DCC reported")


def test_escape_keeps_the_update_as_it_was(qtbot, pane, session):
    editor = open_editor(qtbot, pane, "OPSG 45/CONF03", UPDATE, "Update editor")
    qtbot.keyClicks(editor, " More.")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert review(session, "OPSG 45/CONF03").update.endswith("extraordinary meeting.")
    assert session.undo_stack.count() == 0


@pytest.mark.parametrize(
    ("typed", "stored", "shown"),
    [
        ("11 June", dt.date(2021, 6, 11), "11/06/2021"),
        ("next meeting", dt.date(2021, 6, 1), "01/06/2021"),
        ("To be agreed with the DCC", "To be agreed with the DCC", "To be agreed with the DCC"),
        ("N/A", None, ""),
    ],
)
def test_a_typed_revised_target_becomes_a_date_where_it_names_one(
    qtbot, pane, session, typed, stored, shown
):
    editor = open_editor(qtbot, pane, "OPSG 47/08", REVISED, "Revised target editor")
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, typed)  # the old text is selected: typing replaces it
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the line edit commits a moment later
    qtbot.waitUntil(lambda: session.undo_stack.count() == 1)
    assert review(session, "OPSG 47/08").action.revised_target == stored
    assert pane.proxy.index(2, REVISED).data() == shown
    assert session.undo_stack.undoText() == "Revise target of OPSG 47/08"


def test_filters_narrow_the_rows(qtbot, pane):
    owner = named(pane, "Owner filter")
    assert [owner.itemText(i) for i in range(owner.count())] == [
        "All owners", "DCC", "OPSG", "SECAS",
    ]  # fmt: skip
    owner.setCurrentIndex(owner.findText("SECAS"))
    assert shown_ids(pane) == ["OPSG 49/03", "OPSG 49/10", "OPSG 49/11", "OPSG 49/19"]
    assert named(pane, "Action counts").text() == "4 actions · 4 open · 0 closed (of 24)"
    owner.setCurrentIndex(0)
    status = named(pane, "Status filter")
    status.setCurrentIndex(status.findText("Closed"))
    assert shown_ids(pane) == ["OPSG 43/07"]
    status.setCurrentIndex(status.findText("Open"))
    assert len(shown_ids(pane)) == 23
    status.setCurrentIndex(0)
    meeting = named(pane, "Meeting filter")
    meeting.setCurrentIndex(meeting.findText("Carried forward"))
    assert shown_ids(pane) == CARRIED
    meeting.setCurrentIndex(meeting.findText("Raised at this meeting"))
    assert shown_ids(pane) == NEW
    meeting.setCurrentIndex(0)
    qtbot.keyClicks(named(pane, "Text filter"), "workshop")  # found in an update
    assert shown_ids(pane) == ["OPSG 47/08"]
    named(pane, "Text filter").clear()
    qtbot.keyClicks(named(pane, "Text filter"), "conf0")  # found in an id
    assert shown_ids(pane) == ["OPSG 45/CONF02", "OPSG 45/CONF03"]


def test_a_status_filter_follows_edits(qtbot, pane, session):
    status = named(pane, "Status filter")
    status.setCurrentIndex(status.findText("Open"))
    pane.model.set_status(review(session, "OPSG 47/08"), ActionStatus.CLOSED)
    assert "OPSG 47/08" not in shown_ids(pane)
    session.undo_stack.undo()
    assert "OPSG 47/08" in shown_ids(pane)


def test_header_clicks_sort_then_restore_the_secretarys_order(qtbot, pane):
    header = named(pane, "Action grid").horizontalHeader()
    spot = QPoint(header.sectionViewportPosition(ID) + 5, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert shown_ids(pane)[:5] == ["OPSG 43/07", "OPSG 45/CONF02", "OPSG 45/CONF03",
                                   "OPSG 47/08", "OPSG 49/01"]  # fmt: skip
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert shown_ids(pane)[0] == "OPSG 49/20"
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert shown_ids(pane) == CARRIED + NEW
    assert header.sortIndicatorSection() == -1


def test_new_actions_from_the_notes_appear_and_the_selection_stays(qtbot, pane, session):
    table = named(pane, "Action grid")
    table.setCurrentIndex(pane.proxy.index(2, UPDATE))
    session.meeting.agenda[0].blocks.insert(
        0, ActionBlock("SECAS to circulate the slides.", "SEC Panel", None, id="OPSG 49/21")
    )
    session.touch("notes")
    ids = shown_ids(pane)
    assert len(ids) == 25 and ids[4] == "OPSG 49/21"
    assert pane.proxy.index(table.currentIndex().row(), ID).data() == "OPSG 47/08"
    assert named(pane, "Owner filter").findText("SEC Panel") > 0


def test_closed_rows_are_greyed_and_new_rows_italic(pane):
    proxy, palette = pane.proxy, QApplication.palette()
    grey = palette.brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert proxy.index(0, ID).data(Qt.ItemDataRole.ForegroundRole) == grey
    assert proxy.index(1, ID).data(Qt.ItemDataRole.ForegroundRole) is None
    assert proxy.index(4, ID).data(Qt.ItemDataRole.FontRole).italic()
    assert proxy.index(1, ID).data(Qt.ItemDataRole.FontRole) is None


def test_a_closed_action_reaches_the_action_log(qtbot, pane, session, tmp_path):
    named(pane, "Action grid").selectRow(2)
    pane.close_action.trigger()
    session.autosaver.save_and_wait()
    repository = Repository(tmp_path / "s.sqlite3")
    try:
        logged = {e.action.id: e for e in repository.action_log()}
    finally:
        repository.close()
    assert logged["OPSG 47/08"].action.status == ActionStatus.CLOSED
    assert logged["OPSG 47/08"].updates[-1].status == ActionStatus.CLOSED
    assert logged["OPSG 45/CONF03"].action.status == ActionStatus.OPEN


def test_every_data_widget_has_an_accessible_name(pane):
    for name in ("Action grid", "Owner filter", "Status filter", "Meeting filter",
                 "Text filter", "Action counts"):  # fmt: skip
        assert named(pane, name).isVisible()


def test_a_model_without_a_pane(session, qtmodeltester):
    model = ActionGridModel(session)
    assert model.rowCount() == 24 and model.owners() == ["DCC", "OPSG", "SECAS"]
    qtmodeltester.check(model)


@pytest.mark.parametrize("typed", ["31/31/2021", "30 February", "2021-13-01"])
def test_a_revised_target_that_is_no_real_date_is_refused_with_a_message(
    qtbot, pane, session, typed
):
    before = review(session, "OPSG 47/08").action.revised_target
    editor = open_editor(qtbot, pane, "OPSG 47/08", REVISED, "Revised target editor")
    with qtbot.waitSignal(pane.message) as said:
        qtbot.keyClicks(editor, typed)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert said.args[0].startswith(f'OPSG 47/08: "{typed}" looks like a date but there is no such')
    assert review(session, "OPSG 47/08").action.revised_target == before
    assert session.undo_stack.count() == 0
