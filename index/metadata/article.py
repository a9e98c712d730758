"""Build the structured Article from an article's cleaned lines: header, byline, body, footer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from index.clean.lines import Line
from index.metadata.blocks import is_subheading
from index.metadata.people import is_byline, is_editors_footer, parse_authors, parse_editors
from index.metadata.script import detect_script
from index.metadata.source_line import SourceInfo, is_source_line, parse_source_line
from index.metadata.title import derive_title
from index.model import Article, Repair

METADATA_STAGE = "metadata"
# The source line sits under the title and subtitle; the byline under a few captions.
_SOURCE_LINE_WITHIN = 4
_BYLINE_WITHIN = 8


@dataclass(frozen=True, slots=True)
class _Layout:
    header: list[Line]
    source: SourceInfo
    captions: list[Line]
    authors: list[str]
    editors: list[str]
    body: list[Line]


def build_article(
    lines: Sequence[Line],
    *,
    source_path: str,
    raw: str,
    repairs: Sequence[Repair] = (),
    index_in_file: int = 0,
) -> Article:
    """Turn cleaned lines into an Article; ``repairs`` (earlier stages) are kept in front.

    Without a source line (feed articles) there is no title, so one is derived from the text
    and ``title_derived`` is set. Subheadings stay in ``paragraphs`` in reading order and are
    also listed in ``subheadings``.
    """
    kept = [line for line in lines if line.text.strip()]
    layout = _lay_out(kept)
    captions, caption_repairs = _deduplicate_captions(layout.captions)
    paragraphs = [line.text for line in layout.body]
    subheadings = _subheadings(paragraphs)
    if layout.header:
        title, title_derived = layout.header[0].text, False
        subtitle = " ".join(line.text for line in layout.header[1:]) or None
    else:
        first = next(iter(paragraphs or captions or [line.text for line in kept]), "")
        title = derive_title(first, is_heading=first in subheadings)
        title_derived, subtitle = True, None
    return Article(
        source_path=source_path,
        raw=raw,
        title=title,
        title_derived=title_derived,
        subtitle=subtitle,
        outlet=layout.source.outlet,
        published=layout.source.published,
        authors=layout.authors,
        editors=layout.editors,
        captions=captions,
        subheadings=subheadings,
        paragraphs=paragraphs,
        script=detect_script("\n".join(line.text for line in kept)),
        repairs=[*repairs, *caption_repairs],
        index_in_file=index_in_file,
    )


def _lay_out(lines: list[Line]) -> _Layout:
    source_index = next(
        (i for i, line in enumerate(lines[:_SOURCE_LINE_WITHIN]) if is_source_line(line.text)),
        None,
    )
    header: list[Line] = []
    source = SourceInfo(None, None)
    body = lines
    if source_index is not None:
        header = lines[:source_index]
        source = parse_source_line(lines[source_index].text)
        body = lines[source_index + 1 :]
    editors: list[str] = []
    for line in body:
        if is_editors_footer(line.text):
            editors.extend(name for name in parse_editors(line.text) if name not in editors)
    body = [line for line in body if not is_editors_footer(line.text)]
    captions: list[Line] = []
    authors: list[str] = []
    byline_index = next(
        (i for i, line in enumerate(body[:_BYLINE_WITHIN]) if is_byline(line.text)), None
    )
    if byline_index is not None:
        authors = parse_authors(body[byline_index].text)
        before_byline = body[:byline_index]
        if source_index is not None:
            # On a page, what stands between the source line and the byline are image captions.
            captions, before_byline = before_byline, []
        body = before_byline + body[byline_index + 1 :]
    return _Layout(header, source, captions, authors, editors, body)


def _deduplicate_captions(captions: list[Line]) -> tuple[list[str], list[Repair]]:
    texts: list[str] = []
    repairs: list[Repair] = []
    for line in captions:
        if texts and texts[-1] == line.text:
            repairs.append(
                Repair(line.offset, line.text, "", "duplicate-caption", 1.0, METADATA_STAGE)
            )
        else:
            texts.append(line.text)
    return texts, repairs


def _subheadings(paragraphs: list[str]) -> list[str]:
    """Short unpunctuated lines that some ordinary paragraph follows."""
    last_paragraph = max(
        (i for i, text in enumerate(paragraphs) if not is_subheading(text)), default=-1
    )
    return [text for text in paragraphs[:last_paragraph] if is_subheading(text)]
