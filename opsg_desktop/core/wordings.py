"""The shipped wordings of documents; a group may override any of them.

Overrides are a dict shaped like ``DEFAULT_WORDINGS`` (``group.wordings`` in
the interchange format); anything it leaves out falls back to these.
"""

from __future__ import annotations

from opsg_desktop.core.model import Classification, Group

DEFAULT_WORDINGS: dict = {
    "classification": {
        "red": (
            "This document is classified as Red. Information is for the named recipients "
            "only and must not be shared with anyone else."
        ),
        "amber": (
            "This document is classified as Amber. Information can be shared only with "
            "members of the recipients' own organisations who need to know it."
        ),
        "green": (
            "This document is classified as Green. Information can be shared with SEC "
            "Parties and their representatives, but not with wider SMIP stakeholders or "
            "the public."
        ),
        "white": (
            "This document is classified as White. Information can be shared with other SEC "
            "Parties and SMIP stakeholders at large, but not published (including "
            "publication online)."
        ),
    },
    "headlines_intro": (
        "At every meeting, the {name} ({abbreviation}) focuses on cross-industry operational "
        "matters affecting SEC Parties. The headlines below summarise the main points "
        "discussed; items are referenced by their agenda item number."
    ),
    "headlines_statement": (
        "This document is classified as White. Information can be shared with the public "
        "and published (including publication online)."
    ),
}


def wordings_problems(wordings: object) -> list[tuple[str, str]]:
    """What is wrong with a group's overrides, as (place under ``group.wordings``, message).

    The shape is ``DEFAULT_WORDINGS``'s: ``classification`` maps the levels
    (white, green, amber, red) to text; ``headlines_intro`` and
    ``headlines_statement`` are text.
    """
    if wordings is None:
        return []
    if not isinstance(wordings, dict):
        return [("", 'must be an object like {"headlines_intro": "…"}')]
    found = []
    for key, value in wordings.items():
        if key not in DEFAULT_WORDINGS:
            found.append((f".{key}", f"is not a wording ({', '.join(DEFAULT_WORDINGS)})"))
        elif key != "classification" and not isinstance(value, str):
            found.append((f".{key}", "must be text"))
        elif key == "classification" and not isinstance(value, dict):
            found.append((f".{key}", 'must be an object like {"white": "This document is …"}'))
        elif key == "classification":
            for level, text in value.items():
                if level not in DEFAULT_WORDINGS["classification"]:
                    found.append((f".{key}.{level}", "is not a level (white, green, amber, red)"))
                elif not isinstance(text, str):
                    found.append((f".{key}.{level}", "must be text"))
    return found


def _override(group: Group, *keys: str) -> str | None:
    """The group's text at ``keys``, or None where it has none (or something not text)."""
    value: object = group.wordings or {}
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    return value if isinstance(value, str) and value.strip() else None


def classification_statement(group: Group, level: Classification) -> str:
    """The statement a document at ``level`` carries under the attendees."""
    return (
        _override(group, "classification", level.label)
        or DEFAULT_WORDINGS["classification"][level.label]
    )


def headlines_intro(group: Group) -> str:
    """The headlines' opening paragraph, with the group's name and abbreviation filled in."""
    text = _override(group, "headlines_intro") or DEFAULT_WORDINGS["headlines_intro"]
    return text.replace("{name}", group.name).replace("{abbreviation}", group.abbreviation)


def headlines_statement(group: Group) -> str:
    """The headlines' classification statement (a public document's own wording)."""
    return _override(group, "headlines_statement") or DEFAULT_WORDINGS["headlines_statement"]
