"""The whole cycle in the window, from an empty database to the public headlines.

Create the first meeting on the start page → type notes and an action →
check → fix a finding → send for comments (the mail program is stubbed at
QDesktopServices) → record a reply → mark final → export the headlines.
"""

from __future__ import annotations

import datetime as dt
from email import message_from_bytes
from email.policy import default

import pytest
from docx import Document
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QFileDialog

from opsg_desktop.core.model import ActionBlock, MeetingStatus, Person
from opsg_desktop.store.cycle import CycleRecords
from opsg_desktop.store.repository import Repository
from opsg_desktop.ui import settings
from opsg_desktop.ui.commands import SetField
from opsg_desktop.ui.main_window import MainWindow
from opsg_desktop.ui.start_page import StartPage

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
REF = "OPSG_1_1301"


@pytest.fixture
def empty_window(qtbot, db_path):
    repository = Repository(db_path)
    window = MainWindow(repository, db_path)
    qtbot.addWidget(window)
    window.show_start_page()  # what run_app does when the database holds no meeting
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    repository.close()


@pytest.fixture
def mail_program(monkeypatch):
    opened = []

    def open_url(url):
        opened.append(url)
        return True

    from opsg_desktop.ui.dialogs import send_comments

    monkeypatch.setattr(send_comments.QDesktopServices, "openUrl", staticmethod(open_url))
    return opened


def create_first_meeting(qtbot, window):
    page = window.centralWidget()
    assert isinstance(page, StartPage)
    assert not any(dock.isVisible() for dock in window.docks.values())
    assert page.name.text() == "Operations Group" and page.abbreviation.text() == "OPSG"
    assert not window.level_box.isEnabled()
    page.number.clear()
    qtbot.keyClicks(page.number, "1")
    page.date.setDate(QDate(2025, 1, 13))
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert window.session is not None and window.session.reference == REF
    assert all(dock.isVisible() for dock in window.docks.values())
    assert window.level_box.isEnabled()


def add_people(window):
    pane = window.panes["attendees"]
    pane.add(Person("Dana Voss", category="Operations Group Chair", email="dana@example.org"))
    pane.add(Person("Lou Brandt", category="Large Suppliers", email="lou@example.org"))
    pane.add(Person("Ravi Mehta", organisation="DCC", email="ravi@example.org"))


def type_action(qtbot, window):
    window.panes["agenda"].select_number("3")
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    editor = window.panes["notes"].editor
    qtbot.keyClicks(editor, "The DCC to circulate the incident figures by 31 January.")
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL | SHIFT)
    bar = window.panes["notes"].action_bar
    assert bar.owner.text() == "DCC" and bar.target.text() == "2025-01-31"
    qtbot.keyClick(bar.owner, Qt.Key.Key_Tab)
    qtbot.keyClick(bar.target, Qt.Key.Key_Return)


def check_and_fix(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F7)
    dialog = window.check_dialog
    codes = [(f.code, f.place) for f in dialog.model.findings]
    assert ("item-empty", "item 1") in codes and not any(f.blocks for f in dialog.model.findings)
    row = codes.index(("item-empty", "item 1"))
    dialog.view.setCurrentIndex(dialog.model.index(row))
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    notes = window.panes["notes"]
    assert notes.item.number == "1" and notes.editor.hasFocus()
    qtbot.keyClicks(notes.editor, "The OPSG agreed its terms of reference.")
    dialog.again_button.click()
    assert ("item-empty", "item 1") not in [(f.code, f.place) for f in dialog.model.findings]
    dialog.close()


def send(window, tmp_path, mail_program):
    settings.EXPORT_FOLDER.write(str(tmp_path))
    QTimer.singleShot(0, lambda: window.send_dialog.create_button.click())
    window.send_for_comments()
    eml = tmp_path / f"{REF} Draft Minutes v0.1.eml"
    docx = tmp_path / f"{REF} Draft Minutes v0.1.docx"
    assert [url.toLocalFile() for url in mail_program] == [str(eml)]
    message = message_from_bytes(eml.read_bytes(), policy=default)
    assert [a.addr_spec for a in message["To"].addresses] == ["dana@example.org", "lou@example.org"]
    assert [a.addr_spec for a in message["Cc"].addresses] == ["ravi@example.org"]
    assert message["X-Unsent"] == "1"
    (attachment,) = message.iter_attachments()
    assert attachment.get_content() == docx.read_bytes()
    texts = [p.text for p in Document(str(docx)).paragraphs]
    assert any("ACTION OPSG 1/01:" in t for t in texts)


def in_versions_dialog(window, act):
    """Drive the modal dialog from the event loop; a failure inside still closes it."""
    failures = []

    def run():
        try:
            act(window.versions_dialog)
        except Exception as exc:  # noqa: BLE001 - re-raised below
            failures.append(exc)
        window.versions_dialog.accept()

    QTimer.singleShot(0, run)
    window.show_versions()
    if failures:
        raise failures[0]


def record_reply(window):
    def act(dialog):
        dialog.person.setCurrentText("Dana Voss")
        dialog.no_comments.setChecked(True)
        dialog.record_button.click()
        assert "Lou Brandt" in dialog.awaiting.text() and "Dana" not in dialog.awaiting.text()

    in_versions_dialog(window, act)
    cycle = CycleRecords(window.repository).load(REF)
    assert [(c.person, c.no_comments) for c in cycle.comments] == [("Dana Voss", True)]


def mark_final(window):
    window.session.autosaver.save_and_wait()
    following = window.repository.create_next(REF, dt.date(2025, 2, 10)).reference

    def act(dialog):
        dialog.agreed_at.setCurrentText(following)
        dialog.final_button.click()

    in_versions_dialog(window, act)
    assert window.session.locked and window.panes["notes"].editor.isReadOnly()
    assert not window.panes["attendees"].isEnabled()
    assert window.repository.load_meeting(REF).status == MeetingStatus.FINAL
    assert CycleRecords(window.repository).load(REF).agreed_at == following


def export_headlines(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "headlines.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.actions_by_id["open_after_export"].setChecked(False)

    def act():
        preview = window.headlines_dialog
        assert "The DCC will circulate the incident figures." in preview.browser.toPlainText()
        preview.export_button.click()
        preview.accept()

    QTimer.singleShot(0, act)
    window.preview_headlines()
    window.wait_for_export()
    texts = [p.text for p in Document(str(target)).paragraphs]
    assert "3. Any Other Business (Chair): The DCC will circulate the incident figures." in texts


def test_the_whole_cycle_from_an_empty_database(
    qtbot, empty_window, tmp_path, mail_program, monkeypatch
):
    window = empty_window
    create_first_meeting(qtbot, window)
    add_people(window)
    type_action(qtbot, window)
    item = window.session.meeting.agenda[2]
    window.session.undo_stack.push(
        SetField(window.session, item, "headline", "The DCC will circulate the incident figures.",
                 "Headline", "agenda")
    )  # fmt: skip
    check_and_fix(qtbot, window)
    send(window, tmp_path, mail_program)
    record_reply(window)
    mark_final(window)
    blocks = window.repository.load_meeting(REF).agenda[2].blocks
    assert blocks == [
        ActionBlock("The DCC to circulate the incident figures by 31 January.", "DCC",
                    dt.date(2025, 1, 31), None, None, "OPSG 1/01")
    ]  # fmt: skip
    export_headlines(qtbot, window, tmp_path, monkeypatch)


def test_ctrl_n_without_a_meeting_shows_the_start_page(qtbot, db_path):
    repository = Repository(db_path)
    window = MainWindow(repository, db_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    action = window.actions_by_id["new_meeting"]
    assert action.shortcut().toString() == "Ctrl+N"
    action.trigger()  # offscreen, a window with no focus widget gets no shortcuts
    assert isinstance(window.centralWidget(), StartPage)
    window.close()
    repository.close()


def test_start_page_demo_and_a_bad_number(qtbot, empty_window, monkeypatch):
    warnings = []
    monkeypatch.setattr(
        "opsg_desktop.ui.cycle_commands.QMessageBox.warning", lambda *a: warnings.append(a[2])
    )
    page = empty_window.centralWidget()
    page.number.setText("one")
    page.create_button.click()
    assert empty_window.session is None and "not a meeting number" in warnings[0]
    page.demo_button.click()
    assert empty_window.session.reference == "OPSG_49_2405"
