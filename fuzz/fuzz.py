"""Coverage-guided fuzzing of articlekit's entry points with atheris.

Usage::

    python fuzz/fuzz.py TARGET [libFuzzer options, e.g. -runs=1000000 -max_len=4096 CORPUS_DIR]

TARGET is one of: parse_html, parse_markdown, parse_text, parse, from_json, to_html,
to_markdown_render (``to_markdown`` output, of parsed Markdown or of an Article built from
fuzzed strings, rendered by markdown-it-py with raw HTML on: active content is a finding).  Any
exception that is not an ``articlekit.ArticleKitError`` is a contract violation: libFuzzer
stops and writes the input as ``crash-*``; turn it into a regression test in
``tests/test_fuzz_regressions.py``.  ``fuzz/run.sh`` runs every target.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable

import atheris

with atheris.instrument_imports():
    import attrs
    import lxml.html

    import articlekit

_LXML = lxml.html.HTMLParser(no_network=True, remove_comments=False, huge_tree=True)


def _to_html(data: bytes) -> None:
    # Build an article from fuzzed text and serialise it: exercises the escaping writer.
    fdp = atheris.FuzzedDataProvider(data)
    text = fdp.ConsumeUnicodeNoSurrogates(200)
    href = fdp.ConsumeUnicodeNoSurrogates(60)
    try:
        para = articlekit.Paragraph([articlekit.Text(text), articlekit.Link(href, [articlekit.Text(text)])])
        article = articlekit.Article(title=text, body=[para], url=href)
    except articlekit.ValidationError:
        return
    out = articlekit.to_html(attrs.evolve(article), standalone=True)
    lowered = out.lower()
    if "<script>" in lowered or "javascript:" in lowered.replace("\\u003c", ""):
        raise AssertionError(f"active content in to_html output: {out[:200]!r}")


_ACTIVE_TAGS = frozenset(
    {"script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form",
     "input", "button", "textarea", "select", "link", "meta", "svg", "math", "noscript", "template"}
)  # fmt: skip


def _assert_inert(rendered: str, source: str) -> None:
    """Fail on active content in a Markdown renderer's HTML (see tests/safety.py)."""
    if not rendered.strip():
        return
    from articlekit._urls import is_unsafe_url

    root = lxml.html.fragment_fromstring(rendered, create_parent="div", parser=_LXML)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        problem = None
        if tag in _ACTIVE_TAGS:
            problem = f"<{tag}>"
        for name, value in element.attrib.items():
            lowered = name.lower()
            if lowered.startswith("on") or (lowered == "style" and "text-align" not in value):
                problem = f"attribute {name}"
            elif lowered in ("href", "src", "action", "formaction", "data", "poster", "srcset") and is_unsafe_url(
                value, image=tag == "img"
            ):
                problem = f"unsafe URL {value!r}"
        if problem:
            raise AssertionError(f"active content in rendered to_markdown output: {problem}\n{source[:400]!r}")


def _to_markdown_render(data: bytes) -> None:
    # Either Markdown read by parse_markdown, or an Article built from fuzzed strings in
    # every field; to_markdown's output rendered by markdown-it-py with raw HTML on.
    from markdown_it import MarkdownIt

    if not data:
        return
    if data[0] % 2:
        article = articlekit.parse_markdown(data[1:], quotes=False)
    else:
        fdp = atheris.FuzzedDataProvider(data[1:])
        words = [fdp.ConsumeUnicodeNoSurrogates(40) for _ in range(8)]
        try:
            inline = [
                articlekit.Text(words[0]),
                articlekit.Emphasis([articlekit.Text(words[1])]),
                articlekit.InlineCode(words[2] or "x"),
                articlekit.Link("/x", [articlekit.Text(words[3])], title=words[4] or None),
                articlekit.InlineImage("/i.png", alt=words[5]),
            ]
            article = articlekit.Article(
                title=words[6],
                tags=[words[7]] if words[7].strip() else [],
                extra={words[0]: words[1], "k": [words[2]]},
                body=[
                    articlekit.Heading(2, inline),
                    articlekit.Paragraph(inline),
                    articlekit.CodeBlock(words[4]),
                    articlekit.Table([articlekit.TableRow([articlekit.TableCell(inline)])]),
                    articlekit.Figure("/f.png", alt=words[5], caption=[articlekit.Text(words[6])]),
                ],
            )
        except articlekit.ValidationError:
            return
    source = articlekit.to_markdown(article)
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough").render(source)
    _assert_inert(rendered, source)


TARGETS: dict[str, Callable[[bytes], object]] = {
    "parse_html": lambda d: articlekit.parse_html(d),
    "parse_markdown": lambda d: articlekit.parse_markdown(d),
    "parse_text": lambda d: articlekit.parse_text(d),
    "parse": lambda d: articlekit.parse(d),
    "from_json": lambda d: articlekit.from_json(d),
    "to_html": _to_html,
    "to_markdown_render": _to_markdown_render,
}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: fuzz.py {{{','.join(TARGETS)}}} [libFuzzer options]")
    target = TARGETS[sys.argv.pop(1)]

    def test_one_input(data: bytes) -> None:
        with contextlib.suppress(articlekit.ArticleKitError):
            target(data)

    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
