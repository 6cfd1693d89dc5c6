"""The fault suite's tally, printed at the end of the run: kills, faults injected, data lost."""

from __future__ import annotations

import collections

import pytest

TALLY: collections.Counter = collections.Counter()


@pytest.fixture
def tally() -> collections.Counter:
    """Count ``kills``, ``faults`` (each injected fault, kills included) and ``lost``."""
    return TALLY


def pytest_terminal_summary(terminalreporter) -> None:
    if TALLY:
        terminalreporter.write_sep("-", "fault suite")
        terminalreporter.write_line(
            f"kills: {TALLY['kills']}  faults injected: {TALLY['faults']}  "
            f"data lost: {TALLY['lost']}  (trials: {TALLY['trials']})"
        )
