"""A group's first meeting, from nothing: what the start page and ``new`` prefill.

The group defaults are the Operations Group's (its name, ``OPSG``, the
constituency categories in order, the usual organisations and the shipped
classification wordings); every one of them can be changed before the
meeting is created and later in the group's settings.
"""

from __future__ import annotations

import datetime as dt

from opsg_desktop.core.model import (
    DEFAULT_ORGANISATIONS,
    AgendaItem,
    Group,
    Meeting,
    MeetingKind,
    OutstandingBlock,
)
from opsg_desktop.core.numbering import is_meeting_number

#: The standing items a first meeting opens with (number, title, presenter).
STANDING_AGENDA: tuple[tuple[str, str, str], ...] = (
    ("1", "Previous Meeting Minutes", "Chair"),
    ("2", "Actions Outstanding", "SECAS"),
    ("3", "Any Other Business", "Chair"),
)


def operations_group() -> Group:
    """The Operations Group with the shipped categories, organisations and verbs."""
    return Group("Operations Group", "OPSG", organisations=list(DEFAULT_ORGANISATIONS))


def first_meeting(
    group: Group, number: str, date: dt.date, kind: MeetingKind = MeetingKind.MAIN
) -> Meeting:
    """A new meeting of ``group`` with the standing agenda and nobody on the roster yet.

    An extraordinary meeting's number gains its ``x`` (``37`` → ``37x``).
    Raises ValueError for a number that is not like ``49`` or ``37x``.
    """
    number = number.strip()
    kind = MeetingKind(kind)  # a plain string from a form is welcome too
    if kind is MeetingKind.EXTRAORDINARY and not number.endswith("x"):
        number += "x"
    if not is_meeting_number(number):
        raise ValueError(f"{number!r} is not a meeting number like 49 (or 37x)")
    agenda = [AgendaItem(n, title, presenter) for n, title, presenter in STANDING_AGENDA]
    agenda[1].blocks.append(OutstandingBlock())
    return Meeting(group=group, number=number, date=date, kind=kind, agenda=agenda)
