"""The bulk segment writer writes the same index Whoosh's own writer writes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh.reading import IndexReader

from index.search.codec import InliningCodec
from index.search.engine import IndexDocument, SearchIndex, build_schema
from index.search.query import parse_query
from index.search.vocabulary import default_vocabulary
from tests.helpers.library_articles import ALL_ARTICLES

DOCUMENTS = [
    IndexDocument(
        number,
        article.title,
        article.title + "\n" + article.body,
        article.outlet or "",
        ("剪報", f"2025-0{number % 9 + 1}"),
        (article.published or "")[:10],
    )
    for number, article in enumerate(ALL_ARTICLES * 3, start=1)
]


def everything(reader: IndexReader) -> dict[str, Any]:
    """Every term's statistics, every posting (field, term, docnum, weight, positions),
    stored field and field length."""
    postings = [
        (field, term, docnum, round(weight, 4), value)
        for field, term, docnum, weight, value in reader.iter_postings()
    ]
    terms = [
        (
            *key,
            *(info.weight(), info.doc_frequency(), info.min_length(), info.max_length()),
            *(info.max_weight(), info.min_id(), info.max_id(), info.is_inlined()),
        )
        for key, info in ((key, reader.term_info(*key)) for key in reader.all_terms())
    ]
    return {
        "terms": terms,
        "postings": postings,
        "stored": [reader.stored_fields(docnum) for docnum in reader.all_doc_ids()],
        "lengths": [
            [reader.doc_field_length(docnum, field) for field in ("title", "content", "outlet")]
            for docnum in reader.all_doc_ids()
        ],
        "totals": {field: reader.field_length(field) for field in ("title", "content")},
    }


def test_same_postings_stored_fields_and_lengths_as_whoosh(tmp_path: Path) -> None:
    ours = SearchIndex(tmp_path / "ours")
    ours.replace(DOCUMENTS)
    vocabulary = default_vocabulary()
    (tmp_path / "theirs").mkdir()
    theirs = windex.create_in(str(tmp_path / "theirs"), build_schema(vocabulary.key))
    writer = theirs.writer(codec=InliningCodec())
    for document in DOCUMENTS:
        writer.add_document(**document.fields())
    writer.commit()
    with ours._index.reader() as our_reader, theirs.reader() as their_reader:
        assert everything(our_reader) == everything(their_reader)
        assert len(everything(our_reader)["postings"]) > 500
    ours.close()


def test_posting_lists_over_several_blocks_agree_with_whoosh(tmp_path: Path) -> None:
    """Terms in 300 documents span three blocks of 128: each block's and each term's
    statistics (weights, document frequency, shortest and longest field, ids) and every
    posting read back as Whoosh's own writer wrote them; the rare terms stay inlined."""
    words = ["社區", "新聞", "發展", "銀行", "農業", "時代", "青年", "鲁迅"]
    documents = [
        IndexDocument(
            n,
            f"{words[n % 8]}第{n}號",
            " ".join(words[(n * k) % 8] * (1 + (n + k) % 4) for k in range(1 + min(n, 6))),
            words[n % 3],
            (f"tag{n % 5}",),
            f"2025-01-{n % 28 + 1:02d}",
        )
        for n in range(300)
    ]
    ours = SearchIndex(tmp_path / "ours")
    ours.replace(documents)
    (tmp_path / "theirs").mkdir()
    theirs = windex.create_in(str(tmp_path / "theirs"), build_schema(ours.vocabulary.key))
    writer = theirs.writer(codec=InliningCodec())
    for document in documents:
        writer.add_document(**document.fields())
    writer.commit()
    with ours._index.reader() as our_reader, theirs.reader() as their_reader:
        mine = everything(our_reader)
        assert mine == everything(their_reader)
        doc_frequencies = [term[3] for term in mine["terms"]]
        assert max(doc_frequencies) > 256 and min(doc_frequencies) <= 4
    ours.close()


def test_documents_analyzed_ahead_index_as_the_same(tmp_path: Path) -> None:
    ahead = SearchIndex(tmp_path / "ahead")
    here = SearchIndex(tmp_path / "here")
    with ahead.batch() as batch:
        for document in DOCUMENTS:
            batch.add(document, document.analyze(ahead.bigrams))
    here.replace(DOCUMENTS)
    with ahead._index.reader() as first, here._index.reader() as second:
        assert everything(first) == everything(second)
    ahead.close()
    here.close()


def test_long_posting_lists_span_blocks_and_stay_searchable(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "index")
    documents = [
        IndexDocument(n, f"第{n}號", f"社區新聞 第{n}號 " * (1 + n % 3)) for n in range(700)
    ]
    index.replace(documents)
    found = index.search(parse_query('"社区新闻"', index.bigrams), limit=1000, exact_total=True)
    assert found.total == 700
    assert {hit.article_id for hit in found.hits} == set(range(700))
    index.close()
