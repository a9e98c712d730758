"""Crash safety: SIGKILL an import at random moments; the library stays whole every time."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index.library import Library
from tests.reliability.library_state import (
    database_ids,
    fingerprint_counts,
    index_ids,
    integrity,
    write_dumps,
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]

ROOT = Path(__file__).resolve().parents[2]
FILES = 240
ROUNDS = 3  # a fresh library each, so that kills land early, midway and late in its filling
KILLS_PER_ROUND = 4
SEED = 20250710
ORPHAN_GRACE_SECONDS = 3.0


def start_import(library: Path, files: Path) -> subprocess.Popen[bytes]:
    """The CLI import in its own process group, so that its children can be found."""
    return subprocess.Popen(
        [sys.executable, "-m", "desktop.cli.main", "--library", str(library), "import", str(files)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_for_orphans(pgid: int) -> bool:
    """True if the killed import's children (pipeline pool, index sub-writers) all exit."""
    deadline = time.monotonic() + ORPHAN_GRACE_SECONDS
    while group_alive(pgid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def assert_library_whole(library: Path) -> None:
    """Sound database; after the open-time catch-up, the index holds each article once."""
    assert integrity(library) == "ok"
    with Library.open(library) as opened:
        assert not opened.read_only and not opened.index_behind
    stored = database_ids(library)
    indexed = index_ids(library)
    assert set(indexed) == stored
    assert all(count == 1 for count in indexed.values())
    assert all(count == 1 for count in fingerprint_counts(library).values())


def stored_count(library: Path) -> int:
    try:
        return len(database_ids(library))
    except sqlite3.Error:
        return 0  # not created yet


def kill_when(process: subprocess.Popen[bytes], library: Path, target: int, jitter: float) -> None:
    """SIGKILL the import once ``target`` articles are stored, ``jitter`` seconds later."""
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        if stored_count(library) >= target:
            break
        time.sleep(0.01)
    time.sleep(jitter)
    process.send_signal(signal.SIGKILL)


def kill_once(library: Path, files: Path, rng: random.Random) -> None:
    """Start an import and kill it at a random point of its work; reap it and its children."""
    before = stored_count(library)
    target = rng.randint(before, FILES)  # FILES: while the index commits, after the last store
    process = start_import(library, files)
    try:
        kill_when(process, library, target, rng.uniform(0.0, 0.3))
        process.wait(timeout=10)
        orphans_gone = wait_for_orphans(process.pid)
    finally:
        if group_alive(process.pid):
            os.killpg(process.pid, signal.SIGKILL)
        if process.poll() is None:
            process.kill()
            process.wait()
        assert process.stderr is not None
        process.stderr.close()
    assert orphans_gone, "children of the killed import kept running"


def final_import(library: Path, files: Path) -> None:
    process = start_import(library, files)
    _, errors = process.communicate(timeout=120)
    assert process.returncode == 0, errors.decode()


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_sigkill_during_import_loses_nothing(tmp_path: Path, round_: int) -> None:
    files = tmp_path / "dumps"
    write_dumps(files, FILES)
    library = tmp_path / "library"
    rng = random.Random(SEED + round_)
    for _ in range(KILLS_PER_ROUND):
        kill_once(library, files, rng)
        assert_library_whole(library)
    final_import(library, files)
    assert_library_whole(library)
    fingerprints = fingerprint_counts(library)
    assert len(fingerprints) == FILES and set(fingerprints.values()) == {1}
