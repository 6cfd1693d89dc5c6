"""How wide text is in Arial, so table columns can hold their ids and dates on one line.

Widths are Arial's advance widths in thousandths of an em for printable
ASCII (the same metrics as Helvetica and Liberation Sans, which LibreOffice
uses in Arial's place).  A character outside that range counts as wide as
``W``, so an estimate errs towards a wider column, never a broken word.
"""

from __future__ import annotations

from collections.abc import Iterable

_WIDTHS = dict(
    zip(
        " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
        "abcdefghijklmnopqrstuvwxyz{|}~",
        (
            278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
            *([556] * 10),
            278, 278, 584, 584, 584, 556, 1015,
            667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
            667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611,
            278, 278, 278, 469, 556, 333,
            556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
            556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500,
            334, 260, 334, 584,
        ),
        strict=True,
    )
)  # fmt: skip
_WIDTHS["\u00a0"] = _WIDTHS[" "]
_UNKNOWN = 944
#: Bold Arial is at most this much wider than regular, character for character.
BOLD_FACTOR = 1.1
#: Left plus right cell margins of the table grid style (108 twips each), in twips.
CELL_MARGINS = 216
#: Room kept beyond the measured width, in twips (a point and a half).
SLACK = 30


def text_points(text: str, size: float, *, bold: bool = False) -> float:
    """The width of ``text`` set in Arial at ``size`` points, in points."""
    units = sum(_WIDTHS.get(char, _UNKNOWN) for char in text)
    return units * size / 1000 * (BOLD_FACTOR if bold else 1.0)


def column_need(texts: Iterable[str], size: float, *, bold: bool = False) -> int:
    """Twips a table column needs so that no word of ``texts`` breaks across lines.

    Words are split at ordinary spaces only; join with U+00A0 what must stay whole.
    """
    longest = max((text_points(w, size, bold=bold) for t in texts for w in t.split(" ")), default=0)
    return round(longest * 20) + CELL_MARGINS + SLACK
