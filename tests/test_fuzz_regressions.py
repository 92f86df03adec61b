"""Inputs the fuzzers (``fuzz/fuzz.py``) found, each a test named for its case.

Every one raised an exception that is not an :class:`articlekit.ArticleKitError` before its fix.
"""

from __future__ import annotations

import articlekit


def test_a_headline_link_the_url_parser_refuses_is_no_home_link() -> None:
    # urlsplit raises ValueError("Invalid IPv6 URL") on "http://[x/": the headline check for a
    # logo link (an <h1> holding only a link to the home page) let it escape parse_html
    page = (
        "<html><body><h1><a href='http://[x/'>Home</a> Ministers agree on the new budget</h1>"
        "<p>The ministers met on Monday and agreed on the budget for next year.</p></body></html>"
    )
    article = articlekit.parse_html(page)
    assert article.title == "Home Ministers agree on the new budget"

