"""The character and word models that choose between candidate repairs."""

from __future__ import annotations

from index.repair.language_model import load_model


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
