"""Full-text search over ten years of notes, actions and updates, ranked and cut in SQL.

Two steps keep a search over a long history fast: each FTS index ranks its
newest :data:`CANDIDATES` matches (a word found in every meeting of a long
history would otherwise rank tens of thousands) and cuts them to the best
``limit`` rows in SQL (FTS5's ``ORDER BY rank LIMIT``,
which makes no snippets), the three are merged and cut again; snippets (the
costly part, one per hit) are then made for the rows kept only.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from sqlite_utils import Database


#: How many of the newest matches of each index are ranked; older ones beyond are not.
#: Ten years match at most a few thousand rows for the commonest words.
CANDIDATES = 3000

#: Each index: (FTS table, how a hit is placed, its text, the join that finds its meeting).
_SOURCES = {
    "blocks": (
        "blocks_fts",
        "'item ' || i.number",
        "b.text",
        """JOIN blocks b ON b.id = f.rowid JOIN agenda_items i ON i.id = b.item_id
           JOIN meetings m ON m.id = i.meeting_id""",
    ),
    "actions": (
        "actions_fts",
        "'action ' || a.id",
        "a.text",
        "JOIN actions a ON a.rowid = f.rowid LEFT JOIN meetings m ON m.id = a.meeting_id",
    ),
    "reviews": (
        "action_reviews_fts",
        "'update to ' || r.action_id",
        "r.update_text",
        "JOIN action_reviews r ON r.id = f.rowid JOIN meetings m ON m.id = r.meeting_id",
    ),
}


def fts_query(text: str) -> str:
    """Every word of ``text`` as a quoted FTS5 phrase (so no word is read as syntax)."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in text.split())


def search(
    db: Database, text: str, limit: int = 50, candidates: int | None = CANDIDATES
) -> list[tuple[str | None, str, str, float]]:
    """(meeting reference, place, snippet, rank) of the best ``limit`` hits, best first.

    ``candidates`` bounds how many of each index's newest matches are ranked
    (fast whatever the history: the window's first answer); None ranks every
    match (the command line, and the window's second answer, which replaces
    the first when it comes: a common word over a century of meetings takes
    about half a second).
    """
    query = fts_query(text)
    if not query:
        return []
    best = []
    for name, (table, *_) in _SOURCES.items():
        # The newest ``candidates`` matches are ranked (FTS5 walks rowids newest first and
        # keeps only the best ``limit`` while ranking): bounded whatever the history.
        floor = None
        if candidates is not None:
            floor = db.execute(
                f"SELECT rowid FROM {table} WHERE {table} MATCH ? "
                "ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                [query, candidates - 1],
            ).fetchone()
        best += [
            (name, rowid, rank)
            for rowid, rank in db.execute(
                f"SELECT rowid, rank FROM {table} WHERE {table} MATCH ? AND rowid >= ? "
                "ORDER BY rank LIMIT ?",
                [query, floor[0] if floor else 0, limit],
            ).fetchall()
        ]
    best = sorted(best, key=lambda hit: hit[2])[:limit]
    found: dict[tuple, tuple] = {}
    for name in _SOURCES:
        rowids = [rowid for source, rowid, _ in best if source == name]
        found |= _places(db, name, rowids)
    words = [word.casefold() for word in text.split()]
    return [
        (*found[(source, rowid)][:2], snippet(found[(source, rowid)][2] or "", words), rank)
        for source, rowid, rank in best
        if (source, rowid) in found
    ]


def _places(db: Database, name: str, rowids: list[int]) -> dict[tuple, tuple]:
    """(reference, place, text) of each kept hit, in one indexed look-up per index."""
    if not rowids:
        return {}
    _, place, text, join = _SOURCES[name]
    found = db.execute(
        f"""SELECT f.rowid, m.reference, {place}, {text}
            FROM (SELECT value AS rowid FROM json_each(?)) f {join}""",
        [json.dumps(rowids)],
    ).fetchall()
    return {(name, row[0]): row[1:] for row in found}


def snippet(text: str, words: list[str], width: int = 12) -> str:
    """About ``width`` words of ``text`` around the first searched word, each found one in [ ].

    Words match by their start (so "report" finds "reported", as the index's
    stemming does).  Made in Python for the kept hits only: FTS5's snippet()
    re-reads each term's whole list of rows, which a common word makes long.
    """
    tokens = text.split()

    def parts(token: str) -> tuple[str, str, str]:
        match = re.fullmatch(r"(\W*)(.*?)(\W*)", token, re.DOTALL)
        if match is None:  # never: every group may be empty
            return "", token, ""
        lead, core, trail = match.groups()
        return lead, core, trail

    def found(token: str) -> bool:
        core = parts(token)[1].casefold()
        return bool(core) and any(
            core.startswith(word[: max(4, len(word) - 2)]) for word in words if word
        )

    def mark(token: str) -> str:
        lead, core, trail = parts(token)
        return f"{lead}[{core}]{trail}" if found(token) else token

    first = next((n for n, token in enumerate(tokens) if found(token)), 0)
    start = max(0, min(first - width // 3, len(tokens) - width))
    shown = [mark(t) for t in tokens[start : start + width]]
    return ("…" if start else "") + " ".join(shown) + ("…" if start + width < len(tokens) else "")


class Searcher:
    """A read-only connection of its own, for searching from a worker thread.

    Create, use and close it on the same worker thread; it never writes.
    """

    def __init__(self, path) -> None:
        from opsg_desktop.store.checks import read_only_connection
        from opsg_desktop.store.schema import LazyDatabase

        self.db = cast("Database", LazyDatabase(read_only_connection(path)))

    def search(
        self, text: str, limit: int = 50, candidates: int | None = CANDIDATES
    ) -> list[tuple[str | None, str, str, float]]:
        return search(self.db, text, limit, candidates)

    def count(self, text: str) -> int:
        """How many places match every word of ``text`` (notes, actions and updates)."""
        query = fts_query(text)
        if not query:
            return 0
        return sum(
            self.db.execute(f"SELECT count(*) FROM {t} WHERE {t} MATCH ?", [query]).fetchone()[0]
            for t, *_ in _SOURCES.values()
        )

    def close(self) -> None:
        self.db.close()
