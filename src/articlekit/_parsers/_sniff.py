"""Which format is this? How :func:`articlekit.parse` decides when no format is given.

Only the first 8 KiB are looked at (bytes are decoded for this with their
BOM, found with :func:`articlekit._input.find_bom`, else as UTF-8 with replacement).  The tests run in this order, and the
first that matches wins:

1. **JSON** (an articlekit document): the text starts with ``{`` and has a
   ``"schema_version"`` key near the top.
2. **HTML**: it starts (after white space, a BOM or an XML declaration) with
   ``<!DOCTYPE html``, ``<html``, or another common HTML element (``<head>``,
   ``<body>``, ``<article>``, ``<div>``, ``<p>``, ``<meta>``, ``<title>``, a
   heading, a comment ...); or at least :data:`HTML_TAG_THRESHOLD` HTML tags
   appear in the sample and they outnumber the Markdown signals.
3. **Markdown**: front matter (``---`` or ``+++`` on the first line, closed
   further down); or one *strong* signal (an ATX heading ``# Title``, a
   fenced code block, a ``[link](url)`` or ``![image](url)``, a reference
   definition ``[x]: url``, a table separator row ``|---|``); or two
   different *weak* signals (``**strong**``, ``__strong__``, ```code```).
   Setext underlines, ``-`` lists and ``>`` quotes are plain-text habits as
   much as Markdown, so they do not count.
4. **Plain text**: everything else.

>>> sniff("<!doctype html><title>x</title>"), sniff("# Title\\n\\nText"), sniff("Title\\n\\nText.")
('html', 'markdown', 'text')
>>> sniff(b'{"schema_version": 1, "title": "x"}')
'json'
"""

from __future__ import annotations

import re
from typing import TypeAlias

from articlekit._errors import ValidationError
from articlekit._input import find_bom
from articlekit._model import SourceFormat

__all__ = ["HTML_TAG_THRESHOLD", "SNIFF_BYTES", "Format", "sniff"]

#: A format :func:`sniff` can name (the model's ``SourceFormat``).
Format: TypeAlias = SourceFormat

#: How much of the input is looked at.
SNIFF_BYTES = 8192

#: How many HTML tags in the sample make it HTML even when it does not start with one.
HTML_TAG_THRESHOLD = 5

_JSON_KEY = re.compile(r'"schema_version"\s*:')
_XML_DECL = re.compile(r"<\?xml[^>]{0,200}\?>\s*", re.IGNORECASE)
_HTML_START = re.compile(
    r"<(?:!doctype\s+html|html|head|body|article|main|div|section|header|footer|nav|p|meta|link|"
    r"title|h[1-6]|table|ul|ol|span|a|img|figure|script|style|!--)(?=[\s>/])",
    re.IGNORECASE,
)
_HTML_TAG = re.compile(
    r"</?(?:html|head|body|article|main|div|section|p|br|span|a|img|h[1-6]|ul|ol|li|table|tr|td|"
    r"em|strong|b|i|blockquote|figure|figcaption|meta|title|script|style)\b[^<>]{0,300}>",
    re.IGNORECASE,
)
_FRONT_MATTER = re.compile(r"(?:---|\+\+\+)[ \t]*\n")
_STRONG_MD = (
    re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE),
    re.compile(r"^[ ]{0,3}(?:```|~~~)", re.MULTILINE),
    re.compile(r"!?\[[^\[\]\n]{1,300}\]\([^()\s]{1,1000}(?:[ \t][^()\n]{0,300})?\)"),
    re.compile(r"^[ ]{0,3}\[[^\[\]\n]{1,300}\]:[ \t]+\S", re.MULTILINE),
    re.compile(r"^\|?[ \t]*:?-{3,}:?[ \t]*\|", re.MULTILINE),
)
_WEAK_MD = (
    re.compile(r"\*\*[^*\n]{1,300}\*\*"),
    re.compile(r"(?<!\w)__[^_\n]{1,300}__(?!\w)"),
    re.compile(r"`[^`\n]{1,300}`"),
)


def _sample(data: str | bytes | bytearray | memoryview) -> str:
    if isinstance(data, str):
        return data[:SNIFF_BYTES]
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data[: SNIFF_BYTES * 4])
        bom = find_bom(raw)
        if bom is not None:
            name, size = bom
            return raw[size:].decode(name, "replace")[:SNIFF_BYTES]
        return raw[:SNIFF_BYTES].decode("utf-8", "replace")
    raise ValidationError(f"input must be str or bytes, got {type(data).__name__}")


def _front_matter(text: str) -> bool:
    m = _FRONT_MATTER.match(text)
    if not m:
        return False
    fence = m.group(0).strip()
    return re.search(rf"^{re.escape(fence)}[ \t]*$", text[m.end() :], re.MULTILINE) is not None


def sniff(data: str | bytes | bytearray | memoryview) -> Format:
    """Name the format of *data*: ``"json"``, ``"html"``, ``"markdown"`` or ``"text"``.

    :raises ValidationError: *data* is neither str nor bytes.
    """
    sample = _sample(data)
    text = sample.lstrip("\ufeff \t\r\n").replace("\r\n", "\n")
    if text.startswith("{") and _JSON_KEY.search(text[:2048]):
        return "json"
    start = _XML_DECL.sub("", text[:512], count=1) if text.startswith("<?") else text
    if _HTML_START.match(start):
        return "html"
    if _front_matter(text):
        return "markdown"
    strong = sum(1 for p in _STRONG_MD if p.search(text))
    weak = sum(1 for p in _WEAK_MD if p.search(text))
    tags = sum(1 for _ in zip(range(HTML_TAG_THRESHOLD * 4), _HTML_TAG.finditer(text), strict=False))
    if tags >= HTML_TAG_THRESHOLD and tags > 2 * (strong + weak):
        return "html"
    if strong or weak >= 2:
        return "markdown"
    return "text"
