"""The text form of a web page: one pass over the tree before anything reads it.

:func:`normalise_text_form` makes the text every later stage reads (metadata,
content extraction, blocks, captions, comments) consistent:

* **soft hyphens** (U+00AD, ``&shy;``) are removed: they are hyphenation hints
  for the browser, invisible unless a word breaks at the end of a line, and
  left in they split words for search, comparison and the quote extractor;
* **ruby annotations** -- the ``<rt>`` reading aids and the ``<rp>`` fallback
  parentheses of a ``<ruby>`` -- are dropped, their base text kept: ``<ruby>
  漢<rp>(</rp><rt>かん</rt><rp>)</rp></ruby>`` reads ``漢``, not ``漢(かん)``;
* text is **NFC-normalised** (canonical composition), so that the same word
  written with precomposed or combining characters is the same string.

It runs on the web-page path of :func:`~articlekit.parse_html` only, after the
check for articlekit's own HTML (which is read exactly, as written), and touches
text nodes and the attributes that carry text (``alt``, ``title``, ``content``
...), never URLs.  The Markdown and plain-text parsers keep their input's
characters as they are: their writers round-trip what the model holds, and
their input is written by people on purpose, not hyphenated for a browser.

Bounded and cheap: each step first scans the decoded source in C (``<ruby``,
a soft hyphen or its entity, :func:`unicodedata.is_normalized`) and touches the
tree only when the page needs it: XPath queries find the annotations and the
soft hyphens, and the NFC walk over every node runs only on a page whose text
is not NFC already.
"""

from __future__ import annotations

import re
import unicodedata

import lxml.etree
import lxml.html

from articlekit._parsers.html._tree import drop_tree
from articlekit._textutil import clean_text

__all__ = ["normalise_text_form"]

_SOFT_HYPHEN = "\u00ad"
# Attributes whose value is text a reader sees (never a URL).
_TEXT_ATTRIBUTES = ("alt", "title", "content", "aria-label", "label", "value", "datetime")
_SHY_TEXT = lxml.etree.XPath("//text()[contains(., '\u00ad')]")
_SHY_ATTRIBUTES = lxml.etree.XPath(
    "//@*[contains(., '\u00ad')][" + " or ".join(f"name()='{a}'" for a in _TEXT_ATTRIBUTES) + "]"
)
# One location path, no union: "//ruby//rt | //ruby//rp" merges node sets, quadratic in libxml2.
_RUBY_ANNOTATIONS = lxml.etree.XPath("descendant-or-self::*[self::rt or self::rp][ancestor::ruby]")
# Cheap scans of the source first: most pages have no ruby and no soft hyphen at all.
_RUBY_HINT = re.compile("<ruby", re.IGNORECASE)
_SHY_ENTITY = re.compile("&#(?:173|x0*ad)", re.IGNORECASE)


def normalise_text_form(root: lxml.html.HtmlElement, source: str) -> None:
    """Remove soft hyphens and ruby annotations from *root*, and NFC-normalise its text, in place.

    *source* is the decoded page the tree was parsed from: the NFC pass runs only
    when it is not already normalised.

    >>> import lxml.html
    >>> page = ("<p title='Ent\\u00adwick\\u00adlung'>Ent\\u00adwicklung, "
    ...         "<ruby>東<rp>(</rp><rt>とう</rt><rp>)</rp>京</ruby>, Cafe\\u0301</p>")
    >>> root = lxml.html.fromstring(page)
    >>> normalise_text_form(root, page)
    >>> root.text_content() == "Entwicklung, 東京, Caf\\u00e9", root.get("title")
    (True, 'Entwicklung')
    """
    if _RUBY_HINT.search(source):
        for annotation in _RUBY_ANNOTATIONS(root):
            drop_tree(annotation)
    if _SOFT_HYPHEN in source or "&shy" in source or _SHY_ENTITY.search(source):
        for node in _SHY_TEXT(root):
            _set_text(node, str(node).replace(_SOFT_HYPHEN, ""))
        for value in _SHY_ATTRIBUTES(root):
            value.getparent().set(value.attrname, clean_text(str(value).replace(_SOFT_HYPHEN, "")))
    if not source.isascii() and not unicodedata.is_normalized("NFC", source):
        _normalise_nfc(root)


def _set_text(node: object, text: str) -> None:
    """Replace a text node found by XPath (an element's text or tail) with *text*."""
    parent = node.getparent()  # type: ignore[attr-defined]
    if parent is None:  # pragma: no cover - text found in a tree always has its element
        return
    if node.is_tail:  # type: ignore[attr-defined]
        try:
            parent.tail = text
        except ValueError:  # a control character libxml2 let through: lxml refuses to set it
            parent.tail = clean_text(text)
    else:
        try:
            parent.text = text
        except ValueError:
            parent.text = clean_text(text)


def _nfc(text: str | None) -> str | None:
    if text is None or text.isascii() or unicodedata.is_normalized("NFC", text):
        return None
    return clean_text(unicodedata.normalize("NFC", text))


def _normalise_nfc(root: lxml.html.HtmlElement) -> None:
    for el in root.iter():
        if not isinstance(el.tag, str):  # pragma: no cover - the parser drops comments and PIs
            continue
        text = _nfc(el.text)
        if text is not None:
            el.text = text
        tail = _nfc(el.tail)
        if tail is not None:
            el.tail = tail
        for name in _TEXT_ATTRIBUTES:
            value = _nfc(el.get(name))
            if value is not None:
                el.set(name, value)
