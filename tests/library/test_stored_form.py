"""Bodies, raw texts and repairs are stored compressed; bodies stored as text still read."""

from __future__ import annotations

import json
import sqlite3
import zlib
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from index.library import Library
from index.library.database import DATABASE_FILE
from index.library.importer import run_import
from index.library.stored_form import (
    compress_raw,
    compress_text,
    decode_repairs,
    decompress_raw,
    encode_repairs,
)
from index.model import Repair
from index.repair.pinyin import readings
from tests.helpers.library_articles import LU_XUN, fake_pipeline, touch_files


def _library_with_lu_xun(tmp_path: Path) -> int:
    """A library at tmp_path/lib holding one article; its id."""
    with Library(tmp_path / "lib") as library:
        run_import(
            library.database,
            library.index,
            touch_files(tmp_path, ["b.txt"]),
            process=fake_pipeline({"b.txt": [LU_XUN]}),
        )
        (article_id,) = library.database.all_ids()
    return article_id


def test_bodies_are_compressed_and_older_text_bodies_still_read(tmp_path: Path) -> None:
    article_id = _library_with_lu_xun(tmp_path)
    conn = sqlite3.connect(tmp_path / "lib" / DATABASE_FILE)
    ((kind, size),) = conn.execute("SELECT typeof(body), length(body) FROM articles").fetchall()
    assert kind == "blob" and size > 0
    with Library(tmp_path / "lib") as library:
        assert library.get_article(article_id).body == LU_XUN.body  # type: ignore[union-attr]
    with conn:  # a row as an earlier version stored it
        conn.execute("UPDATE articles SET body = ? WHERE id = ?", (LU_XUN.body, article_id))
    conn.close()
    with Library(tmp_path / "lib") as library:
        assert library.get_article(article_id).body == LU_XUN.body  # type: ignore[union-attr]
        assert library.search("鲁迅").total == 1


repairs_lists = st.lists(
    st.builds(
        Repair,
        st.integers(0, 10**6),
        st.text(max_size=8),
        st.text(max_size=3),
        st.sampled_from(["annotation", "punctuation", "shifted bytes", "spam line"]),
        st.floats(0, 1),
        st.sampled_from(["repair", "clean", "metadata"]),
    ),
    max_size=40,
)


@given(repairs_lists, st.text(max_size=50))
def test_repairs_read_back_as_they_were_stored(repairs: list[Repair], raw: str) -> None:
    assert decode_repairs(encode_repairs(repairs, raw), raw) == repairs


@given(st.text(min_size=1, max_size=60), st.data())
def test_repairs_of_text_the_raw_holds_read_back_from_it(raw: str, data: st.DataObject) -> None:
    spans = data.draw(
        st.lists(st.tuples(st.integers(0, len(raw) - 1), st.integers(1, 6)), max_size=20)
    )
    repairs = [
        Repair(start, raw[start : start + size], "，", "punctuation", 0.95, "repair")
        for start, size in sorted(spans)
    ]
    assert decode_repairs(encode_repairs(repairs, raw), raw) == repairs


def test_repairs_that_the_raw_text_holds_take_less_room() -> None:
    annotated = [(char, readings(char)[0]) for char in LU_XUN.body * 4 if readings(char)]
    raw, repairs = "", []
    for char, syllable in annotated:  # the mirror's damage: 鲁(lǔ)迅(xùn)
        raw += char
        repairs.append(Repair(len(raw), f"({syllable})", "", "annotation", 1.0, "repair"))
        raw += f"({syllable})"
    on_raw = encode_repairs(repairs, raw)
    alone = encode_repairs(repairs, "")  # as if the raw text held none of them
    assert decode_repairs(on_raw, raw) == decode_repairs(alone, "") == repairs
    assert len(on_raw) < 0.7 * len(alone)


def test_repairs_stored_row_by_row_by_an_earlier_version_still_read() -> None:
    repairs = [
        Repair(3, "(yún)", "", "annotation", 1.0, "repair"),
        Repair(1, "?", "，", "x", 0.5, "clean"),
    ]
    rows = [[r.offset, r.before, r.after, r.reason, r.confidence, r.stage] for r in repairs]
    old = zlib.compress(json.dumps(rows, ensure_ascii=False).encode("utf-8"), 6)
    assert decode_repairs(old, "") == repairs


def test_repairs_stored_as_columns_by_an_earlier_version_still_read() -> None:
    repairs = [Repair(3, "(yún)", "", "annotation", 1.0, "repair")]
    columns = [["annotation", "repair"], [3], ["(yún)"], [""], [0], [1.0], [1]]
    old = b"\x01" + zlib.compress(json.dumps(columns, ensure_ascii=False).encode("utf-8"), 6)
    assert decode_repairs(old, "raw text without it") == repairs


@given(st.text(max_size=300), st.text(max_size=300))
def test_raw_text_reads_back_with_its_body(raw: str, body: str) -> None:
    assert decompress_raw(compress_raw(raw, body), body) == raw


def test_raw_text_compressed_with_its_body_takes_less_room() -> None:
    body = LU_XUN.body * 3
    raw = body.replace("。", "(jù)。")  # damage: most of the raw text is the body again
    assert len(compress_raw(raw, body)) < 0.6 * len(compress_text(raw))


def test_raw_text_stored_by_an_earlier_version_still_reads(tmp_path: Path) -> None:
    article_id = _library_with_lu_xun(tmp_path)
    with Library(tmp_path / "lib") as library:
        assert library.get_article(article_id).raw == LU_XUN.raw  # type: ignore[union-attr]
    conn = sqlite3.connect(tmp_path / "lib" / DATABASE_FILE)
    with conn:  # raw text as an earlier version compressed it: alone
        conn.execute(
            "UPDATE articles SET raw = ? WHERE id = ?", (compress_text(LU_XUN.raw), article_id)
        )
    conn.close()
    with Library(tmp_path / "lib") as library:
        assert library.get_article(article_id).raw == LU_XUN.raw  # type: ignore[union-attr]
