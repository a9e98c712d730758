"""Fixtures shared by all tests."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from tests.helpers.corpus import FEED_DUMP, PAGE_DUMP

# Every test runs headless, on a desktop or in CI alike.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# In CI (CI=true) property tests draw the same examples on every run, so a result never
# depends on luck; on a developer's machine they explore. `make fuzz` runs longer searches.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("dev")
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture
def page_dump() -> Path:
    return PAGE_DUMP


@pytest.fixture
def feed_dump() -> Path:
    return FEED_DUMP


class NetworkAccessError(AssertionError):
    """Archive Reader works offline; any attempt to reach the network is a bug."""


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail any test in which the code under test opens an internet connection."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def guard(sock: socket.socket, address: object) -> None:
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            raise NetworkAccessError(f"network access to {address!r}")

    def connect(sock: socket.socket, address: object) -> None:
        guard(sock, address)
        real_connect(sock, address)  # type: ignore[arg-type]

    def connect_ex(sock: socket.socket, address: object) -> int:
        guard(sock, address)
        return real_connect_ex(sock, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    yield
