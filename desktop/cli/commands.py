"""The contract between ``main`` and the subcommand modules it registers."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Protocol, TypeAlias

Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
Handler: TypeAlias = Callable[[argparse.Namespace], int]


class CommandModule(Protocol):
    """A module that adds its subcommands; each sets ``handler`` with ``set_defaults``."""

    def register(self, subparsers: Subparsers) -> None: ...


def error_line(subject: str, reason: str) -> str:
    """The one-line message format for a failure: ``archive-reader: SUBJECT: reason``."""
    return f"archive-reader: {subject}: {reason}"
