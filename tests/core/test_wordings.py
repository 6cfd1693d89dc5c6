"""Shipped wordings and a group's overrides."""

from opsg_desktop.core.model import Classification, Group
from opsg_desktop.core.wordings import classification_statement, headlines_intro


def test_white_statement_is_the_house_wording():
    text = classification_statement(Group("Operations Group", "OPSG"), Classification.WHITE)
    assert text.startswith("This document is classified as White. Information can be shared")


def test_a_group_override_wins_and_the_rest_fall_back():
    group = Group("Operations Group", "OPSG", wordings={"classification": {"amber": "Custom."}})
    assert classification_statement(group, Classification.AMBER) == "Custom."
    assert "Red" in classification_statement(group, Classification.RED)


def test_headlines_intro_names_the_group_and_tolerates_braces():
    assert "Operations Group (OPSG)" in headlines_intro(Group("Operations Group", "OPSG"))
    group = Group("Operations Group", "OPSG", wordings={"headlines_intro": "Odd {text} for {name}"})
    assert headlines_intro(group) == "Odd {text} for Operations Group"
