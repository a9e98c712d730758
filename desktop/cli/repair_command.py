"""The ``repair`` subcommand: print the repaired, structured articles of dump files or folders."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from desktop.cli.commands import Subparsers, error_line
from index.model import Article
from index.pipeline import iter_dump_files, process_file

_RULE = "─" * 40


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "repair",
        help="repair dump files and print their articles",
        description="Repair dump files (or every file under folders) and print the articles.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="file or folder")
    parser.add_argument(
        "--json", action="store_true", help="write one JSON array, one object per article"
    )
    parser.set_defaults(handler=run_repair)


def run_repair(args: argparse.Namespace) -> int:
    """Process every file; failures go to stderr one line each and make the status 1."""
    failed = False

    def report_folder_error(folder: Path, error: OSError) -> None:
        nonlocal failed
        failed = True
        print(error_line(str(folder), error.strerror or str(error)), file=sys.stderr)

    articles: list[Article] = []
    for path in iter_dump_files(args.paths, on_error=report_folder_error):
        result = process_file(path)
        if result.error is not None:
            failed = True
            print(error_line(str(path), result.error), file=sys.stderr)
        articles.extend(result.articles)
    if args.json:
        write_json(articles, sys.stdout)
    else:
        write_text(articles, sys.stdout)
    return 1 if failed else 0


def write_json(articles: Iterable[Article], out: TextIO) -> None:
    json.dump([article.to_json() for article in articles], out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_text(articles: Iterable[Article], out: TextIO) -> None:
    for number, article in enumerate(articles):
        if number:
            out.write(f"\n{_RULE}\n\n")
        out.write(format_article(article))


def format_article(article: Article) -> str:
    """Readable text: title, subtitle, one metadata line, captions, then the body."""
    title = (
        f"{article.title}  [title derived from the text]"
        if article.title_derived
        else (article.title)
    )
    lines = [title]
    if article.subtitle:
        lines.append(article.subtitle)
    lines.append(_metadata_line(article))
    lines.append("")
    lines.extend(f"[caption] {caption}" for caption in article.captions)
    if article.captions:
        lines.append("")
    subheadings = set(article.subheadings)
    blocks = [f"## {text}" if text in subheadings else text for text in article.paragraphs]
    return "\n".join(lines) + "\n" + "\n\n".join(blocks) + "\n"


def _metadata_line(article: Article) -> str:
    fields = [f"{article.source_path} #{article.index_in_file + 1}"]
    if article.outlet:
        fields.append(f"outlet: {article.outlet}")
    if article.published:
        fields.append(f"published: {article.published}")
    if article.authors:
        fields.append("authors: " + "、".join(article.authors))
    if article.editors:
        fields.append("editors: " + "、".join(article.editors))
    fields.append(f"script: {article.script}")
    fields.append(f"repairs: {len(article.repairs)}")
    return " | ".join(fields)
