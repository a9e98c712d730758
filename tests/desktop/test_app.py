"""``archive-reader gui`` from source: the library from the environment, first launch, exit 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from index.library import Library


def test_gui_opens_the_library_from_the_environment_and_exits_cleanly(tmp_path: Path) -> None:
    folder = tmp_path / "from-environment"
    environment = {
        **os.environ,
        "ARCHIVE_READER_LIBRARY": str(folder),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    # In a child process: an application quit in this one would end later tests' event loops.
    done = subprocess.run(
        [sys.executable, "-m", "desktop.cli.main", "gui", "--quit-after", "1500"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert f"window shown: Archive Reader — {folder}" in done.stderr
    assert "Traceback" not in done.stderr
    assert (tmp_path / "config" / "archive-reader" / "Archive Reader.conf").exists()
    with Library.open(folder) as library:
        # The first launch started importing the sample archive; quitting stops it cleanly
        # (cancelled and joined) if it had not finished, keeping the files done.
        (record,) = library.database.imports()
        assert record["status"] in ("done", "cancelled")
        assert library.article_count() == record["added"]
