"""The GUI shows a progress dialog while the library rebuilds a lost search index."""

from __future__ import annotations

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.library_health import RebuildDialog
from index.library import Library
from index.library.library import INDEX_FOLDER
from tests.reliability.library_state import write_dumps


def test_rebuild_reports_in_a_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "library"
    with Library.open(folder) as library:
        library.import_paths([write_dumps(tmp_path / "dumps", 4)[0].parent], procs=1)
    shutil.rmtree(folder / INDEX_FOLDER)
    rebuild = RebuildDialog()
    try:
        with Library.open(folder, progress=rebuild) as library:
            assert library.search("報道").total == 4
        assert rebuild.dialog is not None and rebuild.reports == 2  # 0 of 4, then 4 of 4
        assert rebuild.dialog.maximum() == 4
        assert not rebuild.dialog.isVisible()  # it closes itself once the rebuild is done
        assert "Rebuilding it from the library: 4 of 4 articles" in rebuild.dialog.labelText()
        assert "The search index is missing" in rebuild.dialog.labelText()
    finally:
        rebuild.close()
    assert rebuild.dialog is None
