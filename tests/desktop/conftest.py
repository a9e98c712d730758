"""Fixtures for the desktop tests: a library made from the sample archive, copied per test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.resources import SAMPLE_CORPUS
from desktop.settings import AppSettings
from desktop.translations import install_translator
from index.library import Library


@pytest.fixture(scope="session")
def sample_library_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample archive imported once per session; tests get copies."""
    folder = tmp_path_factory.mktemp("template") / "library"
    with Library.open(folder) as library:
        summary = library.import_paths([SAMPLE_CORPUS], procs=1)
    assert summary.added > 0 and not summary.errors
    return folder


@pytest.fixture
def sample_library_dir(sample_library_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "library"
    shutil.copytree(sample_library_template, target)
    return target


@pytest.fixture
def sample_library(sample_library_dir: Path) -> Iterator[Library]:
    library = Library.open(sample_library_dir)
    yield library
    library.close()


@pytest.fixture
def app_settings(tmp_path: Path) -> AppSettings:
    """Settings in a private INI file, never the user's."""
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(
    qtbot: QtBot, sample_library: Library, app_settings: AppSettings
) -> Iterator[MainWindow]:
    main_window = MainWindow(sample_library, app_settings)
    qtbot.addWidget(main_window)
    main_window.show()
    qtbot.waitUntil(lambda: main_window.tag_model.loaded, timeout=10_000)
    # The first article is read on a worker thread once the list is painted.
    qtbot.waitUntil(lambda: main_window.reader.article is not None, timeout=10_000)
    yield main_window
    main_window.shutdown()
    assert main_window.importer.job is None or not main_window.importer.job.is_running()


@pytest.fixture(scope="session", autouse=True)
def english_ui(qapp: QApplication) -> Iterator[None]:
    """The UI in English whatever the machine's locale (plural forms come from a .qm)."""
    translator = install_translator(qapp, QLocale(QLocale.Language.English))
    assert translator is not None
    yield
    qapp.removeTranslator(translator)
