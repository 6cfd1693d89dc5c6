"""core.text: one cleaning of every text field, whatever the characters."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsg_desktop.core.errors import RuleError
from opsg_desktop.core.text import clean_line, clean_text, clean_url

#: Every C0 and C1 control but tab and line feed, and the non-characters XML refuses.
OTHER_CONTROLS = [
    chr(c) for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)] if chr(c) not in "\t\n\r\x0b\x0c\x85"
] + ["\ufffe", "\uffff"]
LINE_BREAKS = ["\x0b", "\x85", "\u2028", "\r", "\r\n"]
PARAGRAPH_BREAKS = ["\x0c", "\u2029"]


@pytest.mark.parametrize("char", LINE_BREAKS)
def test_a_manual_line_break_stays_a_line_break(char):
    assert clean_text(f"A line break typed in Word{char}starts here.") == (
        "A line break typed in Word\nstarts here."
    )


@pytest.mark.parametrize("char", PARAGRAPH_BREAKS)
def test_a_page_or_paragraph_break_starts_a_new_paragraph(char):
    assert clean_text(f"First.{char}Second.") == "First.\n\nSecond."


@pytest.mark.parametrize("char", OTHER_CONTROLS)
def test_no_other_control_character_glues_two_words_together(char):
    assert clean_text(f"Word{char}starts") == "Word starts"
    assert clean_text(f"Word {char}starts") == "Word starts"
    assert clean_text(f"{char}Word{char}{char}") == "Word"


def test_a_lone_surrogate_becomes_the_replacement_character():
    assert clean_text("caf\ud800e") == "caf\ufffde"
    assert clean_text("\udfff") == "\ufffd"


def test_clean_text_leaves_ordinary_text_exactly_as_it_is():
    text = "Two  spaces,\ttab, ‘quotes’, émigré, 中文, 😀.\nLine two.\n\nParagraph two."
    assert clean_text(text) is text


@given(st.text())
def test_cleaned_text_holds_no_control_character_and_cleaning_twice_changes_nothing(text):
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned
    cleaned.encode("utf-8")  # no lone surrogate left (it would raise): any file can hold it
    for char in cleaned:
        code = ord(char)
        assert char in "\t\n" or not (code < 0x20 or 0x7F <= code <= 0x9F)
        assert char not in "\u2028\u2029\ufffe\uffff"


@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"))))
def test_text_without_controls_is_never_changed(text):
    if "\ufffe" not in text and "\uffff" not in text:
        assert clean_text(text) == text


@given(st.text())
def test_a_cleaned_line_has_no_break_and_no_double_space(text):
    line = clean_line(text)
    assert "\n" not in line and "\t" not in line and "  " not in line
    assert line == line.strip()


@pytest.mark.parametrize(
    "url",
    ["https://example.org/mod", "http://example.org", "mailto:a@example.org", "HTTPS://X.ORG/a"],
)
def test_web_and_mail_addresses_are_links(url):
    assert clean_url(f"  {url} ") == url


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("https://example.org/mod\x07page", "invisible character (U+0007) at position 24"),
        ("https://example.org/\x0bx", "invisible character (U+000B)"),
        ("https://example.org/\x85x", "invisible character (U+0085)"),
        ("https://example.org/\nx", "invisible character (U+000A)"),
        ("https://example.org/\u2028x", "invisible character (U+2028)"),
        ("https://example.org/\ud800", "invisible character (U+D800)"),
        ("https://example.org/a b", "holds a space"),
        ("example.org", "not a web or mail address"),
        ("javascript:alert(1)", "not a web or mail address"),
        ("file:///etc/passwd", "not a web or mail address"),
        ("https://", "names no site"),
        ("mailto:", "names no mail address"),
        ("", "has no address"),
        ("https://example.org/\u202egnp.exe", "invisible character (U+202E)"),
        ("https://exa\u200bmple.org/", "invisible character (U+200B)"),
        ("https://example.org/\ufffe", "invisible character (U+FFFE)"),
    ],
)
def test_a_bad_address_is_refused_with_what_is_wrong(url, says):
    with pytest.raises(RuleError, match=re.escape(says)):
        clean_url(url)


@pytest.mark.parametrize("invisible", ["\u200b", "\u2060", "\ufeff"])
def test_one_line_fields_drop_zero_width_characters_so_equal_looking_names_are_equal(invisible):
    """Two organisations or topics that look the same are the same (attack of issue 12)."""
    assert clean_line(f"D{invisible}CC{invisible} Ltd") == "DCC Ltd"
    assert clean_line(f"{invisible}SECAS") == clean_line("SECAS")


def test_joiners_that_scripts_need_are_kept_in_one_line_fields():
    assert clean_line("\u0915\u094d\u200d\u0937") == "\u0915\u094d\u200d\u0937"  # ZWJ
    assert clean_line("a\u200cb") == "a\u200cb"  # ZWNJ
