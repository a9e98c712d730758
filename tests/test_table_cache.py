"""The on-disk cache of tables derived from dictionary files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from index.table_cache import KEEP_VERSIONS, cached_table, package_file, prune_versions


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


def _source(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "dict.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _counting_build(path: Path, calls: list[int]) -> dict[str, float]:
    calls.append(1)
    return {word: float(len(word)) for word in path.read_text(encoding="utf-8").split()}


def test_a_table_is_built_once_and_then_read_back(tmp_path: Path, cache_home: Path) -> None:
    source = _source(tmp_path, "社区 社區 农业")
    calls: list[int] = []
    first = cached_table("words", [source], lambda: _counting_build(source, calls))
    second = cached_table("words", [source], lambda: _counting_build(source, calls))
    assert first == second == {"社区": 2.0, "社區": 2.0, "农业": 2.0}
    assert len(calls) == 1
    assert len(list((cache_home / "archive-reader").glob("words-*.marshal"))) == 1


def test_a_changed_source_rebuilds_the_table(tmp_path: Path, cache_home: Path) -> None:
    source = _source(tmp_path, "社区")
    calls: list[int] = []
    cached_table("words", [source], lambda: _counting_build(source, calls))
    source.write_text("社区 中国农业发展银行", encoding="utf-8")
    os.utime(source, ns=(1, 1))
    table = cached_table("words", [source], lambda: _counting_build(source, calls))
    assert table == {"社区": 2.0, "中国农业发展银行": 8.0}
    assert len(calls) == 2


def test_a_garbled_cache_file_is_rebuilt(tmp_path: Path, cache_home: Path) -> None:
    source = _source(tmp_path, "社区")
    calls: list[int] = []
    cached_table("words", [source], lambda: _counting_build(source, calls))
    (cached,) = (cache_home / "archive-reader").glob("words-*.marshal")
    cached.write_bytes(b"\xffnot marshal")
    assert cached_table("words", [source], lambda: _counting_build(source, calls)) == {"社区": 2.0}
    assert len(calls) == 2


def test_an_unwritable_cache_only_costs_the_build(tmp_path: Path, cache_home: Path) -> None:
    cache_home.write_text("a file where the cache folder should be")
    source = _source(tmp_path, "社区")
    calls: list[int] = []
    for _ in range(2):
        assert cached_table("words", [source], lambda: _counting_build(source, calls)) == {
            "社区": 2.0
        }
    assert len(calls) == 2
    assert not list(tmp_path.glob("**/*.tmp"))


def test_a_missing_source_is_left_to_the_builder(tmp_path: Path, cache_home: Path) -> None:
    missing = tmp_path / "gone.txt"
    with pytest.raises(FileNotFoundError):
        cached_table("words", [missing], lambda: _counting_build(missing, []))


def _versions(cache_home: Path, name: str) -> list[Path]:
    return sorted((cache_home / "archive-reader").glob(f"{name}-*.marshal"))


def _build_version(tmp_path: Path, number: int) -> tuple[Path, Path]:
    """Build the table of a source whose stat differs by ``number``; return the source and
    the cache file it made."""
    source = tmp_path / f"dict-{number}.txt"
    source.write_text("社区 " * number, encoding="utf-8")
    before = set(_versions(tmp_path / "cache", "words"))
    cached_table("words", [source], lambda: {"n": number})
    (made,) = set(_versions(tmp_path / "cache", "words")) - before
    return source, made


def test_only_the_most_recently_used_versions_are_kept(tmp_path: Path, cache_home: Path) -> None:
    made = []
    for number in range(1, KEEP_VERSIONS + 1):
        source, cache_file = _build_version(tmp_path, number)
        os.utime(cache_file, ns=(number * 10**9, number * 10**9))  # written in this order
        made.append((source, cache_file))
    first_source, first_file = made[0]
    # Reading the oldest version marks it used: the next new version pushes out the second.
    assert cached_table("words", [first_source], lambda: {"n": -1}) == {"n": 1}
    _build_version(tmp_path, KEEP_VERSIONS + 1)
    kept = _versions(cache_home, "words")
    assert len(kept) == KEEP_VERSIONS
    assert first_file in kept
    assert made[1][1] not in kept


def test_pruning_spares_other_tables_and_fresh_temporary_files(
    tmp_path: Path, cache_home: Path
) -> None:
    folder = cache_home / "archive-reader"
    folder.mkdir(parents=True)
    other = folder / "words-idf-0123456789abcdef.marshal"  # a table whose name extends "words"
    other.write_bytes(b"x")
    os.utime(other, ns=(1, 1))
    stale, fresh = folder / "crashed.tmp", folder / "writing.tmp"
    stale.write_bytes(b"x")
    fresh.write_bytes(b"x")
    os.utime(stale, ns=(1, 1))
    for number in range(1, KEEP_VERSIONS + 3):
        _build_version(tmp_path, number)
    assert len(_versions(cache_home, "words")) == KEEP_VERSIONS + 1  # with words-idf-…
    assert other.exists()
    assert fresh.exists()
    assert not stale.exists()


def test_prune_versions_on_a_missing_folder_does_nothing(tmp_path: Path) -> None:
    prune_versions(tmp_path / "absent", "words", ".marshal")
    assert not (tmp_path / "absent").exists()


def test_package_file_finds_a_packaged_table_without_importing_the_package() -> None:
    # A fresh interpreter: this test process may have imported jieba already.
    script = (
        "import sys; from index.table_cache import package_file;"
        "path = package_file('jieba', 'dict.txt');"
        "print(path.is_file(), path.name, 'jieba' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert result.stdout.split() == ["True", "dict.txt", "False"]


def test_package_file_names_a_missing_package() -> None:
    with pytest.raises(ModuleNotFoundError, match="no_such_package_here"):
        package_file("no_such_package_here", "table.txt")
