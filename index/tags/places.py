"""Place tags: words jieba tags as place names (ns), with generic words and one-offs removed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import compress
from operator import itemgetter

__all__ = ["MAX_PLACES", "pick_places"]

MAX_PLACES = 5

# Words jieba's dictionary tags ns that are not place names a reader would file under.
_NOT_PLACES_TEXT = """
城市 东西 南北 爱国 外国 平原 东方 西方 中外 国内 国外 海外 全国 各地 当地
本地 地方 农村 城乡 山区 沿海 内地 天下 世界 江湖 四海 全球 内外 上下 中央
高原 盆地 沙漠 海洋 大陆 边疆 异国 他乡 家乡 故乡 祖国 本国 各国 两国 全省
全市 全区 全县 市区 城区 郊区 乡村 社区 街道 广场 公园 中部 东部 西部 南部
北部 东南 西南 东北 西北 华夏 神州 人间 山村 小镇 县城
"""
_NOT_PLACES = frozenset(_NOT_PLACES_TEXT.split())
_MERGED_SUFFIXES = ("省", "市", "区", "县")
_NS = "ns"
_word = itemgetter(0)
_flag = itemgetter(1)


def _canonical(name: str) -> str:
    """``武汉市`` and ``武汉`` are one place; keep the shorter name."""
    if len(name) >= 3 and name.endswith(_MERGED_SUFFIXES):
        return name[:-1]
    return name


def pick_places(tagged: Sequence[tuple[str, str]], title_words: frozenset[str]) -> list[str]:
    """The article's places: ns words of 2+ characters that occur twice or in the title."""
    # The ns words picked out at C speed: an article is a thousand words, a few of them ns.
    ns_words = compress(map(_word, tagged), map(_NS.__eq__, map(_flag, tagged)))
    counts = Counter(
        _canonical(word)
        for word in ns_words
        if len(word) >= 2 and word not in _NOT_PLACES and word.isalpha()
    )
    title = {_canonical(w) for w in title_words}
    chosen = [p for p, n in counts.most_common() if n >= 2 or p in title]
    return [p for p in chosen if p not in _NOT_PLACES][:MAX_PLACES]
