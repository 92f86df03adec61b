"""to_jsonld: the schema.org mapping, validated as JSON-LD with pyld against a shipped context.

pyld never fetches anything here: its document loader serves only the small
schema.org context shipped in ``tests/fixtures/serializers/`` (the terms
articlekit writes, each mapped to its ``http://schema.org/`` IRI) and raises
for any other URL.  JSON-LD expansion silently drops a term its context does
not define, so "every key of every node expands to a schema.org IRI" catches
any term that is not in the context.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from pyld import jsonld

import articlekit as ak
from articlekit._serializers.jsonld import JSONLD_TYPES
from articlekit.testing import articles
from reference_example import QUOTES, reference_article

# Property tests generate many articles: no time limit in the dedicated thorough run.
PROPERTY_TIMEOUT = 0 if os.environ.get("HYPOTHESIS_PROFILE") == "thorough" else 1800

CONTEXT_FILE = Path(__file__).parent / "fixtures" / "serializers" / "schemaorg-context.jsonld"
SCHEMA = "http://schema.org/"
_CONTEXT_URLS = {"https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/"}


class FetchAttemptedError(Exception):
    pass


def offline_loader(url: str, options: Any = None) -> dict[str, Any]:
    if url in _CONTEXT_URLS:
        document = json.loads(CONTEXT_FILE.read_text("utf-8"))
        return {"contextUrl": None, "documentUrl": url, "document": document}
    raise FetchAttemptedError(url)


def expand(data: dict[str, Any]) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = jsonld.expand(data, {"documentLoader": offline_loader})
    return result


def assert_all_terms_expand(compact: Any, expanded: Any, where: str = "$") -> None:
    """Every non-@ key of every node in *compact* is a schema.org IRI in *expanded*, recursively."""
    if isinstance(compact, list):
        assert len(compact) == len(expanded), where
        for i, (c, e) in enumerate(zip(compact, expanded, strict=True)):
            assert_all_terms_expand(c, e, f"{where}[{i}]")
        return
    if not isinstance(compact, dict):
        return
    keys = {k for k in compact if not k.startswith("@")}
    expanded_keys = {k for k in expanded if not k.startswith("@")}
    assert expanded_keys == {SCHEMA + k for k in keys}, where
    if "@type" in compact:
        assert expanded["@type"] == [SCHEMA + compact["@type"]], where
    for key in keys:
        value = compact[key]
        inner = expanded[SCHEMA + key]
        values = value if isinstance(value, list) else [value]
        assert len(inner) == len(values), f"{where}.{key}"
        for i, (c, e) in enumerate(zip(values, inner, strict=True)):
            if isinstance(c, dict):
                assert_all_terms_expand(c, e, f"{where}.{key}[{i}]")
            else:
                assert e == {"@value": c}, f"{where}.{key}[{i}]"


def test_loader_refuses_to_fetch() -> None:
    with pytest.raises(Exception, match=r"example\.org"):
        expand({"@context": "https://example.org/ctx", "name": "x"})


def test_reference_example_is_schema_org_news_article() -> None:
    article = reference_article()
    data = json.loads(ak.to_jsonld(article))
    (node,) = expand(data)
    assert node["@type"] == [SCHEMA + "NewsArticle"]
    assert_all_terms_expand(data, node)
    # The mapping, field by field.
    assert node[SCHEMA + "headline"] == [{"@value": article.title}]
    assert node[SCHEMA + "alternativeHeadline"] == [{"@value": article.standfirst}]
    assert node[SCHEMA + "inLanguage"] == [{"@value": "en"}]
    assert node[SCHEMA + "datePublished"] == [{"@value": "2025-05-23T09:30:00+00:00"}]
    (author,) = node[SCHEMA + "author"]
    assert author["@type"] == [SCHEMA + "Person"]
    assert author[SCHEMA + "name"] == [{"@value": "Jane Doe"}]
    assert author[SCHEMA + "jobTitle"] == [{"@value": "Correspondent"}]
    (publisher,) = node[SCHEMA + "publisher"]
    assert publisher["@type"] == [SCHEMA + "Organization"]
    assert publisher[SCHEMA + "name"] == [{"@value": "Example News"}]
    assert [k["@value"] for k in node[SCHEMA + "keywords"]] == ["Russia", "Ukraine", "Kremlin"]
    body = node[SCHEMA + "articleBody"][0]["@value"]
    assert body.startswith("Kremlin spokesperson Dmitry Peskov told reporters")
    assert body.endswith("of the talks held in Turkey.")
    quotations = node[SCHEMA + "hasPart"]
    assert [q["@type"] for q in quotations] == [[SCHEMA + "Quotation"]] * len(QUOTES)
    assert [q[SCHEMA + "text"][0]["@value"] for q in quotations] == [q[0] for q in QUOTES]
    creators = [q[SCHEMA + "creator"][0] for q in quotations]
    assert [c[SCHEMA + "name"][0]["@value"] for c in creators] == [q[2].name for q in QUOTES]
    assert creators[2][SCHEMA + "jobTitle"] == [{"@value": "Kremlin spokesperson"}]
    assert all(c["@type"] == [SCHEMA + "Person"] for c in creators)


def test_every_field_maps() -> None:
    article = attrs.evolve(
        reference_article(),
        description="Summary",
        credits=["Reuters"],
        canonical_url="https://news.example.com/c",
        images=[
            ak.Image("https://e.com/a.jpg", alt="Alt", caption="Cap", credit="AP"),
            ak.Image("ftp://e.com/b.jpg"),
        ],
        authors=[ak.Person("A", url="ftp://e.com/a")],
    )
    data = ak.to_jsonld_dict(article)
    assert data["author"] == [
        {"@type": "Person", "name": "A"},  # the ftp: URL is left out
        {"@type": "Organization", "name": "Reuters"},
    ]
    assert data["image"] == [
        {"@type": "ImageObject", "url": "https://e.com/a.jpg", "caption": "Cap", "creditText": "AP", "description": "Alt"}
    ]
    assert data["mainEntityOfPage"] == "https://news.example.com/c"
    assert data["description"] == "Summary"
    (node,) = expand(data)
    assert_all_terms_expand(data, node)


@pytest.mark.parametrize("declared", sorted(JSONLD_TYPES))
def test_type_follows_the_source(declared: str) -> None:
    data = ak.to_jsonld_dict(ak.Article(title="x", extra={"schema_type": declared}))
    assert data["@type"] == declared
    (node,) = expand(data)
    assert node["@type"] == [SCHEMA + declared]


def test_unknown_type_falls_back_to_news_article() -> None:
    assert ak.to_jsonld_dict(ak.Article(extra={"schema_type": "Recipe"}))["@type"] == "NewsArticle"


def test_script_escaping() -> None:
    text = ak.to_jsonld(ak.Article(title="</script>&<!--\u2028"))
    assert "<" not in text
    assert ">" not in text
    assert "&" not in text
    assert "\u2028" not in text
    assert json.loads(text)["headline"] == "</script>&<!--\u2028"


@pytest.mark.timeout(PROPERTY_TIMEOUT)
@given(articles())
def test_any_article_gives_valid_json_ld(article: ak.Article) -> None:
    text = ak.to_jsonld(article)
    assert not set("<>&") & set(text)
    data = json.loads(text)
    assert data == ak.to_jsonld_dict(article)
    (node,) = expand(data)
    assert_all_terms_expand(data, node)
