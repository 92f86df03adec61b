"""The extractor's and the metadata readers' fast paths give the answers of the code they replace.

Extraction and metadata are sped up by counting in one walk what several XPath queries
counted, by measuring each link once per page, and by a walk in Python where an XPath query
converted each class to a string several times.
A fast path must never change an answer: each property here checks one against the code it
replaces (kept here), on made-up pages of any shape.
"""

from __future__ import annotations

import random

import lxml.etree
import lxml.html
from hypothesis import example, given, settings
from hypothesis import strategies as st

from articlekit._limits import Limits
from articlekit._parsers.html._extract import RULES, blocks, learned
from articlekit._parsers.html._extract._common import HIDDEN, HINT, NEGATIVE, Page, State
from articlekit._parsers.html._metadata import _authors, _dates, _sources
from articlekit._parsers.html._tree import parse_tree

# The query the metadata used to find a thread's first poster, before its one-walk fast path.
_FORUM_USERS_XPATH = (
    "//*[contains(translate(@class, 'UN', 'un'), 'username') or contains(translate(@class, 'UN', 'un'), 'user-name')"
    " or contains(@class, 'creator') or contains(@class, 'author')"
    " or contains(@class, 'poster')] | //a[contains(@href, '/members/') or contains(@href, '/member.php')"
    " or contains(@href, '/user/') or contains(@href, '/u/') or contains(@href, '/profile/')"
    " or contains(@href, '/users/') or contains(@href, 'mode=viewprofile') or contains(@href, 'action=profile')]"
)

_TAGS = ["div", "p", "a", "li", "ul", "tr", "td", "table", "h1", "h2", "h3", "h4", "h5", "h6", "span", "section",
         "article", "nav", "b"]
_CLASSES = ["", "story", "content", "nav", "menu", "entry-content", "related", "byline", "post"]
_WORDS = st.sampled_from(["Rain", "fell,", "on the town.", "Officials said", "a", "link", "again, and again", "\u00a0", " "])


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda tag, cls, kids: f"<{tag}{f' class={cls!r}' if cls else ''}>{''.join(kids)}</{tag}>",
        st.sampled_from(_TAGS),
        st.sampled_from(_CLASSES),
        st.lists(children, max_size=5),
    )


_TEXT = st.lists(_WORDS, min_size=1, max_size=12).map(" ".join)
_NODES = st.recursive(_TEXT, _element, max_leaves=60)
_PAGES = st.lists(_NODES, min_size=1, max_size=6).map(lambda parts: f"<html><body>{''.join(parts)}</body></html>")

# What :func:`learned.tag_counts` replaces: one XPath count per tag (or group of tags).
_OLD_COUNTS = {
    "p": lxml.etree.XPath("count(.//p)"),
    "h": lxml.etree.XPath("count(.//h1|.//h2|.//h3|.//h4|.//h5|.//h6)"),
    "li": lxml.etree.XPath("count(.//li)"),
    "tr": lxml.etree.XPath("count(.//tr)"),
    "a": lxml.etree.XPath("count(.//a)"),
}


@given(_PAGES)
@example("<html><body><div><p>x<a>y</a></p><h2>t</h2><h6>u<h1>v</h1></h6><ul><li><p>z</p></li></ul></div></body></html>")
@settings(max_examples=150)
def test_tag_counts_match_the_xpath_counts(page: str) -> None:
    root = lxml.html.fromstring(page)
    for el in root.iter():
        counts = learned.tag_counts(el)
        assert counts["p"] == _OLD_COUNTS["p"](el)
        assert sum(counts[h] for h in ("h1", "h2", "h3", "h4", "h5", "h6")) == _OLD_COUNTS["h"](el)
        assert counts["li"] == _OLD_COUNTS["li"](el)
        assert counts["tr"] == _OLD_COUNTS["tr"](el)
        assert counts["a"] == _OLD_COUNTS["a"](el)


def _state_before(page: str, page_type: str, name: str) -> State:
    root = lxml.html.fromstring(page)
    body = root.find("body")
    assert body is not None
    state = State(root=root, body=body, page=Page(body), page_type=page_type)
    for rule in RULES:
        if rule.name == name or state.done:
            break
        rule.run(state)
    return state


def _state_before_learned(page: str, page_type: str) -> State:
    return _state_before(page, page_type, learned.NAME)


_LONG = "Officials said on Friday, after weeks of talks, that no new date had been set, again."


@given(_PAGES, st.sampled_from(["forum", "product", "collection", "listing", "service", "documentation"]))
@example(
    f"<html><body><nav><a>Home</a> <a>News</a></nav><div class=story><p>{_LONG} <a>more</a></p><p>{_LONG}</p></div>"
    f"<div class=related><p>{_LONG}</p><a>Other story, with a long title that goes on</a></div></body></html>",
    "service",
)
@settings(max_examples=150)
def test_learned_features_are_the_same_with_the_pages_link_lengths(page: str, page_type: str) -> None:
    # The rule ``learned`` measures links with the page's lengths (kept by the scoring and
    # selection, which do not change the tree), not with lengths of its own.
    state = _state_before_learned(page, page_type)
    cached = learned.Shared(state.body, state.page.link_lengths())
    for el in learned.candidates(state):
        assert learned.features(state, el, page_type, cached) == learned.features(
            state, el, page_type, learned.Shared(state.body)
        )


_USER_CLASSES = ["username", "UserName", "USERNAME", "user-Name", "User-name", "post-author", "Author", "creator",
                 "poster", "uSername", "usern", "big-username", "x"]
_HREFS = ["/members/7", "/member.php?u=1", "/user/ann", "/u/x", "/profile/", "/users/", "?mode=viewprofile",
          "index.php?action=profile", "/Users/", "/about"]
_USER_ELEMENT = st.builds(
    lambda tag, cls, href, text: f"<{tag}{f' class={cls!r}' if cls is not None else ''}"
    f"{f' href={href!r}' if href is not None else ''}>{text}</{tag}>",
    st.sampled_from(["a", "div", "span", "A"]),
    st.none() | st.lists(st.sampled_from(_USER_CLASSES), max_size=3).map(" ".join),
    st.none() | st.sampled_from(_HREFS),
    st.sampled_from(["Ann", "", "x"]),
)


@given(st.lists(_USER_ELEMENT, max_size=12), st.lists(_USER_ELEMENT, max_size=4), st.booleans())
@example([], ["<div class='author'>b</div>"], True)
@settings(max_examples=150)
def test_forum_users_match_the_xpath(body: list[str], after: list[str], second_document: bool) -> None:
    # What follows a second <html> is a second top-level element: the XPath ("//") finds
    # its elements too.
    tail = f"<html><body>{''.join(after)}</body></html>" if second_document else "".join(after)
    root, _ = parse_tree(f"<html><body>{''.join(body)}</body></html>{tail}", limits=Limits())
    found = root.xpath(_FORUM_USERS_XPATH)
    assert _authors._forum_users(root, 300) == found[:300]
    for limit in (1, 2, 5):
        assert _authors._forum_users(root, limit) == found[:limit]


def _text_nodes(found: object) -> list[tuple[str, object, bool]]:
    assert isinstance(found, list)
    return [(str(t), t.getparent(), t.is_tail) for t in found]


@given(_PAGES, st.integers(min_value=0, max_value=8), st.booleans())
@example("<html><body><h1>T</h1>a<!-- c -->b<p>x<b>y</b>z</p>w</body></html>", 3, True)
@settings(max_examples=100)
def test_the_first_text_nodes_are_the_queries_first_results(page: str, limit: int, second_document: bool) -> None:
    # The forum date reads the first 400 text nodes after the headline (or in the body):
    # the query with a position bound gives the unbounded query's first ones.
    tail = "<html><body><p>after the document</p></body></html>" if second_document else ""
    root, _ = parse_tree(page + tail, limits=Limits())
    for el in root.iter(lxml.etree.Element):
        following = el.xpath("following::text()")
        descendant = el.xpath("descendant::text()")
        assert isinstance(following, list)
        assert isinstance(descendant, list)
        assert _text_nodes(_dates._XP_FOLLOWING_TEXTS(el, n=limit)) == _text_nodes(following[:limit])
        assert _text_nodes(_dates._XP_DESCENDANT_TEXTS(el, n=limit)) == _text_nodes(descendant[:limit])


_NORM_LEN = lxml.etree.XPath("string-length(normalize-space())")


def _old_page_blocks(state: State) -> blocks.Blocks:
    """:func:`blocks.page_blocks` as it was: every element inside a mass block marked first."""
    known = {el: (el, length, links) for el, length, links in state.blocks}
    body = state.body
    within: dict[lxml.html.HtmlElement, lxml.html.HtmlElement | None] = {}
    for el in known:
        within.update(dict.fromkeys(el.iter(), el))
    out: blocks.Blocks = []
    seen: set[lxml.html.HtmlElement] = set()
    for parent in blocks._TEXT_PARENTS(body):
        owner = within.get(parent)
        if owner is not None:
            if owner not in seen:
                seen.add(owner)
                out.append(known[owner])
            continue
        node = parent
        while node.tag in blocks._INLINE and node is not body:
            up = node.getparent()
            if up is None:
                break
            node = up
        path = []
        walker: lxml.html.HtmlElement | None = node
        while walker is not None:
            if walker in within:
                owner = within[walker]
                break
            if walker is body:
                break
            path.append(walker)
            walker = walker.getparent()
        for step in path:
            within[step] = owner
        block = owner if owner is not None else node
        if block in seen or not isinstance(block.tag, str):
            continue
        seen.add(block)
        if owner is not None:
            out.append(known[owner])
            continue
        if block is body:
            continue
        length = int(_NORM_LEN(block))
        if length < 10 or state.page.blocked(block):
            continue
        out.append((block, length, sum([int(_NORM_LEN(a)) for a in block.iterdescendants("a")])))
    return out


@given(_PAGES, st.sampled_from(["forum", "product", "collection", "service"]))
@example(
    f"<html><body><div class=story><p>{_LONG} <a>more</a><span>{_LONG}</span></p><li><td>{_LONG}</td>"
    f"<b>{_LONG}</b></li></div><div><span><b>Card title, with words</b></span> tail text of the card</div>"
    f"<nav><a>Home</a> and more words here</nav></body></html>",
    "product",
)
@settings(max_examples=150)
def test_page_blocks_match_the_blocks_found_by_marking(page: str, page_type: str) -> None:
    state = _state_before(page, page_type, blocks.NAME)
    found = blocks.page_blocks(state)
    expected = _old_page_blocks(state)
    assert [(el, length, links) for el, length, links in found] == expected


def _blocked_walk(page: Page, el: lxml.html.HtmlElement) -> bool:
    """:meth:`Page.blocked` without the answers kept: the whole walk up every time."""
    node: lxml.html.HtmlElement | None = el
    while node is not None and node is not page.body:
        verdict = page.verdict(node)
        if verdict == HINT:
            return False
        if verdict == HIDDEN or (verdict == NEGATIVE and not page.is_layout(node)):
            return True
        node = node.getparent()
    return False


_FURNITURE_PAGES = st.lists(
    st.sampled_from([
        "<div class=sidebar><p>{t}</p><div class=inner><p>{t}</p></div></div>",
        "<div class=content><div class=related><p>{t}</p></div><p>{t}</p></div>",
        "<div class=article-body><div class=share><p>{t}</p></div></div>",
        "<div hidden><p>{t}</p><div class=entry-content><p>{t}</p></div></div>",
        "<div class=menu>" + "<p>{t} {t} {t} {t} {t} {t}</p>" * 3 + "</div>",
        "<section style='display:none'><li>{t}</li></section>",
        "<p>{t}</p>",
    ]),
    min_size=1,
    max_size=8,
)


@given(_FURNITURE_PAGES | _PAGES.map(lambda p: [p]), st.randoms(use_true_random=False))
@settings(max_examples=150)
def test_blocked_keeps_the_answers_of_the_whole_walk(parts: list[str], rnd: random.Random) -> None:
    html = "".join(parts).replace("{t}", _LONG)
    root = lxml.html.fromstring(html if html.startswith("<html>") else f"<html><body>{html}</body></html>")
    body = root.find("body")
    assert body is not None
    elements = [el for el in body.iter(lxml.etree.Element) if el is not body]
    rnd.shuffle(elements)
    page, reference = Page(body), Page(body)
    for el in elements + elements[::-1]:
        assert page.blocked(el) == _blocked_walk(reference, el)


def _old_find_by_class(root: lxml.html.HtmlElement, limit: int | None) -> dict[str, list[lxml.html.HtmlElement]]:
    """:func:`_sources._find_by_class` as it was: every distinct class and id pair worked out."""
    found: dict[str, list[lxml.html.HtmlElement]] = {"bylines": [], "headlines": [], "dates": []}
    cap = _sources._MAX_FOUND if limit is None else limit
    for el in _sources._XP_NAMED(root):
        kinds = _sources._kinds(el.get("class"), el.get("id"))
        if kinds is None:
            continue
        tag = el.tag.lower()
        if kinds[0] and len(found["bylines"]) < cap and tag not in _sources._NOT_BYLINE_TAGS:
            found["bylines"].append(el)
        if kinds[1] and len(found["headlines"]) < cap and tag in ("h2", "h3", "div", "span", "p", "header"):
            found["headlines"].append(el)
        if kinds[2] and len(found["dates"]) < cap and tag not in _sources._NOT_DATE_TAGS:
            found["dates"].append(el)
    return found


_NAME_WORDS = ["byline", "AUTHOR", "post-date", "headline", "entry-title", "nav", "sidebar-title", "updated-date",
               "Timestamp", "poſted", "tıtle", "\u212author", "x", "", "menu", "ByLine", "date-time"]
_NAMED = st.builds(
    lambda tag, cls, ident: f"<{tag}{f' class={cls!r}' if cls is not None else ''}{f' id={ident!r}' if ident is not None else ''}>t</{tag}>",
    st.sampled_from(["div", "span", "p", "h2", "time", "a", "img", "header", "article"]),
    st.none() | st.lists(st.sampled_from(_NAME_WORDS), max_size=3).map(" ".join),
    st.none() | st.sampled_from(_NAME_WORDS),
)


@given(st.lists(_NAMED, max_size=30), st.sampled_from([None, 1, 3]))
@example(["<div class='byline' id='x'>t</div>", "<div class='x' id='byline'>t</div>", "<span class='nav' id='date'>t</span>"], None)
@settings(max_examples=150)
def test_elements_found_by_class_are_the_same_when_values_are_gated_first(parts: list[str], limit: int | None) -> None:
    root = lxml.html.fromstring(f"<html><body>{''.join(parts)}</body></html>")
    assert _sources._find_by_class(root, limit) == _old_find_by_class(root, limit)
