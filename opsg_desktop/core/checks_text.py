"""Checks that read the words of the notes: names off the roster, headings their text contradicts.

Both are heuristics that err towards silence: a name is only reported when it
looks like a person the group knows (a name from another meeting, or the
first or last name of someone on this roster spelled with a different other
half), and a sub-heading only when the text under it names references of the
same kind (``DP160``, ``MP122A``, ``Incident 1234567``) and never the one the
heading names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from opsg_desktop.core.checks import Finding
from opsg_desktop.core.model import (
    ActionBlock,
    DecisionBlock,
    HeadingBlock,
    Meeting,
    TextBlock,
    walk_items,
)
from opsg_desktop.core.rules import name_key

_WORD = r"[A-Z][a-z]+(?:['-][A-Z]?[a-z]+)*"
_FULL_NAME = re.compile(rf"\b({_WORD}) (Mc[A-Z][a-z]+|{_WORD})\b")
#: ``DP160``, ``MP122A``, ``CR 4321``, ``Incident 1234567``, ``INC0012345``.
_REFERENCE = re.compile(r"\b(?P<kind>Incident|[A-Z]{2,6})[ -]?(?P<number>\d{2,}[A-Z]?)\b")


def _block_text(block) -> str:
    if isinstance(block, TextBlock | ActionBlock | HeadingBlock):
        return block.text
    if isinstance(block, DecisionBlock):
        return block.text
    return ""


def unknown_names(meeting: Meeting, known_people: Iterable[str] = ()) -> Iterator[Finding]:
    """Names in the notes that look like people but are not on this meeting's roster."""
    roster = {name_key(p.name) for p in meeting.people}
    roster |= {name_key(p.alternate_for) for p in meeting.people if p.alternate_for}
    known = {name_key(name) for name in known_people} - roster
    firsts = {name.split(" ")[0] for name in roster if " " in name}
    lasts = {name.split(" ")[-1] for name in roster if " " in name}
    for item in walk_items(meeting.agenda):
        reported: set[str] = set()
        for index, block in enumerate(item.blocks):
            for match in _FULL_NAME.finditer(_block_text(block)):
                name = name_key(match.group(0))
                first, last = name.split(" ")
                if name in roster or name in reported:
                    continue
                if name in known or first in firsts or last in lasts:
                    reported.add(name)
                    message = f"{match.group(0)} is named in the notes but is not on the roster"
                    yield Finding("name-off-roster", message, False, item=item.number, block=index)


def _references(text: str, skip: str) -> dict[str, dict[str, str]]:
    """References in ``text`` by kind: normalised number -> the reference as written."""
    found: dict[str, dict[str, str]] = {}
    for match in _REFERENCE.finditer(text):
        kind = match["kind"].upper()
        kind = "INCIDENT" if kind in ("INC", "INCIDENT") else kind
        if kind != skip:
            found.setdefault(kind, {})[match["number"].lstrip("0")] = match.group(0)
    return found


def contradicted_headings(meeting: Meeting) -> Iterator[Finding]:
    """Sub-headings naming a reference their own text speaks of only under other numbers."""
    skip = meeting.group.abbreviation.upper()
    for item in walk_items(meeting.agenda):
        sections: list[tuple[int, HeadingBlock, list[str]]] = []
        for index, block in enumerate(item.blocks):
            if isinstance(block, HeadingBlock):
                sections.append((index, block, []))
            elif sections:
                sections[-1][2].append(_block_text(block))
        for index, heading, texts in sections:
            named = _references(heading.text, skip)
            spoken = _references(" ".join(texts), skip)
            for kind, numbers in named.items():
                others = spoken.get(kind, {})
                if others and not numbers.keys() & others.keys():
                    message = (
                        f"the sub-heading '{heading.text}' names {', '.join(numbers.values())}"
                        f" but its text speaks of {', '.join(others.values())}"
                    )
                    where = {"item": item.number, "block": index}
                    yield Finding("heading-contradicted", message, True, **where)
