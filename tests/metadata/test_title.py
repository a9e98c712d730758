"""Tests for deriving a title from an article's opening text."""

from __future__ import annotations

import pytest

from index.metadata.title import MAX_TITLE_LENGTH, derive_title


@pytest.mark.parametrize(
    ("first_block", "title"),
    [
        (
            "活動中，陳光老師主要講解了朗誦發音的相關知識。他帶領大家練習。",
            "陳光老師主要講解了朗誦發音的相關知識",
        ),
        ("3月27日，觀音堂社區舉辦了演講培訓。", "觀音堂社區舉辦了演講培訓"),
        ("為進一步明確樓門院治理工作內容，玉橋街道召開了會議。", "為進一步明確樓門院治理工作內容"),
        ("今天下雨。", "今天下雨"),
        ("“他們雖是社區普通的一員，卻是不可或缺的一部分。”", "他們雖是社區普通的一員"),
    ],
)
def test_title_is_the_first_substantial_clause(first_block: str, title: str) -> None:
    assert derive_title(first_block) == title


def test_heading_is_used_as_it_is() -> None:
    assert derive_title("黨建引領，共治共享", is_heading=True) == "黨建引領，共治共享"


def test_long_clause_is_cut_at_a_word_boundary() -> None:
    title = derive_title(
        "本次培訓特邀北京農學院農村區域發展專業副教授畢宇珠擔任主講，旨在提高能力。"
    )
    assert title == "本次培訓特邀北京農學院農村區域發展專業副教授…"
    assert len(title) <= MAX_TITLE_LENGTH


def test_enumeration_is_cut_after_a_whole_item() -> None:
    title = derive_title("活動現場設置了義診區、理發區、法律咨詢區、磨刀區等多個服務點位。")
    assert title == "活動現場設置了義診區、理發區、法律咨詢區…"


def test_open_quotation_is_closed_rather_than_cut() -> None:
    title = derive_title("觀音堂社區舉辦了“社區演講煉金句?口才培訓啟智言”系列活動的首次培訓課程。")
    assert title == "觀音堂社區舉辦了“社區演講煉金句?口才培訓啟智言”…"


def test_simplified_text_is_cut_at_a_word_boundary_too() -> None:
    title = derive_title("本次培训特邀北京农学院农村区域发展专业副教授毕宇珠担任主讲。")
    assert title == "本次培训特邀北京农学院农村区域发展专业副教授…"


def test_unpaired_quotation_marks_are_dropped() -> None:
    assert derive_title("“這就是幸福”") == "這就是幸福"
    assert derive_title("這就是幸福”，他說。") == "這就是幸福"
