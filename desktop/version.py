"""The application's version: pyproject.toml's, read from the installed distribution."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

DISTRIBUTION = "archive-reader"


def package_version() -> str:
    """The installed distribution's version, or ``0+unknown`` when running from a checkout."""
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return "0+unknown"
