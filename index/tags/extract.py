"""All automatic tags of an article: outlet, year-month, places and topics."""

from __future__ import annotations

import re

import rjieba

from index.chinese_script import fold_to_simplified
from index.model import Article
from index.tags.places import pick_places
from index.tags.tag import Tag
from index.tags.topics import pick_topics

__all__ = ["extract_tags", "month_of"]

_MONTH = re.compile(r"^(\d{4})-(\d{2})")


def month_of(published: str | None) -> str | None:
    """``2025-07`` from ``2025-07-10T07:30``; None when there is no usable date."""
    match = _MONTH.match(published or "")
    if match is None or not 1 <= int(match.group(2)) <= 12:
        return None
    return f"{match.group(1)}-{match.group(2)}"


def extract_tags(article: Article) -> list[Tag]:
    """Tags made at import. Text is folded to simplified first, so names are in one script."""
    tags: list[Tag] = []
    if article.outlet and article.outlet.strip():
        tags.append(Tag("outlet", fold_to_simplified(article.outlet.strip())))
    month = month_of(article.published)
    if month is not None:
        tags.append(Tag("date", month))
    title = fold_to_simplified(article.title)
    text = fold_to_simplified("\n".join([article.title, *article.subheadings, article.body]))
    tagged = rjieba.tag(text)
    title_words = frozenset(rjieba.cut(title))
    places = pick_places(tagged, title_words)
    tags += [Tag("place", name) for name in places]
    topics = pick_topics(tagged, title_words, exclude=frozenset(places))
    tags += [Tag("topic", name) for name in topics]
    return tags
