"""Hostile input files: each gets a specific one-line error or is handled, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from index.pipeline import process_file
from tests.data.make_bad_files import write_huge_file, write_long_line, write_small_files

BAD = Path(__file__).parent / "data" / "bad"

# file -> the one-line error, or None when the file must give at least one article.
EXPECTED = {
    "empty.txt": "empty file",
    "whitespace-only.txt": "empty file (whitespace only)",
    "image.png": "not a text file (looks like a PNG image)",
    "archive.zip": "not a text file (looks like a ZIP archive)",
    "document.pdf": "not a text file (looks like a PDF document)",
    "nul-bytes.txt": "not a text file (contains NUL bytes)",
    "invalid-utf8.txt": "not valid UTF-8, UTF-16 or GB18030/GBK text",
    "invalid-gbk.txt": "not valid UTF-8, UTF-16 or GB18030/GBK text",
    "cdata-only.txt": "no article text found (only markup or separators)",
    "utf16-without-bom.txt": None,
    "mixed-encodings.txt": None,
    "cut-mid-character.txt": None,
    "nested-html.txt": None,
    "unclosed-html.txt": None,
    "hostile-markup.txt": None,
    "question-mark-wall.txt": None,
}


def test_the_committed_corpus_is_what_the_generator_writes(tmp_path: Path) -> None:
    write_small_files(tmp_path)
    for path in tmp_path.iterdir():
        assert (BAD / path.name).read_bytes() == path.read_bytes(), path.name
    assert {p.name for p in BAD.iterdir()} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_hostile_file(name: str) -> None:
    result = process_file(BAD / name)
    expected = EXPECTED[name]
    if expected is None:
        assert result.error is None
        assert result.articles
        assert all(article.body.strip() for article in result.articles)
    else:
        assert result.error == expected
        assert result.articles == []


def test_decoded_files_keep_their_text() -> None:
    for name in ("utf16-without-bom.txt", "mixed-encodings.txt", "cut-mid-character.txt"):
        body = process_file(BAD / name).articles[0].body
        assert "江海區第二屆幸福“鄰里節”啟動" in body, name


def test_markup_never_leaks_script_or_style_text() -> None:
    body = process_file(BAD / "hostile-markup.txt").articles[0].body
    assert "fetch(" not in body
    assert "body{}" not in body
    assert "社區" in body


def test_a_200_mb_file_is_refused_without_being_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    write_huge_file(huge)
    result = process_file(huge)
    assert result.error == "too large (200 MB; dump files of up to 32 MB are read)"


def test_a_20_mb_line_is_one_article(tmp_path: Path) -> None:
    line = tmp_path / "long-line.txt"
    write_long_line(line, damaged=False)
    result = process_file(line)
    assert result.error is None
    assert len(result.articles) == 1
    assert len(result.articles[0].body) > 6_000_000


def test_the_command_line_reports_each_bad_file_on_one_line_and_goes_on() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "desktop.cli.main", "repair", "--json", str(BAD)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if line]
    assert len(errors) == sum(1 for e in EXPECTED.values() if e is not None)
    assert all(line.startswith("archive-reader: ") for line in errors)
    assert done.stdout.startswith("[")
