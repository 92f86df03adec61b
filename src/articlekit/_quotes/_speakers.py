"""Stage 3: speakers: who a noun phrase next to a cue is.

:func:`phrase_before` and :func:`phrase_after` read the noun phrase that ends
just before a cue (``Kremlin spokesperson Dmitry Peskov told``) or starts just
after it (``said Jane Doe, a spokeswoman``), and split it into a *name* and a
*role*: the trailing run of capitalised words that are not titles is the name
(``Dmitry Peskov``), what stands before it the role (``Kremlin spokesperson``).
Name particles (``von der``, ``de la``, ``bin``: :data:`articlekit._people.PARTICLES`)
belong to the name; a one-word name in capitals is an organisation (an acronym, as in
bylines: :func:`articlekit._people.is_acronym`).

:class:`Registry` remembers the people and organisations that have spoken, so
that a later mention resolves to the first full one: a surname (``Peskov``), a
title and surname (``Mr. Peskov``), a role (``the spokesperson``), and a
pronoun (``he``, ``she``, ``they``) to the most recent speaker that fits it.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise

from articlekit._people import is_acronym
from articlekit._quotes._cues import Lexicon
from articlekit._quotes._text import Token
from articlekit._textutil import clean_name, name_key

__all__ = [
    "Entity",
    "Phrase",
    "Registry",
    "phrase_after",
    "phrase_apposed",
    "phrase_before",
    "role_noun",
]

_MAX_PHRASE = 12
#: A possessive ends a role before a name ("Trump's", "Fox News' Bret Baier").
_POSSESSIVES = ("\u2019s", "'s", "s\u2019", "s'")


class Phrase:
    """A noun phrase next to a cue: its token range, name, role, kind and gender."""

    __slots__ = ("end", "gender", "kind", "name", "pronoun", "role", "start", "via")

    def __init__(
        self,
        start: int,
        end: int,
        name: str | None,
        role: str | None,
        kind: str,
        gender: str = "",
        pronoun: str | None = None,
    ) -> None:
        self.start = start  # index of the first token
        self.end = end  # index after the last token
        self.name = name
        self.role = role
        self.kind = kind  # "person", "org", "group" (a role with no name), "text", "pronoun"
        self.gender = gender
        self.pronoun = pronoun
        self.via = False  # found past a prepositional phrase ("Jane Doe of Aurora")

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Phrase({self.name!r}, role={self.role!r}, kind={self.kind})"


def _is_np_word(tok: Token, lex: Lexicon) -> bool:
    if tok.kind != "w":
        return False
    low = tok.low
    if tok.cap or tok.text[0].isdigit():  # (a word's cap: its first letter is upper-case)
        return low not in lex.words_of("not_names") or low in lex.titles
    if low in lex.titles or low in lex.role_modifiers or low in lex.particles:
        return True
    return low.endswith(("\u2019s", "'s")) and low[:-2] not in lex.words_of("not_names")


def _span_text(text: str, toks: list[Token], a: int, b: int) -> str:
    raw = text[toks[a].start : toks[b - 1].end]
    if raw.isprintable() and "  " not in raw:
        return raw  # already clean (the common case; clean_name is slower)
    return clean_name(raw)


def _build(text: str, toks: list[Token], a: int, b: int, lex: Lexicon) -> Phrase | None:
    """Split tokens ``a:b`` (a noun phrase, determiners included) into role and name."""
    a0, b0 = a, b
    titles, particles, determiners = lex.titles, lex.particles, lex.determiners
    while a < b and toks[a].low in determiners:
        a += 1
    while b > a and (toks[b - 1].low in ("and", "of") or toks[b - 1].low in particles):
        b -= 1
    if a >= b:
        return None
    definite = a > a0 and toks[a - 1].low == "the"
    # The name: the trailing run of capitalised non-title words (particles inside it).
    n = b
    if b - a >= 2 and toks[b - 1].cap and toks[b - 1].low in titles:
        before = toks[b - 2]
        if before.cap and (
            before.low in lex.first_names or (len(before.text) == 2 and before.text[1] == ".")
        ):
            n = b - 1  # a surname that is also a title: "Peter T. King", "Angus King"
    while n > a:
        tok = toks[n - 1]
        low = tok.low
        if n - 3 >= a and n < b and toks[n - 2].low == "of" and toks[n - 3].low in titles:
            break  # "Secretary of State John Kerry": "State" belongs to the role
        if (
            tok.cap
            and titles.get(low, "org") == "org"
            and not low.endswith(_POSSESSIVES)
            and not (lex.compound_titles and _compound_title(low, titles))
        ):
            n -= 1  # a name word ("State Department": capitalised organisation words are names)
        elif (
            low == "of"
            and n < b
            and n - 1 > a
            and toks[n - 2].cap
            and toks[n - 2].low in lex.organisation_words
        ):
            n -= 1  # "Bank of America", "University of Texas": one name
        elif low in particles and n < b:
            # von der / de la / bin: part of the name when a name word comes before them
            j = n - 1
            while j > a and toks[j - 1].low in particles:
                j -= 1
            if j > a and toks[j - 1].cap and toks[j - 1].low not in titles:
                n = j
            else:
                break
        else:
            break
    gender = ""
    for k in range(a, n):  # (in the role: "Billie Jean King" is no king)
        low = toks[k].low
        if low in titles or low[-1] == ".":
            g = titles.get(low.rstrip("."), titles.get(low, ""))
            if g in ("male", "female"):
                gender = g
    if n < b:
        if not gender and b - n >= 2:
            gender = lex.first_names.get(toks[n].low, "")
        name = _span_text(text, toks, n, b)
        role = _span_text(text, toks, a, n) if n > a else None
        is_org = definite and n == a
        if not is_org:
            org_words = lex.organisation_words
            for k in range(n, b):
                if toks[k].low in org_words:
                    is_org = True
                    break
        if b - n == 1 and is_acronym(toks[n].text):
            is_org = True  # an acronym: NATO, CNN
        elif b - n >= 2 and all(t.text.isupper() for t in toks[n:b]):
            is_org = True  # "FULL TEXT", "BREAKING NEWS": a label in capitals, not a person
        return Phrase(a0, b0, name, role, "org" if is_org else "person", gender)
    # No name: a role or a group ("the spokesperson", "officials", "the Trump campaign").
    head = toks[b - 1].low
    role_kind = lex.titles.get(head, "")
    if head not in lex.titles and head not in lex.organisation_words:
        return None
    kind = "org" if role_kind == "org" or head in lex.organisation_words else "group"
    if role_kind == "plural":
        gender = "plural"
    elif kind == "group" and definite and not head.endswith("s"):
        kind = "person"  # "the Ohio governor": one person, whom "he" or "she" may mean next
    return Phrase(a0, b0, None, _span_text(text, toks, a, b), kind, gender)


def _compound_title(low: str, titles: Mapping[str, str]) -> bool:
    """Whether *low* is a compound whose head is a title (``finanzchef``, ``innenministerin``)."""
    for k in range(2, len(low) - 3):
        kind = titles.get(low[k:])
        if kind is not None and kind != "org":
            return True
    return False


def _contracted_pronoun(low: str) -> str | None:
    """``he’s`` → ``he``, ``they’ve`` → ``they``; None for other words."""
    if "\u2019" not in low and "'" not in low:
        return None
    for mark in ("\u2019", "'"):
        head, sep, tail = low.partition(mark)
        if sep and tail in ("s", "ve", "d", "ll", "re", "m"):
            return head
    return None


def phrase_before(
    text: str,
    toks: list[Token],
    end: int,
    lex: Lexicon,
    lo: int,
    outer: bool = True,
    relative: bool = False,
) -> Phrase | None:
    """The noun phrase ending at token ``end - 1`` (not before token *lo*), or None.

    A phrase that is the object of a preposition is not the subject; with
    *outer*, the phrase before the preposition is tried instead (once).  With
    *relative* (the antecedent of *who*), the object is taken when it is a named
    person and the phrase before the preposition names no one (``a reply from
    Jane Doe, who``).
    """
    if end <= lo:
        return None
    last = toks[end - 1]
    if last.kind == "w" and last.low in lex.pronouns:
        return Phrase(end - 1, end, None, None, "pronoun", lex.pronouns[last.low], pronoun=last.low)
    base = _contracted_pronoun(last.low)
    if base is not None and base in lex.pronouns:
        return Phrase(end - 1, end, None, None, "pronoun", lex.pronouns[base], pronoun=base)
    a = end
    limit = max(lo, end - _MAX_PHRASE)
    while a > limit and (_is_np_word(toks[a - 1], lex) or _after_title(toks, a - 1, lex, limit)):
        a -= 1
        if (
            a - 2 >= limit
            and toks[a - 1].low == "of"
            and toks[a].cap
            and (toks[a - 2].low in lex.titles or toks[a - 2].low in lex.organisation_words)
        ):
            a -= 1  # "Secretary of State John Kerry", "Department of Justice"
    if a > limit and toks[a - 1].low in lex.determiners:
        a -= 1
    elif lo < a < end and toks[a].cap and toks[a - 1].kind == "w" and not toks[a - 1].cap:
        # "…,” engineer Sofia Marek said": a lower-case role word or two before the name,
        # after a comma, a quotation or the sentence start
        j = a
        while j > lo and a - j < 2 and _role_word(toks[j - 1], lex):
            j -= 1
        m = j  # "Cambridge cartoonist Jane Doe said": a place before the role words
        while j < a and m > max(lo, j - 3) and toks[m - 1].cap and _is_np_word(toks[m - 1], lex):
            m -= 1
        if (
            m < j
            and role_noun(toks[a - 1].low, lex)
            and (m == lo or toks[m - 1].text == "," or toks[m - 1].kind == "q")
        ):
            j = m
        if j < a and (j == lo or toks[j - 1].text == "," or toks[j - 1].kind == "q"):
            a = j
    if a == end:
        return _common_noun_before(text, toks, end, lex, lo)
    if a > lo and _object_of_preposition(toks, a, end, lo, lex):
        # "in Baltimore said", "Jane Doe of Aurora, Colorado, said": not the subject, but
        # the phrase before the preposition may be ("a spokesman for Trump said")
        if not outer:
            return None
        k = a - 1 if toks[a - 1].low in lex.words_of("object_prepositions") else a - 3
        head = toks[k].low in lex.words_of("head_prepositions")
        inner = phrase_before(text, toks, k, lex, lo, outer=False) if head else None
        unnamed = relative and not _someone(inner, lex)
        obj = _build(text, toks, a, end, lex) if unnamed or not head else None
        if obj is not None and obj.kind == "person" and obj.name is not None:
            if unnamed:
                return obj  # "a reply from Jane Doe, who …"
            if (
                not head
                and " " in obj.name
                and obj.role is not None
                and lex.titles.get(toks[end - obj.name.count(" ") - 2].low, "org") != "org"
            ):
                # "The Council on Foreign Relations President Jane Doe said": the object of the
                # preposition ends with a title and a person's full name, who is the subject
                return obj
        if inner is None or inner.kind == "pronoun" or (inner.name is None and inner.role is None):
            return None
        inner.end = end
        inner.via = True
        return inner
    return _build(text, toks, a, end, lex)


def _after_title(toks: list[Token], k: int, lex: Lexicon, lo: int) -> bool:
    """Whether token *k* is a capitalised word right after a capitalised title (``Ms. May``,
    ``President Will``): a name, even when the word is also a common word."""
    tok = toks[k]
    return (
        k > lo
        and tok.kind == "w"
        and tok.cap
        and toks[k - 1].cap
        and toks[k - 1].low in lex.titles
        and lex.titles[toks[k - 1].low] in ("male", "female", "")
    )


def role_noun(low: str, lex: Lexicon) -> bool:
    """Whether the lower-case word *low* is a role noun: a title or an agent noun."""
    return low in lex.titles or (len(low) > 4 and low.endswith(lex.endings_of("agent_endings")))


def _role_word(tok: Token, lex: Lexicon) -> bool:
    """Whether *tok* may be a lower-case role word before a name (``engineer``, ``campaign``)."""
    low = tok.low
    return (
        tok.kind == "w"
        and not tok.cap
        and low not in lex.words_of("not_names")
        and low not in lex.determiners
        and low not in lex.pronouns
        and low not in lex.skip
        and lex.cue_kind(low) is None
        and not low.endswith(("ly", "ed", "ing"))
        and low.isalpha()
    )


def _someone(phrase: Phrase | None, lex: Lexicon) -> bool:
    """Whether *phrase* names a person or a role (``a spokesman``), not a thing (``a reply``)."""
    if phrase is None:
        return False
    if phrase.kind == "person" or phrase.name is not None:
        return True
    return phrase.role is not None and lex.is_role(phrase.role.split()[-1].lower())


def _object_of_preposition(toks: list[Token], a: int, end: int, lo: int, lex: Lexicon) -> bool:
    """Whether the phrase ``a:end`` is the object of a preposition.

    ``in Baltimore``, and a place after a place, which a comma closes: ``in
    Aurora, Colorado,`` (but in ``On the subject of Israel, Trump added`` the
    name after the comma is the subject).
    """
    prev = toks[a - 1]
    if prev.low in lex.words_of("object_prepositions"):
        return True
    return (
        prev.text == ","
        and end < len(toks)
        and toks[end].text == ","
        and a - 3 >= lo
        and toks[a - 2].cap
        and toks[a - 3].low in lex.words_of("object_prepositions")
        and toks[a].cap
    )


def _not_a_source(head: str, lex: Lexicon) -> bool:
    """A time, a quantity or an adjective: ``a dozen states``, ``this week said``, ``the best``."""
    return (
        (head in lex.adverbials and head not in lex.documents)
        or head in lex.words_of("quantities")
        or head.endswith(("est", "ous", "ed"))
        or (head[:1].isdigit() and not head.endswith(lex.endings_of("aged")))
        or head in lex.words_of("number_words")
    )


def _group_kind(head: str, lex: Lexicon) -> str:
    """``"text"`` for a document (*the statement*: later *it*, never *they*), else ``"group"``."""
    return "text" if head in lex.documents else "group"


def _common_noun_before(
    text: str, toks: list[Token], end: int, lex: Lexicon, lo: int
) -> Phrase | None:
    """``the email said``, ``a narrator says``: a determiner and up to two lower-case words."""
    k = end
    while (
        k > max(lo, end - 2)
        and toks[k - 1].kind == "w"
        and not toks[k - 1].cap
        and toks[k - 1].low not in lex.words_of("not_names")
        and toks[k - 1].low not in lex.skip  # "the plan was described": no noun ends in "was"
    ):
        k -= 1
    if k == end or k <= lo or toks[k - 1].low not in lex.words_of("definite"):
        return None
    if k - 2 >= lo and toks[k - 2].low in lex.words_of("object_prepositions"):
        # "in his speech called": not the subject; a name before it is ("Trump in his speech")
        before = phrase_before(text, toks, k - 2, lex, lo, outer=False)
        if before is not None and before.name is not None and before.kind == "person":
            before.end = end
            before.via = True
            return before
        return None
    head = toks[end - 1].low
    if (lex.cue_kind(head) is not None and head not in lex.documents) or _not_a_source(head, lex):
        return None
    role = _span_text(text, toks, k, end)
    kind = "person" if head.endswith(lex.endings_of("aged_person")) else _group_kind(head, lex)
    return Phrase(k - 1, end, None, role, kind, "")


def phrase_apposed(text: str, toks: list[Token], end: int, lex: Lexicon, lo: int) -> Phrase | None:
    """A name with an appositive before a cue: ``Jane Doe, a spokeswoman for X, said``, ``Sarandon, 69, told``."""
    if end - 1 <= lo or toks[end - 1].text != ",":
        return None
    return _apposed_one(text, toks, end, lex, lo) or _apposed_chain(text, toks, end, lex, lo)


#: Punctuation an appositive may hold.
_APPOSITIVE_MARKS = frozenset(["-", "\u2019", "'", "(", ")", ".", "&"])


def _apposed_chain(text: str, toks: list[Token], end: int, lex: Lexicon, lo: int) -> Phrase | None:
    """A full name with an appositive of several comma-separated parts before a cue:
    ``Jane Doe, 67, a retired nurse in Aurora, Colo., said``, ``Jane Doe, 30, of Aurora,
    Colo., who voted early, said``, ``Jane Doe, wearing a red cap, said``.

    The first part is an age, a description (``a retired nurse``), a place (``of Aurora``),
    a relative clause or a participle; the others have no quotation and are short.
    """
    limit = max(lo, end - 36)
    commas: list[int] = []
    j = end - 2
    while j > limit:
        tok = toks[j]
        if tok.text == ",":
            commas.append(j)
            if len(commas) == 4:
                break
        elif tok.kind != "w" and tok.text not in _APPOSITIVE_MARKS:
            return None
        j -= 1
    # commas[-1] is the earliest comma; the name ends there, and at least two parts follow it
    for n in range(len(commas), 1, -1):
        c = commas[n - 1]
        first = toks[c + 1 : commas[n - 2]]
        if not first or any(len(part) > 14 for part in _parts(toks, commas[:n], end)):
            continue
        head = first[0]
        kind = ""
        if head.text.isdigit() and len(first) == 1:
            kind = "age"
        elif head.low in ("a", "an", "the") and len(first) > 1 and not first[1].cap:
            kind = "described"
        elif head.low in ("of", "from", "who") or (
            head.kind == "w" and not head.cap and head.low.endswith("ing")
        ):
            kind = "aside"
        if not kind:
            continue
        phrase = phrase_before(text, toks, c, lex, lo)
        if (
            phrase is None
            or phrase.name is None
            or phrase.kind != "person"
            or " " not in phrase.name
        ):
            continue
        if phrase.role is None:
            for part in _parts(toks, commas[:n], end):
                if len(part) > 1 and part[0].low in ("a", "an", "the") and not part[1].cap:
                    phrase.role = _span_text(text, part, 1, len(part))
                    break
        phrase.end = end
        return phrase
    return None


def _parts(toks: list[Token], commas: list[int], end: int) -> list[list[Token]]:
    """The comma-separated parts between the earliest of *commas* (descending) and ``end - 1``."""
    bounds = [*reversed(commas), end - 1]
    return [toks[a + 1 : b] for a, b in pairwise(bounds)]


def _role_then_name(
    text: str, toks: list[Token], role: Phrase, j: int, end: int, lex: Lexicon
) -> Phrase | None:
    """``The deputy, Omar Haddad, said``: a role, then the name of its holder between commas."""
    named = phrase_after(text, toks, j + 1, lex, end - 1)
    if named is None or named.name is None or named.kind != "person" or named.end != end - 1:
        return None
    if named.role is None and role.role is not None:
        named.role = role.role
    named.start = role.start
    named.end = end
    return named


def _apposed_one(text: str, toks: list[Token], end: int, lex: Lexicon, lo: int) -> Phrase | None:
    """:func:`phrase_apposed` with an appositive of one part (the comma at ``end - 1``)."""
    j = end - 2
    limit = max(lo, end - 26)
    while j > limit and toks[j].text != ",":
        if toks[j].kind != "w" and toks[j].text not in "-’'().&":
            return None
        j -= 1
    if j <= lo or toks[j].text != "," or j == end - 2:
        return None
    name_end = j
    if j - 2 > lo and toks[j - 1].low in ("who", "which") and toks[j - 2].text == ",":
        name_end = j - 2  # "Bret Stephens, who, after trading insults with …, said"
    elif toks[j - 1].text == ")":
        # "Rep. Jim Jordan (R-Ohio), an oversight panel member, said": skip the party and state
        k = j - 2
        while k > max(lo, j - 8) and toks[k].text != "(":
            k -= 1
        if toks[k].text == "(" and k > lo:
            name_end = k
    phrase = phrase_before(text, toks, name_end, lex, lo)
    if phrase is not None and phrase.name is None and phrase.role is not None:
        return _role_then_name(text, toks, phrase, j, end, lex)
    if phrase is None or phrase.name is None:
        return None
    segment = toks[j + 1 : end - 1]
    if segment[0].low in lex.words_of("aside"):
        phrase.end = end  # "Mrs. Clinton, in response to …, accused"
        return phrase
    titled = any(t.low in lex.titles for t in segment)
    # "a writer for The Atlantic", "the executive director at …": an appositive noun phrase
    described = (
        segment[0].low in ("a", "an", "the")
        and (
            (len(segment) > 1 and not segment[1].cap)
            # "the No. 2 in the party", "the U.S. envoy to Japan": a lower-case word further on
            or (len(segment) > 3 and any(t.kind == "w" and not t.cap for t in segment[2:]))
        )
    )
    if len(segment) > (22 if titled or described else 14):
        return None
    if titled or described:
        first = 1 if segment[0].low in ("a", "an", "the") else 0
        if first < len(segment):
            phrase.role = _span_text(text, segment, first, len(segment))
    elif (
        not (len(segment) == 1 and segment[0].text.isdigit())
        and not _party_state(segment)
        and not (phrase.via and len(segment) <= 3 and all(t.cap for t in segment))
    ):
        return None  # (a place after a place is fine: "Jane Doe of Aurora, Colorado, said")
    phrase.end = end
    return phrase


def _party_state(segment: list[Token]) -> bool:
    """``R-Ky.``, ``D-N.Y.``, ``I-Vt``: a party and a state after a name."""
    first = segment[0].text
    return len(segment) <= 3 and len(first) > 2 and first[0] in "RDI" and first[1] == "-"


def phrase_after(text: str, toks: list[Token], start: int, lex: Lexicon, hi: int) -> Phrase | None:
    """The noun phrase starting at token *start* (ending before token *hi*), or None."""
    if start >= hi:
        return None
    first = toks[start]
    if first.kind == "w" and first.low in lex.pronouns:
        return Phrase(
            start, start + 1, None, None, "pronoun", lex.pronouns[first.low], pronoun=first.low
        )
    b = start
    if toks[b].low in lex.determiners or toks[b].low in ("one", "another"):
        b += 1
    limit = min(hi, start + _MAX_PHRASE)
    # "said trader Paul Smith", "said master of ceremonies Jane Doe": a few lower-case role
    # words (one "of", "at", "for" or "from" among them) before a name
    if (
        b + 2 < limit
        and toks[b].cap
        and toks[b].low.endswith(_POSSESSIVES)
        and toks[b + 1].kind == "w"
        and not toks[b + 1].cap
    ):
        b += 1  # "says Wise's dad, Darrin": a possessive name before the role words
    k = b
    roles_end = min(limit, b + 3)
    while k < roles_end and toks[k].kind == "w" and not toks[k].cap:
        low = toks[k].low
        if low in lex.words_of("not_names"):
            if low not in lex.words_of("role_links") or k == b or roles_end > b + 3:
                break
            roles_end = min(limit, roles_end + 2)  # the link and the word after it
        if lex.cue_kind(low) is not None or low in lex.determiners:
            break
        k += 1
    if (
        b < k < limit
        and toks[k].kind == "w"
        and toks[k].cap
        and toks[k].low not in lex.words_of("not_names")
        and toks[k - 1].low not in lex.words_of("role_links")  # "said a professor at Yale": Yale is no speaker
    ):
        b = k
    elif b < k < limit - 1 and toks[k].text == "," and toks[k - 1].low not in lex.words_of("role_links"):
        # "said his best friend at college, Bruce Lee.": a role, a comma, then the name
        named = _apposed_name(text, toks, k + 1, lex, hi)
        if named is not None:
            named.start = start
            role_start = start + 1 if toks[start].low in ("a", "an", "the") else start
            named.role = _span_text(text, toks, role_start, k)
            return named
    if b > start and toks[b - 1].low.endswith(_POSSESSIVES):
        b = start  # (no name after the possessive's role words: read the phrase as it comes)
    while b < limit and (_is_np_word(toks[b], lex) or _after_title(toks, b, lex, start)):
        b += 1
    if (
        start < b < limit - 1
        and toks[b].kind == "w"
        and not toks[b].cap
        and (toks[b + 1].cap or (b + 2 < limit and toks[b + 2].cap))
        and _role_word(toks[b], lex)
        and (toks[start].cap or toks[start].text[0].isdigit())
        and all(t.cap or t.text[0].isdigit() or t.low in lex.role_modifiers for t in toks[start:b])
    ):
        # "says Cambridge cartoonist Jane Doe": a place, a role word or two, then a name
        r = b
        while r < min(limit, b + 2) and _role_word(toks[r], lex):
            r += 1
        if (
            r < limit
            and role_noun(toks[r - 1].low, lex)
            and toks[r].cap
            and _is_np_word(toks[r], lex)
        ):
            b = r
            while b < limit and _is_np_word(toks[b], lex):
                b += 1
    if b == start:
        return None
    phrase = _build(text, toks, start, b, lex)
    if phrase is None and toks[start].low in lex.words_of("definite"):
        # "says a narrator.", "said the ruling.", "says the ad's narrator,": a determiner and up
        # to three words ending in a lower-case noun, then the sentence or clause ends, maybe
        # after a prepositional phrase ("reads a Wednesday editorial in The Register.")
        h = start + 1
        if (
            toks[start].low in ("one", "another")
            and h + 2 < hi
            and toks[h].low == "of"
            and toks[h + 1].low in lex.words_of("member_of")
        ):
            h += 2  # "said one of those advisers": a member of the group
        c = h
        while (
            c < min(hi, h + 5)
            and toks[c].kind == "w"
            and toks[c].low not in lex.words_of("not_names")
            and toks[c].low not in lex.skip
        ):
            c += 1
        end = c
        if h < c < hi and toks[c].low in lex.words_of("phrase_prepositions"):
            d = c + 1
            while d < min(hi, c + 8) and toks[d].kind == "w" and lex.cue_kind(toks[d].low) is None:
                d += 1
            if d > c + 1 and (d >= hi or toks[d].kind == "p"):
                end = d
        if (
            h < c
            and not toks[c - 1].cap
            and (end >= hi or toks[end].kind == "p")
            and not _not_a_source(toks[c - 1].low, lex)
        ):
            kind = _group_kind(toks[c - 1].low, lex)
            return Phrase(start, end, None, _span_text(text, toks, h, end), kind, "")
    if phrase is None:
        return None
    # An appositive role after the name: "said Jane Doe, a spokeswoman for the campaign."
    if phrase.name and phrase.role is None and b + 1 < hi and toks[b].text == ",":
        c = b + 1
        if (
            toks[c].low in lex.determiners
            or toks[c].low in lex.titles
            or toks[c].low in lex.role_modifiers
        ):
            d = c
            while d < min(hi, c + 2 * _MAX_PHRASE) and toks[d].kind == "w":
                d += 1
            role_start = c + 1 if toks[c].low in ("a", "an", "the") else c
            if d > role_start and any(t.low in lex.titles for t in toks[role_start:d]):
                phrase.role = _span_text(text, toks, role_start, d)
                phrase.end = d
    return phrase


def _apposed_name(text: str, toks: list[Token], start: int, lex: Lexicon, hi: int) -> Phrase | None:
    """A bare name at token *start* that ends its clause (``…, Bruce Lee.``), or None."""
    first = toks[start]
    if (
        first.kind != "w"
        or not first.cap
        or first.low in lex.pronouns
        or first.low in lex.determiners
    ):
        return None
    b = start
    limit = min(hi, start + 4)
    while b < limit and toks[b].kind == "w" and toks[b].cap and toks[b].low not in lex.words_of("not_names"):
        b += 1
    if b == start or (b < hi and toks[b].kind == "w"):
        return None
    named = _build(text, toks, start, b, lex)
    if named is None or named.name is None or named.role is not None or named.kind != "person":
        return None
    return named


_GENDERS = ("male", "female")


def _role_head(role: str, lex: Lexicon) -> str:
    """The head noun of a role, lower case: its last word before a prepositional phrase
    (``director`` of ``director of the Ridge Institute``, ``person`` of ``person close to the
    mayor``)."""
    words = role.lower().split()
    for k in range(1, len(words)):
        if words[k] in lex.words_of("phrase_prepositions"):
            return words[k - 1]
    return words[-1]


class Entity:
    """Someone (or an organisation) who speaks in the article."""

    __slots__ = ("gender", "introduced", "kind", "name", "role", "seen", "strong")

    def __init__(self, name: str, role: str | None, kind: str, gender: str) -> None:
        self.name = name
        self.role = role
        self.kind = kind
        self.gender = gender
        self.seen = 0  # when the registry last met it (its clock)
        self.introduced = -1  # when the text introduced it (*accountant Jane Doe, 50*), or -1
        # Evidence that this is a person: a full name, a role or a gendered title.
        self.strong = kind == "person" and (" " in name or role is not None or gender != "")


class Registry:
    """The speakers of one article, for later mentions and pronouns."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.by_name: dict[str, Entity] = {}
        self.by_part: dict[str, Entity] = {}
        self.by_role: dict[str, Entity] = {}
        self.recent: list[Entity] = []  # most recent last; bounded
        self.passing: list[Entity] = []  # names met in passing, not as subjects; bounded
        self._keys: dict[str, str] = {}
        self.clock = 0  # counts the mentions met

    def key(self, name: str) -> str:
        """The comparison key of *name* (cached)."""
        found = self._keys.get(name)
        if found is None:
            found = self._keys[name] = name_key(name)
        return found

    def _pass(self, entity: Entity) -> None:
        self.clock += 1
        entity.seen = self.clock
        passing = self.passing
        if passing and passing[-1] is entity:
            return
        passing.append(entity)
        if len(passing) > 16:
            del passing[0]

    def _remember(self, entity: Entity) -> None:
        self.clock += 1
        entity.seen = self.clock
        if self.recent and self.recent[-1] is entity:
            return
        self.recent.append(entity)
        if len(self.recent) > 16:
            del self.recent[0]

    def demote(self) -> None:
        """Every entity met so far counts as met in passing (not as a subject or speaker)."""
        passing = [e for e in self.passing if e not in self.recent] + self.recent
        self.passing = passing[-16:]
        self.recent = []

    def introduce(self, phrase: Phrase) -> Entity | None:
        """Register a person the text introduces in passing (*accountant Jane Doe, 50*): a
        gendered pronoun after it may mean this person rather than an earlier speaker."""
        entity = self.mention(phrase, salient=False)
        if entity is not None and entity.kind == "person":
            entity.introduced = self.clock
        return entity

    def mention(self, phrase: Phrase, salient: bool = True) -> Entity | None:
        """Resolve a named or role phrase to an entity (registering a new one).

        With *salient* False (a name met in passing, not a subject), the entity
        does not become the most recent one: a pronoun takes it only when no
        subject or speaker fits.
        """
        if phrase.name:
            key = self.key(phrase.name)
            entity = self.by_name.get(key)
            parts = key.split()
            if entity is None and len(parts) == 1:
                entity = self.by_part.get(key)
            if entity is None and len(parts) > 1:
                # "Mr. Peskov" was cut to "Peskov" already; "Dmitry S. Peskov" matches "Dmitry Peskov"?
                cand = self.by_part.get(parts[-1])
                if cand is not None and self.key(cand.name).split()[0] == parts[0]:
                    entity = cand
            if (
                entity is not None
                and len(parts) == 1
                and phrase.gender in _GENDERS
                and entity.gender in _GENDERS
                and entity.gender != phrase.gender
            ):
                entity = None  # "Ms. Khan" after "Humayun Khan": another person of that name
            if entity is None:
                entity = Entity(phrase.name, phrase.role, phrase.kind, phrase.gender)
                self.by_name[key] = entity
                if len(parts) == 1:
                    self.by_part.setdefault(key, entity)
            if entity.kind == "person" and len(parts) > 1:
                self.by_part[parts[-1]] = entity  # "Clinton" is the Clinton named last
            if phrase.gender and not entity.gender:
                entity.gender = phrase.gender
            if entity.kind == "person" and (phrase.role or phrase.gender):
                entity.strong = True
            if phrase.role:
                head = _role_head(phrase.role, self.lex)
                self.by_role[head] = entity
                if entity.role is None:
                    entity.role = phrase.role
            if salient:
                self._remember(entity)
            else:
                self._pass(entity)
            return entity
        if phrase.role:
            words = phrase.role.lower().split()
            head = _role_head(phrase.role, self.lex)
            entity = (
                self.by_role.get(head) if phrase.kind != "org" or head in self.by_role else None
            )
            text_before = phrase.role.lower()
            definite = not text_before.startswith(
                ("a ", "an ", "one ", "two ", "some ", "several ")
            )
            if entity is not None and entity.role is not None:
                known = entity.role.lower().split()
                ranks = self.lex.words_of("ranks")
                if any(w in ranks and w not in known for w in words[:-1]):
                    entity = None  # "the former president" is not the vice president met before
            if entity is not None and definite and phrase.gender != "plural":
                self._remember(entity)
                return entity
            return None
        return None

    def knows(self, name: str) -> bool:
        """Whether *name* (a full name or a surname) has been met."""
        key = self.key(name)
        return key in self.by_name or key in self.by_part

    def pronoun(self, phrase: Phrase) -> Entity | None:
        """The most recent speaker that fits the pronoun of *phrase*."""
        want = phrase.gender
        if want in ("male", "female"):
            found = self._gendered(self.recent, want) or self._gendered(self.passing, want)
            for entity in reversed(self.passing):
                if entity.introduced < 0:
                    continue
                if (
                    entity.gender == want
                    and entity.kind == "person"
                    and (found is None or entity.introduced > found.seen)
                ):
                    # "… accountant Jane Doe, 50. “…,” she says": the person just introduced,
                    # not the speaker met before her
                    found = entity
                break
            if found is not None and not found.gender:
                found.gender = want  # "…, she said": she is a woman from now on
            return found
        for entity in reversed(self.recent):
            if want == "plural":
                if entity.kind in ("org", "group") or entity.gender == "plural":
                    return entity
            elif want == "org" and entity.kind in ("org", "text"):
                return entity
        return None

    @staticmethod
    def _gendered(entities: list[Entity], want: str) -> Entity | None:
        """The most recent strong person of gender *want* (or unknown), else the most recent one."""
        found = None
        for entity in reversed(entities):
            if entity.kind == "person" and entity.gender in (want, ""):
                if entity.strong:
                    return entity
                found = found or entity
        return found

    def note(self, entity: Entity, spoke: bool = False) -> None:
        """Record a mention of *entity* (it becomes the most recent); *spoke*: it is a cue's speaker."""
        if spoke and entity.kind == "person":
            entity.strong = True
        self._remember(entity)
