"""Full-text search over ten years of notes, actions and updates, ranked and cut in SQL.

Two steps keep a search over a long history fast: each FTS index is ranked
and cut to its best ``limit`` rows in SQL (FTS5's ``ORDER BY rank LIMIT``,
which makes no snippets), the three are merged and cut again; snippets (the
costly part, one per hit) are then made for the rows kept only.
"""

from __future__ import annotations

import json

from sqlite_utils import Database

#: Each index: (FTS table, how a hit is placed, the join that finds its meeting).
_SOURCES = {
    "blocks": (
        "blocks_fts",
        "'item ' || i.number",
        """JOIN blocks b ON b.id = f.rowid JOIN agenda_items i ON i.id = b.item_id
           JOIN meetings m ON m.id = i.meeting_id""",
    ),
    "actions": (
        "actions_fts",
        "'action ' || a.id",
        "JOIN actions a ON a.rowid = f.rowid LEFT JOIN meetings m ON m.id = a.meeting_id",
    ),
    "reviews": (
        "action_reviews_fts",
        "'update to ' || r.action_id",
        "JOIN action_reviews r ON r.id = f.rowid JOIN meetings m ON m.id = r.meeting_id",
    ),
}


def fts_query(text: str) -> str:
    """Every word of ``text`` as a quoted FTS5 phrase (so no word is read as syntax)."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in text.split())


def search(db: Database, text: str, limit: int = 50) -> list[tuple[str | None, str, str, float]]:
    """(meeting reference, place, snippet, rank) of the best ``limit`` hits, best first."""
    query = fts_query(text)
    if not query:
        return []
    best = []
    for name, (table, _, _) in _SOURCES.items():
        # FTS5 keeps only the best ``limit`` while ranking when asked exactly like this.
        best += [
            (name, rowid, rank)
            for rowid, rank in db.execute(
                f"SELECT rowid, rank FROM {table} WHERE {table} MATCH ? ORDER BY rank LIMIT ?",
                [query, limit],
            ).fetchall()
        ]
    best = sorted(best, key=lambda hit: hit[2])[:limit]
    hits = []
    for name in _SOURCES:
        rowids = [rowid for source, rowid, _ in best if source == name]
        hits += _snippets(db, name, rowids, query)
    order = {(source, rowid): n for n, (source, rowid, _) in enumerate(best)}
    hits.sort(key=lambda hit: order[hit[0]])
    return [hit[1:] for hit in hits]


def _snippets(db: Database, name: str, rowids: list[int], query: str) -> list[tuple]:
    """(key, reference, place, snippet, rank) of each kept hit: one indexed look-up each."""
    if not rowids:
        return []
    table, place, join = _SOURCES[name]
    where = {
        row[0]: row[1:]
        for row in db.execute(
            f"""SELECT f.rowid, m.reference, {place}
                FROM (SELECT value AS rowid FROM json_each(?)) f {join}""",
            [json.dumps(rowids)],
        ).fetchall()
    }
    found = []
    for rowid in rowids:
        snippet, rank = db.execute(
            f"""SELECT snippet({table}, 0, '[', ']', '…', 12), rank FROM {table}
                WHERE {table} MATCH ? AND rowid = ?""",
            [query, rowid],
        ).fetchone()
        reference, placed = where.get(rowid, (None, ""))
        found.append(((name, rowid), reference, placed, snippet, rank))
    return found


class Searcher:
    """A read-only connection of its own, for searching from a worker thread.

    Create, use and close it on the same worker thread; it never writes.
    """

    def __init__(self, path) -> None:
        from opsg_desktop.store.checks import read_only_connection

        self.db = Database(read_only_connection(path))

    def search(self, text: str, limit: int = 50) -> list[tuple[str | None, str, str, float]]:
        return search(self.db, text, limit)

    def close(self) -> None:
        self.db.close()
