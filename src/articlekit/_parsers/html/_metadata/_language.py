"""The page's language: what it declares, checked against what its text is written in.

Declarations, most trusted first (:data:`LANGUAGE_TRUST`): ``<html lang>``;
``content-language``; ``og:locale``; JSON-LD ``inLanguage``; ``dc.language``.
Each is normalised to a BCP 47 tag (:func:`normalize_language`).  Without a
declaration, a cheap guess from the title, description, standfirst and first
paragraphs (:func:`guess_language`: script first, then stop words) is used with
a warning.  A declaration contradicted by the script of the text (a Korean page
declaring ``en``), or clearly by its stop words, yields to the text (warned).

Bounds: a declaration is read up to 50 characters; the text sample is 1,500
characters.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from articlekit._parsers.html._metadata._jsonld import _ld_str
from articlekit._parsers.html._metadata._sources import _first_meta, _Page
from articlekit._textutil import clean_name

_LANG = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{4}))?(?:[-_]([A-Za-z]{2}|\d{3}))?(?:[-_.].*)?$")
_NOT_LANGUAGES = frozenset(("und", "mul", "zxx", "xx", "null", "none", "nil", "all"))


def normalize_language(value: str) -> str | None:
    """A BCP 47 tag from a page's declaration, or None.

    >>> normalize_language("en_US"), normalize_language("EN-gb"), normalize_language("zh-hant-tw")
    ('en-US', 'en-GB', 'zh-Hant-TW')
    >>> normalize_language("English") is None
    True
    """
    text = clean_name(value[:50]).split(",")[0].split(";")[0].strip()
    m = _LANG.match(text)
    if not m:
        return None
    lang = m.group(1).lower()
    if lang in _NOT_LANGUAGES:
        return None
    tag = lang
    if m.group(2):
        tag += "-" + m.group(2).title()
    if m.group(3):
        tag += "-" + m.group(3).upper()
    return tag


_STOPWORDS = {
    "en": ("the", "and", "of", "to", "is", "that", "for", "with", "was", "on", "are", "it"),
    "de": ("der", "die", "und", "das", "ist", "nicht", "mit", "den", "ein", "sich", "auch", "für"),
    "fr": ("le", "la", "les", "et", "des", "est", "une", "dans", "pour", "que", "qui", "pas"),
    "es": ("el", "la", "los", "las", "y", "que", "del", "por", "una", "para", "con", "es"),
    "it": ("il", "della", "che", "di", "per", "una", "non", "sono", "gli", "delle", "nel", "è"),
    "pt": ("o", "os", "que", "não", "uma", "para", "com", "do", "da", "em", "dos", "é"),
    "nl": ("de", "het", "een", "van", "en", "niet", "dat", "zijn", "voor", "met", "ook", "op"),
}
_STOPSETS = {lang: frozenset(words) for lang, words in _STOPWORDS.items()}
#: Each stop word with the languages it belongs to, in the order of :data:`_STOPWORDS`.
_STOPWORD_LANGS: dict[str, tuple[str, ...]] = {
    word: tuple(lang for lang, stopset in _STOPSETS.items() if word in stopset)
    for words in _STOPWORDS.values()
    for word in words
}
_WORD = re.compile(r"[^\W\d_]+")
#: Runs of characters of each non-Latin script, and of Latin letters.
_SCRIPTS = {
    "ko": re.compile("[\uac00-\ud7af\u1100-\u11ff]+"),
    "ja": re.compile("[\u3040-\u30ff]+"),
    "han": re.compile("[\u4e00-\u9fff]+"),
    "ru": re.compile("[\u0400-\u04ff]+"),
    "ar": re.compile("[\u0600-\u06ff]+"),
    "he": re.compile("[\u0590-\u05ff]+"),
    "el": re.compile("[\u0370-\u03ff]+"),
    "th": re.compile("[\u0e00-\u0e7f]+"),
    "latin": re.compile("[A-Za-z\u00c0-\u024f]+"),
}
_NON_LATIN = re.compile("[\u0370-\u06ff\u0e00-\u0e7f\u1100-\u11ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]+")
_SCRIPT_LANGUAGES = frozenset(("ko", "ja", "zh", "ru", "ar", "he", "el", "th"))


def _run_length(pattern: re.Pattern[str], text: str) -> int:
    """How many characters of *text* the runs *pattern* matches cover."""
    return sum(map(len, pattern.findall(text)))


def _stopword_scores(text: str, words: list[str] | None = None) -> dict[str, int]:
    if words is None:
        words = _WORD.findall(text[:1_500])
    scores = dict.fromkeys(_STOPWORDS, 0)
    for word in words:
        langs = _STOPWORD_LANGS.get(word) or _STOPWORD_LANGS.get(word.casefold())
        if langs:
            for lang in langs:
                scores[lang] += 1
    return scores


def _stopwords_confident(text: str, guessed: str, declared: str) -> bool:
    """True when the stop words of *text* clearly say *guessed* and not *declared*."""
    scores = _stopword_scores(text)
    best = scores.get(guessed, 0)
    return best >= 8 and scores.get(declared, 0) * 4 <= best


def guess_language(text: str) -> str | None:
    """A cheap guess of the language of *text*: script first, then stop words.

    Hangul -> ``ko``, kana -> ``ja``, Han only -> ``zh``, Cyrillic -> ``ru``,
    Arabic -> ``ar``, Hebrew -> ``he``, Greek -> ``el``, Thai -> ``th``;
    Latin script -> the language of :data:`_STOPWORDS` whose stop words are
    most frequent (English, German, French, Spanish, Italian, Portuguese,
    Dutch), if any are.

    >>> guess_language("The cat and the dog are in the garden"), guess_language("서울 뉴스")
    ('en', 'ko')
    """
    sample = text[:1500]
    words = _WORD.findall(sample)
    letters = sum(map(len, words))
    if not letters:
        return None
    if sample.isascii():
        counts = {"latin": letters}
    elif _run_length(_NON_LATIN, sample) < letters * 0.05:
        counts = {"latin": _run_length(_SCRIPTS["latin"], sample)}
    else:
        counts = {key: _run_length(pattern, sample) for key, pattern in _SCRIPTS.items()}
    if counts.get("ko", 0) > letters * 0.2:
        return "ko"
    if counts.get("ja", 0) > letters * 0.05:
        return "ja"
    if counts.get("han", 0) > letters * 0.3:
        return "zh"
    for key in ("ru", "ar", "he", "el", "th"):
        if counts.get(key, 0) > letters * 0.4:
            return key
    if counts.get("latin", 0) < letters * 0.5:
        return None
    if len(words) < 5:
        return None
    best, best_score = None, 0
    for lang, score in _stopword_scores(sample, words).items():
        if score > best_score:
            best, best_score = lang, score
    return best if best_score >= max(2, len(words) // 20) else None


# --------------------------------------------------------------------------- collecting sources

#: The language declarations, most trusted first.
LANGUAGE_TRUST: tuple[tuple[str, Callable[[_Page], str]], ...] = (
    ("<html lang>", lambda page: page.src.html_lang),
    ("content-language", lambda page: _first_meta(page.src, "content-language")),
    ("og:locale", lambda page: _first_meta(page.src, "og:locale")),
    ("JSON-LD inLanguage", lambda page: _ld_str(page.art, "inLanguage")),
    ("dc.language", lambda page: _first_meta(page.src, "dc.language", "dcterms.language", "language")),
)


def read_language(page: _Page, texts: tuple[str | None, ...]) -> str | None:
    """The language of *page*; *texts* (title, description, standfirst) start the text sample."""
    declared = [
        tag
        for tag in (normalize_language(raw) for raw in (reader(page) for _name, reader in LANGUAGE_TRUST) if raw)
        if tag
    ]
    sample = " ".join(t for t in (*texts, *page.src.paragraphs) if t)[:1_500]
    guessed = guess_language(sample) if sample else None
    language = declared[0] if declared else None
    if language is None and guessed is not None:
        language = guessed
        page.warnings.append(f"language: none declared; guessed {guessed!r} from the text")
    elif language is not None and guessed is not None and language.split("-")[0] != guessed:
        primary = language.split("-")[0]
        agreeing = next((tag for tag in declared if tag.split("-")[0] == guessed), None)
        if guessed in _SCRIPT_LANGUAGES and not (guessed == "zh" and primary == "ja"):
            language = agreeing or guessed
        elif agreeing is not None and _stopwords_confident(sample, guessed, primary):
            language = agreeing
        elif primary in _STOPWORDS and _stopwords_confident(sample, guessed, primary):
            language = guessed
        if language.split("-")[0] != primary:
            page.warnings.append(
                f"language: declared {primary!r} but the text is written in {guessed!r}; used {language!r}"
            )
    return language
