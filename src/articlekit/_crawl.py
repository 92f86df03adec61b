"""Fetching a list of URLs politely, for ``articlekit batch --url/--urls-from-file``.

In order, for each URL of the list (read lazily; a URL met again is fetched once):
its host's ``robots.txt`` is read once (a 4xx answer allows everything; a 5xx answer or
no answer at all disallows the host, as RFC 9309 says), a URL it disallows fails without
a request; then the page is fetched by :func:`articlekit._fetch.fetch` (``http``/``https``
only, no redirect to another scheme, a total time limit, a size cap), never two at once
from one host and at least ``delay`` seconds (or the host's ``Crawl-delay``) apart.
Hosts are fetched in parallel, a bounded window of URLs ahead; the jobs come out in the
order of the list.  Every URL gives exactly one job: its page, or a failure saying why.
"""

from __future__ import annotations

import contextlib
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from articlekit._batch._inputs import _Job
from articlekit._errors import FetchError
from articlekit._fetch import USER_AGENT, fetch
from articlekit._input import MEDIA_TYPES

__all__ = ["PoliteFetcher"]

_ROBOTS_MAX_BYTES = 512 * 1024
_AGENT_TOKEN = "articlekit"


class _Host:
    """One host's turn-taking: a lock (one request at a time), when the next may start,
    and its robots.txt rules (None until read)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.next_start = 0.0
        self.robots: RobotFileParser | None = None
        self.refusal: str | None = None  # why the whole host is off limits


class PoliteFetcher:
    """Fetches URLs with per-host concurrency 1, a delay between requests to one host and
    robots.txt honoured; :meth:`jobs` turns a list of URLs into batch jobs.

    :param skip: called with each URL first; a URL for which it returns true is left out
        (``--resume``: it was done in an earlier run).
    """

    def __init__(
        self,
        *,
        delay: float = 1.0,
        timeout: float = 20.0,
        max_bytes: int = 32 * 1024 * 1024,
        robots: bool = True,
        hosts: int = 8,
        window: int = 64,
        skip: Callable[[str], bool] | None = None,
    ) -> None:
        self.delay = delay
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.robots = robots
        self.hosts_at_once = hosts
        self.window = window
        self.skip = skip
        self._hosts: dict[str, _Host] = {}
        self._hosts_lock = threading.Lock()

    def _host(self, origin: str) -> _Host:
        with self._hosts_lock:
            host = self._hosts.get(origin)
            if host is None:
                host = self._hosts[origin] = _Host()
            return host

    def _wait_turn(self, host: _Host) -> None:
        pause = host.next_start - time.monotonic()
        if pause > 0:
            time.sleep(pause)

    def _done(self, host: _Host) -> None:
        delay = self.delay
        if host.robots is not None:
            crawl_delay = host.robots.crawl_delay(_AGENT_TOKEN)
            if crawl_delay is not None:
                with contextlib.suppress(TypeError, ValueError):
                    delay = max(delay, min(float(crawl_delay), 60.0))
        host.next_start = time.monotonic() + delay

    def _read_robots(self, origin: str, host: _Host) -> None:
        """Read *origin*'s robots.txt (the host's lock is held)."""
        rules = RobotFileParser()
        self._wait_turn(host)
        try:
            page = fetch(f"{origin}/robots.txt", timeout=self.timeout, max_bytes=_ROBOTS_MAX_BYTES, user_agent=USER_AGENT)
        except FetchError as exc:
            status = re.search(r"HTTP (\d{3})", str(exc))
            if status and 400 <= int(status.group(1)) < 500:
                rules.parse([])  # no robots.txt: everything is allowed
            else:
                host.refusal = f"robots.txt of {origin} could not be read ({exc}), so the site is not fetched"
            self._done(host)
            host.robots = rules
            return
        rules.parse(page.data.decode("utf-8", "replace").splitlines())
        host.robots = rules
        self._done(host)

    def fetch_one(self, url: str) -> _Job:
        """*url*'s page as a job, or a failed job saying why; never raises."""
        try:
            parts = urlsplit(url)
            if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
                return _Job(url, url=url, error="FetchError", message="only http and https URLs can be fetched")
            origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        except ValueError as exc:
            return _Job(url, url=url, error="FetchError", message=f"not a valid URL ({exc})")
        host = self._host(origin)
        with host.lock:
            if self.robots and host.robots is None and host.refusal is None:
                self._read_robots(origin, host)
            if self.robots and host.refusal is not None:
                return _Job(url, url=url, error="FetchError", message=host.refusal)
            if self.robots and host.robots is not None and not host.robots.can_fetch(_AGENT_TOKEN, url):
                return _Job(url, url=url, error="FetchError", message="robots.txt disallows this URL; not fetched")
            self._wait_turn(host)
            try:
                page = fetch(url, timeout=self.timeout, max_bytes=self.max_bytes)
            except FetchError as exc:
                return _Job(url, url=url, error="FetchError", message=str(exc))
            except Exception as exc:  # a bug must not stop the run: the URL fails, the rest go on
                return _Job(url, url=url, error=type(exc).__name__, message=str(exc) or type(exc).__name__)
            finally:
                self._done(host)
        source = MEDIA_TYPES.get(page.media_type or "")
        return _Job(url, url=page.url, format=source, encoding=page.charset, data=page.data)

    def jobs(self, urls: Iterable[str]) -> Iterator[_Job]:
        """One job per distinct URL of *urls*, in their order (fetched a window ahead)."""
        seen: set[str] = set()
        pending: list[Future[_Job]] = []
        source = iter(urls)
        pool = ThreadPoolExecutor(max_workers=self.hosts_at_once, thread_name_prefix="articlekit-fetch")
        try:
            exhausted = False
            while True:
                while not exhausted and len(pending) < self.window:
                    url = next(source, None)
                    if url is None:
                        exhausted = True
                        break
                    url = url.strip()
                    if url in seen or (self.skip is not None and self.skip(url)):
                        continue
                    seen.add(url)
                    pending.append(pool.submit(self.fetch_one, url))
                if not pending:
                    return
                yield pending.pop(0).result()
        finally:
            # Stopped early (Ctrl-C, a closed pipe): no new fetch starts, none is waited for.
            pool.shutdown(wait=False, cancel_futures=True)
