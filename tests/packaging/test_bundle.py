"""Smoke test of the PyInstaller bundle: the built binary runs the CLI, the repair and the GUI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "archive-reader.spec"
BUNDLE = ROOT / "dist" / "archive-reader"
EXECUTABLE = BUNDLE / ("archive-reader.exe" if sys.platform == "win32" else "archive-reader")
INTERNAL = BUNDLE / "_internal"
CORPUS = ROOT / "resources" / "corpus"
BUILD_ENV = "ARCHIVE_READER_BUILD_BUNDLE"
PAGE_TITLE = "江海區第二屆幸福“鄰里節”啟動，設置六大主題體驗區，為期1個月"
TIMEOUT = 300


@pytest.fixture(scope="module")
def bundle() -> Path:
    """The built executable: built here with ``ARCHIVE_READER_BUILD_BUNDLE=1``, else dist/'s."""
    if os.environ.get(BUILD_ENV) == "1":
        subprocess.run(
            [
                sys.executable,
                "-m",
                "PyInstaller",
                "--noconfirm",
                "--log-level",
                "WARN",
                "--distpath",
                str(ROOT / "dist"),
                "--workpath",
                str(ROOT / "build" / "pyinstaller"),
                str(SPEC),
            ],
            cwd=ROOT,
            check=True,
            timeout=1800,
        )
    elif not EXECUTABLE.is_file():
        pytest.skip(
            f"no bundle at {EXECUTABLE.relative_to(ROOT)}: run `make package` first, or set "
            f"{BUILD_ENV}=1 to build it here (about a minute, needs the `packaging` extra)"
        )
    return EXECUTABLE


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A private HOME with XDG folders, so a run touches neither the user's settings nor caches."""
    for name in ("cache", "config", "data"):
        (tmp_path / name).mkdir()
    return tmp_path


def run_bundle(
    executable: Path, home: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the frozen binary headless, outside the checkout, with nothing of the venv around."""
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "QT_", "XDG_")) and key != "VIRTUAL_ENV"
    }
    clean |= {
        "HOME": str(home),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
    }
    clean |= env or {}
    return subprocess.run(
        [str(executable), *args],
        cwd=home,
        env=clean,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        check=False,
    )


def pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        version: str = tomllib.load(handle)["project"]["version"]
    return version


def test_version_is_pyprojects(bundle: Path, home: Path) -> None:
    result = run_bundle(bundle, home, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"archive-reader {pyproject_version()}\n"


def test_bundle_ships_the_data_files_and_not_the_dev_tools(bundle: Path) -> None:
    for shipped in (
        "opencc/dictionary/TSCharacters.txt",
        "opencc/config/t2s.json",
        "jieba/dict.txt",
        "jieba/analyse/idf.txt",
        "pypinyin/pinyin_dict.json",
        "resources/fonts/NotoSansCJKsc-Regular-subset.otf",
        "resources/fonts/OFL.txt",
        "resources/corpus/000_eb61add4d329f913.txt",
        "resources/icons/io.github.archivereader.ArchiveReader.svg",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
    ):
        if sys.platform == "linux" or not shipped.startswith("PySide6/"):
            assert (INTERNAL / shipped).is_file(), shipped
    assert list(INTERNAL.glob("archive_reader-*.dist-info/METADATA")), "no version metadata"
    assert list((INTERNAL / "rjieba").glob("rjieba*.so")) or sys.platform == "win32"
    for left_out in ("tkinter", "pytest", "_pytest", "mypy", "fontTools", "jieba/lac_small"):
        assert not (INTERNAL / left_out).exists(), left_out


def test_repair_json_on_the_sample_archive(bundle: Path, home: Path) -> None:
    result = run_bundle(bundle, home, "repair", "--json", str(CORPUS))
    assert result.returncode == 0, result.stderr
    articles = json.loads(result.stdout)
    assert len(articles) == 10
    page = articles[0]
    assert page["title"] == PAGE_TITLE
    assert page["outlet"] == "江門日報"
    assert page["published"] == "2025-07-10T07:30"
    # The repair engaged (its model is built from the bundled jieba dict.txt) and cached it.
    assert any(repair["stage"] == "repair" for article in articles for repair in article["repairs"])
    assert list((home / "cache" / "archive-reader").glob("char-bigrams-*.pickle"))


def test_repair_without_a_writable_cache_falls_back(bundle: Path, home: Path) -> None:
    blocked = home / "not-a-folder"
    blocked.write_text("a file where the cache folder would go\n", encoding="utf-8")
    page = CORPUS / "000_eb61add4d329f913.txt"
    result = run_bundle(
        bundle, home, "repair", "--json", str(page), env={"XDG_CACHE_HOME": str(blocked)}
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["title"] == PAGE_TITLE


def test_import_search_and_export(bundle: Path, home: Path) -> None:
    """The library in the frozen app: Whoosh index writers (worker processes), search, PDF."""
    library = home / "library"
    imported = run_bundle(bundle, home, "--library", str(library), "import", "--json", str(CORPUS))
    assert imported.returncode == 0, imported.stderr
    summary = json.loads(imported.stdout)
    assert (summary["added"], summary["errors"]) == (10, [])

    # A simplified query finds the traditional article (OpenCC's tables in the bundle).
    searched = run_bundle(bundle, home, "--library", str(library), "search", "--json", "邻里节")
    assert searched.returncode == 0, searched.stderr
    hits = json.loads(searched.stdout)["hits"]
    assert [hit["title"] for hit in hits] == [PAGE_TITLE]

    pdf = home / "out.pdf"
    exported = run_bundle(
        bundle, home, "--library", str(library), "export", "--query", "鄰里節", "-o", str(pdf)
    )
    assert exported.returncode == 0, exported.stderr
    reader = PdfReader(pdf)
    assert len(reader.pages) >= 1
    assert [item.title for item in reader.outline] == [PAGE_TITLE]
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("Archive" in name for name in fonts), fonts  # the bundled CJK subset


def test_offscreen_start_up_shows_the_window_and_exits_cleanly(bundle: Path, home: Path) -> None:
    gui_library = home / "gui-library"
    result = run_bundle(bundle, home, "--library", str(gui_library), "gui", "--quit-after", "2000")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    shown = [line for line in result.stderr.splitlines() if "window shown: " in line]
    assert len(shown) == 1, result.stderr
    # The first-start import's progress dialog may be up too: titles are sorted, " | "-joined.
    assert f"Archive Reader — {gui_library}" in shown[0].split(": ", 2)[2].split(";")[0]
    assert "Traceback" not in output
    assert "Could not load the Qt platform plugin" not in output
    assert (gui_library / "library.db").is_file()
