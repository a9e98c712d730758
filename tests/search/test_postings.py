"""Posting lists read block by block give what Whoosh's own matchers give, whichever writer
made them (ours pickles block headers in protocol 5, Whoosh's writer in protocol 2)."""

from __future__ import annotations

import pickle
import random
import zlib
from collections.abc import Iterator
from itertools import accumulate
from pathlib import Path
from typing import Any

import pytest
from whoosh import index as windex
from whoosh.fields import ID, TEXT, Schema
from whoosh.matching import FilterMatcher

from index.search import postings
from index.search.codec import encode_positions
from index.search.engine import IndexDocument, SearchIndex
from index.search.postings import (
    TermPostings,
    _in_place,
    _read_block,
    open_postings,
    postings_of,
    segment_doc_frequency,
)

WORDS = ["城市", "交通", "发展", "经济", "活动", "社区"]
LATIN = ["city", "traffic", "growth", "economy", "event", "community"]


def texts(count: int, words: list[str], joiner: str) -> list[str]:
    """Short texts of the words: the first in nearly all of them (several blocks of 128)."""
    rng = random.Random(5)
    weights = [8, 4, 2, 1, 1, 1]
    return [joiner.join(rng.choices(words, weights=weights, k=12)) for _ in range(count)]


@pytest.fixture(scope="module")
def ours(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A segment written by our writer (:mod:`index.search.segment_writer`)."""
    index = SearchIndex(tmp_path_factory.mktemp("ours") / "index")
    index.replace(IndexDocument(i, "", text) for i, text in enumerate(texts(700, WORDS, "")))
    searcher = index._searcher()
    yield searcher.leaf_searchers()[0][0].reader()
    index.close()


@pytest.fixture(scope="module")
def whooshes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A segment written by Whoosh's own writer."""
    folder: Path = tmp_path_factory.mktemp("whoosh")
    ix = windex.create_in(str(folder), Schema(id=ID(stored=True), content=TEXT(phrase=True)))
    writer = ix.writer()
    for i, text in enumerate(texts(700, LATIN, " ")):
        writer.add_document(id=str(i), content=text)
    writer.commit()
    searcher = ix.searcher()
    yield searcher.reader()
    searcher.close()
    ix.close()


def whoosh_postings(reader: Any, text: str) -> list[tuple[int, float, list[int]]]:
    matcher = reader.postings("content", text)
    while isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    found = []
    while matcher.is_active():
        found.append((matcher.id(), matcher.weight(), list(matcher.value_as("positions"))))
        matcher.next()
    return found


def read(reader: Any, text: str) -> TermPostings:
    postings = open_postings(reader, "content", text)
    assert postings is not None
    return postings


def check_same_as_whoosh(reader: Any, text: str) -> TermPostings:
    postings = read(reader, text)
    expected = whoosh_postings(reader, text)
    decode = reader.schema["content"].format.decode_positions
    ids = postings.ids()
    assert ids == [docnum for docnum, _, _ in expected]
    assert postings.doc_frequency == len(expected)
    values = postings.value_table(ids)
    assert postings.table(ids) == {docnum: weight for docnum, weight, _ in expected}
    assert {d: list(decode(values[d])) for d in ids} == {d: p for d, _, p in expected}
    assert postings.last_ids == [block.ids[-1] for block in postings.blocks()]
    return postings


@pytest.mark.parametrize("text", ["城市", "交通", "社区"])
def test_our_blocks_read_as_whoosh_reads_them(ours: Any, text: str) -> None:
    assert check_same_as_whoosh(ours, text).block_count > 1


@pytest.mark.parametrize("text", ["city", "traffic", "community"])
def test_whoosh_written_blocks_read_as_whoosh_reads_them(whooshes: Any, text: str) -> None:
    assert check_same_as_whoosh(whooshes, text).block_count > 1


def test_documents_having_a_term_are_found_in_the_blocks_they_fall_in(ours: Any) -> None:
    common, rare = read(ours, "城市"), read(ours, "社区")
    having = set(rare.ids())
    docs = common.ids()
    assert common.having(docs) == docs
    assert rare.having(docs) == [d for d in docs if d in having]
    spread = docs[::97]  # a few documents far apart: only their blocks are decoded
    assert read(ours, "社区").having(spread) == [d for d in spread if d in having]
    assert common.having([]) == []


def stored_block(ids: list[int], weights: Any, values: Any) -> bytes:
    """A block's bytes as our writer stores them (uncompressed): the pickled id deltas,
    weights and values."""
    deltas = tuple(b - a for a, b in zip([0, *ids], ids, strict=False))
    return pickle.dumps((deltas, weights, values), 5)


SHARED = encode_positions([7])  # the writer shares one object per lone position


@pytest.mark.parametrize("first", [0, 200, 300, 70_000])
@pytest.mark.parametrize("weights", [None, 2.0, (1.0, 3.0, 1.0, 2.0, 5.0)])
def test_a_block_read_from_its_bytes_is_what_unpickling_gives(first: int, weights: Any) -> None:
    ids = [first, first + 1, first + 5, first + 255, first + 256]
    values = (SHARED, encode_positions([1, 9]), SHARED, encode_positions([70_000]), SHARED)
    block = _read_block(stored_block(ids, weights, values), len(ids), -1)
    assert block is not None  # the bytes were read directly, not unpickled
    expected = [1.0] * 5 if weights is None else [weights] * 5 if weights == 2.0 else weights
    assert list(block.ids) == ids
    assert list(block.weights) == list(expected)
    assert list(block.values) == list(values)


def test_blocks_laid_out_otherwise_are_left_to_pickle() -> None:
    values = (SHARED,) * 5
    assert _read_block(stored_block([1, 2, 300, 301, 302], None, values), 5, -1) is None
    assert _read_block(stored_block([1, 2, 3], None, values[:3]), 3, -1) is None
    protocol_2 = pickle.dumps(((1, 1, 1, 1, 1), None, values), 2)
    assert _read_block(protocol_2, 5, -1) is None


def test_fixed_size_values_are_split_when_read() -> None:
    block = _read_block(stored_block([4, 5, 6, 7], None, b"abcdefgh"), 4, 2)
    assert block is not None
    assert list(block.values) == [b"ab", b"cd", b"ef", b"gh"]
    empty = _read_block(stored_block([4, 5, 6, 7], None, None), 4, 0)
    assert empty is not None
    assert list(empty.values) == [None] * 4


def test_our_writers_blocks_are_read_from_their_bytes(ours: Any) -> None:
    postings = read(ours, "城市")
    extents = postings._extents
    for index in range(postings.block_count):
        buffer: Any = postings._buffer
        data = buffer[extents.starts[index] : extents.ends[index]]
        if extents.compressed[index]:
            data = zlib.decompress(data)
        block = _read_block(data, extents.counts[index], -1)
        assert block is not None
        deltas, weights, values = pickle.loads(data)
        assert list(block.ids) == list(accumulate(deltas))
        count = len(deltas)
        stored = [weights] * count if isinstance(weights, float) else weights or [1.0] * count
        assert list(block.weights) == list(stored)
        assert list(block.values) == list(values)


def test_terms_are_looked_up_in_place_as_whoosh_looks_them_up(ours: Any) -> None:
    assert _in_place(ours._terms)
    terms = list(ours.all_terms())
    assert len(terms) > 20
    for fieldname, term in terms:
        found = open_postings(ours, fieldname, term.decode("utf-8"))
        expected = postings_of(ours, fieldname, term, ours.term_info(fieldname, term))
        assert found is not None
        assert found.doc_frequency == expected.doc_frequency
        assert found.ids() == expected.ids()
        assert found.block_maxima() == expected.block_maxima()
    assert open_postings(ours, "content", "火星") is None
    assert open_postings(ours, "title", "城市") is None  # the titles are empty
    assert open_postings(ours, "id", "700") is None and open_postings(ours, "id", "699")


@pytest.mark.parametrize("fixture", ["ours", "whooshes"])
def test_document_frequencies_are_whooshs(fixture: str, request: pytest.FixtureRequest) -> None:
    """Read in place from the term table, whichever writer made it."""
    reader = request.getfixturevalue(fixture)
    assert _in_place(reader._terms)
    for fieldname, term in list(reader.all_terms()):
        text = term.decode("utf-8")
        assert segment_doc_frequency(reader, fieldname, text) == reader.doc_frequency(
            fieldname, term
        )
    assert segment_doc_frequency(reader, "content", "火星") == 0
    assert segment_doc_frequency(reader, "content", "mars") == 0


def test_document_frequencies_without_mapped_files_ask_the_reader(
    ours: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = {term: segment_doc_frequency(ours, "content", term) for term in WORDS}
    monkeypatch.setattr(postings, "_in_place", lambda _: False)
    assert {term: segment_doc_frequency(ours, "content", term) for term in WORDS} == expected
    assert min(expected.values()) > 0
