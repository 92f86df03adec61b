"""Shared test configuration: hypothesis profiles, and a guard that refuses every network connection but to a local test server.

Profiles (choose with ``HYPOTHESIS_PROFILE``): ``dev`` (50 examples, the
default on a workstation, random: each run explores new cases), ``ci`` (300
examples, the default when ``CI`` is set; derandomized, so that a run on a
clean clone is reproducible and a red CI always means a change broke
something) and ``thorough`` (5,000 random examples, for dedicated runs before
a release; pass ``--timeout 0``, the slowest properties take longer than the
per-test timeout at that size).  Whatever a random run finds becomes an
``@example`` on its test, so the CI run checks it from then on.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}
settings.register_profile("dev", max_examples=50, **_COMMON)
settings.register_profile("ci", max_examples=300, derandomize=True, print_blob=True, **_COMMON)
settings.register_profile("thorough", max_examples=5_000, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


# --------------------------------------------------------------------------- the socket guard

#: The only addresses a test may connect to: local test servers on the loopback address.
ALLOWED_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})


class NetworkGuardError(ConnectionRefusedError):
    """A test tried to connect somewhere other than a local test server."""


def _allowed(address: Any) -> bool:
    if isinstance(address, (str, bytes)):  # an AF_UNIX path: no network
        return True
    host = address[0] if isinstance(address, tuple) and address else None
    if host in ALLOWED_HOSTS:
        return True
    try:
        return str(ipaddress.ip_address(host)) in ALLOWED_HOSTS
    except ValueError:
        return False


def _guarded(method: Any) -> Any:
    def connect(self: socket.socket, address: Any) -> Any:
        if not _allowed(address):
            raise NetworkGuardError(f"tests may not open network connections: {address!r}")
        return method(self, address)

    return connect


@pytest.fixture(autouse=True, scope="session")
def socket_guard() -> Iterator[None]:
    """Refuse every connection except to 127.0.0.1 / ::1 (local test servers), for every test.

    Parsers never touch the network; a test that reached it would be flaky and would hide a
    parser that does.  Child processes a test starts are not covered.
    """
    original = socket.socket.connect, socket.socket.connect_ex
    socket.socket.connect = _guarded(original[0])  # type: ignore[method-assign]
    socket.socket.connect_ex = _guarded(original[1])  # type: ignore[method-assign]
    try:
        yield
    finally:
        socket.socket.connect, socket.socket.connect_ex = original  # type: ignore[method-assign]


# --------------------------------------------------------------------------- plugins installed on this machine

def _made_by_a_test(entry_point: Any) -> bool:
    """Whether a format plugin's distribution was put on ``sys.path`` by a test (under
    pytest's temporary folders) rather than installed on this machine."""
    where = getattr(getattr(entry_point, "dist", None), "_path", None)
    return where is not None and "pytest-of-" in str(where)


def _isolate_installed_plugins() -> None:
    """Entry points of plugins installed in the environment (``pip install ./examples/plugin``)
    are invisible to the tests, so the suite gives the same result on every machine; the
    plugin tests make their own (a fake distribution in a temporary folder, or a patched
    ``entry_points``)."""
    import articlekit._registry as registry

    real = registry.entry_points

    def entry_points(*, group: str) -> list[Any]:
        return [ep for ep in real(group=group) if _made_by_a_test(ep)]

    registry.entry_points = entry_points  # type: ignore[assignment]


_isolate_installed_plugins()
