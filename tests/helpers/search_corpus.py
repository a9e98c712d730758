"""A seeded corpus of a few hundred short articles for search tests.

Words are drawn with skewed frequencies, so some occur in most articles (posting lists of
several blocks) and some in a handful; a third of the articles are in traditional script.
Words follow each other at random, so two words stand side by side in some articles and
apart in others: a phrase's terms are often all present without forming the phrase.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from index.search.engine import IndexDocument

__all__ = ["OUTLETS", "WORDS", "CorpusArticle", "corpus_articles", "index_documents"]

# (simplified, traditional)
WORDS = (
    ("城市", "城市"),
    ("交通", "交通"),
    ("发展", "發展"),
    ("经济", "經濟"),
    ("活动", "活動"),
    ("社区", "社區"),
    ("居民", "居民"),
    ("服务", "服務"),
    ("驾驶员", "駕駛員"),
    ("农业", "農業"),
    ("银行", "銀行"),
    ("学校", "學校"),
    ("教育", "教育"),
    ("环境", "環境"),
    ("历史", "歷史"),
    ("志愿者", "志願者"),
    ("科学技术", "科學技術"),
    ("全国人民代表大会", "全國人民代表大會"),
    ("旅游", "旅遊"),
    ("医院", "醫院"),
)
OUTLETS = (("江门日报", "江門日報"), ("经济日报", "經濟日報"), ("人民日报", "人民日報"))
_PUNCTUATION = ("，", "。", "、", "")


@dataclass(frozen=True, slots=True)
class CorpusArticle:
    id: int
    title: str
    body: str
    outlet: str
    date: str  # YYYY-MM-DD
    tags: tuple[str, ...]
    traditional: bool


def _word(rng: random.Random, traditional: bool) -> str:
    # Word i is drawn with weight 1 / (i + 1): the first few are in most articles.
    index = rng.choices(range(len(WORDS)), weights=[1 / (i + 1) for i in range(len(WORDS))])[0]
    return WORDS[index][traditional]


def corpus_articles(count: int = 1000, seed: int = 7) -> list[CorpusArticle]:
    rng = random.Random(seed)
    articles = []
    for number in range(1, count + 1):
        traditional = number % 3 == 0
        title = "".join(_word(rng, traditional) for _ in range(rng.randint(2, 3)))
        body = "".join(
            _word(rng, traditional) + rng.choice(_PUNCTUATION) for _ in range(rng.randint(8, 40))
        )
        outlet = rng.choice(OUTLETS)[traditional]
        date = f"{rng.randint(2023, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        tags = (outlet, date[:7], rng.choice(WORDS)[0])
        articles.append(CorpusArticle(number, title, body, outlet, date, tags, traditional))
    return articles


def index_documents(articles: list[CorpusArticle]) -> list[IndexDocument]:
    return [
        IndexDocument(a.id, a.title, a.title + "\n" + a.body, a.outlet, a.tags, a.date)
        for a in articles
    ]
