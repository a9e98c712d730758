"""The ``gui`` subcommand: open the desktop reader (also what a bare ``archive-reader`` does)."""

from __future__ import annotations

import argparse
import importlib
import sys

from desktop.cli.commands import Subparsers

NOT_AVAILABLE = "archive-reader: the desktop reader is not available in this build yet"


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser("gui", help="open the desktop reader")
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
    result = app.run(args)
    return result if isinstance(result, int) else 0
