"""Imports repair files in worker processes, from the main thread (fork) and from another
thread, as the GUI imports (fork server), with the same result as one process."""

from __future__ import annotations

import threading
from pathlib import Path

from index.library import ImportSummary, Library
from tests.reliability.library_state import write_dumps

FILES = 6


def library_contents(library: Library) -> list[tuple[str, str]]:
    return sorted((a.title, a.outlet or "") for a in library.list_articles(limit=100))


def test_workers_in_a_thread_import_as_one_process_does(tmp_path: Path) -> None:
    dumps = write_dumps(tmp_path / "dumps", FILES)
    with Library(tmp_path / "single") as single:
        single.import_paths(dumps, procs=1)
        expected = library_contents(single)
        expected_hits = single.search("報道").total

    summaries: list[ImportSummary] = []

    def import_in_a_thread() -> None:
        with Library(tmp_path / "threaded") as library:
            summaries.append(library.import_paths(dumps, procs=2))
            summaries.append(library.import_paths(dumps, procs=2))  # again: duplicates

    thread = threading.Thread(target=import_in_a_thread)
    thread.start()
    thread.join()
    first, again = summaries
    assert (first.files, first.added, first.errors) == (FILES, FILES, [])
    assert (again.added, again.duplicates) == (0, FILES)
    with Library(tmp_path / "threaded") as threaded:
        assert library_contents(threaded) == expected
        assert threaded.search("報道").total == expected_hits == FILES
