"""PDF export: text layer, page breaks, page numbers, outline, metadata, font, CLI."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from desktop.cli.main import main
from desktop.export.pdf import export_pdf
from desktop.script import ScriptConverter
from index.library import Library
from tests.helpers.stored_articles import HOSTILE_PARAGRAPHS, stored_article

RADICALS = re.compile("[\u2e80-\u2fdf]")
# Characters that pull in the radical trap: each also exists as a Kangxi radical.
TRAP_TEXT = (
    "二里民文力，一人口土大女子寸小山工己心手日月木水火牛犬玉田目石立竹米"
    "糸耳肉自至色虫血行見言走足身車金長門雨面音頁風飛食首馬高鬼魚鳥黃黑鼻齒龍"
)

needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None,
    reason="pdftotext is missing: install Debian's poppler-utils to check the PDF text layer",
)


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    command = ["pdftotext", "-enc", "UTF-8"]
    if first is not None:
        command += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run(
        [*command, str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def body_pages(path: Path, pages: int) -> str:
    """The text of every page without its page-number line, squeezed."""
    text = []
    for page in range(1, pages + 1):
        lines = [line for line in pdf_text(path, page).split("\n") if line.strip()]
        assert re.fullmatch(rf"{page}\s*/\s*{pages}", lines[-1].strip())
        text += lines[:-1]
    return squeeze("".join(text))


def squeeze(text: str) -> str:
    """Text without whitespace: line wrapping in the PDF must not matter."""
    return re.sub(r"\s+", "", text)


@needs_pdftotext
def test_text_layer_extracts_exactly_what_was_drawn(qtbot: QtBot, tmp_path: Path) -> None:
    articles = [
        stored_article(1, "二里民文力", [TRAP_TEXT, "第二段：里程与民生。"]),
        stored_article(2, "鄰里節在江海廣場啟動", ["社區居民體驗傳統文化。"], script="traditional"),
    ]
    path = tmp_path / "out.pdf"
    export_pdf(articles, path, None)
    text = pdf_text(path)
    assert RADICALS.search(text) is None
    for article in articles:
        assert squeeze(article.title) in squeeze(text)
        for paragraph in article.paragraphs:
            assert squeeze(paragraph) in squeeze(text)


@needs_pdftotext
def test_library_articles_round_trip_in_both_scripts(
    qtbot: QtBot, sample_library: Library, tmp_path: Path
) -> None:
    stored = [sample_library.get_article(i) for i in (1, 2)]
    articles = [a for a in stored if a is not None]
    converter = ScriptConverter()
    for script in ("simplified", "traditional"):
        path = tmp_path / f"{script}.pdf"
        result = export_pdf(articles, path, script, converter=converter)
        text = body_pages(path, result.pages)  # page numbers would split paragraphs
        assert RADICALS.search(text) is None
        for article in articles:
            shown = converter.article(article, script)
            assert squeeze(shown.title) in text
            for paragraph in shown.paragraphs:
                assert squeeze(paragraph) in text


@needs_pdftotext
def test_each_article_starts_a_page_with_numbers_outline_and_title(
    qtbot: QtBot, tmp_path: Path
) -> None:
    long_body = ["这是一段很长的新闻正文，用来把文章撑到第二页。" * 12] * 12
    articles = [
        stored_article(1, "第一篇文章", long_body, outlet="江门日报", published="2025-07-10T07:30"),
        stored_article(2, "第二篇文章", ["短文。"]),
        stored_article(3, "第三篇文章", ["也是短文。"]),
    ]
    path = tmp_path / "out.pdf"
    result = export_pdf(articles, path, "simplified", title="三篇文章")
    reader = PdfReader(path)
    assert result.pages == len(reader.pages) >= 4
    assert result.start_pages[0] == 0 and result.start_pages[1] >= 1
    outline = [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]
    assert outline == [(a.title, p) for a, p in zip(articles, result.start_pages, strict=True)]
    assert reader.metadata is not None and reader.metadata.title == "三篇文章"
    for article, page in zip(articles, result.start_pages, strict=True):
        page_text = pdf_text(path, page + 1)
        assert squeeze(page_text).startswith(article.title)  # title first on its own page
        assert re.search(rf"\b{page + 1}\s*/\s*{result.pages}\b", page_text)
    assert "江门日报" in pdf_text(path, 1) and "2025-07-10 07:30" in pdf_text(path, 1)


def test_bundled_font_is_embedded(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "out.pdf"
    export_pdf([stored_article(1, "字体", ["嵌入的字体。"])], path, None)
    fonts = PdfReader(path).pages[0]["/Resources"]["/Font"]
    descriptors = [
        font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        for font in fonts.values()
    ]
    names = [str(d["/FontName"]) for d in descriptors]
    assert any(name.endswith("+ArchiveReaderSansCJKsc-Regular") for name in names), names
    assert any(("/FontFile2" in d or "/FontFile3" in d) for d in descriptors)


@needs_pdftotext
def test_hostile_markup_is_printed_literally(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "out.pdf"
    export_pdf([stored_article(1, "<b>标题</b>", HOSTILE_PARAGRAPHS)], path, None)
    text = squeeze(pdf_text(path))
    assert squeeze("<b>标题</b>") in text
    for paragraph in HOSTILE_PARAGRAPHS:
        assert squeeze(paragraph) in text


def test_export_needs_articles(qtbot: QtBot, tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        export_pdf([], tmp_path / "out.pdf", None)
    assert not (tmp_path / "out.pdf").exists()


@needs_pdftotext
def test_cli_exports_ids_and_queries(
    qtbot: QtBot, sample_library_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    by_ids = tmp_path / "ids.pdf"
    assert (
        main(["--library", str(sample_library_dir), "export", "--ids", "1,2", "-o", str(by_ids)])
        == 0
    )
    assert len(PdfReader(by_ids).outline) == 2
    by_query = tmp_path / "query.pdf"
    status = main(
        [
            "--library",
            str(sample_library_dir),
            "export",
            "--query",
            "鄰里",
            "-o",
            str(by_query),
            "--script",
            "simplified",
        ]
    )
    assert status == 0
    assert "邻里" in pdf_text(by_query) and "鄰里" not in pdf_text(by_query)
    assert f"{by_query}: " in capsys.readouterr().out


def test_cli_reports_unknown_ids_and_bad_queries(
    qtbot: QtBot, sample_library_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.pdf"
    library = ["--library", str(sample_library_dir), "export"]
    assert main([*library, "--ids", "1,999", "-o", str(out)]) == 1
    assert "archive-reader: 999: no such article" in capsys.readouterr().err
    assert main([*library, "--ids", "1,x", "-o", str(out)]) == 1
    assert "not an article id" in capsys.readouterr().err
    assert main([*library, "--query", '"unclosed', "-o", str(out)]) == 1
    assert "--query" in capsys.readouterr().err
    assert not out.exists()


@needs_pdftotext
def test_a_paragraph_split_across_pages_is_in_the_text_layer_once(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # Numbered sentences: every one is unique, so a line drawn twice would show.
    paragraphs = ["".join(f"第{n}句在此。" for n in range(k * 60, (k + 1) * 60)) for k in range(6)]
    article = stored_article(1, "跨页的段落", paragraphs)
    path = tmp_path / "out.pdf"
    result = export_pdf([article], path, None)
    assert result.pages >= 2
    assert body_pages(path, result.pages) == squeeze(article.title + "".join(paragraphs))
