"""Tests for the ``archive-reader`` entry point: version, global options, gui hand-over."""

from __future__ import annotations

import argparse
import sys
import types
from pathlib import Path

import pytest

from desktop.cli.main import COMMAND_MODULES, build_parser, main, package_version


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"archive-reader {package_version()}\n"


def test_library_is_a_global_option() -> None:
    args = build_parser().parse_args(["--library", "/tmp/lib", "repair", "x.txt"])
    assert args.library == Path("/tmp/lib")
    assert build_parser().parse_args(["repair", "x.txt"]).library is None


def test_every_command_module_registers_a_handler() -> None:
    parser = build_parser()
    for module in COMMAND_MODULES:
        assert callable(module.register)
    for command in ("repair", "gui"):
        argv = [command, "x"] if command == "repair" else [command]
        assert callable(parser.parse_args(argv).handler)


@pytest.mark.parametrize("argv", [[], ["gui"]])
def test_gui_without_the_app_says_so(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "desktop.app", None)  # makes the import fail
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("archive-reader: ") and err.count("\n") == 1


@pytest.mark.parametrize("argv", [[], ["--library", "lib", "gui"]])
def test_gui_hands_over_to_the_app(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[argparse.Namespace] = []
    app = types.ModuleType("desktop.app")

    def run(args: argparse.Namespace) -> int:
        seen.append(args)
        return 7

    app.run = run  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "desktop.app", app)
    assert main(argv) == 7
    assert len(seen) == 1
    assert seen[0].library == (Path("lib") if argv else None)
