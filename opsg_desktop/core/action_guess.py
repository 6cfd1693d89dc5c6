"""Reading owner, target and topic out of an action as the secretary typed it.

"CH & Network Programme: The DCC to provide a roadmap by 11 June" names its
topic, its owner (DCC) and its target (11 June); these guesses prefill the
action bar so that usually Enter is all it takes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping

from opsg_desktop.core.errors import RuleError
from opsg_desktop.core.model import Target
from opsg_desktop.core.natural_dates import parse_target_text

_OWNER = re.compile(
    r"^(?:the\s+)?(?P<owner>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,2})\s+to\s", re.I
)
_TOPIC = re.compile(r"^(?P<topic>[^:]{3,80}):\s+(?=\S)")
_BY_DATE = re.compile(
    r"\bby\s+(?P<when>\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\.?(?:\s+\d{4})?|[A-Za-z]+\s+\d{1,2}(?:st|nd|rd|th)?)",
)
#: A target said in words, as the target field reads them (``core.natural_dates``):
#: "by Friday", "by next Tuesday", "by tomorrow", "by next week", "in two weeks",
#: "within 3 days" (read as "in 3 days").
_SAID = re.compile(
    r"\bby\s+(?P<day>(?:next\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|"
    r"next\s+week)\b|\b(?:in|within)\s+(?P<span>(?:\d{1,3}|a|one|two|three|four)\s+"
    r"(?:day|week|month)s?)\b",
    re.I,
)
_NEXT_MEETING = re.compile(r"\b(?:at|by|for)\s+the\s+next\s+meeting\b", re.I)
#: A meeting named by its group and number: "(OPSG_52)", "OPSG 52", "OPSG52".
_NAMED_MEETING = re.compile(
    r"\b(?:at|by|for)\s+(?:the\s+)?(?P<next>next\s+meeting\s*)?\(?\s*"
    r"(?P<ref>(?P<abbr>[A-Z]{2,10})[ _]?(?P<number>\d{1,4}))\b\)?"
)


def guess_topic(text: str) -> str | None:
    """The words before a leading "Topic: " when an owner follows them."""
    match = _TOPIC.match(text)
    if match and _OWNER.match(text[match.end() :]):
        return match["topic"].strip()
    return None


def guess_owner(text: str, known: Iterable[str] = ()) -> str | None:
    """Who the action is for: "The DCC to …" → "DCC", matched to a known spelling."""
    topic = guess_topic(text)
    rest = text[len(topic) + 1 :].lstrip() if topic else text
    match = _OWNER.match(rest)
    if not match:
        return None
    owner = match["owner"]
    for name in known:
        if name.casefold() == owner.casefold():
            return name
    return owner if owner.upper() == owner or owner[0].isupper() else None


def guess_target(
    text: str,
    today: dt.date,
    next_meeting: dt.date | None,
    meeting_dates: Mapping[str, dt.date] | None = None,
) -> Target | None:
    """The date the action's words give: "by 11 June", "by Friday", "in two weeks" or
    "at the next meeting".

    Words that name a meeting ("at the next meeting (OPSG_52)") keep that
    meeting: its date when ``meeting_dates`` (keyed "OPSG_52") knows it, else
    the text "Next meeting (OPSG_52)".
    """
    named = _NAMED_MEETING.search(text)
    if named:
        key = f"{named['abbr'].upper()}_{int(named['number'])}"
        if meeting_dates and key in meeting_dates:
            return meeting_dates[key]
        return f"{'Next meeting' if named['next'] else 'Meeting'} ({named['ref']})"
    match = _BY_DATE.search(text)
    if match:
        try:
            found = parse_target_text(match["when"], today, next_meeting)
        except RuleError:  # "by 31 February": no guess rather than a wrong one
            found = None
        if isinstance(found, dt.date):
            return found
    said = _SAID.search(text)
    if said:
        words = said["day"] or f"in {said['span']}"
        found = parse_target_text(words.lower(), today, next_meeting)
        if isinstance(found, dt.date):
            return found
    if _NEXT_MEETING.search(text):
        return parse_target_text("next meeting", today, next_meeting)
    return None
