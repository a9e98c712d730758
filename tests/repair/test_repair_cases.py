"""The JSON corpus of damaged inputs and expected repairs (tests/data/repair_cases.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from index.repair import repair_text

CASES_FILE = Path(__file__).resolve().parents[1] / "data" / "repair_cases.json"


def _cases() -> list[Any]:
    cases = json.loads(CASES_FILE.read_text(encoding="utf-8"))["cases"]
    params = []
    for case in cases:
        marks = [pytest.mark.xfail(strict=True, reason="language model limit")]
        params.append(
            pytest.param(case, id=case["name"], marks=marks if case.get("known_failure") else [])
        )
    return params


@pytest.mark.parametrize("case", _cases())
def test_case(case: dict[str, Any]) -> None:
    result = repair_text(case["damaged"])
    if case.get("unchanged"):
        assert result.text == case["damaged"]
        assert result.repairs == []
    else:
        assert result.text == case["expected"]
        assert result.damaged
