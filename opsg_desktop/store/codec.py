"""Domain values to and from the text the database stores."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, overload

from opsg_desktop.core.dates import parse_target, target_iso
from opsg_desktop.core.model import Classification, Target


def level_out(level: Classification | None) -> str | None:
    return None if level is None else level.label


@overload
def level_in(text: str) -> Classification: ...
@overload
def level_in(text: None) -> None: ...
def level_in(text: str | None) -> Classification | None:
    return None if text is None else Classification.parse(text)


def date_out(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


@overload
def date_in(text: str) -> dt.date: ...
@overload
def date_in(text: None) -> None: ...
def date_in(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


def time_out(moment: dt.time | None) -> str | None:
    return None if moment is None else moment.strftime("%H:%M")


def time_in(text: str | None) -> dt.time | None:
    return None if text is None else dt.time.fromisoformat(text)


def target_out(target: Target | None) -> str | None:
    return target_iso(target)


def target_in(text: str | None) -> Target | None:
    return None if text is None else parse_target(text)


def json_out(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def json_in(text: str | None, default: Any = None) -> Any:
    return default if text is None else json.loads(text)
