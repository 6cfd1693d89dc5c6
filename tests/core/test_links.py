import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsg_desktop.core.errors import RuleError
from opsg_desktop.core.links import complete_link_url


@pytest.mark.parametrize(
    ("typed", "url"),
    [
        (
            "https://smartenergycodecompany.co.uk/modifications/ ",
            "https://smartenergycodecompany.co.uk/modifications/",
        ),
        ("http://localhost:8080/x", "http://localhost:8080/x"),
        ("www.example.org/page", "https://www.example.org/page"),
        ("secas@example.org", "mailto:secas@example.org"),
        ("mailto:secas@example.org", "mailto:secas@example.org"),
    ],
)
def test_good_addresses_are_kept_or_completed(typed, url):
    assert complete_link_url(typed) == url


@pytest.mark.parametrize(
    "typed",
    ["", "javascript:alert(1)", "file:///etc/passwd", "ftp://example.org", "https://",
     "https://exa mple.org", "https://example.org/\x07", "mailto:", "example"],
)  # fmt: skip
def test_bad_addresses_are_refused_with_a_reason(typed):
    with pytest.raises(RuleError):
        complete_link_url(typed)


@given(st.text())
def test_whatever_is_accepted_is_a_clean_web_or_mail_address(typed):
    try:
        url = complete_link_url(typed)
    except RuleError:
        return
    assert url.split(":", 1)[0].lower() in {"http", "https", "mailto"}
    assert all(ch.isprintable() and not ch.isspace() for ch in url)
