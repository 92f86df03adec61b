"""The schema.org mapping, both ways: an Article as a JSON-LD node, and back.

:func:`to_schemaorg` writes the node that :func:`~articlekit.to_jsonld` prints and
:func:`~articlekit.to_html` embeds in a standalone page; :func:`from_schemaorg` reads
such a node back exactly (the HTML parser uses it for articlekit's own pages).  Both
directions live here so that they cannot drift apart.  The mapping (a field that is
None or empty is left out)::

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
    body             articleBody (written only: the body's plain text)
    quotes           hasPart: Quotation {text, creator: Person} (written only)

URLs are written only when :func:`articlekit._urls.safe_url` accepts them.  Both
directions take time linear in the article (the reader also in the JSON text).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any, NoReturn

from articlekit._limits import Limits
from articlekit._model import Article, Image, Person
from articlekit._model._text import article_text
from articlekit._urls import safe_url

__all__ = [
    "DEFAULT_JSONLD_TYPE",
    "JSONLD_TYPES",
    "SchemaOrgError",
    "from_schemaorg",
    "load_schemaorg",
    "script_json",
    "to_schemaorg",
]


class SchemaOrgError(ValueError):
    """A JSON-LD node that is not one :func:`to_schemaorg` could have written."""


def _fail(why: str) -> NoReturn:
    raise SchemaOrgError(why)


# --------------------------------------------------------------------------- writing


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


def to_schemaorg(article: Article) -> dict[str, Any]:
    """The schema.org node of *article*, as a dict of JSON types (the mapping above)."""
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


def script_json(data: dict[str, Any], indent: int | None = None) -> str:
    """JSON text that is safe inside ``<script>``: ``<``, ``>``, ``&`` and line separators escaped."""
    text = json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)
    for char, escape in _SCRIPT_ESCAPES:  # str.replace is far faster than str.translate
        if char in text:
            text = text.replace(char, escape)
    return text


# --------------------------------------------------------------------------- reading


def load_schemaorg(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        _fail("the JSON-LD is not JSON")
    if not isinstance(data, dict) or data.get("@context") != "https://schema.org":
        _fail("the JSON-LD is not schema.org")
    return data


def _str(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        _fail(f"{key} is not a string")
    return value


def _list(data: Mapping[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        _fail(f"{key} is not a list")
    return value


def _node(value: object, kind: str) -> Mapping[str, Any]:
    if not isinstance(value, dict) or value.get("@type") != kind:
        _fail(f"expected a {kind}")
    return value


def _date(data: Mapping[str, Any], key: str) -> datetime | None:
    value = _str(data, key)
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        _fail(f"{key} is not an ISO date")
    if parsed.tzinfo is None:
        _fail(f"{key} has no offset")
    return parsed


def from_schemaorg(data: Mapping[str, Any], limits: Limits) -> dict[str, Any]:
    """The Article fields the node *data* holds (the mapping above, reversed), exactly.

    :raises SchemaOrgError: *data* is not a node :func:`to_schemaorg` could have written,
        or a value is over one of *limits*.
    """
    authors: list[Person] = []
    credits: list[str] = []
    for item in _list(data, "author"):
        if isinstance(item, dict) and item.get("@type") == "Organization":
            name = _str(item, "name")
            if name is None:
                _fail("an organisation without a name")
            credits.append(name)
            continue
        person = _node(item, "Person")
        name = _str(person, "name")
        if name is None:
            _fail("a person without a name")
        authors.append(Person(name, url=_str(person, "url"), role=_str(person, "jobTitle")))
    images = []
    for item in _list(data, "image"):
        node = _node(item, "ImageObject")
        url = _str(node, "url")
        if url is None:
            _fail("an image without a URL")
        images.append(
            Image(url, alt=_str(node, "description"), caption=_str(node, "caption"), credit=_str(node, "creditText"))
        )
    tags = _list(data, "keywords")
    if not all(isinstance(t, str) for t in tags):
        _fail("a keyword is not a string")
    site_name = None
    if "publisher" in data:
        site_name = _str(_node(data["publisher"], "Organization"), "name")
    title = _str(data, "headline")
    standfirst = _str(data, "alternativeHeadline")
    description = _str(data, "description")
    for text in (title, standfirst, description):
        if text is not None and len(text) > limits.max_title_chars:
            _fail("over the title limit")
    if len(authors) > limits.max_authors or len(tags) > limits.max_tags:
        _fail("over the author or tag limit")
    names = [p.name for p in authors] + [*credits, *tags]
    if any(len(n) > limits.max_name_chars for n in names):
        _fail("over the name limit")
    return {
        "title": title,
        "standfirst": standfirst,
        "description": description,
        "authors": authors,
        "credits": credits,
        "published": _date(data, "datePublished"),
        "modified": _date(data, "dateModified"),
        "language": _str(data, "inLanguage"),
        "site_name": site_name,
        "images": images,
        "tags": tags,
        "section": _str(data, "articleSection"),
        "url": _str(data, "url"),
        "canonical_url": _str(data, "mainEntityOfPage"),
    }
