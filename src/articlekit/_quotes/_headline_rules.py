"""Headline rules: the speaker of a quotation in the title.

``“…” – NAME``, ``NAME: “…”`` (rule ``headline``), ``NAME: words`` as reported speech
(``title-colon``), and, after the body is read, a headline quotation with no speaker takes the
speaker of the same words quoted in the body (``fill-headlines``, at most the title's quotes
times the body's).
"""

from __future__ import annotations

from articlekit._model import Quote
from articlekit._quotes._speakers import (
    phrase_after,
    phrase_before,
)
from articlekit._quotes._state import (
    Said,
    State,
    new_quote,
    speaker_of,
    where,
)
from articlekit._quotes._text import Token

_HEADLINE_SEPARATORS = frozenset("\u2013\u2014-:|")


def headline_speaker(state: State, toks: list[Token], q_index: int) -> Said:
    """A headline quote's speaker: ``“…” – NAME``, ``“…”: NAME``, ``NAME: “…”``."""
    text, lex = state.text, state.lex
    n = len(toks)
    if q_index + 2 < n + 1 and q_index + 1 < n and toks[q_index + 1].text in _HEADLINE_SEPARATORS:
        phrase = phrase_after(text, toks, q_index + 2, lex, n)
        if phrase is not None and phrase.name is not None and phrase.end >= n - 1:
            speaker, _ = speaker_of(state, phrase)
            return speaker, toks[q_index + 1].text, where(toks, phrase)
    colon = title_colon(toks, q_index)
    if colon > 0:
        phrase = phrase_before(text, toks, colon, lex, 0)
        if phrase is not None and phrase.name is not None and phrase.start == 0:
            speaker, _ = speaker_of(state, phrase)
            return speaker, toks[colon].text, where(toks, phrase)
    return None, None, None


def title_colon(toks: list[Token], q_index: int) -> int:
    """The ``NAME:`` colon that opens a title before token *q_index* (``Warren: Trump Is a ‘Failure’``), or -1."""
    for k in range(1, min(q_index, 8)):
        if toks[k].text in (":", "|"):
            return k
    return -1


def fill_headlines(pending: list[Quote], state: State, title_length: int) -> None:
    """A headline quote with no speaker takes the speaker of the same words in the body.

    One that the body does not attribute either, and that is only a fragment of
    the title (``Sarandon ‘Not Sure’ …``), is a scare quote.
    """
    if not pending:
        return
    body = [q for q in state.quotes if q.kind != "headline" and q.speaker is not None]
    index = {id(q): q for q in pending}
    out = []
    for quote in state.quotes:
        if id(quote) in index:
            key = quote.text.rstrip(".,!?").casefold()
            for other in body:
                if key and key in other.text.casefold():
                    quote = new_quote(
                        quote.text,
                        "headline",
                        quote.span,
                        other.speaker,
                        other.cue,
                        other.speaker_span,
                    )
                    break
            else:
                if 2 * len(quote.text) < title_length:
                    quote = new_quote(quote.text, "scare", quote.span, None, None)
        out.append(quote)
    state.quotes = out
