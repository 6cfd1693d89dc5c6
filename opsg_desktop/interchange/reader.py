"""Reading an ``opsg-meeting/1`` document into a :class:`Meeting`, checking every rule."""

from __future__ import annotations

import datetime as dt
from typing import Any

from opsg_desktop.core.errors import RuleError
from opsg_desktop.core.model import (
    Action,
    ActionBlock,
    ActionStatus,
    AgendaItem,
    AttendanceMark,
    Block,
    Classification,
    DecisionBlock,
    Group,
    HeadingBlock,
    Link,
    LinkBlock,
    ListStyle,
    Meeting,
    MeetingKind,
    MeetingStatus,
    NextMeeting,
    OutstandingBlock,
    OutstandingReview,
    Person,
    Target,
    TextBlock,
)
from opsg_desktop.core.rules import meeting_problems, normalise_meeting, target_from_text
from opsg_desktop.interchange.checks import Problems, kind_of

FORMAT = "opsg-meeting/1"
_TOP = ("format", "group", "meeting", "people", "agenda", "outstanding")
_GROUP = ("name", "abbreviation", "categories", "decision_verbs", "wordings")
_MEETING = (
    "number",
    "kind",
    "date",
    "start",
    "end",
    "location",
    "classification",
    "status",
    "next_meetings",
)
_PERSON = (
    "name",
    "category",
    "organisation",
    "role",
    "alternate_for",
    "items",
    "email",
    "attendance",
)
_ITEM = ("number", "title", "presenter", "classification", "headline", "blocks", "items")
_BLOCK_KINDS = ("text", "heading", "decision", "action", "link", "outstanding_actions")
_ACTION = ("id", "text", "owner", "target", "topic", "classification")
_OUTSTANDING = (
    "id",
    "text",
    "owner",
    "raised",
    "target",
    "revised_target",
    "classification",
    "update",
    "status",
    "topic",
)


def read_document(data: Any, problems: Problems) -> Meeting | None:
    """The meeting ``data`` describes, or None with ``problems`` filled in."""
    top = problems.obj(data, "(document)", _TOP, ("group", "meeting"))
    if top is None:
        return None
    fmt = top.get("format", FORMAT)
    if fmt != FORMAT:
        problems.add("format", f'"{fmt}" is not a format this version reads; expected "{FORMAT}"')
    group = _group(top.get("group"), problems)
    meeting = _meeting(top.get("meeting"), group, problems)
    meeting.people = [
        p
        for i, v in enumerate(problems.items(top.get("people"), "people"))
        if (p := _person(v, f"people[{i}]", problems))
    ]
    meeting.agenda = _items(top.get("agenda"), "agenda", problems)
    meeting.outstanding = [
        r
        for i, v in enumerate(problems.items(top.get("outstanding"), "outstanding"))
        if (r := _review(v, f"outstanding[{i}]", problems))
    ]
    # The rules of a valid meeting are core's, the same at every door (core.rules).
    normalise_meeting(meeting)
    for problem in meeting_problems(meeting):
        problems.add(problem.path, problem.message)
    return meeting


def _group(value: Any, problems: Problems) -> Group:
    obj = problems.obj(value, "group", _GROUP, ("name", "abbreviation")) or {}
    group = Group(
        name=problems.text(obj.get("name"), "group.name", required=True) or "",
        abbreviation=problems.text(obj.get("abbreviation"), "group.abbreviation", required=True)
        or "",
    )
    if "categories" in obj:
        group.categories = problems.texts(obj["categories"], "group.categories")
    if "decision_verbs" in obj:
        group.decision_verbs = problems.texts(obj["decision_verbs"], "group.decision_verbs")
    wordings = obj.get("wordings")
    if wordings is not None:
        group.wordings = problems.obj(
            wordings, "group.wordings", ("classification", "headlines_intro", "headlines_statement")
        )
    return group


def _meeting(value: Any, group: Group, problems: Problems) -> Meeting:
    """The meeting's own fields; after a problem, placeholders let checking go on."""
    obj = problems.obj(value, "meeting", _MEETING, ("number", "date")) or {}
    number = problems.text(obj.get("number"), "meeting.number", required=True)
    date = problems.date(obj.get("date"), "meeting.date", required=True)
    next_meetings = []
    for i, v in enumerate(problems.items(obj.get("next_meetings"), "meeting.next_meetings")):
        path = f"meeting.next_meetings[{i}]"
        nxt = problems.obj(v, path, ("kind", "date"), ("date",)) or {}
        day = problems.date(nxt.get("date"), f"{path}.date", required=True)
        kind = problems.choice(nxt.get("kind"), f"{path}.kind", MeetingKind, MeetingKind.MAIN)
        if day:
            next_meetings.append(NextMeeting(kind, day))
    return Meeting(
        group=group,
        number=number or "0",
        date=date or dt.date.max,  # a placeholder no date rule can trip over
        kind=problems.choice(obj.get("kind"), "meeting.kind", MeetingKind, MeetingKind.MAIN),
        start=problems.time(obj.get("start"), "meeting.start"),
        end=problems.time(obj.get("end"), "meeting.end"),
        location=problems.text(obj.get("location"), "meeting.location"),
        classification=problems.level(obj.get("classification", "white"), "meeting.classification")
        or Classification.WHITE,
        status=problems.choice(
            obj.get("status"), "meeting.status", MeetingStatus, MeetingStatus.DRAFT
        ),
        next_meetings=next_meetings,
    )


def _person(value: Any, path: str, problems: Problems) -> Person | None:
    obj = problems.obj(value, path, _PERSON, ("name",))
    if obj is None:
        return None
    name = problems.text(obj.get("name"), f"{path}.name", required=True)
    if not name:
        return None
    return Person(
        name=name.strip(),
        category=problems.text(obj.get("category"), f"{path}.category"),
        organisation=problems.text(obj.get("organisation"), f"{path}.organisation"),
        role=problems.text(obj.get("role"), f"{path}.role"),
        alternate_for=problems.text(obj.get("alternate_for"), f"{path}.alternate_for"),
        items=problems.texts(obj.get("items"), f"{path}.items"),
        email=problems.text(obj.get("email"), f"{path}.email"),
        attendance=problems.choice(
            obj.get("attendance"), f"{path}.attendance", AttendanceMark, AttendanceMark.PRESENT
        ),
    )


#: Items, sub-items and theirs: 4.1.2 is as deep as an agenda goes.
MAX_ITEM_DEPTH = 3


def _items(value: Any, path: str, problems: Problems, depth: int = 1) -> list[AgendaItem]:
    if depth > MAX_ITEM_DEPTH:
        if value:
            problems.add(path, f"sub-items may nest {MAX_ITEM_DEPTH} levels deep (4.1.2) at most")
        return []
    found = []
    for i, v in enumerate(problems.items(value, path)):
        here = f"{path}[{i}]"
        obj = problems.obj(v, here, _ITEM, ("number",))
        if obj is None:
            continue
        number = problems.text(obj.get("number"), f"{here}.number", required=True)
        item = AgendaItem(
            number=number or "?",
            title=problems.text(obj.get("title"), f"{here}.title") or "",
            presenter=problems.text(obj.get("presenter"), f"{here}.presenter"),
            classification=problems.level(obj.get("classification"), f"{here}.classification"),
            headline=problems.text(obj.get("headline"), f"{here}.headline"),
        )
        for j, b in enumerate(problems.items(obj.get("blocks"), f"{here}.blocks")):
            block = _block(b, f"{here}.blocks[{j}]", problems)
            if block is not None:
                item.blocks.append(block)
        item.items = _items(obj.get("items"), f"{here}.items", problems, depth + 1)
        found.append(item)
    return found


def _block(value: Any, path: str, problems: Problems) -> Block | None:
    if not isinstance(value, dict):
        problems.add(path, f"expected an object, found {kind_of(value)}")
        return None
    kinds = [k for k in _BLOCK_KINDS if k in value and not (k == "text" and "decision" in value)]
    if len(kinds) != 1:
        found = ", ".join(kinds) or "none"
        problems.add(path, f"a block is exactly one of {', '.join(_BLOCK_KINDS)} (found {found})")
        problems.obj(value, path, (*_BLOCK_KINDS, "classification", "list", "links"))
        return None
    kind = kinds[0]
    level = problems.level(value.get("classification"), f"{path}.classification")
    reader = _BLOCK_READERS[kind]
    return reader(value, path, problems, level)


def _text_block(value, path, problems, level) -> Block | None:
    problems.obj(value, path, ("text", "list", "links", "classification"))
    links = []
    for i, v in enumerate(problems.items(value.get("links"), f"{path}.links")):
        link = _link(v, f"{path}.links[{i}]", problems)
        if link:
            links.append(link)
    style = value.get("list")
    return TextBlock(
        text=problems.text(value["text"], f"{path}.text") or "",
        list_style=None
        if style is None
        else problems.choice(style, f"{path}.list", ListStyle, ListStyle.BULLET),
        links=links,
        classification=level,
    )


def _link(value: Any, path: str, problems: Problems) -> Link | None:
    obj = problems.obj(value, path, ("text", "url"), ("text", "url"))
    if obj is None:
        return None
    text = problems.text(obj.get("text"), f"{path}.text", required=True)
    url = problems.text(obj.get("url"), f"{path}.url", required=True)
    return Link(text, url) if text and url else None


def _heading_block(value, path, problems, level) -> Block:
    problems.obj(value, path, ("heading", "classification"))
    return HeadingBlock(problems.text(value["heading"], f"{path}.heading") or "", level)


def _decision_block(value, path, problems, level) -> Block:
    problems.obj(value, path, ("decision", "text", "classification"), ("text",))
    verb = problems.text(value["decision"], f"{path}.decision", required=True) or ""
    text = problems.text(value.get("text"), f"{path}.text") or ""
    return DecisionBlock(verb, text, level)


def _action_block(value, path, problems, level) -> Block | None:
    problems.obj(value, path, ("action", "classification"))
    here = f"{path}.action"
    obj = problems.obj(value["action"], here, _ACTION, ("text",))
    if obj is None:
        return None
    own = problems.level(obj.get("classification"), f"{here}.classification")
    if own is not None and level is not None and own != level:
        problems.add(here, "the block and its action name different classifications")
    return ActionBlock(
        # Required, but may be empty: the window makes an action before its words.
        text=problems.text(obj.get("text"), f"{here}.text") or "",
        owner=problems.text(obj.get("owner"), f"{here}.owner"),
        target=_target(obj.get("target"), f"{here}.target", problems),
        topic=problems.text(obj.get("topic"), f"{here}.topic"),
        classification=own if own is not None else level,
        id=problems.text(obj.get("id"), f"{here}.id"),
    )


def _link_block(value, path, problems, level) -> Block | None:
    problems.obj(value, path, ("link", "classification"))
    link = _link(value["link"], f"{path}.link", problems)
    return LinkBlock(link.text, link.url, level) if link else None


def _outstanding_block(value, path, problems, level) -> Block:
    problems.obj(value, path, ("outstanding_actions", "classification"))
    if value["outstanding_actions"] is not True:
        problems.add(f"{path}.outstanding_actions", "must be true")
    return OutstandingBlock(level)


_BLOCK_READERS = {
    "text": _text_block,
    "heading": _heading_block,
    "decision": _decision_block,
    "action": _action_block,
    "link": _link_block,
    "outstanding_actions": _outstanding_block,
}


def _target(value: Any, path: str, problems: Problems) -> Target | None:
    """A date or free text; "N/A" and blanks mean no target (see core.rules.target_from_text)."""
    text = problems.text(value, path)
    if text is None:
        return None
    try:
        return target_from_text(text)
    except RuleError as exc:
        problems.add(path, str(exc))
        return None


def _review(value: Any, path: str, problems: Problems) -> OutstandingReview | None:
    obj = problems.obj(value, path, _OUTSTANDING, ("id", "text"))
    if obj is None:
        return None
    action = Action(
        id=problems.text(obj.get("id"), f"{path}.id", required=True) or "",
        text=problems.text(obj.get("text"), f"{path}.text", required=True) or "",
        owner=problems.text(obj.get("owner"), f"{path}.owner"),
        raised=problems.date(obj.get("raised"), f"{path}.raised"),
        target=_target(obj.get("target"), f"{path}.target", problems),
        revised_target=_target(obj.get("revised_target"), f"{path}.revised_target", problems),
        topic=problems.text(obj.get("topic"), f"{path}.topic"),
        classification=problems.level(obj.get("classification"), f"{path}.classification"),
        status=problems.choice(
            obj.get("status"), f"{path}.status", ActionStatus, ActionStatus.OPEN
        ),
    )
    update = problems.text(obj.get("update"), f"{path}.update") or ""
    return OutstandingReview(action=action, update=update, status=action.status)
