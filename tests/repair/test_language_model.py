"""The character and word models that choose between candidate repairs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from index.repair.language_model import load_model
from index.table_cache import KEEP_VERSIONS


def test_real_words_score_higher_than_shifted_garbage() -> None:
    model = load_model()
    assert model.pair_logp("幸", "福") > model.pair_logp("班", "徖") + 10
    assert model.segment_logp("活動中，陳光") > model.segment_logp("活動植，陳光")


def test_traditional_text_is_scored_through_its_simplified_form() -> None:
    model = load_model()
    assert model.pair_logp("社", "區") == model.pair_logp("社", "区")


def test_private_use_characters_are_nearly_impossible() -> None:
    assert load_model().char_logp("\ue1ff") < -30


def test_segmentation_keeps_names_the_dictionary_lacks_together() -> None:
    words = load_model().segment("專業副教授畢宇珠擔任主講")
    assert words == ["專業", "副教授", "畢宇珠", "擔任", "主講"]
    assert "".join(load_model().segment("活動現場，不少市民\n體驗")) == "活動現場，不少市民\n體驗"


def test_building_the_model_prunes_older_cached_versions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = tmp_path / "archive-reader"
    folder.mkdir()
    stale = [folder / f"char-bigrams-{n:016x}.pickle" for n in range(KEEP_VERSIONS)]
    for age, path in enumerate(stale):
        path.write_bytes(b"an older version")
        os.utime(path, ns=(age + 1, age + 1))
    load_model.cache_clear()
    try:
        model = load_model()  # built: none of the files is this dictionary's
    finally:
        load_model.cache_clear()
    assert model.segment("社区活动")
    kept = sorted(folder.glob("char-bigrams-*.pickle"))
    assert len(kept) == KEEP_VERSIONS
    assert stale[0] not in kept  # the least recently used
