"""to_html: structure, safety against hostile input (R10, R22), nh3 fixed point, round trip.

The safety checks below are written independently of the serialiser's own
``safe_url``: they parse the output with lxml (and html5ever, through nh3) and
look at what a browser would see.
"""

from __future__ import annotations

import html
import json
import os
import re
from datetime import datetime, timedelta, timezone
from typing import Any

import attrs
import lxml.etree
import lxml.html
import nh3
import pytest
from hypothesis import given

import articlekit as ak
from articlekit._parsers.html._own import read_own_html
from articlekit._serializers.html import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, ALLOWED_URL_SCHEMES
from articlekit._urls import is_unsafe_url, safe_url
from articlekit.testing import articles
from reference_example import QUOTES, reference_article

# Property tests generate many articles: no time limit in the dedicated thorough run.
PROPERTY_TIMEOUT = 0 if os.environ.get("HYPOTHESIS_PROFILE") == "thorough" else 1800

FORBIDDEN_ELEMENTS = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "base",
    "form", "meta", "link", "svg", "math", "noscript", "template", "textarea", "input", "button",
}
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "data", "poster", "xlink:href", "cite"}
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")


def _parser() -> lxml.html.HTMLParser:
    return lxml.html.HTMLParser(huge_tree=True, no_network=True)


def _parse_document(text: str) -> Any:
    return lxml.html.document_fromstring(text, parser=_parser())


def _parse_fragment(text: str) -> Any:
    return _parse_document(f"<!DOCTYPE html><html><head></head><body>{text}</body></html>")


def _url_is_safe(value: str) -> bool:
    """R10's rule, independently: entity-decode, strip [\\x00-\\x20], lower-case, look at the scheme."""
    decoded = value
    for _ in range(5):
        decoded = html.unescape(decoded)
    probe = re.sub(r"[\x00-\x20]", "", decoded).lower()
    match = _SCHEME.match(probe)
    return match is None or match.group(1) in ALLOWED_URL_SCHEMES


def _assert_safe_body(body: Any) -> None:
    """Every element below *body* is allowed, with allowed attributes and safe URLs only."""
    depth = max((len(list(el.iterancestors())) for el in body.iter()), default=0)
    assert depth <= 64 + 2  # R22: bounded output depth
    for el in body.iterdescendants():
        if not isinstance(el.tag, str):
            raise AssertionError(f"comment or PI in output: {el!r}")
        assert el.tag not in FORBIDDEN_ELEMENTS
        assert el.tag in ALLOWED_TAGS, el.tag
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), name
            assert name.lower() != "style"
            assert name in ALLOWED_ATTRIBUTES.get(el.tag, ()), (el.tag, name)
            if name in URL_ATTRIBUTES:
                assert _url_is_safe(value), (name, value)


NH3_ATTRIBUTES = {tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()}


def _nh3_fixed_point(fragment: str) -> bool:
    cleaned = nh3.clean(
        fragment,
        tags=set(ALLOWED_TAGS),
        attributes=NH3_ATTRIBUTES,
        link_rel=None,
        url_schemes=set(ALLOWED_URL_SCHEMES),
        strip_comments=True,
    )
    return cleaned == fragment


def _body_fragment(document: str) -> str:
    start = document.index("<body>\n") + len("<body>\n")
    end = document.rindex("\n</body>")
    return document[start:end]


# --------------------------------------------------------------------------- examples


def test_reference_example_fragment_structure() -> None:
    article = reference_article()
    out = ak.to_html(article)
    root = _parse_fragment(out)
    (art,) = root.body
    assert art.tag == "article"
    assert art.get("lang") == "en"
    header = art[0]
    assert header.tag == "header"
    assert header.find("h1").text_content() == article.title
    assert header.find("p[@class='standfirst']").text_content() == article.standfirst
    author = header.find(".//a[@rel='author']")
    assert author.text == "Jane Doe"
    assert author.get("href") == "https://news.example.com/authors/jane-doe"
    assert header.find(".//time").get("datetime") == "2025-05-23T09:30:00+00:00"
    assert [el.tag for el in art[1:]] == ["p", "p", "p", "h2", "p", "p", "p", "p", "p"]
    assert art[4].text == "Putin\u2019s Proposal"
    # Every one of the nine quotes is marked up, in order, with its speaker.
    marked = art.findall(".//span[@data-kind]")
    assert art.findall(".//q") == [], "no <q>: the text keeps its own marks"
    assert [q.text_content() for q in marked] == [q[0] for q in QUOTES]
    assert [(q.get("data-speaker"), q.get("data-kind"), q.get("data-cue")) for q in marked] == [
        (speaker.name, kind, cue) for _, kind, speaker, cue in QUOTES
    ]
    assert marked[2].get("data-role") == "Kremlin spokesperson"


def test_every_block_and_inline_kind() -> None:
    body = [
        ak.Heading(3, [ak.Text("Head "), ak.Emphasis([ak.Text("em")])]),
        ak.Paragraph(
            [
                ak.Strong([ak.Text("b")]),
                ak.Strikethrough([ak.Text("s")]),
                ak.InlineCode("x < y"),
                ak.Link("https://e.com/?a=1&b=2", [ak.Text("link")], title='say "hi"'),
                ak.LineBreak(),
                ak.InlineImage("/i.png", alt="icon", title=None),
            ]
        ),
        ak.ListBlock([ak.ListItem([ak.Paragraph([ak.Text("one")])]), ak.ListItem([])], ordered=True, start=3),
        ak.ListBlock([ak.ListItem([ak.Paragraph([ak.Text("dot")])])]),
        ak.BlockQuote([ak.Paragraph([ak.Text("quoted")])]),
        ak.Figure("https://e.com/p.jpg", alt="A photo", caption=[ak.Text("Caption")], credit="AP"),
        ak.Table(
            header=[ak.TableRow([ak.TableCell([ak.Text("H")], align="right")])],
            rows=[ak.TableRow([ak.TableCell([ak.Text("1")])])],
            caption=[ak.Text("Cap")],
        ),
        ak.CodeBlock("print('<hi>')\n", language="python"),
        ak.ThematicBreak(),
    ]
    out = ak.to_html(ak.Article(body=body))
    assert "<h3>Head <em>em</em></h3>" in out
    assert (
        '<p><strong>b</strong><del>s</del><code>x &lt; y</code>'
        '<a href="https://e.com/?a=1&amp;b=2" title="say &quot;hi&quot;">link</a><br><img src="/i.png" alt="icon"></p>'
    ) in out
    assert '<ol start="3">\n<li><p>one</p>\n</li>\n<li></li>\n</ol>' in out
    assert "<ul>\n<li><p>dot</p>\n</li>\n</ul>" in out
    assert "<blockquote>\n<p>quoted</p>\n</blockquote>" in out
    assert (
        '<figure><img src="https://e.com/p.jpg" alt="A photo"><figcaption>Caption'
        '<small class="credit">AP</small></figcaption></figure>'
    ) in out
    assert '<caption>Cap</caption>\n<thead>\n<tr><th align="right">H</th></tr>\n</thead>' in out
    assert "<tbody>\n<tr><td>1</td></tr>\n</tbody>" in out
    assert (
        '<pre><code class="language-python" data-language="python">print(\'&lt;hi&gt;\')\n</code></pre>'
    ) in out
    assert "<hr>" in out
    assert "<header>" not in out  # nothing to put in it
    assert _nh3_fixed_point(out)


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.com/", True),
        ("HTTP://EXAMPLE.COM/", True),
        ("mailto:a@b.c", True),
        ("/relative", True),
        ("relative/path?x=1:2", True),
        ("#frag", True),
        ("//example.com/x", True),
        ("", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        (" java\tscript:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("\u200bjavascript:alert(1)", False),
        ("javascript&#58;alert(1)", False),
        ("javascript&#x3A;alert(1)", False),
        ("javascript&colon;alert(1)", False),
        ("&#106;avascript:alert(1)", False),
        ("javascript&amp;#58;alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox(1)", False),
        ("file:///etc/passwd", False),
        ("ftp://example.com/", False),
    ],
)
def test_safe_url(url: str, kept: bool) -> None:
    assert (safe_url(url) == url) is kept
    if is_unsafe_url(url):
        # The model refuses what runs code or reads local files: the writers never see it.
        with pytest.raises(ak.ValidationError, match="unsafe URL"):
            ak.Link(url, [ak.Text("x")])
        with pytest.raises(ak.ValidationError, match="unsafe image URL"):
            ak.InlineImage(url)
        return
    article = ak.Article(body=[ak.Paragraph([ak.Link(url, [ak.Text("x")]), ak.InlineImage(url)])])
    root = _parse_fragment(ak.to_html(article))
    link = root.find(".//a")
    image = root.find(".//img")
    expected = url if kept and url else None  # an empty URL is left out too
    assert link.get("href") == expected
    assert image.get("src") == expected
    assert link.text == "x"  # the link's content is always kept


def test_quote_marked_up_only_where_the_markup_allows() -> None:
    # "b c" crosses the end of the emphasis: it cannot be one <q>, so it is left unmarked;
    # "a b" is exactly the emphasis (the quote goes around it) and "d" lies in plain text.
    para = ak.Paragraph([ak.Emphasis([ak.Text("a b")]), ak.Text(" c d")])
    article = ak.Article(body=[para])
    quotes = [
        ak.Quote("b c", "partial", (2, 5)),
        ak.Quote("a b", "direct", (0, 3), speaker=ak.Speaker("X")),
        ak.Quote("d", "indirect", (6, 7), speaker=ak.Speaker("Y"), cue="said"),
    ]
    out = ak.to_html(attrs.evolve(article, quotes=quotes))
    assert out.count("<q") == 0
    assert '<p><span data-kind="direct" data-speaker="X"><em>a b</em></span> c ' in out
    assert '<span data-kind="indirect" data-speaker="Y" data-cue="said">d</span></p>' in out


def test_nested_and_outer_quotes() -> None:
    para = ak.Paragraph([ak.Text("He said: one two three.")])
    quotes = [
        ak.Quote("one two three", "direct", (9, 22)),
        ak.Quote("two", "partial", (13, 16)),
    ]
    out = ak.to_html(ak.Article(body=[para], quotes=quotes))
    assert '<p>He said: <span data-kind="direct">one <span data-kind="partial">two</span> three</span>.</p>' in out


def test_quote_across_a_link_inside_a_link_is_placed_as_the_page_reads_back() -> None:
    # A link inside a link is written as its content alone, so the page shows no
    # boundary where the inner link ends: a quote across it is marked up, and the
    # page read back (one link, one text) writes the same markup again.
    inner = ak.Link("https://e.com/b", [ak.Text("bbbb")])
    para = ak.Paragraph([ak.Link("https://e.com/a", [ak.Text("a"), inner, ak.Text("cc")])])
    article = ak.Article(body=[para], quotes=[ak.Quote("bbc", "scare", (3, 6))])
    out = ak.to_html(article, standalone=True)
    assert '<a href="https://e.com/a">abb<span data-kind="scare">bbc</span>c</a>' in out
    again = read_back(out)
    assert again is not None
    assert ak.to_html(attrs.evolve(again, quotes=article.quotes), standalone=True) == out


def test_quote_marks_show_once_and_annotations_can_be_left_out() -> None:
    """The text keeps the source's marks; a <q> would make a browser add a second pair."""
    text = "\u201cWe will build it,\u201d said Anna Berg."
    quote = ak.Quote("We will build it,", "direct", (1, 18), speaker=ak.Speaker("Anna Berg"), cue="said")
    article = ak.Article(body=[ak.Paragraph([ak.Text(text)])], quotes=[quote])
    out = ak.to_html(article)
    assert "<q" not in out
    assert '\u201c<span data-kind="direct" data-speaker="Anna Berg" data-cue="said">We will build it,</span>\u201d' in out
    plain = ak.to_html(article, annotate_quotes=False)
    assert "data-" not in plain
    assert "<span" not in plain
    assert f"<p>{text}</p>" in plain
    assert ak.dumps(article, "html", annotate_quotes=False) == plain


def test_the_dateline_labels_its_times() -> None:
    from datetime import datetime, timezone

    when = datetime(2025, 5, 23, 9, 30, tzinfo=timezone.utc)
    out = ak.to_html(ak.Article(title="T", published=when, modified=when.replace(hour=11)))
    assert '<p class="dateline">Published <time class="published"' in out
    assert '</time> · Updated <time class="modified"' in out
    only_modified = ak.to_html(ak.Article(title="T", modified=when))
    assert '<p class="dateline">Updated <time' in only_modified


def test_json_ld_script_cannot_be_broken_out_of() -> None:
    evil = "</script><script>alert(1)</script><!-- \u2028"
    article = ak.Article(title=evil, description=evil, tags=[evil], authors=[ak.Person(evil)])
    out = ak.to_html(article, standalone=True)
    root = _parse_document(out)
    scripts = root.findall(".//script")
    assert len(scripts) == 1
    assert scripts[0].getparent().tag == "head"
    data = json.loads(scripts[0].text)
    assert data["headline"] == evil
    assert "<" not in scripts[0].text


def test_standalone_head() -> None:
    article = attrs.evolve(
        reference_article(),
        description="What happened.",
        images=[ak.Image("ftp://e.com/x.jpg"), ak.Image("https://e.com/lead.jpg", alt="Lead")],
        modified=datetime(2025, 5, 24, tzinfo=timezone(timedelta(hours=3))),
    )
    out = ak.to_html(article, standalone=True)
    assert out.startswith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')
    root = _parse_document(out)
    head = root.head
    assert head.findtext("title") == article.title
    meta = {(m.get("property") or m.get("name")): m.get("content") for m in head.iterfind("meta")}
    assert meta["generator"] == "articlekit"
    assert meta["og:title"] == article.title
    assert meta["og:image"] == "https://e.com/lead.jpg"  # the ftp: image is not written
    assert meta["og:url"] == article.url
    assert meta["article:modified_time"] == "2025-05-24T00:00:00+03:00"
    assert root.body.find("article") is not None
    assert root.body.find(".//meta") is None


# --------------------------------------------------------------------------- properties


def check_fragment(article: ak.Article) -> None:
    out = ak.to_html(article)
    root = _parse_fragment(out)
    assert len(root.body) == 1
    assert root.body[0].tag == "article"
    _assert_safe_body(root.body)
    assert _nh3_fixed_point(out)


def check_standalone(article: ak.Article) -> str:
    out = ak.to_html(article, standalone=True)
    assert out == ak.to_html(article, standalone=True)  # deterministic
    root = _parse_document(out)
    _assert_safe_body(root.body)
    assert _nh3_fixed_point(_body_fragment(out))
    head = root.head
    for el in head:
        assert el.tag in {"meta", "title", "script"}
        assert not any(name.startswith("on") or name == "style" for name in el.attrib)
    (script,) = head.findall("script")
    assert script.get("type") == "application/ld+json"
    assert "<" not in script.text
    assert json.loads(script.text)["@context"] == "https://schema.org"
    for meta in head.iterfind("meta"):
        if meta.get("property") in {"og:url", "og:image"}:
            assert _url_is_safe(meta.get("content"))
    return out


# One property test runs every check on each generated article: generating
# articles is the expensive part, so each is used for all the checks.
@pytest.mark.timeout(PROPERTY_TIMEOUT)
@given(articles())
def test_any_article_safe_and_round_trips(article: ak.Article) -> None:
    check_fragment(article)
    out = check_standalone(article)
    check_round_trip(article, out)


# --------------------------------------------------------------------------- round trip


def _clean_url(url: str) -> str:
    safe = safe_url(url)
    return "" if safe is None else safe


def _inlines(nodes: tuple[ak.Inline, ...], in_link: bool) -> list[ak.Inline]:
    out: list[ak.Inline] = []
    for node in nodes:
        if isinstance(node, ak.Link):
            children = _inlines(node.children, True)
            if in_link:
                out.extend(children)  # a link inside a link: HTML keeps only its content
            else:
                out.append(ak.Link(_clean_url(node.href), children, title=node.title))
        elif isinstance(node, (ak.Emphasis, ak.Strong, ak.Strikethrough)):
            out.append(type(node)(_inlines(node.children, in_link)))
        elif isinstance(node, ak.InlineImage):
            out.append(attrs.evolve(node, src=_clean_url(node.src)))
        else:
            out.append(node)
    return out


def _blocks(blocks: tuple[ak.Block, ...]) -> list[ak.Block]:
    out: list[ak.Block] = []
    for block in blocks:
        if isinstance(block, (ak.Paragraph, ak.Heading)):
            out.append(attrs.evolve(block, children=_inlines(block.children, False)))
        elif isinstance(block, ak.ListBlock):
            items = [ak.ListItem(_blocks(item.blocks)) for item in block.items]
            out.append(ak.ListBlock(items, ordered=block.ordered, start=block.start))
        elif isinstance(block, ak.BlockQuote):
            out.append(ak.BlockQuote(_blocks(block.blocks)))
        elif isinstance(block, ak.Figure):
            out.append(
                attrs.evolve(block, src=_clean_url(block.src), caption=_inlines(block.caption, False))
            )
        elif isinstance(block, ak.Table):

            def rows(rows: tuple[ak.TableRow, ...]) -> list[ak.TableRow]:
                return [
                    ak.TableRow([ak.TableCell(_inlines(c.children, False), align=c.align) for c in r.cells])
                    for r in rows
                ]

            out.append(ak.Table(rows(block.header), rows(block.rows), _inlines(block.caption, False)))
        else:
            out.append(block)
    return out


def expressible(article: ak.Article) -> ak.Article:
    """What a standalone page carries of *article* (the documented exceptions).

    * quotes, comments, warnings, extra, encoding, encoding_source and base_url are not carried
      (the parser re-extracts quotes and records its own warnings and encoding);
      source_format becomes "html";
    * an unsafe link, image or figure URL is dropped (read back as "");
      an unsafe author, page or canonical URL is dropped (None); an image
      (Article.images) with an unsafe URL is dropped;
    * a link inside a link keeps only its content (HTML has no nested links).
    """
    def opt(url: str | None) -> str | None:
        return None if url is None else safe_url(url)

    return attrs.evolve(
        article,
        quotes=(),
        comments=(),
        warnings=(),
        extra={},
        encoding=None,
        encoding_source=None,
        base_url=None,
        source_format="html",
        authors=[attrs.evolve(p, url=opt(p.url)) for p in article.authors],
        url=opt(article.url),
        canonical_url=opt(article.canonical_url),
        images=[i for i in article.images if safe_url(i.url) is not None],
        body=_blocks(article.body),
    )


def _page_parser() -> lxml.html.HTMLParser:
    # The options articlekit's HTML parser uses (parsers/html/_tree.py): what parse_html
    # will hand to read_own_html.
    return lxml.html.HTMLParser(
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


def read_back(out: str) -> ak.Article | None:
    return read_own_html(lxml.etree.fromstring(out.encode("utf-8"), _page_parser()))


def test_round_trip_reference_example() -> None:
    article = reference_article()
    page = ak.to_html(article, standalone=True)
    assert read_back(page) == expressible(article)
    assert ak.parse_html(page, quotes=False) == expressible(article)
    # From bytes, the parse records the encoding it read (the documented exception).
    from_bytes = ak.parse_html(page.encode("utf-8"), quotes=False)
    assert attrs.evolve(from_bytes, encoding=None, encoding_source=None) == expressible(article)
    assert (from_bytes.encoding, from_bytes.encoding_source) == ("utf-8", "meta")


def check_round_trip(article: ak.Article, out: str) -> None:
    again = read_back(out)
    assert again == expressible(article)
    # The same through parse_html, which reads articlekit's own pages with read_own_html.
    assert ak.parse_html(out, quotes=False) == again
    # Idempotence: writing what was read gives the same page.
    assert again is not None
    restored = attrs.evolve(again, quotes=article.quotes, extra=article.extra, comments=article.comments)
    assert ak.to_html(restored, standalone=True) == out


def test_own_reader_declines_other_pages() -> None:
    page = ak.to_html(reference_article(), standalone=True)
    assert read_back(page) is not None
    assert read_back(page.replace('content="articlekit"', 'content="other"')) is None
    assert read_back(page.replace("<h2>", '<h2 onclick="x">')) is None
    assert read_back(page.replace("</article>", "<div>extra</div></article>")) is None
    assert read_back(page.replace('"@context"', '"@kontext"')) is None
    assert read_back(page.replace("<p>On May", "stray text<p>On May")) is None
    assert read_back("<html><body><article><p>x</p></article></body></html>") is None


def test_own_reader_declines_deep_nesting_without_recursing() -> None:
    page = ak.to_html(ak.Article(title="x"), standalone=True)
    deep = "<blockquote>" * 5000 + "<p>deep</p>" + "</blockquote>" * 5000
    assert read_back(page.replace("</article>", deep + "</article>")) is None


def test_own_reader_respects_limits() -> None:
    page = ak.to_html(ak.Article(title="x" * 50), standalone=True)
    root = _parse_document(page)
    assert read_own_html(root) is not None
    assert read_own_html(root, limits=ak.Limits(max_title_chars=10)) is None


# --------------------------------------------------------------------------- payloads and depth

MXSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(1)",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<svg><style><img src=x onerror=alert(1)></style></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<math><annotation-xml encoding=\"text/html\"><script>alert(1)</script>",
    "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\">",
    "</textarea><script>alert(1)</script>",
    "<!--<script>-->alert(1)",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<base href=\"javascript:alert(1)//\">",
    "<form action=\"javascript:alert(1)\"><button>x",
    "javascript:alert(1)",
    "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
    "\u202e<script>\u2066",
]


@pytest.mark.parametrize("payload", MXSS_PAYLOADS)
def test_payload_in_every_field(payload: str) -> None:
    href = "./" + payload if is_unsafe_url(payload) else payload  # the model refuses unsafe URLs
    inline = [
        ak.Text(payload),
        ak.Link(href, [ak.Text(payload)], title=payload),
        ak.InlineImage(href, alt=payload, title=payload),
        ak.InlineCode(payload),
        ak.Emphasis([ak.Text(payload)]),
    ]
    body = [
        ak.Heading(2, inline),
        ak.Paragraph(inline),
        ak.ListBlock([ak.ListItem([ak.Paragraph(inline)])], ordered=True, start=2),
        ak.BlockQuote([ak.Paragraph(inline)]),
        ak.Figure(href, alt=payload, title=payload, caption=inline, credit=payload),
        ak.Table([ak.TableRow([ak.TableCell(inline)])], [ak.TableRow([ak.TableCell(inline)])], inline),
        ak.CodeBlock(payload, language=payload),
    ]
    article = ak.Article(
        title=payload, standfirst=payload, description=payload, site_name=payload, section=payload,
        url=href, canonical_url=href, tags=[payload], credits=[payload],
        authors=[ak.Person(payload, url=href, role=payload)],
        images=[ak.Image(href, alt=payload, caption=payload, credit=payload)],
        body=body,
    )
    article = attrs.evolve(
        article,
        quotes=[ak.Quote(payload, "direct", (0, len(payload)), speaker=ak.Speaker(payload, role=payload), cue=payload)],
    )
    check_fragment(article)
    out = check_standalone(article)
    root = _parse_document(out)
    assert payload in root.body.text_content()  # the payload is there, as text
    check_round_trip(article, out)


def _deepest_article() -> ak.Article:
    inline: ak.Inline = ak.Text("deep")
    for _ in range(10):
        inline = ak.Emphasis([inline])
    block: ak.Block = ak.Paragraph([inline])
    for i in range(ak.Limits().max_depth - 11):
        block = ak.BlockQuote([block]) if i % 2 else ak.ListBlock([ak.ListItem([block])])
    return ak.Article(title="t", body=[block])


def test_deepest_article_under_a_low_recursion_limit() -> None:
    import sys

    article = _deepest_article()
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(__import__("inspect").stack()) + 150)
    try:
        fragment = ak.to_html(article)
        page = ak.to_html(article, standalone=True)
    finally:
        sys.setrecursionlimit(limit)
    root = _parse_fragment(fragment)
    _assert_safe_body(root.body)
    assert _nh3_fixed_point(fragment)
    assert read_back(page) == expressible(article)
