"""Where the tests find the shared development corpora: beside the repository, or fail.

The corpora live in ``shared/corpus/`` next to the clone (as on every developer's machine
and in CI).  A test that needs one asks :func:`corpus_pages`; when the corpus is missing
the test fails with a message that says where it looked, so it never silently tests less.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"


def corpus_pages(name: str, limit: int) -> list[Path]:
    """The first *limit* pages (``html/*.html.gz``, sorted) of the corpus *name*.

    :raises FileNotFoundError: the corpus is not there, or holds fewer than *limit* pages.
    """
    folder = SHARED / name / "html"
    pages = sorted(folder.glob("*.html.gz"))[:limit]
    if len(pages) < limit:
        raise FileNotFoundError(
            f"{folder}: {len(pages)} pages found, {limit} needed; the shared corpora must sit "
            "beside the repository (shared/corpus/, see ../shared/corpus/README.md)"
        )
    return pages
