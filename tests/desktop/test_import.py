"""Import from the window: worker thread, progress, cancel keeps what is done, first launch."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from desktop.app import needs_sample_import, open_window
from desktop.importing import import_controller
from desktop.importing.import_dialog import summary_text
from desktop.importing.import_worker import ImportJob
from desktop.main_window import MainWindow
from desktop.resources import SAMPLE_CORPUS
from desktop.settings import AppSettings
from index.library import ImportProgress, ImportSummary, Library


@pytest.fixture
def empty_library(tmp_path: Path) -> Iterator[Library]:
    library = Library.open(tmp_path / "empty-library")
    yield library
    library.close()


@pytest.fixture
def dump_folder(tmp_path: Path) -> Path:
    """A dozen dump files: the sample archive's two, copied, plus an unreadable one."""
    folder = tmp_path / "dumps"
    folder.mkdir()
    for number in range(3):
        for source in sorted(SAMPLE_CORPUS.glob("*.txt")):
            shutil.copy(source, folder / f"{number:02d}_{source.name}")
    (folder / "zz_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    return folder


def test_first_launch_imports_the_sample_archive(
    qtbot: QtBot, empty_library: Library, app_settings: AppSettings
) -> None:
    assert needs_sample_import(empty_library)
    window = open_window(empty_library, app_settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.import_finished, timeout=30_000) as finished:
        pass
    summary = finished.args[0]
    assert isinstance(summary, ImportSummary) and summary.added == 10 and not summary.errors
    assert window.article_model.total == 10
    top_topic = window.library.tag_tree()["topic"][0].tag
    qtbot.waitUntil(lambda: window.tag_model.index_of(top_topic).isValid())  # read off the GUI
    assert not needs_sample_import(empty_library)
    window.shutdown()


def test_import_runs_in_a_thread_without_blocking(
    qtbot: QtBot,
    empty_library: Library,
    app_settings: AppSettings,
    dump_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: set[int] = set()
    progress: list[ImportProgress] = []

    class ProbedJob(ImportJob):
        """Listens before the worker thread starts, so no early signal is missed."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.progress.connect(progress.append)
            self._worker.progress.connect(
                lambda _p: threads.add(threading.get_ident()),
                type=Qt.ConnectionType.DirectConnection,
            )

    monkeypatch.setattr(import_controller, "ImportJob", ProbedJob)
    window = MainWindow(empty_library, app_settings)
    qtbot.addWidget(window)
    ticks: list[int] = []
    timer = QTimer(window)
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    job = window.importer.start([dump_folder])
    assert job is not None and job.is_running(), "start_import returns while the import runs"
    with qtbot.waitSignal(window.import_finished, timeout=60_000) as finished:
        pass
    timer.stop()
    summary = finished.args[0]
    assert threading.get_ident() not in threads and len(threads) == 1
    assert ticks, "the event loop kept running during the import"
    assert progress and progress[-1].files_done == progress[-1].files_total == 7
    assert summary.added == 10 and summary.duplicates == 20
    assert [error.path.name for error in summary.errors] == ["zz_binary.txt"]
    assert not job.is_running()
    assert window.article_model.total == 10
    assert "1 files could not be read" in summary_text(summary)


def test_cancel_stops_the_import_and_keeps_what_finished(
    qtbot: QtBot,
    empty_library: Library,
    app_settings: AppSettings,
    dump_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The import thread waits after its first file until the user has pressed Cancel:
    # unheld, it may store all files before the window hears of the first one.
    pressed = threading.Event()
    import_paths = empty_library.import_paths

    def import_held_after_each_file(paths: Any, progress: Any, **options: Any) -> Any:
        def report_and_wait(update: ImportProgress) -> None:
            progress(update)
            pressed.wait(timeout=30)

        return import_paths(paths, progress=report_and_wait, **options)

    monkeypatch.setattr(empty_library, "import_paths", import_held_after_each_file)
    window = MainWindow(empty_library, app_settings)
    qtbot.addWidget(window)
    job = window.importer.start([dump_folder])
    assert job is not None
    dialog = window.importer.progress_dialog
    assert dialog is not None
    cancel_button = dialog.findChild(QPushButton)
    cancel_button.clicked.connect(pressed.set)
    job.progress.connect(lambda _progress: cancel_button.click())  # the user presses Cancel
    with qtbot.waitSignal(window.import_finished, timeout=60_000) as finished:
        pass
    summary = finished.args[0]
    assert summary.cancelled
    assert summary.files == 1
    assert empty_library.article_count() == summary.added > 0
    assert window.article_model.total == summary.added
    assert "Cancelled" in summary_text(summary)
    assert not job.is_running()


def test_closing_the_window_joins_a_running_import(
    qtbot: QtBot, empty_library: Library, app_settings: AppSettings, dump_folder: Path
) -> None:
    window = MainWindow(empty_library, app_settings)
    qtbot.addWidget(window)
    job = window.importer.start([dump_folder])
    assert job is not None
    window.close()
    assert not job.is_running()


def test_dropping_folders_on_the_window_imports_them(
    qtbot: QtBot, empty_library: Library, app_settings: AppSettings, dump_folder: Path
) -> None:
    window = MainWindow(empty_library, app_settings)
    qtbot.addWidget(window)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(dump_folder))])
    position = QPointF(window.rect().center())
    enter = QDragEnterEvent(
        window.rect().center(),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        position,
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.import_finished, timeout=60_000) as finished:
        window.dropEvent(drop)
    assert finished.args[0].added == 10


def test_dragging_web_links_is_refused(
    qtbot: QtBot, empty_library: Library, app_settings: AppSettings
) -> None:
    window = MainWindow(empty_library, app_settings)
    qtbot.addWidget(window)
    data = QMimeData()
    data.setUrls([QUrl("http://example.invalid/feed.txt")])
    enter = QDragEnterEvent(
        window.rect().center(),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter.ignore()
    window.dragEnterEvent(enter)
    assert not enter.isAccepted()
