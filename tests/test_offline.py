"""The test suite's network guard works, so every other test proves the app stays offline."""

from __future__ import annotations

import socket

import pytest

from tests.conftest import NetworkAccessError


def test_internet_connections_fail_inside_tests() -> None:
    with (
        socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock,
        pytest.raises(NetworkAccessError),
    ):
        sock.connect(("127.0.0.1", 9))


def test_local_unix_sockets_still_work() -> None:
    left, right = socket.socketpair()
    with left, right:
        left.sendall(b"ok")
        assert right.recv(2) == b"ok"
