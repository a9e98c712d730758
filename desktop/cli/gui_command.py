"""The ``gui`` subcommand: open the desktop reader (also what a bare ``archive-reader`` does)."""

from __future__ import annotations

import argparse
import importlib
import sys
from types import ModuleType

from desktop.cli.commands import Subparsers

NOT_AVAILABLE = "archive-reader: the desktop reader is not available in this build yet"
WINDOW_SHOWN = "archive-reader: window shown: {titles}; quitting after {ms} ms"
NO_WINDOW = "archive-reader: no window was shown within {ms} ms"


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser("gui", help="open the desktop reader")
    parser.add_argument(
        "--quit-after",
        dest="quit_after_ms",
        type=_milliseconds,
        metavar="MS",
        help="quit MS milliseconds after the window is shown (start-up checks, smoke tests)",
    )
    parser.set_defaults(handler=run_gui)


def run_gui(args: argparse.Namespace) -> int:
    """Start ``desktop.app.run(args)``; exit status 2 with a message if it is not there."""
    try:
        app = importlib.import_module("desktop.app")
    except ModuleNotFoundError as error:
        if error.name not in {"desktop", "desktop.app"}:
            raise
        print(NOT_AVAILABLE, file=sys.stderr)
        return 2
    quit_after_ms: int | None = getattr(args, "quit_after_ms", None)
    if quit_after_ms is not None:
        _schedule_quit(app, quit_after_ms)
    result = app.run(args)
    return result if isinstance(result, int) else 0


def _milliseconds(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return value


def _schedule_quit(app: ModuleType, ms: int) -> None:
    """Quit ``ms`` after the event loop starts, that is after ``run`` has shown the window.

    The QApplication is made here through ``app.create_application()``, which ``run`` reuses,
    so the timer lives in the loop that ``run`` starts. Before quitting it reports the visible
    top-level windows on stderr; a start-up that shows none exits with status 1.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    qt_app = app.create_application()

    def report_and_quit() -> None:
        titles = sorted(w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible())
        if titles:
            print(WINDOW_SHOWN.format(titles=" | ".join(titles), ms=ms), file=sys.stderr)
            qt_app.quit()
        else:
            print(NO_WINDOW.format(ms=ms), file=sys.stderr)
            qt_app.exit(1)

    QTimer.singleShot(0, lambda: QTimer.singleShot(ms, report_and_quit))
