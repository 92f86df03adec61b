"""Stage 4: attribute each quotation to a cue and a speaker, and find reported speech.

The text is read line by line (a line is a paragraph, a heading, the title or
the standfirst), sentence by sentence, in order, so that later mentions and
pronouns resolve to speakers met earlier.  For each sentence:

1. the cues outside quotation marks are found (``said``, ``told``,
   ``according to`` …) and each gets its speaker: the noun phrase before it
   (``Kremlin spokesperson Dmitry Peskov told``), the one after it when it
   follows a quotation (``“…,” said Jane Doe``), or, for a cue with no subject
   of its own (``but added``, ``, calling it``), the speaker of the previous
   cue in the sentence;
2. each quotation takes the cue right after it (``“…,” he said``), else the
   nearest cue before it in the sentence, else the nearest after it;
3. a quotation is ``direct`` when it stands as a sentence or clause of its own
   (after a sentence start, a comma, a colon or a cue) and ``partial`` when it
   is a fragment inside a sentence; a partial quotation with no cue in its
   sentence is a ``scare`` quote; a direct quotation with no cue continues
   the previous quotation of its paragraph (``“…,” he said. “…”``) or the
   sentence that introduced it with a colon;
4. reported speech is read from the same cues (:mod:`articlekit._quotes._reported`, with the
   clause readers of :mod:`articlekit._quotes._indirect`).

The rules are named units (:mod:`articlekit._quotes._rules`), run in that order on the
state of :mod:`articlekit._quotes._state`; the kind rules (direct, fragment, name of a work)
are :mod:`articlekit._quotes._kinds`.

In the title, ``“…” – NAME``, ``“…”: NAME`` and ``NAME: “…”`` make a
``headline`` quotation; a headline quotation with no speaker takes the speaker
of the same words quoted in the body.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from operator import attrgetter

from articlekit._limits import Limits
from articlekit._model import Quote, QuoteKind, Speaker
from articlekit._quotes._cues import KIND_TYPES, Lexicon
from articlekit._quotes._kinds import (
    after_work_noun,
    bylined,
    has_letter,
    is_work_title,
    names_before,
    stands_alone,
    starts_upper,
)
from articlekit._quotes._marks import QuoteTexts, RawQuote, scan_quotes
from articlekit._quotes._reported import reported_speech
from articlekit._quotes._rules import RULE_NAMES, for_language
from articlekit._quotes._speakers import (
    Entity,
    Phrase,
    phrase_after,
    phrase_apposed,
    phrase_before,
    role_noun,
)
from articlekit._quotes._state import (
    SPEECH_ONLY,
    Cue,
    Said,
    Span,
    State,
    new_quote,
    skip_back,
    speaker_named,
    speaker_of,
    where,
)
from articlekit._quotes._text import Token, inert, sentences, tokenize

__all__ = ["attribute"]


_HEADLINE_SEPARATORS = frozenset("\u2013\u2014-:|")
_CHUNK = 5_000  # characters: longer lines are read in pieces


def _bare_noun(toks: list[Token], i: int, lo: int, lex: Lexicon) -> bool:
    """Whether the bare-lemma cue word at *i* (``show``, ``plan``, ``state``) is a noun.

    A bare lemma is a verb only after a plural subject (``officials say``,
    ``they say``, ``Clinton and Sanders say``), an auxiliary (``will say``) or
    an adverb; after a singular word or a possessive it is a noun (``a reality
    TV show``, ``Trump's plan``, ``neighboring state``).
    """
    prev = toks[i - 1].low
    if prev.endswith(("'s", "\u2019s", "s'", "s\u2019")):
        return True  # a possessive: "Trump's plan"
    if prev in lex.words_of("plural_subjects") or prev in lex.skip or prev.endswith(("s", "ly")):
        return False
    if lex.titles.get(prev) == "plural" or _contracted(prev):
        return False
    return all(toks[k].low != "and" for k in range(max(lo, i - 4), i - 1))


def _plural_noun(toks: list[Token], i: int, lo: int, lex: Lexicon) -> bool:
    """Whether the cue form in -s at token *i* is a plural noun after a preposition."""
    j = i - 1
    while j > lo and i - j <= 3:
        tok = toks[j]
        if tok.kind != "w" or tok.cap or tok.low in lex.skip or tok.low in lex.determiners:
            return False
        if tok.low in lex.words_of("noun_prepositions"):
            return j < i - 1
        if (
            tok.low in lex.pronouns
            or tok.low in lex.words_of("plural_subjects")
            or tok.low.endswith("ly")
        ):
            return False
        j -= 1
    return False


def _contracted(low: str) -> bool:
    """``they'll``, ``we'd``, ``I'd``: a pronoun and an auxiliary."""
    for mark in ("'", "\u2019"):
        head, sep, tail = low.partition(mark)
        if (
            sep
            and head in ("i", "we", "you", "they", "he", "she")
            and tail in ("ll", "d", "ve", "re", "m")
        ):
            return True
    return False


def _find_cues(
    toks: list[Token],
    lo: int,
    hi: int,
    lex: Lexicon,
    title: bool,
    candidates: list[int],
    unknown: bool = True,
) -> list[Cue]:
    """The cues of the sentence ``lo:hi``; *candidates* are the line's tokens that may start one."""
    cues: list[Cue] = []
    table = lex.cues
    multi = lex.multi_first
    determiners = lex.determiners
    after = lo  # tokens before this are part of a cue already read
    text_cues, named = lex.words_of("text_cues"), lex.words_of("named")
    for i in candidates[bisect.bisect_left(candidates, lo) : bisect.bisect_left(candidates, hi)]:
        if i < after:
            continue
        tok = toks[i]
        low = tok.low
        kind = table.get(low)
        width = 1
        if low in multi and i + 1 < hi:
            two = table.get(low + " " + toks[i + 1].low)
            if two is not None:
                kind, width = two, 2
        if kind is None and unknown and i + 2 < hi and _unknown_cue(toks, i):
            kind = "speech"  # "sniffed that “…”": a verb outside the lexicon before a quotation
        if (
            kind is None
            or tok.kind != "w"
            or (tok.cap and i > lo and not title and toks[i - 1].kind == "w")
        ):
            continue  # not a cue ("the United States", a name)
        after = i + width
        prev = toks[i - 1].low if i > lo else ""
        start = i
        if prev == "to" and kind != "according":
            start = _said_to(toks, i, lo, lex)
            if start < 0:
                continue  # an infinitive ("wants to say"), not a cue
        elif prev in determiners:
            continue  # a noun ("the report")
        if low in text_cues:
            if not _text_reads(toks, i, lo, hi, lex):
                continue  # "read" speaks only for a text: "the letter reads", "…,” read the sign"
        elif (
            low in lex.bases
            and start == i
            and i > lo
            and toks[i - 1].kind == "w"
            and _bare_noun(toks, i, lo, lex)
        ):
            continue  # "reality TV show", "Trump's plan": a noun, not a verb
        elif (
            low[-1] == "s"
            and i > lo + 1
            and toks[i - 1].kind == "w"
            and _plural_noun(toks, i, lo, lex)
        ):
            continue  # "talked about criminal justice issues, saying": a noun
        elif low in named and _names_a_thing(toks, i, lo, hi, lex):
            continue  # "a website called “…”": the name of a thing, not someone's words
        surface = tok.text if width == 1 else tok.text + " " + toks[i + 1].text
        cues.append(Cue(start, i + width, surface, kind))
    return cues


def _unknown_cue(toks: list[Token], k: int) -> bool:
    """Whether token *k* is a past tense outside the lexicon that introduces a quotation
    with *that* (``sniffed that “…”``): a cue of speech, the marks say so."""
    tok = toks[k]
    return (
        tok.kind == "w"
        and not tok.cap
        and len(tok.low) > 4
        and tok.low.endswith("ed")
        and k + 2 < len(toks)
        and toks[k + 1].low == "that"
        and toks[k + 2].kind == "q"
    )


def _names_a_thing(toks: list[Token], i: int, lo: int, hi: int, lex: Lexicon) -> bool:
    """Whether the participle at token *i* gives a name to the common noun before it
    (``a popular play called “…”``, ``the tax loophole called an “inversion”``): a noun
    phrase opened by a determiner, with the name right after the participle."""
    nxt = i + 1
    if nxt < hi and toks[nxt].low in ("a", "an", "the"):
        nxt += 1
    if nxt >= hi or toks[nxt].kind != "q":
        return False
    prev = toks[i - 1] if i > lo else None
    if (
        prev is None
        or prev.kind != "w"
        or prev.cap
        or prev.low in lex.pronouns
        or prev.low in lex.skip
        or prev.low in lex.words_of("plural_subjects")
        or prev.low.endswith("ly")
    ):
        return False
    for j in range(i - 2, max(lo, i - 6) - 1, -1):
        tok = toks[j]
        if tok.low in ("a", "an", "the"):
            return True
        if (
            tok.kind != "w"
            or tok.low in lex.skip
            or tok.low in lex.words_of("plural_subjects")
            or tok.low == "what"
        ):
            return False
    return False


def _said_to(toks: list[Token], i: int, lo: int, lex: Lexicon) -> int:
    """The start of ``went on to`` / ``was prompted to`` before the infinitive cue at token *i*
    (after ``to``), or -1 when the infinitive is no cue (``wants to say``)."""
    if i - 2 < lo:
        return -1
    before = toks[i - 2].low
    if before in lex.words_of("to_cue"):
        return i - 2
    if before == "on" and i - 3 >= lo and toks[i - 3].low in lex.words_of("go_on"):
        return i - 3
    return -1


def _text_reads(toks: list[Token], i: int, lo: int, hi: int, lex: Lexicon) -> bool:
    """Whether ``read`` at token *i* is a text speaking: after a document noun or *it*,
    right after a quotation (``“…,” read one sign``), or before a colon or comma and a
    quotation (``The sign read: “…”``)."""
    prev = toks[i - 1] if i > lo else None
    if prev is not None and (prev.kind == "q" or prev.low in lex.documents or prev.low == "it"):
        return True
    return i + 2 < hi and toks[i + 1].text in ":," and toks[i + 2].kind == "q"


def _inverted_pronoun(surface: str, lex: Lexicon) -> str | None:
    """The subject pronoun joined to a cue by a hyphen (``dit-elle``, ``a-t-il``), or None."""
    head = surface.partition(" ")[0]
    if "-" not in head:
        return None
    tail = head.rpartition("-")[2].lower()
    return (
        tail
        if tail in lex.pronouns and lex.pronouns[tail] in ("male", "female", "plural")
        else None
    )


def _resolve_cues(state: State, toks: list[Token], lo: int, hi: int, cues: list[Cue]) -> None:
    text, lex = state.text, state.lex
    previous: Cue | None = None
    spoken: Cue | None = None  # the last cue with a speaker that speaks (not "like", "met")
    for cue in cues:
        phrase: Phrase | None = None
        relative_at = -1  # "Jane Doe, who said": the "who" that is the cue's subject
        inverted = _inverted_pronoun(cue.surface, lex)
        if inverted is not None:
            # "« … », dit-elle", "a-t-il ajouté": the subject pronoun is joined to the verb
            phrase = Phrase(cue.a, cue.b, None, None, "pronoun", lex.pronouns[inverted], inverted)
        elif cue.kind == "according":
            phrase = phrase_after(text, toks, cue.b, lex, hi)
        else:
            k = skip_back(toks, cue.a, lo, lex)
            gerund = cue.participle
            if (
                k > lo
                and gerund
                and (
                    _after_comma(text, toks[k].start)
                    or (
                        cue.a > lo
                        and toks[cue.a - 1].low in state.lex.words_of("participle_prepositions")
                    )
                )
                and _participle_subject(state, toks, lo, cue, spoken)
            ):
                previous = spoken = cue  # "Trump attacked the plan, calling it …"
                continue
            relative = k > lo + 1 and toks[k - 1].low in ("who", "which")
            if relative:
                # "Jane Doe, who leads the group, said" / "Jane Doe, who said"
                relative_at = k - 1
                k = k - 2 if toks[k - 2].text == "," else k - 1
            coordinated = k > lo and toks[k - 1].low in ("and", "but", "or")
            if not coordinated:  # "… and called it": the subject of the first verb
                # "…, with Sen. Jane Doe calling it …": a name right before a participle is its subject
                absolute = gerund and k > lo and toks[k - 1].cap
                phrase = phrase_before(
                    text, toks, k, lex, lo, relative=relative or absolute
                ) or phrase_apposed(text, toks, k, lex, lo)
            if phrase is None and not coordinated:
                before = toks[k - 1] if k > lo else None
                after_quote = (
                    before is None
                    or before.kind == "q"
                    or (before.text == "," and k - 2 >= lo and toks[k - 2].kind == "q")
                )
                if after_quote and not (gerund and before is not None and before.kind != "w"):
                    phrase = phrase_after(text, toks, cue.b, lex, hi)
                elif before is not None and before.text == "," and not gerund:
                    # "But, said Solovey, …" / "… is bad, said Jane Doe."
                    after = phrase_after(text, toks, cue.b, lex, hi)
                    if (
                        after is not None
                        and after.kind != "pronoun"
                        and (after.name is not None or after.role is not None)
                        and (after.end >= hi or toks[after.end].kind != "w")
                    ):
                        phrase = after
                if phrase is None and not gerund:
                    phrase = _named_after_quote(state, toks, lo, k)
            if (
                phrase is not None
                and gerund
                and phrase.name is None
                and phrase.kind != "pronoun"
                and _object_of_verb(toks, lo, phrase, lex)
                and _participle_subject(state, toks, lo, cue, spoken)
            ):
                previous = spoken = cue  # "The senator emailed supporters saying …": the senator
                continue
            if phrase is not None and gerund and _sent_document(toks, lo, phrase, lex):
                subject = _subject(state, toks, lo, phrase.start, loose=True)
                if subject is not None:  # "Jane Doe released a statement saying …": Jane Doe
                    cue.speaker, cue.entity, cue.mention = subject
                    previous = spoken = cue
                    continue
        if phrase is not None:
            cue.phrase = phrase
            cue.speaker, cue.entity = speaker_of(state, phrase)
            if cue.speaker is not None:
                # the mention is the cue's subject as written: "who" in "Jane Doe, who said"
                # (the speaker is Jane Doe), like "he" in "he said"
                if relative_at >= 0 and phrase.end <= relative_at:
                    cue.mention = (toks[relative_at].start, toks[relative_at].end)
                else:
                    cue.mention = where(toks, phrase)
            if cue.entity is not None:  # (the subject of any cue: it speaks or acts)
                state.registry.note(cue.entity, spoke=True)
        elif previous is not None and previous.speaker is not None:
            cue.speaker, cue.entity, cue.mention = (
                previous.speaker,
                previous.entity,
                previous.mention,
            )
        elif cue.kind != "according":
            subject = _subject(state, toks, lo, cue.a, loose=True)
            if subject is not None:
                cue.speaker, cue.entity, cue.mention = subject
        if cue.speaker is None and cue.kind == "according" and "according-source" in state.on:
            source = _according_source(state, toks, cue.b, hi)
            if source is not None:
                cue.speaker, cue.mention, end = source
                cue.phrase = Phrase(cue.b, end, None, cue.speaker.name, "text")
        if cue.speaker is not None:
            previous = cue
            if cue.kind not in _STANCE_KINDS:
                spoken = cue


#: The most words of a source after *according to* that names no one (*the results*).
_MAX_SOURCE_WORDS = 12


def _according_source(
    state: State, toks: list[Token], start: int, hi: int
) -> tuple[Speaker, Span, int] | None:
    """The words after *according to* up to the clause's end, when they name no person:
    ``according to the results``, ``according to a count by The Associated Press``,
    ``according to state law``.  The source is a text or a count, not a speaker met again."""
    lex = state.lex
    k = start
    while k < hi and toks[k].kind == "w" and k - start < _MAX_SOURCE_WORDS:
        k += 1
    if k == start or (k < hi and toks[k].text not in (",", ".", ";", ":", "!", "?", ")")):
        return None  # no clause end after a few words: not a source phrase
    a = start + 1 if toks[start].low in lex.determiners else start
    if a >= k or toks[k - 1].low in lex.determiners or toks[k - 1].low in lex.pronouns:
        return None
    words = state.text[toks[a].start : toks[k - 1].end]
    return speaker_named(state, words, None), (toks[start].start, toks[k - 1].end), k


#: How many tokens may stand between a quotation and the cue of the name after it.
_MAX_APPOSITIVE = 60


def _named_after_quote(state: State, toks: list[Token], lo: int, k: int) -> Phrase | None:
    """The subject of a cue ending at token *k* that a long appositive or an affiliation keeps
    from the cue: ``“…,” Trump, the front-runner … after winning the primary, said`` and
    ``“…,” Jane Doe of the James Martin Center for Nonproliferation Studies wrote``.

    The name follows the sentence's last quotation before the cue (and a comma).
    """
    q = k - 1
    floor = max(lo, k - _MAX_APPOSITIVE)  # (bounded work: a cue does not scan its whole line)
    while q >= floor and toks[q].kind != "q":
        q -= 1
    if q < floor:
        return None
    j = q + 1
    if j < k and toks[j].text == ",":
        j += 1
    if j >= k - 1 or not toks[j].cap:
        return None
    phrase = phrase_after(state.text, toks, j, state.lex, k)
    if phrase is None or phrase.name is None or phrase.kind == "pronoun" or phrase.end >= k:
        return None
    end = phrase.end
    for c in range(j, end):
        if toks[c].text == ",":
            end = c  # (the name alone: the appositive is read below)
            break
    rest = toks[end:k]
    if rest[0].text == "," and toks[k - 1].text == "," and len(rest) > 2:
        phrase.end = k - 1
        return phrase  # "NAME, an appositive of any length, said"
    of_name = state.lex.words_of("of_name_words")
    if rest[0].low in of_name and all(t.cap or t.low in of_name for t in rest):
        phrase.end = k  # "NAME of the Cato Institute wrote"
        return phrase
    return None


def _parenthetical(toks: list[Token], lo: int, cue: Cue, lex: Lexicon) -> bool:
    """Whether *cue* is a pronoun's, after its content and a comma (``Trump isn't a conservative,
    he said``): the content's subject is no one *he* may mean."""
    k = skip_back(toks, cue.a, lo, lex)
    return k - 2 > lo and toks[k - 1].low in lex.pronouns and toks[k - 2].text == ","


def _object_of_verb(toks: list[Token], lo: int, phrase: Phrase, lex: Lexicon) -> bool:
    """Whether the nameless *phrase* before a participle cue is the object of a verb in the
    past tense (``emailed supporters saying``), not the participle's subject."""
    if phrase.start <= lo:
        return False
    verb = toks[phrase.start - 1]
    return (
        verb.kind == "w" and not verb.cap and verb.low.endswith("ed") and verb.low not in lex.skip
    )


def _sent_document(toks: list[Token], lo: int, phrase: Phrase, lex: Lexicon) -> bool:
    """Whether a participle cue (the caller checks) follows a document that is a verb's object:
    ``released a statement saying``, ``sent an email calling`` (its sender speaks)."""
    if phrase.name is not None or phrase.role is None:
        return False
    if phrase.role.split()[-1].lower() not in lex.documents or phrase.start <= lo:
        return False
    verb = toks[phrase.start - 1]
    return (
        verb.kind == "w"
        and not verb.cap
        and (verb.low.endswith("ed") or verb.low in lex.words_of("sent"))
    )


_CLOSING = frozenset("\u201d\u2019\"'")


def _after_comma(text: str, at: int) -> bool:
    """Whether a comma ends the text before *at*, inside a closing quotation mark or not."""
    j = at
    while j > 0 and text[j - 1] == " ":
        j -= 1
    while j > 0 and text[j - 1] in _CLOSING:
        j -= 1
    return j > 0 and text[j - 1] == ","


def _participle_subject(
    state: State, toks: list[Token], lo: int, cue: Cue, spoken: Cue | None
) -> bool:
    """Give a participle cue after a comma (``…, saying``) the subject of its main clause.

    That is the speaker of the sentence's last speech cue before it (``…, Jane Doe said,
    adding``), or else the sentence's subject (``Sanders attacked the plan, calling``);
    not the noun just before the comma.  False when neither is known.
    """
    if spoken is not None and spoken.speaker is not None:
        cue.speaker, cue.entity, cue.mention = spoken.speaker, spoken.entity, spoken.mention
        return True
    subject = _subject(state, toks, lo, cue.a, loose=True)
    if subject is None:
        return False
    cue.speaker, cue.entity, cue.mention = subject
    return True


def _mention_names(
    state: State, toks: list[Token], lo: int, hi: int, names_at: list[int], introduce: bool = True
) -> None:
    """Register the full names of a sentence (a known first name and a surname), in order.

    *names_at* lists the line's tokens that are capitalised first names.
    """
    done = lo
    for k in names_at[bisect.bisect_left(names_at, lo) : bisect.bisect_left(names_at, hi - 1)]:
        if k < done or not toks[k + 1].cap:
            continue
        phrase = phrase_after(state.text, toks, k, state.lex, hi)
        if (
            phrase is not None
            and phrase.name is not None
            and " " in phrase.name
            and phrase.kind == "person"
        ):
            if introduce and _introduced(toks, k, phrase.end, lo, hi, state.lex):
                if phrase.role is None and k > lo and role_noun(toks[k - 1].low, state.lex):
                    phrase.role = toks[k - 1].text  # "accountant Jane Doe"
                state.registry.introduce(phrase)
            else:
                state.registry.mention(phrase, salient=False)
            done = phrase.end


def _introduced(toks: list[Token], k: int, end: int, lo: int, hi: int, lex: Lexicon) -> bool:
    """Whether the name at tokens ``k:end`` is introduced, as features introduce people: with
    an age (*Jane Doe, 50,*, *accountant Jane Doe, 50.*)."""
    return end + 1 < hi and toks[end].text == "," and toks[end + 1].text.isdigit()


def _subject(
    state: State, toks: list[Token], lo: int, hi: int, loose: bool = False
) -> tuple[Speaker, Entity, Span | None] | None:
    """The subject of a sentence, for a cue with none of its own (``Trump …, telling Reuters``).

    A pronoun or a name (known already, or a full name, or with a role) that
    starts the sentence or follows an introductory phrase ending in a comma.
    With *loose* (a cue is looking for its subject), a single unknown name
    that starts the sentence before a lower-case verb counts too
    (``Carson took the stage … and called``).
    """
    lex = state.lex
    limit = min(hi, lo + 30)
    k = lo
    conjunctions, subject_words = lex.words_of("conjunctions"), lex.words_of("subject_words")
    while k < limit and toks[k].low in conjunctions:
        k += 1  # "And Mr. Christie gloated: …"
    while k < limit:  # k: the sentence's first word, or a token after a comma
        tok = toks[k]
        if tok.kind == "w" and (tok.cap or tok.low in subject_words):
            phrase = phrase_after(state.text, toks, k, lex, hi)
            if phrase is not None:
                if phrase.kind == "pronoun":
                    speaker, entity = speaker_of(state, phrase)
                    if speaker is None or entity is None:
                        return None
                    return speaker, entity, where(toks, phrase)
                first = toks[phrase.start]
                gerund = (
                    first.cap and first.low.endswith("ing") and first.low not in lex.first_names
                )
                nxt = toks[phrase.end] if phrase.end < hi else None
                if (
                    phrase.name is None
                    and phrase.role is not None
                    and not gerund
                    and phrase.end - phrase.start >= 2
                    and (
                        phrase.kind == "person"  # "the candidate", "the former governor"
                        or any(t.cap for t in toks[phrase.start : phrase.end])
                    )
                ):
                    speaker, entity = speaker_of(
                        state, phrase
                    )  # "Ryan’s campaign", "the Trump campaign"
                    if speaker is not None and entity is not None:
                        return speaker, entity, where(toks, phrase)
                known = (
                    phrase.name is not None
                    and not gerund
                    and (
                        " " in phrase.name
                        or phrase.role is not None
                        or state.registry.knows(phrase.name)
                        or (
                            nxt is not None
                            and nxt.kind == "w"
                            and not nxt.cap
                            and (
                                nxt.low in lex.skip or nxt.low in lex.cues or nxt.low.endswith("ed")
                            )
                        )
                        or (
                            loose
                            and phrase.start == lo
                            and nxt is not None
                            and nxt.kind == "w"
                            and not nxt.cap
                            and nxt.low not in lex.determiners
                            and nxt.low not in lex.words_of("introductory")
                            and nxt.low not in lex.adverbials
                        )
                    )
                )
                if known:
                    speaker, entity = speaker_of(state, phrase)
                    if speaker is not None and entity is not None:
                        return speaker, entity, where(toks, phrase)
        while k < limit and toks[k].text != ",":
            k += 1
        k += 1
    return None


def _pick_cue(
    toks: list[Token], i: int, cues: list[Cue], lex: Lexicon, direct: bool
) -> tuple[Cue | None, bool]:
    """The cue of the quotation token *i*, and whether it stands right after the quotation.

    The cue right after it (``“…,” he said``), else the nearest before it in the
    sentence, else the nearest after it.
    """
    before: Cue | None = None  # the last usable cue before the quotation
    for cue in cues:  # (in text order)
        if cue.speaker is None:
            continue
        if (
            cue.kind == "other" or (direct and cue.kind in ("belief", "intention"))
        ) and not _inverted(toks, i, cue):
            continue  # not usable (but "“…,” remembered Jane Doe" says the quotation)
        if cue.a > i:
            # "“…,” he said" / "“…,” said Doe" / "“…,” Peskov told reporters"
            phrase = cue.phrase
            for k in range(i + 1, cue.a):
                t = toks[k]
                if t.text in ",\u2014\u2013" or t.low in lex.skip:
                    continue
                if phrase is None or not phrase.start <= k < phrase.end:
                    break
            else:
                return cue, True
            return (before if before is not None else cue), False
        if cue.b <= i:
            before = cue
    return before, False


def _inverted(toks: list[Token], i: int, cue: Cue) -> bool:
    """Whether *cue* follows the quotation token *i* with only a comma between, and its
    speaker after it (``“…,” remembered Jane Doe``): that order marks speech, whatever the verb."""
    phrase = cue.phrase
    if phrase is None or phrase.start < cue.b or phrase.kind == "pronoun" or cue.a <= i:
        return False
    return all(toks[k].text == "," for k in range(i + 1, cue.a))


def _make(
    state: State,
    q: RawQuote,
    kind: QuoteKind,
    speaker: Speaker | None,
    cue: str | None,
    mention: Span | None = None,
) -> Quote | None:
    text = state.text
    start, end = q.start, q.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    body = text[start:end]
    if end <= start or not has_letter(body):
        return None
    if " " not in body and (body[0] in "@#" or "://" in body or body.startswith("www.")):
        return None  # a handle, a hashtag or a link in quote marks
    if kind == "scare":
        speaker = None
    return new_quote(state.texts.setdefault(body, body), kind, (start, end), speaker, cue, mention)


def _headline(state: State, toks: list[Token], q_index: int) -> Said:
    """A headline quote's speaker: ``“…” – NAME``, ``“…”: NAME``, ``NAME: “…”``."""
    text, lex = state.text, state.lex
    n = len(toks)
    if q_index + 2 < n + 1 and q_index + 1 < n and toks[q_index + 1].text in _HEADLINE_SEPARATORS:
        phrase = phrase_after(text, toks, q_index + 2, lex, n)
        if phrase is not None and phrase.name is not None and phrase.end >= n - 1:
            speaker, _ = speaker_of(state, phrase)
            return speaker, toks[q_index + 1].text, where(toks, phrase)
    colon = _title_colon(toks, q_index)
    if colon > 0:
        phrase = phrase_before(text, toks, colon, lex, 0)
        if phrase is not None and phrase.name is not None and phrase.start == 0:
            speaker, _ = speaker_of(state, phrase)
            return speaker, toks[colon].text, where(toks, phrase)
    return None, None, None


def _title_colon(toks: list[Token], q_index: int) -> int:
    """The ``NAME:`` colon that opens a title before token *q_index* (``Warren: Trump Is a ‘Failure’``), or -1."""
    for k in range(1, min(q_index, 8)):
        if toks[k].text in (":", "|"):
            return k
    return -1


_MAX_FURNITURE = 80  # characters: a longer line is not page furniture
_NOT_FURNITURE = re.compile(r"[^\w ]+")


def _furniture(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether the line ``start:end`` is page furniture (*Story continues below advertisement*)."""
    line = _NOT_FURNITURE.sub(" ", text[start:end]).lower().split()
    return " ".join(line) in lex.furniture


class _Lines:
    """The ``(start, end, is_title)`` lines as they are read, counting the title lines' characters."""

    __slots__ = ("_lines", "_title")

    def __init__(self, lines: Iterable[tuple[int, int, bool]]) -> None:
        self._lines = iter(lines)
        self._title = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> tuple[int, int, bool]:
        line = next(self._lines)
        if line[2]:
            self._title += line[1] - line[0]
        return line

    def title_length(self) -> int:
        """The characters of all title lines (those not read yet too: the title lines come first)."""
        for _start, _end, is_title in self:
            if not is_title:
                break
        return self._title


def _chunked(
    text: str, lines: Iterable[tuple[int, int, bool]], raw: list[RawQuote]
) -> Iterator[tuple[int, int, bool]]:
    """Lines, with any line longer than :data:`_CHUNK` characters cut into pieces.

    A cut never falls inside a quotation, and prefers a space; so the tokens of
    one piece are all that is held at a time, however long a line is.
    """
    k = 0
    for start, end, is_title in lines:
        a = start
        while end - a > _CHUNK:
            b = a + _CHUNK
            space = text.rfind(" ", a + _CHUNK // 2, b)
            if space > a:
                b = space + 1
            while k < len(raw) and raw[k].close + raw[k].close_len <= b:
                k += 1
            if k < len(raw) and raw[k].open < b:
                b = min(end, raw[k].close + raw[k].close_len)  # do not cut a quotation
            yield a, b, is_title
            a = b
        if end > a:
            yield a, end, is_title


def attribute(
    text: str,
    lines: Iterable[tuple[int, int, bool]],
    lex: Lexicon,
    limits: Limits,
    reported: frozenset[str] = SPEECH_ONLY,
    disabled: frozenset[str] = frozenset(),
) -> tuple[list[Quote], bool]:
    """All quotations of *text*, attributed; *lines* are ``(start, end, is_title)`` ranges.

    Reported speech is read from the cues of the types in *reported* (see
    :meth:`Lexicon.cue_type`); the rules named in *disabled* (see
    :data:`~articlekit._quotes._rules.RULES`) do not run.  Also says whether
    ``limits.max_quotes`` cut the list.
    """
    unknown = disabled - RULE_NAMES
    if unknown:
        raise ValueError(f"unknown attribution rules: {sorted(unknown)}")
    on = for_language(lex.language or "en") - disabled
    raw = scan_quotes(text, max_chars=limits.max_quote_chars, max_quotes=limits.max_quotes + 1)
    inner = QuoteTexts(text, raw)
    state = State(text, lex, limits, reported, disabled)
    state.on = on
    first = 0
    headline_pending: list[Quote] = []
    cue_table, cue_multi = lex.cues, lex.multi_first
    cue_words = frozenset(cue_table) | cue_multi  # the words that may start a cue
    # A line with one of these words may attribute a quote or mention a speaker.
    triggers = cue_words | lex.words_of("subject_words")
    end_of_text = len(text)  # where the last line ends (the lines are read once, as they come)
    while end_of_text and text[end_of_text - 1] == "\n":
        end_of_text -= 1
    # Subject pronouns: after an abbreviation ("in the U.S. He says"), one starts a sentence.
    starters = frozenset(
        p for p in lex.pronouns if lex.pronouns[p] != "self" and p not in ("him", "her", "them")
    )
    read = _Lines(lines)
    for start, end, is_title in _chunked(text, read, raw):
        if (
            "furniture" in on
            and end - start <= _MAX_FURNITURE
            and (first >= len(raw) or raw[first].open >= end)
            and _furniture(text, start, end, lex)
        ):
            continue  # "Story continues below advertisement": not read, not a speaker
        unsigned, state.unsigned = state.unsigned, None
        signed = unsigned is not None and text[start] in _DASHES
        if (
            (first >= len(raw) or raw[first].open >= end)
            and not signed
            and inert(text, start, end, triggers)
        ):
            state.last = None  # as after reading the line
            if _enough(state, end, end_of_text):
                break
            continue
        toks, nxt = tokenize(text, start, end, raw, first, lex)
        first = max(first, nxt)
        while first < len(raw) and raw[first].open < end:
            first += 1
        if signed and unsigned is not None and "sign" in on:
            _sign(state, toks, unsigned)
        line_unsigned: tuple[int, int] | None = (
            None  # (quote index, token) of the line's last quotation
        )
        previous_line = state.last
        state.last = None
        first_names = lex.first_names
        quote_at = [k for k, t in enumerate(toks) if t.kind == "q"]
        unknown_cues = "unknown-cue" in on
        cue_at = [k for k, t in enumerate(toks) if t.low in cue_words]
        if unknown_cues and quote_at:
            # "sniffed that “…”": a past tense outside the lexicon two tokens before a quotation
            extra = [
                i - 2
                for i in quote_at
                if i >= 2 and toks[i - 2].low not in cue_words and _unknown_cue(toks, i - 2)
            ]
            if extra:
                cue_at = sorted(cue_at + extra)
        names_at = [k for k, t in enumerate(toks) if t.cap and t.low in first_names]
        tail: int | None = None  # a direct quotation that ended the previous sentence, with no cue
        for s0, s1 in sentences(toks, inner, starters):
            cues = _find_cues(toks, s0, s1, lex, is_title, cue_at, unknown_cues)
            if names_at and "mention-names" in on:
                _mention_names(state, toks, s0, s1, names_at, "introduced" in on)
            if "subject" not in on:
                pass
            elif not cues or (cues[0].a - s0 > 2 and not _parenthetical(toks, s0, cues[0], lex)):
                _subject(state, toks, s0, cues[0].a if cues else s1)
            elif cues[0].a == s0 and cues[0].participle:
                # "Noting that …, Schlafly put her finger on …": the subject after the comma
                _subject(state, toks, s0, cues[1].a if len(cues) > 1 else s1)
            _resolve_cues(state, toks, s0, s1, cues)
            if tail is not None:
                if "said-after" in on:
                    _said_after(state, toks, s0, s1, cues, tail)
                tail = None
            sentence_last = _last_speaking(cues)
            direct: set[int] = set()
            for i in quote_at[bisect.bisect_left(quote_at, s0) : bisect.bisect_left(quote_at, s1)]:
                tok = toks[i]
                q = raw[tok.quote]
                body = inner[tok.quote]
                if is_title:
                    h_speaker, h_cue, h_mention = (
                        _headline(state, toks, i) if "headline" in on else (None, None, None)
                    )
                    if h_speaker is None:
                        picked, _ = _pick_cue(toks, i, cues, lex, True)
                        if picked is not None:
                            h_speaker, h_cue, h_mention = (
                                picked.speaker,
                                picked.surface,
                                picked.mention,
                            )
                    # a fragment of a title with no cue ("Sanders' ‘Revolution’ Meets …") names
                    short = i > s0 and len(body.split()) <= 3 and h_cue is None
                    made = _make(
                        state, q, "scare" if short else "headline", h_speaker, h_cue, h_mention
                    )
                    if made is not None:
                        state.quotes.append(made)
                        if h_speaker is None and not short:
                            headline_pending.append(made)
                    colon = _title_colon(toks, i)
                    if i == s0 or (colon > 0 and i == colon + 1):
                        direct.add(tok.quote)  # the whole title, or all of it after "NAME:"
                    elif (
                        colon > 0
                        and h_speaker is not None
                        and not state.indirect_title
                        and "title-colon" in on
                    ):
                        # "Warren: Donald Trump Is a ‘Proven Failure’ in Business"
                        a, b = toks[colon + 1].start, toks[s1 - 1].end
                        state.indirect.append((a, b, h_speaker, h_cue, h_mention))
                        state.indirect_title = True
                    continue
                is_direct = stands_alone(toks, i, s0, body, lex)
                picked, right_after = _pick_cue(toks, i, cues, lex, is_direct)
                if (
                    not is_direct
                    and right_after
                    and "upper-after-cue" in on
                    and starts_upper(body)
                    and body.rstrip()[-1:] in ",.?!"
                ):
                    is_direct = True  # Then “Real quote,” said Ana Diaz.
                labelled = None
                if (
                    not right_after
                    and "dash-speaker" in on
                    and i + 1 < s1
                    and toks[i + 1].text in _DASHES
                    and starts_upper(body)
                ):
                    labelled = _dash_speaker(state, toks, i, s1)  # “…” ― Jane Doe
                    if labelled is not None:
                        is_direct = True
                if is_direct:
                    direct.add(tok.quote)
                    if "label-speaker" in on:
                        labelled = _label_speaker(state, body, q.start) or labelled  # “PENCE: …”
                speaker: Speaker | None = None
                cue_text: str | None = None
                mention: Span | None = None
                if picked is not None:
                    speaker, cue_text, mention = picked.speaker, picked.surface, picked.mention
                if labelled is not None:
                    speaker, cue_text, mention = labelled
                if speaker is None and is_direct and picked is None and "said-by-verb" in on:
                    labelled = _said_by_verb(state, toks, i, s1)  # "“…,” Hollande retaliated."
                    if labelled is not None:
                        speaker, cue_text, mention = labelled
                if (
                    speaker is None
                    and is_direct
                    and i > s0
                    and toks[i - 1].text == ":"
                    and "colon-name" in on
                ):
                    # "… doesn't surprise Republican pollster Daron Shaw: “…”" (before the
                    # speaker of an earlier sentence: "Kasich resisted: “…”")
                    named = phrase_before(text, toks, i - 1, lex, s0)
                    if named is not None and named.name is not None and named.kind == "person":
                        speaker, _ = speaker_of(state, named)
                        mention = where(toks, named)
                    elif toks[s0].low not in lex.pronouns:
                        # "Clinton has since apologized for what happened: “…”" (a pronoun
                        # subject is read after the speaker of the previous quotation)
                        subject = _subject(state, toks, s0, i - 1)
                        if subject is not None:
                            speaker, mention = subject[0], subject[2]
                if speaker is None and is_direct:
                    if q.group >= 0 and q.group in state.group_speaker and "group-speaker" in on:
                        speaker, cue_text, mention = state.group_speaker[q.group]
                    elif _unresolved_cue_after(toks, i, cues):
                        pass  # "“…,” wrote the authors of …": someone the text names, not the last speaker
                    elif (
                        state.last is not None
                        and state.last[0] is not None
                        and "last-speaker" in on
                    ):
                        speaker, cue_text, mention = state.last
                    elif i == 0 and previous_line is not None and "last-speaker" in on:
                        speaker, cue_text, mention = previous_line
                if (
                    speaker is None
                    and is_direct
                    and i > s0 + 2
                    and "colon-subject" in on
                    and (
                        toks[i - 1].text == ":"
                        or toks[i - 1].text in _INTRODUCING_DASHES
                        or (toks[i - 1].text == "-" and toks[i - 2].text == "-")
                        or (toks[i - 1].text == "," and _ends_sentence(toks, i, s1))
                    )
                ):
                    # "He has apologized: “…”", "Trump also embraced torture -- “…”"
                    subject = _subject(state, toks, s0, i - 1)
                    if subject is not None:
                        speaker, mention = subject[0], subject[2]
                # a fragment nobody in the text is given is a scare quote, unless a speech cue
                # stands right before it ("… described it as “a disgrace”")
                said = speaker is not None or any(
                    c.kind in ("speech", "naming", "according") and i - 3 <= c.b <= i for c in cues
                )
                kind: QuoteKind = "direct" if is_direct else ("partial" if said else "scare")
                if q.open > 0 and text[q.open - 1] == "=":
                    kind, speaker = "scare", None  # a value in markup: <tweet author="…" date="…">
                title_body = (
                    body.rstrip().rstrip(",:") if is_direct else body.rstrip().rstrip(".,!?")
                )
                if (
                    is_direct
                    and i > s0
                    and title_body.endswith(".")
                    and title_body[-2:-1].isalpha()
                    and not any(i - 3 <= c.b <= i for c in cues)
                ):
                    title_body = title_body[:-1]  # her film, “Trainwreck.” (the period inside)
                if "work-title" not in on:
                    pass
                elif (
                    not right_after
                    or (picked is not None and picked.participle)
                    or names_before(toks, i, s0, lex)
                ) and is_work_title(title_body, lex):
                    # (a participle after the name does not say it: "on “Morning Joe,” adding …")
                    kind = "scare"  # “The Big Short”, “Sunday Morning Futures”: a name, not speech
                elif after_work_noun(toks, i, s0, lex) and is_work_title(
                    title_body, lex, loose=True
                ):
                    kind = "scare"  # the reality show “The Apprentice,” / his book, “Crippled America: …”
                if kind == "direct" and "bylined" in on and bylined(toks, i, s1, body):
                    kind = "scare"  # “City museum names a director,” by Times' Jane Doe: a headline
                made = _make(state, q, kind, speaker, cue_text, mention)
                if made is None:
                    continue
                if picked is None and kind == "direct" and i == s1 - 1:
                    tail = len(state.quotes)  # "“…?” Mrs. Clinton asked." may follow
                line_unsigned = (len(state.quotes), i) if kind == "direct" else None
                state.quotes.append(made)
                if speaker is not None:
                    state.last = (speaker, cue_text, mention)
                    if q.group >= 0:
                        state.group_speaker.setdefault(q.group, (speaker, cue_text, mention))
            reported_speech(state, toks, s0, s1, cues, direct)
            if cues:
                _note_main_subject(state, cues)
            _note_closing_subject(state, toks, s0, s1)
            if sentence_last is not None:
                state.last = (sentence_last.speaker, sentence_last.surface, sentence_last.mention)
            if s1 > s0 and toks[s1 - 1].text == ":" and sentence_last is None:
                _subject(
                    state, toks, s0, s1 - 1
                )  # "Jane Doe spoke at the meeting:": the subject is met
        if line_unsigned is not None:
            index, i = line_unsigned
            if state.quotes[index].speaker is None and _ends_sentence(toks, i, len(toks)):
                state.unsigned = index
        if _enough(state, end, end_of_text):
            break
    if "group-speaker" in on:
        _fill_groups(state, raw)
    if "fill-headlines" in on:
        _fill_headlines(headline_pending, state, read.title_length())
    merged = _merge(state)
    return merged, state.truncated or len(raw) > limits.max_quotes


def _enough(state: State, end: int, end_of_text: int) -> bool:
    """Whether ``limits.max_quotes`` quotes were found before *end*: the rest of the text is not read."""
    if len(state.quotes) + len(state.indirect) >= state.limits.max_quotes and end < end_of_text:
        state.truncated = True
        return True
    return False


#: Dashes that introduce a quotation after a clause, like a colon (not a hyphen).
_INTRODUCING_DASHES = frozenset(("\u2014", "\u2013"))  # and "--", two tokens
_DASHES = frozenset(("\u2015", "\u2014", "\u2013", "-", "--"))  # a hyphen too: “…” - Jane Doe
#: "NAME: …" at the start of a quotation: a transcript's speaker label (group 1).
_LABEL = re.compile(r"\s{0,3}([A-Z][A-Z'\u2019.\- ]{1,30}):\s")


def _label_speaker(state: State, body: str, at: int) -> Said | None:
    """A transcript inside quotation marks: ``“PENCE: Well, look, …”`` is Pence speaking.

    *at* is where *body* starts in the text (the label is the speaker's mention).
    """
    if ":" not in body[:40]:
        return None  # (most quotations: no regex needed)
    m = _LABEL.match(body)
    if m is None or m.group(1).lower() in state.lex.words_of("not_labels"):
        return None
    label = m.group(1)
    if label.count(" ") > 2 or "  " in label or label.endswith(" "):
        return None
    name = label.title()
    phrase = Phrase(0, 0, name, None, "person")
    speaker, _ = speaker_of(state, phrase)
    if speaker is None:
        return None
    return speaker, ":", (at + m.start(1), at + m.end(1))


def _said_by_verb(state: State, toks: list[Token], i: int, s1: int) -> Said | None:
    """``“…,” an angry Hollande retaliated.``, ``“…,” reacted Trump.``: a name (or a pronoun) and
    a verb in the past tense that end the sentence right after a quotation say it, though the verb
    is no cue of the lexicon."""
    j = i + 1
    if j < s1 and toks[j].text == ",":
        j += 1
    if j < s1 and _past_verb(toks[j], state.lex):
        # "“…,” reacted Trump."
        named = phrase_after(state.text, toks, j + 1, state.lex, s1)
        if (
            named is not None
            and named.name is not None
            and named.kind == "person"
            and (named.end >= s1 or toks[named.end].kind != "w")
        ):
            speaker, _ = speaker_of(state, named)
            return (speaker, toks[j].text, where(toks, named)) if speaker is not None else None
        return None
    phrase = phrase_after(state.text, toks, j, state.lex, s1)
    if phrase is None or (
        phrase.kind != "pronoun" and (phrase.name is None or phrase.kind != "person")
    ):
        return None
    v = phrase.end
    if v >= s1:
        return None
    verb = toks[v]
    if not _past_verb(verb, state.lex):
        return None
    if v + 1 < s1 and toks[v + 1].kind == "w":
        return None  # more than "NAME VERB.": a sentence of its own
    speaker, _ = speaker_of(state, phrase)
    return (speaker, verb.text, where(toks, phrase)) if speaker is not None else None


def _past_verb(tok: Token, lex: Lexicon) -> bool:
    """A lower-case word in *-ed* that is no auxiliary."""
    return tok.kind == "w" and not tok.cap and tok.low.endswith("ed") and tok.low not in lex.skip


def _dash_speaker(state: State, toks: list[Token], i: int, s1: int) -> Said | None:
    """``“…” — Jane Doe``: a name after a dash closes a quotation (a pull quote, a roundup).

    The name must end the sentence, stand before the next quotation or before a comma
    (``— Jane Doe, Ohio``).
    """
    j = i + 1
    if j + 1 >= s1 or toks[j].text not in _DASHES:
        return None
    phrase = phrase_after(state.text, toks, j + 1, state.lex, s1)
    if phrase is None or phrase.name is None or phrase.kind == "pronoun":
        return None
    end = phrase.end
    if end < s1 and toks[end].text == ".":
        end += 1
    if end < s1 and toks[end].kind != "q" and toks[end].text != ",":
        return None
    speaker, _ = speaker_of(state, phrase)
    return (speaker, toks[j].text, where(toks, phrase)) if speaker is not None else None


def _note_main_subject(state: State, cues: list[Cue]) -> None:
    """The speaker of a sentence's first cue (the main clause) is the most recent entity after it.

    ``Cox says Obama is trying to …. He says …``: *he* is Cox, not Obama, the
    subject of a cue inside Cox's words.
    """
    for cue in cues:
        if cue.entity is not None:
            state.registry.note(cue.entity)
            return


def _sign(state: State, toks: list[Token], index: int) -> None:
    """A line ``— Jane Doe.`` (``-Jane Doe, Ohio.``) after a line that ended with a quotation
    nobody is given signs that quotation, as in a roundup of quotes."""
    j = 0
    while j < len(toks) and toks[j].text in _DASHES:
        j += 1
    if j == 0 or j >= len(toks):
        return
    n = len(toks)
    phrase = phrase_after(state.text, toks, j, state.lex, n)
    if phrase is None or phrase.name is None or phrase.kind == "pronoun":
        return
    end = phrase.end
    if end < n and toks[end].text not in (",", "."):
        return
    speaker, _ = speaker_of(state, phrase)
    if speaker is None:
        return
    quote = state.quotes[index]
    state.quotes[index] = new_quote(
        quote.text, quote.kind, quote.span, speaker, toks[0].text, where(toks, phrase)
    )


_cue_start = attrgetter("a")


def _unresolved_cue_after(toks: list[Token], i: int, cues: list[Cue]) -> bool:
    """Whether a speech cue with no speaker follows the quotation token *i* (after a comma)."""
    j = bisect.bisect_right(cues, i, key=_cue_start)  # (the cues are in text order)
    if j >= len(cues):
        return False
    cue = cues[j]
    if cue.a > i + 2 or cue.kind != "speech" or cue.speaker is not None:
        return False
    return all(toks[k].text == "," for k in range(i + 1, cue.a))


def _ends_sentence(toks: list[Token], i: int, s1: int) -> bool:
    """Whether only punctuation follows the quotation token *i* before token *s1* (the end of
    its sentence, or of its line)."""
    return all(toks[k].kind == "p" for k in range(i + 1, s1))


def _note_closing_subject(state: State, toks: list[Token], s0: int, s1: int) -> None:
    """``Asked whether Trump …, Ban demurred.``: a name and a verb in the past tense that close a
    sentence after a comma are its main clause, so the name becomes the most recent entity (a
    pronoun after it means Ban, not a name inside the clause before the comma)."""
    end = s1
    if end > s0 and toks[end - 1].text in (".", "!"):
        end -= 1
    if end - s0 < 4 or not _past_verb(toks[end - 1], state.lex):
        return
    phrase = phrase_before(state.text, toks, end - 1, state.lex, s0)
    if (
        phrase is None
        or phrase.name is None
        or phrase.kind != "person"
        or phrase.start <= s0
        or toks[phrase.start - 1].text != ","
    ):
        return
    entity = state.registry.mention(phrase)
    if entity is not None:
        state.registry.note(entity)


def _last_speaking(cues: list[Cue]) -> Cue | None:
    """The last speech cue with a speaker (``told``, not the ``wants`` of a clause after it),
    else the last that is not an action (``said``, not ``met``)."""
    found = None
    for cue in reversed(cues):
        if cue.speaker is not None and cue.kind != "other":
            if KIND_TYPES[cue.kind] == "speech":
                return cue
            found = found or cue
    return found


def _said_after(
    state: State, toks: list[Token], s0: int, s1: int, cues: list[Cue], tail: int
) -> None:
    """``“Why do they get away with it?” Mrs. Clinton asked.``: a short said-clause after a
    quotation that ended its sentence gives the quotation its speaker.

    The clause is short after its cue; the speaker before the cue may carry an
    appositive (``“Not us!” Jane Doe, the head of the group, tweeted on Friday.``).
    """
    if not cues or cues[0].a - s0 > 24:
        return
    cue = cues[0]
    if cue.b < s1 and toks[cue.b].text == ":":
        return  # "Mr. Zahed said: “…”": the cue introduces the next quotation
    participle = cue.b + 1 < s1 and (
        (toks[cue.b].text == "," and toks[cue.b + 1].low.endswith("ing"))
        or toks[cue.b].low in state.lex.words_of("when_clause")
    )  # "Trump asked, turning …", "he tweeted when …": the clause is still a said-clause
    if (
        s1 - cue.b > 8
        and not participle
        and (
            cue.b >= s1
            or toks[cue.b].low not in state.lex.adverbials
            or any(t.low == "that" or t.kind == "q" for t in toks[cue.b : s1])
        )
    ):
        return  # more than a when and where after the cue: a sentence of its own
    phrase = cue.phrase
    if cue.kind != "speech" or cue.speaker is None or phrase is None:
        return
    if not (cue.a == s0 and phrase.start == cue.b) and not (
        phrase.start == s0 and phrase.end <= cue.a and cue.a - phrase.end <= 2
    ):
        return  # "Mrs. Clinton asked" / "he said" / "asked Mrs. Clinton", and nothing before
    quote = state.quotes[tail]
    state.quotes[tail] = new_quote(
        quote.text, quote.kind, quote.span, cue.speaker, cue.surface, cue.mention
    )
    state.last = (cue.speaker, cue.surface, cue.mention)


def _fill_groups(state: State, raw: list[RawQuote]) -> None:
    """Pieces of a quotation running over several paragraphs share its speaker."""
    if not state.group_speaker:
        return
    by_start = {q.start: q.group for q in raw if q.group >= 0}
    out = []
    for quote in state.quotes:
        group = -1
        for delta in range(4):
            group = by_start.get(quote.span[0] - delta, -1)
            if group >= 0:
                break
        if quote.speaker is None and group in state.group_speaker and quote.kind == "direct":
            speaker, cue, mention = state.group_speaker[group]
            quote = new_quote(quote.text, quote.kind, quote.span, speaker, cue, mention)
        out.append(quote)
    state.quotes = out


def _fill_headlines(pending: list[Quote], state: State, title_length: int) -> None:
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


_by_span = attrgetter("span")
_CLOSERS = frozenset(",.!?\u201d\u2019\"'\u00bb\u203a\u300d")
#: Cue kinds whose reported speech may quote someone else's words.
_STANCE_KINDS = frozenset(("belief", "intention", "other"))


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
    if kind not in _STANCE_KINDS:
        return None
    j = bisect.bisect_left(starts, s)
    if j >= len(quotes) or quotes[j].span[1] > e:
        return None
    inner = quotes[j]
    if inner.speaker is not None and inner.speaker != speaker and inner.kind != "scare":
        return inner
    return None


def _merge(state: State) -> list[Quote]:
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
