"""Property tests for parse_text, to_text and parse() on generated input.

Which articles survive ``parse_text(to_text(a))``
-------------------------------------------------
Plain text cannot mark everything, so the round trip is asserted for the
articles whose every part reads unambiguously as what it is.  An article
*qualifies* when:

1. its **title** is non-blank once white space is folded and invisible
   characters are dropped (``clean_name``): ``to_text`` underlines it, and an
   underlined first line is the title whatever it says;
2. its **body holds only paragraphs without hard line breaks**, and each reads
   as prose: it starts with a capitalised word and ends with a full stop
   (here: ``"It " + hostile inline content + " end."``).  A line that is short,
   title-cased and unpunctuated reads as a heading, a ``- `` or ``1.`` line as
   a list item, ``Image`` as a placeholder, ``By Jane Doe`` as a byline: that
   is the parser's job, so such paragraphs cannot come back as paragraphs.
   Headings, lists, quotes, tables, code and figures have their own tests;
3. the **standfirst**, if any, is such a paragraph too;
4. the **texts are distinct** (title, standfirst and paragraphs compared by
   the de-duplication key): a repeat is removed by design;
5. its **authors** have plain personal names (capitalised words); dates are any.

Then the title comes back (``clean_name``-equal), and the sequence
``[standfirst] + paragraphs`` comes back with white space folded.  The
standfirst slot itself may move: with no standfirst, the first paragraph
after a bare title *is* a lede, so it is read as the standfirst.  Authors and
dates come back too (dates to the second).
"""

from __future__ import annotations

from hypothesis import assume, example, given
from hypothesis import strategies as st

import articlekit
from articlekit import (
    Article,
    ArticleKitError,
    BlockQuote,
    LineBreak,
    ListBlock,
    Paragraph,
    Person,
    Text,
    parse_text,
    to_text,
)
from articlekit._dedupe import dedupe_key
from articlekit._model._text import block_text, inline_text
from articlekit._parsers._textlines import heading_like
from articlekit._syntax import reads_as_markup
from articlekit._syntax import structural as _structural
from articlekit._textutil import clean_name
from articlekit.testing import articles, aware_datetimes, inlines, texts


def _fold(text: str) -> str:
    return " ".join(text.split())


def _has_break(node: object) -> bool:
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, LineBreak):
            return True
        stack.extend(getattr(current, "children", ()))
    return False


_prose = st.lists(inlines(), max_size=3).filter(lambda kids: not any(map(_has_break, kids))).map(
    lambda kids: Paragraph([Text("It "), *kids, Text(" end.")])
)
_people = st.builds(
    lambda first, last: Person(f"{first} {last}"),
    st.sampled_from(["Jane", "John", "Anna", "Dmitry", "Amélie", "Tom", "Li"]),
    st.sampled_from(["Doe", "Smith", "O’Neill", "Schmidt", "Peskov", "de la Fontaine", "Wei"]),
)


@st.composite
def _candidates(draw: st.DrawFn) -> Article | None:
    # Returns None for a draw that does not qualify (assume() inside a draw makes
    # hypothesis describe the whole strategy, which is slow and warns).
    title = draw(texts(min_size=1))
    if not clean_name(title):
        return None
    standfirst = draw(st.none() | _prose.map(lambda p: inline_text(p.children)))
    body = draw(st.lists(_prose, max_size=6))
    keys = [dedupe_key(t) for t in [title, standfirst or "", *(inline_text(p.children) for p in body)] if t]
    if len(set(keys)) != len(keys):
        return None
    authors = draw(st.lists(_people, max_size=3, unique_by=lambda p: p.name))
    return Article(
        title=title,
        standfirst=standfirst,
        authors=tuple(authors),
        published=draw(st.none() | aware_datetimes()),
        modified=draw(st.none() | aware_datetimes()),
        body=tuple(body),
    )


def qualifying_articles() -> st.SearchStrategy[Article]:
    """Articles that qualify for the text round trip (see the module docstring)."""
    return _candidates().filter(lambda a: a is not None)  # type: ignore[return-value]


def _flat(article: Article) -> tuple[object, ...]:
    lede = (Paragraph([Text(article.standfirst)]),) if article.standfirst else ()
    return (*lede, *article.body)


def _words(article: Article) -> list[str]:
    return " ".join([article.standfirst or "", *map(block_text, article.body)]).split()


def _paragraph_texts(article: Article) -> list[str]:
    out = [_fold(article.standfirst)] if article.standfirst and _fold(article.standfirst) else []
    out += [_fold(inline_text(b.children)) for b in article.body if isinstance(b, Paragraph)]
    return [t for t in out if t]


@given(qualifying_articles())
def test_round_trip_recovers_title_paragraphs_authors_dates(article):
    back = parse_text(to_text(article), quotes=False)
    assert back.title == clean_name(article.title)
    assert all(isinstance(b, Paragraph) for b in back.body)
    assert _paragraph_texts(back) == _paragraph_texts(article)
    assert [p.name for p in back.authors] == [p.name for p in article.authors]
    for field in ("published", "modified"):
        want = getattr(article, field)
        assert getattr(back, field) == (want.replace(microsecond=0) if want else None)


@given(qualifying_articles(), st.integers(min_value=30, max_value=120))
@example(Article(title="0", body=[Paragraph([Text("It 0 ><script>alert(1)</script> end.")])]), 30)
@example(Article(title="T", body=[Paragraph([Text("Some words here - and more words after it")])]), 30)
def test_round_trip_with_wrapping_keeps_title_and_words(article, width):
    # Wrapped prose is joined back and its words come back in order.  (A wrapped first
    # line can come out short, "It" before a long word, and then reads as a heading:
    # so the words are compared over headings and paragraphs alike.)
    back = parse_text(to_text(article, width=width), quotes=False)
    assert back.title == clean_name(article.title)
    assert _words(back) == _words(article)


@given(articles(), st.integers(min_value=1, max_value=100))
def test_to_text_writes_any_article_and_parse_text_reads_it(article, width):
    # One test (articles() is costly to generate): to_text never fails, is deterministic,
    # starts with the underlined title; wrapping moves line breaks only; parse_text reads it.
    out = to_text(article)
    assert out == "" or out.endswith("\n")
    assert to_text(article) == out
    if article.title and _fold(article.title):
        assert out.startswith(_fold(article.title) + "\n=")
    wrapped = to_text(article, width=width)
    # Wrapping changes where lines break (and repeats quote prefixes), never the words.
    assert [w for w in wrapped.split() if w != ">"] == [w for w in out.split() if w != ">"]
    plain_lines = set(out.split("\n"))
    for line in wrapped.split("\n"):
        words = [w for w in line.split() if any(c.isalnum() for c in w)]
        # Too long only when it holds one unbreakable word (after its marker; tokens without a
        # letter or digit, such as "-" or ">", do not count), was never wrapped, or a break in it
        # would have started a line that reads as markup ("- x", "> x", "Q: x").
        pieces = line.lstrip("> ").split()
        assert (
            len(line) <= width
            or len(words) <= 2
            or line in plain_lines
            or any(reads_as_markup(" ".join(pieces[j:])) for j in range(1, len(pieces)))
        )
    try:
        back = parse_text(out, quotes=False)
    except ArticleKitError:
        assert not out.strip() or not clean_name(out)
        return
    assert back.source_format == "text"


_PIECES = st.sampled_from(
    [
        "\n", "\n\n", "\r\n", "\r", "\t", "\u00a0", "  ", "- ", "* ", "• ", "1. ", "2) ", "> ",
        ">> ", "By Jane Doe", "By ", "May 23, 2025", "Updated: 2025-05-23T10:30:00Z", "PostImage",
        "Image", "Photo: AP", "Putin’s Proposal", "BACKGROUND", "===", "---", "* * *", "SPEAKER: ",
        "Q: ", "From: a@b.c", "Subject: Hi", "Date: Tue, 3 Jun 2025 07:00:00 +0000",
        "Hello world.", "He said, “yes.”", ":", ",", ".", "\u200b", "\ufeff", "LONDON, May 5, 2025 -- ",
    ]
)  # fmt: skip
_structured = st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=40).map("".join)


@given(st.one_of(st.text(), _structured, st.binary()))
def test_parse_text_raises_only_articlekit_errors(data):
    try:
        article = parse_text(data)
    except ArticleKitError:
        return
    assert isinstance(article, Article)
    assert article.source_format == "text"


@given(st.one_of(st.text(), _structured, st.binary()))
def test_parse_auto_raises_only_articlekit_errors(data):
    try:
        article = articlekit.parse(data, quotes=False)
    except ArticleKitError:
        return
    assert isinstance(article, Article)


@given(_structured)
@example("Putin’s Proposal\n- \n0\n\nHello world.")
def test_parse_text_is_idempotent_through_to_text(data):
    # What parse_text found in a titled text, to_text writes so that parse_text finds it again.
    try:
        first = parse_text(data, quotes=False)
    except ArticleKitError:
        return
    assume(first.title)
    # A paragraph that itself starts like markup ("- 1." joined from a bare "-" line and a
    # bare "1." line) is written as it is, and then reads as a list: out of scope.
    # Likewise a short title-cased paragraph (split from a heading-less chunk by a speaker
    # label) stands alone once written, and then reads as a heading.
    assume(
        not any(
            isinstance(b, Paragraph) and (_structural(t := inline_text(b.children)) or heading_like(t))
            for b in _flat(first)  # the standfirst too: "- \n0" under a title is the lede "- 0"
        )
    )
    second = parse_text(to_text(first), quotes=False)
    # As in the round trip, the standfirst slot may move: a paragraph under a bare title is a lede.
    assert (second.title, _flat(second)) == (first.title, _flat(first))
    assert (second.authors, second.published, second.modified) == (first.authors, first.published, first.modified)


@given(st.lists(texts(max_size=60).map(lambda t: _fold(f"It {t} end.")), min_size=1, max_size=8), st.data())
def test_a_paragraph_that_appears_once_is_never_removed(paragraphs, data):
    # Some paragraphs printed twice: each distinct one comes back exactly once.
    keys = [dedupe_key(p) for p in paragraphs]
    assume(len(set(keys)) == len(keys))
    doubled = data.draw(st.lists(st.sampled_from(paragraphs), max_size=3))
    text = "\n\n".join(["Headline Here", *paragraphs, *doubled])
    back = parse_text(text, quotes=False)
    got = _paragraph_texts(back)
    for p in paragraphs:
        n = got.count(_fold(p))
        assert n >= 1
        if len(dedupe_key(p)) >= 40:
            assert n == 1


def test_deep_nesting_is_flattened_with_a_warning():
    quotes = parse_text("Title\n\n" + "> " * 200 + "deep.", quotes=False)
    assert quotes.warnings
    assert "deep." in quotes.text
    lists = parse_text("Title\n\n" + "\n".join("  " * i + "- item" for i in range(200)), quotes=False)
    assert lists.warnings
    assert lists.text.count("item") == 200
    assert isinstance(lists.body[0], ListBlock)
    assert isinstance(quotes.body[0], BlockQuote)


def test_a_wrapped_line_never_starts_with_markup():
    body = [Paragraph([Text("Tell them - now > later 1. first Q: why - it")])]
    for width in range(1, 40):
        lines = to_text(Article(title="T", body=body), width=width).split("\n")[2:]
        assert not any(reads_as_markup(line) for line in lines if line), width
