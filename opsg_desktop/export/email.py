"""The email that sends a draft for comments, as an unsent ``.eml`` message.

Built with Python's :mod:`email` package: To the members (people with a
category) and Cc the other participants (with an organisation) who have an
email address, subject and body from the group's editable templates
(``core.wordings``), the exported ``.docx`` attached byte for byte, and
``X-Unsent: 1`` so that Outlook and Thunderbird open the file as a new
message to edit and send rather than as one received.
"""

from __future__ import annotations

import datetime as dt
import os
import urllib.parse
from dataclasses import dataclass, field
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from opsg_desktop.core.dates import prose_date
from opsg_desktop.core.model import Meeting, Person
from opsg_desktop.core.wordings import email_template, fill_template
from opsg_desktop.export.files import write_atomically

DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")


@dataclass
class Recipients:
    """Who the draft goes to: ``to`` and ``cc`` as people, ``missing`` those without email."""

    to: list[Person] = field(default_factory=list)
    cc: list[Person] = field(default_factory=list)
    missing: list[Person] = field(default_factory=list)

    def addresses(self) -> list[str]:
        """Every address, To first, as ``Name <address>`` lines for copying."""
        return [str(_address(p)) for p in [*self.to, *self.cc]]


def recipients(meeting: Meeting, *, cc_others: bool = True) -> Recipients:
    """Members To, other participants Cc (unless ``cc_others`` is False), in roster order."""
    chosen = Recipients()
    for person in meeting.people:
        is_member = bool((person.category or "").strip())
        if not is_member and not cc_others:
            continue
        if not (person.email or "").strip():
            chosen.missing.append(person)
        else:
            (chosen.to if is_member else chosen.cc).append(person)
    return chosen


def _address(person: Person) -> Address:
    return Address(display_name=person.name, addr_spec=(person.email or "").strip())


def _secretary(meeting: Meeting) -> str:
    for person in meeting.people:
        if "secretary" in (person.role or "").casefold():
            return person.name
    return f"{meeting.group.abbreviation} Meeting Secretary"


def email_values(meeting: Meeting, deadline: dt.date, version: str) -> dict[str, str]:
    """What the template's ``{placeholders}`` stand for (``core.wordings.EMAIL_FIELDS``)."""
    return {
        "name": meeting.group.name,
        "abbreviation": meeting.group.abbreviation,
        "reference": meeting.reference,
        "meeting_date": prose_date(meeting.date),
        "deadline": f"{deadline:%A} {prose_date(deadline)}",
        "version": version,
        "secretary": _secretary(meeting),
    }


def filled_template(meeting: Meeting, deadline: dt.date, version: str) -> tuple[str, str]:
    """The group's (subject, body) templates with the placeholders filled in."""
    values = email_values(meeting, deadline, version)
    subject, body = email_template(meeting.group)
    return fill_template(subject, values), fill_template(body, values)


def comment_email(
    meeting: Meeting,
    attachment: str | os.PathLike[str],
    deadline: dt.date,
    *,
    version: str = "0.1",
    cc_others: bool = True,
    subject: str | None = None,
    body: str | None = None,
) -> EmailMessage:
    """The unsent message carrying the exported draft at ``attachment``.

    ``subject`` and ``body`` replace what the group's templates give (the
    window lets the secretary edit them before sending).  Raises OSError when
    the attachment cannot be read.
    """
    filled = filled_template(meeting, deadline, version)
    message = draft_message(
        meeting,
        filled[0] if subject is None else subject,
        filled[1] if body is None else body,
        cc_others=cc_others,
    )
    path = Path(attachment)
    message.add_attachment(path.read_bytes(), *DOCX_TYPE, filename=path.name)
    return message


def draft_message(
    meeting: Meeting, subject: str, body: str, *, cc_others: bool = True
) -> EmailMessage:
    """The unsent message without its attachment: recipients, subject, body, ``X-Unsent``."""
    chosen = recipients(meeting, cc_others=cc_others)
    message = EmailMessage(policy=SMTP)
    message["To"] = [_address(p) for p in chosen.to]
    if chosen.cc:
        message["Cc"] = [_address(p) for p in chosen.cc]
    message["Subject"] = subject
    message["X-Unsent"] = "1"
    message.set_content(body)
    return message


def write_eml(message: EmailMessage, path: str | os.PathLike[str]) -> Path:
    """Write ``message`` to ``path`` atomically (CRLF lines, as mail programs expect)."""
    data = message.as_bytes(policy=SMTP)

    def write(temporary: Path) -> None:
        Path(temporary).write_bytes(data)

    return write_atomically(path, write)


def mailto_link(message: EmailMessage) -> str:
    """A ``mailto:`` URL with the same recipients, subject and body (no attachment)."""
    to = ",".join(a.addr_spec for a in message["To"].addresses) if message["To"] else ""
    query = {"subject": str(message["Subject"])}
    if message["Cc"]:
        query["cc"] = ",".join(a.addr_spec for a in message["Cc"].addresses)
    body = message.get_body(("plain",))
    query["body"] = body.get_content() if body is not None else ""
    encoded = urllib.parse.urlencode(query, quote_via=urllib.parse.quote)
    return f"mailto:{urllib.parse.quote(to, safe='@,')}?{encoded}"
