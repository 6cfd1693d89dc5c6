"""The email sending a draft for comments, parsed back with Python's email package."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from email import message_from_bytes
from email.policy import default

from opsg_desktop.core.model import Group, Person
from opsg_desktop.export.email import comment_email, mailto_link, recipients, write_eml
from opsg_desktop.export.minutes import export_minutes

DEADLINE = dt.date(2021, 6, 1)


def _with_emails(meeting):
    for person in meeting.people:
        first = person.name.split()[0].lower()
        person.email = f"{first}@example.org"
    meeting.people[1].email = None  # a member without one
    meeting.people.append(
        Person('Dee "DJ" O\'Hara, Jr', category="Small Suppliers", email="dee@example.org")
    )
    return meeting


def _written(meeting, tmp_path, **options):
    docx = tmp_path / "OPSG_49_2405 Draft Minutes v0.1.docx"
    export_minutes(meeting, docx)
    path = write_eml(comment_email(meeting, docx, DEADLINE, **options), tmp_path / "draft.eml")
    return docx, message_from_bytes(path.read_bytes(), policy=default)


def test_eml_parses_back_with_recipients_subject_deadline_and_attachment(meeting, tmp_path):
    _with_emails(meeting)
    docx, message = _written(meeting, tmp_path)
    to = [(a.display_name, a.addr_spec) for a in message["To"].addresses]
    cc = [a.addr_spec for a in message["Cc"].addresses]
    members = [p for p in meeting.people if p.category and p.email]
    others = [p for p in meeting.people if not p.category and p.email]
    assert to == [(p.name, p.email) for p in members]
    assert ('Dee "DJ" O\'Hara, Jr', "dee@example.org") in to
    assert cc == [p.email for p in others] and cc
    assert message["X-Unsent"] == "1"
    assert (
        message["Subject"] == "OPSG_49_2405 Draft Minutes v0.1 for comment by Tuesday 1 June 2021"
    )
    body = message.get_body(("plain",)).get_content()
    assert "by Tuesday 1 June 2021" in body and "24 May 2021" in body
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_filename() == docx.name
    assert attachment.get_content_type().endswith("wordprocessingml.document")
    assert attachment.get_content() == docx.read_bytes()


def test_members_only_when_others_are_not_copied(meeting, tmp_path):
    _with_emails(meeting)
    _, message = _written(meeting, tmp_path, cc_others=False)
    assert message["Cc"] is None
    assert all("@" in a.addr_spec for a in message["To"].addresses)


def test_people_without_email_are_listed_as_missing(meeting):
    _with_emails(meeting)
    assert [p.name for p in recipients(meeting).missing] == [meeting.people[1].name]


def test_edited_template_is_used_and_unknown_braces_stay(meeting, tmp_path):
    _with_emails(meeting)
    meeting.group = Group(
        "Operations Group",
        "OPSG",
        wordings={"email_subject": "{abbreviation} comments {deadline} {other}"},
    )
    _, message = _written(meeting, tmp_path)
    assert message["Subject"] == "OPSG comments Tuesday 1 June 2021 {other}"


def test_mailto_fallback_carries_recipients_subject_and_body(meeting, tmp_path):
    _with_emails(meeting)
    docx = tmp_path / "d.docx"
    export_minutes(meeting, docx)
    link = mailto_link(comment_email(meeting, docx, DEADLINE))
    parsed = urllib.parse.urlsplit(link)
    query = urllib.parse.parse_qs(parsed.query)
    assert parsed.scheme == "mailto"
    assert "dee@example.org" in urllib.parse.unquote(parsed.path).split(",")
    assert query["subject"] == [
        "OPSG_49_2405 Draft Minutes v0.1 for comment by Tuesday 1 June 2021"
    ]
    assert "1 June 2021" in query["body"][0] and query["cc"]
