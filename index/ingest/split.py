"""Cut one dump file's text into the raw texts of its articles (page dumps hold one, feeds many)."""

from __future__ import annotations

import re

from index.ingest.markup import markup_to_text

# A feed's CDATA terminator. Damage can swallow the first "]" into a garbage character, so a
# lone "]>" separates articles too, but only in a file already known to be a feed.
_FEED_MARKERS = ("]]>", "<![CDATA[")
_SEPARATOR = re.compile(r"\]?\]>")


def is_feed_dump(text: str) -> bool:
    """True for a feed dump: text cut out of an RSS/XML feed, with CDATA debris."""
    return any(marker in text for marker in _FEED_MARKERS)


def split_articles(text: str) -> list[str]:
    """Return the raw text of each article in a dump, markup turned into line breaks.

    Pieces that hold nothing but whitespace are dropped; each piece is stripped of
    surrounding whitespace.
    """
    pieces = _SEPARATOR.split(text) if is_feed_dump(text) else [text]
    articles = (markup_to_text(piece).strip() for piece in pieces)
    return [article for article in articles if article]
