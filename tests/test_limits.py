"""Limits: a value over its limit is cut with a warning, or, with ``strict=True``, raises.

Every parser honours ``strict`` through :meth:`Limits.cut` and :meth:`Limits.exceeded`
(before, ``parse_html`` cut its metadata and warned even under ``strict``, and ``parse_text``
flattened deep lists and quotes without raising).
"""

from __future__ import annotations

import pytest

from articlekit import Limits, ResourceLimitError, parse_html, parse_markdown, parse_text

PAGE = """<html lang=en><head><title>Peace talks stall after weeks of pressure</title>
<meta property="og:site_name" content="The Daily Example News">
<meta name="keywords" content="peace, talks, diplomacy">
<meta name="author" content="Jane Doe"><meta name="author" content="John Roe">
</head><body><article><h1>Peace talks stall after weeks of pressure</h1>
<p>No new date has been set for talks, officials said on Friday, after weeks of pressure.</p>
<ul><li>one<ul><li>two<ul><li>three<ul><li>four</li></ul></li></ul></li></ul></li></ul>
</article></body></html>"""

POST = """---
authors: [Jane Doe, John Roe]
tags: [peace, talks, diplomacy]
section: International diplomacy
---
# Peace talks stall after weeks of pressure

No new date has been set for talks, officials said on Friday.

- one
  - two
    - three
      - four
"""

STORY = """Peace Talks Stall After Weeks Of Pressure

By Jane Doe and Johnathan Roe

No new date has been set for talks, officials said on Friday.

- one
  - two
    - three
      - four

> quoted
> > twice
> > > three times
"""

CASES = [
    (parse_html, PAGE, "max_title_chars", 10),
    (parse_html, PAGE, "max_name_chars", 8),
    (parse_html, PAGE, "max_tags", 1),
    (parse_html, PAGE, "max_authors", 1),
    (parse_html, PAGE, "max_depth", 4),
    (parse_markdown, POST, "max_title_chars", 10),
    (parse_markdown, POST, "max_name_chars", 8),
    (parse_markdown, POST, "max_tags", 1),
    (parse_markdown, POST, "max_authors", 1),
    (parse_markdown, POST, "max_depth", 4),
    (parse_text, STORY, "max_title_chars", 10),
    (parse_text, STORY, "max_name_chars", 8),
    (parse_text, STORY, "max_authors", 1),
    (parse_text, STORY, "max_depth", 4),
]


@pytest.mark.parametrize(("parse", "document", "limit", "value"), CASES)
def test_strict_limits_raise_instead_of_cutting_in_every_parser(parse, document, limit, value):
    relaxed = parse(document, quotes=False)
    assert not relaxed.warnings
    cut = parse(document, quotes=False, limits=Limits(**{limit: value}))
    assert cut.warnings, "the limit is hit: the value is cut (or the content flattened) with a warning"
    assert cut != relaxed
    with pytest.raises(ResourceLimitError, match=f"Limits.{limit}"):
        parse(document, quotes=False, limits=Limits(strict=True, **{limit: value}))


def test_cut_keeps_a_value_within_its_limit_and_names_the_limit_when_strict():
    warnings: list[str] = []
    limits = Limits(max_title_chars=5, max_authors=2)
    title = "Hello"
    assert limits.cut(title, "max_title_chars", "title", warnings.append) is title
    assert limits.cut("Hi there", "max_title_chars", "title", warnings.append, trim=True) == "Hi th"
    assert limits.cut("Hi   there", "max_title_chars", "title", warnings.append, trim=True) == "Hi"
    assert limits.cut([1, 2, 3], "max_authors", "authors", warnings.append) == [1, 2]
    assert warnings == [
        "title cut to 5 characters (Limits.max_title_chars)",
        "title cut to 5 characters (Limits.max_title_chars)",
        "authors: kept the first 2 of 3 (Limits.max_authors)",
    ]
    with pytest.raises(ResourceLimitError, match=r"authors: 3, over Limits\.max_authors \(2\)"):
        Limits(max_authors=2, strict=True).cut([1, 2, 3], "max_authors", "authors", warnings.append, source="text")
    with pytest.raises(ResourceLimitError, match=r"content nested too deeply \(Limits\.max_depth\)"):
        Limits(strict=True).exceeded("max_depth", "content nested too deeply", warnings.append)
