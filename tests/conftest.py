"""Fixtures shared by all tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.corpus import FEED_DUMP, PAGE_DUMP


@pytest.fixture
def page_dump() -> Path:
    return PAGE_DUMP


@pytest.fixture
def feed_dump() -> Path:
    return FEED_DUMP
