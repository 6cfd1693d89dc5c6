"""Rules across a whole meeting document, beyond the shape of each field."""

from __future__ import annotations

from opsg_desktop.core.model import ActionBlock, DecisionBlock, Meeting
from opsg_desktop.core.numbering import parse_action_id
from opsg_desktop.interchange.checks import Problems


def check_meeting(meeting: Meeting, problems: Problems) -> None:
    """Note every cross-field problem of ``meeting`` (paths as in the file)."""
    _check_agenda_numbers(meeting, problems)
    _check_people(meeting, problems)
    _check_decisions(meeting, problems)
    _check_action_ids(meeting, problems)


def _item_paths(meeting: Meeting):
    def walk(items, path):
        for i, item in enumerate(items):
            here = f"{path}[{i}]"
            yield item, here
            yield from walk(item.items, f"{here}.items")

    yield from walk(meeting.agenda, "agenda")


def _check_agenda_numbers(meeting: Meeting, problems: Problems) -> None:
    seen: dict[str, str] = {}
    for item, path in _item_paths(meeting):
        if item.number in seen:
            problems.add(
                f"{path}.number", f'"{item.number}" is already used by {seen[item.number]}'
            )
        seen.setdefault(item.number, path)


def _check_people(meeting: Meeting, problems: Problems) -> None:
    seen: dict[str, str] = {}
    categories = meeting.group.categories
    for i, person in enumerate(meeting.people):
        path = f"people[{i}]"
        key = person.name.casefold()
        if key in seen:
            problems.add(f"{path}.name", f'"{person.name}" is listed twice (also at {seen[key]})')
        seen.setdefault(key, path)
        if person.category and person.category not in categories:
            problems.add(
                f"{path}.category",
                f'"{person.category}" is not one of the group\'s categories '
                f"({', '.join(categories)})",
            )


def _check_decisions(meeting: Meeting, problems: Problems) -> None:
    verbs = meeting.group.decision_verbs
    for item, path in _item_paths(meeting):
        for j, block in enumerate(item.blocks):
            if isinstance(block, DecisionBlock) and block.verb not in verbs:
                known = ", ".join(verbs)
                problems.add(
                    f"{path}.blocks[{j}].decision",
                    f'"{block.verb}" is not one of the group\'s decision verbs ({known})',
                )


def _check_action_ids(meeting: Meeting, problems: Problems) -> None:
    seen: dict[str, str] = {}
    own = (meeting.group.abbreviation, meeting.number)

    def check(action_id: str, path: str, raised_here: bool) -> None:
        try:
            parsed = parse_action_id(action_id)
        except ValueError as exc:
            problems.add(path, str(exc))
            return
        if raised_here and (parsed.abbreviation, parsed.meeting_number) != own:
            problems.add(path, f"{action_id} is not an id of meeting {own[0]} {own[1]}")
        if not raised_here and (parsed.abbreviation, parsed.meeting_number) == own:
            problems.add(
                path, f"{action_id} is raised at this meeting, not outstanding from before"
            )
        if action_id in seen:
            problems.add(path, f"{action_id} is already used at {seen[action_id]}")
        seen.setdefault(action_id, path)

    for item, path in _item_paths(meeting):
        for j, block in enumerate(item.blocks):
            if isinstance(block, ActionBlock) and block.id is not None:
                check(block.id, f"{path}.blocks[{j}].action.id", True)
    for i, review in enumerate(meeting.outstanding):
        if review.action.id:
            check(review.action.id, f"outstanding[{i}].id", False)
