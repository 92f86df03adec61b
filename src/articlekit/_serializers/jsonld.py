"""schema.org JSON-LD: :func:`to_jsonld` and its dict form :func:`to_jsonld_dict`.

The article becomes one schema.org ``NewsArticle`` node, what a search engine
expects to find in a page (``<script type="application/ld+json">``).

**The type.**  ``NewsArticle`` unless the source said otherwise:
when ``article.extra["schema_type"]`` is one of :data:`JSONLD_TYPES` (a parser
that read a page's own JSON-LD records its ``@type`` there), that type is used.

**The mapping** (a field that is None or empty is left out)::

    title            headline
    standfirst       alternativeHeadline
    description      description
    authors          author: Person {name, url, jobTitle (role)}
    credits          author: Organization {name}  (after the people)
    published        datePublished (ISO 8601 with offset)
    modified         dateModified
    language         inLanguage
    site_name        publisher: Organization {name}
    images           image: ImageObject {url, caption, creditText, description (alt)}
    tags             keywords (a list)
    section          articleSection
    url              url
    canonical_url    mainEntityOfPage
    body             articleBody (the body's plain text, as Article.text writes it)
    quotes           hasPart: Quotation {text, creator: Person {name, jobTitle (role)}}

URLs go through :func:`articlekit._serializers.html.safe_url`: an author or page
URL with another scheme than http, https or mailto is left out, and so is an
image with such a URL.  The JSON text escapes ``<``, ``>``, ``&``, U+2028 and
U+2029 (as ``\\u003c`` ...), so it can be put inside a ``<script>`` element as
it is: no value can close the script.

>>> from articlekit import Article, to_jsonld
>>> print(to_jsonld(Article(title="</script> Hi", language="en")))
{
  "@context": "https://schema.org",
  "@type": "NewsArticle",
  "headline": "\\u003c/script\\u003e Hi",
  "inLanguage": "en"
}
"""

from __future__ import annotations

import json
from typing import Any

from articlekit._errors import ValidationError
from articlekit._model import Article
from articlekit._model._text import article_text
from articlekit._serializers.html import safe_url

__all__ = ["DEFAULT_JSONLD_TYPE", "JSONLD_TYPES", "to_jsonld", "to_jsonld_dict"]

#: The schema.org type written when the source did not name one.
DEFAULT_JSONLD_TYPE = "NewsArticle"

#: The schema.org types an article may be written as (taken from
#: ``article.extra["schema_type"]`` when it holds one of them).
JSONLD_TYPES: frozenset[str] = frozenset(
    {
        "Article",
        "NewsArticle",
        "BlogPosting",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "ReportageNewsArticle",
        "ReviewNewsArticle",
        "BackgroundNewsArticle",
    }
)

_SCRIPT_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def _type(article: Article) -> str:
    declared = article.extra.get("schema_type")
    if isinstance(declared, str) and declared in JSONLD_TYPES:
        return declared
    return DEFAULT_JSONLD_TYPE


def _person(name: str, url: str | None, role: str | None) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "Person", "name": name}
    if url is not None:
        safe = safe_url(url)
        if safe is not None:
            node["url"] = safe
    if role is not None:
        node["jobTitle"] = role
    return node


def to_jsonld_dict(article: Article) -> dict[str, Any]:
    """The schema.org JSON-LD of *article* as a dict of JSON types (see the module docs).

    :raises ValidationError: if *article* is not an :class:`~articlekit.Article`.
    """
    if not isinstance(article, Article):
        raise ValidationError(f"to_jsonld() takes an Article, got {type(article).__name__}")
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": _type(article)}

    def put(key: str, value: object) -> None:
        if value is not None and value != [] and value != {}:
            data[key] = value

    put("headline", article.title)
    put("alternativeHeadline", article.standfirst)
    put("description", article.description)
    authors: list[dict[str, Any]] = [_person(p.name, p.url, p.role) for p in article.authors]
    authors.extend({"@type": "Organization", "name": c} for c in article.credits)
    put("author", authors)
    put("datePublished", None if article.published is None else article.published.isoformat())
    put("dateModified", None if article.modified is None else article.modified.isoformat())
    put("inLanguage", article.language)
    if article.site_name is not None:
        data["publisher"] = {"@type": "Organization", "name": article.site_name}
    images: list[dict[str, Any]] = []
    for image in article.images:
        url = safe_url(image.url)
        if url is None:
            continue
        node: dict[str, Any] = {"@type": "ImageObject", "url": url}
        if image.caption is not None:
            node["caption"] = image.caption
        if image.credit is not None:
            node["creditText"] = image.credit
        if image.alt is not None:
            node["description"] = image.alt
        images.append(node)
    put("image", images)
    put("keywords", list(article.tags))
    put("articleSection", article.section)
    put("url", None if article.url is None else safe_url(article.url))
    put("mainEntityOfPage", None if article.canonical_url is None else safe_url(article.canonical_url))
    body = article_text(None, None, article.body)
    put("articleBody", body or None)
    quotations: list[dict[str, Any]] = []
    for quote in article.quotes:
        item: dict[str, Any] = {"@type": "Quotation", "text": quote.text}
        if quote.speaker is not None:
            item["creator"] = _person(quote.speaker.name, None, quote.speaker.role)
        quotations.append(item)
    put("hasPart", quotations)
    return data


def _script_json(data: dict[str, Any], indent: int | None = None) -> str:
    """JSON text that is safe inside ``<script>``: ``<``, ``>``, ``&`` and line separators escaped."""
    text = json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)
    for char, escape in _SCRIPT_ESCAPES:  # str.replace is far faster than str.translate
        if char in text:
            text = text.replace(char, escape)
    return text


def to_jsonld(article: Article) -> str:
    """Write *article* as schema.org JSON-LD (a ``NewsArticle``; see the module docs).

    The text is safe to put inside ``<script type="application/ld+json">`` as it is.

    :raises ValidationError: if *article* is not an :class:`~articlekit.Article`.
    """
    return _script_json(to_jsonld_dict(article), indent=2)
