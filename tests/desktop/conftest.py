"""Fixtures for the desktop tests: a library made from the sample archive, copied per test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.resources import SAMPLE_CORPUS
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
