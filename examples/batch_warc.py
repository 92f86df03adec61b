"""Batch a WARC archive: build a small one from the example pages, then parse every HTML response.

Needs the WARC extra: pip install "articlekit[warc]".
Run: python examples/batch_warc.py [ARCHIVE.warc.gz]   (default: builds example.warc.gz here)
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import articlekit

HERE = Path(__file__).resolve().parent


def build_archive(path: Path) -> None:
    """Write the example HTML page, and one broken response, as WARC response records."""
    pages = {
        "https://dispatch.example/world/no-new-talks": (HERE / "pages" / "kremlin-talks.html").read_bytes(),
        "https://dispatch.example/empty": b"",
    }
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, body in pages.items():
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(record)


def main(argv: list[str]) -> int:
    archive = Path(argv[0]) if argv else Path("example.warc.gz")
    if not argv:
        build_archive(archive)
    ok = failed = 0
    for result in articlekit.parse_many([archive], jobs=2):
        if result.ok and result.article is not None:
            ok += 1
            print(f"ok     {result.url}  {result.article.title!r}  {len(result.article.quotes)} quotes")
        else:
            failed += 1
            print(f"failed {result.name}: {result.error}: {result.message}")
    print(f"{ok} parsed, {failed} failed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
