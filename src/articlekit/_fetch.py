"""A small URL fetcher for :func:`articlekit.parse_url` and the command line.

The library's parse functions never touch the network; only
:func:`articlekit.parse_url`, the command line's ``parse`` and ``quotes`` and
``batch --url`` call :func:`fetch`.  It speaks ``http`` and
``https`` only, sends an ``articlekit`` User-Agent, gives up after a total
time limit (a server that trickles bytes is cut off, not waited for) and
refuses a body larger than a size cap, checked against ``Content-Length``
first and against the bytes actually read.
"""

from __future__ import annotations

import http.client
import socket
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


def _opener() -> urllib.request.OpenerDirector:
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
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
    try:
        with _opener().open(request, timeout=timeout) as response:
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
    except urllib.error.HTTPError as exc:
        exc.close()
        raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise FetchError(f"{url}: no response within {timeout:g} s") from None
        if isinstance(reason, socket.gaierror):
            host = urlsplit(url).hostname or url
            raise FetchError(f"{url}: cannot find the host {host!r} (its name does not resolve; check the spelling)") from None
        if isinstance(reason, ConnectionRefusedError):
            raise FetchError(f"{url}: the server refused the connection") from None
        raise FetchError(f"{url}: {getattr(reason, 'strerror', None) or reason}") from None
    except TimeoutError:
        raise FetchError(f"{url}: no response within {timeout:g} s") from None
    except (OSError, ValueError, http.client.HTTPException) as exc:  # reset, bad status line, bad URL
        raise FetchError(f"{url}: {exc}") from None
    return Fetched(b"".join(chunks), final, media_type, charset)
