"""The domain of OPSG Secretary as plain dataclasses: no Qt, no SQL.

A :class:`Meeting` holds everything the minutes of one meeting say: its
group, attendance, agenda (items with ordered blocks) and the review of
earlier actions.  Actions live in a log that spans meetings; an
:class:`ActionBlock` in the agenda is where one was raised, an
:class:`OutstandingReview` is where one was reviewed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from typing import TypeAlias


class Classification(IntEnum):
    """Information classification, least to most restricted."""

    WHITE = 0
    GREEN = 1
    AMBER = 2
    RED = 3

    @property
    def label(self) -> str:
        """Lower-case name as written in files and the database."""
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Classification:
        """The level named by ``text`` (case-insensitive); ValueError otherwise."""
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown classification {text!r}") from None


class MeetingKind(StrEnum):
    MAIN = "main"
    REPORTING = "reporting"
    EXTRAORDINARY = "extraordinary"


class MeetingStatus(StrEnum):
    DRAFT = "draft"
    FINAL = "final"


class AttendanceMark(StrEnum):
    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"


class ActionStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class ListStyle(StrEnum):
    BULLET = "bullet"
    NUMBER = "number"
    LETTER = "letter"


#: A target date is a calendar date or free text ("Revised date to be determined").
Target: TypeAlias = dt.date | str

DEFAULT_CATEGORIES: tuple[str, ...] = (
    "Operations Group Chair",
    "Network Parties",
    "Large Suppliers",
    "Small Suppliers",
    "Other SEC Parties",
)

#: Organisations of other participants, in the order the attendees table lists them.
DEFAULT_ORGANISATIONS: tuple[str, ...] = ("DCC", "SECAS", "DESNZ", "Ofgem")

DEFAULT_DECISION_VERBS: tuple[str, ...] = (
    "AGREED",
    "NOTED",
    "CONSIDERED",
    "APPROVED",
    "ENDORSED",
    "DECIDED",
    "REJECTED",
)


@dataclass
class Group:
    """The committee: its names, member categories and wordings."""

    name: str
    abbreviation: str
    categories: list[str] = field(default_factory=lambda: list(DEFAULT_CATEGORIES))
    decision_verbs: list[str] = field(default_factory=lambda: list(DEFAULT_DECISION_VERBS))
    #: Overrides of the shipped wordings (see ``core.wordings``); None: shipped ones.
    wordings: dict | None = None
    #: Organisations other participants come from (offered when adding people).
    #: (None listed unless given: a file without them reads back without them.)
    organisations: list[str] = field(default_factory=list)


@dataclass
class NextMeeting:
    kind: MeetingKind
    date: dt.date


@dataclass
class Person:
    """Somebody on a meeting's roster, with their attendance at that meeting."""

    name: str
    category: str | None = None
    organisation: str | None = None
    role: str | None = None
    alternate_for: str | None = None
    #: Agenda numbers attended, for someone present for only some items.
    items: list[str] = field(default_factory=list)
    email: str | None = None
    attendance: AttendanceMark = AttendanceMark.PRESENT


@dataclass
class Link:
    text: str
    url: str


@dataclass
class TextBlock:
    text: str
    list_style: ListStyle | None = None
    links: list[Link] = field(default_factory=list)
    classification: Classification | None = None


@dataclass
class HeadingBlock:
    text: str
    classification: Classification | None = None


@dataclass
class DecisionBlock:
    verb: str
    text: str
    classification: Classification | None = None


@dataclass
class ActionBlock:
    """An action raised at this meeting; ``id`` is None until numbered."""

    text: str
    owner: str | None = None
    target: Target | None = None
    topic: str | None = None
    classification: Classification | None = None
    id: str | None = None


@dataclass
class LinkBlock:
    text: str
    url: str
    classification: Classification | None = None


@dataclass
class OutstandingBlock:
    """Where the table of actions outstanding stands in the minutes."""

    classification: Classification | None = None


Block: TypeAlias = (
    TextBlock | HeadingBlock | DecisionBlock | ActionBlock | LinkBlock | OutstandingBlock
)


@dataclass
class AgendaItem:
    number: str
    title: str
    presenter: str | None = None
    classification: Classification | None = None
    #: Text for the public headlines; None leaves the item out of them.
    headline: str | None = None
    blocks: list[Block] = field(default_factory=list)
    items: list[AgendaItem] = field(default_factory=list)


@dataclass
class Action:
    """An entry of the action log, as it stands."""

    id: str
    text: str
    owner: str | None = None
    raised: dt.date | None = None
    target: Target | None = None
    revised_target: Target | None = None
    topic: str | None = None
    classification: Classification | None = None
    status: ActionStatus = ActionStatus.OPEN


@dataclass
class ActionUpdate:
    """What one meeting recorded about an action when it reviewed it."""

    meeting_reference: str
    meeting_date: dt.date
    text: str
    status: ActionStatus
    revised_target: Target | None = None


@dataclass
class LoggedAction:
    """An action of the log with where it was raised and its history of updates."""

    action: Action
    raised_at: str | None = None
    updates: list[ActionUpdate] = field(default_factory=list)


@dataclass
class OutstandingReview:
    """One earlier action as this meeting reviewed it."""

    action: Action
    update: str = ""
    status: ActionStatus = ActionStatus.OPEN


@dataclass
class Meeting:
    group: Group
    number: str
    date: dt.date
    kind: MeetingKind = MeetingKind.MAIN
    start: dt.time | None = None
    end: dt.time | None = None
    location: str | None = None
    classification: Classification = Classification.WHITE
    status: MeetingStatus = MeetingStatus.DRAFT
    next_meetings: list[NextMeeting] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    agenda: list[AgendaItem] = field(default_factory=list)
    outstanding: list[OutstandingReview] = field(default_factory=list)

    @property
    def reference(self) -> str:
        """The meeting's reference, e.g. ``OPSG_49_2405``."""
        from opsg_desktop.core.numbering import meeting_reference

        return meeting_reference(self.group.abbreviation, self.number, self.date)


def walk_items(items: list[AgendaItem]):
    """Every agenda item and sub-item, depth first, in agenda order."""
    for item in items:
        yield item
        yield from walk_items(item.items)


def walk_blocks(meeting: Meeting):
    """Every (item, block) pair of the meeting in the order of the minutes."""
    for item in walk_items(meeting.agenda):
        for block in item.blocks:
            yield item, block
