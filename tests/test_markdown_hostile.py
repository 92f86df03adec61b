"""Hostile Markdown: deep nesting, huge paragraphs, unterminated and explosive front matter.

Every case must return an Article or raise an articlekit error (never RecursionError or a
hang; the pytest-timeout in pyproject.toml is the hang detector).  Timings live in
benchmarks/bench_markdown.py, not here.
"""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from articlekit import ArticleKitError, FrontMatterError, Limits, parse_markdown
from articlekit._model import MAX_DEPTH
from articlekit._parsers.markdown import _Builder, _MarkdownIt, make_markdown_it
from markdown_strategies import markdown_documents


def _depth(article: object) -> int:
    return max((getattr(b, "_depth", 0) for b in getattr(article, "body", ())), default=0)


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("> " * 10_000 + "deep", id="10k-nested-quotes"),
        pytest.param("\n".join(">" * i + " line" for i in range(1, 400)), id="quotes-deepening-per-line"),
        pytest.param("- " * 50_000 + "deep", id="50k-nested-bullets"),
        pytest.param("1. " * 50_000 + "deep", id="50k-nested-ordered"),
        pytest.param("\n".join("  " * i + "- item" for i in range(2_000)), id="2k-indented-list-levels"),
        pytest.param("*" * 40 + "x" + "*" * 40 + " " + "<em>" * 200 + "x", id="deep-inline"),
    ],
)
def test_deep_nesting_is_flattened_with_a_warning(source: str) -> None:
    article = parse_markdown(source, quotes=False)
    assert _depth(article) <= MAX_DEPTH
    assert "deep" in article.text or "line" in article.text or "item" in article.text or "x" in article.text
    if not source.startswith("*"):
        assert any("flattened" in w for w in article.warnings)


def test_five_megabyte_paragraph() -> None:
    source = "word " * 1_000_000
    article = parse_markdown(source, quotes=False)
    assert len(article.body) == 1
    assert len(article.text) == len(source.strip())


def test_unterminated_front_matter_of_a_megabyte_is_an_error_before_any_markdown_parsing() -> None:
    with pytest.raises(FrontMatterError, match="never closed"):
        parse_markdown("---\n" + "key: value\n" * 100_000, quotes=False)


def test_a_megabyte_after_a_dash_line_that_is_never_closed_is_body() -> None:
    article = parse_markdown("---\n" + "Some prose here.\n" * 50_000, quotes=False)
    assert any("never closed" in w for w in article.warnings)
    assert article.text.startswith("Some prose here.")


def test_yaml_alias_bomb_fails_fast() -> None:
    lines = ["---", "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    with pytest.raises(FrontMatterError):
        parse_markdown("\n".join([*lines, "---", "body"]))


def test_recursive_yaml_alias_is_refused() -> None:
    with pytest.raises(FrontMatterError):
        parse_markdown("---\na: &a [*a]\n---\nbody")


def test_deep_toml_nesting_is_refused() -> None:
    with pytest.raises(FrontMatterError):
        parse_markdown("+++\na = " + "[" * 5_000 + "]" * 5_000 + "\n+++\nbody")


@pytest.mark.parametrize("size", [1_000, 30_000])
def test_delimiter_and_bracket_runs(size: int) -> None:
    for source in ("*a " * size, "[" * size, "`" * size, "<" * size, "![" * size, "&#" * size):
        parse_markdown(source, quotes=False)


@given(markdown_documents())
def test_any_markdown_returns_an_article_or_an_articlekit_error(source: str) -> None:
    try:
        article = parse_markdown(source, limits=Limits(max_depth=8))
    except ArticleKitError:
        return
    assert _depth(article) <= 8


@given(st.binary(max_size=2_000))
def test_any_bytes_return_an_article_or_an_articlekit_error(data: bytes) -> None:
    with contextlib.suppress(ArticleKitError):
        assert parse_markdown(data).source_format == "markdown"


def _plain_markdown_it() -> MarkdownIt:
    # The configuration of make_markdown_it (links kept as written, no normalize or text_join
    # core rules, no fragments_join), with markdown-it's own link and image rules.
    md = _MarkdownIt("commonmark", {"html": True, "maxNesting": Limits().max_depth + 8})
    md.enable(["table", "strikethrough"])
    md.core.ruler.disable(["normalize", "text_join"])
    md.inline.ruler2.disable(["fragments_join"])
    return md


def _shape(tokens: list[Token]) -> list[object]:
    return [(t.type, t.content, t.attrs, _shape(t.children or [])) for t in tokens]


_LINKISH = st.lists(
    st.sampled_from(["[", "]", "(", ")", "![", "a", "/x", " ", "\n", "`", "*", "\\", "<", ">", "[a](/b)", "]: /r"]),
    max_size=30,
).map("".join)


@given(_LINKISH)
def test_the_bracket_guard_never_changes_the_tokens(source: str) -> None:
    # The link and image rules are skipped where no "]" follows: exactly where they would fail.
    ours = make_markdown_it(front_matter=False)
    assert _shape(ours.parse(source)) == _shape(_plain_markdown_it().parse(source))


_BLOCKISH = st.lists(
    st.sampled_from(
        ["text", "", "    code", "\tcode", "> q", ">", "- a", "* b", "+ c", "1. d", "2) e", "***", "- - -", "___",
         "# h", "###### h", "#no", "<div>", "<!-- c -->", "[r]: /u", "[r]", "```", "~~~", "``` py", "===", "---",
         "| a | b |", "|---|---|", "  - nested", "   > quoted", "     deep"]
    ),
    max_size=12,
).map("\n".join)


@given(st.one_of(_BLOCKISH, markdown_documents()))
def test_the_block_rule_guards_never_change_the_tokens(source: str) -> None:
    # Block rules are skipped at once on lines that do not start with their marker
    # (or are not indented enough for code): exactly where they would fail.
    text = source.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")
    ours = make_markdown_it(front_matter=False)
    assert _shape(ours.parse(text)) == _shape(_plain_markdown_it().parse(text))


@given(markdown_documents())
def test_skipping_fragments_join_never_changes_the_blocks(source: str) -> None:
    # make_markdown_it leaves adjacent text tokens unjoined: the builder joins them itself.
    text = source.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")
    joined = make_markdown_it(front_matter=False)
    joined.inline.ruler2.enable(["fragments_join"])
    joined.parse("")
    ours = make_markdown_it(front_matter=False)
    limits = Limits()
    assert _Builder(limits, text).blocks(ours.parse(text)) == _Builder(limits, text).blocks(joined.parse(text))


def test_the_bracket_guard_keeps_links_and_images() -> None:
    tokens = make_markdown_it(front_matter=False).parse("[[[a [b](/x) ![c](/y.png) [d]\n\n[d]: /z\n")
    inline = next(t for t in tokens if t.type == "inline")
    kinds = [c.type for c in inline.children or []]
    assert kinds.count("link_open") == 2
    assert kinds.count("image") == 1
