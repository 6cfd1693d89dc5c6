"""The search dialog asks a worker thread, so a long history never stalls typing."""

from __future__ import annotations

import threading

from opsg_desktop.demo import fill_with_demo
from opsg_desktop.store import search as store_search
from opsg_desktop.ui.dialogs.search import SearchDialog


def test_searching_runs_off_the_ui_thread_and_shows_the_latest_answer(
    qtbot, repository, monkeypatch
):
    fill_with_demo(repository)
    threads = []
    original = store_search.search

    def recorded(db, text, limit=50, candidates=store_search.CANDIDATES):
        threads.append(threading.current_thread())
        return original(db, text, limit, candidates)

    monkeypatch.setattr(store_search, "search", recorded)
    dialog = SearchDialog(None, repository)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.query, "Harvey Balls")
    dialog._debounce.stop()
    dialog._run()
    dialog.wait_for_results()
    assert threads and all(t is not threading.main_thread() for t in threads), dialog.summary.text()
    assert dialog.summary.text().endswith("found") and dialog.model.rowCount() > 0
    assert "[Harvey]" in dialog.model.stringList()[0]
    dialog.done(0)


def test_search_ranks_in_sql_and_makes_snippets_only_for_the_hits_kept(repository):
    fill_with_demo(repository)
    everything = repository.search("the", limit=500)
    best = repository.search("the", limit=3)
    assert len(best) == 3 and len(everything) > 3
    assert best == everything[:3]
    assert [h.rank for h in everything] == sorted(h.rank for h in everything)


def test_a_snippet_marks_each_word_found_inside_its_punctuation():
    from opsg_desktop.store.search import snippet

    text = "Members asked whether the ‘Harvey Balls’ summary, reported monthly, could go."
    assert snippet(text, ["balls"], width=4) == "…‘Harvey [Balls]’ summary, reported…"
    marked = snippet(text, ["harvey", "report"], width=20)
    assert "‘[Harvey] Balls’" in marked and "[reported]" in marked and "…" not in marked


def test_the_first_answer_is_replaced_by_every_match_ranked_with_the_count(
    qtbot, repository, monkeypatch
):
    """Newest matches first (fast), then every match ranked, and how many there are."""
    fill_with_demo(repository)
    monkeypatch.setattr(store_search, "CANDIDATES", 1)  # the first answer ranks one match
    dialog = SearchDialog(None, repository)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.query, "the")
    dialog._debounce.stop()
    dialog._run()
    dialog.wait_for_results()
    everything = repository.search("the", limit=50)
    assert [h.where for h in dialog._hits] == [h.where for h in everything]
    assert dialog.summary.text().startswith("The 50 best of ")
    dialog.done(0)
