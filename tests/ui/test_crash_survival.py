"""A kill -9 one second after typing loses nothing that was typed."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from opsg_desktop.core.model import TextBlock
from opsg_desktop.demo import fill_with_demo
from opsg_desktop.store.repository import Repository

ROOT = Path(__file__).parent.parent.parent


def test_sigkill_one_second_after_typing_keeps_the_text(db_path, tmp_path):
    repository = Repository(db_path)
    fill_with_demo(repository)
    repository.close()
    typed = "The Chair thanked members for a constructive session."
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.crash_driver", str(db_path), typed],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        line = process.stdout.readline()
        assert line.strip() == "typed", process.stderr.read()
        time.sleep(1.0)
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL
    repository = Repository(db_path)
    try:
        blocks = repository.load_meeting("OPSG_49_2405").agenda[7].blocks
    finally:
        repository.close()
    assert TextBlock(typed) in blocks


def test_after_a_kill_the_window_reopens_where_the_secretary_was_typing(db_path, tmp_path):
    repository = Repository(db_path)
    fill_with_demo(repository)
    repository.close()
    typed = "Members asked for the slides."
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    command = [sys.executable, "-m", "tests.ui.crash_driver", str(db_path)]
    process = subprocess.Popen(
        [*command, typed], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        assert process.stdout.readline().strip() == "typed", process.stderr.read()
        time.sleep(1.0)
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    finally:
        if process.poll() is None:
            process.kill()
    again = subprocess.run(
        [*command, "--place"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert again.returncode == 0, again.stderr
    _, item, position, paragraph = again.stdout.strip().split(" ", 3)
    assert (item, paragraph) == ("8", typed)
    assert int(position) > 0
