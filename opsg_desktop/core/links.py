"""The address of a link typed into the notes, completed as Word and Outlook do.

"www.example.org" becomes "https://www.example.org" and "someone@example.org"
becomes "mailto:someone@example.org"; what results is then checked by the one
rule for every address (``core.text.clean_url``: http, https or mailto, no
space or control character).
"""

from __future__ import annotations

import re

from opsg_desktop.core.text import clean_url

_EMAIL = re.compile(r"^[^@\s:/]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")


def complete_link_url(text: str) -> str:
    """The link address ``text`` names, completed and checked; RuleError says what is wrong."""
    url = text.strip()
    if _EMAIL.match(url):
        url = "mailto:" + url
    elif url.lower().startswith("www."):
        url = "https://" + url
    return clean_url(url)
