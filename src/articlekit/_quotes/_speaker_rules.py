"""Speaker rules for a quotation that its sentence's cues do not attribute.

Each rule is a named unit of :mod:`articlekit._quotes._rules`, run by
:func:`~articlekit._quotes._attribute.attribute` in the order listed there: a dash and a name
(``dash-speaker``), a transcript label (``label-speaker``), a name and a past tense after the
quotation (``said-by-verb``), the cue of the next sentence (``said-after``), the speaker of the
quotation's other paragraphs (``group-speaker``), a signature line (``sign``).  Each reads at
most the sentence, or the next one.
"""

from __future__ import annotations

import bisect
import re
from operator import attrgetter

from articlekit._model import Speaker
from articlekit._quotes._kinds import starts_upper
from articlekit._quotes._marks import RawQuote
from articlekit._quotes._speakers import (
    Phrase,
    phrase_after,
    phrase_before,
)
from articlekit._quotes._state import (
    Cue,
    Said,
    Span,
    State,
    new_quote,
    speaker_of,
    where,
)
from articlekit._quotes._subjects import (
    find_subject,
    past_verb,
)
from articlekit._quotes._text import Token

DASHES = frozenset(("\u2015", "\u2014", "\u2013", "-", "--"))  # a hyphen too: “…” - Jane Doe


#: "NAME: …" at the start of a quotation: a transcript's speaker label (group 1).
_LABEL = re.compile(r"\s{0,3}([A-Z][A-Z'\u2019.\- ]{1,30}):\s")


def label_speaker(state: State, body: str, at: int) -> Said | None:
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


def said_by_verb(state: State, toks: list[Token], i: int, s1: int) -> Said | None:
    """``“…,” an angry Hollande retaliated.``, ``“…,” reacted Trump.``: a name (or a pronoun) and
    a verb in the past tense that end the sentence right after a quotation say it, though the verb
    is no cue of the lexicon."""
    j = i + 1
    if j < s1 and toks[j].text == ",":
        j += 1
    if j < s1 and past_verb(toks[j], state.lex):
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
    if not past_verb(verb, state.lex):
        return None
    if v + 1 < s1 and toks[v + 1].kind == "w":
        return None  # more than "NAME VERB.": a sentence of its own
    speaker, _ = speaker_of(state, phrase)
    return (speaker, verb.text, where(toks, phrase)) if speaker is not None else None


def dash_speaker(state: State, toks: list[Token], i: int, s1: int) -> Said | None:
    """``“…” — Jane Doe``: a name after a dash closes a quotation (a pull quote, a roundup).

    The name must end the sentence, stand before the next quotation or before a comma
    (``— Jane Doe, Ohio``).
    """
    j = i + 1
    if j + 1 >= s1 or toks[j].text not in DASHES:
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


def sign_line(state: State, toks: list[Token], index: int) -> None:
    """A line ``— Jane Doe.`` (``-Jane Doe, Ohio.``) after a line that ended with a quotation
    nobody is given signs that quotation, as in a roundup of quotes."""
    j = 0
    while j < len(toks) and toks[j].text in DASHES:
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


def unresolved_cue_after(toks: list[Token], i: int, cues: list[Cue]) -> bool:
    """Whether a speech cue with no speaker follows the quotation token *i* (after a comma)."""
    j = bisect.bisect_right(cues, i, key=_cue_start)  # (the cues are in text order)
    if j >= len(cues):
        return False
    cue = cues[j]
    if cue.a > i + 2 or cue.kind != "speech" or cue.speaker is not None:
        return False
    return all(toks[k].text == "," for k in range(i + 1, cue.a))


def ends_sentence(toks: list[Token], i: int, s1: int) -> bool:
    """Whether only punctuation follows the quotation token *i* before token *s1* (the end of
    its sentence, or of its line)."""
    return all(toks[k].kind == "p" for k in range(i + 1, s1))


def said_after(
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


def fill_groups(state: State, raw: list[RawQuote]) -> None:
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


#: Dashes that introduce a quotation after its speaker's sentence (and ``--``, two tokens).
_INTRODUCING_DASHES = frozenset(("\u2014", "\u2013"))


def quote_speaker(
    state: State,
    toks: list[Token],
    i: int,
    s0: int,
    s1: int,
    q: RawQuote,
    body: str,
    cues: list[Cue],
    picked: Cue | None,
    right_after: bool,
    is_direct: bool,
    previous_line: Said | None,
) -> tuple[bool, Speaker | None, str | None, Span | None]:
    """Whether the quotation at token *i* of the sentence ``s0:s1`` is direct, and its speaker,
    cue and mention: the picked cue's, else the first of these rules (each switchable, in this
    order) that finds one: ``upper-after-cue`` (the kind only), ``dash-speaker``,
    ``label-speaker``; then, for a direct quotation with no speaker yet, ``said-by-verb``,
    ``colon-name``, ``group-speaker`` and ``last-speaker``, ``colon-subject``."""
    on = state.on
    if (
        not is_direct
        and right_after
        and "upper-after-cue" in on
        and starts_upper(body)
        and body.rstrip()[-1:] in ",.?!"
    ):
        is_direct = True  # Then “Real quote,” said Ana Diaz.
    labelled: Said | None = None
    if (
        not right_after
        and "dash-speaker" in on
        and i + 1 < s1
        and toks[i + 1].text in DASHES
        and starts_upper(body)
    ):
        labelled = dash_speaker(state, toks, i, s1)  # “…” ― Jane Doe
        if labelled is not None:
            is_direct = True
    if is_direct and "label-speaker" in on:
        labelled = label_speaker(state, body, q.start) or labelled  # “PENCE: …”
    speaker: Speaker | None = None
    cue_text: str | None = None
    mention: Span | None = None
    if picked is not None:
        speaker, cue_text, mention = picked.speaker, picked.surface, picked.mention
    if labelled is not None:
        speaker, cue_text, mention = labelled
    if speaker is not None or not is_direct:
        return is_direct, speaker, cue_text, mention
    if picked is None and "said-by-verb" in on:
        labelled = said_by_verb(state, toks, i, s1)  # "“…,” Hollande retaliated."
        if labelled is not None:
            speaker, cue_text, mention = labelled
    if speaker is None and i > s0 and toks[i - 1].text == ":" and "colon-name" in on:
        named = _colon_name(state, toks, i, s0)
        if named is not None:
            speaker, mention = named
    if speaker is None:
        earlier = _earlier_speaker(state, toks, i, q, cues, previous_line)
        if earlier is not None:
            speaker, cue_text, mention = earlier
    if speaker is None and "colon-subject" in on and _introduced_by_subject(toks, i, s0, s1):
        # "He has apologized: “…”", "Trump also embraced torture -- “…”"
        subject = find_subject(state, toks, s0, i - 1)
        if subject is not None:
            speaker, mention = subject[0], subject[2]
    return is_direct, speaker, cue_text, mention


def _colon_name(
    state: State, toks: list[Token], i: int, s0: int
) -> tuple[Speaker | None, Span | None] | None:
    """Rule ``colon-name``: the named person right before the colon that opens the quotation
    at token *i* (``… doesn't surprise Republican pollster Daron Shaw: “…”``), before the
    speaker of an earlier sentence (``Kasich resisted: “…”``)."""
    lex = state.lex
    named = phrase_before(state.text, toks, i - 1, lex, s0)
    if named is not None and named.name is not None and named.kind == "person":
        speaker, _ = speaker_of(state, named)
        return speaker, where(toks, named)
    if toks[s0].low not in lex.pronouns:
        # "Clinton has since apologized for what happened: “…”" (a pronoun subject is read
        # after the speaker of the previous quotation)
        subject = find_subject(state, toks, s0, i - 1)
        if subject is not None:
            return subject[0], subject[2]
    return None


def _earlier_speaker(
    state: State,
    toks: list[Token],
    i: int,
    q: RawQuote,
    cues: list[Cue],
    previous_line: Said | None,
) -> Said | None:
    """Rules ``group-speaker`` (the speaker of the quotation's earlier paragraphs) and
    ``last-speaker`` (the last speaker of the line, or of the line before for a quotation
    that opens its line); none when a cue after the quotation has no speaker (``“…,” wrote
    the authors of …``: someone the text names, not the last speaker)."""
    on = state.on
    if q.group >= 0 and q.group in state.group_speaker and "group-speaker" in on:
        return state.group_speaker[q.group]
    if unresolved_cue_after(toks, i, cues):
        return None
    if state.last is not None and state.last[0] is not None and "last-speaker" in on:
        return state.last
    if i == 0 and previous_line is not None and "last-speaker" in on:
        return previous_line
    return None


def _introduced_by_subject(toks: list[Token], i: int, s0: int, s1: int) -> bool:
    """Whether the quotation at token *i* follows a colon or a dash that ends its speaker's
    clause (rule ``colon-subject``), or a comma when the quotation ends the sentence."""
    if i <= s0 + 2:
        return False
    before = toks[i - 1].text
    return (
        before == ":"
        or before in _INTRODUCING_DASHES
        or (before == "-" and toks[i - 2].text == "-")
        or (before == "," and ends_sentence(toks, i, s1))
    )
