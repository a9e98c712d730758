"""Library subcommands: import, search, show, list, tags, tag (each with --json)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from desktop.cli.commands import Subparsers, error_line
from index.library import ImportProgress, Library, LibraryError, StoredArticle
from index.library.database import SORT_KEYS
from index.library.health import RebuildProgress
from index.library.script_view import in_script
from index.search.query import QuerySyntaxError
from index.tags.tag import TAG_KINDS, parse_tag

__all__ = ["register"]

_BAR_WIDTH = 30
WAIT_SECONDS = 30.0  # how long a writing command waits for another Archive Reader to finish


def register(subparsers: Subparsers) -> None:
    def add(
        name: str, help_text: str, handler: Callable[[argparse.Namespace], int]
    ) -> argparse.ArgumentParser:
        parser = subparsers.add_parser(name, help=help_text, description=help_text)
        parser.add_argument("--json", action="store_true", help="print JSON to stdout")
        parser.set_defaults(handler=lambda args: _run(handler, args))
        return parser

    parser = add("import", "import dump files or folders into the library", run_import)
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="file or folder")
    _add_wait(parser)

    parser = add("search", "search the library", run_search)
    parser.add_argument("query", metavar="QUERY", help='words, "phrase", OR, -word, title: …')
    parser.add_argument("--limit", type=_positive, default=20, help="hits to show (20)")
    parser.add_argument("--offset", type=_non_negative, default=0, help="hits to skip")

    parser = add("show", "show one article with its tags and repairs", run_show)
    parser.add_argument("id", type=int, metavar="ID")
    parser.add_argument("--script", choices=["simplified", "traditional"], help="convert text")

    parser = add("list", "list articles, newest first", run_list)
    parser.add_argument(
        "--tag", action="append", default=[], metavar="TAG", help="only with TAG (kind:name)"
    )
    parser.add_argument("--limit", type=_positive, default=50, help="articles to show (50)")
    parser.add_argument("--offset", type=_non_negative, default=0, help="articles to skip")
    parser.add_argument("--sort", choices=SORT_KEYS, default="published")

    parser = add("tags", "list tags with their article counts", run_tags)
    parser.add_argument("--kind", choices=TAG_KINDS, help="only tags of this kind")

    parser = add("tag", "add or remove an article's tags", run_tag)
    parser.add_argument("id", type=int, metavar="ID")
    parser.add_argument("--add", action="append", default=[], metavar="TAG")
    parser.add_argument("--remove", action="append", default=[], metavar="TAG")
    _add_wait(parser)


def _add_wait(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--wait",
        type=float,
        default=WAIT_SECONDS,
        metavar="SECONDS",
        help=f"while another Archive Reader uses the library, wait this long ({WAIT_SECONDS:.0f})",
    )


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _run(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run a command; user errors become one line on stderr and exit status 1."""
    try:
        return handler(args)
    except LibraryError as error:
        print(error_line("library", str(error)), file=sys.stderr)
    except QuerySyntaxError as error:
        print(error_line("search", f"cannot understand the query: {error}"), file=sys.stderr)
    return 1


def _open(args: argparse.Namespace) -> Library:
    """The library; writing commands (with ``--wait``) wait for another Archive Reader."""
    return Library.open(
        getattr(args, "library", None),
        progress=_rebuild_progress,
        wait=getattr(args, "wait", None),
        on_wait=lambda message: print(error_line("library", message), file=sys.stderr),
    )


def _rebuild_progress(progress: RebuildProgress) -> None:
    """One line on stderr per step of a search-index rebuild (redrawn on a terminal)."""
    line = error_line(
        "library",
        f"{progress.reason}; rebuilding it: {progress.done}/{progress.total} articles",
    )
    if sys.stderr.isatty():
        end = "\n" if progress.done == progress.total else ""
        sys.stderr.write(f"\r{line}{end}")
    elif progress.done in (0, progress.total):
        sys.stderr.write(line + "\n")
    sys.stderr.flush()


def _count(number: int, noun: str) -> str:
    """``1 article``, ``2 articles``."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _print_json(value: Any, out: TextIO | None = None) -> None:
    stream = out or sys.stdout
    json.dump(value, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


# import -------------------------------------------------------------------------------------


def run_import(args: argparse.Namespace) -> int:
    show_bar = not args.json and sys.stderr.isatty()
    with _open(args) as library:
        try:
            summary = library.import_paths(
                args.paths, progress=_draw_progress if show_bar else None
            )
        except KeyboardInterrupt:
            if show_bar:
                sys.stderr.write("\n")
            print(
                error_line("import", "interrupted; stored articles are kept and indexed"),
                file=sys.stderr,
            )
            return 130
    if show_bar:
        sys.stderr.write("\n")
    if args.json:
        _print_json(summary.to_json())
    else:
        for error in summary.errors:
            print(error_line(str(error.path), error.reason), file=sys.stderr)
        print(
            f"{_count(summary.files, 'file')}: {_count(summary.added, 'article')} added,"
            f" {_count(summary.duplicates, 'duplicate')} skipped,"
            f" {_count(len(summary.errors), 'error')}"
        )
    return 1 if summary.errors else 0


def _draw_progress(progress: ImportProgress) -> None:
    total = max(progress.files_total, 1)
    filled = round(_BAR_WIDTH * progress.files_done / total)
    bar = "█" * filled + "·" * (_BAR_WIDTH - filled)
    sys.stderr.write(
        f"\r{bar} {progress.files_done}/{progress.files_total} files,"
        f" {progress.added} added, {progress.duplicates} duplicates, {progress.errors} errors"
    )
    sys.stderr.flush()


# search -------------------------------------------------------------------------------------


def run_search(args: argparse.Namespace) -> int:
    with _open(args) as library:
        results = library.search(args.query, limit=args.limit, offset=args.offset)
    if args.json:
        _print_json(results.to_json())
        return 0
    color = sys.stdout.isatty()
    before, after = ("\033[1;33m", "\033[0m") if color else ("[", "]")
    about = "" if results.total_is_exact else "about "
    verb = "article matches" if results.total == 1 else "articles match"
    print(f"{about}{results.total} {verb} {args.query!r}")
    for hit in results.hits:
        date = (hit.published or "")[:10] or "-"
        print(f"\n{hit.id}\t{date}\t{hit.outlet or '-'}\t{hit.title}")
        print(f"    {hit.snippet.render(before, after)}")
    return 0


# show ---------------------------------------------------------------------------------------


def run_show(args: argparse.Namespace) -> int:
    with _open(args) as library:
        article = library.get_article(args.id)
    if article is None:
        raise LibraryError(f"no article with id {args.id}")
    if args.script:
        article = in_script(article, args.script)
    if args.json:
        _print_json(article.to_json())
    else:
        sys.stdout.write(_format_article(article))
    return 0


def _format_article(article: StoredArticle) -> str:
    lines = [article.title]
    if article.subtitle:
        lines.append(article.subtitle)
    meta = [article.outlet or "", (article.published or "").replace("T", " ")]
    if article.authors:
        meta.append("by " + ", ".join(article.authors))
    lines.append("  ".join(part for part in meta if part))
    lines.append("tags: " + ", ".join(str(tag) for tag in article.tags))
    lines.append("")
    lines += [f"[caption] {caption}" for caption in article.captions]
    lines += article.paragraphs
    if article.repairs:
        lines += ["", f"{len(article.repairs)} repairs:"]
        lines += [
            f"  @{r.offset} {r.before!r} -> {r.after!r} ({r.reason}, {r.confidence:.2f})"
            for r in article.repairs
        ]
    return "\n".join(lines) + "\n"


# list ---------------------------------------------------------------------------------------


def run_list(args: argparse.Namespace) -> int:
    filters = [parse_tag(text) for text in args.tag]
    with _open(args) as library:
        total = library.article_count(filters)
        articles = library.list_articles(filters, args.offset, args.limit, args.sort)
    if args.json:
        _print_json({"total": total, "articles": [a.to_json() for a in articles]})
        return 0
    shown = f", showing {len(articles)}" if len(articles) < total else ""
    print(f"{_count(total, 'article')}{shown}")
    for article in articles:
        date = (article.published or "")[:10] or "-"
        tags = ", ".join(tag.name for tag in article.tags)
        print(f"{article.id}\t{date}\t{article.outlet or '-'}\t{article.title}\t[{tags}]")
    return 0


# tags / tag ---------------------------------------------------------------------------------


def run_tags(args: argparse.Namespace) -> int:
    with _open(args) as library:
        counts = library.tag_counts(args.kind)
    if args.json:
        _print_json([count.to_json() for count in counts])
        return 0
    for count in counts:
        print(f"{count.tag.kind}\t{count.count}\t{count.tag.name}")
    return 0


def run_tag(args: argparse.Namespace) -> int:
    if not args.add and not args.remove:
        raise LibraryError("say what to do: --add TAG and/or --remove TAG")
    with _open(args) as library:
        added = [name for name in args.add if library.add_tag(args.id, name)]
        removed = [name for name in args.remove if library.remove_tag(args.id, name)]
        tags = library.article_tags(args.id)
    missing = [name for name in args.remove if name not in removed]
    if args.json:
        _print_json(
            {
                "id": args.id,
                "added": added,
                "removed": removed,
                "not_found": missing,
                "tags": [{"kind": t.kind, "name": t.name} for t in tags],
            }
        )
    else:
        print(f"{args.id}: " + ", ".join(str(tag) for tag in tags))
        for name in missing:
            print(error_line(str(args.id), f"has no tag {name!r}"), file=sys.stderr)
    return 1 if missing else 0
