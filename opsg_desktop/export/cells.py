"""The one rule for a cell of any CSV the application writes.

A spreadsheet opening a CSV runs a cell that starts with ``=``, ``+``, ``-``
or ``@`` as a formula (and some also one starting with a tab or a carriage
return), which lets a typed action such as ``=HYPERLINK(…)`` or
``-2+3+cmd|' /C calc'!A0`` act on the reader's machine (OWASP, "CSV
Injection").  Such a cell is written with a leading apostrophe, which every
spreadsheet shows as text, unless it is a plain number (``-2``, ``+3.5``).
"""

from __future__ import annotations

import re

from opsg_desktop.core.text import clean_text

#: What makes a spreadsheet read a cell as a formula, ASCII and full-width forms.
FORMULA_STARTS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]+)*|[.,][0-9]+)(?:[eE][+-]?[0-9]+)?")


def spreadsheet_cell(value: str) -> str:
    """``value`` as a CSV cell that no spreadsheet can run: text cleaned, formulas defused.

    The first character that is not white space decides: if it could start a
    formula (``FORMULA_STARTS``), and the cell is not a plain number, an
    apostrophe goes in front.
    """
    value = clean_text(value)
    if value[:1] in ("\t", "\r"):
        return f"'{value}"
    first = value.lstrip()[:1]
    if first in FORMULA_STARTS and not _PLAIN_NUMBER.fullmatch(value.strip()):
        return f"'{value}"
    return value
