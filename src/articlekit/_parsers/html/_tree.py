"""Safe HTML parsing: text in, an lxml tree out, and never a silently partial one.

Every call builds its own :class:`lxml.html.HTMLParser` (lxml parser objects
are not thread-safe, and lxml's global default parser may have been replaced
by other code), with:

* ``no_network=True`` -- nothing is fetched;
* ``remove_comments`` / ``remove_pis`` -- comments and processing
  instructions never reach the tree;
* ``huge_tree=True`` -- large text nodes and attributes are kept (the size of
  the input is bounded before parsing, by ``Limits.max_bytes``);
* HTML parsers never load DTDs or expand external entities.

libxml2 still stops at an element depth of 2048 ("Excessive depth in
document") and then drops the rest of the page.  When its error log says so,
the text is parsed again with the tags nested deeper than :data:`FLATTEN_DEPTH`
removed (their text kept), and a warning is recorded.  Any other resource
message ("Buffer size limit", "Huge input lookup", "Memory allocation
failed") becomes a warning too, or a :class:`~articlekit.ResourceLimitError`
with ``Limits(strict=True)``.

Before parsing, a page made of so many tags (and attributes) that its tree would pass
the memory bound of a call (100 MB + 25 times the input) is refused with a
:class:`~articlekit.ResourceLimitError`: a count of ``<`` and ``=``, one pass over
the text, and a count of the tags only when that is over the bound.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

from articlekit._errors import ResourceLimitError
from articlekit._limits import Limits
from articlekit._textutil import clean_text

__all__ = ["FLATTEN_DEPTH", "drop_tree", "parse_tree"]

#: Element depth past which the recovery pass drops tags (libxml2 gives up at 2048).
FLATTEN_DEPTH = 512

#: The most attributes one start tag keeps: libxml2 checks each new attribute against every
#: earlier one (quadratic in the attributes of one element), so the rest are dropped, with a
#: warning, before the text reaches it.
MAX_ATTRIBUTES = 256


def _attr(group: int) -> str:
    """One attribute as the HTML tokenizer reads it: separators (white space or ``/``), a name,
    an optional value; *group* numbers the capturing group the pattern uses.

    Each part is a run of characters the next part cannot start with, so a failed match
    backtracks a bounded distance -- except an unquoted value, which runs to white space or
    ``>`` and may hold ``/`` (``href=a/b/c``): the pattern must not give back its ``/b`` as a
    separator and a name, or a run of ``/`` (minified script: ``<z&&a/b/c...``) has
    exponentially many readings.  The value is taken whole, as the tokenizer does, by a
    lookahead that captures it and a backreference that consumes it (an atomic group,
    written for every Python version).
    """
    unquoted = rf"""(?=([^\s"'>][^\s>]*))\{group}"""
    return rf"""[\s/]+[^\s"'<>/=][^\s"'>/=]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|{unquoted}))?"""


# Each attribute is read once, atomically too (no attribute has a second reading: a shorter
# name, separator or space, or a skipped value, leaves a character the next part cannot
# start with), so a tag that stops short of the cap fails at once instead of backtracking
# through its attributes.
def _flood_pattern(count: int) -> re.Pattern[str]:
    """A start tag with more than *count* attributes; the match ends after the *count*-th."""
    return re.compile(rf"<[A-Za-z][^\s/>]*(?:(?=({_attr(2)}))\1){{{count}}}(?={_attr(3)})")


_FLOODED_TAG = _flood_pattern(MAX_ATTRIBUTES)
# The attributes past the limit, skipped a bounded run at a time: one ``(?:...)*`` over a
# million attributes keeps a backtracking record per repetition (hundreds of MB).
_MORE_ATTRIBUTES = re.compile(rf"(?:{_attr(1)}){{1,1024}}")

_LIMIT_MESSAGES = (
    "excessive depth",
    "buffer size limit",
    "huge input lookup",
    "memory allocation failed",
    "excessive",
)

# The start of a tag: its slash and its name; the tag runs to the next ``>``.  (One pattern
# ``<(/?)(name)([^>]*)>`` would scan to the end of the text again from every ``<x`` that no
# ``>`` follows: quadratic on ``x <b`` repeated.)
_TAG_START = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})")
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"]
)
# Raw-text elements: their content is not markup.
_RAWTEXT = frozenset(("script", "style", "textarea", "title", "xmp", "noscript", "plaintext"))


#: What one tag of the page costs in memory, in bytes, from libxml2's element and its text
#: node to the model node built from it (measured: 4 MB of ``word<br>`` peaks at 330 MB,
#: 560 bytes a tag; of ``<td>x</td>``, 490; of bare ``<br>``, 320), and one attribute with
#: a value (280).  Real pages hold one tag in 35 bytes or more (the 1,588 development pages:
#: 0.028 tags a byte at most): these costs reach the bound only on pages made of tags.
_TAG_COST = 600
_ATTRIBUTE_COST = 280
#: The memory bound of a call (100 MB + 25 times the input) less the interpreter and the
#: libraries loaded (about 40 MB).
_FREE_BYTES = 60 * 2**20
_BYTES_PER_INPUT_BYTE = 25
#: A start tag and its attributes, up to its ``>``: a ``<`` inside a tag that is still open
#: starts no element in libxml2 (``x <b`` repeated a million times is one ``<p>``), so it is
#: read as part of that tag, not counted as another.
_TAG_WITH_ATTRIBUTES = re.compile(r"<[A-Za-z][^>]*")


def _check_density(text: str, size: int) -> None:
    """Refuse a page made of so many tags that its tree would pass the memory bound.

    libxml2's tree and the objects built from it take hundreds of bytes a tag: more than
    25 bytes per byte of input on a page that is little but tags (``word<br>`` repeated, a
    table row of a million cells).  A count of ``<`` and ``=`` bounds the cost from above
    in one pass; only when that is over the bound are the tags and their attributes counted.
    """
    allowed = _FREE_BYTES + _BYTES_PER_INPUT_BYTE * size
    if text.count("<") * _TAG_COST + text.count("=") * _ATTRIBUTE_COST <= allowed:
        return
    tags = attributes = 0
    for match in _TAG_WITH_ATTRIBUTES.finditer(text):
        tags += 1
        attributes += match.group().count("=")
    cost = tags * _TAG_COST + attributes * _ATTRIBUTE_COST
    if cost > allowed:
        raise ResourceLimitError(
            f"the page is {tags:,} tags and {attributes:,} attributes in {size / 2**20:.1f} MB: its tree "
            f"would take about {cost / 2**20:,.0f} MB, past the memory bound of 100 MB + 25 times the input",
            source="html",
        )


def _new_parser() -> lxml.html.HTMLParser:
    parser = lxml.html.HTMLParser(
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
        recover=True,
        compact=True,
        default_doctype=False,
        collect_ids=False,
    )
    # Every element is an HtmlElement, chosen in C: lxml.html's default lookup calls
    # Python for each element proxy only to give form controls their own classes.
    parser.set_element_class_lookup(lxml.etree.ElementDefaultClassLookup(element=lxml.html.HtmlElement))
    return parser


def _limit_messages(parser: lxml.html.HTMLParser) -> list[str]:
    found: list[str] = []
    for entry in parser.error_log:
        message = entry.message.lower()
        if any(key in message for key in _LIMIT_MESSAGES) and entry.message not in found:
            found.append(entry.message.strip())
    return found


def _flatten_deep_tags(text: str, max_depth: int) -> str:
    """Remove the tags nested deeper than *max_depth*, keeping their text (one linear pass).

    A tag is ``<`` and a name up to the next ``>``; that ``>`` is found once and reused by
    every tag start before it, so each character is read a bounded number of times.
    """
    out: list[str] = []
    depth = 0
    last = 0
    raw_until: str | None = None
    pos = 0
    gt = -1
    while True:
        match = _TAG_START.search(text, pos)
        if match is None:
            break
        if gt < match.end():
            gt = text.find(">", match.end())
            if gt < 0:
                break  # no tag can end: the rest is text
        pos = gt + 1
        closing, name, rest = match.group(1), match.group(2).lower(), text[match.end() : gt]
        if raw_until is not None:
            if closing and name == raw_until:
                raw_until = None
            else:
                continue
        if closing:
            drop = depth > max_depth
            depth = max(depth - 1, 0)
        else:
            if name in _VOID or rest.endswith("/"):
                drop = depth >= max_depth
            else:
                depth += 1
                drop = depth > max_depth
                if name in _RAWTEXT:
                    raw_until = name
        if drop:
            out.append(text[last : match.start()])
            out.append(" ")
            last = pos
    out.append(text[last:])
    return "".join(out)


def _cap_attributes(text: str) -> tuple[str, int]:
    """Drop the attributes past :data:`MAX_ATTRIBUTES` of every start tag (one regex pass).

    Returns the text and how many tags were cut (0: the text is returned as it is).
    """
    match = _FLOODED_TAG.search(text)
    if match is None:
        return text, 0
    out: list[str] = []
    last = 0
    cut = 0
    while match is not None:
        out.append(text[last : match.end()])
        last = match.end()
        rest = _MORE_ATTRIBUTES.match(text, last)
        while rest is not None:
            last = rest.end()
            rest = _MORE_ATTRIBUTES.match(text, last)
        cut += 1
        match = _FLOODED_TAG.search(text, max(last, match.end() + 1))
    out.append(text[last:])
    return "".join(out), cut


def _parse(data: bytes) -> tuple[lxml.html.HtmlElement | None, list[str]]:
    parser = _new_parser()
    try:
        root = lxml.etree.fromstring(data, parser)
    except lxml.etree.LxmlError:  # pragma: no cover - the HTML parser recovers from anything
        root = None
    problems = _limit_messages(parser)
    if root is not None and not isinstance(root, lxml.html.HtmlElement):  # pragma: no cover
        root = None
    if root is not None:
        _fold_trailing_roots(root)
    return root, problems


def _fold_trailing_roots(root: lxml.html.HtmlElement) -> None:
    """Move what libxml2 put after ``</html>`` into the document's ``<body>``.

    libxml2 opens a second top-level ``<html>`` for markup after the first one's end
    tag (an author box or comments a template prints after ``</html>``); browsers read
    that markup into the body (HTML's "after after body" mode), so it is moved there,
    in order, a ``<head>`` or ``<body>`` of its own unwrapped.  One pass over the
    top-level elements and their children: linear in the page.
    """
    extra = [el for el in root.itersiblings() if isinstance(el, lxml.html.HtmlElement) and el.tag == "html"]
    if not extra:
        return
    body = root.find("body")
    if body is None:
        body = lxml.html.Element("body")
        root.append(body)
    for other in extra:
        _append_text(body, other.text)
        for child in list(other):
            if isinstance(child, lxml.html.HtmlElement) and child.tag in ("head", "body"):
                _append_text(body, child.text)
                tail = child.tail
                for grandchild in list(child):
                    body.append(grandchild)
                _append_text(body, tail)
            else:
                body.append(child)


def _append_text(parent: lxml.html.HtmlElement, text: str | None) -> None:
    """Add *text* after the last thing in *parent* (its text when it has no children)."""
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _empty_root() -> lxml.html.HtmlElement:
    root = lxml.etree.fromstring(b"<html><head></head><body></body></html>", _new_parser())
    assert isinstance(root, lxml.html.HtmlElement)
    return root


def parse_tree(text: str, *, limits: Limits, utf8: bytes | None = None) -> tuple[lxml.html.HtmlElement, list[str]]:
    """Parse *text* (clean, decoded HTML) into an lxml tree.

    *utf8*, when given, is *text* exactly as UTF-8 bytes (the page as it was
    downloaded, when that was valid UTF-8 without NUL bytes): it is parsed
    as it is instead of encoding *text* again.

    Returns the root ``<html>`` element (an empty document when the input holds
    no elements at all) and the warnings about anything libxml2 had to cut.

    >>> root, warnings = parse_tree("<p>Hello <b>world</b>", limits=Limits())
    >>> root.tag, root.findtext(".//b"), warnings
    ('html', 'world', [])

    :raises ResourceLimitError: the page is so dense in tags that its tree would
        pass the memory bound (100 MB + 25 times the input; real pages are far
        from it), or libxml2 hit one of its limits and ``limits.strict`` is set.
    """
    warnings: list[str] = []
    text, cut = _cap_attributes(text)
    if cut:
        utf8 = None
        message = f"{cut:,} tag(s) held more than {MAX_ATTRIBUTES} attributes; the rest were removed"
        limits.refuse(message, source="html")
        warnings.append(message)
    if utf8 is not None:
        data = utf8
    else:
        if "\x00" in text:
            text = text.replace("\x00", "")
        data = text.encode("utf-8", "replace")
    _check_density(text, len(data))
    root, problems = _parse(data)
    if problems:
        limits.refuse("the HTML parser hit a limit: " + "; ".join(problems), source="html")
        if any("depth" in p.lower() for p in problems):
            flat, _ = _parse(_flatten_deep_tags(text, FLATTEN_DEPTH).encode("utf-8", "replace"))
            if flat is not None:
                root = flat
                warnings.append(
                    f"the page nests elements more than 2048 levels deep; tags deeper than "
                    f"{FLATTEN_DEPTH} levels were removed and their text kept"
                )
            else:  # pragma: no cover - the flattened text parses
                warnings.append("the page nests elements too deeply; part of it may be missing")
        others = [p for p in problems if "depth" not in p.lower()]
        if others:
            warnings.append("the HTML parser hit a limit, part of the page may be missing: " + "; ".join(others))
    if root is None:
        root = _empty_root()
        warnings.append("the input holds no HTML elements")
    return root, warnings


def drop_tree(el: lxml.html.HtmlElement) -> None:
    """Remove *el* and its content, keeping its tail text (``HtmlElement.drop_tree``, made safe).

    libxml2 puts what a character reference such as ``&#1;`` names into the tree as it is,
    but lxml refuses to *set* a text holding a control character: joining such a tail to
    the text before it (as ``drop_tree`` does) would raise ``ValueError``.  The joined text
    is then cleaned (:func:`~articlekit._textutil.clean_text`; the model drops those
    characters anyway).
    """
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        previous = el.getprevious()
        joined = ((parent.text if previous is None else previous.tail) or "") + tail
        try:
            _set_before(parent, previous, joined)
        except ValueError:
            _set_before(parent, previous, clean_text(joined))
    parent.remove(el)


def _set_before(parent: lxml.html.HtmlElement, previous: lxml.html.HtmlElement | None, text: str) -> None:
    """Set the text that ends right before a child: the parent's text or the previous sibling's tail."""
    if previous is None:
        parent.text = text
    else:
        previous.tail = text
