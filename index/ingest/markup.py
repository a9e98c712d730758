"""Turn HTML/XML fragments inside a dump into plain text: block tags become line breaks."""

from __future__ import annotations

import html
import re

_CDATA_OPEN = re.compile(r"<!\[CDATA\[")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_INVISIBLE_ELEMENT = re.compile(
    r"<(script|style)\b[^<>]*>.*?(?:</\1\s*>|\Z)", re.DOTALL | re.IGNORECASE
)
_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?>")

_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip


def markup_to_text(text: str) -> str:
    """Drop comments, scripts and inline tags, turn block tags into ``\\n``, unescape entities.

    Text without markup comes back unchanged.
    """
    if "<" in text:
        text = _CDATA_OPEN.sub("", text)
        text = _COMMENT.sub("", text)
        text = _INVISIBLE_ELEMENT.sub("", text)
        text = _TAG.sub(_replace_tag, text)
    if "&" in text:
        text = html.unescape(text)
    return text


def _replace_tag(match: re.Match[str]) -> str:
    return "\n" if match.group(1).lower() in _BLOCK_TAGS else ""
