"""Who speaks or acts in a sentence: the subject of each cue and of sentences without one.

For each sentence, in order: the names met in passing (:func:`mention_names`), the subject of a
sentence without a cue (:func:`find_subject`), the speaker of each cue (:func:`resolve_cues`);
after the sentence's quotations, the main clause's speaker and a closing subject become the
most recent entities.  Each reads at most the sentence (30 tokens for a subject).
"""

from __future__ import annotations

import bisect

from articlekit._model import Speaker
from articlekit._quotes._cues import KIND_TYPES, Lexicon
from articlekit._quotes._speakers import (
    Entity,
    Phrase,
    phrase_after,
    phrase_apposed,
    phrase_before,
    role_noun,
)
from articlekit._quotes._state import (
    Cue,
    Span,
    State,
    skip_back,
    speaker_named,
    speaker_of,
    where,
)
from articlekit._quotes._text import Token


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


def resolve_cues(state: State, toks: list[Token], lo: int, hi: int, cues: list[Cue]) -> None:
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
                subject = find_subject(state, toks, lo, phrase.start, loose=True)
                if subject is not None:  # "Jane Doe released a statement saying …": Jane Doe
                    cue.speaker, cue.entity, cue.mention = subject
                    previous = spoken = cue
                    continue
        if (
            phrase is None
            and KIND_TYPES[cue.kind] == "speech"
            and cue.kind != "according"
            and "quantity-subject" in state.on
        ):
            share = _quantity_subject(state, toks, lo, cue)
            if share is not None:  # "Just 28 percent of voters said …", "…, while a third say …"
                cue.speaker, cue.mention, start = share
                cue.phrase = Phrase(start, cue.a, None, cue.speaker.name, "group")
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
            subject = find_subject(state, toks, lo, cue.a, loose=True)
            if subject is not None:
                cue.speaker, cue.entity, cue.mention = subject
        if cue.speaker is None and cue.kind == "according" and "according-source" in state.on:
            source = _according_source(state, toks, cue.b, hi)
            if source is not None:
                cue.speaker, cue.mention, end = source
                cue.phrase = Phrase(cue.b, end, None, cue.speaker.name, "text")
        if (
            cue.speaker is None
            and cue.kind == "speech"
            and previous is None
            and "group-subject" in state.on
        ):
            group = _group_subject(state, toks, lo, cue)
            if group is None and "group-clause" in state.on:
                group = _group_clause(state, toks, lo, cue)
            if group is not None:
                cue.speaker, cue.mention, start = group
                cue.phrase = Phrase(start, cue.a, None, cue.speaker.name, "group")
        if (
            cue.speaker is None
            and KIND_TYPES[cue.kind] == "speech"
            and cue.kind != "according"
            and "quote-phrase" in state.on
        ):
            found = _quote_phrase(state, toks, lo, hi, cue)
            if found is not None:
                cue.speaker, cue.mention, start, end = found
                cue.phrase = Phrase(start, end, None, cue.speaker.name, "group")
        if cue.speaker is not None:
            previous = cue
            if cue.kind not in STANCE_KINDS:
                spoken = cue


#: The most words of a noun phrase read as a quotation's speaker by ``quote-phrase``.
_MAX_QUOTE_PHRASE = 12


def _quote_phrase(
    state: State, toks: list[Token], lo: int, hi: int, cue: Cue
) -> tuple[Speaker, Span, int, int] | None:
    """Rule ``quote-phrase``: a noun phrase that no other reading named, between a quotation
    and its cue (``“…?” a Democratic staffer in the room wondered``, ``“…,” the 43-year-old
    asked``) or after a cue that follows a quotation (``“…,” said the second official.``,
    ``“…,” tweeted another.``).  The phrase opens with a determiner, a number or *one* /
    *another*, and holds words alone (no verb, cue, pronoun or punctuation but a hyphen), at
    most ``_MAX_QUOTE_PHRASE`` of them; after the cue it ends at the sentence's end or a
    comma.  Returns the speaker (the phrase without a leading article), where the
    text names it, and the phrase's token range."""
    lex = state.lex
    finite = lex.words_of("finite_verbs")
    relatives = lex.words_of("relatives")

    def word(tok: Token) -> bool:
        return (
            tok.kind == "w"
            and tok.low not in lex.pronouns
            and tok.low not in finite
            and tok.low not in relatives
            and tok.low not in lex.skip
            and tok.low not in lex.words_of("conjunctions")
            and lex.cue_kind(tok.low) is None
        )

    def opens(tok: Token) -> bool:
        return tok.low in lex.determiners or tok.low in ("one", "another") or tok.text[:1].isdigit()

    q = cue.a - 1
    if q > lo and toks[q].text == ",":
        q -= 1
    start, end = -1, -1
    k = skip_back(toks, cue.a, lo, lex)
    j = k
    while j > lo and k - j < _MAX_QUOTE_PHRASE and word(toks[j - 1]):
        j -= 1
    before = j - 1
    if before >= lo and toks[before].text == ",":
        before -= 1
    if j < k and before >= lo and toks[before].kind == "q" and opens(toks[j]):
        start, end = j, k  # "“…,” a Democratic staffer in the room wondered"
    elif q >= lo and toks[q].kind == "q" and cue.b < hi and opens(toks[cue.b]):
        m = cue.b
        while m < hi and m - cue.b < _MAX_QUOTE_PHRASE and word(toks[m]):
            m += 1
        if m > cue.b and (m >= hi or toks[m].text in ".,;!?"):
            start, end = cue.b, m  # "“…,” tweeted another.", "“…,” said the second official."
    if start < 0:
        return None
    while end > start and toks[end - 1].low in lex.words_of("object_prepositions"):
        end -= 1
    a = start + 1 if toks[start].low in ("a", "an", "the") and end - start > 1 else start
    if a >= end:
        return None
    words = state.text[toks[a].start : toks[end - 1].end]
    return speaker_named(state, words, None), (toks[start].start, toks[end - 1].end), start, end


#: The most words of a source after *according to* that names no one (*the results*).
_MAX_SOURCE_WORDS = 24


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


#: The most words of a group subject (*a person familiar with the planning for the meeting*).
_MAX_GROUP_WORDS = 14


def _group_subject(
    state: State, toks: list[Token], lo: int, cue: Cue
) -> tuple[Speaker, Span, int] | None:
    """Rule ``group-subject``: the words from the sentence's start to a speech cue that no
    other reading gave a speaker, when they are one noun phrase with no verb, pronoun or
    punctuation in it: ``Aides to Clinton say``, ``A full 79 percent of Democrats say``,
    ``A person familiar with the planning says``.  Returns the speaker (those words, without
    a leading article), where the text names it, and the phrase's first token."""
    lex = state.lex
    k = skip_back(toks, cue.a, lo, lex)
    start = lo
    while start < k and toks[start].low in lex.words_of("conjunctions"):
        start += 1
    if k - start < 2 or k - start > _MAX_GROUP_WORDS or not toks[start].cap:
        return None
    first = toks[start].low
    if (
        cue.surface.lower() not in lex.words_of("bare_clause_cues")
        or first in lex.words_of("introductory")
        or first in lex.words_of("object_prepositions")
        or first in lex.words_of("clause_prepositions")
        or toks[k - 1].low.endswith(("'s", "\u2019s"))
    ):
        return None  # a noun cue (Bill Clinton's comments), an introductory phrase (In a video)
    stops = lex.words_of("group_stops")
    possessive = "possessive-group" in state.on and _possessive_group(state, toks, start, k)
    for tok in toks[start:k]:
        low = tok.low
        if (
            tok.kind != "w"
            or (low in lex.pronouns and not (possessive and tok is toks[start]))
            or low in lex.skip
            or low in stops
            or lex.cue_kind(low) is not None
        ):
            return None
    a = start + 1 if toks[start].low in ("a", "an", "the") else start
    words = state.text[toks[a].start : toks[k - 1].end]
    return speaker_named(state, words, None), (toks[start].start, toks[k - 1].end), start


def _possessive_group(state: State, toks: list[Token], at: int, hi: int) -> bool:
    """Rule ``possessive-group``: whether the pronoun at token *at* is a possessive before a
    noun (``Her advisers and allies say``, ``Her campaign workers said``): a determiner of the
    lexicon followed by a lower-case word that is no verb, cue or pronoun."""
    lex = state.lex
    if "possessive-group" not in state.on or at + 1 >= hi:
        return False
    tok, nxt = toks[at], toks[at + 1]
    return (
        tok.low in lex.determiners
        and nxt.kind == "w"
        and not nxt.cap
        and nxt.low not in lex.pronouns
        and nxt.low not in lex.skip
        and nxt.low not in lex.words_of("finite_verbs")
        and lex.cue_kind(nxt.low) is None
        and not nxt.low.endswith("ed")
    )


def _group_clause(
    state: State, toks: list[Token], lo: int, cue: Cue
) -> tuple[Speaker, Span, int] | None:
    """Rule ``group-clause``: a group subject that does not start the sentence or holds *and*:
    ``…, all the experts I interviewed said``, ``Experts on North Korea and nuclear
    nonproliferation said``, ``Although …, elected officials from both parties say``.  The words
    from the sentence's start, or from its last comma before the cue, to the cue: one noun
    phrase (no verb in *-ed* after its first word, no finite verb, cue, pronoun or punctuation)
    with a plural noun, a role or a name before any preposition, at most ``_MAX_GROUP_WORDS``
    words; a lower-case first word is one of the lexicon's ``group_openers``."""
    lex = state.lex
    if cue.surface.lower() not in lex.words_of("bare_clause_cues"):
        return None
    k = skip_back(toks, cue.a, lo, lex)
    start = k
    while start > lo and k - start <= _MAX_GROUP_WORDS and toks[start - 1].kind == "w":
        start -= 1
    if start > lo and toks[start - 1].text != ",":
        return None
    while start < k and toks[start].low in lex.words_of("conjunctions"):
        start += 1
    if k - start < 2 or k - start > _MAX_GROUP_WORDS:
        return None
    first = toks[start]
    if not first.cap and first.low not in lex.words_of("group_openers"):
        return None
    if (
        first.low in lex.words_of("introductory")
        or first.low in lex.words_of("object_prepositions")
        or first.low in lex.words_of("clause_prepositions")
        or toks[k - 1].low.endswith(("'s", "\u2019s"))
    ):
        return None
    finite = lex.words_of("finite_verbs")
    stops = lex.words_of("group_stops") - {"and"}
    head = False  # a plural noun, a role or a name before any preposition
    possessive = _possessive_group(state, toks, start, k)  # ("Her advisers and allies say")
    for m in range(start, k):
        tok = toks[m]
        low = tok.low
        if (
            (low in lex.pronouns and not (possessive and m == start))
            or low in lex.skip
            or low in stops
            or low in finite
            or (m > start and low.endswith("ed") and not tok.cap and len(low) > 4)
            or lex.cue_kind(low) is not None
        ):
            return None
        if low in lex.words_of("object_prepositions"):
            break
        head = head or low.endswith("s") or lex.is_role(low) or tok.cap
    if not head:
        return None
    a = start + 1 if toks[start].low in ("a", "an", "the") else start
    words = state.text[toks[a].start : toks[k - 1].end]
    return speaker_named(state, words, None), (toks[start].start, toks[k - 1].end), start


def _quantity_subject(
    state: State, toks: list[Token], lo: int, cue: Cue
) -> tuple[Speaker, Span, int] | None:
    """Rule ``quantity-subject``: a share of people polled or counted right before a speech cue
    (``Just 28 percent of voters said``, ``More than six in 10 say``, ``…, while a third said``):
    optional modifiers (*just, more than, about*), a number or a share (the lexicon's
    ``quantity_heads``, or a word starting with a digit), and what it counts, with no verb in
    between.  The phrase starts the sentence or follows a comma or one of the lexicon's
    ``quantity_openers``.  Returns the speaker (those words), where the text names it, and the
    phrase's first token; None for anything else.  Reads at most ``_MAX_GROUP_WORDS`` words."""
    lex = state.lex
    if cue.participle or cue.surface.lower() not in lex.words_of("bare_clause_cues"):
        return None  # ("One month after announcing …", "1,280 pledged delegates")
    k = skip_back(toks, cue.a, lo, lex)
    modifiers = lex.words_of("quantity_modifiers")
    openers = lex.words_of("quantity_openers")
    finite = lex.words_of("finite_verbs")
    relatives = lex.words_of("relatives")
    start = k
    while start > lo and k - start < _MAX_GROUP_WORDS:
        tok = toks[start - 1]
        if tok.kind == "p" and tok.text == "%":
            start -= 1
            continue
        if tok.kind != "w" or tok.low in openers:
            break
        low = tok.low
        if (
            low in finite
            or low in relatives
            or (low in lex.skip and low not in modifiers)
            or lex.cue_kind(low) is not None
        ):
            return None  # a verb or a clause before the cue: not one noun phrase
        start -= 1
    if start == k or (
        start > lo and toks[start - 1].kind == "w" and toks[start - 1].low not in openers
    ):
        return None
    if (
        start > lo
        and toks[start - 1].kind != "w"
        and (
            toks[start - 1].text not in (",", ";")
            or (start - 2 >= lo and toks[start - 2].text[-1:].isdigit())
        )
    ):
        return None  # ("1,280 pledged", "Isaiah 45:1 reads": one number)
    head = start
    while head < k and toks[head].low in modifiers:
        head += 1
    if head >= k:
        return None
    word = toks[head]
    if not (word.text[:1].isdigit() or word.low in lex.words_of("quantity_heads")):
        return None
    last = toks[k - 1].low
    if last in modifiers or last in lex.determiners or last in lex.words_of("object_prepositions"):
        return None  # "one of the most", "153 in": the phrase does not end with what it counts
    a = start
    while a < head and toks[a].low in lex.determiners:
        a += 1
    words = state.text[toks[a].start : toks[k - 1].end]
    return speaker_named(state, words, None), (toks[start].start, toks[k - 1].end), start


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


def parenthetical(toks: list[Token], lo: int, cue: Cue, lex: Lexicon) -> bool:
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
    subject = find_subject(state, toks, lo, cue.a, loose=True)
    if subject is None:
        return False
    cue.speaker, cue.entity, cue.mention = subject
    return True


def mention_names(
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


#: The dashes that close a dateline (``LOS ANGELES —``; two hyphens are two tokens).
_DATELINE_DASHES = frozenset(("\u2014", "\u2013", "\u2015", "-"))


def dateline_end(toks: list[Token], lo: int, hi: int) -> int:
    """Rule ``dateline``: the token after a dateline that opens the sentence at *lo*, else *lo*.

    A dateline is one to four words in capitals (``LOS ANGELES``), maybe a comma and up to
    four capitalised words or abbreviations (``, Wis.``, ``, Feb. 2``) or a parenthesis
    (``(AP)``), then a dash (``LA CROSSE, Wis. — Gov. Jane Doe …``).  Bounded: at most
    16 tokens are read.
    """
    k = lo
    limit = min(hi, lo + 16)
    while (
        k < min(limit, lo + 4)
        and toks[k].kind == "w"
        and len(toks[k].text) > 1
        and toks[k].text.isupper()
    ):
        k += 1
    if k == lo:
        return lo
    if k < limit and toks[k].text == ",":
        k += 1
        stop = min(limit, k + 6)
        while (
            k < stop
            and toks[k].text not in _DATELINE_DASHES
            and (toks[k].text == "." or toks[k].text[0].isupper() or toks[k].text[0].isdigit())
        ):
            k += 1
    if k < limit and toks[k].text == "(":
        close = k + 1
        while close < min(limit, k + 5) and toks[close].text != ")":
            close += 1
        if close >= limit or toks[close].text != ")":
            return lo
        k = close + 1
    dashes = k
    while k < limit and toks[k].text in _DATELINE_DASHES:
        k += 1
    if k == dashes or k >= hi:
        return lo
    return k


def find_subject(
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
                if phrase.kind == "pronoun" and _possessive_group(state, toks, phrase.start, hi):
                    return None  # "Her advisers and allies say …": not her
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
                            and (phrase.start == lo or toks[phrase.start - 1].text == ",")
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


def past_verb(tok: Token, lex: Lexicon) -> bool:
    """A lower-case word in *-ed* that is no auxiliary."""
    return tok.kind == "w" and not tok.cap and tok.low.endswith("ed") and tok.low not in lex.skip


def note_main_subject(state: State, cues: list[Cue]) -> None:
    """The speaker of a sentence's first cue (the main clause) is the most recent entity after it.

    ``Cox says Obama is trying to …. He says …``: *he* is Cox, not Obama, the
    subject of a cue inside Cox's words.
    """
    for cue in cues:
        if cue.entity is not None:
            state.registry.note(cue.entity)
            return


def note_closing_subject(state: State, toks: list[Token], s0: int, s1: int) -> None:
    """``Asked whether Trump …, Ban demurred.``: a name and a verb in the past tense that close a
    sentence after a comma are its main clause, so the name becomes the most recent entity (a
    pronoun after it means Ban, not a name inside the clause before the comma)."""
    end = s1
    if end > s0 and toks[end - 1].text in (".", "!"):
        end -= 1
    if end - s0 < 4 or not past_verb(toks[end - 1], state.lex):
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


def last_speaking(cues: list[Cue]) -> Cue | None:
    """The last speech cue with a speaker (``told``, not the ``wants`` of a clause after it),
    else the last that is not an action (``said``, not ``met``)."""
    found = None
    for cue in reversed(cues):
        if cue.speaker is not None and cue.kind != "other":
            if KIND_TYPES[cue.kind] == "speech":
                return cue
            found = found or cue
    return found


#: Cue kinds whose reported speech may quote someone else's words.
STANCE_KINDS = frozenset(("belief", "intention", "other"))
