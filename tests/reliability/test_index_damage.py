"""Index damage: a lost, cut or garbled Whoosh index is detected at open and rebuilt from the DB."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.cli.main import main
from index.library import Library
from index.library.health import WRITE_LOCK, RebuildProgress
from index.library.library import INDEX_FOLDER
from tests.reliability.library_state import database_ids, index_ids, write_dumps

ARTICLES = 30


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("damage")
    folder = root / "library"
    with Library.open(folder) as library:
        summary = library.import_paths([write_dumps(root / "dumps", ARTICLES)[0].parent], procs=1)
    assert summary.added == ARTICLES
    return folder


@pytest.fixture
def library_dir(template: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(template, tmp_path / "library"))


def segments(library: Path) -> list[Path]:
    found = sorted((library / INDEX_FOLDER).glob("*.seg"))
    assert found
    return found


def garble(path: Path, start: float, length: int = 4096) -> None:
    data = bytearray(path.read_bytes())
    offset = int(len(data) * start)
    noise = random.Random(path.name).randbytes(min(length, len(data) - offset))
    data[offset : offset + len(noise)] = noise
    path.write_bytes(bytes(data))


def delete_folder(library: Path) -> None:
    shutil.rmtree(library / INDEX_FOLDER)


def delete_segment(library: Path) -> None:
    segments(library)[0].unlink()


def truncate_segment(library: Path) -> None:
    path = segments(library)[0]
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2)


def garble_segment_middle(library: Path) -> None:
    garble(segments(library)[0], 0.4)


def garble_segment_end(library: Path) -> None:
    garble(segments(library)[0], 0.98)


def garble_toc(library: Path) -> None:
    for toc in (library / INDEX_FOLDER).glob("_MAIN_*.toc"):
        garble(toc, 0.2)


def delete_toc(library: Path) -> None:
    for toc in (library / INDEX_FOLDER).glob("_MAIN_*.toc"):
        toc.unlink()


def empty_file(library: Path) -> None:
    segments(library)[0].write_bytes(b"")


def delete_vocabulary(library: Path) -> None:
    (library / INDEX_FOLDER / "BIGRAMS").unlink()


DAMAGE: dict[str, Callable[[Path], None]] = {
    "delete the index folder": delete_folder,
    "delete a segment": delete_segment,
    "truncate a segment": truncate_segment,
    "garble the middle of a segment": garble_segment_middle,
    "garble the end of a segment": garble_segment_end,
    "empty a segment": empty_file,
    "garble the table of contents": garble_toc,
    "delete the table of contents": delete_toc,
    "delete the bigram vocabulary": delete_vocabulary,
}


def assert_search_finds_everything(library: Library) -> None:
    stored = database_ids(library.folder)
    assert len(stored) == ARTICLES
    assert set(index_ids(library.folder)) == stored
    for article_id in stored:
        article = library.get_article(article_id)
        assert article is not None
        found = library.search(f'title:"{article.title}"', limit=ARTICLES)
        assert article_id in {hit.id for hit in found.hits}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_damage_is_rebuilt_at_open(library_dir: Path, damage: Callable[[Path], None]) -> None:
    damage(library_dir)
    reports: list[RebuildProgress] = []
    with Library.open(library_dir, progress=reports.append) as library:
        assert reports, "the damage went unnoticed"
        assert reports[-1].done == reports[-1].total == ARTICLES
        assert_search_finds_everything(library)


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_cli_reports_the_rebuild(
    library_dir: Path, damage: Callable[[Path], None], capsys: pytest.CaptureFixture[str]
) -> None:
    damage(library_dir)
    assert main(["--library", str(library_dir), "search", "--json", "報道"]) == 0
    err = capsys.readouterr().err
    assert "rebuilding it: 0/30 articles" in err and "rebuilding it: 30/30 articles" in err
    assert "Traceback" not in err
    with Library.open(library_dir) as library:
        assert_search_finds_everything(library)


def test_intact_index_is_not_rebuilt(library_dir: Path) -> None:
    reports: list[RebuildProgress] = []
    with Library.open(library_dir, progress=reports.append) as library:
        assert_search_finds_everything(library)
    assert reports == []


def test_leftover_write_lock_file_is_harmless(library_dir: Path) -> None:
    (library_dir / INDEX_FOLDER / WRITE_LOCK).write_bytes(b"")
    with Library.open(library_dir) as library:
        assert not library.index_behind
        library.add_tag(min(database_ids(library_dir)), "checked")
        assert library.search("tag:checked").total == 1


@pytest.fixture
def lock_holder(library_dir: Path) -> Iterator[subprocess.Popen[str]]:
    """A process holding Whoosh's write lock, as a killed writer's leftover child would."""
    script = (
        "import fcntl, os, sys; fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT);"
        " fcntl.flock(fd, fcntl.LOCK_EX); print('locked', flush=True); sys.stdin.read()"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", script, str(library_dir / INDEX_FOLDER / WRITE_LOCK)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
    yield holder
    holder.communicate(timeout=10)


@pytest.mark.skipif(sys.platform == "win32", reason="the lock holder uses fcntl")
def test_write_lock_held_by_a_leftover_process_is_broken(
    library_dir: Path, lock_holder: subprocess.Popen[str]
) -> None:
    with Library.open(library_dir) as library:
        assert not library.index_behind
        library.add_tag(min(database_ids(library_dir)), "checked")
        assert library.search("tag:checked").total == 1
    assert lock_holder.poll() is None  # it is still there, but no longer in the way
