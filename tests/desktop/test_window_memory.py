"""Once the window's start-up work is done, what it loaded is left out of the garbage
collector's scans (a full collection through it stalled scrolling at 100k)."""

from __future__ import annotations

import gc
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.app import open_library
from desktop.main_window import MainWindow
from desktop.settings import AppSettings


def scanned_ids() -> set[int]:
    return {id(item) for generation in range(3) for item in gc.get_objects(generation)}


def test_what_start_up_loaded_is_frozen_once_it_is_done(
    qtbot: QtBot, sample_library_dir: Path, app_settings: AppSettings
) -> None:
    library = open_library(sample_library_dir)  # as the app opens it: the check comes later
    window = MainWindow(library, app_settings)
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(
            lambda: window.article_model.warmed_up and window._converter_ready, timeout=20_000
        )
        qtbot.waitUntil(lambda: window.tag_model.loaded, timeout=10_000)
        assert gc.get_freeze_count() > 0
        tags = window.tag_model._tags  # read on a worker thread at start-up
        assert gc.is_tracked(tags) and id(tags) not in scanned_ids()
        later: list[object] = []
        assert id(later) in scanned_ids()  # what comes after is scanned as usual
    finally:
        gc.unfreeze()
        window.shutdown()
        library.close()
