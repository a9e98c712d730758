"""Whoosh reads segment files in place: a searcher does not copy the index into memory."""

from __future__ import annotations

import io
import pickle
import random
import tracemalloc
from pathlib import Path

from whoosh import index as windex
from whoosh.fields import ID, TEXT, Schema
from whoosh.filedb.structfile import BufferFile
from whoosh.qparser import QueryParser

import index.search  # noqa: F401  (installs the in-place reading)
from index.search.mapped_files import SliceReader


def test_slice_reader_reads_like_bytesio() -> None:
    data = b"first line\nsecond\n" + pickle.dumps({"id": "7", "n": [1, 2, 3]}) + b"tail"
    ours, theirs = SliceReader(memoryview(data)), io.BytesIO(data)
    assert ours.readline() == theirs.readline() == b"first line\n"
    assert ours.read(3) == theirs.read(3) == b"sec"
    assert ours.tell() == theirs.tell() == 14
    assert ours.seek(-4, io.SEEK_END) == theirs.seek(-4, io.SEEK_END)
    assert ours.read() == theirs.read() == b"tail"
    assert ours.read(10) == theirs.read(10) == b""
    ours.seek(18)
    assert pickle.load(ours) == {"id": "7", "n": [1, 2, 3]}
    assert ours.read() == b"tail"
    ours.seek(0)
    assert list(ours) == list(io.BytesIO(data))
    target = bytearray(5)
    ours.seek(6)
    assert ours.readinto(target) == 5 and bytes(target) == b"line\n"


def test_a_searcher_reads_the_postings_in_place(tmp_path: Path) -> None:
    rng = random.Random(4)
    words = [f"w{n}" for n in range(3000)]
    folder = tmp_path / "index"
    folder.mkdir()
    ix = windex.create_in(str(folder), Schema(id=ID(stored=True), text=TEXT))
    with ix.writer() as writer:
        for n in range(1000):
            writer.add_document(id=str(n), text=" ".join(rng.choices(words, k=300)))
    size = sum(path.stat().st_size for path in folder.iterdir())
    assert size > 1_000_000
    tracemalloc.start()
    try:
        with ix.searcher() as searcher:
            hits = searcher.search(QueryParser("text", ix.schema).parse("w1 w2"), limit=5)
            assert len(hits) > 0
            opened = _buffer_files(searcher)
            assert opened and all(isinstance(f.file, SliceReader) for f in opened)
            _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        ix.close()
    assert peak < size / 4, f"opening a searcher allocated {peak:,} bytes for a {size:,}-byte index"


def _buffer_files(searcher: object) -> list[BufferFile]:
    """The BufferFile objects a searcher's segment readers hold open."""
    found: list[BufferFile] = []
    seen: set[int] = set()

    def walk(value: object, depth: int) -> None:
        if id(value) in seen or depth > 4:
            return
        seen.add(id(value))
        if isinstance(value, BufferFile):
            found.append(value)
            return
        if isinstance(value, list | tuple):
            for item in value:
                walk(item, depth + 1)
        elif hasattr(value, "__dict__"):
            for item in vars(value).values():
                walk(item, depth + 1)

    walk(searcher, 0)
    return found
