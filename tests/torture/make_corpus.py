"""Generate the torture corpus: hostile inputs for every parser and serialiser.

Nothing binary is checked in: the files are made by this script, deterministically,
into a folder (the test suite uses a temporary one)::

    python tests/torture/make_corpus.py OUTDIR

Each file's expectations live in :data:`SPECS`: the marker text that must survive
parsing (or be reported in ``Article.warnings`` / by an ``ArticleKitError``), and
the canary that must never appear in any output.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

MARKER = "Torturemarker kept"
CANARY = "CANARY-7f3a9c-SECRET"
MB = 1024 * 1024


@dataclass(frozen=True)
class Spec:
    """One torture file: how to make it, and what a parse of it must keep."""

    name: str
    make: Callable[[Path], bytes]
    marker: str | None = MARKER  # text that must survive (or be warned about)
    kind: str = "html"  # which parser it targets first: html, markdown, text


def _page(body: str, head: str = "<title>Torture</title>") -> str:
    return f"<!DOCTYPE html><html lang=en><head><meta charset=utf-8>{head}</head><body>{body}</body></html>"


def _article(extra: str = "") -> str:
    return (
        "<article><h1>Torture headline</h1>"
        f"<p>{MARKER} in a paragraph of a real article with enough words to count as text.</p>"
        "<p>A second paragraph, so that the body is an article and not a fragment of one.</p>"
        f"{extra}</article>"
    )


def _rng() -> random.Random:
    return random.Random(20261125)


def _nested(depth: int, closed: bool, before: str = "", after: str = "") -> bytes:
    opening = "<div>" * depth
    closing = "</div>" * depth if closed else ""
    return _page(before + opening + _article() + closing + after).encode()


def _deep_before_article(_: Path) -> bytes:
    return _page("<div>" * 300 + "x" + "</div>" * 300 + _article()).encode()


def _siblings(_: Path) -> bytes:
    paragraphs = "".join(f"<p>Paragraph {i} of a very long article, with words.</p>" for i in range(50_000))
    return _page(_article(paragraphs)).encode()


def _text_node_20mb(_: Path) -> bytes:
    return _page(_article("<p>" + "word " * (4 * MB) + "</p>")).encode()


def _attribute_10mb(_: Path) -> bytes:
    return _page(f'<div data-x="{"a" * (10 * MB)}"></div>' + _article()).encode()


def _attribute_11mb_in_head(_: Path) -> bytes:
    return _page(_article(), head=f'<title>T</title><meta name="x" content="{"b" * (11 * MB)}">').encode()


def _unclosed_everywhere(_: Path) -> bytes:
    tags = "<div><span><b><i><p><table><tr><td><ul><li><a href=x>"
    return ("<html><head><title>Never closed " + tags * 2000 + _article()).encode()


def _xxe_file(path: Path) -> bytes:
    canary = path.parent / "canary.txt"
    canary.write_text(CANARY, "utf-8")
    doctype = f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{canary}">]>'
    return (doctype + _page(_article("<p>&xxe;</p>"))[len("<!DOCTYPE html>"):]).encode()


def _xxe_url(_: Path) -> bytes:
    doctype = '<!DOCTYPE html [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/canary">]>'
    return (doctype + _page(_article("<p>&xxe;</p>"))[len("<!DOCTYPE html>"):]).encode()


def _xml_xxe(path: Path) -> bytes:
    canary = path.parent / "canary.txt"
    canary.write_text(CANARY, "utf-8")
    return (
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file://{canary}">]>'
        f"<html><body><article><p>{MARKER}</p><p>&xxe;</p></article></body></html>"
    ).encode()


def _billion_laughs(_: Path) -> bytes:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    return (f'<?xml version="1.0"?><!DOCTYPE lolz [{entities}]>' + _page(_article("<p>&lol9;</p>"))).encode()


def _quadratic(_: Path) -> bytes:
    big = "A" * 50_000
    return (f'<!DOCTYPE kaboom [<!ENTITY a "{big}">]>' + _page(_article("<p>" + "&a;" * 5_000 + "</p>"))).encode()


XSS_PAYLOADS = [
    "<script>alert('xss')</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    '<a href=" JaVaScRiPt:alert(1)">spaced</a>',
    '<a href="&#106;avascript:alert(1)">entity</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
    '<svg onload="alert(1)"><script>alert(2)</script></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(3)>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(4)>\">",
    "<scr<script>ipt>alert(5)</scr</script>ipt>",
    '<iframe src="javascript:alert(6)"></iframe>',
    '<object data="javascript:alert(7)"></object><embed src="x.swf">',
    '<form action="javascript:alert(8)"><button formaction="javascript:alert(9)">go</button></form>',
    '<p style="background:url(javascript:alert(10))">styled</p>',
    '<math><annotation-xml encoding="text/html"><img src=x onerror=alert(11)></annotation-xml></math>',
    '<base href="javascript:alert(12)//">',
]


def _xss(_: Path) -> bytes:
    return _page(_article("".join(f"<p>Payload {i}: {p}</p>" for i, p in enumerate(XSS_PAYLOADS)))).encode()


def _text(s: str) -> Callable[[Path], bytes]:
    return lambda _: s.encode("utf-8")


def _random_bytes(_: Path) -> bytes:
    return _rng().randbytes(MB)


def _charset(codec: str, sample: str) -> Callable[[Path], bytes]:
    def make(_: Path) -> bytes:
        head = f'<meta http-equiv="Content-Type" content="text/html; charset={codec}"><title>Charset</title>'
        page = (
            f"<!DOCTYPE html><html><head>{head}</head><body><article><h1>{sample}</h1>"
            f"<p>{MARKER}. {sample} {sample}</p><p>{sample}.</p></article></body></html>"
        )
        return page.encode(codec)

    return make


def _invalid_utf8(_: Path) -> bytes:
    good = _page(_article("<p>Zürich, Genève — “café” naïve.</p>")).encode()
    return good.replace(b"A second", b"A \xff\xfe\xc3 second")


def _utf16(_: Path) -> bytes:
    return b"\xff\xfe" + _page(_article("<p>Zürich</p>")).encode("utf-16-le")


def _nul_bytes(_: Path) -> bytes:
    return _page(_article("<p>nul\x00inside\x00text</p>")).encode()


def _control_references(_: Path) -> bytes:
    # Character references to controls, NUL, surrogates, noncharacters and past U+10FFFF, in text,
    # in the tails of elements the extractor removes (libxml2 keeps what they name as it is) and in
    # attributes.
    refs = "".join(f"&#{n};" for n in (*range(32), 127, *range(128, 160))) + "&#xD800;&#xDFFF;&#xFFFE;&#xFFFF;&#x110000;&#99999999;"
    junk = (
        f'<div class="share"><a href="#">Share</a></div>{refs}'
        f'<aside class="related"><a href="/x">Related</a></aside>{refs}<figure><img src="a.jpg" alt="{refs}">'
        f"<figcaption>cap{refs}<span class=\"credit\">Photo: A{refs}</span></figcaption></figure>{refs}"
    )
    return _page(_article(f"<p>text {refs} more</p>{junk}"), head=f"<title>T{refs}</title><meta name=author content='{refs}'>").encode()


_BAIT = "\u201cNo New Talks\u201d said Peskov, "


# ----- hostile input, second round: one file per class


def _deep_and_unclosed(_: Path) -> bytes:
    # Deeper than libxml2's 2048 levels, so the page is parsed again flattened; then a
    # run of tag starts that no ">" ever ends (the flattening scan must not restart at each).
    return _page("<div>" * 2100 + _article() + "x <b" * 60_000).encode()


def _attribute_flood(_: Path) -> bytes:
    attributes = " ".join(f"a{i}=x" for i in range(40_000))
    return _page(f"<div {attributes}>" + _article() + "</div>").encode()


def _codec_label(label: str) -> Callable[[Path], bytes]:
    def make(_: Path) -> bytes:
        return (
            f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset={label}">'
            f"<title>Codec</title></head><body>{_article()}</body></html>"
        ).encode("ascii")

    return make


def _big_ints(_: Path) -> bytes:
    return (
        "---\ntitle: 0x" + "f" * 4000 + "\nserial: 0x" + "e" * 4000 + "\nlist: [0o" + "7" * 5000 + ", 1]\n---\n\n"
        f"{MARKER} in the body of a post whose front matter holds integers too wide for decimal.\n"
    ).encode()


def _alias_amplification(_: Path) -> bytes:
    # 28 KB aliased 8,000 times: few nodes, 224 MB of article (the front matter is under 64 KB).
    return ("---\na: &a " + "x" * 28_000 + "\nb: [" + ", ".join(["*a"] * 8_000) + "]\n---\n\n" + MARKER + "\n").encode()


_ACTIVE = [
    "<script>alert(1)</script>", '"><img src=x onerror=alert(2)>', "\\<script>alert(3)</script>",
    "[click](javascript:alert(4))", "<javascript:alert(5)>", "<!-- x --><svg onload=alert(6)>",
    "&lt;script&gt;alert(7)&lt;/script&gt;", "[a]: javascript:alert(8)",
]


def _renderer_active(_: Path) -> bytes:
    # Everything a Markdown renderer could turn live, in the front matter and the body:
    # to_markdown must write it back inert (the suite renders its output).
    front = "".join(f"k{i}: {json.dumps(p)}\n" for i, p in enumerate(_ACTIVE))
    body = "\n\n".join(f"Payload {i}: `{p}` and {p}" for i, p in enumerate(_ACTIVE))
    return (f"---\ntitle: {json.dumps(_ACTIVE[0])}\nauthor: {json.dumps(_ACTIVE[1])}\n{front}---\n\n{MARKER}\n\n{body}\n").encode()


def _gzip_members(_: Path) -> bytes:
    first = _page(_article()).encode()
    return gzip.compress(first[: len(first) // 2]) + gzip.compress(first[len(first) // 2 :])


_UNSAFE_URLS = [
    "javascript:alert(1)", " JaVaScRiPt:alert(2)", "j&#9;" + "&#9;" * 16 + "avascript:alert(3)",
    "j" + "\t" * 40 + "avascript:alert(4)", "&#106;avascript:alert(5)", "javascript&colon;alert(6)",
    "javascript&amp;#58;alert(7)", "\u200bjavascript:alert(8)", "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(9)", "file:///etc/passwd", "blob:https://e.example/x", "about:blank",
]


def _classed_paragraphs(_: Path) -> bytes:
    paragraphs = "".join(
        f'<p class="story c{i}" id="p{i}" itemprop="x"><a href="/a{i}">Link {i}</a> text <ruby>漢<rt>kan</rt></ruby></p>'
        for i in range(20_000)
    )
    return _page(_article(paragraphs)).encode()


def _unsafe_url_spellings(_: Path) -> bytes:
    links = "".join(
        f'<p>Link {i}: <a href="{u}">here</a> <img src="{u}" alt="i{i}"></p><figure><img src="{u}"><figcaption>Figure {i}.</figcaption></figure>'
        for i, u in enumerate(_UNSAFE_URLS)
    )
    head = (
        f'<title>Unsafe URLs</title><link rel="canonical" href="{_UNSAFE_URLS[2]}"><meta property="og:url" content="{_UNSAFE_URLS[0]}">'
        f'<meta property="og:image" content="{_UNSAFE_URLS[8]}">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "url": "javascript:alert(1)", '
        '"author": {"@type": "Person", "name": "Ann Reporter", "url": "javascript:alert(2)"}, "image": "javascript:alert(3)"}</script>'
    )
    return _page(_article(links), head=head).encode()


def _unsafe_urls_in_own_html(_: Path) -> bytes:
    # A page that claims to be articlekit's own HTML (read exactly) but holds unsafe URLs.
    safe = "https://safe.example/x"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="generator" content="articlekit">\n'
        "<title>Own</title>\n</head>\n<body>\n<article>\n"
        f'<p>{MARKER} in an own page. <a href="{safe}">link</a> <img src="{safe}" alt="i"></p>\n'
        "</article>\n</body>\n</html>\n"
    ).replace(safe, _UNSAFE_URLS[2]).encode()


SPECS: tuple[Spec, ...] = (
    Spec("empty.html", _text(""), marker=None),
    Spec("whitespace_only.html", _text(" \n\t\r\n  "), marker=None),
    Spec("random_binary_1mb.bin", _random_bytes, marker=None),
    Spec("invalid_utf8_in_html.html", _invalid_utf8),
    Spec("utf16le_bom.html", _utf16),
    Spec("charset_windows1251.html", _charset("windows-1251", "Песков заявил")),
    Spec("charset_shift_jis.html", _charset("shift_jis", "対話の準備")),
    Spec("nul_bytes.html", _nul_bytes),
    Spec("control_character_references.html", _control_references),
    Spec("deep_nesting_closed.html", lambda _: _nested(100_000, closed=True)),
    Spec("deep_nesting_unclosed.html", lambda _: _nested(100_000, closed=False)),
    Spec("deep_nesting_before_article.html", _deep_before_article),
    Spec("siblings_50k.html", _siblings),
    Spec("text_node_20mb.html", _text_node_20mb),
    Spec("attribute_10mb.html", _attribute_10mb),
    Spec("attribute_11mb_in_head.html", _attribute_11mb_in_head),
    Spec("unclosed_tags_everywhere.html", _unclosed_everywhere),
    Spec("xxe_local_file.html", _xxe_file),
    Spec("xxe_loopback_url.html", _xxe_url),
    Spec("xxe_local_file.xml", _xml_xxe),
    Spec("billion_laughs.html", _billion_laughs),
    Spec("quadratic_blowup.html", _quadratic),
    Spec("xss_in_article_body.html", _xss),
    Spec("quotes_100k_straight.txt", _text(f"{MARKER}.\n\n" + '"' * 100_000), kind="text"),
    Spec("quotes_100k_curly.txt", _text(f"{MARKER}.\n\n" + "\u201c" * 100_000), kind="text"),
    Spec("quotes_alternating.txt", _text(f"{MARKER}.\n\n" + "\u201c\u201d\"\u00ab\u00bb'" * 20_000), kind="text"),
    Spec("quotes_said_bait.txt", _text(f"{MARKER}.\n\n" + _BAIT * 20_000), kind="text"),
    Spec("paragraph_5mb.txt", _text(f"{MARKER} " + "word and more words, " * 250_000), kind="text"),
    Spec("md_nested_blockquote_10k.md", _text(f"# Title\n\n{MARKER}\n\n" + ">" * 10_000 + " deep\n"), kind="markdown"),
    Spec("md_nested_list_50k.md", _text(f"# Title\n\n{MARKER}\n\n" + "- " * 50_000 + "deep\n"), kind="markdown"),
    Spec(
        "md_indented_list_2000.md",
        _text(f"# Title\n\n{MARKER}\n\n" + "".join("  " * i + "- item\n" for i in range(2_000))),
        kind="markdown",
    ),
    Spec("md_bracket_runs.md", _text(f"{MARKER}\n\n" + "[" * 100_000 + "\n"), kind="markdown"),
    Spec("md_lt_runs.md", _text(f"{MARKER}\n\n" + "<" * 100_000 + "\n"), kind="markdown"),
    Spec("md_backtick_runs.md", _text(f"{MARKER}\n\n" + "`" * 50_000 + "a" + "``" * 25_000 + "\n"), kind="markdown"),
    Spec(
        "md_link_refs_100k.md",
        _text(f"{MARKER}\n\n" + "".join(f"[r{i}]: https://example.com/{i}\n" for i in range(100_000)) + "\n[r1] [r99999]\n"),
        kind="markdown",
    ),
    Spec("md_unterminated_front_matter.md", _text("---\ntitle: x\n" + "key: value\n" * 100_000 + f"\n{MARKER}\n"), kind="markdown"),
    Spec(
        "md_yaml_alias_bomb_front_matter.md",
        _text(
            "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
            f"g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n---\n\n{MARKER}\n"
        ),
        kind="markdown",
    ),
    Spec(
        "md_active_content.md",
        _text(
            f"# Title\n\n{MARKER}\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n"
            "[click](javascript:alert(3)) ![i](javascript:alert(4)) <a href='javascript:alert(5)'>a</a>\n\n"
            '<iframe src="https://evil.example"></iframe>\n'
        ),
        kind="markdown",
    ),
    Spec("deep_and_unclosed_tag_starts.html", _deep_and_unclosed),
    Spec("attribute_flood_40k.html", _attribute_flood),
    Spec("single_mark_runs.txt", _text(f"{MARKER}.\n\n" + " 'a 'b' c' 'd " * 70_000), kind="text"),
    Spec("codec_label_rot13.html", _codec_label("rot13")),
    Spec("codec_label_utf32_on_ascii.html", _codec_label("utf-32")),
    Spec("codec_label_ebcdic_on_ascii.html", _codec_label("cp500")),
    Spec("big_ints_front_matter.md", _big_ints, kind="markdown"),
    Spec("yaml_alias_amplification.md", _alias_amplification, kind="markdown"),
    Spec("md_renderer_active.md", _renderer_active, kind="markdown"),
    # Bytes no parser reads (binary): the batch runner and parse_file unpack them.
    Spec("gzip_two_members.html.gz", _gzip_members, marker=None, kind="gzip"),
    Spec("unsafe_url_spellings.html", _unsafe_url_spellings),
    Spec("unsafe_urls_in_own_html.html", _unsafe_urls_in_own_html),
    # 20,000 paragraphs with a class, an id, microdata, a link and ruby: every page query
    # must be one location path (a union or a step after "//x" merges node sets, quadratic).
    Spec("classed_paragraphs_20k.html", _classed_paragraphs),
    Spec(
        "bidi_zero_width_names.txt",
        _text(
            f"Talks stall\n\n{MARKER}.\n\n\u201cWe are waiting,\u201d said Pe\u200bskov.\n\n"
            "\u201cNothing is agreed,\u201d said Peskov.\n\n\u201cIt is complex,\u201d said \u202ePeskov\u202c.\n"
        ),
        kind="text",
    ),
)


def generate(dest: Path) -> list[Path]:
    """Write every torture file into *dest*; return their paths in :data:`SPECS` order."""
    dest.mkdir(parents=True, exist_ok=True)
    paths = []
    for spec in SPECS:
        path = dest / spec.name
        if not path.exists():
            path.write_bytes(spec.make(path))
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    args = parser.parse_args(argv)
    for path in generate(args.outdir):
        print(f"{path.stat().st_size:>12,}  {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
