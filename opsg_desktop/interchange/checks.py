"""Typed field readers that collect every problem with its path.

Each reader returns the converted value, or None after noting a problem,
so one pass over a file reports everything that is wrong with it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable
from enum import Enum
from typing import Any, TypeVar

from opsg_desktop.core.model import Classification

E = TypeVar("E", bound=Enum)

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^\d{2}:\d{2}$")


def kind_of(value: Any) -> str:
    """How JSON would name the type of ``value``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    return {dict: "an object", list: "a list", str: "text", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__
    )


def _printable(text: str) -> str:
    """``text`` with lone surrogates escaped, so any terminal or log can print it."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


class JsonObject(dict):
    """A JSON object that remembers the keys it was given more than once.

    ``json`` keeps the last of repeated keys silently; the reader reports them.
    """

    repeated: tuple[str, ...] = ()

    @classmethod
    def from_pairs(cls, pairs: list[tuple[str, Any]]) -> JsonObject:
        """``object_pairs_hook`` for :func:`json.loads`."""
        found = cls(pairs)
        if len(found) != len(pairs):
            seen: set[str] = set()
            repeated = []
            for key, _ in pairs:
                if key in seen:
                    repeated.append(key)
                seen.add(key)
            found.repeated = tuple(repeated)
        return found


class Problems:
    """The list of problems found so far, each ``path: what is wrong``."""

    def __init__(self) -> None:
        self.found: list[str] = []

    def add(self, path: str, message: str) -> None:
        """Note a problem; a lone surrogate quoted from the file is shown escaped (``\\ud800``)."""
        self.found.append(_printable(f"{path}: {message}"))

    def obj(
        self, value: Any, path: str, allowed: Iterable[str], required: Iterable[str] = ()
    ) -> dict | None:
        """``value`` as an object with only ``allowed`` keys and every ``required`` one."""
        if not isinstance(value, dict):
            self.add(path, f"expected an object, found {kind_of(value)}")
            return None
        allowed = list(allowed)
        for key in getattr(value, "repeated", ()):
            self.add(path, f'the key "{key}" is given more than once; keep one')
        for key in value:
            if key not in allowed:
                hint = difflib.get_close_matches(key, allowed, n=1)
                extra = f' (did you mean "{hint[0]}"?)' if hint else ""
                self.add(path, f'unknown key "{key}"{extra}')
        for key in required:
            if key not in value:
                self.add(path, f'missing required key "{key}"')
        return value

    def items(self, value: Any, path: str) -> list:
        """``value`` as a list (an absent one is empty)."""
        if value is None:
            return []
        if not isinstance(value, list):
            self.add(path, f"expected a list, found {kind_of(value)}")
            return []
        return value

    def text(self, value: Any, path: str, *, required: bool = False) -> str | None:
        if value is None:
            if required:
                self.add(path, "is required and must be text")
            return None
        if not isinstance(value, str):
            self.add(path, f"expected text, found {kind_of(value)}")
            return None
        if required and not value.strip():
            self.add(path, "must not be empty")
        return value

    def texts(self, value: Any, path: str) -> list[str]:
        return [
            t
            for i, v in enumerate(self.items(value, path))
            if (t := self.text(v, f"{path}[{i}]", required=True)) is not None
        ]

    def date(self, value: Any, path: str, *, required: bool = False) -> dt.date | None:
        text = self.text(value, path, required=required)
        if text is None:
            return None
        try:
            if not _DATE.match(text):
                raise ValueError
            return dt.date.fromisoformat(text)
        except ValueError:
            self.add(path, f'"{text}" is not a date; write it as YYYY-MM-DD, e.g. "2021-05-24"')
            return None

    def time(self, value: Any, path: str) -> dt.time | None:
        text = self.text(value, path)
        if text is None:
            return None
        try:
            if not _TIME.match(text):
                raise ValueError
            return dt.time.fromisoformat(text)
        except ValueError:
            self.add(path, f'"{text}" is not a time; write it as HH:MM, e.g. "12:20"')
            return None

    def choice(self, value: Any, path: str, enum: type[E], default: E) -> E:
        if value is None:
            return default
        try:
            return enum(value)
        except ValueError:
            names = ", ".join(m.value for m in enum)
            self.add(path, f'"{value}" is not one of {names}')
            return default

    def level(self, value: Any, path: str) -> Classification | None:
        if value is None:
            return None
        if isinstance(value, str):
            try:
                return Classification.parse(value)
            except ValueError:
                pass
        self.add(path, f"{value!r} is not a classification; use white, green, amber or red")
        return None
