"""Where the library lives: --library DIR, else $ARCHIVE_READER_LIBRARY, else the user data dir."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from platformdirs import user_data_path

__all__ = ["ENVIRONMENT_VARIABLE", "resolve_library_dir"]

ENVIRONMENT_VARIABLE = "ARCHIVE_READER_LIBRARY"
APP_NAME = "archive-reader"


def resolve_library_dir(
    explicit: Path | str | None = None, environ: Mapping[str, str] | None = None
) -> Path:
    """The library folder to use, by precedence: ``explicit``, environment, platform default."""
    if explicit:
        return Path(explicit).expanduser()
    environment = os.environ if environ is None else environ
    from_environment = environment.get(ENVIRONMENT_VARIABLE, "").strip()
    if from_environment:
        return Path(from_environment).expanduser()
    return user_data_path(APP_NAME, appauthor=False) / "library"
