"""Main-content extraction: find the article body of a page, drop its boilerplate.

The stages, each a few passes over the lxml tree:

1. **Strip** what is never article text, in C (:func:`lxml.etree.strip_elements`):
   scripts, styles, form controls, embedded objects and the page furniture HTML
   names as such (``nav``, ``aside``, ``footer``, ``menu``).
2. **Score** every paragraph-like element by its text (length, commas) and
   credit its parent and, in part, its ancestors.  A paragraph inside furniture
   credits nothing: an element is furniture when it is hidden (``hidden``,
   ``aria-hidden``, ``display: none``, an ARIA ``navigation`` / ``banner`` ...
   role) or its ``class`` / ``id`` says it is a share bar, related-article list,
   comment section, newsletter or cookie box, advert, sidebar, breadcrumb ...
   unless the same attribute also names the article (``article-body``,
   ``post-content``), the element wraps such an article body, or it holds most
   of the page's text (a layout wrapper).  Names are split into words and looked
   up in vocabularies, so ``header`` never matches ``ad``.
3. **Choose**: each candidate's score is weighed by its tag, by what its
   ``class`` / ``id`` / ``itemprop`` say (``articleBody``, ``story``, ``content``
   up; ``comment``, ``promo`` down) and by its link density; the best one is the
   article's container.  An article split into sections by one component
   (same tag and class) is joined at their common ancestor; sibling elements
   that look like more of the article join it.
4. **Clean** the chosen container: furniture as in stage 2, captions outside
   ``<figure>``, paragraphs that are mostly links, and blocks with more images,
   list items or form fields than text, or too many links (readability's
   conditional cleaning).

Only the paragraphs, their ancestors and the chosen container are examined in
Python; the rest of the page is never walked element by element.  This follows
the published ideas of the readability family (paragraph scores credited to
ancestors, class weights, link density, sibling joining) and of trafilatura
(tag semantics, boilerplate vocabularies), written afresh.
"""

from __future__ import annotations

import re
from itertools import pairwise

import lxml.etree
import lxml.html

from articlekit._model import Block, Paragraph
from articlekit._model._text import inline_text
from articlekit._parsers.html._tree import drop_tree

__all__ = ["drop_ui_lines", "extract_content"]

# Elements that never hold article text; removed with their content.
_STRIP = (
    "script", "style", "noscript", "template", "svg", "math", "iframe", "frame", "frameset",
    "object", "embed", "applet", "canvas", "button", "input", "select", "textarea", "option",
    "datalist", "dialog", "map", "audio", "video", "source", "track", "nav", "aside", "footer",
    "menu", "link", "meta", "head", "title",
)

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_FURNITURE_ROLES = frozenset(
    ("navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search", "menu", "menubar")
)
_SPLIT_NAMES = re.compile(r"[^a-z0-9]+")

# Words of class / id that mark page furniture.  An attribute is split into
# words on anything but letters and digits ("share-bar" -> "share", "bar"), so
# "header" never matches "ad", and the words are looked up in a set.
_NEGATIVE_WORDS = frozenset(
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

_POSITIVE = re.compile(
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

_TAG_BONUS = {
    "div": 5.0, "article": 10.0, "main": 8.0, "section": 3.0, "pre": 3.0, "td": 3.0,
    "blockquote": 3.0, "address": -3.0, "ol": -3.0, "ul": -3.0, "dl": -3.0, "dd": -3.0,
    "dt": -3.0, "li": -3.0, "form": -3.0, "h1": -5.0, "h2": -5.0, "h3": -5.0, "h4": -5.0,
    "h5": -5.0, "h6": -5.0, "th": -5.0,
}
_PARA_TAGS = ("p", "pre", "td", "blockquote", "h2", "h3", "dd")
_TEXT_DIVS = lxml.etree.XPath(".//div[text()[normalize-space()]]")
_COMMAS = re.compile(r"[,\uff0c\u3001\u060c]")
_SENTENCE_END = re.compile(r"[.!?\u3002\uff01\uff1f]['\"\u201d\u2019)]?\s*$")

# Verdicts on an element's own attributes.
_PLAIN, _HINT, _NEGATIVE, _HIDDEN = 0, 1, 2, 3


# Short paragraphs that are a page's user-interface labels, not article text.
_UI_LINE = re.compile(
    r"^(?:close|caption|advert|advertisement|ad|ads|iklan|anzeige|publicidad|publicit\u00e9|"
    r"sponsored|comments?|share|share this\b.{0,40}|more:|image caption|loading\W*|"
    r"this slideshow requires javascript\W*|tell us what you think\W*|"
    r"(?:photo|image|picture|foto|credit|source)s?\s*(?::|by\b)\s*[^.!?]{0,60}|"
    r"filed under:.{0,60}|.{0,30}\b\d{1,3}\s*min(?:ute)?s?\s+read|skip to (?:content|main content)|"
    r"(?:click|tap) here\b.{0,40}|advertisement\s*-\s*continue reading below|"
    r"getty images|ap photo|shutterstock|istock(?:photo)?)$",
    re.IGNORECASE,
)


def drop_ui_lines(blocks: list[Block]) -> list[Block]:
    """Drop top-level paragraphs that are user-interface labels ("Close", "Advertisement",
    "Photo: AP", "3 min read") rather than article text.

    >>> from articlekit._model import Paragraph, Text
    >>> [b.children[0].text for b in drop_ui_lines([Paragraph([Text("Advertisement")]), Paragraph([Text("Hi.")])])]
    ['Hi.']
    """
    out = []
    for block in blocks:
        if isinstance(block, Paragraph):
            text = inline_text(block.children).strip()
            if len(text) < 100 and _UI_LINE.match(text):
                continue
        out.append(block)
    return out


def _is_negative(names: str) -> bool:
    words = _SPLIT_NAMES.split(names.lower())
    if not _NEGATIVE_WORDS.isdisjoint(words):
        # Embedded posts ("social-media-embed", "twitter-tweet") are quoted content.
        return "embed" not in words and "embedded" not in words
    if _PAIR_STARTS.isdisjoint(words):
        return False
    return any(f"{a} {b}" in _NEGATIVE_PAIRS for a, b in pairwise(words))


def _is_body_hint(names: str) -> bool:
    low = names.lower()
    if "body" not in low and "content" not in low and "text" not in low and "entry" not in low and "copy" not in low:
        return False
    return bool(_BODY_HINT.search(low))


def _names(el: lxml.html.HtmlElement) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def _class_weight(el: lxml.html.HtmlElement) -> float:
    names = _names(el)
    weight = 0.0
    if len(names) < 2:
        return weight
    if _is_negative(names):
        weight -= 25.0
    if _POSITIVE.search(names):
        weight += 25.0
    if _is_body_hint(names) or (el.get("itemprop") or "").lower() == "articlebody":
        weight += 40.0
    return weight


_NORM_LEN = lxml.etree.XPath("string-length(normalize-space())")


def _text_len(el: lxml.html.HtmlElement) -> int:
    """The length of the element's text, white space collapsed (computed in C)."""
    return int(_NORM_LEN(el))


def _link_density(el: lxml.html.HtmlElement, text_len: int | None = None) -> float:
    total = _text_len(el) if text_len is None else text_len
    if total == 0:
        return 0.0
    # (An XPath ".//a//text()" would be quadratic in libxml2 on pages with many links.)
    links = sum([int(_NORM_LEN(a)) for a in el.iter("a")])
    return min(links / total, 1.0)


def _remove(el: lxml.html.HtmlElement) -> None:
    """Remove *el* and its content, keeping its tail text in the document."""
    drop_tree(el)


class _Page:
    """What is known about one page's elements, computed once, on demand."""

    def __init__(self, body: lxml.html.HtmlElement) -> None:
        self.body = body
        self._verdicts: dict[lxml.html.HtmlElement, int] = {}
        self._by_names: dict[str, int] = {}
        self._clear: set[lxml.html.HtmlElement] = set()
        self._page_len = -1

    def verdict(self, el: lxml.html.HtmlElement) -> int:
        """_HIDDEN, _NEGATIVE, _HINT or _PLAIN, from the element's own attributes."""
        known = self._verdicts.get(el)
        if known is not None:
            return known
        verdict = _PLAIN
        items = el.items()
        if items:
            attrs = dict(items)
            get = attrs.get
            style = get("style")
            if (
                "hidden" in attrs
                or get("aria-hidden") == "true"
                or get("role") in _FURNITURE_ROLES
                or (style is not None and _HIDDEN_STYLE.search(style) is not None)
            ):
                verdict = _HIDDEN
            elif get("itemprop") == "articleBody":
                verdict = _HINT
            else:
                cls = get("class")
                ident = get("id")
                if cls is not None or ident is not None:
                    names = f"{cls or ''} {ident or ''}"
                    verdict = self._by_names.get(names, -1)
                    if verdict < 0:
                        verdict = _HINT if _is_body_hint(names) else _NEGATIVE if _is_negative(names) else _PLAIN
                        self._by_names[names] = verdict
        if verdict == _NEGATIVE and el.tag in _KEEP_TAGS:
            verdict = _PLAIN
        self._verdicts[el] = verdict
        return verdict

    def page_len(self) -> int:
        if self._page_len < 0:
            self._page_len = _text_len(self.body)
        return self._page_len

    def is_layout(self, el: lxml.html.HtmlElement) -> bool:
        """A furniture-named element holding most of the page's text is a layout wrapper."""
        length = _text_len(el)
        if length > 0.5 * self.page_len() and length > 500:
            return True
        return length > 500 and _POSITIVE.search(_names(el)) is not None

    def blocked(self, el: lxml.html.HtmlElement) -> bool:
        """Whether *el* lies inside furniture (itself included)."""
        chain: list[lxml.html.HtmlElement] = []
        node = el
        result = False
        while node is not None and node is not self.body:
            if node in self._clear:
                break
            verdict = self.verdict(node)
            if verdict == _HINT:
                break  # inside the article body: wrappers above do not count
            if verdict == _HIDDEN or (verdict == _NEGATIVE and not self.is_layout(node)):
                result = True
                break
            chain.append(node)
            node = node.getparent()
        if not result:
            self._clear.update(chain)
        return result


def _score_candidates(page: _Page) -> dict[lxml.html.HtmlElement, float]:
    scores: dict[lxml.html.HtmlElement, float] = {}

    def credit(el: lxml.html.HtmlElement, points: float) -> None:
        level = 0
        node = el.getparent()
        while node is not None and level < 4:
            if node not in scores:
                scores[node] = _TAG_BONUS.get(node.tag, 0.0) + _class_weight(node)
            divider = 1 if level == 0 else 2 if level == 1 else level * 3
            scores[node] += points / divider
            node = node.getparent()
            level += 1

    body = page.body
    for para in body.iter(*_PARA_TAGS):
        text = para.text_content()
        length = len(text.strip())
        if length < 25 or page.blocked(para):
            continue
        points = 1.0 + len(_COMMAS.findall(text)) + min(length / 100.0, 3.0)
        credit(para, points)
    for div in _TEXT_DIVS(body):
        own = (div.text or "") + "".join(child.tail or "" for child in div)
        length = len(own.strip())
        if length < 25 or page.blocked(div):
            continue
        points = 1.0 + len(_COMMAS.findall(own)) + min(length / 100.0, 3.0)
        # The div is itself a paragraph: its own text credits it and its ancestors.
        if div not in scores:
            scores[div] = _TAG_BONUS.get(div.tag, 0.0) + _class_weight(div)
        scores[div] += points
        credit(div, points / 2)
    return scores


def _is_content_sibling(
    sib: lxml.html.HtmlElement,
    threshold: float,
    top: lxml.html.HtmlElement,
    scores: dict[lxml.html.HtmlElement, float],
    page: _Page,
) -> bool:
    if not isinstance(sib.tag, str) or page.blocked(sib):
        return False
    bonus = 0.0
    top_class = top.get("class")
    if top_class and sib.get("class") == top_class:
        bonus = scores.get(top, 0.0) * 0.2
    if sib in scores and scores[sib] + bonus >= threshold:
        return True
    if sib.tag == "p":
        text = " ".join(sib.text_content().split())
        density = _link_density(sib, len(text))
        if len(text) > 80 and density < 0.25:
            return True
        if 0 < len(text) <= 80 and density == 0 and _SENTENCE_END.search(text):
            return True
    return False


def _drop_furniture(content: lxml.html.HtmlElement, page: _Page) -> None:
    """Remove hidden and furniture-named elements inside the chosen content."""
    doomed: list[lxml.html.HtmlElement] = []
    protected: set[lxml.html.HtmlElement] = set()
    for el in content.iter():
        if el is content or not isinstance(el.tag, str):
            continue
        verdict = page.verdict(el)
        if verdict == _HINT:
            node = el.getparent()
            while node is not None and node is not content and node not in protected:
                protected.add(node)
                node = node.getparent()
        elif verdict in (_HIDDEN, _NEGATIVE):
            doomed.append(el)
    for el in doomed:
        if el in protected or el.getparent() is None:
            continue
        if page.verdict(el) == _NEGATIVE and page.is_layout(el):
            continue
        _remove(el)


_CAPTION_NAMES = lxml.etree.XPath(
    ".//*[contains(translate(@class, 'CAPTION', 'caption'), 'caption')]"
    "[not(self::figure or self::figcaption or ancestor::figcaption)]"
)


def _mark_captions(content: lxml.html.HtmlElement) -> None:
    """Captions outside ``<figure>``: make the block holding the picture a figure, else drop them."""
    for cap in _CAPTION_NAMES(content):
        if cap.getparent() is None or cap is content:
            continue
        holder = cap.getparent()
        for _ in range(2):
            if holder is None or holder is content or holder.find(".//img") is not None:
                break
            holder = holder.getparent()
        if (
            holder is not None
            and holder is not content
            and holder.find(".//img") is not None
            and _text_len(holder) < 600
        ):
            if holder.tag != "figure":
                holder.tag = "figure"
            cap.tag = "figcaption"
        elif _text_len(cap) < 1000 and cap.find(".//p") is None:
            _remove(cap)


def _drop_link_paragraphs(content: lxml.html.HtmlElement) -> None:
    """Paragraphs that are mostly links ("SEE MORE: ...", "Related: ...") are not article text."""
    for para in list(content.iter("p")):
        links = para.findall(".//a")
        if not links:
            continue
        # Hover cards inside running text (a picture and links about a linked name).
        # Innermost first: the card goes, the linked name it hangs from stays.
        for box in reversed(list(para.iter("span", "div"))):
            if box.getparent() is not None and box.find(".//img") is not None and _link_density(box) > 0.8:
                _remove(box)
        links = para.findall(".//a")
        text = " ".join(para.text_content().split())
        if not text:
            continue
        linked = sum(len(" ".join(a.text_content().split())) for a in links)
        if linked >= 0.75 * len(text) and (len(links) >= 2 or len(text) < 150):
            _remove(para)


_COUNT_P = lxml.etree.XPath("count(.//p)")
_COUNT_IMG = lxml.etree.XPath("count(.//img)")
_COUNT_LI = lxml.etree.XPath("count(.//li)")
_COUNT_INPUT = lxml.etree.XPath("count(.//input)")


def _clean_conditionally(content: lxml.html.HtmlElement, page: _Page) -> None:
    """Drop blocks inside the content that look like furniture (readability's idea)."""
    _drop_furniture(content, page)
    _mark_captions(content)
    _drop_link_paragraphs(content)
    total = _text_len(content)
    for el in reversed(list(content.iter("table", "ul", "ol", "div", "section", "dl", "figure"))):
        if el is content or el.getparent() is None:
            continue
        text = " ".join(el.text_content().split())
        if len(text) > 0.5 * total:
            continue  # most of the content: never furniture
        weight = _class_weight(el)
        if weight < 0 or _looks_like_furniture(el, text, weight):
            _remove(el)


def _looks_like_furniture(el: lxml.html.HtmlElement, text: str, weight: float) -> bool:
    """Readability's conditional cleaning: a block inside the content with more pictures,
    list items or form fields than paragraphs, or too many links for its weight."""
    if len(_COMMAS.findall(text)) >= 10:
        return False  # running text
    is_list = el.tag in ("ul", "ol")
    n_p = int(_COUNT_P(el))
    n_img = int(_COUNT_IMG(el))
    if is_list and n_img >= 2:
        # An image gallery: most items are pictures.
        items = [li for li in el if li.tag == "li"]
        with_img = sum(1 for li in items if li.find(".//img") is not None)
        if with_img * 2 >= len(items):
            return True
    density = _link_density(el, len(text))
    if el.tag == "figure":
        return density > 0.5
    if n_img > 1 and n_p / n_img < 0.5 and len(text) < 200:
        return True
    if not is_list and int(_COUNT_LI(el)) - 100 > n_p:
        return True
    if int(_COUNT_INPUT(el)) > n_p // 3:
        return True
    if not text:
        return n_img == 0 and el.tag != "table"
    if el.find(".//blockquote") is not None and density < 0.5:
        return False  # an embedded post or a quotation: content, whatever its links
    if weight < 25 and density > 0.2 and len(text) < 1000:
        return not (is_list and density < 0.5)
    return weight >= 25 and density > 0.5


def _ancestors(el: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    out = []
    node = el
    while node is not None:
        out.append(node)
        node = node.getparent()
    return out


def _join_split_article(
    best: lxml.html.HtmlElement, best_score: float, scores: dict[lxml.html.HtmlElement, float]
) -> lxml.html.HtmlElement:
    """An article split into sections (between figures, pull quotes, ads) is rendered by one
    component: elements of the best one's tag and class that hold good text too.  Their
    lowest common ancestor is then the article's container."""
    cls = best.get("class")
    if not cls:
        return best
    threshold = max(10.0, best_score * 0.15)
    cousins = [
        el for el, score in scores.items()
        if el is not best and score >= threshold and el.tag == best.tag and el.get("class") == cls
    ]
    if not cousins:
        return best
    common = _ancestors(best)
    for el in cousins:
        chain = set(_ancestors(el))
        while common and common[0] not in chain:
            common.pop(0)
    if not common or common[0].tag in ("body", "html"):
        return best
    return common[0]


def extract_content(root: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """Find the article body in *root* (modified in place) and return its elements, in order.

    The result is a list because an article is sometimes split across sibling
    elements.  An empty list means the page has no article text.

    >>> import lxml.html
    >>> page = lxml.html.fromstring(
    ...     "<html><body><nav><a href=/>Home</a></nav><div class=story>"
    ...     "<p>First paragraph of the story, long enough to count, with commas, yes.</p>"
    ...     "<p>Second paragraph of the story, also long enough to count as text.</p></div>"
    ...     "<footer>(c) Site</footer></body></html>")
    >>> [el.get("class") for el in extract_content(page)]
    ['story']
    """
    body = root.find("body")
    if body is None:
        body = root
    lxml.etree.strip_elements(body, *_STRIP, with_tail=False)
    page = _Page(body)
    scores = _score_candidates(page)
    if not scores:
        # No paragraph of running text: a very short document is its own content,
        # a page of links and furniture (a home page, a shop) has no article.
        if _text_len(body) and _link_density(body) < 0.5:
            _clean_conditionally(body, page)
            return [body] if _text_len(body) else []
        return []
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])[:8]
    best: lxml.html.HtmlElement | None = None
    best_score = float("-inf")
    for el, raw in ranked:
        if raw <= best_score:
            break  # a final score is never above the raw one: nothing left can win
        final = raw * (1.0 - _link_density(el))
        if final > best_score:
            best, best_score = el, final
    assert best is not None
    best = _join_split_article(best, best_score, scores)
    parent = best.getparent()
    content = [best]
    if parent is not None and best.tag not in ("body", "html"):
        threshold = max(10.0, best_score * 0.2)
        content = [
            sib for sib in parent
            if sib is best or _is_content_sibling(sib, threshold, best, scores, page)
        ]
    for el in content:
        _clean_conditionally(el, page)
    return content
