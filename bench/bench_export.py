"""How long the Word/CSV exports take: prints the median of several runs of each.

Run from the repository root::

    .venv/bin/python bench/bench_export.py [--runs N]

Two meetings are built in code with invented text: one the size of a typical
set of minutes (about 11 pages) and a stress meeting of about 100 pages with
many items, paragraphs, actions and outstanding rows.  Targets: under 0.5 s
for the first, under 5 s for the second.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from opsg_desktop.core.model import (  # noqa: E402
    Action,
    ActionBlock,
    ActionStatus,
    ActionUpdate,
    AgendaItem,
    AttendanceMark,
    DecisionBlock,
    Group,
    HeadingBlock,
    Link,
    LinkBlock,
    ListStyle,
    LoggedAction,
    Meeting,
    MeetingKind,
    NextMeeting,
    OutstandingBlock,
    OutstandingReview,
    Person,
    TextBlock,
)
from opsg_desktop.export.action_log import (  # noqa: E402
    export_action_log_csv,
    export_action_log_docx,
)
from opsg_desktop.export.headlines import export_headlines  # noqa: E402
from opsg_desktop.export.minutes import export_minutes  # noqa: E402

WORDS = (
    "the DCC SECAS reported noted that service incident report forecast users members "
    "panel review process update performance measure region provider firmware hub "
    "install supplier network meeting agreed requested proposal data quarter target"
).split()
ORGANISATIONS = ("DCC", "SECAS", "BEIS", "Ofgem")


def sentence(rng: random.Random, words: int = 18) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph_text(rng: random.Random) -> str:
    return " ".join(sentence(rng, rng.randint(12, 24)) for _ in range(rng.randint(2, 4)))


def item_blocks(rng: random.Random, paragraphs: int, actions: int) -> list:
    blocks: list = [HeadingBlock("Incident Report " + str(rng.randint(100, 999)))]
    for index in range(paragraphs):
        blocks.append(
            TextBlock(paragraph_text(rng), links=[Link("report", "https://example.org/r")])
        )
        if index % 4 == 3:
            blocks.append(TextBlock(sentence(rng, 8), list_style=ListStyle.BULLET))
            blocks.append(TextBlock(sentence(rng, 8), list_style=ListStyle.BULLET))
    blocks += [ActionBlock(sentence(rng), owner="DCC") for _ in range(actions)]
    blocks.append(LinkBlock("Paper", "https://example.org/paper"))
    blocks += [DecisionBlock("NOTED", "the update"), DecisionBlock("AGREED", "the report")]
    return blocks


def roster(count: int) -> list[Person]:
    people = []
    for index in range(count):
        if index % 3:
            category = Group("x", "x").categories[index % 5]
            people.append(Person(f"Member {index}", category=category))
        else:
            org = ORGANISATIONS[index % len(ORGANISATIONS)]
            people.append(Person(f"Guest {index}", organisation=org, items=["5", "6"]))
    people.append(
        Person("Absent Member", category="Large Suppliers", attendance=AttendanceMark.APOLOGIES)
    )
    return people


def reviews(rng: random.Random, count: int) -> list[OutstandingReview]:
    day = dt.date(2021, 1, 4)
    return [
        OutstandingReview(
            Action(f"OPSG {40 + i // 20}/{i % 20 + 1:02d}", sentence(rng), "DCC", day, day),
            update=paragraph_text(rng),
            status=ActionStatus.OPEN if i % 2 else ActionStatus.CLOSED,
        )
        for i in range(count)
    ]


def build_meeting(items: int, paragraphs: int, actions: int, outstanding: int) -> Meeting:
    """A meeting of ``items`` items (each with a sub-item) of invented text."""
    rng = random.Random(items)
    agenda = [
        AgendaItem(
            "1", "Actions Outstanding", blocks=[OutstandingBlock(), DecisionBlock("NOTED", "it")]
        )
    ]
    for number in range(2, items + 2):
        sub = AgendaItem(
            f"{number}.1", "Detail", headline=sentence(rng), blocks=item_blocks(rng, 1, 0)
        )
        agenda.append(
            AgendaItem(
                str(number),
                f"Topic {number}",
                presenter="DCC",
                headline=sentence(rng),
                blocks=item_blocks(rng, paragraphs, actions),
                items=[sub],
            )
        )
    return Meeting(
        group=Group("Operations Group", "OPSG"),
        number="49",
        date=dt.date(2021, 5, 24),
        start=dt.time(12, 20),
        end=dt.time(16, 50),
        location="Teleconference",
        next_meetings=[NextMeeting(MeetingKind.MAIN, dt.date(2021, 6, 1))],
        people=roster(30),
        agenda=agenda,
        outstanding=reviews(rng, outstanding),
    )


def log_of(meeting: Meeting) -> list[LoggedAction]:
    update = ActionUpdate("OPSG_48_2604", dt.date(2021, 4, 26), "Progressing.", ActionStatus.OPEN)
    return [LoggedAction(r.action, "OPSG_40_0401", [update] * 3) for r in meeting.outstanding]


def median_seconds(job: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per export (default 7)")
    runs = parser.parse_args().runs
    meetings = {
        "typical (~11 pages)": build_meeting(items=9, paragraphs=4, actions=2, outstanding=6),
        "stress (~100 pages)": build_meeting(items=70, paragraphs=8, actions=3, outstanding=60),
    }
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        for name, meeting in meetings.items():
            log = log_of(meeting)
            jobs = {
                "minutes": lambda m=meeting: export_minutes(m, out / "minutes.docx"),
                "headlines": lambda m=meeting: export_headlines(m, out / "headlines.docx"),
                "action log docx": lambda g=meeting.group, e=log: export_action_log_docx(
                    e, out / "log.docx", g
                ),
                "action log csv": lambda e=log: export_action_log_csv(e, out / "log.csv"),
            }
            for job_name, job in jobs.items():
                seconds = median_seconds(job, runs)
                print(f"{name:22} {job_name:16} median {seconds * 1000:8.1f} ms over {runs} runs")


if __name__ == "__main__":
    main()
