"""Simplified/traditional conversion of what the reader shows, cached per article (no Qt)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Literal, get_args

from opencc import OpenCC

from index.library.records import StoredArticle
from index.metadata.script import detect_script
from index.tags.tag import Tag

__all__ = ["DISPLAY_SCRIPTS", "DisplayArticle", "DisplayScript", "ScriptConverter"]

DisplayScript = Literal["simplified", "traditional"]
DISPLAY_SCRIPTS: tuple[DisplayScript, ...] = get_args(DisplayScript)
_CONFIGS: dict[DisplayScript, str] = {"simplified": "t2s", "traditional": "s2t"}


@dataclass(frozen=True, slots=True)
class DisplayArticle:
    """An article's text as displayed in one script; ``id`` and dates are unchanged."""

    id: int
    title: str
    title_derived: bool
    subtitle: str | None
    outlet: str | None
    published: str | None
    authors: tuple[str, ...]
    editors: tuple[str, ...]
    captions: tuple[str, ...]
    subheadings: frozenset[str]
    paragraphs: tuple[str, ...]
    tags: tuple[Tag, ...]


class ScriptConverter:
    """OpenCC phrase-level conversion with two caches: whole articles and short strings.

    Each direction's dictionaries load when first needed (or ahead, with :meth:`prepare`,
    on any thread): the start-up shows one script and need not pay for the other. Any
    thread may convert (the list reads ahead on one); the caches are locked.
    """

    def __init__(self, article_cache_size: int = 64, text_cache_size: int = 20_000) -> None:
        self._opencc: dict[DisplayScript, OpenCC] = {}
        self._loading = threading.Lock()
        self._caching = threading.Lock()
        self._articles: OrderedDict[tuple[int, DisplayScript], DisplayArticle] = OrderedDict()
        self._texts: OrderedDict[tuple[str, DisplayScript], str] = OrderedDict()
        self._article_cache_size = article_cache_size
        self._text_cache_size = text_cache_size

    def text(self, text: str, script: DisplayScript) -> str:
        """``text`` in ``script``; cached, so list rows and tag names convert once.

        Text already in ``script`` is left alone: OpenCC's s2t would turn a correct
        traditional ``鄰里`` into ``鄰裏``.
        """
        key = (text, script)
        with self._caching:
            found = self._texts.get(key)
            if found is not None:
                self._texts.move_to_end(key)
                return found
        converted = text if detect_script(text) == script else self._convert(text, script)
        with self._caching:
            self._texts[key] = converted
            if len(self._texts) > self._text_cache_size:
                self._texts.popitem(last=False)
        return converted

    def _convert(self, text: str, script: DisplayScript) -> str:
        return str(self._converter(script).convert(text)) if text else text

    def _converter(self, script: DisplayScript) -> OpenCC:
        found = self._opencc.get(script)
        if found is None:
            with self._loading:
                found = self._opencc.get(script)
                if found is None:
                    found = self._opencc[script] = OpenCC(_CONFIGS[script])
        return found

    def prepare(self, script: DisplayScript) -> None:
        """Load the dictionaries for converting to ``script`` now, and the script tables."""
        self._converter(script)
        detect_script("")

    def optional(self, text: str | None, script: DisplayScript) -> str | None:
        return None if text is None else self.text(text, script)

    def tag(self, tag: Tag, script: DisplayScript) -> Tag:
        return tag if tag.kind == "date" else Tag(tag.kind, self.text(tag.name, script))

    def has_article(self, article_id: int, script: DisplayScript) -> bool:
        """Whether the article's conversion to ``script`` is cached."""
        with self._caching:
            return (article_id, script) in self._articles

    def article(self, article: StoredArticle, script: DisplayScript | None) -> DisplayArticle:
        """Every displayed field of ``article`` in ``script`` (None: as stored); cached."""
        if script is None:
            return _as_stored(article)
        key = (article.id, script)
        with self._caching:
            found = self._articles.get(key)
            if found is not None:
                self._articles.move_to_end(key)
                return found
        # One OpenCC call for the body (paragraph breaks survive it), none if already in script.
        body = article.body if article.script == script else self._convert(article.body, script)
        paragraphs = tuple(body.split("\n")) if body else ()
        displayed = DisplayArticle(
            id=article.id,
            title=self.text(article.title, script),
            title_derived=article.title_derived,
            subtitle=self.optional(article.subtitle, script),
            outlet=self.optional(article.outlet, script),
            published=article.published,
            authors=tuple(self.text(name, script) for name in article.authors),
            editors=tuple(self.text(name, script) for name in article.editors),
            captions=tuple(self.text(caption, script) for caption in article.captions),
            subheadings=frozenset(self.text(heading, script) for heading in article.subheadings),
            paragraphs=paragraphs,
            tags=tuple(self.tag(tag, script) for tag in article.tags),
        )
        with self._caching:
            self._articles[key] = displayed
            if len(self._articles) > self._article_cache_size:
                self._articles.popitem(last=False)
        return displayed


def _as_stored(article: StoredArticle) -> DisplayArticle:
    return DisplayArticle(
        id=article.id,
        title=article.title,
        title_derived=article.title_derived,
        subtitle=article.subtitle,
        outlet=article.outlet,
        published=article.published,
        authors=tuple(article.authors),
        editors=tuple(article.editors),
        captions=tuple(article.captions),
        subheadings=frozenset(article.subheadings),
        paragraphs=tuple(article.paragraphs),
        tags=article.tags,
    )
