"""Main-content extraction rules, one small page per rule."""

from __future__ import annotations

from articlekit import Figure
from articlekit._model._text import block_text, inline_text
from articlekit._parsers.html import parse_html

_P1 = "The committee met on Monday to discuss the new budget, which has been delayed for months."
_P2 = "Members argued about the cost of the bridge, the school repairs and the new library project."
_P3 = "A final vote is expected next week, after the public consultation closes on Friday evening."


def _body(page: str) -> str:
    article = parse_html(page, quotes=False)
    return "\n\n".join(block_text(b) for b in article.body)


def _page(inner: str) -> str:
    return f"<html><head><title>Budget talks</title></head><body>{inner}</body></html>"


def test_the_densest_text_block_wins_over_teasers() -> None:
    teasers = "".join(f"<div class='card'><a href='/s{i}'>Story {i} headline here</a></div>" for i in range(20))
    text = _body(_page(f"<div class='grid'>{teasers}</div><div class='main'><p>{_P1}</p><p>{_P2}</p><p>{_P3}</p></div>"))
    assert text == f"{_P1}\n\n{_P2}\n\n{_P3}"


def test_furniture_words_in_class_and_id_are_dropped() -> None:
    for name in ("share-bar", "related-posts", "newsletter", "cookie-notice", "ad-slot", "comments", "breadcrumbs"):
        inner = (
            f"<article><p>{_P1}</p><div class='{name}'><p>FURNITURE words here, long enough to be a paragraph, "
            f"with commas, yes.</p></div><p>{_P2}</p></article>"
        )
        assert "FURNITURE" not in _body(_page(inner)), name


def test_names_are_matched_as_words_not_substrings() -> None:
    inner = (
        f"<article><p>{_P1}</p><div class='thread-header shadow-box'><p>KEEP this paragraph, it is part "
        f"of the story, and long enough.</p></div><p>{_P2}</p></article>"
    )
    assert "KEEP this paragraph" in _body(_page(inner))


def test_hidden_elements_are_dropped() -> None:
    inner = (
        f"<article><p>{_P1}</p><div style='display: none'><p>HIDDEN text, long enough to be a paragraph "
        f"of its own, with commas.</p></div><p hidden>HIDDEN too, a long paragraph that nobody sees.</p>"
        f"<p>{_P2}</p></article>"
    )
    assert "HIDDEN" not in _body(_page(inner))


def test_a_layout_wrapper_named_like_furniture_is_kept() -> None:
    inner = f"<div class='container has-sidebar'><div class='post-content'><p>{_P1}</p><p>{_P2}</p></div></div>"
    assert _body(_page(inner)) == f"{_P1}\n\n{_P2}"


def test_embedded_posts_are_kept() -> None:
    inner = (
        f"<article><p>{_P1}</p><div class='social-media-embed'><blockquote class='twitter-tweet'>"
        "<p>EMBEDDED post text that the article quotes, <a href='https://t.co/x'>https://t.co/x</a></p>"
        f"</blockquote></div><p>{_P2}</p></article>"
    )
    assert "EMBEDDED post text" in _body(_page(inner))


def test_article_split_into_sections_is_joined() -> None:
    inner = (
        f"<main><section><div class='rich-copy'><p>{_P1}</p><p>{_P2}</p></div></section>"
        "<section><figure><img src='/a.jpg' alt='A picture of the hall'></figure></section>"
        f"<section><div class='rich-copy'><p>{_P3}</p><p>{_P1.replace('Monday', 'Tuesday')}</p></div></section></main>"
    )
    text = _body(_page(inner))
    assert _P1 in text
    assert _P3 in text


def test_link_paragraphs_and_hover_cards_are_dropped() -> None:
    inner = (
        f"<article><p>{_P1}</p><p>SEE MORE: <a href='/a'>Another story about the budget</a></p>"
        "<p>Mayor <span class='person'><a href='/p/jo'>Jo Park</a><span class='card'><img src='/jo.jpg' alt=''>"
        "<a href='/p/jo'>Jo Park</a><a href='/p/jo/news'>Latest news about Jo Park</a></span></span> said the "
        "budget would pass, and that the library would open on time next year.</p>"
        f"<p>{_P2}</p></article>"
    )
    text = _body(_page(inner))
    assert "SEE MORE" not in text
    assert "Latest news" not in text
    assert "Mayor Jo Park said the budget would pass" in text


def test_captions_outside_figures_become_figures() -> None:
    inner = (
        f"<article><p>{_P1}</p><div class='photo'><img src='/hall.jpg' alt='The town hall'>"
        "<span class='image-caption'>The town hall on Monday evening</span></div><p>{_P2}</p></article>"
    ).replace("{_P2}", _P2)
    article = parse_html(_page(inner), quotes=False)
    figures = [b for b in article.body if isinstance(b, Figure)]
    assert len(figures) == 1
    assert inline_text(figures[0].caption) == "The town hall on Monday evening"
    paragraphs = [block_text(b) for b in article.body if not isinstance(b, Figure)]
    assert paragraphs == [_P1, _P2]


def test_image_galleries_are_dropped() -> None:
    items = "".join(f"<li><img src='/g{i}.jpg' alt='Gallery picture {i}'><p>Slide {i}</p></li>" for i in range(4))
    inner = f"<article><p>{_P1}</p><ul class='slides'>{items}</ul><p>{_P2}</p></article>"
    text = _body(_page(inner))
    assert "Slide" not in text


def test_interface_labels_are_dropped() -> None:
    inner = f"<article><p>Advertisement</p><p>{_P1}</p><p>Photo: Jane Roe/AP</p><p>{_P2}</p><p>3 min read</p></article>"
    assert _body(_page(inner)) == f"{_P1}\n\n{_P2}"


def test_paragraphs_repeated_on_purpose_are_kept() -> None:
    inner = f"<article><p>{_P1}</p><h3>Plan A</h3><p>{_P2}</p><h3>Plan B</h3><p>{_P2}</p></article>"
    assert _body(_page(inner)).count(_P2) == 2
