"""Concurrent use: one writer per library, a busy library opens read-only or makes imports wait."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop.cli.main import main
from desktop.main_window import MainWindow
from desktop.settings import AppSettings
from index.library import Library, LibraryBusyError, LibraryError
from index.library.lock import LibraryLock
from tests.reliability.library_state import database_ids, index_ids, integrity, write_dumps

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def dumps(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("concurrent") / "dumps"
    write_dumps(folder, 6)
    return folder


@pytest.fixture(scope="module")
def template(dumps: Path) -> Path:
    folder = dumps.parent / "library"
    with Library.open(folder) as library:
        library.import_paths([dumps / "0000.txt", dumps / "0001.txt"], procs=1)
    return folder


@pytest.fixture
def library_dir(template: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(template, tmp_path / "library"))


def test_second_open_is_read_only_and_refuses_to_write(library_dir: Path, dumps: Path) -> None:
    with Library.open(library_dir) as first, Library.open(library_dir) as second:
        assert not first.read_only and second.read_only
        with pytest.raises(LibraryError, match="read-only: another Archive Reader"):
            second.import_paths([dumps], procs=1)
        with pytest.raises(LibraryError, match="read-only"):
            second.add_tag(min(database_ids(library_dir)), "mine")
        assert second.search("報道").total == 2  # reading works
    with Library.open(library_dir) as again:
        assert not again.read_only  # the lock went with the first library


def test_waiting_writer_gives_up_with_a_clear_error(library_dir: Path) -> None:
    messages: list[str] = []
    with (
        Library.open(library_dir),
        pytest.raises(LibraryBusyError, match="in use by another Archive Reader"),
    ):
        Library.open(library_dir, wait=0.3, on_wait=messages.append)
    assert len(messages) == 1 and "waiting up to" in messages[0]


def test_the_lock_dies_with_its_process(library_dir: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from index.library import Library;"
            " library = Library.open(sys.argv[1]); print('open', flush=True); sys.stdin.read()",
            str(library_dir),
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        lock = LibraryLock(library_dir)
        with pytest.raises(LibraryBusyError, match=rf"process {holder.pid}"):
            lock.acquire()
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
        lock.acquire(timeout=2)
        lock.release()
    finally:
        if holder.poll() is None:
            holder.kill()
        holder.communicate(timeout=10)


def test_cli_import_while_the_gui_has_the_library_waits_then_fails(
    library_dir: Path, dumps: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Library.open(library_dir):
        status = main(["--library", str(library_dir), "import", "--wait", "0.5", str(dumps)])
    err = capsys.readouterr().err
    assert status == 1
    assert "in use by another Archive Reader" in err and "waiting up to" in err
    assert err.strip().splitlines()[-1].endswith("close it or try again later")
    assert len(database_ids(library_dir)) == 2 and integrity(library_dir) == "ok"


def test_cli_import_goes_ahead_when_the_gui_closes(library_dir: Path, dumps: Path) -> None:
    holder = Library.open(library_dir)
    importer = subprocess.Popen(
        [
            *(sys.executable, "-m", "desktop.cli.main", "--library", str(library_dir)),
            *("import", "--wait", "60", str(dumps)),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert importer.stderr is not None
        assert "waiting up to 60 s" in importer.stderr.readline()
        holder.close()
        out, err = importer.communicate(timeout=120)
    finally:
        holder.close()
        if importer.poll() is None:
            importer.kill()
            importer.communicate()
    assert importer.returncode == 0, err
    assert "4 articles added" in out
    stored = database_ids(library_dir)
    assert len(stored) == 6 and set(index_ids(library_dir)) == stored


def test_second_window_shows_read_only_banner(
    qtbot: QtBot, library_dir: Path, tmp_path: Path
) -> None:
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    with Library.open(library_dir) as first, Library.open(library_dir) as second:
        writer = MainWindow(first, settings)
        reader = MainWindow(second, settings)
        for window in (writer, reader):
            qtbot.addWidget(window)
            window.show()
        try:
            assert not hasattr(writer, "read_only_banner") and writer.import_action.isEnabled()
            assert reader.read_only_banner.isVisible()
            assert "another Archive Reader" in reader.read_only_banner.text()
            for action in (
                reader.import_action,
                reader.import_files_action,
                reader.add_tag_action,
                reader.remove_tag_action,
            ):
                assert not action.isEnabled()
            assert not reader.acceptDrops()
            assert reader.article_model.rowCount() == 2  # it still reads
        finally:
            writer.shutdown()
            reader.shutdown()
