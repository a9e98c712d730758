"""Pinyin readings come from pypinyin's table, without importing the pypinyin package."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from index.repair import pinyin

ROOT = Path(__file__).resolve().parents[2]


def test_readings_are_pypinyins() -> None:
    from pypinyin.pinyin_dict import pinyin_dict

    for char in "行長重中国樂":
        assert pinyin.readings(char) == tuple(pinyin_dict[ord(char)].split(","))
    assert pinyin.readings("a") == ()
    assert pinyin.pinyin_dict_file() == sys.modules["pypinyin.pinyin_dict"].__file__
    assert pinyin.is_annotation_syllable("xíng")


def test_repairing_does_not_import_pypinyin(tmp_path: Path) -> None:
    """Its package loads phrase tables (~0.4 s) that every import waited for: the readings
    come from the table cache, which only the first run (``cold``) builds from pypinyin."""
    script = (
        "import json, sys\n"
        "from index.repair import repair_text\n"
        "from index.repair.pinyin import readings\n"
        "repair_text('中國(zhong)人(ren)')\n"
        "assert readings('行')[0] == 'xíng'\n"
        "print(json.dumps([name for name in sys.modules if name.startswith('pypinyin')]))\n"
    )
    for run in ("cold", "warm"):  # cold: the cache is built; warm: it is read
        done = subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env={"XDG_CACHE_HOME": str(tmp_path), "PATH": ""},
            capture_output=True,
            text=True,
            check=True,
        )
        modules = json.loads(done.stdout)
        assert bool(modules) == (run == "cold"), modules


def test_missing_pypinyin_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ModuleNotFoundError):
        pinyin.pinyin_dict_file()
