"""After the call: drafts sent for comments, comments received, and the final minutes.

Each draft sent is a :class:`DraftVersion` numbered from 1 and shown as
``v0.1``, ``v0.2``, …; each reply is a :class:`Comment` from one person on
one version ("no comments" is a reply too).  Marking the minutes final
records the meeting that agreed them and locks the meeting against edits;
unlocking is a deliberate act with a reason, kept in the meeting's
:class:`LockEvent` history.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from opsg_desktop.core.model import Meeting, Person


@dataclass(frozen=True)
class DraftVersion:
    """A draft as it went out: its number, when, to whom and the comment deadline."""

    number: int
    sent: dt.date
    recipients: tuple[str, ...] = ()
    deadline: dt.date | None = None

    @property
    def label(self) -> str:
        """``v0.1`` for the first draft, ``v0.12`` for the twelfth."""
        return version_label(self.number)


@dataclass(frozen=True)
class Comment:
    """A reply to a draft: ``text`` empty and ``no_comments`` True for "no comments"."""

    person: str
    received: dt.date
    version: int
    text: str = ""
    no_comments: bool = False


@dataclass(frozen=True)
class LockEvent:
    """``lock`` (marked final, agreed at ``detail``) or ``unlock`` (with ``detail`` the reason)."""

    at: dt.datetime
    event: str
    detail: str


@dataclass
class DraftCycle:
    """Everything recorded about one meeting's minutes after the call."""

    versions: list[DraftVersion] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    agreed_at: str | None = None
    locked: bool = False
    history: list[LockEvent] = field(default_factory=list)

    def next_version(self) -> int:
        """The number the next draft sent will carry."""
        return max((v.number for v in self.versions), default=0) + 1

    def latest(self) -> DraftVersion | None:
        return max(self.versions, key=lambda v: v.number, default=None)


def version_label(number: int) -> str:
    """``v0.<number>``; ValueError below 1."""
    if number < 1:
        raise ValueError("draft versions are numbered from 1")
    return f"v0.{number}"


def awaiting_reply(meeting: Meeting, cycle: DraftCycle) -> list[Person]:
    """Members who have not replied to the latest draft sent (none before one is sent)."""
    latest = cycle.latest()
    if latest is None:
        return []
    replied = {c.person.casefold() for c in cycle.comments if c.version == latest.number}
    return [p for p in meeting.people if p.category and p.name.casefold() not in replied]
