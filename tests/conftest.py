"""Fixtures shared by all tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers.corpus import FEED_DUMP, PAGE_DUMP

# Every test runs headless, on a desktop or in CI alike.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def page_dump() -> Path:
    return PAGE_DUMP


@pytest.fixture
def feed_dump() -> Path:
    return FEED_DUMP
