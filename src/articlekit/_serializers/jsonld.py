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

URLs go through :func:`articlekit._urls.safe_url`: an author or page
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

from typing import Any

from articlekit._errors import ValidationError
from articlekit._model import Article
from articlekit._schemaorg import DEFAULT_JSONLD_TYPE, JSONLD_TYPES, script_json, to_schemaorg

__all__ = ["DEFAULT_JSONLD_TYPE", "JSONLD_TYPES", "to_jsonld", "to_jsonld_dict"]

def to_jsonld_dict(article: Article) -> dict[str, Any]:
    """The schema.org JSON-LD of *article* as a dict of JSON types (see the module docs).

    :raises ValidationError: if *article* is not an :class:`~articlekit.Article`.
    """
    if not isinstance(article, Article):
        raise ValidationError(f"to_jsonld() takes an Article, got {type(article).__name__}")
    return to_schemaorg(article)


def to_jsonld(article: Article) -> str:
    """Write *article* as schema.org JSON-LD (a ``NewsArticle``; see the module docs).

    The text is safe to put inside ``<script type="application/ld+json">`` as it is.

    :raises ValidationError: if *article* is not an :class:`~articlekit.Article`.
    """
    return script_json(to_jsonld_dict(article), indent=2)
