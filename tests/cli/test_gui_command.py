"""Tests for ``gui --quit-after MS``: start-up checks quit once the window has been shown."""

from __future__ import annotations

import argparse
import sys
import types

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from desktop.cli.main import build_parser, main


def fake_app(qapp: QApplication, show_window: bool) -> types.ModuleType:
    """A stand-in for ``desktop.app``: the same two entry points, one plain window."""
    module = types.ModuleType("desktop.app")
    windows: list[QWidget] = []

    def run(args: argparse.Namespace) -> int:
        window = QWidget()
        window.setWindowTitle("Archive Reader — test")
        windows.append(window)
        if show_window:
            window.show()
        status = module.create_application().exec()
        window.close()
        return int(status)

    module.create_application = lambda: qapp  # type: ignore[attr-defined]
    module.run = run  # type: ignore[attr-defined]
    return module


def test_quit_after_is_parsed_in_milliseconds() -> None:
    assert build_parser().parse_args(["gui", "--quit-after", "1500"]).quit_after_ms == 1500
    assert build_parser().parse_args(["gui"]).quit_after_ms is None


def test_negative_quit_after_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args(["gui", "--quit-after", "-1"])
    assert exit_.value.code == 2
    assert "must be 0 or more" in capsys.readouterr().err


def test_quit_after_reports_the_shown_window_and_exits_0(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "desktop.app", fake_app(qapp, show_window=True))
    assert main(["gui", "--quit-after", "10"]) == 0
    err = capsys.readouterr().err
    assert "archive-reader: window shown: Archive Reader — test; quitting after 10 ms\n" in err


def test_quit_after_without_a_window_exits_1(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "desktop.app", fake_app(qapp, show_window=False))
    assert main(["gui", "--quit-after", "10"]) == 1
    assert "no window was shown within 10 ms" in capsys.readouterr().err
