"""Reported-speech rules: the content each speech cue of a sentence reports.

:func:`reported_speech` runs them in order for each cue with a speaker, within one sentence:
``according to X, …``; ``CONTENT, X said, CONTENT`` (:func:`interrupted`, rule
``interrupted``); ``CONTENT, X said.`` (``content-before``); ``X said (that) CONTENT``
(``content-after``, :func:`articlekit._quotes._indirect.content_after`); words around a quoted
fragment (``mixed``); the object of a verb whose object is what was said (``object``).  A cue
that is not speech (belief, intention, other) reports only words in quote marks, unless its
type is asked for.  Each rule reads at most the sentence.
"""

from __future__ import annotations

from articlekit._quotes._cues import KIND_TYPES, Lexicon
from articlekit._quotes._indirect import (
    content_after,
    content_before,
    question_after,
    second_verb,
    verb_soon,
)
from articlekit._quotes._state import Cue, State, skip_back
from articlekit._quotes._text import Token

__all__ = ["QUOTE_CLOSERS", "interrupted", "reported_speech"]


def reported_speech(
    state: State, toks: list[Token], s0: int, s1: int, cues: list[Cue], direct: set[int]
) -> None:
    lex = state.lex
    reported = state.reported
    on = state.on
    for cue in cues:
        if cue.speaker is None:
            continue
        speech = KIND_TYPES[cue.kind] in reported
        span: tuple[int, int] | None = None
        if cue.kind == "according":
            phrase = cue.phrase
            if phrase is None:
                continue
            before = cue.a - 1 > s0 and toks[cue.a - 1].text == ","
            end = phrase.end
            if "long-source" in on and not before:
                # "According to early results of exit polls conducted for … by Edison Research,
                # CONTENT": the source runs on to its comma
                end = _source_end(toks, end, s1, cue.b)
            if end < s1 and toks[end].text == ",":
                if before and not _clause_at(toks, end + 1, s1, lex):
                    # "Centerview earned $600 million, according to public filings, a huge sum
                    # for a firm …": what follows the source says who or what it is; the
                    # content is the clause before
                    span = content_before(toks, s0, cue.a - 1, direct)
                else:
                    span = content_after(toks, end + 1, s1, lex, False, direct, False, free=True)
            elif before:
                span = content_before(toks, s0, cue.a - 1, direct)
        else:
            phrase = cue.phrase
            subject_start = phrase.start if phrase is not None and phrase.end <= cue.a else cue.a
            k = skip_back(toks, subject_start, s0, lex)
            comma = k - 1
            if (
                comma > s0
                and toks[comma].kind == "q"
                and toks[comma].quote not in direct
                and toks[comma].text.rstrip(QUOTE_CLOSERS).endswith(",")
            ):
                comma = k  # "… will play the “woman card,” Fiorina said": the comma is inside
            opener = toks[s0].low in lex.words_of("introductory")
            if (
                comma > s0
                and (comma == k or toks[comma].text == ",")
                and cue.kind in ("speech", "belief", "intention")
                and not (cue.surface.endswith("ing") and cue.a == subject_start)
                and not _participle_opener(toks, s0, comma, lex)
            ):
                # "In all, hackers compromised …, the report said": an introductory phrase and a
                # clause are content; "During the debate, Trump said" has none
                clause = not opener or (
                    "opener-clause" in on and _clause_after_opener(toks, s0, comma, lex, cues)
                )
                if (
                    cue.kind == "speech"
                    and "interrupted" in on
                    and (clause or ("opener-clause" in on and subject_start < cue.a))
                ):
                    # ("In particular, he said, the plan …": the part after the cue alone)
                    span = interrupted(state, toks, s0, s1, comma, cue, direct, rest_only=not clause)
                if (
                    span is None
                    and clause
                    and "content-before" in on
                    and _tail_is_short(toks, cue, s1)
                ):
                    span = content_before(toks, s0, comma, direct)
                if (
                    span is not None
                    and "speaker-not-content" in on
                    and cue.mention is not None
                    and toks[span[0]].start <= cue.mention[0] < toks[span[1] - 1].end
                ):
                    # "Megan Hester, senior associate at the institute, said parents …": the
                    # speaker and a description of her, not what she said
                    span = None
            if (
                span is None
                and (phrase is None or phrase.start < cue.a)
                and cue.kind != "naming"
                and "content-after" in on
            ):
                span = content_after(
                    toks,
                    cue.b,
                    s1,
                    lex,
                    lex.is_object_first(cue.surface.lower()),
                    direct,
                    cue.kind in ("belief", "intention", "other")
                    or cue.surface.lower() in lex.that_only,
                    bare="bare-clause" in on
                    and cue.surface.lower() in lex.words_of("bare_clause_cues"),
                )
            if (
                span is None
                and (phrase is None or phrase.start < cue.a)
                and "embedded-question" in on
                and cue.surface.lower() in lex.words_of("question_cues")
                and not (cue.a > s0 and toks[cue.a - 1].low in lex.words_of("passive"))
            ):
                span = question_after(toks, cue.b, s1, lex, direct)
            if span is None and (phrase is None or phrase.start < cue.a) and "mixed" in on:
                span = _mixed(toks, cue, s1, lex, direct)
            if span is None and phrase is not None and phrase.end <= cue.a and "object" in on:
                span = _object(toks, cue, s0, s1, lex, direct)
                if (
                    span is not None
                    and speech
                    and KIND_TYPES[cue.kind] == "speech"
                    and cue.surface.lower() not in lex.object_content
                    and not any(toks[k].kind == "q" for k in range(*span))
                ):
                    span = None  # "added three more goals": a noun, not what was said
        if (
            span is not None
            and "cataphoric-object" in on
            and span[0] + 1 < span[1]
            and toks[span[0]].low in lex.determiners
            and toks[span[0] + 1].low in lex.words_of("cataphoric")
        ):
            span = None  # "issued the following statement:": what was said comes next
        if span is None:
            continue
        a, b = span
        if not speech and not any(toks[k].kind == "q" for k in range(a, b)):
            continue  # not speech, unless it quotes words in marks ("wants “a big, beautiful wall”")
        start, end = toks[a].start, toks[b - 1].end
        state.indirect.append((start, end, cue.speaker, cue.surface, cue.mention))


#: The most words of a source after *according to* (*early results of exit polls conducted for
#: The Associated Press and television networks by Edison Research*).
_MAX_SOURCE = 24


def _source_end(toks: list[Token], end: int, s1: int, cue_end: int) -> int:
    """Where a source after *according to* ends: at *end*, or at the comma that words alone
    (no punctuation, quotation or clause) lead to within ``_MAX_SOURCE`` words of the cue."""
    m = end
    while m < s1 and m - cue_end < _MAX_SOURCE and toks[m].kind == "w":
        m += 1
    return m if m < s1 and m > end and toks[m].text == "," else end


def _clause_at(toks: list[Token], a: int, s1: int, lex: Lexicon) -> bool:
    """Whether a clause starts at token *a*: a finite verb or a past tense within ten words,
    and no relative pronoun first (``who was an adviser``, ``a start-up that tracks …`` are
    no clauses of their own)."""
    if a >= s1 or toks[a].low in lex.words_of("relatives"):
        return False
    finite = lex.words_of("finite_verbs")
    for tok in toks[a + 1 : min(s1, a + 11)]:
        word = tok.text.strip(QUOTE_CLOSERS + "\u201c\u2018\u201e").lower()
        if word in finite or (word.endswith("ed") and len(word) > 4 and not tok.cap):
            return True
        if tok.low in lex.words_of("relatives") or tok.text in (",", ";", "."):
            return False
    return False


def _clause_after_opener(
    toks: list[Token], s0: int, comma: int, lex: Lexicon, cues: list[Cue]
) -> bool:
    """Whether a clause follows the introductory phrase that opens the sentence at *s0*
    (``In all, hackers compromised …``, ``As part of the inquiry, the FBI would …``): the
    phrase's comma, then a subject and a finite verb before the *comma* of the cue (not a
    relative clause: ``During the debate, which lasted …``)."""
    for m in range(s0 + 1, comma - 2):
        if toks[m].text == ",":
            nxt = toks[m + 1]
            return (
                nxt.kind == "w"
                and nxt.low not in lex.words_of("relatives")
                and verb_soon(toks, m + 1, comma, lex)
                # one clause, no other speaker's: no quotation, colon or bracket in it, and
                # no cue with a speaker of its own
                and not any(t.kind == "q" or t.text in ":()" for t in toks[s0:comma])
                and not any(c.speaker is not None and s0 <= c.a < comma for c in cues)
            )
    return False


def _participle_opener(toks: list[Token], s0: int, comma: int, lex: Lexicon) -> bool:
    """Whether the words before the *comma* are a participle phrase (``Addressing the gala
    Thursday, Trump said …``, ``Holding open a book, Beck said …``), how the speaker spoke,
    not what: a capitalised word in *-ing* and no finite verb or past tense (*Shifting
    monsoon patterns could affect …* is a clause)."""
    first = toks[s0]
    if not (
        first.kind == "w"
        and first.cap
        and first.low.endswith("ing")
        and not first.low.endswith("thing")  # "Nothing the president said …"
        and "-" not in first.low  # "Right-wing parties …"
        and len(first.low) > 5
        and first.low not in lex.first_names
        and lex.cue_kind(first.low) is None
    ):
        return False
    finite = lex.words_of("finite_verbs")
    return not any(
        t.low in finite or (not t.cap and t.low.endswith("ed") and len(t.low) > 4)
        for t in toks[s0 + 1 : comma]
    )


def _mixed(
    toks: list[Token], cue: Cue, s1: int, lex: Lexicon, direct: set[int]
) -> tuple[int, int] | None:
    """Content mixing words and a quoted fragment: ``called Trump “unhinged”``, ``calls for more “flexibility” for …``."""
    a = cue.b
    if a < s1 and (toks[a].low == "that" or toks[a].text == ","):
        a += 1  # (", “…” …": what follows the comma)
    if a < s1 and (toks[a].low in lex.words_of("places") or toks[a].low in lex.words_of("when")):
        return None  # "said Sunday on NBC's “Meet the Press”": when and where, not what
    b = a
    has_partial = False
    while b < s1 and b - a < 60:
        tok = toks[b]
        if tok.kind == "q":
            if tok.quote in direct:
                break
            has_partial = True
            if (
                b > a
                and toks[b - 1].text != ","
                and (b + 1 >= s1 or toks[b + 1].low not in lex.words_of("continuations"))
                and tok.text.rstrip(QUOTE_CLOSERS).endswith(",")
            ):
                b += 1
                break  # "dubbed it “the yuca primary,” referring to …": the fragment ends the content
        elif (
            tok.kind == "w"
            and tok.low in ("and", "but")
            and b > a + 1
            and b + 1 < s1
            and second_verb(toks, b, lex)
        ):
            break  # "called her “third-rate” and boycotted …"
        elif (tok.kind == "p" and tok.text in ";:()") or (
            tok.text == ","
            and b + 1 < s1
            and (toks[b + 1].low in ("but", "and") or lex.cue_kind(toks[b + 1].low))
        ):
            break
        b += 1
    if not has_partial or b <= a:
        return None
    while b > a and toks[b - 1].kind == "p":
        b -= 1
    return (a, b) if b > a else None


QUOTE_CLOSERS = "\u201d\u2019\"'\u00bb\u203a\u300d` "


def _object(
    toks: list[Token], cue: Cue, s0: int, s1: int, lex: Lexicon, direct: set[int]
) -> tuple[int, int] | None:
    """What a cue with a subject is about, when no clause follows: ``endorsed Ted Cruz``,
    ``expressed her distaste for Donald Trump``, ``wants a wall``.  The object ends at the
    sentence's end, a clause mark, a second verb of the subject (``and made …``), or the comma
    that closes an introductory clause holding the cue (``As she spoke about …, …``)."""
    finite = lex.words_of("finite_verbs")
    in_opener = (
        KIND_TYPES[cue.kind] == "speech"
        and toks[s0].low in lex.words_of("introductory")
        and not any(t.text == "," for t in toks[s0 : cue.a])
    )
    if lex.is_object_first(cue.surface.lower()):
        return None  # "told reporters": the object is who was told, not what
    a = cue.b
    if cue.kind == "speech":
        k = a
        while (
            k < s1
            and k - a < 4
            and toks[k].low in lex.adverbials
            and toks[k].low not in lex.words_of("places")
        ):
            k += 1  # "said Sunday", "said this week"
        if k >= s1 or toks[k].kind == "p" or toks[k].low in lex.words_of("places"):
            return None  # "said on Twitter", "spoke next", "said Sunday on NBC's …": when and where
    if a < s1 and toks[a].low in ("to", "for", "on", "about", "at", "with", "that"):
        a += 1
    if a >= s1 or toks[a].kind != "w":
        return None
    b = a
    limit = min(s1, a + 30)
    while b < limit:
        tok = toks[b]
        if tok.kind == "q" and tok.quote in direct:
            break
        if tok.kind == "p" and tok.text in ".;:!?()\u2014\u2013":
            break
        if (
            tok.text == ","
            and b + 1 < s1
            and (
                toks[b + 1].low in ("but", "and", "which", "who")
                or lex.cue_kind(toks[b + 1].low)
                or in_opener  # "As she spoke about the plan, the crowd …": the opener ends here
            )
        ):
            break
        if (
            tok.low in ("and", "but")
            and b > a
            and b + 1 < s1
            and toks[b + 1].kind == "w"
            and not toks[b + 1].cap
            and (
                toks[b + 1].low in finite
                or toks[b + 1].low.endswith("ly")
                or (second_verb(toks, b, lex) and not toks[b + 1].low.endswith("s"))
            )
        ):
            break  # "talked about the market and made comments …": a second verb of the subject
        b += 1
    while b > a and toks[b - 1].kind == "p":
        b -= 1
    return (a, b) if b - a >= 1 else None


def interrupted(
    state: State,
    toks: list[Token],
    s0: int,
    s1: int,
    comma: int,
    cue: Cue,
    direct: set[int],
    rest_only: bool = False,
) -> tuple[int, int] | None:
    """``CONTENT, SPEAKER said, CONTENT``: a cue that interrupts its content.

    Returns the part before the cue, and records the part after it (the two make
    one attribution); None when the cue is not followed by a comma and a clause.
    With *rest_only* (the part before is an introductory phrase: ``In particular, he
    said, …``), records the part after the cue alone and returns None.
    """
    after = cue.b
    if cue.phrase is not None and cue.phrase.start >= cue.b:
        after = cue.phrase.end
    if after + 2 >= s1 or toks[after].text != ",":
        return None
    nxt = toks[after + 1]
    extraposed = nxt.low in ("for", "to") and toks[s0].low in state.lex.words_of(
        "it"
    )  # "It's common, he explains, for …"
    if nxt.kind != "q" and (
        nxt.kind != "w"
        or (nxt.low in state.lex.words_of("not_resuming") and not extraposed)
        or nxt.low.endswith("ing")
        or state.lex.cue_kind(nxt.low) is not None
    ):
        return None
    if rest_only and (nxt.kind != "w" or not verb_soon(toks, after + 1, s1, state.lex)):
        return None
    if (
        cue.phrase is not None
        and cue.phrase.start >= cue.b
        and nxt.kind == "w"
        and (
            not verb_soon(toks, after + 1, s1, state.lex)
            or _relative_first(toks, after + 1, s1, state.lex)
        )
    ):
        # "…, said Jane Doe, a demographer at Emory University.": who she is, not more content
        return content_before(toks, s0, comma, direct)
    if all(t.kind == "q" and t.quote in direct for t in toks[s0:comma]):
        return None  # "« … », souligne Laurent Fabre, le préfet": the cue attributes a quotation
    first = None if rest_only else content_before(toks, s0, comma, direct, least=2)  # "The plan, she said, …"
    if first is None and comma - s0 > 1 and not rest_only:
        return (
            None  # (one word before: "Yesterday, she said, …", "But, she said, …": the rest alone)
        )
    rest = content_after(toks, after + 1, s1, state.lex, False, direct, False, free=True)
    if rest is None:
        return None
    state.indirect.append(
        (toks[rest[0]].start, toks[rest[1] - 1].end, cue.speaker, cue.surface, cue.mention)
    )
    return first


def _relative_first(toks: list[Token], a: int, s1: int, lex: Lexicon) -> bool:
    """Whether a relative pronoun comes before any finite verb in the words from *a* (``another
    speechwriter who worked in the White House``: a description, not a clause)."""
    finite = lex.words_of("finite_verbs")
    for tok in toks[a + 1 : min(s1, a + 7)]:
        if tok.kind != "w":
            return False
        if tok.low in lex.words_of("relatives"):
            return True
        if tok.low in finite or (tok.low.endswith("ed") and not tok.cap):
            return False
    return False


def _tail_is_short(toks: list[Token], cue: Cue, s1: int) -> bool:
    """Whether the sentence ends soon after the cue (``…, the Kremlin has confirmed.``)."""
    end = cue.b
    if cue.phrase is not None and cue.phrase.start >= cue.b:
        end = cue.phrase.end
    rest = [t for t in toks[end : min(s1, end + 12)] if t.kind == "w"]
    return len(rest) <= 6
