"""A local HTTP server for the tests (and ``benchmarks/batch_acceptance.py``).

:func:`serve` runs a :class:`QuietHandler` subclass on ``127.0.0.1`` at a free port, in a
thread of its own, for the length of a ``with`` block, and yields its base URL.  The
handler class is subclassed per server with ``stop`` (an event set when the server stops:
a handler that waits, as a slow page does, waits on it) and the attributes given.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class QuietHandler(BaseHTTPRequestHandler):
    """A request handler that logs nothing and answers with :meth:`send`."""

    stop: threading.Event
    #: The Content-Type of :meth:`send` when none is given.
    content_type = "text/html; charset=utf-8"

    def log_message(self, format: str, *args: object) -> None:
        """Nothing: the server's per-request log would fill the test output."""

    def before_answer(self) -> None:
        """Called once the answer's status and headers are set, before the client can read any of it."""

    def send(self, status: int, body: bytes, content_type: str | None = None, **headers: str) -> None:
        """Answer with *status*, *body* (its Content-Length set) and *headers*."""
        self.send_response(status)
        self.send_header("Content-Type", content_type or self.content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.before_answer()
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(handler: type[QuietHandler], *, join_handlers: bool = False, **attributes: Any) -> Iterator[str]:
    """Serve *handler* on a free local port; yield ``http://127.0.0.1:PORT``.

    On leaving, ``stop`` is set and the server shut down; with *join_handlers*, closing the
    server also waits for every handler thread (all sockets closed before the test ends).
    """
    stop = threading.Event()
    handler_class = type(handler.__name__, (handler,), {"stop": stop, **attributes})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler_class)
    httpd.daemon_threads = not join_handlers
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        stop.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(10)
