"""Cleaning of every text field on the way in: one rule for every door.

Import, the window (typing and paste), the store and the rescue path all
pass text through these functions, so what is stored can always be written
to Word, JSON and CSV:

- Line endings become ``"\\n"``.  Word's manual line break (U+000B, what
  Shift+Enter gives in Word and what its clipboard carries), U+2028 (Qt's
  line separator) and NEL (U+0085) become a line break ``"\\n"``; a form
  feed (U+000C) and U+2029 (Qt's paragraph separator) become a paragraph
  break ``"\\n\\n"`` (the interchange rule: a blank line separates
  paragraphs, ``shared/interchange.md``).
- Every other C0 or C1 control character, DEL, and the non-characters
  U+FFFE/U+FFFF (which XML cannot hold) are removed; where one stood between
  two visible characters it becomes a space, so no control character ever
  glues two words together.
- A lone surrogate (which Python lets through from JSON's ``\\ud800``
  escapes but no file encoding can write) becomes U+FFFD.

:func:`clean_text` keeps paragraphs and line breaks (notes, action text,
updates, headlines); :func:`clean_line` is for one-line fields (names,
titles, owners) where any break becomes a space; :func:`clean_url` checks a
link's address and says precisely what is wrong with it.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from opsg_desktop.core.errors import RuleError

#: Breaks written in other ways, and what each stands for.
_BREAKS = {
    "\r\n": "\n",
    "\r": "\n",
    "\x0b": "\n",
    "\x85": "\n",
    "\u2028": "\n",
    "\x0c": "\n\n",
    "\u2029": "\n\n",
}
_BREAK = re.compile("\r\n|[\r\x0b\x85\u2028\x0c\u2029]")
#: Controls with no meaning in the minutes (tab and line feed are kept).
_CONTROL = "\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f\ufffe\uffff"
_CONTROLS = re.compile(f"[{_CONTROL}]+")
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Anything that needs more than a look: a break, a control or a surrogate.
_NEEDS_WORK = re.compile(f"[\r\x0b\x0c\x85\u2028\u2029{_CONTROL}\ud800-\udfff]")
#: Unicode categories a link may not hold: controls, format, surrogates, line/paragraph separators.
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_LINE_SPACE = re.compile(r"[\s]+")
_URL_SCHEMES = ("http", "https", "mailto")


def clean_text(text: str) -> str:
    """``text`` with breaks made plain, controls removed and surrogates replaced.

    Idempotent: ``clean_text(clean_text(t)) == clean_text(t)``.  Nothing else
    changes: spaces, tabs, letters and their order are kept exactly.
    """
    if not _NEEDS_WORK.search(text):
        return text
    text = _SURROGATE.sub("\ufffd", text)
    text = _BREAK.sub(lambda m: _BREAKS[m.group()], text)
    return _CONTROLS.sub(_space_between, text)


def _space_between(match: re.Match[str]) -> str:
    """A space where the controls stood between two visible characters, else nothing."""
    text, start, end = match.string, match.start(), match.end()
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return "" if before.isspace() or after.isspace() else " "


#: Invisible characters with no use in a one-line field, which make two equal-looking names,
#: owners or organisations differ: zero-width space, word joiner, byte-order mark.
_ZERO_WIDTH = re.compile("[\u200b\u2060\ufeff]+")


def clean_line(text: str) -> str:
    """``text`` cleaned as one line: any break or run of white space is one space, trimmed,
    and the zero-width space, word joiner and byte-order mark removed (joiners that
    scripts and emoji need, U+200C and U+200D, and direction marks are kept)."""
    return _LINE_SPACE.sub(" ", _ZERO_WIDTH.sub("", clean_text(text))).strip()


def first_control(text: str) -> tuple[int, str] | None:
    """Position and character of the first control, invisible format character or surrogate.

    Line feed and tab count here too, and so do the invisible format characters
    (zero-width spaces, direction overrides such as U+202E) and the
    non-characters U+FFFE/U+FFFF: a URL may hold none of them.  None if clean.
    """
    for index, char in enumerate(text):
        if char in "\ufffe\uffff" or unicodedata.category(char) in _INVISIBLE:
            return index, char
    return None


def clean_url(url: str) -> str:
    """``url`` trimmed, when it is a usable link; RuleError saying what is wrong otherwise.

    A link must be ``http://`` or ``https://`` with a host, or ``mailto:``
    with an address, and hold no control character or space (a character
    dropped silently could send the reader somewhere else, so it is refused,
    not cleaned).
    """
    address = url.strip(" ")  # only plain spaces: a control at either end is refused too
    if not address:
        raise RuleError("the link has no address; type one such as https://example.org/page")
    bad = first_control(address)
    if bad is not None:
        index, char = bad
        raise RuleError(
            f"the address holds a control or invisible character (U+{ord(char):04X}) "
            f"at position {index + 1}; retype or paste it again without it"
        )
    if any(char.isspace() for char in address):
        raise RuleError("the address holds a space; write it as %20 or remove it")
    try:
        parts = urlsplit(address)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as exc:
        raise RuleError(f'"{address}" is not a well-formed address ({exc})') from None
    scheme = parts.scheme.lower()
    if scheme not in _URL_SCHEMES:
        raise RuleError(
            f'"{address}" is not a web or mail address; it must start with http://, '
            "https:// or mailto:"
        )
    if scheme in ("http", "https") and not parts.netloc:
        raise RuleError(f'"{address}" names no site after {scheme}://')
    if scheme == "mailto" and not parts.path:
        raise RuleError(f'"{address}" names no mail address after mailto:')
    return address


def safe_url(url: str) -> str | None:
    """``url`` if :func:`clean_url` accepts it, else None (exports then print the words only)."""
    try:
        return clean_url(url)
    except RuleError:
        return None
