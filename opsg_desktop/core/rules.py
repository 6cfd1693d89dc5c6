"""The invariants of a valid meeting: every door (import, window, store, rescue) asks these.

Two steps, used together by :func:`validate_meeting`:

- :func:`normalise_meeting` puts every value in its one stored form without
  changing its meaning: text cleaned (``core.text``), decision verbs and
  member categories in the group's own spelling, date-shaped targets as dates.
- :func:`meeting_problems` lists what cannot be put right, each with its
  place in the interchange format's terms (``agenda[0].blocks[1].link.url``),
  so the importer reports it where the file has it and the window can name
  the field.

Single-value rules are public for the window to ask before it changes the
meeting: :func:`normalise_verb`, :func:`member_category`,
:func:`check_new_name`, :func:`target_from_text`, plus ``core.text.clean_url``
and ``core.numbering.is_meeting_number`` / ``is_abbreviation``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from opsg_desktop.core.dates import NO_TARGET_WORDS
from opsg_desktop.core.errors import RuleError, ValidationError
from opsg_desktop.core.model import (
    ActionBlock,
    AgendaItem,
    DecisionBlock,
    HeadingBlock,
    LinkBlock,
    Meeting,
    Person,
    Target,
    TextBlock,
)
from opsg_desktop.core.natural_dates import calendar_date
from opsg_desktop.core.numbering import is_abbreviation, is_meeting_number, parse_action_id
from opsg_desktop.core.text import clean_line, clean_text, clean_url
from opsg_desktop.core.wordings import wordings_problems

_VERB = re.compile(r"[A-Z]+(?: [A-Z]+)*", re.ASCII)


@dataclass(frozen=True)
class Problem:
    """One broken rule: ``path`` in interchange terms, ``message`` for the user."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


# -- single values ---------------------------------------------------------------------------


def name_key(name: str) -> str:
    """The form two names are compared in: NFKC (so NFC too), case folded, invisible
    format characters (zero-width spaces and joiners, soft hyphens, direction marks)
    dropped, any run of white space (non-breaking ones too) one space.

    ``"Éva  Ng"`` (with a combining accent), ``"éva ng"``, ``"Ｅｖａ Ng"`` and
    ``"Eva\u200b Ng"`` differ from each other only in ways a reader cannot see
    on paper, and so have one key (less the accent for the third).
    """
    text = unicodedata.normalize("NFKC", name)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return unicodedata.normalize("NFKC", " ".join(text.split()).casefold())


def normalise_verb(verb: str, verbs: Sequence[str]) -> str:
    """The group's spelling (capitals) of decision ``verb``, matched case-insensitively.

    Raises RuleError naming the group's verbs when ``verb`` is not one of them.
    """
    wanted = clean_line(verb).casefold()
    for known in verbs:
        if known.casefold() == wanted:
            return known.upper()
    raise RuleError(_not_a_verb(clean_line(verb), verbs))


def _not_a_verb(verb: str, verbs: Sequence[str]) -> str:
    return f'"{verb}" is not one of the group\'s decision verbs ({", ".join(verbs)})'


def member_category(category: str, categories: Sequence[str]) -> str:
    """The group's spelling of ``category``, matched case-insensitively; RuleError otherwise."""
    wanted = name_key(category)
    for known in categories:
        if name_key(known) == wanted:
            return known
    raise RuleError(
        f'"{clean_line(category)}" is not one of the group\'s categories ({", ".join(categories)})'
    )


def check_new_name(people: Sequence[Person], name: str, *, keep: Person | None = None) -> str:
    """``name`` cleaned, if no one on the roster but ``keep`` has it; RuleError otherwise.

    Names are compared by :func:`name_key`, so ``sam patel`` clashes with ``Sam Patel``.
    """
    cleaned = clean_line(name)
    if not cleaned:
        raise RuleError("a name is needed")
    key = name_key(cleaned)
    for person in people:
        if person is not keep and name_key(person.name) == key:
            raise RuleError(f'"{person.name}" is already on this meeting\'s roster')
    return cleaned


def target_from_text(text: str) -> Target | None:
    """A target as stored: None for no target, a date, or free text.

    Text that names a day with its year (``2021-06-11``, ``11/06/2021``,
    ``11 June 2021``; see ``core.natural_dates.calendar_date``) becomes that
    date; other words stay text.  Text shaped like a date that names no real
    day (``31/31/2021``) raises RuleError rather than being kept as words.
    """
    cleaned = clean_line(text)
    if cleaned.casefold() in NO_TARGET_WORDS:
        return None
    found = calendar_date(cleaned, None)
    return found if found is not None else cleaned


# -- the whole meeting ----------------------------------------------------------------------


def normalise_meeting(meeting: Meeting) -> Meeting:
    """Put every value of ``meeting`` in its stored form, in place; returns it.

    Idempotent, and never raises: what cannot be put right is left for
    :func:`meeting_problems` to report.
    """
    group = meeting.group
    group.name = clean_line(group.name)
    # The abbreviation and the meeting number become part of ids: never cleaned into
    # shape, only checked (meeting_problems), like the readers that parse them back.
    group.categories = [clean_line(c) for c in group.categories]
    group.decision_verbs = [clean_line(v).upper() for v in group.decision_verbs]
    if group.wordings is not None:
        group.wordings = _clean_nested(group.wordings)
    meeting.location = _line_or_none(meeting.location)
    for person in meeting.people:
        _normalise_person(person, group.categories)
    for item, _ in _items(meeting.agenda, "agenda"):
        _normalise_item(item, group.decision_verbs)
    for review in meeting.outstanding:
        action = review.action
        action.text = clean_text(action.text)
        action.owner = _line_or_none(action.owner)
        action.topic = _line_or_none(action.topic)
        action.target = _target_or_keep(action.target)
        action.revised_target = _target_or_keep(action.revised_target)
        review.update = clean_text(review.update)
    return meeting


def meeting_problems(meeting: Meeting) -> list[Problem]:
    """Every rule ``meeting`` breaks (after normalising), in document order."""
    found: list[Problem] = []
    found += _group_problems(meeting)
    if not is_meeting_number(meeting.number):
        found.append(
            Problem("meeting.number", f"{meeting.number!r} is not a meeting number like 49 or 37x")
        )
    found += _people_problems(meeting)
    found += _agenda_problems(meeting)
    found += _action_id_problems(meeting)
    for i, review in enumerate(meeting.outstanding):
        if not review.action.text:
            found.append(Problem(f"outstanding[{i}].text", "an action needs its words"))
        raised = review.action.raised
        if raised is not None and raised > meeting.date:
            found.append(
                Problem(
                    f"outstanding[{i}].raised", "is after this meeting; it cannot be outstanding"
                )
            )
        for name in ("target", "revised_target"):
            found += _target_problems(getattr(review.action, name), f"outstanding[{i}].{name}")
    return found


def validate_meeting(meeting: Meeting, *, outcome: str = "saved") -> Meeting:
    """Normalise ``meeting`` and raise ValidationError listing every problem left."""
    normalise_meeting(meeting)
    problems = meeting_problems(meeting)
    if problems:
        raise ValidationError([str(p) for p in problems], meeting_label(meeting), outcome=outcome)
    return meeting


def meeting_label(meeting: Meeting) -> str:
    """How messages name a meeting, even one whose number is not valid."""
    return f"{meeting.group.abbreviation} meeting {meeting.number!r} of {meeting.date.isoformat()}"


# -- helpers ----------------------------------------------------------------------------------


def _line_or_none(value: str | None) -> str | None:
    if value is None:
        return None
    return clean_line(value) or None


def _clean_nested(value):
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {k: _clean_nested(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean_nested(v) for v in value]
    return value


def _target_or_keep(target: Target | None) -> Target | None:
    """A text target in stored form; text that breaks the date rule is kept for reporting."""
    if not isinstance(target, str):
        return target
    try:
        return target_from_text(target)
    except RuleError:
        return clean_line(target)


def _normalise_person(person: Person, categories: Sequence[str]) -> None:
    person.name = clean_line(person.name)
    for name in ("organisation", "role", "alternate_for", "email"):
        setattr(person, name, _line_or_none(getattr(person, name)))
    person.items = [clean_line(i) for i in person.items if clean_line(i)]
    if person.category is not None:
        person.category = _line_or_none(person.category)
        try:
            person.category = member_category(person.category or "", categories)
        except RuleError:
            pass


def _normalise_item(item: AgendaItem, verbs: Sequence[str]) -> None:
    item.number = clean_line(item.number)
    item.title = clean_line(item.title)
    item.presenter = _line_or_none(item.presenter)
    item.headline = None if item.headline is None else clean_text(item.headline)
    for block in item.blocks:
        match block:
            case TextBlock():
                block.text = clean_text(block.text)
                for link in block.links:
                    link.text, link.url = clean_line(link.text), link.url.strip(" ")
            case HeadingBlock():
                block.text = clean_line(block.text)
            case DecisionBlock():
                block.text = clean_text(block.text)
                try:
                    block.verb = normalise_verb(block.verb, verbs)
                except RuleError:
                    block.verb = clean_line(block.verb)
            case ActionBlock():
                block.text = clean_text(block.text)
                block.owner = _line_or_none(block.owner)
                block.topic = _line_or_none(block.topic)
                block.target = _target_or_keep(block.target)
            case LinkBlock():
                block.text, block.url = clean_line(block.text), block.url.strip(" ")


def _items(items: list[AgendaItem], path: str) -> Iterator[tuple[AgendaItem, str]]:
    for i, item in enumerate(items):
        here = f"{path}[{i}]"
        yield item, here
        yield from _items(item.items, f"{here}.items")


def _group_problems(meeting: Meeting) -> list[Problem]:
    group, found = meeting.group, []
    if not group.name:
        found.append(Problem("group.name", "the group needs a name"))
    if not is_abbreviation(group.abbreviation):
        found.append(
            Problem(
                "group.abbreviation",
                f"{group.abbreviation!r} is not an abbreviation: ASCII letters and digits, "
                "starting with a letter, e.g. OPSG",
            )
        )
    found += [
        Problem(f"group.wordings{place}", message)
        for place, message in wordings_problems(group.wordings)
    ]
    found += _duplicates(group.categories, "group.categories", "category")
    found += _duplicates(group.decision_verbs, "group.decision_verbs", "verb")
    for i, verb in enumerate(group.decision_verbs):
        if not _VERB.fullmatch(verb):
            found.append(
                Problem(f"group.decision_verbs[{i}]", f'"{verb}" is not a verb in capitals')
            )
    return found


def _duplicates(values: Sequence[str], path: str, what: str) -> list[Problem]:
    seen: dict[str, int] = {}
    found = []
    for i, value in enumerate(values):
        if not value:
            found.append(Problem(f"{path}[{i}]", f"an empty {what}"))
        elif name_key(value) in seen:
            found.append(
                Problem(
                    f"{path}[{i}]", f'"{value}" is listed twice (also at [{seen[name_key(value)]}])'
                )
            )
        seen.setdefault(name_key(value), i)
    return found


def _people_problems(meeting: Meeting) -> list[Problem]:
    seen: dict[str, str] = {}
    found = []
    categories = meeting.group.categories
    for i, person in enumerate(meeting.people):
        path = f"people[{i}]"
        if not person.name:
            found.append(Problem(f"{path}.name", "a name is needed"))
            continue
        key = name_key(person.name)
        if key in seen:
            found.append(
                Problem(f"{path}.name", f'"{person.name}" is listed twice (also at {seen[key]})')
            )
        seen.setdefault(key, path)
        if person.category is not None and person.category not in categories:
            found.append(
                Problem(
                    f"{path}.category",
                    f'"{person.category}" is not one of the group\'s categories '
                    f"({', '.join(categories)})",
                )
            )
    return found


def _agenda_problems(meeting: Meeting) -> list[Problem]:
    found: list[Problem] = []
    seen: dict[str, str] = {}
    verbs = meeting.group.decision_verbs
    for item, path in _items(meeting.agenda, "agenda"):
        if not item.number:
            found.append(Problem(f"{path}.number", "an agenda item needs a number"))
        elif item.number in seen:
            found.append(
                Problem(f"{path}.number", f'"{item.number}" is already used by {seen[item.number]}')
            )
        seen.setdefault(item.number, path)
        for j, block in enumerate(item.blocks):
            found += _block_problems(block, f"{path}.blocks[{j}]", verbs)
    return found


def _block_problems(block, path: str, verbs: Sequence[str]) -> list[Problem]:
    found = []
    match block:
        case DecisionBlock() if block.verb not in verbs:
            found.append(Problem(f"{path}.decision", _not_a_verb(block.verb, verbs)))
        case ActionBlock():
            found += _target_problems(block.target, f"{path}.action.target")
        case LinkBlock():
            found += _link_problems(block.text, block.url, f"{path}.link")
        case TextBlock():
            for k, link in enumerate(block.links):
                found += _link_problems(link.text, link.url, f"{path}.links[{k}]")
    return found


def _link_problems(text: str, url: str, path: str) -> list[Problem]:
    found = [] if text else [Problem(f"{path}.text", "a link needs words to show")]
    try:
        clean_url(url)
    except RuleError as exc:
        found.append(Problem(f"{path}.url", str(exc)))
    return found


def _target_problems(target: Target | None, path: str) -> list[Problem]:
    if not isinstance(target, str):
        return []
    try:
        target_from_text(target)
    except RuleError as exc:
        return [Problem(path, str(exc))]
    return []


def _outstanding_id_problems(parsed, action_id: str, meeting: Meeting, path: str) -> list[Problem]:
    """An action outstanding here was raised by this group at an earlier meeting."""
    if parsed.abbreviation != meeting.group.abbreviation:
        return [Problem(path, f"{action_id} is not an action of {meeting.group.abbreviation}")]
    if is_meeting_number(meeting.number) and int(parsed.meeting_number.rstrip("x")) > int(
        meeting.number.rstrip("x")
    ):
        return [Problem(path, f"{action_id} comes from a later meeting than {meeting.number}")]
    return []


def _action_id_problems(meeting: Meeting) -> list[Problem]:
    seen: dict[str, str] = {}
    own = (meeting.group.abbreviation, meeting.number)
    found: list[Problem] = []

    def check(action_id: str, path: str, raised_here: bool) -> None:
        try:
            parsed = parse_action_id(action_id)
        except ValueError as exc:
            found.append(Problem(path, str(exc)))
            return
        mine = (parsed.abbreviation, parsed.meeting_number) == own
        if raised_here and not mine:
            found.append(Problem(path, f"{action_id} is not an id of meeting {own[0]} {own[1]}"))
        if not raised_here and mine:
            found.append(
                Problem(path, f"{action_id} is raised at this meeting, not outstanding from before")
            )
        elif not raised_here:
            found.extend(_outstanding_id_problems(parsed, action_id, meeting, path))
        if action_id in seen:
            found.append(Problem(path, f"{action_id} is already used at {seen[action_id]}"))
        seen.setdefault(action_id, path)

    for item, path in _items(meeting.agenda, "agenda"):
        for j, block in enumerate(item.blocks):
            if isinstance(block, ActionBlock) and block.id is not None:
                check(block.id, f"{path}.blocks[{j}].action.id", True)
    for i, review in enumerate(meeting.outstanding):
        check(review.action.id, f"outstanding[{i}].id", False)
    return found
