"""What the extraction rules share: the state passed down the rule chain, one page's
element verdicts, the class / id vocabularies and the measures (text length, link density).

Nothing here walks the whole page; every measure is computed in C by lxml or on demand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

import lxml.etree
import lxml.html

from articlekit._parsers.html._tree import drop_tree

HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
FURNITURE_ROLES = frozenset(
    ("navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search", "menu", "menubar")
)
SPLIT_NAMES = re.compile(r"[^a-z0-9]+")
#: Elements with a hiding attribute, one C walk of the attributes each (a union merges node
#: sets; a predicate on every element is slower still); the rules then read the values.
HIDING = tuple(lxml.etree.XPath(f"descendant::*/@{name}/..") for name in ("hidden", "aria-hidden", "style"))

# Words of class / id that mark page furniture.  An attribute is split into
# words on anything but letters and digits ("share-bar" -> "share", "bar"), so
# "header" never matches "ad", and the words are looked up in a set.
NEGATIVE_WORDS = frozenset(
    """ad ads adv advert adverts advertisement advertising adslot adunit adsense dfp banner
    breadcrumb breadcrumbs combx comment comments commentlist community disqus cookie cookies
    consent gdpr popup modal overlay newsletter subscribe subscription signup share sharing
    sharebar shares social socials follow
    related recommended recommendations recirc recirculation outbrain taboola trending popular
    mostread promo promoted promotion sponsor sponsored sidebar masthead navbar nav navigation
    menu pagination pager skip toolbar tools print rss tags taglist keywords topics bio byline
    dateline timestamp footer foot copyright legal login hidden jump playlist carousel slider
    ticker donate donation membership outstream teaser teasers""".split()  # noqa: SIM905
)
# Pairs of words that are furniture together ("read more", "more stories").
_NEGATIVE_PAIRS = frozenset(
    ("read more", "more stories", "sr only", "visually hidden", "screen reader", "author bio",
     "about author", "most read", "most popular", "side bar", "tag list", "video player", "you may")
)
_PAIR_STARTS = frozenset(pair.split()[0] for pair in _NEGATIVE_PAIRS)

POSITIVE = re.compile(
    r"article|body|content|entry|main|post|story|text|blog|prose|rich-?text|paragraph|"
    r"articlebody|storybody|hentry|section",
    re.IGNORECASE,
)
# Strong signals that an element is the article body.
_BODY_HINT = re.compile(
    r"articlebody|article-body|article__body|article_body|articletext|article-text|article-content|"
    r"article__content|articlecontent|story-body|storybody|story-content|story__body|storytext|"
    r"post-content|post-body|postbody|entry-content|entry-body|post-entry|body-text|bodytext|"
    r"main-content|article-copy|rich-text|richtext|content-body|c-entry-content|field-body",
    re.IGNORECASE,
)
_KEEP_TAGS = frozenset(("html", "body", "article", "main"))


def _lowered(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """*pattern* (case-blind, no escapes) made case-sensitive for lower-case ASCII text: on such
    text it finds what *pattern* finds, several times faster.  A pattern with an escape is
    returned as it is."""
    if "\\" in pattern.pattern:
        return pattern
    return re.compile(pattern.pattern.lower())


_POSITIVE_LOWER = _lowered(POSITIVE)
_BODY_HINT_LOWER = _lowered(_BODY_HINT)


def _search(pattern: re.Pattern[str], lowered: re.Pattern[str], text: str) -> bool:
    """``pattern.search(text)`` (*lowered* is ``_lowered(pattern)``)."""
    if text.isascii():
        return lowered.search(text.lower()) is not None
    return pattern.search(text) is not None

TAG_BONUS = {
    "div": 5.0, "article": 10.0, "main": 8.0, "section": 3.0, "pre": 3.0, "td": 3.0,
    "blockquote": 3.0, "address": -3.0, "ol": -3.0, "ul": -3.0, "dl": -3.0, "dd": -3.0,
    "dt": -3.0, "li": -3.0, "form": -3.0, "h1": -5.0, "h2": -5.0, "h3": -5.0, "h4": -5.0,
    "h5": -5.0, "h6": -5.0, "th": -5.0,
}
COMMAS = re.compile(r"[,\uff0c\u3001\u060c]")


def count_commas(text: str) -> int:
    """``len(COMMAS.findall(text))``, counted by ``str.count`` (no match objects)."""
    return text.count(",") + text.count("\uff0c") + text.count("\u3001") + text.count("\u060c")


SENTENCE_END = re.compile(r"[.!?\u3002\uff01\uff1f]['\"\u201d\u2019)]?\s*$")

# Verdicts on an element's own attributes.
PLAIN, HINT, NEGATIVE, HIDDEN = 0, 1, 2, 3


def is_negative(names: str) -> bool:
    """Whether a class / id string names page furniture (a word or a pair of words)."""
    words = SPLIT_NAMES.split(names.lower())
    if not NEGATIVE_WORDS.isdisjoint(words):
        # Embedded posts ("social-media-embed", "twitter-tweet") are quoted content.
        return "embed" not in words and "embedded" not in words
    if _PAIR_STARTS.isdisjoint(words):
        return False
    return any(f"{a} {b}" in _NEGATIVE_PAIRS for a, b in pairwise(words))


def is_body_hint(names: str) -> bool:
    """Whether a class / id string names the article body (``article-body``, ``entry-content``)."""
    low = names.lower()
    if "body" not in low and "content" not in low and "text" not in low and "entry" not in low and "copy" not in low:
        return False
    return _search(_BODY_HINT, _BODY_HINT_LOWER, low)


def names_of(el: lxml.html.HtmlElement) -> str:
    """The element's class and id, joined by a space."""
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def class_weight(el: lxml.html.HtmlElement) -> float:
    """Readability's class weight: furniture words down, content words up, body hints further up."""
    names = names_of(el)
    if len(names) < 2:
        return 0.0
    return _names_weight(names, (el.get("itemprop") or "").lower() == "articlebody")


@lru_cache(maxsize=8192)
def _names_weight(names: str, article_body: bool) -> float:
    weight = 0.0
    if is_negative(names):
        weight -= 25.0
    if _search(POSITIVE, _POSITIVE_LOWER, names):
        weight += 25.0
    if is_body_hint(names) or article_body:
        weight += 40.0
    return weight


NORM_LEN = lxml.etree.XPath("string-length(normalize-space())")


def text_len(el: lxml.html.HtmlElement) -> int:
    """The length of the element's text, white space collapsed (computed in C)."""
    return int(NORM_LEN(el))


def link_density(el: lxml.html.HtmlElement, length: int | None = None) -> float:
    """The share of the element's text that is link text."""
    total = text_len(el) if length is None else length
    if total == 0:
        return 0.0
    # (An XPath ".//a//text()" would be quadratic in libxml2 on pages with many links.)
    links = sum([int(NORM_LEN(a)) for a in el.iter("a")])
    return min(links / total, 1.0)


def known_link_density(el: lxml.html.HtmlElement, length: int, known: dict[lxml.html.HtmlElement, int]) -> float:
    """:func:`link_density` of *el* (text length *length*), each link's length kept in *known*
    so that a link inside several measured elements is measured once."""
    if length == 0:
        return 0.0
    found = 0
    for a in el.iter("a"):
        n = known.get(a)
        if n is None:
            n = known[a] = text_len(a)
        found += n
    return min(found / length, 1.0)


def remove(el: lxml.html.HtmlElement) -> None:
    """Remove *el* and its content, keeping its tail text in the document."""
    drop_tree(el)


def ancestors(el: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """*el* and its ancestors, innermost first."""
    out = []
    node = el
    while node is not None:
        out.append(node)
        node = node.getparent()
    return out


class Page:
    """What is known about one page's elements, computed once, on demand."""

    def __init__(self, body: lxml.html.HtmlElement) -> None:
        self.body = body
        self._verdicts: dict[lxml.html.HtmlElement, int] = {}
        self._by_names: dict[str, int] = {}
        self._clear: set[lxml.html.HtmlElement] = set()
        self._furniture: set[lxml.html.HtmlElement] = set()  # blocked (see :meth:`blocked`)
        self._page_len = -1
        self._layout: dict[lxml.html.HtmlElement, bool] = {}
        self._link_len: dict[lxml.html.HtmlElement, int] = {}

    def verdict(self, el: lxml.html.HtmlElement) -> int:
        """HIDDEN, NEGATIVE, HINT or PLAIN, from the element's own attributes."""
        known = self._verdicts.get(el)
        if known is not None:
            return known
        verdict = PLAIN
        items = el.items()
        if items:
            attrs = dict(items)
            get = attrs.get
            style = get("style")
            if (
                "hidden" in attrs
                or get("aria-hidden") == "true"
                or get("role") in FURNITURE_ROLES
                or (style is not None and HIDDEN_STYLE.search(style) is not None)
            ):
                verdict = HIDDEN
            elif get("itemprop") == "articleBody":
                verdict = HINT
            else:
                cls = get("class")
                ident = get("id")
                if cls is not None or ident is not None:
                    names = f"{cls or ''} {ident or ''}"
                    verdict = self._by_names.get(names, -1)
                    if verdict < 0:
                        verdict = HINT if is_body_hint(names) else NEGATIVE if is_negative(names) else PLAIN
                        self._by_names[names] = verdict
        if verdict == NEGATIVE and el.tag in _KEEP_TAGS:
            verdict = PLAIN
        self._verdicts[el] = verdict
        return verdict

    def page_len(self) -> int:
        """The length of the page's text (computed once, when first asked)."""
        if self._page_len < 0:
            self._page_len = text_len(self.body)
        return self._page_len

    def link_len(self, a: lxml.html.HtmlElement) -> int:
        """The ``text_len`` of the link *a*, measured once.  Only for the stages that read the
        tree without changing it (scoring, selection, recall recovery up to ``learned-blocks``):
        cleaning removes text from links, so it measures them again."""
        known = self._link_len.get(a)
        if known is None:
            known = self._link_len[a] = text_len(a)
        return known

    def link_lengths(self) -> dict[lxml.html.HtmlElement, int]:
        """The links measured so far by :meth:`link_len` (the same restriction applies)."""
        return self._link_len

    def link_density(self, el: lxml.html.HtmlElement, length: int | None = None) -> float:
        """:func:`link_density`, each link measured once (see :meth:`link_len`)."""
        return known_link_density(el, text_len(el) if length is None else length, self._link_len)

    def is_layout(self, el: lxml.html.HtmlElement) -> bool:
        """A furniture-named element holding most of the page's text is a layout wrapper
        (decided once per element: the first answer is kept)."""
        known = self._layout.get(el)
        if known is not None:
            return known
        length = text_len(el)
        result = length > 500 and (length > 0.5 * self.page_len() or POSITIVE.search(names_of(el)) is not None)
        self._layout[el] = result
        return result

    def blocked(self, el: lxml.html.HtmlElement) -> bool:
        """Whether *el* lies inside furniture (itself included).  Both answers are kept for the
        elements walked: a walk that meets furniture has met no hint and no cleared element on
        the way, so a later walk from any of them would meet the same furniture."""
        chain: list[lxml.html.HtmlElement] = []
        node = el
        result = False
        verdicts = self._verdicts
        while node is not None and node is not self.body:
            if node in self._clear:
                break
            if node in self._furniture:
                result = True
                break
            verdict = verdicts.get(node)
            if verdict is None:
                verdict = self.verdict(node)
            if verdict == HINT:
                break  # inside the article body: wrappers above do not count
            chain.append(node)
            if verdict == HIDDEN or (verdict == NEGATIVE and not self.is_layout(node)):
                result = True
                break
            node = node.getparent()
        (self._furniture if result else self._clear).update(chain)
        return result


@dataclass
class State:
    """What the rules read and write, from the page to the chosen content."""

    root: lxml.html.HtmlElement
    body: lxml.html.HtmlElement
    page: Page
    #: Candidate scores (an element and its ancestors, credited by paragraphs).
    scores: dict[lxml.html.HtmlElement, float] = field(default_factory=dict)
    #: Text mass: for the body and every ancestor of a text block, the length of the
    #: non-link text of the unblocked text blocks below it (see :mod:`.mass`).
    mass: dict[lxml.html.HtmlElement, float] = field(default_factory=dict)
    #: The same for running text only (long paragraphs with few links).
    prose: dict[lxml.html.HtmlElement, float] = field(default_factory=dict)
    #: The text blocks that made the mass, in document order: (element, text length,
    #: link text length).
    blocks: list[tuple[lxml.html.HtmlElement, int, int]] = field(default_factory=list)
    #: The chosen container and its final score.
    best: lxml.html.HtmlElement | None = None
    best_score: float = float("-inf")
    #: The chosen content, in document order.
    content: list[lxml.html.HtmlElement] = field(default_factory=list)
    #: The content is the page's body taken whole (no paragraph of running text).
    whole_body: bool = False
    #: Set by a rule to stop the chain before the next stage.
    done: bool = False
    #: The rules switched off (rules with sub-rules consult it).
    disabled: frozenset[str] = frozenset()
    #: The recognised page type (:mod:`.._pagetype`), when known.
    page_type: str | None = None
    #: Notes for the caller (become ``Article.warnings``).
    warnings: list[str] = field(default_factory=list)
