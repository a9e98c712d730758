"""Entry point of the ``archive-reader`` command: global options and the subcommand registry."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop.cli import export_command, gui_command, library_commands, repair_command
from desktop.cli.commands import CommandModule, Handler
from desktop.version import package_version

PROG = "archive-reader"

# Subcommand modules. Each exposes ``register(subparsers)``, which adds its parser(s) and sets
# ``handler`` (``(argparse.Namespace) -> int``) with ``set_defaults``. Add new modules here:
# desktop.cli.library_commands goes into this list.
COMMAND_MODULES: list[CommandModule] = [
    repair_command,
    library_commands,
    gui_command,
    export_command,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Repair, read and search damaged archives of Chinese web news.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {package_version()}")
    parser.add_argument(
        "--library",
        type=Path,
        metavar="DIR",
        help="folder of the article library (default: the user's data folder)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status. Without a command, opens the reader."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = getattr(args, "handler", gui_command.run_gui)
    try:
        return handler(args)
    except BrokenPipeError:
        # The reader of our output went away (``archive-reader repair … | head``).
        _silence_stdout()
        return 1


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the final flush does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
