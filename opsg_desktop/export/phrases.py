"""The sentences and labels the exported documents are made of, as plain text.

Pure functions (no python-docx), so the wording rules of the house layout —
attendance notes, decision sentences, outcome-block punctuation, the closing
line — can be read and tested on their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from opsg_desktop.core.dates import prose_date
from opsg_desktop.core.model import (
    AgendaItem,
    Classification,
    DecisionBlock,
    Meeting,
    MeetingStatus,
    Person,
)
from opsg_desktop.core.rules import name_key

_SENTENCE_ENDS = (".", "!", "?")
#: Punctuation (and a typed "; and") that the outcome block replaces with its own.
_TRAILING_JOIN = re.compile(r"(?:\s*;\s*and)?[\s.;,]*$")
#: A typed joining ``;``, ``; and`` or ``,`` that must not survive at a sentence's end.
_TRAILING_LINK = re.compile(r"(?:\s*;\s*and)?[\s;,]*$")


def action_text(topic: str | None, text: str) -> str:
    """An action's words with its topic in front (``CH & Network Programme: The DCC to …``).

    The topic is not repeated when the text already opens with it (in any
    case), so no document prints it twice.  Used by the minutes and the
    action log alike.
    """
    text = text.strip()
    topic = (topic or "").strip()
    if not topic:
        return text
    wanted, opening = name_key(topic), name_key(text)  # as a reader would compare them
    if opening.startswith(wanted) and not opening[len(wanted) : len(wanted) + 1].isalnum():
        return text
    return f"{topic}: {text}"


def status_label(meeting: Meeting) -> str:
    """``Draft Minutes``, or ``Minutes`` once approved as final."""
    return "Minutes" if meeting.status == MeetingStatus.FINAL else "Draft Minutes"


def classification_line(level: Classification) -> str:
    """The footer's ``This document has a Classification of White``."""
    return f"This document has a Classification of {level.name.title()}"


def item_number(item: AgendaItem) -> str:
    """``4.`` for a top-level number, ``4.1`` as it is for a sub-item's."""
    number = item.number.strip()
    return number if "." in number else f"{number}."


def item_heading(item: AgendaItem) -> str:
    """``1. Previous Meeting Minutes`` or ``4.1 SMETS1``."""
    return f"{item_number(item)} {item.title}".strip()


def items_phrase(numbers: Sequence[str]) -> str:
    """``agenda item 5``, ``agenda item 6 & 7``, ``agenda items 5, 6 & 7``."""
    if len(numbers) == 1:
        return f"agenda item {numbers[0]}"
    joined = f"{', '.join(numbers[:-1])} & {numbers[-1]}"
    return f"agenda item {joined}" if len(numbers) == 2 else f"agenda items {joined}"


def person_line(person: Person) -> str:
    """A name with its notes: ``Name (alternate for X) (Meeting Secretary) (agenda item 5)``."""
    notes = []
    if person.alternate_for:
        notes.append(f"alternate for {person.alternate_for}")
    if person.role:
        notes.append(person.role)
    if person.items:
        notes.append(items_phrase(person.items))
    return " ".join([person.name, *(f"({note})" for note in notes)])


def finish_sentence(text: str) -> str:
    """``text`` ending with a full stop unless it already ends with ``.``, ``!`` or ``?``."""
    text = text.rstrip()
    return text if text.endswith(_SENTENCE_ENDS) else f"{text}."


def _end_sentence(text: str) -> str:
    """``text`` as a sentence's end: a typed ``;``/``; and``/``,`` dropped, one full stop."""
    return finish_sentence(_TRAILING_LINK.sub("", text))


def decision_sentence(abbreviation: str, decision: DecisionBlock) -> str:
    """``The OPSG NOTED the update.``"""
    words = [f"The {abbreviation}", decision.verb.strip().upper(), decision.text.strip()]
    return _end_sentence(" ".join(word for word in words if word))


def outcome_entries(decisions: Sequence[DecisionBlock]) -> list[str]:
    """Bullets of an outcome block: ``NOTED the PMR;`` … ``NOTED the X; and`` / ``AGREED Y.``"""
    entries = []
    last = len(decisions) - 1
    for index, decision in enumerate(decisions):
        text = " ".join(w for w in (decision.verb.strip().upper(), decision.text.strip()) if w)
        if index == last:
            entries.append(_end_sentence(text))
            continue
        text = _TRAILING_JOIN.sub("", text)
        entries.append(f"{text}; and" if index == last - 1 else f"{text};")
    return entries


def next_meetings_line(meeting: Meeting) -> str | None:
    """``Next main meeting: 1 June 2021; Next reporting meeting: 28 June 2021.``"""
    parts = [
        f"Next {upcoming.kind.value} meeting: {prose_date(upcoming.date)}"
        for upcoming in meeting.next_meetings
    ]
    return f"{'; '.join(parts)}." if parts else None


def representing(person: Person) -> str:
    """Who a person speaks for: their category, else organisation, else ``Other``."""
    return person.category or person.organisation or "Other"


def headline_label(item: AgendaItem) -> str:
    """``4. DCC Operational Update (DCC):``; no colon when the headline is empty."""
    label = item_heading(item)
    if item.presenter:
        label = f"{label} ({item.presenter})"
    return f"{label}:" if (item.headline or "").strip() else label
