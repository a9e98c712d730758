"""Topic tags: the 3-8 nouns that best characterise an article, by TF-IDF on jieba's IDF table."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from itertools import compress
from operator import itemgetter
from pathlib import Path

from index.table_cache import cached_table, package_file

__all__ = ["MAX_TOPICS", "MIN_TOPICS", "idf_table", "pick_topics"]

MIN_TOPICS = 3
MAX_TOPICS = 8
# Part-of-speech flags of words that make topics: nouns, proper nouns, nominal verbs,
# organisations.
_TOPIC_FLAGS = frozenset({"n", "nz", "vn", "nt", "nw", "an"})
# Nouns of news boilerplate or too vague to file an article under.
_STOP_WORDS_TEXT = """
记者 编辑 责任编辑 通讯员 来源 时间 日报 新闻 报道 问题 情况 方面 工作 部门
人员 单位 时候 今年 去年 明年 目前 同时 其中 市民 群众 居民 大家 人们 我们
现场 活动 期间 方式 内容 过程 结果 作用 基础 水平 能力 条件 环境 意见 要求
措施 目标 任务 成绩 成效 效果 方面 领域 重点 形式 特色 服务 体验 记者会
新华社 消息 图片 视频 网友 数据 总计 总量 比例 分享 审核 一审 二审 三审
主题 项目 全年 上午 下午 晚上 日前 近日 此前 此次 本次 本届 第一 第二
"""
_STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())
_RELATIVE_CUTOFF = 0.25
_CJK_WORD = re.compile("[\u4e00-\u9fff]{2,}")  # 2+ characters, all CJK
_word = itemgetter(0)
_flag = itemgetter(1)


@cache
def idf_table() -> tuple[dict[str, float], float]:
    """jieba's IDF values and their median (for words the table lacks)."""
    # Not ``import jieba.analyse``: that loads the table itself and leaves the file open.
    path = package_file("jieba", "analyse", "idf.txt")
    return cached_table("jieba-idf", [path], lambda: _read_idf(path))


def _read_idf(path: Path) -> tuple[dict[str, float], float]:
    table: dict[str, float] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            word, _, value = line.rstrip("\n").partition(" ")
            if value:
                table[word] = float(value)
    values = sorted(table.values())
    return table, values[len(values) // 2]


def pick_topics(
    tagged: Sequence[tuple[str, str]], title_words: frozenset[str], exclude: frozenset[str]
) -> list[str]:
    """Nouns ranked by TF-IDF (title words count double); 3 to 8 of them.

    Only words of 2+ CJK characters with a noun-like flag qualify, so no stop words, numbers
    or fragments. Below the top three, a word must score a quarter of the best to be kept.
    """
    idf, median = idf_table()
    # Picked out at C speed (an article is a thousand words): the words with a topic flag,
    # of them those of 2+ CJK characters; then the stop words and exclusions are taken out.
    flagged = compress(map(_word, tagged), map(_TOPIC_FLAGS.__contains__, map(_flag, tagged)))
    counts: Counter[str] = Counter(filter(_CJK_WORD.fullmatch, flagged))
    for word in (_STOP_WORDS | exclude) & counts.keys():
        del counts[word]
    scores = {
        word: (count + (count if word in title_words else 0)) * idf.get(word, median)
        for word, count in counts.items()
        if count >= 2 or word in title_words
    }
    ranked = sorted(scores, key=lambda w: (-scores[w], w))
    if len(ranked) < MIN_TOPICS:  # short article: fall back to words seen once
        extra = sorted(
            (w for w in counts if w not in scores), key=lambda w: (-idf.get(w, median), w)
        )
        ranked += extra[: MIN_TOPICS - len(ranked)]
        return ranked
    best = scores[ranked[0]]
    kept = ranked[:MIN_TOPICS] + [
        w for w in ranked[MIN_TOPICS:MAX_TOPICS] if scores[w] >= best * _RELATIVE_CUTOFF
    ]
    return kept
