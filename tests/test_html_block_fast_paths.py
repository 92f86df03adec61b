"""The block builder's and the URL policy's fast paths give the answers of the code they stand for.

Each property checks a shortcut of :mod:`articlekit._parsers.html._blocks` or
:mod:`articlekit._urls` against the slower code it replaces, on generated input (white
space of every kind, URLs with references, controls and invisible characters, ASCII or not).
"""

from __future__ import annotations

import html

from hypothesis import example, given
from hypothesis import strategies as st

from articlekit._limits import Limits
from articlekit._parsers.html._blocks import _WS, BlockBuilder, _collapse_space
from articlekit._urls import _URL_JUNK, _probe

# HTML white space, the white space it is not (no-break, em and ideographic spaces, vertical
# tab), letters, and anything else.
_SPACY = st.text(
    alphabet=st.sampled_from(list(" \t\n\r\f\x0b\xa0\u2003\u3000\x85ab")) | st.characters(),
    max_size=60,
)


@given(_SPACY)
@example("a" + " " * 40 + "b\n" + " " * 37)
@example(" \t \n\r\n\f x  y   z    w     v")
def test_collapsing_space_matches_the_pattern(text: str) -> None:
    assert _collapse_space(text) == _WS.sub(" ", text)


@given(st.text(alphabet=st.sampled_from(list(" \t\n\r\f\x0b\xa0\u2003\u3000\x85\u2028")), max_size=12))
@example("")
def test_a_frame_of_only_white_space_makes_no_block(text: str) -> None:
    # build() drops such a frame without building it (most frames between two blocks are
    # one such string); building it gives nothing either.
    builder = BlockBuilder(base_url=None, limits=Limits())
    assert builder._paragraph(["p", 0, [text]]) is None
    assert builder._paragraph(["h", 2, [text]]) is None


# URL-like text: schemes, separators, character references, controls, white space and the
# invisible characters a browser ignores.
_URLISH = st.lists(
    st.sampled_from(["javascript", "JaVa", "script", ":", "/", "&#58;", "&amp;", "&", "#", "\t", " ", "\x00", "\x7f",
                     "\u00ad", "\u200b", "data", "image/png", "http", "s", "é", "x", "\x1f", "\xa0"])
    | st.characters(),
    max_size=8,
).map("".join)


@given(_URLISH)
@example("JavaScript:alert(1)")
@example("java\x7fscript:x")
@example("https://example.com/a b")
def test_the_plain_url_probe_matches_the_full_one(url: str) -> None:
    probe = url
    for _ in range(4):
        decoded = html.unescape(probe) if "&" in probe else probe
        if decoded == probe:
            expected: str | None = _URL_JUNK.sub("", probe).lower()
            break
        probe = decoded
    else:
        expected = None
    assert _probe(url) == expected
