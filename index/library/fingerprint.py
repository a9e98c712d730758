"""Content fingerprint of a repaired article, the key for de-duplication."""

from __future__ import annotations

import hashlib
import re

from index.model import Article

__all__ = ["fingerprint"]

_SPACE = re.compile(r"\s+")


def fingerprint(article: Article) -> str:
    """Hash of the repaired title and body with white space removed.

    Re-importing the same content (from the same or another file) gives the same value;
    white space differences, which repairs and dumps vary in, do not count.
    """
    text = _SPACE.sub("", article.title) + "\x00" + _SPACE.sub("", article.body)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
