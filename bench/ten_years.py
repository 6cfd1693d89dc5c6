"""A ten-year database for benchmarks: 120 meetings, about 4,000 actions.

    .venv/bin/python bench/ten_years.py [PATH]

Builds (or reuses) the file at PATH (default: /tmp/opsg-ten-years.sqlite3)
with invented meetings, and prints how long that took.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
from pathlib import Path

from opsg_desktop.core.model import (
    ActionBlock,
    ActionStatus,
    AgendaItem,
    DecisionBlock,
    Group,
    HeadingBlock,
    Meeting,
    OutstandingReview,
    Person,
    TextBlock,
)
from opsg_desktop.store.repository import Repository

DEFAULT_PATH = Path("/tmp/opsg-ten-years.sqlite3")
WORDS = (
    "the DCC reported progress on the communications hub returns incident report service "
    "request forecast modification working group panel members noted agreed considered "
    "performance measure target level region supplier network operator release firmware"
).split()
OWNERS = ["DCC", "SECAS", "OPSG", "BEIS", "Large Suppliers"]


def sentence(rng: random.Random, words: int = 24) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def meeting(number: int, date: dt.date, rng: random.Random) -> Meeting:
    group = Group("Operations Group", "OPSG")
    agenda = []
    for n in range(1, 11):
        blocks = [HeadingBlock(f"Topic {n}")]
        blocks += [TextBlock(sentence(rng, 40)) for _ in range(6)]
        blocks += [ActionBlock(sentence(rng, 14), rng.choice(OWNERS), date + dt.timedelta(days=28))
                   for _ in range(3 if n < 5 else 4)]  # fmt: skip
        blocks.append(DecisionBlock("NOTED", "the update"))
        agenda.append(AgendaItem(str(n), f"Agenda item {n}", "SECAS", blocks=blocks))
    people = [Person(f"Member {i}", category="Large Suppliers") for i in range(12)]
    people += [Person(f"Participant {i}", organisation="DCC") for i in range(8)]
    return Meeting(group, str(number), date, agenda=agenda, people=people)


def build(path: Path = DEFAULT_PATH, meetings: int = 120) -> Path:
    """Create the database unless a complete one is there already."""
    if path.exists():
        repository = Repository(path)
        complete = len(repository.list_meetings()) >= meetings
        repository.close()
        if complete:
            return path
        path.unlink()
    rng = random.Random(49)
    repository = Repository(path)
    previous = None
    for i in range(meetings):
        date = dt.date(2015, 1, 12) + dt.timedelta(weeks=4 * i)
        current = meeting(20 + i, date, rng)
        if previous is not None:
            open_actions = [e.action for e in repository.action_log(open_only=True)][-60:]
            current.outstanding = [
                OutstandingReview(a, sentence(rng, 20), rng.choice(list(ActionStatus)))
                for a in open_actions
            ]
        repository.save_meeting(current)
        previous = current
    repository.close()
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_PATH
    started = time.perf_counter()
    build(target)
    print(f"{target}: ready in {time.perf_counter() - started:.1f} s")
