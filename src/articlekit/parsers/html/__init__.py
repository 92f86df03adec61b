"""The HTML parser: a whole web page in, the article on it out.

:func:`parse_html` runs these stages, one module each:

1. ``articlekit._input.decode_input`` -- bytes to clean text (BOM, caller's
   encoding, ``<meta charset>``, detection);
2. :mod:`._tree` -- a safe lxml parse (no network, no entities, no comments,
   depth and size problems recorded as warnings);
3. :mod:`._metadata` -- title, authors, dates, language, site name ... from
   JSON-LD, OpenGraph, meta tags, microdata and the visible byline;
4. :mod:`._content` -- find the article body and drop the page's boilerplate;
5. :mod:`._blocks` -- map the body to the model's blocks and inlines, then drop
   the headline and lede when the body repeats them.

:func:`fragment_blocks` runs stage 5 alone on an HTML snippet (the Markdown
parser uses it for raw HTML).
"""

from __future__ import annotations

from typing import Any

from articlekit._dedupe import dedupe_blocks, dedupe_key
from articlekit._enrich import enrich
from articlekit._input import decode_input
from articlekit._render import inline_text
from articlekit.limits import Limits
from articlekit.model import Article, Block, Paragraph
from articlekit.parsers.html._blocks import BlockBuilder, fragment_blocks
from articlekit.parsers.html._content import drop_ui_lines, extract_content
from articlekit.parsers.html._metadata import extract_metadata
from articlekit.parsers.html._tree import parse_tree

__all__ = ["fragment_blocks", "parse_html"]

# The model's tuple converters take any iterable, but mypy cannot infer their
# generic parameter; this alias constructs the same class without that noise.
_Article: Any = Article

#: The warning recorded when a page holds no article text.
NO_ARTICLE_WARNING = "no article text was found on the page; the body is empty"


def parse_html(
    data: str | bytes,
    *,
    url: str | None = None,
    encoding: str | None = None,
    quotes: bool = True,
    limits: Limits | None = None,
) -> Article:
    """Parse a web page into an :class:`~articlekit.Article`: its metadata and its article body.

    :param data: the page, as downloaded (bytes) or decoded (str).
    :param url: where the page was read from; relative links resolve against
        it (a ``<base href>`` in the page wins).
    :param encoding: the encoding the caller knows (an HTTP ``charset``); a
        byte-order mark still wins.
    :param quotes: extract quotations and their speakers.
    :param limits: bounds on size, depth and metadata lengths.
    :raises EmptyDocumentError: the input is empty or white space.
    :raises EncodingError: the input is binary, or *encoding* is unknown.
    :raises ResourceLimitError: the input is over ``limits.max_bytes``, or a
        parser limit was hit and ``limits.strict`` is set.

    A page without article text gives an Article with an empty body (and its
    metadata) and the warning :data:`NO_ARTICLE_WARNING`.

    >>> page = (
    ...     "<html lang=en><head><title>Peace talks stall - Daily News</title></head><body>"
    ...     "<nav><a href='/'>Home</a></nav><article><h1>Peace talks stall</h1>"
    ...     "<p>No new date has been set for talks, officials said on Friday, after weeks of pressure.</p>"
    ...     "</article><footer>Copyright</footer></body></html>"
    ... )
    >>> article = parse_html(page, url="https://example.com/news/1", quotes=False)
    >>> print(article.text)
    Peace talks stall
    <BLANKLINE>
    No new date has been set for talks, officials said on Friday, after weeks of pressure.
    """
    limits = limits or Limits()
    decoded = decode_input(data, source="html", limits=limits, encoding=encoding, html=True, clean=False)
    root, warnings = parse_tree(decoded.text, limits=limits)
    meta = extract_metadata(root, url=url, limits=limits)
    warnings.extend(meta.warnings)
    content = extract_content(root)
    builder = BlockBuilder(base_url=meta.base_url or url, limits=limits)
    body: list[Block] = []
    for element in content:
        body.extend(builder.build(element))
    warnings.extend(builder.warnings)
    body = drop_ui_lines(body)
    standfirst = meta.standfirst
    if standfirst and _lede_only_in_body(standfirst, body, root, content):
        # The lede is the body's first paragraph, printed once: it stays in the body.
        standfirst = None
    body = list(dedupe_blocks(body, title=meta.title, standfirst=standfirst))
    if not body:
        warnings.append(NO_ARTICLE_WARNING)
    article: Article = _Article(
        title=meta.title,
        standfirst=standfirst,
        authors=meta.authors,
        credits=meta.credits,
        published=meta.published,
        modified=meta.modified,
        language=meta.language,
        site_name=meta.site_name,
        url=meta.url or url,
        canonical_url=meta.canonical_url,
        section=meta.section,
        tags=meta.tags,
        description=meta.description,
        images=meta.images,
        body=body,
        source_format="html",
        encoding=decoded.encoding,
        encoding_source=decoded.encoding_source,
        warnings=_unique(warnings),
    )
    return enrich(article, quotes=quotes, limits=limits)


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def _lede_only_in_body(
    standfirst: str, body: list[Block], root: Any, content: list[Any]
) -> bool:
    """True when the standfirst is a paragraph of the body and the page prints it nowhere else."""
    key = dedupe_key(standfirst)
    if not any(isinstance(b, Paragraph) and dedupe_key(inline_text(b.children)) == key for b in body):
        return False
    needle = _squash(standfirst)
    page = root.find("body")
    if page is None:
        return True
    in_page = _squash(page.text_content()).count(needle)
    in_content = sum(_squash(el.text_content()).count(needle) for el in content)
    return in_page <= in_content


def _unique(items: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for item in items:
        if item not in out:
            out.append(item)
    return tuple(out)
