"""The socket guard of ``conftest.py`` refuses connections, and lets local test servers through."""

from __future__ import annotations

import socket
import threading

import pytest

from conftest import NetworkGuardError


def _server(host: str) -> tuple[socket.socket, int]:
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind((host, 0))
    server.listen(1)
    return server, server.getsockname()[1]


def test_the_guard_refuses_a_connection_to_a_listening_server_it_does_not_allow():
    # 127.0.0.2 is loopback too, so a broken guard connects to this local server, sends
    # nothing anywhere else, and the test fails.
    server, port = _server("127.0.0.2")
    with server, socket.socket(socket.AF_INET, socket.SOCK_STREAM) as client:
        client.settimeout(2)
        with pytest.raises(NetworkGuardError, match=r"127\.0\.0\.2"):
            client.connect(("127.0.0.2", port))
        with pytest.raises(NetworkGuardError):
            client.connect_ex(("127.0.0.2", port))
        with pytest.raises(NetworkGuardError):
            socket.create_connection(("127.0.0.2", port), timeout=2)


def test_the_guard_lets_a_local_test_server_through():
    server, port = _server("127.0.0.1")
    accepted: list[bytes] = []

    def accept() -> None:
        conn, _ = server.accept()
        with conn:
            accepted.append(conn.recv(5))

    thread = threading.Thread(target=accept)
    thread.start()
    with server, socket.create_connection(("127.0.0.1", port), timeout=5) as client:
        client.sendall(b"hello")
        thread.join(5)
    assert accepted == [b"hello"]
