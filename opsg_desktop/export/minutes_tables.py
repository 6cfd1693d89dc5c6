"""The tables of the minutes: attendees, apologies and the actions outstanding."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from opsg_desktop.core.dates import table_date, target_text
from opsg_desktop.core.model import AttendanceMark, Meeting, OutstandingReview, Person
from opsg_desktop.export.docx_content import (
    Element,
    Flow,
    Table,
    paragraph,
    run,
    split_paragraphs,
)
from opsg_desktop.export.docx_helpers import TABLE_SIZE
from opsg_desktop.export.measure import column_need
from opsg_desktop.export.phrases import person_line, representing

HEADER_SHADE = "E7E6E6"
OUTSTANDING_HEADERS = (
    "Action ID",
    "Action",
    "Date Raised",
    "Last Target Date",
    "Revised Target Date",
    "Owner",
)
#: Share of the text width each column of the actions outstanding table takes.
_OUTSTANDING_SHARES = (0.135, 0.355, 0.135, 0.135, 0.135, 0.105)
_TWO_COLUMN_SHARES = (0.36, 0.64)


def cell_text(text: str, *, bold: bool = False, keep_next: bool = False) -> list[Element]:
    """The paragraphs of a table cell holding ``text`` (one empty paragraph for none)."""
    parts = split_paragraphs(text) or [""]
    return [
        paragraph([run(part, bold=bold)] if part else [], style="TableText", keep_next=keep_next)
        for part in parts
    ]


def widths(total: int, shares: Sequence[float]) -> list[int]:
    """Column widths in twips from ``shares`` of ``total``, the last taking the rest."""
    columns = [int(total * share) for share in shares[:-1]]
    return [*columns, total - sum(columns)]


def fitted_widths(
    total: int,
    shares: Sequence[float],
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    flexible: int = 1,
    whole: int = 0,
    size: float = TABLE_SIZE,
) -> list[int]:
    """Column widths in twips: each at least its share and wide enough for its longest word.

    The ``whole`` column (the action id, ``OPSG 45/CONF02``) is measured value
    by value, so an id never breaks at its space; dates and references are one
    word each.  The ``flexible`` column (the action text, which wraps at
    spaces) gives up the room the others need.
    """
    base = widths(total, shares)
    for index, header in enumerate(headers):
        if index == flexible:
            continue
        values = [row[index] for row in rows]
        if index == whole:
            values = [value.replace(" ", "\u00a0") for value in values]
        need = max(column_need([header], size, bold=True), column_need(values, size))
        base[index] = max(base[index], need)
    base[flexible] = total - sum(w for i, w in enumerate(base) if i != flexible)
    return base


def header_row(table: Table, titles: Sequence[str], *, repeat: bool = False) -> None:
    """A shaded row of bold titles; ``repeat`` makes Word repeat it on every page."""
    cells = [cell_text(title, bold=True, keep_next=True) for title in titles]
    table.row(cells, header=repeat, shade=HEADER_SHADE, cant_split=True)


def grouped(
    people: Iterable[Person], key: Callable[[Person], str], order: Sequence[str] = ()
) -> list[tuple[str, list[Person]]]:
    """People by ``key``: the ``order`` first, then other keys as first seen; empty ones out."""
    groups: dict[str, list[Person]] = {name: [] for name in order}
    for person in people:
        groups.setdefault(key(person), []).append(person)
    return [(name, members) for name, members in groups.items() if members]


def add_attendees(flow: Flow, meeting: Meeting, width: int) -> bool:
    """The two-part attendees table; False (and nothing added) when nobody was present."""
    present = [p for p in meeting.people if p.attendance == AttendanceMark.PRESENT]
    members = grouped(
        (p for p in present if p.category), lambda p: p.category or "", meeting.group.categories
    )
    others = grouped((p for p in present if not p.category), representing)
    if not members and not others:
        return False
    table = Table(flow, widths(width, _TWO_COLUMN_SHARES))
    for titles, groups in (
        (("Category", f"{meeting.group.name} Members"), members),
        (("Representing", "Other Participants"), others),
    ):
        if groups:
            header_row(table, titles)
            for name, people in groups:
                names = [paragraph([run(person_line(p))], style="TableText") for p in people]
                table.row([cell_text(name), names], cant_split=True)
    return True


def add_apologies(flow: Flow, meeting: Meeting, width: int) -> bool:
    """``Apologies:`` and its ``Representing | Name`` table; False (nothing) when none were sent."""
    sent = [p for p in meeting.people if p.attendance == AttendanceMark.APOLOGIES]
    if not sent:
        return False
    flow.add(paragraph([run("Apologies:")], style="Heading1"))
    table = Table(flow, widths(width, _TWO_COLUMN_SHARES))
    header_row(table, ("Representing", "Name"))
    for person in sent:
        table.row([cell_text(representing(person)), cell_text(person.name)], cant_split=True)
    return True


def add_outstanding(flow: Flow, reviews: Sequence[OutstandingReview], width: int) -> None:
    """The actions outstanding: a row per action, then a full-width row with its update."""
    rows = [_outstanding_cells(review) for review in reviews]
    columns = fitted_widths(width, _OUTSTANDING_SHARES, OUTSTANDING_HEADERS, rows)
    table = Table(flow, columns)
    header_row(table, OUTSTANDING_HEADERS, repeat=True)
    for review, values in zip(reviews, rows, strict=True):
        table.row([cell_text(value, keep_next=True) for value in values], cant_split=True)
        table.merged_row(update_paragraphs(review))


def _outstanding_cells(review: OutstandingReview) -> list[str]:
    action = review.action
    return [
        action.id,
        action.text,
        table_date(action.raised) if action.raised else "",
        target_text(action.target),
        target_text(action.revised_target),
        action.owner or "",
    ]


def update_paragraphs(review: OutstandingReview) -> list[Element]:
    """The update text as paragraphs, the last ending with bold ``Status:`` and the status."""
    parts = split_paragraphs(review.update)
    status = [run("Status:", bold=True), run(f" {review.status.value.capitalize()}.")]
    if not parts:
        return [paragraph(status, style="TableText")]
    content = [paragraph([run(part)], style="TableText", space_after=60) for part in parts]
    content[-1].extend([run(" "), *status])
    return content
