"""The block builder's fast paths give the answers of the code they stand for.

Each property checks a shortcut of :mod:`articlekit._parsers.html._blocks` against the
slower code it replaces, on generated input (white space of every kind, ASCII or not).
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from articlekit._limits import Limits
from articlekit._parsers.html._blocks import _WS, BlockBuilder, _collapse_space

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
