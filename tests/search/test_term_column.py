"""A one-term field's column (the date) ranks each document's term as the term table does."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest
from whoosh import index as windex
from whoosh.fields import ID, Schema

from index.search import term_column
from index.search.engine import IndexDocument, SearchIndex
from index.search.query import parse_query
from index.search.term_column import TermColumn

DAYS = [f"2024-{month:02d}-{day:02d}" for month in (1, 2, 3) for day in (1, 9, 17)]


def dates(count: int) -> list[str]:
    """A few days of 1-3 documents (inlined in the term table), one of 200 (two blocks of
    postings), the rest spread over the other days (a block each)."""
    rare, common = DAYS[:3], DAYS[3:]
    days = [rare[0], rare[1], rare[1], rare[2], rare[2], rare[2]] + [common[2]] * 200
    rng = random.Random(3)
    days += rng.choices(common, k=count - len(days))
    rng.shuffle(days)
    return days


@pytest.fixture(scope="module")
def segment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, dict[int, str]]]:
    """A segment of 400 documents (two without a date), and each document number's date."""
    index = SearchIndex(tmp_path_factory.mktemp("column") / "index")
    days = dates(400)
    days[7] = days[90] = ""
    index.replace(IndexDocument(i, "标题", "城市交通", date=day) for i, day in enumerate(days))
    reader = index._searcher().leaf_searchers()[0][0].reader()
    by_docnum = {d: days[int(reader.stored_fields(d)["id"])] for d in range(reader.doc_count())}
    yield reader, by_docnum
    index.close()


def check(column: TermColumn, by_docnum: dict[int, str]) -> None:
    terms = sorted(set(by_docnum.values()))  # "" too: an undated article's term
    assert [term.decode() for term in column.terms] == terms
    for docnum, day in by_docnum.items():
        assert column.ranks[docnum] == terms.index(day)
    assert column.counts == [list(by_docnum.values()).count(term) for term in terms]


def test_the_column_read_from_the_term_table_in_place(segment: tuple[Any, dict[int, str]]) -> None:
    reader, by_docnum = segment
    counts = sorted(list(by_docnum.values()).count(day) for day in DAYS)
    assert counts[0] <= 4 and counts[-1] > 128  # inlined lists, lists of blocks
    assert term_column._raw_items(reader, "date") is not None
    check(TermColumn(reader, "date"), by_docnum)


def test_the_column_read_through_the_reader(
    segment: tuple[Any, dict[int, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another codec's segment: each term through the reader's own iteration."""
    reader, by_docnum = segment
    monkeypatch.setattr(term_column, "_raw_items", lambda reader, fieldname: None)
    check(TermColumn(reader, "date"), by_docnum)


def test_a_segment_without_the_field_has_an_empty_column(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    folder = tmp_path_factory.mktemp("no-dates")
    ix = windex.create_in(str(folder), Schema(id=ID(stored=True), date=ID()))
    with ix.writer() as writer:
        for i in range(3):
            writer.add_document(id=str(i))
    with ix.searcher() as searcher:
        column = TermColumn(searcher.reader(), "date")
        assert column.terms == [] and list(column.ranks) == [-1, -1, -1]
    ix.close()


def test_read_columns_reads_each_segments_date_column_ahead(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The warm-up reads every segment's column once; a ``date:`` search then reads none."""
    index = SearchIndex(tmp_path_factory.mktemp("warm") / "index")
    for batch in range(3):  # three segments
        index.replace(
            IndexDocument(batch * 10 + i, "标题", "城市交通", date=DAYS[i]) for i in range(5)
        )
    made: list[object] = []
    original = TermColumn.__init__

    def counting(self: TermColumn, reader: Any, fieldname: str) -> None:
        made.append(reader)
        original(self, reader, fieldname)

    monkeypatch.setattr(TermColumn, "__init__", counting)
    segments = len(index._searcher().leaf_searchers())
    assert segments == 3
    assert index.read_columns() == segments
    assert len(made) == segments
    parsed = parse_query("交通 date:2024-01..2024-01", index.bigrams)
    assert len(index.search(parsed, limit=50).hits) == 3 * 3  # days 1, 9, 17 of January
    assert len(made) == segments  # nothing read again
    index.close()
