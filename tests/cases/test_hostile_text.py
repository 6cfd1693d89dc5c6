"""Kind: hostile text reaches the exporter (cases link-url-control-char, soft-line-break).

Every text field, URLs included, either refuses a control character at
import with its place or has it cleaned on the way in; no export ever fails
on stored text; a manual line break stays a line break; no C0/C1 character
glues two words together.  Checked for every such character, in every kind
of field, through the command line (import, export minutes, headlines,
action log as Word and CSV), the store and a database written before the rule.
"""

from __future__ import annotations

import csv
import sqlite3

import pytest
from docx import Document

from opsg_desktop.core.errors import ValidationError
from opsg_desktop.interchange import meeting_from_dict
from opsg_desktop.store.repository import Repository
from tests.cases.helpers import case, cli, small_meeting, write
from tests.core.test_text import LINE_BREAKS, OTHER_CONTROLS, PARAGRAPH_BREAKS
from tests.export.docx_reading import part_xml

REF = "OPSG_61_1403"
#: A sample of the controls for the slower end-to-end runs: C0, DEL, C1, non-characters.
SAMPLE = ["\x00", "\x07", "\x1b", "\x1f", "\x7f", "\x80", "\x9b", "\x9f", "\ufffe"]


def _every_text_field(char: str) -> dict:
    """A meeting with ``Word<char>starts`` in every free-text field there is."""
    words = f"Word{char}starts"
    doc = small_meeting(
        [
            {"text": words},
            {"heading": words},
            {"decision": "NOTED", "text": words},
            {"action": {"text": words, "owner": "DCC", "topic": words, "target": words}},
            {"text": f"See {words}", "links": [{"text": words, "url": "https://example.org/a"}]},
            {"link": {"text": words, "url": "https://example.org/b"}},
            {"outstanding_actions": True},
        ]
    )
    item = doc["agenda"][0]
    item.update(title=words, presenter=words, headline=words)
    doc["people"][1].update(name=words, role=words, organisation=words)
    doc["meeting"]["location"] = words
    doc["outstanding"] = [
        {"id": "OPSG 60/01", "text": words, "owner": words, "raised": "2022-02-14",
         "target": words, "revised_target": words, "update": words}
    ]  # fmt: skip
    return doc


def _docx_text(path) -> str:
    """All the text of a Word file's body, line breaks as "\\n", paragraphs as "\\n\\n"."""
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n\n".join(parts)


@pytest.mark.parametrize("char", OTHER_CONTROLS)
def test_a_control_character_in_any_text_field_is_cleaned_on_the_way_in(char):
    meeting = meeting_from_dict(_every_text_field(char))
    assert meeting.agenda[0].blocks[0].text == "Word starts"
    assert meeting.agenda[0].title == "Word starts"
    assert meeting.people[1].name == "Word starts"
    assert meeting.outstanding[0].update == "Word starts"
    assert meeting.outstanding[0].action.revised_target == "Word starts"


@pytest.mark.parametrize("char", SAMPLE + LINE_BREAKS + PARAGRAPH_BREAKS)
def test_every_export_succeeds_and_never_glues_two_words(capsys, tmp_path, char):
    db = tmp_path / "db.sqlite3"
    assert cli(capsys, "--db", db, "import", write(tmp_path, _every_text_field(char)))[0] == 0
    for args in (
        ["export", "minutes", REF, "-o", tmp_path / "m.docx"],
        ["export", "headlines", REF, "-o", tmp_path / "h.docx"],
        ["export", "actions", "-o", tmp_path / "a.docx"],
        ["export", "actions", "-o", tmp_path / "a.csv"],
        ["dump", REF, "-o", tmp_path / "d.json"],
        ["actions", "--all"],
    ):
        assert cli(capsys, "--db", db, *args)[0] == 0, args
    for name in ("m.docx", "h.docx", "a.docx"):
        assert "Wordstarts" not in _docx_text(tmp_path / name), name
    assert "Wordstarts" not in (tmp_path / "a.csv").read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("char", LINE_BREAKS)
def test_a_manual_line_break_is_a_line_break_in_the_word_file(capsys, tmp_path, char):
    doc = case("soft-line-break")
    doc["agenda"][0]["blocks"][1]["text"] = f"A line break typed in Word{char}starts the line."
    db = tmp_path / "db.sqlite3"
    cli(capsys, "--db", db, "import", write(tmp_path, doc))
    assert cli(capsys, "--db", db, "export", "minutes", REF, "-o", tmp_path / "m.docx")[0] == 0
    paragraphs = [p.text for p in Document(str(tmp_path / "m.docx")).paragraphs]
    assert "A line break typed in Word\nstarts the line." in paragraphs
    assert 'Word</w:t><w:br/><w:t xml:space="preserve">starts' in part_xml(tmp_path / "m.docx")


def test_the_reported_case_keeps_its_line_break(capsys, tmp_path):
    db = tmp_path / "db.sqlite3"
    cli(capsys, "--db", db, "import", write(tmp_path, case("soft-line-break")))
    cli(capsys, "--db", db, "export", "minutes", REF, "-o", tmp_path / "m.docx")
    paragraphs = [p.text for p in Document(str(tmp_path / "m.docx")).paragraphs]
    assert "A line break typed in Word\nstarts the second line here." in paragraphs


@pytest.mark.parametrize("char", PARAGRAPH_BREAKS)
def test_a_page_or_paragraph_break_starts_a_new_paragraph(capsys, tmp_path, char):
    doc = small_meeting([{"text": f"First paragraph.{char}Second paragraph."}])
    db = tmp_path / "db.sqlite3"
    cli(capsys, "--db", db, "import", write(tmp_path, doc))
    cli(capsys, "--db", db, "export", "minutes", REF, "-o", tmp_path / "m.docx")
    paragraphs = [p.text for p in Document(str(tmp_path / "m.docx")).paragraphs]
    assert paragraphs.index("Second paragraph.") == paragraphs.index("First paragraph.") + 1


@pytest.mark.parametrize("char", [*OTHER_CONTROLS, "\n", "\t", "\x0b", "\u2028", "\ud800"])
@pytest.mark.parametrize(
    "where",
    [
        lambda doc, url: doc["agenda"][0]["blocks"].__setitem__(
            1, {"link": {"text": "mod page", "url": url}}
        ),
        lambda doc, url: doc["agenda"][0]["blocks"].__setitem__(
            1, {"text": "the mod page", "links": [{"text": "mod page", "url": url}]}
        ),
    ],
    ids=["link block", "link in a paragraph"],
)
def test_a_control_character_in_a_url_is_refused_with_its_place(capsys, tmp_path, char, where):
    doc = case("link-url-control-char")
    where(doc, f"https://example.org/mod{char}page")
    db = tmp_path / "db.sqlite3"
    code, out, err = cli(capsys, "--db", db, "import", write(tmp_path, doc))
    assert (code, out) == (1, "")
    assert "nothing was imported" in err
    assert (
        "agenda[0].blocks[1]" in err
        and ".url: the address holds a control or invisible character" in err
    )
    assert cli(capsys, "--db", db, "list")[1] == ""


def test_the_reported_url_case_says_where_and_what(capsys, tmp_path):
    code, _, err = cli(
        capsys, "--db", tmp_path / "db.sqlite3", "import",
        write(tmp_path, case("link-url-control-char")),
    )  # fmt: skip
    assert code == 1
    assert err.splitlines()[1] == (
        "  agenda[0].blocks[1].link.url: the address holds a control or invisible character "
        "(U+0007) at position 24; retype or paste it again without it"
    )


def test_the_store_refuses_a_bad_url_that_no_import_checked(repository):
    meeting = meeting_from_dict(case("soft-line-break"))
    meeting.agenda[0].blocks[0].links = []
    from opsg_desktop.core.model import LinkBlock

    meeting.agenda[0].blocks.append(LinkBlock("page", "https://example.org/\x07"))
    with pytest.raises(ValidationError, match=r"agenda\[0\]\.blocks\[2\]\.link\.url"):
        repository.save_meeting(meeting)
    assert repository.list_meetings() == []


def test_a_database_written_before_the_rule_still_exports(capsys, tmp_path):
    """Text stored by an older version (controls, a bad URL) is cleaned on the way out."""
    db = tmp_path / "db.sqlite3"
    doc = small_meeting(
        [{"text": "Old text"}, {"link": {"text": "mod", "url": "https://example.org/a"}}]
    )
    cli(capsys, "--db", db, "import", write(tmp_path, doc))
    Repository(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE blocks SET text = 'Word' || char(11) || 'starts' || char(7) || 'x'"
                     " WHERE kind = 'text'")  # fmt: skip
        conn.execute(
            "UPDATE blocks SET url = 'https://example.org/' || char(7) WHERE kind = 'link'"
        )
    assert cli(capsys, "--db", db, "export", "minutes", REF, "-o", tmp_path / "m.docx")[0] == 0
    paragraphs = [p.text for p in Document(str(tmp_path / "m.docx")).paragraphs]
    assert "Word\nstarts x" in paragraphs and "mod" in paragraphs


def test_a_lone_surrogate_in_a_file_is_replaced_not_a_traceback(capsys, tmp_path):
    doc = small_meeting([{"text": "caf\ud800e"}, {"heading": "\udfff"}])
    doc["people"][0]["name"] = "Rina \ud83d Okafor"
    path = tmp_path / "m.json"
    path.write_text(
        __import__("json").dumps(doc, ensure_ascii=True), encoding="utf-8"
    )  # JSON escapes: how a lone surrogate reaches a file
    db = tmp_path / "db.sqlite3"
    assert cli(capsys, "--db", db, "import", path)[0] == 0
    dumped = __import__("json").loads(cli(capsys, "--db", db, "dump", REF)[1])
    assert dumped["agenda"][0]["blocks"][0]["text"] == "caf\ufffde"
    assert dumped["people"][0]["name"] == "Rina \ufffd Okafor"


def test_a_lone_surrogate_in_a_key_is_reported_printably(capsys, tmp_path):
    doc = small_meeting()
    doc["meeting"]["lo\ud800cation"] = "x"
    path = tmp_path / "m.json"
    path.write_text(__import__("json").dumps(doc, ensure_ascii=True), encoding="utf-8")
    code, _, err = cli(capsys, "--db", tmp_path / "db.sqlite3", "import", path)
    assert code == 1 and 'unknown key "lo\\ud800cation"' in err


def test_csv_cells_are_clean_too(capsys, tmp_path):
    db = tmp_path / "db.sqlite3"
    cli(capsys, "--db", db, "import", write(tmp_path, _every_text_field("\x07")))
    cli(capsys, "--db", db, "export", "actions", "-o", tmp_path / "a.csv")
    with open(tmp_path / "a.csv", encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert not any(ch in cell for cell in cells for ch in OTHER_CONTROLS)
