"""Meeting references and action ids: generated, never typed by hand.

A meeting's reference is ``<ABBR>_<number>_<DDMM>`` (``OPSG_49_2405``);
an action id is ``<ABBR> <number>/<NN>`` (``OPSG 49/07``), or
``<ABBR> <number>/CONF<NN>`` for an action raised in an amber or red
session.  Each series is numbered in order of appearance and never reuses
a number that was already given out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from opsg_desktop.core.classification import effective_blocks, is_confidential
from opsg_desktop.core.model import ActionBlock, Meeting

#: The one pattern of each part of a reference or an id, ASCII only, matched whole
#: (``fullmatch``: ``$`` would let a trailing line break through).  Every door that
#: takes one (import, window, store) and every reader that parses one back uses these.
ABBREVIATION_PATTERN = r"[A-Za-z][A-Za-z0-9]{0,15}"
MEETING_NUMBER_PATTERN = r"[1-9][0-9]{0,5}x?"  # no leading zero: 62 and 0062 cannot both exist
_ABBREVIATION = re.compile(ABBREVIATION_PATTERN, re.ASCII)
_MEETING_NUMBER = re.compile(MEETING_NUMBER_PATTERN, re.ASCII)
_ACTION_ID = re.compile(
    rf"(?P<abbr>{ABBREVIATION_PATTERN}) (?P<number>{MEETING_NUMBER_PATTERN})"
    r"/(?P<conf>CONF)?(?P<seq>[0-9]{2,})",
    re.ASCII,
)


@dataclass(frozen=True)
class ActionId:
    abbreviation: str
    meeting_number: str
    sequence: int
    confidential: bool = False

    def __str__(self) -> str:
        conf = "CONF" if self.confidential else ""
        return f"{self.abbreviation} {self.meeting_number}/{conf}{self.sequence:02d}"


def is_meeting_number(text: str) -> bool:
    """True for ``49`` or ``37x`` (an extraordinary meeting): ASCII digits, no leading
    zero, nothing around."""
    return bool(_MEETING_NUMBER.fullmatch(text))


def is_abbreviation(text: str) -> bool:
    """True for ``OPSG``: an ASCII letter, then up to 15 ASCII letters or digits."""
    return bool(_ABBREVIATION.fullmatch(text))


def meeting_reference(abbreviation: str, number: str, date: dt.date) -> str:
    """``OPSG_49_2405`` for meeting 49 of OPSG on 24 May."""
    return f"{abbreviation}_{number}_{date:%d%m}"


def parse_action_id(text: str) -> ActionId:
    """The parts of ``OPSG 49/07`` or ``OPSG 45/CONF02``; ValueError otherwise."""
    match = _ACTION_ID.fullmatch(text)
    if not match:
        raise ValueError(f"{text!r} is not an action id like 'OPSG 49/07' or 'OPSG 45/CONF02'")
    return ActionId(match["abbr"], match["number"], int(match["seq"]), bool(match["conf"]))


def next_meeting_number(previous: str, extraordinary: bool) -> str:
    """The number after ``previous``: 49 → 50, or 49 → 49x for an extraordinary one."""
    base = int(previous.rstrip("x"))
    if extraordinary:
        return f"{base}x"
    return str(base + 1)


def highest_sequences(abbreviation: str, number: str, ids: Iterable[str]) -> dict[bool, int]:
    """The highest number used so far in the plain (False) and CONF (True) series."""
    highest = {False: 0, True: 0}
    for text in ids:
        parsed = parse_action_id(text)
        if (parsed.abbreviation, parsed.meeting_number) == (abbreviation, number):
            highest[parsed.confidential] = max(highest[parsed.confidential], parsed.sequence)
    return highest


def assign_action_ids(meeting: Meeting, taken: Iterable[str] = ()) -> list[str]:
    """Give every unnumbered action of ``meeting`` the next free id, in order.

    ``taken`` holds ids already given out for this meeting elsewhere (the
    action log), so that no number is reused.  Returns the ids assigned.
    Raises ValueError for an id that belongs to another meeting.
    """
    abbr, number = meeting.group.abbreviation, meeting.number
    actions = [(b, lvl) for _, b, lvl in effective_blocks(meeting) if isinstance(b, ActionBlock)]
    own = [b.id for b, _ in actions if b.id is not None]
    for action_id in own:
        parsed = parse_action_id(action_id)
        if (parsed.abbreviation, parsed.meeting_number) != (abbr, number):
            raise ValueError(f"action id {action_id} does not belong to meeting {abbr} {number}")
    highest = highest_sequences(abbr, number, [*taken, *own])
    assigned = []
    for block, level in actions:
        if block.id is None:
            conf = is_confidential(level)
            highest[conf] += 1
            block.id = str(ActionId(abbr, number, highest[conf], conf))
            assigned.append(block.id)
    return assigned
