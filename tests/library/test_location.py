"""Where the library lives: --library, then the environment variable, then the data dir."""

from __future__ import annotations

from pathlib import Path

from index.library.location import ENVIRONMENT_VARIABLE, resolve_library_dir


def test_explicit_folder_wins(tmp_path: Path) -> None:
    environ = {ENVIRONMENT_VARIABLE: "/elsewhere"}
    assert resolve_library_dir(tmp_path, environ) == tmp_path


def test_environment_variable_is_next() -> None:
    assert resolve_library_dir(None, {ENVIRONMENT_VARIABLE: "/data/lib"}) == Path("/data/lib")


def test_default_is_in_the_user_data_folder() -> None:
    folder = resolve_library_dir(None, {})
    assert folder.name == "library"
    assert "archive-reader" in str(folder)
