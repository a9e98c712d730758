"""The on-disk cache of tables derived from dictionary files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from index.table_cache import cached_table


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
