"""Relative links and images of a web page: resolved against the URL given, else the page's
<base href>, else its canonical URL, and the base used recorded as Article.base_url."""

from __future__ import annotations

import pytest

import articlekit
from articlekit import Figure, Link, Paragraph, parse_html


def _page(head: str) -> str:
    return (
        f"<html><head><title>Tram vote</title>{head}</head><body><article><h1>Tram vote</h1>"
        "<p>The council voted on Monday to build the line, after a long debate in the chamber, "
        "<a href='/news/earlier'>as reported earlier</a>.</p>"
        "<figure><img src='img/tram.jpg' alt='A tram'><figcaption>The new tram.</figcaption></figure>"
        "<p>Work starts in May and the first trams run two years later, the mayor said.</p>"
        "</article></body></html>"
    )


def _urls(article: articlekit.Article) -> tuple[str | None, str | None]:
    link = next(
        child for block in article.body if isinstance(block, Paragraph) for child in block.children if isinstance(child, Link)
    )
    figure = next(block for block in article.body if isinstance(block, Figure))
    return link.href, figure.src


@pytest.mark.parametrize(
    ("head", "url", "base", "link", "image"),
    [
        ("<link rel=canonical href='https://news.example/city/tram.html'>", None,
         "https://news.example/city/tram.html", "https://news.example/news/earlier", "https://news.example/city/img/tram.jpg"),
        ("<meta property='og:url' content='https://news.example/city/tram.html'>", None,
         "https://news.example/city/tram.html", "https://news.example/news/earlier", "https://news.example/city/img/tram.jpg"),
        ("<base href='https://cdn.example/site/'><link rel=canonical href='https://news.example/x'>", None,
         "https://cdn.example/site/", "https://cdn.example/news/earlier", "https://cdn.example/site/img/tram.jpg"),
        ("<link rel=canonical href='https://news.example/x'>", "https://mirror.example/a/b.html",
         "https://mirror.example/a/b.html", "https://mirror.example/news/earlier", "https://mirror.example/a/img/tram.jpg"),
        ("<base href='/static/'>", "https://news.example/a/b.html",
         "https://news.example/static/", "https://news.example/news/earlier", "https://news.example/static/img/tram.jpg"),
        ("", None, None, "/news/earlier", "img/tram.jpg"),
    ],
    ids=["canonical", "og-url", "base-href-wins-over-canonical", "url-wins", "base-href-on-url", "nothing"],
)
def test_relative_urls_resolve_against_the_best_base_and_it_is_recorded(head, url, base, link, image):
    article = parse_html(_page(head), url=url, quotes=False)
    assert article.base_url == base
    assert _urls(article) == (link, image)
    if base is not None:
        assert all(i.url.startswith("https://") for i in article.images), "images[] and the body agree"


def test_the_base_url_survives_json():
    article = parse_html(_page("<link rel=canonical href='https://news.example/city/tram.html'>"), quotes=False)
    assert articlekit.from_json(articlekit.to_json(article)) == article
    assert "base_url" not in articlekit.to_dict(articlekit.Article(title="T")), "written only when set"
