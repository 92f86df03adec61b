"""A small URL fetcher for :func:`articlekit.parse_url` and the command line.

The library's parse functions never touch the network; only
:func:`articlekit.parse_url`, the command line's ``parse`` and ``quotes`` and
``batch --url`` call :func:`fetch`.  It speaks ``http`` and
``https`` only, sends an ``articlekit`` User-Agent, gives up after a total
time limit (a server that trickles bytes is cut off, not waited for: a timer
shuts the connection's socket down at the deadline, whichever phase -- TLS
handshake, status line, headers or body -- is waiting) and
refuses a body larger than a size cap, checked against ``Content-Length``
first and against the bytes actually read.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import time
import urllib.error
import urllib.request
from email.message import Message
from typing import Any
from urllib.parse import urlsplit

import attrs

from articlekit._errors import FetchError
from articlekit._version import __version__

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_TIMEOUT", "USER_AGENT", "Fetched", "fetch"]

#: Seconds a whole fetch may take (connecting, waiting and reading).
DEFAULT_TIMEOUT = 20.0
#: The largest body accepted, in bytes.
DEFAULT_MAX_BYTES = 32 * 1024 * 1024
#: The User-Agent header sent.
USER_AGENT = f"articlekit/{__version__} (+https://github.com/articlekit/articlekit)"

_CHUNK = 64 * 1024


@attrs.frozen
class Fetched:
    """A fetched page: its body, the final URL (after redirects), media type and charset."""

    data: bytes
    url: str
    media_type: str | None
    charset: str | None


def _is_url(text: str) -> bool:
    return urlsplit(text).scheme.lower() in ("http", "https")


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects to http and https URLs only (never ftp, file or data)."""

    def redirect_request(
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: http.client.HTTPMessage, newurl: str
    ) -> urllib.request.Request | None:
        if not _is_url(newurl):
            fp.close()
            raise FetchError(f"{req.full_url}: refusing a redirect to {newurl!r}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _Deadline:
    """Shuts down every socket of one fetch when its deadline passes (from a timer thread)."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.expired = False
        self._timers: list[threading.Timer] = []
        self._lock = threading.Lock()
        self._done = False

    def arm(self, sock: socket.socket) -> None:
        fd = sock.fileno()
        timer = threading.Timer(max(self.deadline - time.monotonic(), 0.0), self._expire, (fd,))
        timer.daemon = True
        with self._lock:
            if self._done:
                return
            self._timers.append(timer)
        timer.start()

    def _expire(self, fd: int) -> None:
        with self._lock:
            if self._done:
                return
            self.expired = True
            # By descriptor: a TLS socket takes over the plain socket's descriptor.  The
            # fetch is still running (cancel() has not run), so the descriptor is its own.
            with contextlib.suppress(OSError):
                probe = socket.socket(fileno=fd)
                try:
                    probe.shutdown(socket.SHUT_RDWR)
                finally:
                    probe.detach()

    def cancel(self) -> None:
        with self._lock:
            self._done = True
            timers, self._timers = self._timers, []
        for timer in timers:
            timer.cancel()


def _connection(base: type[http.client.HTTPConnection], deadline: _Deadline) -> Any:
    class Connection(base):  # type: ignore[valid-type,misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._create_connection = self._connect_with_deadline

        def _connect_with_deadline(self, *args: Any, **kwargs: Any) -> socket.socket:
            sock = socket.create_connection(*args, **kwargs)
            deadline.arm(sock)
            return sock

    return Connection


def _opener(deadline: _Deadline) -> urllib.request.OpenerDirector:
    http_connection = _connection(http.client.HTTPConnection, deadline)
    https_connection = _connection(http.client.HTTPSConnection, deadline)

    class HTTPHandler(urllib.request.HTTPHandler):
        def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(http_connection, req)

    class HTTPSHandler(urllib.request.HTTPSHandler):
        def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(https_connection, req, context=getattr(self, "_context", None))

    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        HTTPHandler(),
        HTTPSHandler(),
        _Redirects(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def fetch(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    user_agent: str = USER_AGENT,
) -> Fetched:
    """Fetch *url* (``http`` or ``https``) and return its body.

    :raises FetchError: a URL of another scheme, a network error, an HTTP
        error status, more than *timeout* seconds in all, or a body over
        *max_bytes*.
    """
    if not _is_url(url):
        raise FetchError(f"only http and https URLs can be fetched, not {url!r}")
    request = urllib.request.Request(url, headers={"User-Agent": user_agent, "Accept-Encoding": "identity"})
    deadline = time.monotonic() + timeout
    guard = _Deadline(deadline)
    try:
        with _opener(guard).open(request, timeout=timeout) as response:
            headers: Message = response.headers
            length = headers.get("Content-Length")
            if length is not None and length.strip().isdigit() and int(length) > max_bytes:
                raise FetchError(f"{url}: the response is {int(length):,} bytes, over the {max_bytes:,}-byte cap")
            chunks: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() > deadline:
                    raise FetchError(f"{url}: no complete response within {timeout:g} s")
                chunk = response.read1(_CHUNK)
                if not chunk:
                    if guard.expired:  # the timer shut the socket down: not the end of the body
                        raise FetchError(f"{url}: no complete response within {timeout:g} s")
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"{url}: the response is over the {max_bytes:,}-byte cap")
                chunks.append(chunk)
            final = response.geturl()
            media_type = headers.get_content_type() if headers.get("Content-Type") else None
            charset = headers.get_content_charset()
    except FetchError:
        raise
    except Exception:
        if guard.expired or time.monotonic() > deadline:
            raise FetchError(f"{url}: no complete response within {timeout:g} s") from None
        try:
            raise
        except urllib.error.HTTPError as exc:
            exc.close()
            raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError):
                raise FetchError(f"{url}: no response within {timeout:g} s") from None
            if isinstance(reason, socket.gaierror):
                host = urlsplit(url).hostname or url
                raise FetchError(
                    f"{url}: cannot find the host {host!r} (its name does not resolve; check the spelling)"
                ) from None
            if isinstance(reason, ConnectionRefusedError):
                raise FetchError(f"{url}: the server refused the connection") from None
            raise FetchError(f"{url}: {getattr(reason, 'strerror', None) or reason}") from None
        except TimeoutError:
            raise FetchError(f"{url}: no response within {timeout:g} s") from None
        except (OSError, ValueError, http.client.HTTPException) as exc:  # reset, bad status line, bad URL
            raise FetchError(f"{url}: {exc}") from None
    finally:
        guard.cancel()
    return Fetched(b"".join(chunks), final, media_type, charset)
