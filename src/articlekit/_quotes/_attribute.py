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
state of :mod:`articlekit._quotes._state`, each in the module of its stage: the cues of a
sentence (:mod:`articlekit._quotes._finding`), who speaks or acts
(:mod:`articlekit._quotes._subjects`), the speaker of a quotation its cues leave without one
(:mod:`articlekit._quotes._speaker_rules`), the title's quotations
(:mod:`articlekit._quotes._headline_rules`), the kind rules (direct, fragment, name of a work:
:mod:`articlekit._quotes._kinds`) and the merge of quotations and reported speech
(:mod:`articlekit._quotes._merge`).  Word lists are the lexicon's
(:mod:`articlekit._quotes._cues`): a language's lists never run on another.  This module only
reads the lines, in order, once each (a line longer than 5,000 characters in pieces), and
calls the stages.

In the title, ``“…” – NAME``, ``“…”: NAME`` and ``NAME: “…”`` make a
``headline`` quotation; a headline quotation with no speaker takes the speaker
of the same words quoted in the body.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

from articlekit._limits import Limits
from articlekit._model import Quote, QuoteKind, Speaker
from articlekit._quotes._cues import Lexicon
from articlekit._quotes._finding import (
    find_cues,
    unknown_cue,
)
from articlekit._quotes._headline_rules import (
    fill_headlines,
    headline_speaker,
    title_colon,
)
from articlekit._quotes._kinds import (
    after_work_noun,
    bylined,
    has_letter,
    is_work_title,
    names_before,
    stands_alone,
)
from articlekit._quotes._marks import QuoteTexts, RawQuote, scan_quotes_counted
from articlekit._quotes._merge import (
    merge_quotes,
)
from articlekit._quotes._reported import reported_speech
from articlekit._quotes._rules import RULE_NAMES, for_language
from articlekit._quotes._speaker_rules import (
    DASHES,
    ends_sentence,
    fill_groups,
    quote_speaker,
    said_after,
    sign_line,
)
from articlekit._quotes._state import (
    SPEECH_ONLY,
    Cue,
    Span,
    State,
    new_quote,
)
from articlekit._quotes._subjects import (
    dateline_end,
    find_subject,
    last_speaking,
    mention_names,
    note_closing_subject,
    note_main_subject,
    parenthetical,
    resolve_cues,
)
from articlekit._quotes._text import Token, inert, sentences, tokenize

__all__ = ["attribute"]


_CHUNK = 5_000  # characters: longer lines are read in pieces


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


_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def _title_case(text: str, start: int, end: int) -> bool:
    """Whether the line ``start:end`` is written in Title Case: four words or more of four
    letters or more, three in four of them capitalised."""
    words = _LONG_WORD.findall(text, start, end)
    if len(words) < 4:
        return False
    upper = sum(1 for w in words if w[0].isupper())
    return 4 * upper >= 3 * len(words)


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
) -> tuple[list[Quote], bool, int]:
    """All quotations of *text*, attributed; *lines* are ``(start, end, is_title)`` ranges.

    Reported speech is read from the cues of the types in *reported* (see
    :meth:`Lexicon.cue_type`); the rules named in *disabled* (see
    :data:`~articlekit._quotes._rules.RULES`) do not run.  Also says whether
    ``limits.max_quotes`` cut the list, and how many quotations were skipped
    for being longer than ``limits.max_quote_chars``.
    """
    unknown = disabled - RULE_NAMES
    if unknown:
        raise ValueError(f"unknown attribution rules: {sorted(unknown)}")
    on = for_language(lex.language or "en") - disabled
    raw, overlong = scan_quotes_counted(text, max_chars=limits.max_quote_chars, max_quotes=limits.max_quotes + 1)
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
    after_title = False
    for start, end, is_title in _chunked(text, read, raw):
        if after_title and not is_title:
            # names read in a title in Title Case (*George Zimmerman Auctioning Off Gun*) are
            # no subjects for the body's pronouns: met in passing, a pronoun takes them last
            state.registry.demote()
            after_title = False
        if is_title and "title-case" in on and _title_case(text, start, end):
            after_title = True
        if (
            "furniture" in on
            and end - start <= _MAX_FURNITURE
            and (first >= len(raw) or raw[first].open >= end)
            and _furniture(text, start, end, lex)
        ):
            continue  # "Story continues below advertisement": not read, not a speaker
        unsigned, state.unsigned = state.unsigned, None
        signed = unsigned is not None and text[start] in DASHES
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
            sign_line(state, toks, unsigned)
        line_unsigned: tuple[int, int] | None = (
            None  # (quote index, token) of the line's last quotation
        )
        previous_line = state.last
        state.last = None
        first_names = lex.first_names
        quote_at = [k for k, t in enumerate(toks) if t.kind == "q"]
        unknown_cues = "unknown-cue" in on
        dateline = "dateline" in on
        cue_at = [k for k, t in enumerate(toks) if t.low in cue_words]
        if unknown_cues and quote_at:
            # "sniffed that “…”": a past tense outside the lexicon two tokens before a quotation
            extra = [
                i - 2
                for i in quote_at
                if i >= 2 and toks[i - 2].low not in cue_words and unknown_cue(toks, i - 2)
            ]
            if extra:
                cue_at = sorted(cue_at + extra)
        names_at = [k for k, t in enumerate(toks) if t.cap and t.low in first_names]
        tail: int | None = None  # a direct quotation that ended the previous sentence, with no cue
        for s0, s1 in sentences(toks, inner, starters):
            if dateline and not is_title:
                s0 = dateline_end(toks, s0, s1)  # "LOS ANGELES (AP) — …": the sentence after it
            cues = find_cues(toks, s0, s1, lex, is_title, cue_at, unknown_cues)
            if names_at and "mention-names" in on:
                mention_names(state, toks, s0, s1, names_at, "introduced" in on)
            if "subject" in on:
                _subject(state, toks, s0, s1, cues)
            resolve_cues(state, toks, s0, s1, cues)
            if tail is not None:
                if "said-after" in on:
                    said_after(state, toks, s0, s1, cues, tail)
                tail = None
            sentence_last = last_speaking(cues)
            direct: set[int] = set()
            for i in quote_at[bisect.bisect_left(quote_at, s0) : bisect.bisect_left(quote_at, s1)]:
                tok = toks[i]
                q = raw[tok.quote]
                body = inner[tok.quote]
                if is_title:
                    h_speaker, h_cue, h_mention = (
                        headline_speaker(state, toks, i) if "headline" in on else (None, None, None)
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
                    colon = title_colon(toks, i)
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
                is_direct, speaker, cue_text, mention = quote_speaker(
                    state, toks, i, s0, s1, q, body, cues, picked, right_after, is_direct,
                    previous_line,
                )
                if is_direct:
                    direct.add(tok.quote)
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
                if "work-title" in on and _work_title(
                    toks, i, s0, lex, title_body, right_after, picked
                ):
                    kind = "scare"
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
                note_main_subject(state, cues)
            note_closing_subject(state, toks, s0, s1)
            if sentence_last is not None:
                state.last = (sentence_last.speaker, sentence_last.surface, sentence_last.mention)
            if s1 > s0 and toks[s1 - 1].text == ":" and sentence_last is None:
                # "Jane Doe spoke at the meeting:": the subject is met; rule colon-line: when
                # the colon ends the line, the quotation that opens the next line is hers
                # ("Jane Doe made the following comment:" / "“…”")
                line_end = s1 == len(toks) and "colon-line" in on
                subject = find_subject(state, toks, s0, s1 - 1, loose=line_end)
                if subject is not None and line_end:
                    state.last = (subject[0], None, subject[2])
        if line_unsigned is not None:
            index, i = line_unsigned
            if state.quotes[index].speaker is None and ends_sentence(toks, i, len(toks)):
                state.unsigned = index
        if _enough(state, end, end_of_text):
            break
    if "group-speaker" in on:
        fill_groups(state, raw)
    if "fill-headlines" in on:
        fill_headlines(headline_pending, state, read.title_length())
    merged = merge_quotes(state)
    return merged, state.truncated or len(raw) > limits.max_quotes, overlong


def _subject(state: State, toks: list[Token], s0: int, s1: int, cues: list[Cue]) -> None:
    """Rule ``subject``: note the sentence's subject, the person a later pronoun may mean."""
    if not cues or (cues[0].a - s0 > 2 and not parenthetical(toks, s0, cues[0], state.lex)):
        find_subject(state, toks, s0, cues[0].a if cues else s1)
    elif cues[0].a == s0 and cues[0].participle:
        # "Noting that …, Schlafly put her finger on …": the subject after the comma
        find_subject(state, toks, s0, cues[1].a if len(cues) > 1 else s1)


def _work_title(
    toks: list[Token],
    i: int,
    s0: int,
    lex: Lexicon,
    title_body: str,
    right_after: bool,
    picked: Cue | None,
) -> bool:
    """Rule ``work-title``: whether the quotation at token *i* names a work, not speech."""
    if (
        not right_after
        or (picked is not None and picked.participle)
        or names_before(toks, i, s0, lex)
    ) and is_work_title(title_body, lex):
        # “The Big Short”, “Sunday Morning Futures”: a name (a participle after the name does
        # not say it: "on “Morning Joe,” adding …")
        return True
    # the reality show “The Apprentice,” / his book, “Crippled America: …”
    return after_work_noun(toks, i, s0, lex) and is_work_title(title_body, lex, loose=True)


def _enough(state: State, end: int, end_of_text: int) -> bool:
    """Whether ``limits.max_quotes`` quotes were found before *end*: the rest of the text is not read."""
    if len(state.quotes) + len(state.indirect) >= state.limits.max_quotes and end < end_of_text:
        state.truncated = True
        return True
    return False


#: Dashes that introduce a quotation after a clause, like a colon (not a hyphen).


