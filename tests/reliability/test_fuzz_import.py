"""Fuzzing the whole import (read, split, repair, store, index) with arbitrary bytes and text.

CI runs a few dozen examples; ``make fuzz`` sets ``ARCHIVE_READER_FUZZ_EXAMPLES`` for a long run.
"""

from __future__ import annotations

import os
import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.library import Library
from index.pipeline import process_bytes
from tests.reliability.library_state import database_ids, index_ids, integrity

EXAMPLES = int(os.environ.get("ARCHIVE_READER_FUZZ_EXAMPLES", "30"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# Dump-like text: feed separators, markup, GBK-damage debris, pinyin annotations, CJK.
PIECES = st.sampled_from(
    ["]]>", "]>", "<![CDATA[", "<p>", "</div>", "<script>", "&amp;", "????", "?", "(zhong)", "\n"]
)
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
DUMP_TEXT = st.lists(st.one_of(PIECES, st.text(CJK, max_size=40), st.text(max_size=20))).map(
    "".join
)
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"])
FILE_BYTES = st.one_of(
    st.binary(max_size=4096),
    st.builds(lambda text, encoding: text.encode(encoding), DUMP_TEXT, ENCODINGS),
)


def check_library(folder: Path) -> None:
    assert integrity(folder) == "ok"
    stored = database_ids(folder)
    indexed = index_ids(folder)
    assert set(indexed) == stored and set(indexed.values()) <= {1}


def test_import_of_arbitrary_files_is_clean() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        library_dir = root / "library"
        counter = iter(range(10**9))

        @FUZZ
        @given(FILE_BYTES)
        def import_one(data: bytes) -> None:
            number = next(counter)
            # Hypothesis seeds ``random`` alike for every example, and Whoosh names its
            # segments with it: vary the seed so that each commit gets a new segment name.
            random.seed(number)
            path = root / f"dump-{number}.txt"
            path.write_bytes(data)
            with Library.open(library_dir) as library:
                before = library.article_count()
                summary = library.import_paths([path], procs=1)
                after = library.article_count()
            assert summary.files == 1
            if summary.errors:
                (error,) = summary.errors
                assert error.reason and "\n" not in error.reason
                assert after == before  # a failed file leaves nothing behind
            else:
                assert after == before + summary.added
            path.unlink()

        import_one()
        check_library(library_dir)


@FUZZ
@given(FILE_BYTES)
def test_read_split_repair_of_arbitrary_files(data: bytes) -> None:
    from index.ingest.read import ReadError

    try:
        articles = process_bytes(data, "fuzz.txt")
    except ReadError as error:
        assert str(error) and "\n" not in str(error)
        return
    for article in articles:
        assert article.title and article.raw
