"""Search into the action grid, the action log view, check-list jumps, settings, unlock."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog

from opsg_desktop.core.model import ActionStatus, Person
from opsg_desktop.demo import fill_with_demo
from opsg_desktop.store.cycle import CycleRecords
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui.commands import SetField
from opsg_desktop.ui.dialogs.check_list import FindingsModel
from opsg_desktop.ui.main_window import MainWindow

REF = "OPSG_49_2405"


@pytest.fixture
def window(qtbot, db_path):
    repository = Repository(db_path)
    fill_with_demo(repository)
    main = MainWindow(repository, db_path)
    qtbot.addWidget(main)
    main.open_meeting(REF)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()
    repository.close()


def in_modal(act):
    """Run ``act(dialog)`` on the modal dialog about to open; a failure closes it and is kept.

    Returns the list the failure lands in, for the test to re-raise after ``exec`` returns.
    """
    failures = []

    def run():
        dialog = QApplication.activeModalWidget()
        try:
            act(dialog)
        except Exception as exc:  # noqa: BLE001 - handed back to the test
            failures.append(exc)
            dialog.reject()

    QTimer.singleShot(0, run)
    return failures


def raised(failures):
    if failures:
        raise failures[0]


def test_down_moves_into_results_and_an_action_hit_opens_it_in_the_grid(qtbot, window):
    def act(dialog):
        qtbot.keyClicks(dialog.query, "forecast")
        qtbot.keyClick(dialog.query, Qt.Key.Key_Down)
        assert dialog.focusWidget() is dialog.results
        assert dialog.results.currentIndex().row() == 0
        rows = dialog.model.stringList()
        target = next(i for i, text in enumerate(rows) if "· action OPSG 49/02" in text)
        dialog.results.setCurrentIndex(dialog.model.index(target))
        qtbot.keyClick(dialog.results, Qt.Key.Key_Return)

    failures = in_modal(act)
    window.search()
    raised(failures)
    grid = window.panes["actions"]
    assert window.focusWidget() is grid.table
    assert grid.table.currentIndex().siblingAtColumn(0).data() == "OPSG 49/02"


def test_action_log_view_filters_counts_and_chart(qtbot, qtmodeltester, window):
    window.show_action_log()
    view = window.action_log_view
    view.wait_until_read()
    qtmodeltester.check(view.model)
    model = view.model
    total = model.rowCount()
    assert total == model.total == view.all_actions > 0

    def choose(box, data):
        box.setCurrentIndex(box.findData(data) if data is not None else 0)
        view.wait_until_read()

    choose(view.owner_filter, "DCC")
    owners = {model.index(r, 2).data() for r in range(model.rowCount())}
    assert owners == {"DCC"} and model.rowCount() < total
    assert view.count.text() == f"{model.rowCount()} of {total} actions"
    choose(view.owner_filter, None)
    choose(view.status_filter, ActionStatus.CLOSED)
    statuses = {model.index(r, 6).data() for r in range(model.rowCount())}
    assert statuses == {"Closed"}
    choose(view.status_filter, None)
    view.age_filter.setCurrentIndex(view.age_filter.count() - 1)  # over a year: all of 2021
    view.wait_until_read()
    assert model.rowCount() == total
    choose(view.meeting_filter, REF)
    assert 0 < model.rowCount() < total
    assert {model.index(r, 4).data() for r in range(model.rowCount())} == {REF}
    lines = view.owners.stringList()
    assert any(line.startswith("DCC: ") and "overdue" in line for line in lines)
    assert [c.reference for c in view.chart.counts] == [REF]
    assert view.chart.counts[0].open > 0
    assert not view.chart.grab().isNull()
    view.close()


def test_check_list_goes_to_a_person_and_to_a_block(qtbot, qtmodeltester, window):
    window.panes["attendees"].add(Person("Ezra Kolb"))
    window.run_check()
    dialog = window.check_dialog
    qtmodeltester.check(dialog.model)
    findings = dialog.model.findings
    assert findings[0].blocks
    person = next(i for i, f in enumerate(findings) if f.code == "person-unplaced")
    dialog.view.setCurrentIndex(dialog.model.index(person))
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    assert window.panes["attendees"].current_person().name == "Ezra Kolb"
    heading = next(i for i, f in enumerate(findings) if f.code == "heading-contradicted")
    dialog.view.setCurrentIndex(dialog.model.index(heading))
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    notes = window.panes["notes"]
    assert notes.item.number == "9"
    assert notes.editor.textCursor().block().text() == "INC000000708834"
    dialog.close()


def test_sending_is_refused_while_a_finding_blocks(qtbot, window, monkeypatch):
    warned = []
    monkeypatch.setattr(
        "opsg_desktop.ui.cycle_commands.QMessageBox.warning", lambda *a: warned.append(a[2])
    )
    window.send_for_comments()  # the demo's item 9 sub-heading contradicts its text
    assert "blocks sending" in warned[0]
    assert window.check_dialog.isVisible()
    window.check_dialog.close()


def test_findings_model_is_well_behaved(qtmodeltester, window):
    model = FindingsModel()
    model.set_findings(window.findings())
    qtmodeltester.check(model)


def test_group_settings_change_the_group_and_undo_restores(qtbot, window):
    def act(dialog):
        dialog.organisations.setPlainText("DCC\nSECAS\nElexon")
        dialog.statements[list(dialog.statements)[0]].setPlainText("Shareable with all.")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    failures = in_modal(act)
    window.group_settings()
    raised(failures)
    group = window.session.meeting.group
    assert group.organisations == ["DCC", "SECAS", "Elexon"]
    assert group.wordings == {"classification": {"white": "Shareable with all."}}
    window.session.autosaver.save_and_wait()
    assert window.repository.load_meeting(REF).group.organisations[-1] == "Elexon"
    window.session.undo_stack.undo()
    assert "Elexon" not in window.session.meeting.group.organisations


def test_unlock_asks_why_and_makes_the_meeting_editable(qtbot, window, monkeypatch):
    window.repository.create_next(REF, dt.date(2021, 6, 1))
    records = CycleRecords(window.repository)
    records.mark_final(REF, "OPSG_50_0106")
    window.open_meeting(REF)
    assert window.panes["notes"].editor.isReadOnly() and not window.level_box.isEnabled()
    item = window.session.meeting.agenda[0]
    rename = SetField(window.session, item, "title", "Renamed", "Rename", "agenda")
    window.session.undo_stack.push(rename)  # what F2 in the agenda pushes: refused
    assert item.title == "Previous Meeting Minutes"
    assert "Final and locked" in window.statusBar().currentMessage()
    assert not window.session.autosaver.dirty
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Name corrected", True))

    def act(dialog):
        dialog.unlock_button.click()

    QTimer.singleShot(0, lambda: (act(window.versions_dialog), window.versions_dialog.accept()))
    window.show_versions()
    assert not window.panes["notes"].editor.isReadOnly() and not window.session.locked
    assert records.load(REF).history[-1].detail == "Name corrected"


def test_send_dialog_fallbacks_when_no_mail_program_opens_it(qtbot, window, tmp_path, monkeypatch):
    from opsg_desktop.ui.dialogs import send_comments

    opened, told = [], []
    monkeypatch.setattr(
        send_comments.QDesktopServices,
        "openUrl",
        staticmethod(lambda url: opened.append(url) and False),
    )
    monkeypatch.setattr(send_comments.QMessageBox, "information", lambda *a: told.append(a[2]))
    meeting = window.session.snapshot()
    meeting.people[0].email = "chair@example.org"
    meeting.people[-1].email = "other@example.org"
    dialog = send_comments.SendForCommentsDialog(
        window, meeting, CycleRecords(window.repository), tmp_path
    )
    qtbot.addWidget(dialog)
    assert dialog.subject.text().startswith(f"{REF} Draft Minutes v0.1 for comment by ")
    dialog.subject.setText("Please comment")
    dialog.create()
    assert "No mail program opened" in told[0] and not dialog.result()
    assert (tmp_path / f"{REF} Draft Minutes v0.1.eml").exists()
    assert [v.label for v in CycleRecords(window.repository).load(REF).versions] == ["v0.1"]
    dialog.copy_recipients()
    copied = QApplication.clipboard().text()
    assert "chair@example.org" in copied
    dialog.open_mailto()
    link = opened[-1].toString()
    assert link.startswith("mailto:chair@example.org") and "subject=Please comment" in link


def test_group_settings_refuse_a_category_still_in_use_or_twice(qtbot, window, monkeypatch):
    from opsg_desktop.ui.dialogs.group_settings import GroupSettingsDialog

    said = []
    monkeypatch.setattr(
        "opsg_desktop.ui.dialogs.group_settings.QMessageBox.warning", lambda *a: said.append(a[2])
    )
    meeting = window.session.snapshot()
    dialog = GroupSettingsDialog(window, meeting.group, meeting)
    qtbot.addWidget(dialog)
    dialog.verbs.setPlainText("NOTED\nNOTED")
    dialog.accept()
    assert said and "decision_verbs" in said[0] and not dialog.result()
    dialog.verbs.setPlainText("\n".join(meeting.group.decision_verbs))
    dialog.categories.setPlainText("Network Parties")  # the chair's category is still used
    dialog.accept()
    assert len(said) == 2 and "category" in said[1]
    dialog.categories.setPlainText("\n".join(meeting.group.categories))
    dialog.accept()
    assert dialog.result() == 1


def test_a_hit_on_an_action_no_stored_meeting_raised_says_where_it_is(qtbot, window):
    def act(dialog):
        qtbot.keyClicks(dialog.query, "Service Credits")
        qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
        rows = dialog.model.stringList()
        target = next(i for i, t in enumerate(rows) if t.startswith("(no meeting) · action "))
        dialog.results.setCurrentIndex(dialog.model.index(target))
        qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
        assert dialog.isVisible()  # nothing to open: it stays, and says why
        assert "No stored meeting raised OPSG 43/07" in dialog.summary.text()
        assert "action log (Ctrl+L)" in dialog.summary.text()
        dialog.reject()

    failures = in_modal(act)
    window.search()
    raised(failures)
