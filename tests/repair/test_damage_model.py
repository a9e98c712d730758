"""The forward damage model reproduces every worked example of corruption.md exactly."""

from __future__ import annotations

import pytest

from index.repair.damage_model import annotate_bytes, damage_text

TABLE = {"區": "qū", "動": "dòng", "節": "jié", "現": "xiàn", "場": "chǎng", "驗": "yàn",
         "統": "tǒng", "冊": "cè", "報": "bào", "會": "huì", "經": "jīng"}  # fmt: skip


@pytest.mark.parametrize(
    ("clean", "damaged"),
    [
        ("他笑著說：“這就是幸福”，然後走向江海大道。", "他笑著說:“這就是幸?!?,然後走向江海大道。"),
        (
            "居民們說：“我們很滿意。”隨後，大家在活動現場合影。",
            "居民們說:“我們很滿意?!彪S後,大家在活動(dòng)現(xiàn)場(chǎng)合影。",
        ),
        (
            "市民們在現場體驗了傳統文化，氣氛熱烈。",
            "市民們?cè)诂F(xiàn)場(chǎng)體驗(yàn)了傳統(tǒng)文化,氣氛熱烈。",
        ),
        ("他們在報告會上交流經驗。", "他們?cè)趫?bào)告會(huì)上交流經(jīng)驗(yàn)。"),
        ("江海區第二屆幸福“鄰里節”啟動", "江海區(qū)第二屆幸?!班徖锕?jié)”啟動(dòng)"),
    ],
)
def test_worked_examples(clean: str, damaged: str) -> None:
    assert damage_text(clean, TABLE) == damaged


def test_annotation_lands_between_the_bytes_of_a_straddled_pair() -> None:
    # 們在 is 82 83 | D4 DA; the pair 83 D4 is 冊, so "(cè)" goes in after D4.
    expected = b"\x82\x83\xd4" + "(cè)".encode("gbk") + b"\xda"
    assert annotate_bytes("們在".encode("gbk"), {"冊": "cè"}) == expected


def test_text_without_table_or_full_width_punctuation_is_untouched() -> None:
    assert damage_text("今日天氣晴朗。", {}) == "今日天氣晴朗。"


def test_generated_tables_only_hold_characters_gbk_can_encode() -> None:
    import random

    from bench.damage import choose_table, damage_text

    text = "社區𣈶活動現場𠮷體驗"  # U+23236 and U+20BB7 are outside GBK
    table = choose_table(text, random.Random(1), fraction=1.0)
    assert "𣈶" not in table and "𠮷" not in table
    assert {"區", "動", "現", "場", "體", "驗"} <= set(table)
    damage_text(text, table)  # must not raise
