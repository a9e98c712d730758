"""The analysis a worker sends for indexing (each term's encoded positions and the length),
and the codec's writing of posting weights and the term table."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from whoosh.filedb import filetables
from whoosh.filedb.structfile import StructFile

from index.search.analyzer import token_spans
from index.search.codec import (
    FieldPostings,
    _CrcTermTable,
    analyze_text,
    encode_positions,
    one_position,
    posting_weights,
)

BIGRAMS = frozenset({"鲁迅", "青年", "中国", "农业", "发展", "银行", "时代"})
TEXT = st.text(alphabet="中国农业发展银行鲁迅的青年時代社區，。 ab1😀", min_size=0, max_size=60)


def _reference(text: str) -> FieldPostings:
    """The postings straight from the spans: a lone position below 65536 as an int."""
    positions: dict[str, list[int]] = defaultdict(list)
    for span in token_spans(text, BIGRAMS):
        positions[span.text].append(span.pos)
    return FieldPostings(
        sum(map(len, positions.values())),
        {
            term: pos[0] if len(pos) == 1 and pos[0] < 0x10000 else encode_positions(pos)
            for term, pos in positions.items()
        },
    )


def _same(a: FieldPostings, b: FieldPostings) -> bool:
    return a.length == b.length and list(a.terms.items()) == list(b.terms.items())


@given(TEXT)
def test_postings_agree_with_the_spans_in_order(text: str) -> None:
    assert _same(analyze_text(text, BIGRAMS), _reference(text))


def test_lone_positions_are_ints_repeated_ones_encoded() -> None:
    postings = analyze_text("中国 中国 ab", BIGRAMS)
    assert postings.length == 5
    assert postings.terms == {
        "中国": encode_positions([0, 2]),
        "国": encode_positions([1, 3]),
        "ab": 4,
    }


def test_positions_from_65536_on_are_encoded_even_when_lone() -> None:
    text = "鲁迅" * 33000 + "的青年 abc" + "中" * 2
    postings = analyze_text(text, BIGRAMS)
    assert _same(postings, _reference(text))
    assert postings.terms["abc"] == encode_positions([66003])
    assert postings.terms["的"] == encode_positions([66000])


def test_empty_and_tokenless_texts() -> None:
    assert analyze_text("", BIGRAMS) == FieldPostings(0, {})
    assert analyze_text("，。！ 😀", BIGRAMS) == FieldPostings(0, {})


@given(
    st.lists(
        st.lists(st.integers(0, 0x20000), min_size=1, max_size=5, unique=True),
        min_size=1,
        max_size=40,
    ),
    st.sampled_from([1.0, 2.0]),
)
def test_posting_weights_count_the_positions(postings: list[list[int]], boost: float) -> None:
    values = [encode_positions(sorted(positions)) for positions in postings]
    assert posting_weights(values, boost) == [len(p) * boost for p in postings]


def _term_table(path: Path, items: list[tuple[bytes, bytes]], at_once: bool) -> bytes:
    with path.open("wb") as handle:
        table = _CrcTermTable(StructFile(handle))
        if at_once:
            half = len(items) // 2  # two fields' worth of terms
            for part in (items[:half], items[half:]):
                table.add_sorted([key for key, _ in part], [value for _, value in part])
        else:
            for key, value in items:
                filetables.OrderedHashWriter.add(table, key, value)
        table.close()
    return path.read_bytes()


def test_term_table_written_a_field_at_a_time_is_the_same_file(tmp_path: Path) -> None:
    """The same bytes as Whoosh's one-key-at-a-time ``add``, past 64 KB (where the key
    position index widens) and with colliding hash slots; Whoosh's reader reads it back."""
    items = [(f"k{n:06d}".encode(), b"v" * (n % 40)) for n in range(6000)]
    data = _term_table(tmp_path / "at_once", items, at_once=True)
    assert data == _term_table(tmp_path / "one_by_one", items, at_once=False)
    assert len(data) > 0x10000
    with (tmp_path / "at_once").open("rb") as handle:
        reader = filetables.OrderedHashReader(StructFile(handle), len(data))
        assert list(reader.items_from(b"")) == items
        assert reader[b"k004321"] == b"v" * (4321 % 40)


def test_term_table_refuses_keys_out_of_order(tmp_path: Path) -> None:
    with (tmp_path / "table").open("wb") as handle:
        table = _CrcTermTable(StructFile(handle))
        table.add_sorted([b"a", b"c"], [b"1", b"2"])
        with pytest.raises(ValueError):
            table.add_sorted([b"b"], [b"3"])
        with pytest.raises(ValueError):
            table.add_sorted([b"d", b"f", b"e"], [b"4", b"5", b"6"])


def test_the_shared_one_position_encodings() -> None:
    shared = one_position()
    assert len(shared) == 0x10000
    assert all(shared[p] == encode_positions([p]) for p in range(0x10000))
