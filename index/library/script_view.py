"""Show a stored article in the reader's chosen script, with phrase-level OpenCC conversion."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Literal

import opencc

from index.library.records import StoredArticle

__all__ = ["DisplayScript", "in_script"]

DisplayScript = Literal["simplified", "traditional"]


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def in_script(article: StoredArticle, script: DisplayScript) -> StoredArticle:
    """The article's text converted to ``script`` (raw text and repairs stay as they were).

    An article already in that script is returned unchanged: converting it there and back
    would only add OpenCC's known mistakes (里/裏, 发/髮).
    """
    if article.script == script:
        return article
    convert = _converter("s2t" if script == "traditional" else "t2s").convert

    def text(value: str) -> str:
        return str(convert(value))

    return replace(
        article,
        title=text(article.title),
        subtitle=text(article.subtitle) if article.subtitle else article.subtitle,
        body=text(article.body),
        outlet=text(article.outlet) if article.outlet else article.outlet,
        authors=[text(a) for a in article.authors],
        editors=[text(e) for e in article.editors],
        captions=[text(c) for c in article.captions],
        subheadings=[text(s) for s in article.subheadings],
        script=script,
    )
