"""The quotes of an article, merged: quotations in marks and reported speech, in text order.

Reported speech that repeats a quotation is dropped; a stance verb's reported speech around
someone else's quotation is that speaker's (rule ``disowned``).  Linear in the number of quotes
after one sort.
"""

from __future__ import annotations

import bisect
from operator import attrgetter

from articlekit._model import Quote, Speaker
from articlekit._quotes._cues import Lexicon
from articlekit._quotes._state import (
    State,
    new_quote,
)
from articlekit._quotes._subjects import (
    STANCE_KINDS,
)

_by_span = attrgetter("span")


_CLOSERS = frozenset(",.!?\u201d\u2019\"'\u00bb\u203a\u300d")


def _disowned(
    quotes: list[Quote],
    starts: list[int],
    s: int,
    e: int,
    speaker: Speaker | None,
    cue: str | None,
    lex: Lexicon,
) -> Quote | None:
    """The quotation inside reported speech ``s:e`` read from a stance or action cue
    (``America needs leaders “…,” Clinton said``) that a speech cue gives to someone
    else: the words are that speaker's, so is the reported speech.  Else None.

    Only the first quotation inside is looked at (bounded work).
    """
    kind = lex.cue_kind(cue.lower()) if cue else None
    if kind not in STANCE_KINDS:
        return None
    j = bisect.bisect_left(starts, s)
    if j >= len(quotes) or quotes[j].span[1] > e:
        return None
    inner = quotes[j]
    if inner.speaker is not None and inner.speaker != speaker and inner.kind != "scare":
        return inner
    return None


def merge_quotes(state: State) -> list[Quote]:
    """Direct, partial, headline and scare quotes, plus indirect ones that cross none of them."""
    quotes = sorted(state.quotes, key=_by_span)
    kept: list[Quote] = list(quotes)
    indirect = sorted(state.indirect, key=lambda q: (q[0], -q[1]))
    spans = [q.span for q in quotes]
    starts = [s for s, _ in spans]
    open_spans: list[
        tuple[int, int]
    ] = []  # kept indirect spans that may still contain the next one
    for s, e, speaker, cue, mention in indirect:
        while open_spans and open_spans[-1][1] <= s:
            open_spans.pop()
        if open_spans and (e > open_spans[-1][1] or open_spans[-1] == (s, e)):
            continue  # crosses (or repeats) a kept indirect quote
        # Marked quotes are disjoint: only the one holding s and the one holding e may cross.
        crossing = False
        for j in (bisect.bisect_right(starts, s) - 1, bisect.bisect_left(starts, e) - 1):
            if 0 <= j < len(spans):
                qs, qe = spans[j]
                if (qs < s < qe < e) or (s < qs < e < qe):
                    crossing = True
        if crossing:
            continue
        owner = (
            _disowned(quotes, starts, s, e, speaker, cue, state.lex)
            if "disowned" not in state.disabled
            else None
        )
        if owner is not None:
            # the reported speech is the owner's, and ends with the quotation when the owner's
            # cue follows it ("…,” Clinton said")
            speaker, cue, mention = owner.speaker, owner.cue, owner.speaker_span
            end = owner.span[1]
            while end < e and state.text[end] in _CLOSERS:
                end += 1
            if cue is not None and state.text.find(cue, end, e) >= 0:
                e = end
        kept.append(new_quote(state.text[s:e], "indirect", (s, e), speaker, cue, mention))
        open_spans.append((s, e))
    kept.sort(key=lambda q: (q.span[0], -q.span[1]))
    limit = state.limits.max_quotes
    if len(kept) > limit:
        state.truncated = True
    return kept[:limit]
