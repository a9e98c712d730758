"""The ``export`` subcommand: write library articles (by id or by search) to a PDF file."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from desktop.cli.commands import Subparsers, error_line
from desktop.script import DISPLAY_SCRIPTS
from index.library import Library, LibraryError, StoredArticle
from index.search.query import QuerySyntaxError

MAX_ARTICLES = 10_000


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export articles to PDF",
        description="Export library articles to a PDF file: one article per page start, page"
        " numbers, one bookmark per article, the CJK font embedded.",
    )
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--ids", metavar="1,2,3", help="article ids, comma-separated")
    which.add_argument("--query", metavar="Q", help="every article the search Q finds, best first")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    parser.add_argument(
        "--script",
        choices=DISPLAY_SCRIPTS,
        help="convert to this script (default: each article as stored)",
    )
    parser.add_argument("--title", help="document title (default: from the articles)")
    parser.set_defaults(handler=run_export)


def parse_ids(text: str) -> list[int]:
    """``1,2, 3`` -> [1, 2, 3]; raises ValueError naming the first bad part."""
    ids: list[int] = []
    for part in text.split(","):
        part = part.strip()
        if not part.isdigit():
            raise ValueError(f"not an article id: {part!r}")
        ids.append(int(part))
    return ids


def run_export(args: argparse.Namespace) -> int:
    try:
        with Library.open(args.library) as library:
            articles = _select(library, args)
            if articles is None:
                return 1
            return _write(articles, args)
    except LibraryError as error:
        print(error_line("library", str(error)), file=sys.stderr)
        return 1


def _select(library: Library, args: argparse.Namespace) -> list[StoredArticle] | None:
    if args.ids is not None:
        try:
            ids = parse_ids(args.ids)
        except ValueError as error:
            print(error_line("--ids", str(error)), file=sys.stderr)
            return None
    else:
        try:
            results = library.search(args.query, limit=MAX_ARTICLES)
        except QuerySyntaxError as error:
            print(error_line("--query", str(error)), file=sys.stderr)
            return None
        ids = [hit.id for hit in results.hits]
    articles: list[StoredArticle] = []
    for article_id in ids:
        article = library.get_article(article_id)
        if article is None:
            print(error_line(str(article_id), "no such article"), file=sys.stderr)
            return None
        articles.append(article)
    if not articles:
        print(error_line("export", "no article matches; nothing written"), file=sys.stderr)
        return None
    return articles


def _write(articles: list[StoredArticle], args: argparse.Namespace) -> int:
    # Export is headless: draw without a display unless the caller chose a platform.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from desktop.export.pdf import export_pdf

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    try:
        result = export_pdf(articles, args.output, args.script, title=args.title)
    except OSError as error:
        print(error_line(str(args.output), error.strerror or str(error)), file=sys.stderr)
        return 1
    del app
    print(f"{result.path}: {_count(len(articles), 'article')}, {_count(result.pages, 'page')}")
    return 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")
