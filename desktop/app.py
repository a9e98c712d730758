"""Start the desktop reader: Qt application, translation, bundled font, library, main window."""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.fonts import BundledFontError, register_bundled_font
from desktop.library_health import RebuildDialog
from desktop.main_window import MainWindow
from desktop.resources import APP_ID, ICONS, SAMPLE_CORPUS
from desktop.settings import AppSettings
from desktop.translations import install_translator
from index.library import Library, LibraryError

__all__ = ["create_application", "needs_sample_import", "open_library", "open_window", "run"]

APP_NAME = "Archive Reader"
ORGANIZATION = "archive-reader"


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (reused if one exists), named for QSettings, translated."""
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APP_NAME)
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv or [sys.argv[0]])
    install_translator(app)
    QGuiApplication.setDesktopFileName(APP_ID)
    app.setWindowIcon(application_icon())
    return app


def application_icon() -> QIcon:
    """The app's icon in every size shipped (resources/icons/hicolor)."""
    icon = QIcon()
    for png in sorted(ICONS.glob(f"hicolor/*/apps/{APP_ID}.png")):
        icon.addFile(str(png))
    return icon


def needs_sample_import(library: Library) -> bool:
    """A library that is empty and never imported anything gets the sample archive."""
    return library.article_count() == 0 and not library.database.imports()


def open_library(folder: Path | str | None, rebuild: RebuildDialog | None = None) -> Library:
    """The library as the window opens it: its search index is checked once the window
    shows (see ``MainWindow``), unless the index cannot even be opened (then it is rebuilt
    now, reporting to ``rebuild``)."""
    return Library.open(folder, progress=rebuild, defer_index_check=True)


def open_window(library: Library, settings: AppSettings | None = None) -> MainWindow:
    """Show the main window; a first launch imports ``resources/corpus/`` with progress.

    What the imports made lives as long as the app: it is left out of the garbage
    collector's scans from here on (a full collection through it took ~50 ms of the start).
    """
    gc.freeze()
    window = MainWindow(library, settings or AppSettings())
    window.show()
    if not library.read_only and needs_sample_import(library) and SAMPLE_CORPUS.is_dir():
        window.when_ready(lambda: window.importer.start([SAMPLE_CORPUS], quiet=True))
    return window


def run(args: argparse.Namespace) -> int:
    """``archive-reader gui``: the library from ``--library``, the environment or the default."""
    app = create_application()
    rebuild = RebuildDialog()
    try:
        register_bundled_font()
        library = open_library(getattr(args, "library", None), rebuild)
    except (LibraryError, BundledFontError) as error:
        QMessageBox.critical(None, APP_NAME, str(error))
        print(f"archive-reader: {error}", file=sys.stderr)
        return 1
    finally:
        rebuild.close()
    try:
        window = open_window(library)
        status = app.exec()
        window.save_state()  # also when the loop was quit without closing the window
        window.shutdown()
        return int(status)
    finally:
        library.close()
