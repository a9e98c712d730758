"""StoredArticle records built by hand, for reader and PDF tests that need no library."""

from __future__ import annotations

from collections.abc import Sequence

from index.library.records import StoredArticle
from index.model import Repair
from index.tags.tag import Tag


def stored_article(
    article_id: int,
    title: str,
    paragraphs: Sequence[str],
    outlet: str | None = None,
    published: str | None = None,
    script: str = "simplified",
    raw: str | None = None,
    repairs: Sequence[Repair] = (),
    tags: Sequence[Tag] = (),
) -> StoredArticle:
    body = "\n".join(paragraphs)
    return StoredArticle(
        id=article_id,
        fingerprint=f"test-{article_id}",
        title=title,
        title_derived=False,
        subtitle=None,
        body=body,
        raw=raw if raw is not None else title + "\n" + body,
        outlet=outlet,
        published=published,
        authors=[],
        editors=[],
        captions=[],
        subheadings=[],
        script=script,
        source_path="test.txt",
        index_in_file=0,
        imported_at="2025-01-01T00:00:00+00:00",
        tags=tuple(tags),
        repairs=tuple(repairs),
    )


HOSTILE_PARAGRAPHS = (
    '<img src="http://example.invalid/track.png">图片',
    "<script>alert('x')</script>脚本",
    '<a href="file:///etc/passwd">链接</a>',
    "<style>body { display: none }</style>样式",
)
