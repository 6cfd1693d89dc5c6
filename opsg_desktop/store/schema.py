"""Tables, indexes, the full-text index and forward migrations.

The schema version lives in ``PRAGMA user_version``.  Opening a database
(``store.opening``) runs every migration it lacks, each in one transaction, after copying the
file aside; a database written by a newer version is refused untouched.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opsg_desktop.core.errors import RuleError
from opsg_desktop.core.rules import name_key, target_from_text
from opsg_desktop.core.text import clean_line, clean_text, first_control

if TYPE_CHECKING:
    from sqlite_utils import Database

_V1_TABLES = """
CREATE TABLE groups (
    id INTEGER PRIMARY KEY,
    abbreviation TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    categories TEXT NOT NULL,
    decision_verbs TEXT NOT NULL,
    wordings TEXT
);
CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES groups(id),
    reference TEXT NOT NULL UNIQUE,
    number TEXT NOT NULL,
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    start TEXT,
    "end" TEXT,
    location TEXT,
    classification TEXT NOT NULL,
    status TEXT NOT NULL,
    next_meetings TEXT NOT NULL,
    modified TEXT NOT NULL,
    UNIQUE (group_id, number)
);
CREATE TABLE persons (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE attendances (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES persons(id),
    position INTEGER NOT NULL,
    category TEXT,
    organisation TEXT,
    role TEXT,
    alternate_for TEXT,
    items TEXT NOT NULL,
    mark TEXT NOT NULL,
    UNIQUE (meeting_id, person_id)
);
CREATE TABLE agenda_items (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES agenda_items(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number TEXT NOT NULL,
    title TEXT NOT NULL,
    presenter TEXT,
    classification TEXT,
    headline TEXT
);
CREATE TABLE actions (
    id TEXT PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES groups(id),
    meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    text TEXT NOT NULL,
    topic TEXT,
    owner TEXT,
    raised TEXT,
    target TEXT,
    revised_target TEXT,
    classification TEXT,
    status TEXT NOT NULL
);
CREATE TABLE blocks (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT,
    verb TEXT,
    url TEXT,
    list_style TEXT,
    links TEXT,
    classification TEXT,
    action_id TEXT REFERENCES actions(id)
);
CREATE TABLE action_reviews (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    action_id TEXT NOT NULL REFERENCES actions(id),
    position INTEGER NOT NULL,
    update_text TEXT NOT NULL,
    status TEXT NOT NULL,
    revised_target TEXT,
    UNIQUE (meeting_id, action_id)
);
CREATE INDEX attendances_meeting ON attendances(meeting_id, position);
CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position);
CREATE INDEX blocks_item ON blocks(item_id, position);
CREATE INDEX actions_status ON actions(status, owner);
CREATE INDEX action_reviews_meeting ON action_reviews(meeting_id, position);
CREATE INDEX action_reviews_action ON action_reviews(action_id);
"""


def _v1_tables(db: Database) -> None:
    db.executescript(_V1_TABLES)


def _v2_email_and_search(db: Database) -> None:
    """People gain an email address; notes, actions and updates become searchable."""
    db.conn.execute("ALTER TABLE persons ADD COLUMN email TEXT")
    db["blocks"].enable_fts(["text"], fts_version="FTS5", create_triggers=True, tokenize="porter")
    db["actions"].enable_fts(["text"], fts_version="FTS5", create_triggers=True, tokenize="porter")
    db["action_reviews"].enable_fts(
        ["update_text"], fts_version="FTS5", create_triggers=True, tokenize="porter"
    )


def _v3_issued_ids(db: Database) -> None:
    """Remember every action id ever given out, so none is given twice."""
    db.executescript(
        """
        CREATE TABLE issued_action_ids (id TEXT PRIMARY KEY);
        INSERT OR IGNORE INTO issued_action_ids (id) SELECT id FROM actions;
        """
    )


_V4_ATTENDANCES = """
CREATE TABLE attendances_v4 (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    category TEXT,
    organisation TEXT,
    role TEXT,
    alternate_for TEXT,
    email TEXT,
    items TEXT NOT NULL,
    mark TEXT NOT NULL
);
INSERT INTO attendances_v4 (id, meeting_id, position, name, name_key, category, organisation,
                            role, alternate_for, email, items, mark)
    SELECT a.id, a.meeting_id, a.position, p.name, opsg_name_key(p.name), a.category,
           a.organisation, a.role, a.alternate_for, p.email, a.items, a.mark
    FROM attendances a JOIN persons p ON p.id = a.person_id;
DROP TABLE attendances;
DROP TABLE persons;
ALTER TABLE attendances_v4 RENAME TO attendances;
CREATE INDEX attendances_meeting ON attendances(meeting_id, position);
CREATE INDEX attendances_name ON attendances(name_key);
ALTER TABLE meetings ADD COLUMN group_name TEXT;
ALTER TABLE meetings ADD COLUMN categories TEXT;
ALTER TABLE meetings ADD COLUMN decision_verbs TEXT;
ALTER TABLE meetings ADD COLUMN wordings TEXT;
ALTER TABLE blocks ADD COLUMN action_text TEXT;
ALTER TABLE blocks ADD COLUMN action_owner TEXT;
ALTER TABLE blocks ADD COLUMN action_target TEXT;
ALTER TABLE blocks ADD COLUMN action_topic TEXT;
UPDATE blocks SET
    action_text = (SELECT text FROM actions WHERE actions.id = blocks.action_id),
    action_owner = (SELECT owner FROM actions WHERE actions.id = blocks.action_id),
    action_target = (SELECT target FROM actions WHERE actions.id = blocks.action_id),
    action_topic = (SELECT topic FROM actions WHERE actions.id = blocks.action_id),
    classification = (SELECT classification FROM actions WHERE actions.id = blocks.action_id)
    WHERE kind = 'action';
ALTER TABLE action_reviews ADD COLUMN action_text TEXT;
ALTER TABLE action_reviews ADD COLUMN action_owner TEXT;
ALTER TABLE action_reviews ADD COLUMN action_topic TEXT;
ALTER TABLE action_reviews ADD COLUMN action_raised TEXT;
ALTER TABLE action_reviews ADD COLUMN action_target TEXT;
ALTER TABLE action_reviews ADD COLUMN action_classification TEXT;
UPDATE action_reviews SET
    action_text = (SELECT text FROM actions WHERE actions.id = action_reviews.action_id),
    action_owner = (SELECT owner FROM actions WHERE actions.id = action_reviews.action_id),
    action_topic = (SELECT topic FROM actions WHERE actions.id = action_reviews.action_id),
    action_raised = (SELECT raised FROM actions WHERE actions.id = action_reviews.action_id),
    action_target = (SELECT target FROM actions WHERE actions.id = action_reviews.action_id),
    action_classification =
        (SELECT classification FROM actions WHERE actions.id = action_reviews.action_id);
UPDATE meetings SET
    group_name = (SELECT name FROM groups WHERE groups.id = meetings.group_id),
    categories = (SELECT categories FROM groups WHERE groups.id = meetings.group_id),
    decision_verbs = (SELECT decision_verbs FROM groups WHERE groups.id = meetings.group_id),
    wordings = (SELECT wordings FROM groups WHERE groups.id = meetings.group_id);
"""

#: Text stored before the rules of core.text: cleaned in place, once (see _v4_clean_text).
_V4_CLEANING = """
UPDATE blocks SET text = opsg_clean_text(text) WHERE kind IN ('text', 'decision');
UPDATE blocks SET text = opsg_clean_line(text) WHERE kind IN ('heading', 'link');
UPDATE blocks SET url = opsg_clean_url(url) WHERE url IS NOT NULL;
UPDATE blocks SET verb = upper(trim(verb)) WHERE verb IS NOT NULL;
UPDATE agenda_items SET title = opsg_clean_line(title), presenter = opsg_clean_line(presenter),
    headline = opsg_clean_text(headline);
UPDATE meetings SET location = opsg_clean_line(location);
UPDATE actions SET text = opsg_clean_text(text), owner = opsg_clean_line(owner),
    topic = opsg_clean_line(topic), target = opsg_legacy_target(target),
    revised_target = opsg_legacy_target(revised_target);
UPDATE blocks SET action_text = opsg_clean_text(action_text),
    action_owner = opsg_clean_line(action_owner), action_topic = opsg_clean_line(action_topic),
    action_target = opsg_legacy_target(action_target) WHERE kind = 'action';
UPDATE action_reviews SET update_text = opsg_clean_text(update_text),
    revised_target = opsg_legacy_target(revised_target),
    action_text = opsg_clean_text(action_text), action_owner = opsg_clean_line(action_owner),
    action_topic = opsg_clean_line(action_topic), action_target = opsg_legacy_target(action_target);
UPDATE attendances SET name = opsg_clean_line(name), category = opsg_clean_line(category),
    organisation = opsg_clean_line(organisation), role = opsg_clean_line(role),
    alternate_for = opsg_clean_line(alternate_for), email = opsg_clean_line(email);
UPDATE attendances SET name_key = opsg_name_key(name);
"""


def _v4_people_per_meeting(db: Database) -> None:
    """What a meeting records about a person is that meeting's own (design.md).

    The global ``persons`` table (one row per name, shared by every meeting)
    goes: each attendance row now holds the name as spelled at that meeting
    and the email as it was recorded there (the person's old global email,
    which is what every meeting showed until now, so nothing changes on screen
    or in a dump).  ``name_key`` is ``core.rules.name_key`` of the name.
    """
    functions = {
        "opsg_name_key": name_key,
        "opsg_clean_text": _maybe(clean_text),
        "opsg_clean_line": _maybe(lambda text: clean_line(text) or None),
        "opsg_clean_url": _maybe(_legacy_url),
        "opsg_legacy_target": _maybe(_legacy_target),
    }
    for name, function in functions.items():
        db.conn.create_function(name, 1, function, deterministic=True)
    # One statement at a time: executescript would commit the migration's transaction.
    for statement in (_V4_ATTENDANCES + _V4_CLEANING).split(";\n"):
        if statement.strip():
            db.conn.execute(statement)


def _maybe(function: Callable[[str], str | None]) -> Callable[[str | None], str | None]:
    return lambda value: None if value is None else function(value)


def _legacy_url(url: str) -> str:
    """An address stored before the rule, with the invisible characters it cannot hold taken
    out (the words of the link stay; a still-unusable address prints as words only)."""
    return "".join(c for c in url.strip() if first_control(c) is None)


def _legacy_target(text: str) -> str:
    """A target stored before the rule: a date stays, words stay; words shaped like a date
    that does not exist are kept, marked, so the meeting can still be saved and fixed."""
    try:
        target_from_text(text)
    except RuleError:
        return f"{clean_line(text)} (as written; not a real date)"
    return text


def _v5_draft_cycle(db: Database) -> None:
    """Drafts sent for comments, comments received, final minutes and their lock
    (``store.cycle``); groups, and each meeting's copy of its group, gain their list of
    organisations."""
    from opsg_desktop.store.cycle import TABLES

    # One statement at a time: executescript would commit the migration's transaction.
    for statement in TABLES.split(";\n"):
        if statement.strip():
            db.conn.execute(statement)
    db.conn.execute("ALTER TABLE groups ADD COLUMN organisations TEXT")
    db.conn.execute("ALTER TABLE meetings ADD COLUMN organisations TEXT")


def _v6_action_order(db: Database) -> None:
    """The log in id order without reading it all: ``actions.sort_key`` is
    ``core.carryover.action_sort_key`` as SQL (``store.action_log``), a generated column,
    indexed with the id, and after the status and raising-meeting filters of the log view
    (an owner's lines are found along the id order); ``raised`` is indexed for the age
    filter and the chart."""
    from opsg_desktop.store.action_log import ACTION_ORDER_SQL

    db.conn.execute(
        "ALTER TABLE actions ADD COLUMN sort_key TEXT"
        f" GENERATED ALWAYS AS {ACTION_ORDER_SQL} VIRTUAL"
    )
    for name, columns in {
        "actions_order": "sort_key, id",
        "actions_status_order": "status, sort_key, id",
        "actions_meeting_order": "meeting_id, sort_key, id",
        "actions_raised": "raised",
    }.items():
        db.conn.execute(f"CREATE INDEX {name} ON actions({columns})")
    # Per-owner figures read the open actions' owners and targets from the index alone;
    # the chart finds the last meetings' reviews from their dates.
    db.conn.execute("DROP INDEX actions_status")
    db.conn.execute("CREATE INDEX actions_status ON actions(status, owner, revised_target, target)")
    db.conn.execute("CREATE INDEX meetings_date ON meetings(date)")
    # The log's state after a save reads each action's mentions in blocks by its id.
    db.conn.execute("CREATE INDEX blocks_action ON blocks(action_id)")


#: Migration N brings a database from version N-1 to N.
MIGRATIONS: list[Callable[[Database], None]] = [
    _v1_tables,
    _v2_email_and_search,
    _v3_issued_ids,
    _v4_people_per_meeting,
    _v5_draft_cycle,
    _v6_action_order,
]
LATEST_VERSION = len(MIGRATIONS)


def open_database(path: Path, *, upto: int = LATEST_VERSION, read_only: bool = False) -> Database:
    """Open, check and migrate the database at ``path`` (see ``store.opening``)."""
    from opsg_desktop.store.opening import open_database as open_checked

    return open_checked(path, upto=upto, read_only=read_only)


class LazyDatabase:
    """A sqlite-utils ``Database`` built on its connection only when first needed.

    Opening the window only reads: ``execute`` of a SELECT, ``conn`` and
    ``close`` run on plain sqlite3, so start-up imports neither sqlite-utils
    nor its plugin machinery (about 100 ms). Anything else (a write, a
    migration, ``db["table"]``, ``atomic``) builds the ``Database`` on the
    same connection, without plugins, and is handed to it from then on.
    """

    #: Why the file is open read-only when the opening knows (a full disk), else None.
    read_only_reason: str | None = None

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._database: Database | None = None

    @property
    def database(self) -> Database:
        if self._database is None:
            from sqlite_utils import Database

            self._database = Database(self.conn, execute_plugins=False)
        return self._database

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        """Like ``Database.execute``; a SELECT before sqlite-utils is needed runs plainly."""
        if self._database is None and sql.lstrip()[:6].upper() == "SELECT":
            return self.conn.execute(sql, () if parameters is None else parameters)
        return self.database.execute(sql, parameters)

    def close(self) -> None:
        self.conn.close()

    def __getitem__(self, name: str) -> Any:
        return self.database[name]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.database, name)
