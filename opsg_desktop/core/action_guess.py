"""Reading owner, target and topic out of an action as the secretary typed it.

"CH & Network Programme: The DCC to provide a roadmap by 11 June" names its
topic, its owner (DCC) and its target (11 June); these guesses prefill the
action bar so that usually Enter is all it takes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

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
_NEXT_MEETING = re.compile(r"\b(?:at|by|for)\s+the\s+next\s+meeting\b", re.I)


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


def guess_target(text: str, today: dt.date, next_meeting: dt.date | None) -> Target | None:
    """The date the action's words give, "by 11 June" or "at the next meeting"."""
    match = _BY_DATE.search(text)
    if match:
        try:
            found = parse_target_text(match["when"], today, next_meeting)
        except RuleError:  # "by 31 February": no guess rather than a wrong one
            found = None
        if isinstance(found, dt.date):
            return found
    if _NEXT_MEETING.search(text):
        return parse_target_text("next meeting", today, next_meeting)
    return None
