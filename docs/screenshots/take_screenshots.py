"""Take the README/issue screenshots of the main states (run under xvfb-run, see --help)."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QItemSelectionModel, QSettings, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from desktop.app import create_application, open_window
from desktop.fonts import register_bundled_font
from desktop.main_window import MainWindow
from desktop.settings import AppSettings
from index.library import Library
from index.tags.tag import Tag

HERE = Path(__file__).resolve().parent


def settle(app: QApplication, milliseconds: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()
    app.processEvents()


def save(widget: QWidget, path: Path) -> None:
    # 256 colours are plenty for a UI of text: a third of the size of a 24-bit PNG.
    image = (
        widget.grab()
        .toImage()
        .convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.AvoidDither)
    )
    image.save(str(path), quality=0)
    print(f"{path}: {image.width()}x{image.height()}, {path.stat().st_size // 1024} KB")


def select_tag(window: MainWindow, tag: Tag) -> None:
    index = window.tag_model.index_of(tag)  # the tree shows the model itself (no proxy)
    assert index.isValid(), tag
    window.tag_browser.tree.selectionModel().select(
        index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    )


def select_article(window: MainWindow, article_id: int) -> None:
    for row in range(window.article_model.rowCount()):
        if window.article_model.article_id(row) == article_id:
            window.article_view.selectRow(row)
            return


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args(argv)
    width, height = (int(part) for part in args.size.split("x"))
    app = create_application()
    register_bundled_font()
    scratch = Path(tempfile.mkdtemp(prefix="screenshots-"))
    settings = AppSettings(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat))
    library = Library.open(scratch / "library")
    window = open_window(library, settings)
    window.resize(width, height)
    window.splitter.setSizes([int(width * 0.15), int(width * 0.37), int(width * 0.48)])
    finished: list[object] = []
    window.import_finished.connect(finished.append)
    while not finished:
        settle(app, 100)
    settle(app)
    stem = str(args.size)

    def search() -> None:
        window.search_field.setText("社区 培训")
        window.apply_query()

    def tag_filter() -> None:
        window.reset_filter()
        select_tag(window, Tag("topic", "社区"))
        select_tag(window, Tag("topic", "文化"))

    def simplified() -> None:
        window.reset_filter()
        select_article(window, 1)
        window.set_script("simplified")

    def traditional() -> None:
        window.set_script("traditional")

    def repairs() -> None:
        window.set_script("simplified")
        window.reader.repairs_box.setChecked(True)
        window.reader.side_by_side_box.setChecked(True)

    steps: list[tuple[str, Callable[[], None]]] = [
        ("first-launch", lambda: None),
        ("search", search),
        ("tag-filter", tag_filter),
        ("simplified", simplified),
        ("traditional", traditional),
        ("repairs", repairs),
    ]
    for name, step in steps:
        step()
        settle(app)
        save(window, args.out / f"{stem}-{name}.png")
    window.reader.repairs_box.setChecked(False)
    window.article_view.selectAll()
    dialog = window.exporter.dialog(window.articles_to_export(), window.script)
    assert dialog is not None
    dialog.show()
    settle(app)
    save(dialog, args.out / f"{stem}-export-dialog.png")
    dialog.close()
    window.shutdown()
    window.close()
    library.close()
    shutil.rmtree(scratch)
    return 0


if __name__ == "__main__":
    sys.exit(main())
