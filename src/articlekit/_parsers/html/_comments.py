"""Reader comments: found by their markup's semantics and vocabulary, read into :class:`Comment`.

:func:`read_comments` runs when ``parse_html(..., comments=True)`` asks for it,
on the whole page, before the content extractor changes the tree.  It never
changes the tree, and never touches the body: the extractor leaves comment
sections out of the body with or without it.

A **comment** is one of:

1. an element marked up as a schema.org ``Comment`` (microdata ``itemtype``);
2. an element whose ``class`` holds a comment item's name (``comment``,
   ``comment-item``, ``comment-entry`` ...) or whose ``id`` is WordPress's
   ``comment-123``, inside a comment **section**: an ancestor whose class or id
   words say ``comments``, ``commentlist``, or ``comment`` with ``list``,
   ``section``, ``area``, ``thread`` ... (``#comments``, ``.comments-area``,
   ``ol.comment-list``, ``.commentlist``), or a schema.org ``UserComments``;
3. an ``<li>`` of a comment list (``ol.commentlist > li``).

Only when the markup holds no comment, the JSON-LD ``comment`` entries (objects
of type ``Comment``) are read instead.

Of each comment:

* **text** -- the comment's text container (``.comment-content``,
  ``.comment-text``, ``itemprop=text`` ...) or else the comment element itself,
  without its author line, meta line, dates, reply links, forms, avatars and the
  replies nested in it (those are comments of their own, after it); paragraphs
  (``<p>``, other blocks) are separated by a blank line, the lines of a
  paragraph (``<br>``) by a newline;
* **author** -- an ``aria-label`` "Comment by Ann", ``itemprop=author`` (its
  ``name``), ``.fn``, or an element whose class words say ``author`` /
  ``username`` (a trailing "says:" and a date on the same line removed);
* **published** -- the first ``<time datetime>``, ``itemprop=dateCreated`` /
  ``datePublished``, a date line whose class says ``date`` / ``time`` /
  ``meta``, or else a date in a ``title`` (shown on hover).

Lines of a comment that are its interface ("Reply", "Share", "Expand full
comment", "3 likes") and the name and date printed above its text are not
part of the text.

Forum threads are not comments: their posts are the page's content.  A page
that says it is a forum thread or a Q&A page (schema.org
``DiscussionForumPosting`` or ``QAPage``, in microdata or JSON-LD) has no
comments, and a comment that the content extractor chose as (part of) the
article is not one either.

Bounded: one pass over the elements, at most ``Limits.max_comments`` comments
(then a warning, or :class:`~articlekit.ResourceLimitError` under ``strict``),
the JSON-LD read within the same byte and node bounds as the metadata's.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

import lxml.etree
import lxml.html

from articlekit._dates import find_date
from articlekit._limits import Limits
from articlekit._model import Comment
from articlekit._textutil import clean_name, clean_text

__all__ = ["Found", "find_comments", "read_comments"]

_WORDS = re.compile(r"[^a-z0-9]+")
# class tokens that name one comment
_ITEM_CLASSES = frozenset(
    """comment comment-item comments-item comment-entry comment_item comments__item commentlist-item
    comment-list-item comments-list-item single-comment user-comment c-comment js-comment comment-wrap
    comment-single comment-node""".split()  # noqa: SIM905
)
_ITEM_ID = re.compile(r"^(?:li-)?comment[-_]\d+$", re.IGNORECASE)
# id/class words of a comment section
_SECTION_WORDS = frozenset(("comments", "commentlist", "commentslist", "usercomments", "disqus"))
_SECTION_PAIRS = frozenset(
    ("list", "section", "area", "thread", "threads", "wrapper", "container", "block", "box", "holder", "region")
)
_MENU_WORDS = frozenset(("menu", "nav", "navigation", "dropdown", "toolbar", "tabs", "sort", "filter", "pagination"))
_SECTION_IDS = frozenset(("comments", "respond", "disqus_thread", "comment-section", "commentlist"))
# class tokens of a comment's text container
_TEXT_CLASSES = frozenset(
    """comment-content comment-text comment_content comment_text comment__content comment__text comment__body
    comment-message comment-body-text commenttext comment-copy comment-txt""".split()  # noqa: SIM905
)
_TEXT_PROPS = frozenset(("text", "commenttext", "description"))
# class/id words of what a comment holds besides its text
_SKIP_WORDS = frozenset(
    """author meta metadata commentmetadata reply replies avatar vcard says date time timestamp actions action
    footer header likes like vote votes voting share sharing report edit permalink rating badge respond form
    moderation flag tools toolbar menu button buttons count fn username nickname commenter""".split()  # noqa: SIM905
)
_SKIP_TAGS = frozenset(
    ("script", "style", "form", "button", "input", "textarea", "select", "time", "svg", "img", "noscript",
     "template", "iframe", "nav", "header", "footer", "picture", "video", "audio", "object", "embed", "head")
)
_SKIP_PROPS = frozenset(("author", "creator", "datecreated", "datepublished", "datemodified", "commenttime", "upvotecount"))
_BLOCK_TAGS = frozenset(
    ("p", "div", "li", "ul", "ol", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
     "table", "tr", "dl", "dt", "dd", "figure", "figcaption", "hr", "address")
)
_AUTHOR_WORDS = frozenset(("author", "username", "fn", "commenter", "nickname"))
_DATE_PROPS = frozenset(("datecreated", "datepublished", "commenttime", "uploaddate"))
_DATE_WORDS = frozenset(("date", "time", "timestamp", "commentmetadata", "meta", "metadata", "posted"))
_SAYS = re.compile(r"\s*(?:says|said|wrote|schrieb|schreibt|a dit|dice)?\s*:?\s*$", re.IGNORECASE)
_MAX_AUTHOR_CHARS = 100
_PRINTED_TAG = re.compile(r"</?[a-z][a-z0-9]{0,10}>", re.IGNORECASE)  # "<span>Ann</span>" printed as text
# "Comment by Ann" (an accessible label naming the commenter)
_LABEL_AUTHOR = re.compile(r"^(?:comment|reply) (?:by|from) (.{1,100})$", re.IGNORECASE)
# A paragraph of a comment that is its interface, not its text.
_UI_PARAGRAPH = re.compile(
    r"^(?:expand full comment|collapse|reply|replies|share|like|likes|report|edit|edited|delete|flag|permalink"
    r"|load more(?: comments| replies)?|show more|\d+ (?:likes?|replies|reply)|\d{1,3}[smhdwy]|just now)$",
    re.IGNORECASE,
)

_JSONLD = lxml.etree.XPath("//script[contains(@type, 'ld+json')]")
_MAX_JSONLD_BYTES = 1_000_000
_MAX_JSONLD_TOTAL = 4_000_000
_MAX_JSONLD_NODES = 5_000
_MAX_JSONLD_DEPTH = 20
# A forum thread's replies are its content, not comments on it.
_FORUM_TYPES = frozenset(("DiscussionForumPosting", "QAPage", "Question", "Answer", "SocialMediaPosting"))
_TAG = re.compile(r"<[^<>]{0,500}>")
_PARA_TAG = re.compile(r"</?(?:p|br|div|li|blockquote)\b", re.IGNORECASE)


def _words(el: lxml.html.HtmlElement) -> list[str]:
    names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    return [w for w in _WORDS.split(names) if w] if names.strip() else []


def _itemtype(el: lxml.html.HtmlElement) -> str:
    value = el.get("itemtype")
    return value.rstrip("/").rsplit("/", 1)[-1].lower() if value else ""


def _is_section(el: lxml.html.HtmlElement) -> bool:
    ident = (el.get("id") or "").lower()
    if ident in _SECTION_IDS or _itemtype(el) == "usercomments":
        return True
    words = _words(el)
    if not words:
        return False
    if not _SECTION_WORDS.isdisjoint(words):
        return True
    return "comment" in words and not _SECTION_PAIRS.isdisjoint(words)


def _is_item(el: lxml.html.HtmlElement, in_section: bool) -> bool:
    if _itemtype(el) == "comment":
        return True
    if not in_section or el.tag in ("a", "span", "time", "img", "p", "b", "i", "em", "strong", "ol", "ul"):
        return False
    cls = el.get("class")
    if cls and not _ITEM_CLASSES.isdisjoint(cls.lower().split()):
        return True
    ident = el.get("id")
    if ident and _ITEM_ID.match(ident):
        return True
    if el.tag == "li":
        parent = el.getparent()
        return parent is not None and parent.tag in ("ol", "ul") and _is_comment_list(parent)
    return False


def _is_comment_list(el: lxml.html.HtmlElement) -> bool:
    """``ol.commentlist``, ``ul.comment-list``: not a menu of a comment widget (``ul.menu-disqus-user``)."""
    words = _words(el)
    if not _MENU_WORDS.isdisjoint(words):
        return False
    return "commentlist" in words or "commentslist" in words or (
        ("comment" in words or "comments" in words) and not _SECTION_PAIRS.isdisjoint(words)
    )


# The elements whose class, id or itemtype could make them a comment section, a comment or a
# forum thread, in document order: one query, in C, one location path (a union of
# "//@class[...]/.." paths made libxml2 merge node sets, quadratic: 40,000 elements with a
# comment class took 0.75 s, 0.015 s now; on real pages 0.8 ms instead of 0.5).
_CANDIDATES = lxml.etree.XPath(
    "descendant-or-self::*[@class or @id or @itemtype]"
    "[contains(@class, 'omment') or contains(@id, 'omment') or contains(@id, 'disqus') or @id = 'respond'"
    " or contains(@itemtype, 'omment') or contains(@itemtype, 'DiscussionForumPosting') or contains(@itemtype, 'QAPage')]"
)
_FORUM_ITEMTYPE = re.compile(r"DiscussionForumPosting|QAPage")


def _find_items(root: lxml.html.HtmlElement, candidates: list[lxml.html.HtmlElement]) -> list[lxml.html.HtmlElement]:
    """The comment elements of the page, in document order (no recursion).

    *candidates* are the few elements whose names could matter (:data:`_CANDIDATES`);
    only the comment sections among them are walked.
    """
    if not candidates:
        return []
    sections = [el for el in candidates if _is_section(el)]
    inside = set(sections)
    items: list[lxml.html.HtmlElement] = []
    for section in sections:
        if any(ancestor in inside for ancestor in section.iterancestors()):
            continue  # walked with the section around it
        stack = [section]
        while stack:
            el = stack.pop()
            if el.tag in ("script", "style", "template", "head"):
                continue
            if _is_item(el, True):
                items.append(el)
            stack.extend(child for child in reversed(el) if isinstance(child.tag, str))
    found = set(items)
    loose = [el for el in candidates if el not in found and _itemtype(el) == "comment"]
    if loose:  # schema.org Comments outside any section: merge in document order
        items.extend(loose)
        order = {el: i for i, el in enumerate(root.iter())}
        items.sort(key=order.__getitem__)
    return items


def _descendants(
    top: lxml.html.HtmlElement, others: set[lxml.html.HtmlElement]
) -> Iterator[lxml.html.HtmlElement]:
    """*top*'s descendants in document order, without the subtrees of *others* (nested comments)."""
    stack = [child for child in reversed(top) if isinstance(child.tag, str)]
    while stack:
        el = stack.pop()
        if el in others:
            continue
        yield el
        stack.extend(child for child in reversed(el) if isinstance(child.tag, str))


def _skipped(el: lxml.html.HtmlElement, others: set[lxml.html.HtmlElement]) -> bool:
    if el in others or el.tag in _SKIP_TAGS:
        return True
    prop = el.get("itemprop")
    if prop and prop.lower() in _SKIP_PROPS:
        return True
    return not _SKIP_WORDS.isdisjoint(_words(el))


def _paragraphs(top: lxml.html.HtmlElement, others: set[lxml.html.HtmlElement]) -> list[str]:
    """The text of *top* as paragraphs, without skipped elements (no recursion)."""
    paragraphs: list[str] = []
    parts: list[str] = []

    def close() -> None:
        # "\x00" marks a <br> (the tree holds no NUL): a line break inside the paragraph.
        lines = (" ".join(clean_text(line).split()) for line in "".join(parts).split("\x00"))
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
        parts.clear()

    stack: list[tuple[lxml.html.HtmlElement, bool]] = [(top, False)]
    while stack:
        el, closing = stack.pop()
        if closing:
            if el.tag in _BLOCK_TAGS:
                close()
            if el is not top and el.tail:
                parts.append(el.tail)
            continue
        if el is not top and _skipped(el, others):
            if el.tail:
                parts.append(el.tail)
            continue
        if el.tag == "br":
            parts.append("\x00")
        elif el.tag in _BLOCK_TAGS:
            close()
        if el.text:
            parts.append(el.text)
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el) if isinstance(child.tag, str))
    close()
    return paragraphs


def _text_container(
    item: lxml.html.HtmlElement, others: set[lxml.html.HtmlElement]
) -> lxml.html.HtmlElement | None:
    for el in _descendants(item, others):
        cls = el.get("class")
        if cls and not _TEXT_CLASSES.isdisjoint(cls.lower().split()):
            return el
        prop = el.get("itemprop")
        if prop and prop.lower() in _TEXT_PROPS:
            return el
    return None


_NAMED_PATH = lxml.etree.XPath(".//*[@itemprop='name' or contains(concat(' ', normalize-space(@class), ' '), ' fn ')]")


def _NAMED(el: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:  # noqa: N802 - reads like the XPath
    found = _NAMED_PATH(el)
    return found[0] if isinstance(found, list) and found else None


def _name_text(el: lxml.html.HtmlElement) -> str:
    """The text of an author element without its dates and pictures (an author line often holds both)."""
    parts: list[str] = []
    stack: list[tuple[lxml.html.HtmlElement, bool]] = [(el, False)]
    while stack and len(parts) < 200:
        node, done = stack.pop()
        if done:
            if node is not el and node.tail:
                parts.append(node.tail)
            continue
        if node is not el and (node.tag in ("time", "img", "svg", "script", "style") or not _DATE_WORDS.isdisjoint(_words(node))):
            if node.tail:
                parts.append(node.tail)
            continue
        if node.text:
            parts.append(node.text)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node) if isinstance(child.tag, str))
    return " ".join(parts)


def _name(el: lxml.html.HtmlElement) -> str | None:
    named = _NAMED(el)
    if named is None:
        named = next((d for d in el.iterdescendants() if "name" in _words(d)), None)
    text = clean_name(_PRINTED_TAG.sub("", _name_text(named if named is not None else el)[:500]))
    text = _SAYS.sub("", text).strip(" -|:,")
    if not text or len(text) > _MAX_AUTHOR_CHARS:
        return None
    return text


def _labelled_author(item: lxml.html.HtmlElement, others: set[lxml.html.HtmlElement]) -> str | None:
    """The commenter an ``aria-label="Comment by Ann"`` names (on the comment or an element of it)."""
    for el in (item, *_descendants(item, others)):
        label = el.get("aria-label")
        if label:
            match = _LABEL_AUTHOR.match(clean_name(label[:200]))
            if match:
                return match.group(1)
    return None


def _author(item: lxml.html.HtmlElement, others: set[lxml.html.HtmlElement]) -> str | None:
    labelled = _labelled_author(item, others)
    if labelled:
        return labelled
    for el in _descendants(item, others):
        prop = (el.get("itemprop") or "").lower()
        if prop in ("author", "creator") or not _AUTHOR_WORDS.isdisjoint(_words(el)) or el.tag == "cite":
            if el.tag in ("img", "time", "svg", "picture"):
                continue
            name = _name(el)
            if name:
                return name
    return None


def _published(item: lxml.html.HtmlElement, others: set[lxml.html.HtmlElement]) -> datetime | None:
    """A ``<time>`` or a date property first (machine-readable), then a date line's text."""
    lines: list[str] = []
    for el in _descendants(item, others):
        value: str | None = None
        prop = (el.get("itemprop") or "").lower()
        if el.tag == "time":
            value = el.get("datetime") or el.text_content()
        elif prop in _DATE_PROPS:
            value = el.get("datetime") or el.get("content") or el.text_content()
        elif len(lines) < 3 and not _DATE_WORDS.isdisjoint(_words(el)):
            lines.append(el.text_content()[:200])
        if value:
            found = find_date(value[:200])
            if found is not None:
                return found
    for line in lines:
        found = find_date(line)
        if found is not None:
            return found
    for el in _descendants(item, others):  # last: a date shown on hover ("Dec 14, 2025, 7:40 PM")
        title = el.get("title")
        if title and any(c.isdigit() for c in title):
            found = find_date(title[:200])
            if found is not None:
                return found
    return None


_RELATIVE_TIME = re.compile(r"^\d{1,3}\s?[smhdwy]$|^\d{1,3} (?:sec|min|hour|day|week|month|year)s? ago$", re.IGNORECASE)
_EDITED = re.compile(r"\s*\(?edited\)?$", re.IGNORECASE)


def _is_date_line(text: str) -> bool:
    """A short paragraph that is only a date or a relative time ("6d", "Aug 9, 2025 Edited")."""
    if len(text) > 40:
        return False
    text = _EDITED.sub("", text).strip()
    if not text or _RELATIVE_TIME.match(text):
        return bool(text)
    if find_date(text) is None and not _MONTH_DAY.match(text):
        return False
    return sum(c.isalpha() for c in text) <= 12  # a date, not a sentence that names one


_MONTH_DAY = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}$", re.IGNORECASE
)


def _read_item(item: lxml.html.HtmlElement, others: set[lxml.html.HtmlElement]) -> Comment | None:
    container = _text_container(item, others)
    paragraphs = [
        p for p in _paragraphs(container if container is not None else item, others) if not _UI_PARAGRAPH.match(p)
    ]
    author = _author(item, others)
    # The name and the date printed above the text.
    while paragraphs and ((author and paragraphs[0] == author) or _is_date_line(paragraphs[0])):
        paragraphs.pop(0)
    if not paragraphs:
        return None
    return Comment("\n\n".join(paragraphs), author=author, published=_published(item, others))


# --------------------------------------------------------------------------- JSON-LD


def _jsonld_nodes(root: lxml.html.HtmlElement) -> Iterator[dict[str, Any]]:
    """The JSON-LD comment objects of the page, in order (bounded in bytes, nodes and depth)."""
    total = 0
    visited = 0
    for script in _JSONLD(root):
        text = (script.text or "").strip()
        if not text or len(text) > _MAX_JSONLD_BYTES or total + len(text) > _MAX_JSONLD_TOTAL:
            continue
        total += len(text)
        try:
            data = json.loads(text, strict=False)
        except (ValueError, RecursionError):
            continue
        stack: list[tuple[Any, int, bool]] = [(data, 0, False)]
        while stack and visited < _MAX_JSONLD_NODES:
            node, depth, is_comment = stack.pop()
            visited += 1
            if depth > _MAX_JSONLD_DEPTH:
                continue
            if isinstance(node, list):
                stack.extend((item, depth + 1, is_comment) for item in reversed(node[:2000]))
                continue
            if not isinstance(node, dict):
                continue
            kind = node.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if is_comment or "Comment" in kinds:
                yield node
            forum = not _FORUM_TYPES.isdisjoint(k for k in kinds if isinstance(k, str))
            keys = ("@graph", "mainEntity", "hasPart") if forum else ("@graph", "mainEntity", "comment", "hasPart")
            children = [(key, node[key]) for key in keys if key in node]
            for key, child in reversed(children):
                if isinstance(child, (dict, list)):
                    stack.append((child, depth + 1, key == "comment"))


def _jsonld_text(value: object) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("name")
    return value if isinstance(value, str) else None


def _read_jsonld(node: dict[str, Any]) -> Comment | None:
    raw = _jsonld_text(node.get("text")) or _jsonld_text(node.get("commentText"))
    if not raw:
        return None
    raw = raw[:100_000]
    if "<" in raw or "&" in raw:  # HTML in a JSON string: its text (paragraph tags end paragraphs)
        raw = html.unescape(_TAG.sub(lambda m: "\n\n" if _PARA_TAG.match(m.group()) else "", raw))
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", clean_text(raw))]
    text = "\n\n".join(p for p in paragraphs if p)
    if not text:
        return None
    author = _jsonld_text(node.get("author")) or _jsonld_text(node.get("creator"))
    author = clean_name(author[:500]) if author else None
    date = None
    for key in ("dateCreated", "datePublished", "commentTime"):
        value = node.get(key)
        if isinstance(value, str):
            date = find_date(value[:200])
            if date is not None:
                break
    return Comment(text, author=author if author and len(author) <= _MAX_AUTHOR_CHARS else None, published=date)


# --------------------------------------------------------------------------- the reader


class Found:
    """The comments of a page as found before content extraction: markup ones with their elements."""

    __slots__ = ("jsonld", "markup")

    def __init__(self, markup: list[tuple[lxml.html.HtmlElement, Comment]], jsonld: list[Comment]) -> None:
        self.markup = markup
        self.jsonld = jsonld


_FORUM_JSONLD = re.compile(r'"@type"\s*:\s*(?:\[[^\]]{0,200})?"(?:https?://schema\.org/)?(?:DiscussionForumPosting|QAPage)"')


def _is_forum(root: lxml.html.HtmlElement, candidates: list[lxml.html.HtmlElement]) -> bool:
    """Whether the page says it is a forum thread or a Q&A page (schema.org): its replies are its content."""
    if any(_FORUM_ITEMTYPE.search(el.get("itemtype") or "") for el in candidates):
        return True
    return any(_FORUM_JSONLD.search((script.text or "")[:_MAX_JSONLD_BYTES]) for script in _JSONLD(root))


def find_comments(root: lxml.html.HtmlElement) -> Found:
    """Every comment on the page, in page order: run before the content extractor changes the tree.

    Linear in the page: one pass finds the comment elements, and each is read
    without the comments nested in it.
    """
    candidates = _CANDIDATES(root)
    assert isinstance(candidates, list)
    if _is_forum(root, candidates):
        return Found([], [])
    items = _find_items(root, candidates)
    others = set(items)
    markup: list[tuple[lxml.html.HtmlElement, Comment]] = []
    for item in items:
        comment = _read_item(item, others)
        if comment is not None:
            markup.append((item, comment))
    jsonld = [c for c in map(_read_jsonld, _jsonld_nodes(root)) if c is not None]
    return Found(markup, jsonld)


def _inside(el: lxml.html.HtmlElement, content: set[lxml.html.HtmlElement]) -> bool:
    if el in content:
        return True
    return any(ancestor in content for ancestor in el.iterancestors())


def read_comments(
    found: Found, content: list[lxml.html.HtmlElement], *, limits: Limits, warn: Callable[[str], object]
) -> tuple[Comment, ...]:
    """The reader comments: those *found* outside the article's *content* (at most ``limits.max_comments``).

    What the content extractor chose as the article is never a comment: a forum
    thread's posts (often marked up as ``Comment`` too) are the page's content.
    The JSON-LD comments are used when no comment of the markup is left.

    >>> import lxml.html
    >>> page = lxml.html.fromstring(
    ...     "<html><body><article><p>The story.</p></article>"
    ...     "<section id=comments><h2>2 comments</h2><ol class=comment-list>"
    ...     "<li class=comment><span class=fn>Ann</span> <time datetime=2024-05-01T10:00:00Z>May 1</time>"
    ...     "<p>Great piece.</p><p>Thanks!</p><a class=comment-reply-link href=#>Reply</a></li>"
    ...     "<li class=comment><span class=fn>Bo</span><p>Agreed.</p></li></ol></section></body></html>")
    >>> found = find_comments(page)
    >>> for c in read_comments(found, [page.find("body/article")], limits=Limits(), warn=print):
    ...     print(c.author, c.published, repr(c.text))
    Ann 2024-05-01 10:00:00+00:00 'Great piece.\\n\\nThanks!'
    Bo None 'Agreed.'
    """
    chosen = set(content)
    kept = [comment for el, comment in found.markup if not _inside(el, chosen)]
    if not kept:
        kept = found.jsonld
    limit = limits.max_comments
    if len(kept) > limit:
        kept = limits.cut(
            kept, "max_comments", "comments", warn,
            f"comments: kept the first {limit:,} of {len(kept):,} (Limits.max_comments)", source="html",
        )
    return tuple(kept)
