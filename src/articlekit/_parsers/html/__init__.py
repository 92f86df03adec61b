"""The HTML parser: a whole web page in, the article on it out.

:func:`parse_html` runs these stages, one module each:

1. ``articlekit._input.decode_input`` -- bytes to clean text (BOM, caller's
   encoding, ``<meta charset>``, detection);
2. :mod:`._tree` -- a safe lxml parse (no network, no entities, no comments,
   depth and size problems recorded as warnings); then :mod:`._textform` --
   soft hyphens and ruby annotations removed, text NFC-normalised;
3. :mod:`._metadata` -- title, authors, dates, language, site name ... from
   JSON-LD, OpenGraph, meta tags, microdata and the visible byline; once it has
   collected the sources (and so the page's address: its URL, else its canonical
   URL), and before it reads any field, it asks :mod:`._pagetype` what kind of
   page it is (:attr:`Article.page_type`; the title reads it);
4. :mod:`._comments` -- with ``comments=True``, the reader comments (found
   here, on the whole page; kept when they lie outside the content of stage 5);
5. :mod:`._extract` -- find the article body and drop the page's boilerplate (a chain of
   named rules, one module each);
6. :mod:`._blocks` -- map the body to the model's blocks and inlines, then drop
   the headline and lede when the body repeats them.

:func:`fragment_blocks` runs stage 6 alone on an HTML snippet (the Markdown
parser uses it for raw HTML).
"""

from __future__ import annotations

import os
from typing import Any, BinaryIO

from attrs import evolve as _evolve

from articlekit._dedupe import dedupe_key
from articlekit._enrich import enrich
from articlekit._input import Decoded, check_flags, check_url_argument, decode_input, read_source
from articlekit._limits import Limits
from articlekit._model import Article, Block, Heading, Paragraph
from articlekit._model._text import inline_text
from articlekit._parsers.html._blocks import BlockBuilder, fragment_blocks
from articlekit._parsers.html._comments import find_comments, read_comments
from articlekit._parsers.html._extract import drop_ui_lines, extract_content
from articlekit._parsers.html._metadata import extract_metadata
from articlekit._parsers.html._own import read_own_html
from articlekit._parsers.html._pagetype import classify_page
from articlekit._parsers.html._textform import normalise_text_form
from articlekit._parsers.html._tree import parse_tree

__all__ = ["fragment_blocks", "parse_html"]

#: The warning recorded when a page holds no article text.
NO_ARTICLE_WARNING = "no article text was found on the page; the body is empty"


def parse_html(
    data: str | bytes | os.PathLike[str] | BinaryIO,
    *,
    url: str | None = None,
    encoding: str | None = None,
    quotes: bool = True,
    comments: bool = False,
    limits: Limits | None = None,
) -> Article:
    """Parse a web page into an :class:`~articlekit.Article`: its metadata and its article body.

    :param data: the page, as downloaded (bytes) or decoded (str), or a path
        (:class:`os.PathLike`) or binary file object to read it from.  A ``str`` is
        always the page itself: one naming a file or URL is parsed as text, with a
        warning (use :func:`~articlekit.parse_file` or :func:`~articlekit.parse_url`).
    :param url: where the page was read from; relative links and images resolve
        against it (with the page's ``<base href>`` applied, as a browser does).
        Without it they resolve against an absolute ``<base href>``, else the
        page's canonical URL (``<link rel=canonical>``, ``og:url``); the base used
        is :attr:`Article.base_url <articlekit.Article.base_url>`.
    :param encoding: the encoding the caller knows (an HTTP ``charset``); a
        byte-order mark still wins.  Only WHATWG encoding labels (and UTF-32)
        count: anything else is ignored, with a warning.
    :param quotes: extract quotations and their speakers.
    :param comments: read the page's reader comments into
        :attr:`Article.comments <articlekit.Article.comments>` (see
        :doc:`/guide/html`); without it the field is empty.  Comments are never
        part of the body, either way.
    :param limits: bounds on size, depth and metadata lengths.
    :raises EmptyDocumentError: the input is empty or white space.
    :raises EncodingError: the input is binary.
    :raises ResourceLimitError: the input is over ``limits.max_bytes``, or a
        parser, depth or metadata limit was hit and ``limits.strict`` is set.

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
    check_url_argument(url, source="html")
    check_flags("parse_html", quotes=quotes, comments=comments)
    raw = read_source(data, source="html", limits=limits)
    decoded = decode_input(raw, source="html", limits=limits, encoding=encoding, html=True, clean=False)
    root, warnings = parse_tree(decoded.text, limits=limits, utf8=_as_utf8(raw, decoded))
    if not warnings:
        own = read_own_html(root, limits=limits)
        if own is not None:
            # A page written by articlekit's to_html(standalone=True): read exactly.
            own = _evolve(
                own,
                encoding=decoded.encoding,
                encoding_source=decoded.encoding_source,
                warnings=(*own.warnings, *decoded.warnings),
            )
            return enrich(own, quotes=quotes, limits=limits)
    warnings[:0] = decoded.warnings
    normalise_text_form(root, decoded.text)
    # The page type is read once the metadata has the page's address, before any field (the
    # title reads it) and before extraction changes the tree.
    meta = extract_metadata(root, url=url, limits=limits, classify=lambda address: classify_page(root, address))
    warnings.extend(meta.warnings)
    page_type = meta.page_type
    # Found before the extractor changes the tree; kept only outside the content it chooses.
    found = find_comments(root) if comments else None
    content = extract_content(root, warnings=warnings, page_type=page_type)
    comment_list = () if found is None else read_comments(found, content, limits=limits, warn=warnings.append)
    builder = BlockBuilder(base_url=meta.base_url or url, limits=limits)
    body: list[Block] = []
    for element in content:
        body.extend(builder.build(element))
    warnings.extend(builder.warnings)
    body, standfirst = _finish_body(
        drop_ui_lines(body), title=meta.title, standfirst=meta.standfirst, root=root, content=content
    )
    if not body:
        warnings.append(NO_ARTICLE_WARNING)
    article = Article(
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
        page_type=page_type,
        tags=meta.tags,
        description=meta.description,
        images=meta.images,
        body=body,
        comments=comment_list,
        source_format="html",
        encoding=decoded.encoding,
        encoding_source=decoded.encoding_source,
        warnings=_unique(warnings),
        base_url=meta.base_url,
    )
    return enrich(article, quotes=quotes, limits=limits)


def _as_utf8(data: object, decoded: Decoded) -> bytes | None:
    """The input bytes when they are exactly the decoded text in UTF-8 (then the
    tree parser takes them as they are); None when the text must be encoded again."""
    if (
        isinstance(data, bytes)
        and decoded.encoding == "utf-8"
        and decoded.encoding_source != "bom"
        and b"\x00" not in data
        and "\ufffd" not in decoded.text
    ):
        return data
    return None


def _same(text: str, key: str, other: str) -> bool:
    """Whether *text* repeats *other* (whose dedupe key is *key*); lengths are compared first."""
    if abs(len(text) - len(other)) > len(other) // 4 + 8:
        return False
    return dedupe_key(text) == key


def _finish_body(
    body: list[Block], *, title: str | None, standfirst: str | None, root: Any, content: list[Any]
) -> tuple[list[Block], str | None]:
    """Drop the headline and lede where the body repeats them; decide the standfirst.

    * A paragraph or heading repeating the title or the standfirst is dropped
      (rule 1 of :mod:`articlekit._dedupe`; its rule 2, a long paragraph printed
      twice, is not applied to web pages: menus, recipes and Q&A pages repeat
      paragraphs on purpose).
    * Without a standfirst in the metadata, the first paragraph is the lede
      when the page prints it twice (again in the body, or above it under the
      headline, as in the reference example): it becomes the standfirst.
    * A standfirst that is the body's own first paragraph, printed once, stays
      in the body and is not repeated as the standfirst.
    """
    texts = [inline_text(b.children) if isinstance(b, (Paragraph, Heading)) else None for b in body]
    if standfirst:
        key = dedupe_key(standfirst)
        copies = sum(1 for b, t in zip(body, texts, strict=True) if t and isinstance(b, Paragraph) and _same(t, key, standfirst))
        if copies == 1 and not _printed_outside(standfirst, root, content):
            standfirst = None  # the lede is the body's first paragraph, printed once
    else:
        standfirst = _repeated_lede(body, texts, title, root, content)
    drop = [t for t in (title, standfirst) if t]
    if not drop:
        return body, standfirst
    keys = [(dedupe_key(t), t) for t in drop]
    kept = [
        b for b, t in zip(body, texts, strict=True)
        if not (t and any(_same(t, key, other) for key, other in keys))
    ]
    return kept, standfirst


def _repeated_lede(
    body: list[Block], texts: list[str | None], title: str | None, root: Any, content: list[Any]
) -> str | None:
    """The first paragraph, when the page prints it twice at the top of the article."""
    first: str | None = None
    title_key = dedupe_key(title) if title else ""
    for block, text in zip(body[:6], texts[:6], strict=True):
        if isinstance(block, Heading) and title and text and _same(text, title_key, title):
            continue
        if isinstance(block, Paragraph):
            first = (text or "").strip()
        break
    if not first or len(first) < 40:
        return None
    key = dedupe_key(first)
    copies = sum(
        1 for b, t in zip(body[:12], texts[:12], strict=True) if t and isinstance(b, Paragraph) and _same(t, key, first)
    )
    if copies >= 2 or _printed_outside(first, root, content):
        return first
    return None


def _printed_outside(text: str, root: Any, content: list[Any]) -> bool:
    """Whether the page prints *text* (its first words) outside the extracted content too."""
    needle = " ".join(text.split()[:8])
    page = root.find("body")
    if page is None or len(needle) < 20:
        return False
    in_page = page.text_content().count(needle)
    if in_page == 0:
        return False
    in_content: int = sum(el.text_content().count(needle) for el in content)
    return bool(in_page > in_content)


def _unique(items: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for item in items:
        if item not in out:
            out.append(item)
    return tuple(out)
