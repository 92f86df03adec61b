"""Stage 5: reported (indirect) speech: the content clause of a cue with no quote marks.

Three shapes are read, inside one sentence:

* ``SPEAKER CUE [object] [adverbials] [that] CONTENT`` -- *Putin stated this
  week that Moscow is ready …*, *He told Interfax that …*, *Zelensky said
  preparations are underway*;
* ``CONTENT, SPEAKER CUE.`` and ``CONTENT, CUE SPEAKER.`` -- *No new date has
  been set, the Kremlin has confirmed.*;
* ``according to SPEAKER, CONTENT`` and ``CONTENT, according to SPEAKER.``

The content runs to the end of the clause: the sentence end, a semicolon or
colon, a direct quotation, or a comma that opens a participle (*, calling it*).
"""

from __future__ import annotations

from articlekit._quotes._cues import Lexicon
from articlekit._quotes._text import Token

__all__ = ["content_after", "content_before", "question_after", "second_verb", "verb_soon"]


_MAX_OBJECT = 6
_MAX_ADVERBIALS = 8
_MAX_LONG_OBJECT = 24
_OBJECT_MARKS = frozenset([",", ".", "-", "'", "\u2019"])
_MAX_CLAUSE = 80  # tokens: content clauses longer than this are cut
_CLAUSE_ENDS = frozenset(";:()[]")


_CLOSERS = "\u201d\u2019\"'\u00bb\u203a\u300d` "


def second_verb(toks: list[Token], b: int, lex: Lexicon) -> bool:
    """Whether ``and``/``but`` at token *b* opens a second verb phrase of the cue's subject:
    another cue (``and called it …``), ``but did not …``, or a past tense right after a quoted
    fragment (``called her “third-rate” and boycotted …``)."""
    nxt = toks[b + 1]
    if nxt.kind != "w" or nxt.cap:
        return False
    low = nxt.low
    if lex.cue_kind(low) is not None or low in lex.words_of("second_auxiliaries"):
        return True
    return toks[b - 1].kind == "q" and low.endswith("ed")


def _past_verb(tok: Token, lex: Lexicon) -> bool:
    """A lower-case finite verb of the lexicon's ``finite_verbs`` or a word in *-ed*."""
    return (
        tok.kind == "w"
        and not tok.cap
        and (tok.low in lex.words_of("finite_verbs") or (tok.low.endswith("ed") and len(tok.low) > 4))
    )


def _end_of_clause(toks: list[Token], a: int, hi: int, lex: Lexicon, direct: set[int]) -> int:
    """Where the content clause starting at token *a* ends (exclusive)."""
    b = a
    hi = min(hi, a + _MAX_CLAUSE)
    breaks = lex.words_of("clause_breaks")
    while b < hi:
        tok = toks[b]
        kind = tok.kind
        if kind == "w":  # (most tokens: only "and" and "but" end a clause)
            if tok.low in ("and", "but") and b > a + 2 and b + 1 < hi and second_verb(toks, b, lex):
                break  # "he found Trump “charming” and called his standing “unheard of”"
            b += 1
            continue
        if kind == "q":
            if tok.quote in direct:
                break
            if (
                b > a
                and b + 1 < hi
                and toks[b - 1].text != ","
                and toks[b + 1].low not in lex.words_of("continuations")
                and tok.text.rstrip(_CLOSERS).endswith(",")
            ):
                b += 1
                break  # "… has “expanded the party,” claiming …": a quoted fragment ends with a comma
                # (not an apposition: "the plan, “a disaster,” would …")
        if kind == "p" and tok.text in _CLAUSE_ENDS:
            break
        if kind == "p" and tok.text in "\u2014\u2013" and b > a + 3:
            break
        if tok.text == "," and b + 1 < hi:
            nxt = toks[b + 1]
            if nxt.low.endswith("ing") and lex.cue_kind(nxt.low) is not None:
                break  # ", calling it ..."
            if nxt.low in breaks:
                break  # "…, while 40 percent said …", "…, compared with 33 percent": the writer's
            if nxt.low == "according" or (
                nxt.low in ("but", "and") and b + 2 < hi and lex.cue_kind(toks[b + 2].low)
            ):
                break
            if (
                nxt.low in ("but", "and")
                and b + 3 < hi
                and toks[b + 2].low in lex.words_of("subject_pronouns")
                and toks[b + 3].kind == "w"
            ):
                break  # "…, and he reiterated them on …": a clause of the writer's
            if (
                nxt.low in ("but", "and")
                and b + 2 < hi
                and _past_verb(toks[b + 2], lex)
            ):
                break  # "mocked the party and its leaders, and made it clear …": a second verb
            if (
                nxt.low in ("he", "she", "they")
                and b + 2 < hi
                and lex.cue_kind(toks[b + 2].low) == "speech"
            ):
                break
        b += 1
    while b > a and toks[b - 1].kind == "p" and toks[b - 1].text in ".,;:!?\u2014\u2013-":
        b -= 1
    return b


_MAX_PHRASE = 12  # words of a prepositional phrase between a cue and its content


def _after_phrase(toks: list[Token], a: int, hi: int, direct: set[int], lex: Lexicon) -> int:
    """Where the content starts after a prepositional phrase starting at token *a*: after a
    ``that`` or a comma that ends it (``in an interview with CNN, …``); -1 when none does."""
    for m in range(a, min(hi - 1, a + _MAX_PHRASE)):
        tok = toks[m]
        if tok.kind == "w":
            if tok.low in lex.complementizers:
                return m + 1
            continue
        if tok.kind == "q":
            if tok.quote in direct:
                return -1
            continue
        if tok.text == ",":
            nxt = toks[m + 1]
            return m + 1 if nxt.kind == "w" and (nxt.low in lex.words_of("subject_starts") or nxt.cap) else -1
        if tok.text not in "-'\u2019.":
            return -1
    return -1


def _quoted_name(quoted: str) -> bool:
    """Whether a quotation (marks included) is a name in Title Case (``“Meet the Press”``,
    a show or a book), not speech."""
    parts = quoted.strip(_CLOSERS + "\u201c\u2018\u201e\u00ab\u2039").split()
    return any(p[:1].isupper() for p in parts) and all(
        p[:1].isupper() or not p[:1].isalpha() or len(p) <= 3 for p in parts
    )


def _quoted_words(quoted: str) -> int:
    """How many words a quoted fragment adds to a clause: its words, or one for a name."""
    return 1 if _quoted_name(quoted) else quoted.count(" ") + 1


def content_after(
    toks: list[Token],
    cue_end: int,
    hi: int,
    lex: Lexicon,
    object_first: bool,
    direct: set[int],
    strict: bool,
    free: bool = False,
    bare: bool = False,
) -> tuple[int, int] | None:
    """The content clause after a cue ending at token *cue_end*, as a token range, or None.

    *strict* asks for an explicit ``that`` (verbs of stance and opinion);
    *free* takes whatever follows (``according to X, …``); *bare* also reads a clause whose
    subject is a lower-case noun (``said candidates are becoming …``, :func:`_bare_subject`).
    """
    j = cue_end
    if j >= hi:
        return None
    if free:
        b = _end_of_clause(toks, j, hi, lex, direct)
        return (j, b) if b - j >= 2 else None
    if j + 1 < hi and toks[j].text == "," and toks[j + 1].low in lex.complementizers:
        j += 1  # "sagte, dass …": a comma before the complementizer
    if object_first:
        # told reporters / told Russia's Interfax news agency / told him
        k = j
        while (
            k < min(hi, j + _MAX_OBJECT)
            and toks[k].kind == "w"
            and toks[k].low not in lex.complementizers
        ):
            k += 1
        if k < hi and toks[k].text == ",":
            # "telling a packed crowd in Windham, New Hampshire, on Monday that …": a longer
            # object with commas, still before a "that"
            m = k
            stop = min(hi, j + _MAX_LONG_OBJECT)
            while m < stop:
                tok = toks[m]
                if tok.kind == "w":
                    if tok.low in lex.complementizers or lex.cue_kind(tok.low) is not None:
                        break
                elif tok.text not in _OBJECT_MARKS:
                    break
                m += 1
            if m < hi and toks[m].low in lex.complementizers and toks[m - 1].text != ",":
                k = m
        if k < hi and toks[k].low in lex.complementizers:
            j = k
        elif (
            j < hi
            and toks[j].kind == "w"
            and (toks[j].low in ("him", "her", "them", "us", "me", "reporters") or toks[j].cap)
        ):
            j += 1
            while j < hi and toks[j].cap:
                j += 1
        elif (
            j < hi
            and toks[j].low in lex.determiners
            and toks[cue_end - 1].low in lex.words_of("listener_cues")
            and not _infinitive_after(toks, j, hi)  # ("told his advisers to …": content)
        ):
            # "told a crowd in Berea, Ohio": the noun phrase is who was told; the content, if
            # any, is the clause after it ("told the crowd the wall will be built")
            j = _clause_start(toks, j, hi, lex)
            if j < 0:
                return None
    least = 3  # words of a content clause
    k = j
    while (
        k < min(hi, j + _MAX_ADVERBIALS)
        and toks[k].kind == "w"
        and toks[k].low in lex.adverbials
        and toks[k].low not in lex.complementizers
    ):
        k += 1
    if k < hi and toks[k].low in lex.complementizers:
        a = k + 1
    else:
        if strict or j >= hi:
            return None
        a = j
        # "said Sunday on NBC's …", "said on Monday the talks …": when and where come first
        while (
            a < min(hi, j + _MAX_ADVERBIALS)
            and toks[a].low in lex.adverbials
            and toks[a].low not in lex.words_of("subject_starts")
        ):
            a += 1
        if a >= hi:
            return None
        if a > j and toks[a - 1].low in lex.words_of("clause_prepositions"):
            # "said in a follow-up interview that …": the words after a preposition are its
            # object (where, when, to whom), not what was said; the content follows them, if anything
            after = _after_phrase(toks, a, hi, direct, lex)
            if after < 0:
                # no "that" or comma: the content, if any, starts at the next clause's subject
                # ("said in an interview Tuesday the talks had failed"); "said during a speech
                # in Milwaukee." has none
                after = _clause_start(toks, a, hi, lex)
                if after < 0:
                    return None
            a = after
        first = toks[a]
        if first.kind != "w" or not (
            first.low in lex.words_of("subject_starts")
            or _pronoun_contracted(first.low, lex)
            or first.cap
            or first.text[0].isdigit()
            or (bare and a == j and _bare_subject(toks, a, hi, lex))
        ):
            return None
    if a >= hi:
        return None
    b = _end_of_clause(toks, a, hi, lex, direct)
    words = 0
    quoted = []
    for k in range(a, b):
        kind = toks[k].kind
        if kind == "w":
            words += 1
        elif kind == "q":
            quoted.append(k)
    if words < least and least <= 3:
        # the words of quoted fragments count too (not after a prepositional phrase)
        for k in quoted:
            words += _quoted_words(toks[k].text)
    if words < least:
        return None
    if toks[a].kind == "q" and toks[a].quote in direct:
        return None
    return a, b


def verb_soon(toks: list[Token], a: int, hi: int, lex: Lexicon) -> bool:
    """Whether a finite verb follows the word at *a* within a few words, with more words after
    it (*the plan would fail*, not *the cheering crowd*)."""
    finite = lex.words_of("finite_verbs")
    for k in range(a + 1, min(hi, a + 1 + _MAX_BARE_SUBJECT)):
        verb = toks[k]
        if verb.kind != "w":
            return False
        if not verb.cap and (verb.low in finite or (verb.low.endswith("ed") and len(verb.low) > 4)):
            return k + 1 < hi and toks[k + 1].kind == "w"
    return False


def _infinitive_after(toks: list[Token], a: int, hi: int) -> bool:
    """Whether *to* follows the noun phrase starting at token *a* (within six words, before
    any punctuation): ``told his advisers to figure out …``."""
    for tok in toks[a + 1 : min(hi, a + 7)]:
        if tok.kind != "w":
            return False
        if tok.low == "to":
            return True
    return False


def _clause_start(toks: list[Token], a: int, hi: int, lex: Lexicon) -> int:
    """Where a clause starts after the object of a preposition that begins at token *a*: the
    first later word that opens a subject (``the``, ``he``, a capitalised word) and is followed,
    within a few words, by a finite verb with more words after it; -1 when none does."""
    starts = lex.words_of("subject_starts")
    for m in range(a + 1, min(hi - 1, a + _MAX_PHRASE)):
        tok = toks[m]
        if tok.kind != "w":
            if tok.text in "-'\u2019.":
                continue
            return -1
        if tok.low not in starts and not tok.cap:
            continue
        if tok.cap and tok.low not in starts and toks[m + 1].low in starts:
            continue  # "on Tuesday the talks …": a day or place before the subject
        if verb_soon(toks, m, hi, lex):
            return m
    return -1


def _pronoun_contracted(low: str, lex: Lexicon) -> bool:
    """``he's``, ``she’ll``, ``they'd``: a subject pronoun joined to its auxiliary."""
    for mark in ("'", "\u2019"):
        head, sep, tail = low.partition(mark)
        if sep and head in lex.words_of("subject_starts") and tail in ("s", "ll", "d", "ve", "re", "m"):
            return True
    return False


#: How many words may stand between a question verb and its question word (*asked Jane Doe
#: and her aides whether*).
_MAX_QUESTION_OBJECT = 4


def question_after(
    toks: list[Token], cue_end: int, hi: int, lex: Lexicon, direct: set[int]
) -> tuple[int, int] | None:
    """The embedded question after a question verb, as a token range, or None: ``asked
    workers if they planned to attend``, ``asked whether the plan was right``, ``asked Sanders
    how he's feeling`` (the question word included, as what was asked)."""
    words = lex.words_of("question_words")
    k = cue_end
    stop = min(hi, cue_end + 1 + _MAX_QUESTION_OBJECT)
    while k < stop and toks[k].kind == "w" and toks[k].low not in words:
        if lex.cue_kind(toks[k].low) is not None or toks[k].low in lex.complementizers:
            return None
        k += 1
    if k >= stop or toks[k].kind != "w" or toks[k].low not in words:
        return None
    b = _end_of_clause(toks, k + 1, hi, lex, direct)
    if b - k < 4:
        return None  # "asked why." / "asked how so"
    return k, b


#: How many words a bare subject may have before its verb (*members of the Supreme Court
#: shouldn't*).
_MAX_BARE_SUBJECT = 6


def _bare_subject(toks: list[Token], a: int, hi: int, lex: Lexicon) -> bool:
    """Whether the lower-case word at *a* starts a clause: a few words, then a finite verb
    (an auxiliary or a past tense of the lexicon's ``finite_verbs``, or a word in *-ed*), with
    more words after it: ``said candidates are becoming …``, ``said millions lost their
    homes``, not ``said goodbye to …`` or ``said nothing.``"""
    finite = lex.words_of("finite_verbs")
    if not finite or toks[a].low in lex.words_of("not_subjects"):
        return False
    k = a + 1
    while k < min(hi, a + 1 + _MAX_BARE_SUBJECT) and toks[k].kind == "w":
        low = toks[k].low
        if low in finite or (low.endswith("ed") and len(low) > 4 and not toks[k].cap):
            return k + 1 < hi and toks[k + 1].kind == "w"
        if lex.cue_kind(low) is not None or low in lex.complementizers:
            return False
        k += 1
    return False


def content_before(
    toks: list[Token], lo: int, comma: int, direct: set[int], least: int = 3
) -> tuple[int, int] | None:
    """The content clause ``lo:comma`` before ``, SPEAKER CUE``, or None.

    *comma* may also be the token after a quotation that holds the comma (``… the “woman card,”``);
    the clause has at least *least* tokens.
    """
    if comma - lo < least or (toks[comma].text != "," and toks[comma - 1].kind != "q"):
        return None
    if toks[lo].kind == "q" and toks[lo].quote in direct:
        return None
    for t in toks[lo:comma]:
        if t.kind == "q" and t.quote in direct:
            return None
    return lo, comma
