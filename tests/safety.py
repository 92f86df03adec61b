"""A checker for HTML that must be safe to embed (used by the serialiser and torture tests).

It parses the HTML with lxml (its own explicit parser) and rejects active content:
dangerous elements, event-handler and style attributes, and URLs whose scheme is not
http, https or mailto after entity decoding, stripping ``[\\x00-\\x20]`` and lowercasing.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

FORBIDDEN_ELEMENTS = frozenset(
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "base",
        "form", "input", "button", "textarea", "select", "link", "svg", "math", "noscript",
        "template",
    }
)
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "action", "formaction", "data", "poster", "cite", "xlink:href", "background"})
_ALLOWED_SCHEMES = ("http:", "https:", "mailto:")
_STRIP = re.compile(r"[\x00-\x20]+")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:")


def url_is_safe(value: str) -> bool:
    """True for relative URLs and http(s)/mailto ones, as a browser would read them."""
    compact = _STRIP.sub("", value).lower()
    if not _SCHEME.match(compact):
        return True
    return compact.startswith(_ALLOWED_SCHEMES)


def assert_safe_html(markup: str, *, standalone: bool = False) -> None:
    """Fail if *markup* holds anything that could run script when embedded in a page."""
    parser = lxml_html.HTMLParser(no_network=True, remove_comments=False, huge_tree=True)
    if not markup.strip():
        return
    root = lxml_html.document_fromstring(markup, parser=parser) if standalone else lxml_html.fragment_fromstring(
        markup, create_parent="div", parser=parser
    )
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if standalone and tag in {"meta", "link", "script"} and _in_head(element):
            # The standalone page's head carries metadata and one JSON-LD script.
            if tag == "script":
                assert element.get("type") == "application/ld+json", "only JSON-LD scripts are allowed"
                assert "</" not in (element.text or ""), "the JSON-LD script could be closed early"
            continue
        assert tag not in FORBIDDEN_ELEMENTS, f"forbidden element <{tag}>"
        for name, value in element.attrib.items():
            lowered = name.lower()
            assert not lowered.startswith("on"), f"event handler attribute {name}"
            assert lowered != "style", "style attribute"
            if lowered in URL_ATTRIBUTES or lowered.endswith(":href"):
                for part in value.split(",") if lowered == "srcset" else [value]:
                    assert url_is_safe(part.strip().split(" ")[0]), f"unsafe URL {value!r} in {name}"


def _in_head(element: object) -> bool:
    parent = element
    while parent is not None:
        if getattr(parent, "tag", None) == "head":
            return True
        parent = parent.getparent()  # type: ignore[attr-defined]
    return False


_TEXT_ALIGN = re.compile(r"\s*text-align\s*:\s*(left|right|center)\s*;?\s*", re.IGNORECASE)


def assert_inert_html(markup: str) -> None:
    """Fail if *markup* (a Markdown renderer's output) holds active content.

    Stricter than a browser needs, looser than :func:`assert_safe_html` on URLs: no
    script-bearing or embedding element, no event handler, no style but a table cell's
    ``text-align``, and no URL that articlekit's model would refuse (``javascript:``,
    ``data:`` but raster images, ``file:`` ...).
    """
    from articlekit._urls import is_unsafe_url

    if not markup.strip():
        return
    parser = lxml_html.HTMLParser(no_network=True, remove_comments=False, huge_tree=True)
    root = lxml_html.fragment_fromstring(markup, create_parent="div", parser=parser)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        assert tag not in FORBIDDEN_ELEMENTS, f"forbidden element <{tag}> in {markup[:300]!r}"
        for name, value in element.attrib.items():
            lowered = name.lower()
            assert not lowered.startswith("on"), f"event handler attribute {name}"
            assert lowered != "style" or _TEXT_ALIGN.fullmatch(value), f"style attribute {value!r}"
            if lowered in URL_ATTRIBUTES or lowered.endswith(":href"):
                assert not is_unsafe_url(value, image=tag == "img"), f"unsafe URL {value!r} in {name}"
