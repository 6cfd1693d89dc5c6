"""The address of a link typed into the notes, checked before it goes into the minutes.

A link in the minutes is a web page (http, https) or an email address
(mailto).  What people paste is usually one of those; "www.example.org" and
"someone@example.org" are accepted and completed as Word and Outlook do.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from opsg_desktop.core.errors import OpsgError

SCHEMES = ("http", "https", "mailto")
_HOST = re.compile(r"^(?:localhost|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(?::\d{1,5})?$")
_EMAIL = re.compile(r"^[^@\s:]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")


def check_link_url(text: str) -> str:
    """The link address ``text`` names, completed and trimmed.

    Raises OpsgError (with the reason, for the bar to show) for an address
    that is not http, https or mailto, has spaces or control characters in
    it, or names no host or mailbox.
    """
    url = text.strip()
    if not url:
        raise OpsgError("Type the address the words link to.")
    if any(ch.isspace() or not ch.isprintable() for ch in url):
        raise OpsgError("A link's address cannot hold spaces or control characters.")
    if _EMAIL.match(url):
        url = "mailto:" + url
    elif url.lower().startswith("www."):
        url = "https://" + url
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise OpsgError("A link's address starts http://, https:// or mailto:.")
    if scheme == "mailto" and not _EMAIL.match(parts.path):
        raise OpsgError(f"{parts.path or 'mailto:'} is not an email address.")
    if scheme != "mailto" and not _HOST.match(parts.netloc.rsplit("@", 1)[-1]):
        raise OpsgError(f"{url} names no web site.")
    return url
