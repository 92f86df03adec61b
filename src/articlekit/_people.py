"""People in bylines: labels, names and organisations, for every reader.

A byline (``By Jane Doe and John Roe, Associated Press``) is read in this order:

1. its label.  :func:`opens_byline` (a text after an HTML headline) and
   :func:`byline_label` (a line of a plain-text dump) find one that opens a
   byline on its own (:data:`BYLINE_OPENERS`: ``By``, ``Written by``, ``Von``,
   ``Par``, ``Por`` ...); :func:`strip_label` removes any label from a text
   already known to be a byline, where weaker words label too (``From``,
   ``Di``, ``Af``, ``Published by``, ``Autor:`` ...);
2. its items: :func:`split_names` splits at ``,`` ``;`` ``|`` ``&``, *and*
   and its translations (*und*, *et*, *y*, *e*), *with*, a dash between
   spaces, a full stop between two words and a line break;
3. each item is an organisation (:func:`is_organisation`: a wire agency of
   :data:`AGENCIES`, an account of :data:`ACCOUNTS`, a name holding a word of
   :data:`ORGANISATION_WORDS`, the site itself or one of its desks, a one-word
   account in lower case, an acronym), a job title (:data:`ROLE_WORDS`) or a
   person's name (:func:`looks_like_name`: capitalised words, with the
   lower-case particles of :data:`PARTICLES`);
4. a name of several words in capitals is shown in title case (:func:`display_name`).

Two readers put these together.  :func:`split_byline` reads a text known to be
a byline (an HTML byline element, a ``<meta name=author>`` value, a JSON-LD
author) and is lenient: an item that is neither a name nor an organisation is
dropped.  :func:`read_names` decides whether a text is a list of names at all
(a line of a plain-text dump) and is strict: None as soon as one item is
something else; there a job title after a name is that person's role.

The plain-text reader still differs from the HTML one where its output was
kept as it was (each difference is named where its data is): it splits only at
``,`` ``;`` ``&`` and *and*; of :data:`ACCOUNTS` it credits only *Staff*; its
job titles are its own list; it also opens a byline with *Reported by*,
*Reporting by*, *Interview by* and ``Author:``, but not with *Door* or *Av*; a
name has at most five words, the first capitalised, and keeps *e* inside it
(``Silva e Costa``); a name in capitals is title-cased by :meth:`str.title`
(``O'Brien``; one word of four letters or more too).

The word lists are data, in this module.  Quote speakers read the same
:data:`PARTICLES` and :func:`is_acronym`; their cue lexicon
(``articlekit/_quotes/cues/en.json``) holds what is specific to quotes: titles
with their gender, the organisation words of news prose.

Bounds: :func:`split_byline` reads the first 1,000 characters of its text; an
item is checked once with a fixed number of patterns and set look-ups, so
every function runs in linear time on its input.

>>> split_byline("By Jane Doe and JOHN ROE, Associated Press")
(['Jane Doe', 'John Roe'], ['Associated Press'])
>>> read_names("Jane Doe, Staff Writer")
([('Jane Doe', 'Staff Writer')], [])
>>> read_names("the end of the year") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Final, NamedTuple

from articlekit._textutil import clean_name, name_key

__all__ = [
    "ACCOUNTS",
    "AGENCIES",
    "BYLINE_OPENERS",
    "CREDENTIALS",
    "ORGANISATION_WORDS",
    "PARTICLES",
    "ROLE_WORDS",
    "byline_label",
    "display_name",
    "is_acronym",
    "is_given_name",
    "is_link_label",
    "is_organisation",
    "looks_like_name",
    "opens_byline",
    "read_names",
    "split_byline",
    "split_names",
    "squash",
    "strip_label",
    "uninvert",
]

# --------------------------------------------------------------------------- data

#: News agencies and wire services (compared by :func:`name_key`): credits, never authors.
AGENCIES: Final = frozenset(
    name_key(n)
    for n in (
        "Reuters", "Thomson Reuters", "AP", "The Associated Press", "Associated Press", "AFP",
        "Agence France-Presse", "Agence France Presse", "UPI", "United Press International",
        "Bloomberg", "Bloomberg News", "Xinhua", "ANI", "PTI", "IANS", "DPA", "EFE", "ANSA",
        "Kyodo", "Kyodo News", "Yonhap", "TASS", "Interfax", "RIA Novosti", "Anadolu",
        "Anadolu Agency", "CNN", "CNN Wire", "BBC", "The Conversation", "AAP", "Press Association",
        "PA", "PA Media", "NTB", "Canadian Press", "The Canadian Press", "CP", "Getty Images",
    )
)  # fmt: skip
#: Accounts and desks that name no one (compared by :func:`name_key`): credits in an HTML
#: byline.  A plain-text byline takes only ``Staff`` of them: there ``Jane Doe, Editor`` gives
#: Jane Doe the role Editor.
ACCOUNTS: Final = frozenset(
    name_key(n)
    for n in (
        "Staff", "Admin", "Administrator", "Editor", "Editors", "Webmaster", "Newsroom",
        "News Desk", "Web Desk", "Wires", "Wire Services", "Agencies", "Agency", "Guest",
        "Guest Author", "Anonymous", "Unknown",
    )
)  # fmt: skip
_CREDITED: Final = AGENCIES | ACCOUNTS
_TEXT_CREDITED: Final = AGENCIES | {"staff"}
#: Agencies that follow a name without a comma (``"Jane Doe Associated Press"``).
_TRAILING_AGENCIES = (
    "The Associated Press", "Associated Press", "Reuters", "AFP", "Agence France-Presse", "Bloomberg",
    "Bloomberg News", "Xinhua", "UPI", "PTI", "IANS", "ANI", "DPA", "EFE", "Kyodo News", "Yonhap", "TASS",
)  # fmt: skip
#: Words that make a name an organisation (a desk, a team, a publication).
ORGANISATION_WORDS: Final = frozenset(
    (
        "staff", "desk", "team", "newsroom", "editors", "editorial", "board", "agency", "agencies",
        "press", "news", "wire", "wires", "service", "services", "media", "reporters",
        "correspondents", "bureau", "online", "digital", "magazine", "times", "post", "journal",
        "herald", "tribune", "group", "inc", "inc.", "ltd", "ltd.", "llc", "corp", "corporation",
        "company", "network", "radio", "tv", "channel", "foundation", "institute", "university",
        "association", "council", "department", "ministry", "office", "society", "contributors",
        "writers", "daily", "weekly", "gazette", "telegraph", "guardian", "review", "report",
        "partners", "studio", "studios", "productions", "publishing", "publications", "admin",
        "webmaster", "sponsored", "content", "brandvoice", "announcements", "international", "forum",
        "redaktion", "rédaction", "redacción", "redazione", "redação", "redactie",
    )
)  # fmt: skip
#: Words that make a byline item a job title (or page furniture), not a name.
ROLE_WORDS: Final = frozenset(
    (
        "reporter", "writer", "correspondent", "contributor", "columnist", "editor", "photographer",
        "producer", "analyst", "journalist", "senior", "chief", "political", "author", "intern",
        "special", "freelance", "contributing", "deputy", "associate", "managing", "executive",
        "photos", "photo", "video", "graphics", "illustration", "illustrations", "updated",
        "published", "posted", "follow", "email", "twitter", "read", "more", "bio", "view",
        "profile", "articles", "posts", "stories", "comments", "share", "min", "minute", "minutes",
        "modified", "last", "edited",
    )
)  # fmt: skip
#: Job titles a plain-text byline gives after a name (``By Jane Doe, Staff Writer``).
_TEXT_ROLE_WORDS: Final = frozenset(
    (
        "reporter", "reporters", "correspondent", "correspondents", "editor", "editors", "writer",
        "writers", "staff", "contributor", "contributors", "columnist", "journalist", "journalists",
        "producer", "analyst", "bureau", "chief", "desk", "team", "newsroom",
    )
)  # fmt: skip
#: Lower-case words inside a name (``Ludwig van Beethoven``, ``Ursula von der Leyen``).
PARTICLES: Final = frozenset(
    (
        "af", "al", "av", "bin", "bint", "binti", "da", "das", "de", "del", "della", "den", "der",
        "des", "di", "do", "dos", "du", "el", "ibn", "la", "le", "mac", "mc", "st.", "ten", "ter",
        "van", "von", "y", "zu",
    )
)  # fmt: skip
#: A plain-text byline also keeps Portuguese *e* (*and*) inside a name (``Silva e Costa``);
#: an HTML byline splits names there, and a quote speaker's name ends there.
_TEXT_PARTICLES: Final = PARTICLES | {"e"}
#: Credentials and suffixes after a name (``Jane Doe, MS, RD``): dropped.
CREDENTIALS: Final = frozenset(
    (
        "ms", "ma", "mba", "msc", "bsc", "ba", "rd", "rdn", "ld", "cpt", "phd", "ph.d", "md", "m.d",
        "mph", "rn", "np", "do", "dds", "jd", "esq", "cpa", "cfa", "cfp", "lcsw", "ibclc", "facs",
        "jr", "sr", "ii", "iii", "iv", "dr", "prof",
    )
)  # fmt: skip
#: Words that are never a name on their own in a byline.
_NOT_NAMES: Final = frozenset(
    (
        "by", "and", "with", "from", "written", "posted", "published", "updated", "story", "words",
        "photos", "photo", "video", "author", "authors", "more", "view", "follow", "email", "share",
        "comments", "comment", "read", "bio", "close", "print", "menu", "home", "news", "the",
    )
)  # fmt: skip
#: Labels that open a byline on their own (case-insensitive), followed by the names; also a
#: heading and a colon (``Author: Jane Doe``) in plain text.
BYLINE_OPENERS: Final = (
    "by", "written by", "posted by", "words by", "story by", "text by", "von", "par", "por",
)  # fmt: skip
#: Openers of a byline after an HTML headline only: Dutch and Scandinavian *by* and Italian
#: *di* are English words or names too (a text line ``Door Hardware`` or ``AV Scripts`` is no
#: byline).
_HTML_OPENERS = ("door", "av", "di")


class BylineWords(NamedTuple):
    """The byline words of one language (all lower case; a space matches any white space).

    * ``openers``: labels that open a byline after an HTML headline on their own
      (``Veröffentlicht von Chris Jung``);
    * ``labels``: what else labels a text already known to be a byline, before the
      names (``Autor:``, ``Text:``);
    * ``reviewers``: labels of the people who checked, illustrated or photographed
      the text, not wrote it (``Reviewed by``, ``Fotos:``): stripped at the start of a
      byline, and where they follow the authors' names the rest of the byline is dropped;
    * ``roles``: job titles dropped from a byline (``Review Editor``, ``Redakteurin``);
    * ``furniture``: words of link labels and buttons that are never part of a name
      (``Alle Beiträge``, ``Voir tous les articles``).
    """

    openers: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    reviewers: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    furniture: tuple[str, ...] = ()


#: Byline words per language (ISO 639-1 code).  To read bylines of another language, add
#: an entry: its phrases that open a byline, the labels before names, its job titles and
#: the words of its "all posts" links.  Every entry is used on every page (a page's
#: declared language is not trusted to pick one).
BYLINE_LANGUAGES: Final[dict[str, BylineWords]] = {
    "en": BylineWords(
        openers=("written by", "posted by", "words by", "story by", "text by", "published by", "authored by",
                 "this post was written by", "this article was written by", "this story was written by"),
        labels=("updated by", "contributed by", "compiled by", "presented by"),
        reviewers=("reviewed by", "medically reviewed by", "fact checked by", "fact-checked by", "edited by",
                   "contributions from", "with contributions from", "additional reporting by",
                   "expert reviewed by", "review by"),
        roles=("reviewer", "reviewed", "staff writer", "fact", "checker", "checked", "medically", "expert",
               "specialist", "head", "lead", "director", "manager", "founder", "ceo", "host"),
        furniture=("all", "posts", "articles", "stories", "see", "latest", "author's", "page", "sign", "in",
                   "log", "login", "jump", "to", "menu", "search", "subscribe", "contact", "us", "up",
                   "text", "size", "this", "article", "top", "picks", "users", "paid", "find", "care",
                   "website", "table", "of", "contents", "overview", "category", "feed", "rss"),
    ),
    "de": BylineWords(
        openers=("veröffentlicht von", "geschrieben von", "verfasst von", "ein beitrag von", "ein artikel von",
                 "ein gastbeitrag von", "ein kommentar von", "ein gastkommentar von", "eine analyse von",
                 "eine kolumne von", "eine reportage von", "ein bericht von", "ein interview von", "text von",
                 "kommentar von", "gastbeitrag von"),
        labels=("autor", "autorin", "autoren", "text", "text und fotos", "quelle"),
        reviewers=("geprüft von", "überprüft von", "redigiert von", "bearbeitet von", "fotos:", "foto:",
                   "fotos von", "bilder:", "illustration:", "grafik:", "mitarbeit:", "mit material von"),
        roles=("redakteur", "redakteurin", "autorin", "journalistin", "korrespondent", "korrespondentin",
               "chefredakteur", "chefredakteurin", "volontär", "volontärin", "gastautor", "gastautorin",
               "ressortleiter", "ressortleiterin", "fotograf", "fotografin", "reporterin", "chefreporter",
               "chefreporterin", "kolumnist", "kolumnistin", "moderator", "moderatorin", "mitarbeiter",
               "mitarbeiterin", "praktikant", "praktikantin", "online-redakteur", "online-redakteurin"),
        furniture=("alle", "beiträge", "artikel", "mehr", "zum", "profil", "weitere", "autorenseite",
                   "autorenprofil", "folgen", "zur"),
    ),
    "fr": BylineWords(
        openers=("publié par", "écrit par", "rédigé par", "un article de", "une tribune de"),
        labels=("auteur", "auteure", "autrice", "texte"),
        reviewers=("relu par", "vérifié par", "édité par", "photos:", "photo:", "avec la collaboration de"),
        roles=("journaliste", "rédacteur", "rédactrice", "correspondant", "correspondante", "chroniqueur",
               "chroniqueuse", "envoyé", "envoyée", "spécial", "spéciale", "éditorialiste", "pigiste",
               "reporter", "reportrice"),
        furniture=("voir", "tous", "les", "articles", "plus", "profil", "ses", "suivre"),
    ),
    "es": BylineWords(
        openers=("publicado por", "escrito por", "redactado por"),
        labels=("autor", "autora", "texto"),
        reviewers=("revisado por", "editado por", "fotos:", "foto:", "con la colaboración de"),
        roles=("periodista", "redactor", "redactora", "corresponsal", "columnista", "enviado", "enviada",
               "reportero", "reportera", "colaborador", "colaboradora"),
        furniture=("ver", "todos", "los", "artículos", "más", "perfil", "sus", "seguir"),
    ),
    "it": BylineWords(
        openers=("pubblicato da", "scritto da", "a cura di"),
        labels=("di", "autore", "autrice", "testo", "testo di"),
        reviewers=("revisionato da", "rivisto da", "foto:", "foto di"),
        roles=("giornalista", "redattore", "redattrice", "corrispondente", "inviato", "inviata", "caporedattore",
               "caporedattrice", "collaboratore", "collaboratrice", "editorialista"),
        furniture=("tutti", "gli", "articoli", "vedi", "altri", "profilo", "suoi", "segui"),
    ),
    "pt": BylineWords(
        openers=("publicado por", "escrito por"),
        labels=("autor", "autora", "texto"),
        reviewers=("revisado por", "editado por", "fotos:", "foto:"),
        roles=("jornalista", "redator", "redatora", "repórter", "correspondente", "colunista", "editora",
               "colaborador", "colaboradora"),
        furniture=("ver", "todos", "os", "artigos", "mais", "perfil", "seus"),
    ),
    "nl": BylineWords(
        openers=("geschreven door", "gepubliceerd door"),
        labels=("auteur", "tekst"),
        reviewers=("gecontroleerd door", "bewerkt door", "foto's:", "foto:", "beeld:"),
        roles=("redacteur", "redactrice", "verslaggever", "verslaggeefster", "correspondent", "journalist",
               "hoofdredacteur", "eindredacteur", "fotograaf", "medewerker", "columnist"),
        furniture=("alle", "artikelen", "berichten", "bekijk", "meer", "profiel", "volg"),
    ),
}
_LANGUAGE_OPENERS = tuple(w for words in BYLINE_LANGUAGES.values() for w in words.openers)
_LANGUAGE_LABELS = tuple(
    w for words in BYLINE_LANGUAGES.values() for w in (*words.openers, *words.labels, *words.reviewers)
)
#: The labels of :data:`BYLINE_LANGUAGES` open a byline after an HTML headline before a colon
#: ("Autor: Chris Jung", "Text: Chris Jung | Fotos: Anna Schmidt").
_LANGUAGE_HEADINGS = tuple(w for words in BYLINE_LANGUAGES.values() for w in words.labels)
_REVIEWERS = tuple(w for words in BYLINE_LANGUAGES.values() for w in words.reviewers)
_LANGUAGE_ROLES = frozenset(w for words in BYLINE_LANGUAGES.values() for w in words.roles)
_FURNITURE_WORDS = frozenset(w for words in BYLINE_LANGUAGES.values() for w in words.furniture)
_ALL_ROLES = ROLE_WORDS | _LANGUAGE_ROLES
#: Words that name a job (not "updated", "follow" or "senior" of :data:`ROLE_WORDS`).
_JOB_WORDS = _LANGUAGE_ROLES | {
    "reporter", "writer", "correspondent", "contributor", "columnist", "editor", "photographer", "producer",
    "analyst", "journalist",
}  # fmt: skip
#: Openers of a plain-text byline only.  (After an HTML headline, "Interview by" would replace
#: the author of wcxb-dev/4371.)
_TEXT_OPENERS = ("reported by", "reporting by", "interview by")
_OPENER_HEADINGS = ("authors", "author", r"author\(s\)", "byline")
#: Headings that open a byline after an HTML headline when a colon follows (``Contributors:``).
_HTML_HEADINGS = ("authors", "author", "byline", "contributors", "contributor")
#: What else labels a text known to be a byline: these verbs before a preposition, these
#: prepositions (also after a verb), these headings before a colon or a dash.
_LABEL_VERBS = (
    "written", "posted", "published", "reported", "story", "words", "text", "article", "report",
    "edited", "compiled",
)  # fmt: skip
_LABEL_PREPOSITIONS = ("by", "from", "von", "par", "por", "di", "door", "av", "af")
_LABEL_HEADINGS = ("author", "authors", "byline", "autor", "auteur", "autore", "contributor", "contributors")


def _alternatives(words: Iterable[str], space: str = r"\s+") -> str:
    return "(?:" + "|".join(w.replace(" ", space) for w in words) + ")"


#: A label with the date between its verb and its preposition: "Veröffentlicht am 12. März 2025
#: von", "Veröffentlicht: 12.03.2025, 10:15 Uhr von", "Publié le 3 mai par", "Posted on May 3,
#: 2025 by" (the verb, a colon or the word before the date, a date holding a digit, the preposition).
_DATED_VERBS = (
    "published", "posted", "written", "updated", "veröffentlicht", "geschrieben", "verfasst", "aktualisiert",
    "erstellt", "publié", "écrit", "mis à jour", "publicado", "escrito", "actualizado", "atualizado",
    "pubblicato", "scritto", "aggiornato", "gepubliceerd", "geschreven", "bijgewerkt",
)  # fmt: skip
_DATED_LABEL = (
    _alternatives(_DATED_VERBS)
    + r"\s*:?\s+(?:(?:am|on|le|el|em|il|op|den|the)\s+)?[^|·•⋅∙\n\d]{0,20}\d[^|·•⋅∙\n]{0,40}?"
    r"\s+(?:von|by|par|por|da|door|di)\s+"
)

_OPENER = re.compile(
    _alternatives((*BYLINE_OPENERS, *_TEXT_OPENERS)) + r"\s+(?=\S)|" + _alternatives(_OPENER_HEADINGS) + r"\s*:\s*",
    re.IGNORECASE,
)
_OPENER_START = re.compile(
    r"^" + _alternatives(sorted((*BYLINE_OPENERS, *_HTML_OPENERS, *_LANGUAGE_OPENERS), key=len, reverse=True), " ")
    + r"\b\s*:?\s*|^" + _alternatives(_HTML_HEADINGS) + r"\s*:|^" + _DATED_LABEL
    + r"|^" + _alternatives(sorted(_LANGUAGE_HEADINGS, key=len, reverse=True)) + r"\s*:",
    re.IGNORECASE,
)
_LABEL = re.compile(
    rf"^{_DATED_LABEL}|^{_alternatives(sorted(_LANGUAGE_LABELS, key=len, reverse=True))}\s*[:\-]?\s+"
    rf"|^(?:{_alternatives(_LABEL_VERBS)}\s+)?{_alternatives(_LABEL_PREPOSITIONS)}\s*[:\-]?\s+"
    rf"|^{_alternatives(_LABEL_HEADINGS)}\s*[:\-]\s*",
    re.IGNORECASE,
)
#: Where the reviewers of a byline begin, after its authors' names: the rest is dropped.
_REVIEW_CUT = re.compile(
    r"(?:\s|^|[,;|·•⋅]\s*)" + _alternatives(sorted(_REVIEWERS, key=len, reverse=True)) + r"(?:\b|(?<=:)).*$",
    re.IGNORECASE | re.DOTALL,
)
_SPLIT = re.compile(
    r"\s*(?:,|;|\||&|[·•⋅∙]|\s/\s|\b[Aa][Nn][Dd]\b|\bund\b|\bet\b|\by\b|\be\b|\b[Ww]ith\b|\s[-–—]\s|"
    r"(?<=[a-z]{2})\.\s+(?=[A-Z])|\n)\s*"
)
#: Dutch "en" (and) between two capitalised words: "Jan de Vries en Piet Jansen" (not in
#: "corresponsal en Madrid" or "rédacteur en chef").
_DUTCH_AND = re.compile(r"(\b[A-Z][\w'’-]*)\s+en\s+(?=[A-Z])")
_TEXT_SPLIT = re.compile(r"\s*,\s*|\s+and\s+|\s*&\s*|\s*;\s*")
_AGENCY_SUFFIX = re.compile(r"^(.+?)\s+(" + "|".join(_TRAILING_AGENCIES) + r")$", re.IGNORECASE)
_BAD_NAME = re.compile(r"[\d@#<>{}\[\]=/\\|]|https?:|www\.|\.com\b", re.IGNORECASE)
_MONTH_ABBREVIATIONS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
#: A weekday before a date ("Mon", "Tues.", "Wednesday,"): part of the date, never of a name.
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+"
#: A date after the names, with its separator, label and weekday: "» Mon Jan 06, 2025",
#: "on 4 June 2025", "| Published: 2025-06-04" (the label is a whole word: "Mon" is no "on").
#: The words before a date after the names in German, French, Spanish, Italian, Portuguese and
#: Dutch ("Von Chris Jung am 12.03.2025", "Par Jean Dupont le 12 mars"), their weekdays and the
#: months they write after the day ("12. März 2025", "12 de marzo", "12 maart").
_DATE_WORDS = ("am", "vom", "le", "el", "il", "em", "op")
_WEEKDAYS_OTHER = (
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "lundi", "mardi",
    "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes", "martes", "miércoles", "jueves",
    "viernes", "sábado", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
)  # fmt: skip
_MONTHS_OTHER = (
    "januar", "jänner", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember", "janvier", "février",
    "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "enero",
    "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre",
    "diciembre", "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre",
    "dicembre", "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "dezembro",
    "januari", "februari", "maart", "mei", "augustus", "oktober",
)  # fmt: skip
_DATE_IN_BYLINE = re.compile(
    r"\s*(?:\||·|•|—|–|-|»|›)?\s*"
    rf"(?:\b(?:updated|published|posted|on|{'|'.join(_DATE_WORDS)})\b)?\s*:?\s*"
    rf"(?:\b{_WEEKDAY}|\b(?:{'|'.join(_WEEKDAYS_OTHER)}),?\s+)?"
    rf"(?:\b(?:{_MONTH_ABBREVIATIONS})[a-z]*\.?\s+\d|\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}}|"
    rf"\d{{1,2}}\s+(?:{_MONTH_ABBREVIATIONS})|\d{{1,2}}\.?\s+(?:de\s+)?(?:{'|'.join(_MONTHS_OTHER)})\b).*$",
    re.IGNORECASE,
)
#: One capitalised word after a comma ending a byline: a dateline's place when a whole name
#: precedes it ("Von Chris Jung, Berlin").
_DATELINE = re.compile(r"\w,\s*[^\W\d_][\w-]*\.?\s*$")
#: The section a post is filed in, after its names: "By Jane Doe in Project Management".
_FILED_IN = re.compile(r"(?<=\w)\s+in(?:\s+[A-Z][^,;|]*)?$")
_INVERTED_NAME = re.compile(r"^([A-Z][\w'’-]+),\s*([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’-]*\.?)?)$")
_NAME_WORD = re.compile(r"[^\W\d_][\w.'’-]*")
_HANDLE = re.compile(r"[\w.@-]{1,40}")
_EMAIL = re.compile(r"\s*<[^<>\s]{1,200}>\s*$")
_ITEM_ENDS = " .:·•⋅∙-–—\"'“”()"
_BRACKETED = re.compile(r"\s*\(([^()]*)\)?\s*$")


# --------------------------------------------------------------------------- labels and items


def byline_label(text: str) -> int | None:
    """Where the names begin when the plain-text line *text* opens with a byline label, else None.

    The labels are :data:`BYLINE_OPENERS` and a few more (see the module docstring),
    followed by white space, or a heading and a colon (``Author: Jane Doe``).

    >>> byline_label("By Jane Doe"), byline_label("Author: Jane Doe"), byline_label("Bypass")
    (3, 8, None)
    """
    m = _OPENER.match(text)
    return m.end() if m else None


def opens_byline(text: str) -> bool:
    """Whether *text* (after an HTML headline) starts with a byline label, a colon allowed (``By: Jane``).

    The labels are :data:`BYLINE_OPENERS`, *Door* and *Av*, the openers of
    :data:`BYLINE_LANGUAGES`, and a heading before a colon (``Author:``, ``Contributors:``).
    """
    return _OPENER_START.match(text) is not None


def strip_label(text: str) -> str:
    """*text* without a leading byline label (any of them: ``From``, ``Written by``, ``Autor:`` ...)."""
    return _LABEL.sub("", text)


def split_names(text: str) -> list[str]:
    """The items of a byline, cut at its separators (see the module docstring), not yet cleaned."""
    return _SPLIT.split(_DUTCH_AND.sub(r"\1 & ", text))


def squash(text: str) -> str:
    """Letters and digits only, case-folded: ``"The New-York Times"`` -> ``"thenewyorktimes"``."""
    return "".join(ch for ch in name_key(text) if ch.isalnum())


def is_acronym(word: str) -> bool:
    """Whether *word* is written in capitals and longer than one letter (``NATO``, ``CNN``)."""
    return word.isupper() and len(word) > 1


def display_name(name: str) -> str:
    """A name of several words in capitals (``"TOM KRISHER"``) in title case; others unchanged."""
    if name.isupper() and len(name) > 3 and " " in name:
        return " ".join(w[:1] + w[1:].lower() for w in name.split())
    return name


def uninvert(name: str) -> str:
    """``"Okafor, Ngozi"`` (Dublin Core style) as ``"Ngozi Okafor"``; other names unchanged."""
    inverted = _INVERTED_NAME.match(name)
    if inverted and not is_organisation(inverted.group(1)) and not is_organisation(inverted.group(2)):
        return f"{inverted.group(2)} {inverted.group(1)}"
    return name


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """The given names of ``_given_names.txt`` in this package (one a line, ``#`` comments)."""
    text = resources.files("articlekit").joinpath("_given_names.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip().casefold() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def is_given_name(word: str) -> bool:
    """Whether *word* is a given name of the list ``articlekit/_given_names.txt`` (``Jane``, ``Kwame``).

    The list is data: to add names, add lines to that file.

    >>> is_given_name("Mark"), is_given_name("Regency")
    (True, False)
    """
    return word.strip(".,'’()").casefold() in _given_names()


# --------------------------------------------------------------------------- person or organisation


def is_organisation(
    name: str, site_keys: Iterable[str] = (), site_word_lists: Iterable[list[str]] = ()
) -> bool:
    """Whether the byline item *name* is an organisation, not a person.

    *site_keys* are the :func:`squash` keys of the site's names, *site_word_lists*
    the words of each (a desk: ``"CNN Business"`` on CNN).
    """
    key = name_key(name)
    if key in _CREDITED:
        return True
    squashed = squash(name)
    words = [w.strip(".,'’()") for w in key.split()]
    for site in site_keys:
        if not site:
            continue
        if squashed == site or (len(squashed) > 3 and squashed in site and len(site) < 2 * len(squashed)):
            return True
        if len(words) == 1 and len(squashed) >= 3 and site.startswith(squashed):
            return True  # "Vortex" on "Vortex Cannon Entertainment"
        if len(words) >= 3 and len(site) >= 6 and site in _word_prefixes(words[:-1]):
            return True  # the site's desk: "Thomson Reuters Tax" on thomsonreuters.com
    for site_words in site_word_lists:
        # The site's name followed by a desk: "CNN Business", "Sky News Sport".
        if site_words and words[: len(site_words)] == site_words:
            return True
    if any(w in ORGANISATION_WORDS for w in words):
        return True
    # A lower-case single word is a CMS account ("admin", "newsdesk"); an upper-case one an acronym.
    return len(words) == 1 and ((name.islower() and len(name) > 1) or is_acronym(name))


def _word_prefixes(words: list[str]) -> set[str]:
    """The squashed keys of the first one, two ... of *words* (``thomson``, ``thomsonreuters``)."""
    keys, key = set(), ""
    for word in words:
        key += "".join(ch for ch in word if ch.isalnum())
        keys.add(key)
    return keys


def _is_role(name: str) -> bool:
    words = [w.strip(".,'’()") for w in name_key(name).split()]
    return (
        bool(words)
        and any(w in ROLE_WORDS or w in _LANGUAGE_ROLES for w in words)
        and not looks_like_name(name, allow_roles=False)
    )


def _is_job_title(name: str) -> bool:
    """A job title after a name (``Review Editor``, ``Senior Reporter``): its last word is a role."""
    words = [w.strip(".,'’()") for w in name_key(name).split()]
    return len(words) >= 2 and (words[-1] in ROLE_WORDS or words[-1] in _LANGUAGE_ROLES) and words[-1] != "author"


def is_link_label(name: str) -> bool:
    """A link label or button (``Alle Beiträge``, ``View all posts``): every word is furniture."""
    words = [w.strip(".,'’()") for w in name_key(name).split()]
    return bool(words) and all(w in _FURNITURE_WORDS or w in ROLE_WORDS or w in _NOT_NAMES for w in words)


def looks_like_name(name: str, *, allow_roles: bool = True) -> bool:
    """Whether the byline item *name* has the shape of a person's name.

    One to six words, no digits, markup or web addresses; in cased scripts
    every word capitalised but for :data:`PARTICLES` (``Ludwig van Beethoven``);
    not a lone label word (``By``, ``Photos``).  With *allow_roles* False, no
    word of :data:`ROLE_WORDS` either.
    """
    if not name or len(name) < 2 or len(name) > 80 or _BAD_NAME.search(name):
        return False
    words = name.split()
    if not 1 <= len(words) <= 6:
        return False
    if len(words) == 1 and (name_key(name) in _NOT_NAMES or len(name) < 3):
        return False
    if not allow_roles and any(w.strip(".,").casefold() in (ROLE_WORDS | _LANGUAGE_ROLES) for w in words):
        return False
    if not any(ch.isalpha() for ch in name):
        return False
    # In cased scripts the words of a name are capitalised, but for particles ("van", "de", "bin").
    cased = [w for w in words if w[:1].isalpha() and (w[:1].isupper() or w[:1].islower())]
    lower = [w for w in cased if w[:1].islower() and w not in PARTICLES]
    return not cased or (len(lower) == 0 and any(w[:1].isupper() for w in cased))


# --------------------------------------------------------------------------- the two readers


def split_byline(text: str, *, site_names: Iterable[str] = ()) -> tuple[list[str], list[str]]:
    """Split a text known to be a byline into people and organisation credits.

    *site_names* are the names of the site (its desks and the site itself are
    credits).  Job titles, credentials and what is neither a name nor an
    organisation are dropped; a date after the names is ignored.

    >>> split_byline("By Jane Doe and John Roe")
    (['Jane Doe', 'John Roe'], [])
    >>> split_byline("By A. Smith and Bo Li, Associated Press")
    (['A. Smith', 'Bo Li'], ['Associated Press'])
    >>> split_byline("Jane Doe, Senior Reporter")
    (['Jane Doe'], [])
    """
    site_names = [s for s in site_names if s]
    site_keys = [squash(s) for s in site_names]
    site_words = [name_key(s).split() for s in site_names]
    text = clean_name(text[:1000])
    text = strip_label(text)
    reviewers = _REVIEW_CUT.search(text)
    if reviewers is not None and reviewers.start() > 0:
        text = text[: reviewers.start()]  # "Jane Doe, reviewed by Dr Bo Li": the reviewer is not an author
    text = _FILED_IN.sub("", _DATE_IN_BYLINE.sub("", text))
    people: list[str] = []
    credits: list[str] = []
    parts = [strip_label(raw.strip(_ITEM_ENDS)).strip(_ITEM_ENDS) for raw in split_names(text)]
    # A job title in brackets after a name ("Lance Ryan (Content Manager)", "Mycle (Editor-in-Chief").
    bracketed = [m.group(1) for part in parts if "(" in part for m in [_BRACKETED.search(part)] if m]
    credits.extend(b.strip() for b in bracketed if name_key(b.strip()) in AGENCIES)  # "Jane Doe (AP)"
    parts = [_BRACKETED.sub("", part).strip(_ITEM_ENDS) if "(" in part else part for part in parts]
    for part in parts:
        if not part or name_key(part).replace(".", "") in CREDENTIALS:
            continue
        agency = _AGENCY_SUFFIX.match(part)
        if agency:  # "Jane Doe Associated Press"
            credits.append(agency.group(2))
            part = agency.group(1)
        part = _without_link_label(_without_possessive_role(part))
        if is_link_label(part) or _is_job_title(part) or name_key(part) in _ALL_ROLES:
            continue  # "Alle Beiträge", "Review Editor", "journaliste"
        if is_organisation(part, site_keys, site_words):
            credits.append(part)
        elif _is_role(part):
            named = _name_before_role(part)  # "Chris Jung Redakteur Wirtschaft": the name before the role
            if named:
                people.append(display_name(named))
        elif looks_like_name(part):
            people.append(display_name(part))
    if len(people) >= 2 and len(people[-1].split()) == 1 and len(people[-2].split()) >= 2 and _DATELINE.search(text):
        people.pop()  # "Von Chris Jung, Berlin": the place the story was written in
    return people, credits


def _without_link_label(part: str) -> str:
    """*part* without a link label of two or more words after a name of two or three
    (``Chris Jung Alle Beiträge``, ``Jane Doe See all posts``); an avatar's initials
    before it (``CM Craig McCarthy``) leave *part* as it is."""
    words = part.split()
    end = len(words)
    while end > 0 and words[end - 1].strip(".,'’()").casefold() in _FURNITURE_WORDS:
        end -= 1
    head = words[:end]
    if len(words) - end >= 2 and 2 <= end <= 3 and not any(map(is_acronym, head)) and looks_like_name(" ".join(head)):
        return " ".join(words[:end])
    return part


#: "Our" before a job title before the name: "Von unserem Redakteur Chris Jung", "Par notre
#: envoyé spécial Jean Dupont", "Por nuestra corresponsal Ana Ruiz".
_POSSESSIVES = frozenset(
    ("our", "unserem", "unserer", "unseren", "unser", "notre", "nos", "nuestro", "nuestra", "nuestros",
     "nostro", "nostra", "nosso", "nossa", "onze")
)  # fmt: skip


def _without_possessive_role(part: str) -> str:
    """*part* without "our" and the job title after it, before a name (``unserem Redakteur
    Chris Jung`` -> ``Chris Jung``); unchanged unless a name of two or more words is left."""
    words = part.split()
    if len(words) < 3 or words[0].casefold() not in _POSSESSIVES:
        return part
    i = 1
    while i < len(words) and (words[i].strip(".,").casefold() in _ALL_ROLES or words[i][:1].islower()):
        i += 1
    rest = " ".join(words[i:])
    return rest if i > 1 and len(words) - i >= 2 and looks_like_name(rest) else part


def _name_before_role(part: str) -> str | None:
    """The name of two or three words before a job title that follows it with no separator
    (``Chris Jung Redakteur Wirtschaft``, the title capitalised); None if the words before
    the first role word are no such name (an avatar's initials before it: ``CM Craig McCarthy``)."""
    words = part.split()
    for i, word in enumerate(words):
        if word.strip(".,'’()").casefold() in _ALL_ROLES:
            head = words[:i]
            if (
                word.strip(".,'’()").casefold() not in _JOB_WORDS
                or not word[:1].isupper()  # a sentence goes on: "Nicole Burke As founder of ..."
                or not 2 <= i <= 3
                or any(map(is_acronym, head))
            ):
                return None
            return " ".join(head) if looks_like_name(" ".join(head), allow_roles=False) else None
    return None


def _text_name(item: str, *, handle: bool) -> bool:
    words = item.split()
    if not 1 <= len(words) <= 5 or len(item) > 80:
        return False
    if handle and len(words) == 1 and _HANDLE.fullmatch(item):
        return True
    if not all(_NAME_WORD.fullmatch(w) for w in words):
        return False
    return words[0][0].isupper() and all(w[0].isupper() or w.lower() in _TEXT_PARTICLES for w in words)


def read_names(text: str, *, handle: bool = False) -> tuple[list[tuple[str, str | None]], list[str]] | None:
    """The people (name and role) and organisations a list of names holds, or None if it is not one.

    Every item must be a wire agency or account (a credit), a job title after a
    person (that person's role: ``Jane Doe, Staff Writer``) or a name: one to
    five capitalised words (particles aside), or with *handle* a user name
    (``jdoe``).  An e-mail address after a name is dropped.
    """
    people: list[tuple[str, str | None]] = []
    credits: list[str] = []
    for raw in _TEXT_SPLIT.split(text.strip()):
        item = clean_name(_EMAIL.sub("", raw))
        if not item:
            continue
        low = name_key(item)
        if low in _TEXT_CREDITED:
            credits.append(item)
        elif people and any(w in _TEXT_ROLE_WORDS for w in low.split()) and _text_name(item, handle=False):
            if people[-1][1] is None:
                people[-1] = (people[-1][0], item)
            else:
                credits.append(item)
        elif _text_name(item, handle=handle):
            if item.isupper() and len(item) > 3:
                item = item.title()
            people.append((item, None))
        else:
            return None
    if not people and not credits:
        return None
    return people, credits
