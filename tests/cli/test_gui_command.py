"""Tests for ``gui --quit-after MS``: start-up checks quit once the window has been shown.

The runs that start an event loop happen in a child process: running ``exec()`` on the test
session's shared QApplication upsets PySide6 at interpreter exit.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from desktop.cli.main import build_parser

FAKE_APP = textwrap.dedent(
    """
    import sys, types
    from PySide6.QtWidgets import QApplication, QWidget
    from desktop.cli.main import main

    app = QApplication([])
    module = types.ModuleType("desktop.app")
    windows = []

    def run(args):
        window = QWidget()
        window.setWindowTitle("Archive Reader — test")
        windows.append(window)
        if SHOW_WINDOW:
            window.show()
        return int(app.exec())

    module.create_application = lambda: app
    module.run = run
    sys.modules["desktop.app"] = module
    sys.exit(main(["gui", "--quit-after", "10"]))
    """
)


def run_with_fake_app(show_window: bool) -> subprocess.CompletedProcess[str]:
    script = f"SHOW_WINDOW = {show_window}\n{FAKE_APP}"
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def test_quit_after_is_parsed_in_milliseconds() -> None:
    assert build_parser().parse_args(["gui", "--quit-after", "1500"]).quit_after_ms == 1500
    assert build_parser().parse_args(["gui"]).quit_after_ms is None


def test_negative_quit_after_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args(["gui", "--quit-after", "-1"])
    assert exit_.value.code == 2
    assert "must be 0 or more" in capsys.readouterr().err


def test_quit_after_reports_the_shown_window_and_exits_0() -> None:
    done = run_with_fake_app(show_window=True)
    assert done.returncode == 0, done.stderr
    expected = "archive-reader: window shown: Archive Reader — test; quitting after 10 ms\n"
    assert expected in done.stderr


def test_quit_after_without_a_window_exits_1() -> None:
    done = run_with_fake_app(show_window=False)
    assert done.returncode == 1, done.stderr
    assert "no window was shown within 10 ms" in done.stderr
