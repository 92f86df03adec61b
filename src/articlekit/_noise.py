"""Placeholder lines: what scrapers leave where an image, an ad or a widget was.

A line is a placeholder when it is short, carries no sentence, and is made of
a known family of placeholder words.  Three shapes are recognised, all by data
(the word lists below), none by matching one document:

1. **A placeholder phrase on its own**, possibly decorated (brackets,
   asterisks, arrows, a trailing ellipsis or colon, a counter such as
   ``3 of 12``): ``Image``,
   ``[Advertisement]``, ``Share this article``, ``Read more...``,
   ``Photo 3 of 12``, ``Loading…``.
2. **A run-together identifier** whose parts include a placeholder word:
   ``PostImage``, ``featured_image``, ``AdSlot``, ``video-embed``.
3. **A labelled credit or teaser** with no sentence punctuation:
   ``Photo: Reuters/Jane Doe``, ``Image source, Getty Images``,
   ``Read more: Kremlin rules out talks``, ``Share this article on Facebook``.

Sentence punctuation (``.``, ``!``, ``?`` ending a word, not an
abbreviation such as ``U.S.``) inside a labelled line or a teaser means it is prose and is kept, as is anything longer than
:data:`MAX_PLACEHOLDER_CHARS`.

>>> [is_placeholder(s) for s in ["PostImage", "Advertisement", "Photo: AP/Jane Doe", "Image"]]
[True, True, True, True]
>>> [is_placeholder(s) for s in ["Images of War", "Read more about it here.", "Putin’s Proposal"]]
[False, False, False]
"""

from __future__ import annotations

import re

__all__ = ["MAX_PLACEHOLDER_CHARS", "PLACEHOLDER_PHRASES", "is_placeholder"]

#: Longer lines are never placeholders.
MAX_PLACEHOLDER_CHARS = 120

#: Phrases that are a placeholder when they make up the whole line (compared case-folded).
PLACEHOLDER_PHRASES: frozenset[str] = frozenset(
    {
        # images, media
        "image", "images", "img", "photo", "photos", "photograph", "photography", "picture",
        "pictures", "pic", "gallery", "photo gallery", "slideshow", "video", "videos",
        "watch video", "play video", "watch", "audio", "listen", "podcast", "embed", "media",
        "graphic", "infographic", "chart", "map", "caption", "image caption", "media caption",
        "thumbnail", "enlarge", "enlarge image", "expand", "view image", "view gallery",
        "postimage", "featured image", "hero image", "placeholder",
        # advertising
        "advertisement", "advertisements", "advertising", "advert", "ad", "ads", "sponsored",
        "sponsored content", "paid content", "promoted", "promoted content", "skip advertisement",
        "story continues below advertisement", "article continues below advertisement",
        "continue reading below", "scroll to continue", "scroll to continue with content",
        "anzeige", "werbung", "publicité", "publicidad", "pubblicità", "publicidade",
        "реклама",
        # sharing, navigation, widgets
        "share", "share this", "share this article", "share this story", "share this post",
        "share article", "share story", "share on facebook", "share on twitter", "share on x",
        "share via email", "tweet", "email", "e-mail", "print", "print this article",
        "copy link", "link copied", "facebook", "twitter", "whatsapp", "linkedin", "pinterest",
        "reddit", "telegram", "read more", "read more here", "more", "see more", "show more",
        "continue reading", "read full article", "read the full article", "related",
        "related articles", "related stories", "related content", "recommended",
        "recommended for you", "most read", "most popular", "trending", "top stories",
        "you may also like", "also read", "read also", "see also", "next article",
        "previous article", "back to top", "subscribe", "subscribe now", "sign up", "log in",
        "login", "register", "newsletter", "sign up for our newsletter", "follow us",
        "loading", "click here", "click to expand", "click to enlarge",
        "leave a comment", "add comment", "view comments", "show comments", "toggle caption",
        "hide caption", "skip to content", "skip to main content", "menu", "close", "search",
        # press-release boilerplate
        "for immediate release", "press release", "news release", "media release",
    }
)

#: Words that make a run-together identifier (``PostImage``) a placeholder.
_IDENTIFIER_PARTS = frozenset(
    {
        "image", "img", "photo", "picture", "pic", "video", "embed", "ad", "ads", "advert",
        "banner", "widget", "gallery", "thumbnail", "placeholder", "promo", "sponsor",
        "sponsored", "iframe", "figure", "media",
    }
)

#: Labels that make a short credit or teaser line a placeholder: ``Photo: AP``.
_LABELS = frozenset(
    {
        "photo", "photos", "photograph", "image", "images", "picture", "pic", "video",
        "credit", "credits", "photo credit", "image credit", "picture credit", "image source",
        "source image", "caption", "image caption", "media caption", "illustration",
        "graphic", "file photo", "gallery", "foto", "фото", "bild", "imagen", "immagine",
        "read more", "read", "more", "related", "see also", "also read", "read also",
        "recommended", "watch", "listen", "advertisement", "sponsored", "share", "share this",
        "share this article", "share on", "follow us", "follow us on", "sign up", "subscribe",
    }
)

# Decoration around a placeholder: brackets, bullets, arrows, asterisks.
_DECORATION = "[](){}<>*|•·»«›‹→←⟶▶►_=~#-\"'“”‘’ \t"
_COUNTER = re.compile(r"\s*(?:\d{1,4}\s*(?:of|/|von|de|из)\s*\d{1,4}|\d{1,4})$")
_TRAILER = re.compile(r"(?:\s*(?:\.\.\.|…|:|›|»|→|>|\+))+$")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_SENTENCE = re.compile(r"\w\w[.!?…](?:\s|$)|[。！？]")
_WORDS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)*")


def _core(text: str) -> str:
    core = " ".join(_INVISIBLE.sub("", text).split()).strip(_DECORATION)
    core = _TRAILER.sub("", core)
    core = _COUNTER.sub("", core)
    return core.strip(_DECORATION).casefold()


def _is_identifier_placeholder(text: str) -> bool:
    token = text.strip(_DECORATION)
    if len(token) > 40 or not _IDENTIFIER.fullmatch(token):
        return False
    parts = [w.lower() for w in _WORDS.findall(token)]
    # A single word is shape 1 (``Image``), not an identifier; ``Imagery`` must not match.
    return len(parts) > 1 and any(p in _IDENTIFIER_PARTS for p in parts)


def _is_labelled(core: str) -> bool:
    for sep in (":", ",", " - ", " – ", " — ", " | "):
        label, found, rest = core.partition(sep)
        if found and label.strip() in _LABELS:
            return not _SENTENCE.search(rest)
    # ``Share this article on Facebook``, ``Follow us on Twitter``: a phrase and a target.
    for lead in ("share this article on ", "share on ", "follow us on ", "share via ", "sign up for "):
        if core.startswith(lead):
            return not _SENTENCE.search(core)
    return False


def is_placeholder(text: str) -> bool:
    """Whether the line *text* is an image, ad or widget placeholder rather than content.

    >>> is_placeholder("[Image 2 of 5]"), is_placeholder("Read more: Talks stall in Istanbul")
    (True, True)
    >>> is_placeholder("Photo: the talks in Istanbul lasted two hours. Peskov said so.")
    False
    """
    if len(text) > MAX_PLACEHOLDER_CHARS or "\n" in text.strip() or text.count(" ") > 16:
        return False
    core = _core(text)
    if not core:
        # Only decoration (``***``, ``[]``): not a placeholder; rules elsewhere handle it.
        return False
    if core in PLACEHOLDER_PHRASES:
        return True
    if _is_identifier_placeholder(text):
        return True
    return _is_labelled(core)
