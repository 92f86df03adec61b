"""Authors (people) and credits (organisations) of the page.

Order of trust:

1. the metadata (:data:`METADATA_AUTHOR_TRUST`): JSON-LD ``author`` of the main
   article; ``<meta name=author>``, ``article:author``, ``dc.creator``,
   ``parsely-author`` and the other keys of :data:`_META_AUTHOR_KEYS`; a link
   card's ``twitter:dataN`` labelled "Written by".  On a page
   with text, a metadata name the page never shows is dropped (a CMS account,
   with a warning); when the byline under the headline names the metadata's
   people and more, the others are added, and so are the people listed after the
   metadata's one name under the headline (separated by ``,`` ``;`` ``&`` ``and``);
2. when the metadata names nobody, the visible page
   (:data:`VISIBLE_AUTHOR_TRUST`): microdata ``itemprop=author`` in the article's
   scope; ``rel=author`` links; elements whose class names a byline, outside
   page furniture; else a "By ..." line just after the headline (when no element
   shows the title, under the page's first ``<h1>``), or a whole name beside a
   date just after (or above) it; then a "Written by" label anywhere outside
   furniture, reviews and testimonials; last, a whole name linking to the site's
   page of an author (``/author/...``) in the article's part of the page, or a
   credit that is the site owner's name.

Bylines are split by :func:`articlekit._people.split_byline` (the same reader as
the text and front-matter parsers): people to ``authors``, organisations (the
site, agencies, desks) to ``credits``.

Bounds: at most 50 JSON-LD authors, 10 values per ``<meta>`` key and 50
author-page links; byline texts of 2..200 characters (a byline element's text
read up to 400 characters, without its job-title parts); a list of names after
the metadata's name looked for in the first 15 texts, at most 10 names; ``Limits.max_authors`` authors and
``Limits.max_name_chars`` per name (with a warning).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import lxml.etree

from articlekit._dates import find_date
from articlekit._model import Person
from articlekit._parsers.html._metadata._common import (
    _BYLINE_BAD,
    _EXCLUDED_TAGS,
    _FURNITURE_ANY,
    _FURNITURE_START,
    _MAX_URL_CHARS,
    _MODIFIER,
    _ORG_TYPES,
    _ancestors,
    _as_list,
    _attr,
    _classes,
    _element_text,
    _excluded,
    _furniture_class,
    _itemprop_value,
    _nearest_first,
    _resolve,
    _text,
    _text_pieces,
    _unwarned,
)
from articlekit._parsers.html._metadata._jsonld import _deref, _JsonLd, _types
from articlekit._parsers.html._metadata._sources import (
    _first_meta,
    _itemprop,
    _Page,
    _texts_after,
    _texts_before,
    _visible_text,
)
from articlekit._people import (
    ACCOUNTS,
    AGENCIES,
    is_given_name,
    is_link_label,
    looks_like_name,
    opens_byline,
    split_byline,
    split_names,
    squash,
    strip_label,
    uninvert,
)
from articlekit._textutil import clean_name, name_key
from articlekit._urls import is_unsafe_url

#: A person with their credits: what every author reader returns.
_Found = tuple[list[Person], list[str]]

_META_AUTHOR_KEYS = (
    "author", "article:author", "og:article:author", "dc.creator", "dcterms.creator", "parsely-author",
    "sailthru.author", "byl", "byline", "citation_author",
)  # fmt: skip


_BYLINE_STOP = re.compile(
    r"^(?:updated|published|posted|view|follow|email|e-mail|share|comments?|read|more|close|print|about|"
    r"facebook|twitter|linkedin|whatsapp|subscribe|@|on\b|\||·|•)",
    re.IGNORECASE,
)


def _people_from_ld(
    value: Any, ld: _JsonLd, site_names: list[str], *, forum: bool = False
) -> tuple[list[Person], list[str]]:
    people: list[Person] = []
    credits: list[str] = []
    for item in _as_list(value)[:50]:
        item = _deref(item, ld)
        if isinstance(item, str):
            names, orgs = split_byline(item, site_names=site_names)
            people.extend(Person(n) for n in names)
            credits.extend(orgs)
            continue
        if not isinstance(item, dict):
            continue
        name = _text(item.get("name"), 1_000)
        if not name:
            given, family = _text(item.get("givenName"), 200), _text(item.get("familyName"), 200)
            name = f"{given} {family}".strip()
        if not name:
            continue
        types = _types(item)
        ident = item.get("@id")
        node = ld.by_id.get(ident) if isinstance(ident, str) else None
        if isinstance(node, dict) and not types:
            types = _types(node)  # a name beside a reference: the node's type says what it is
        described = any(key in item or (isinstance(node, dict) and key in node) for key in _PERSON_DETAILS)
        if types & _ORG_TYPES and "person" not in types:  # ["Person", "Organization"]: a person's own site
            credits.append(name)
            continue
        names, orgs = split_byline(name, site_names=site_names)
        # Typed a Person: "Emily Post" is not a newspaper; "ann lee" (not cased as a name) is a name.
        unshaped = not orgs and not looks_like_name(name)
        if "person" in types and not names and (orgs == [name] or unshaped) and _personal(
            name, site_names, forum=forum, described=described
        ):
            names, orgs = [name], []
        credits.extend(orgs)
        url = _text(item.get("url") if isinstance(item.get("url"), str) else "", _MAX_URL_CHARS) or None
        if url is not None and is_unsafe_url(url):
            url = None  # resolved against the page later; an unsafe one never enters the model
        people.extend(Person(n, url=url if len(names) == 1 else None) for n in names)
    return people, credits


#: Words that make a name an organisation even when the JSON-LD types it a Person ("The
#: Investopedia Team", "Lifestyle Desk"); other organisation words ("Post", "Times", "Review")
#: are surnames too.
_ALWAYS_ORGANISATION = frozenset(
    (
        "staff", "desk", "team", "newsroom", "editors", "editorial", "board", "agency", "agencies", "press",
        "wire", "wires", "service", "services", "reporters", "correspondents", "bureau", "group", "inc",
        "inc.", "ltd", "ltd.", "llc", "corp", "corporation", "company", "network", "foundation", "institute",
        "university", "association", "council", "department", "ministry", "office", "society",
        "contributors", "writers", "partners", "studio", "studios", "productions", "publishing",
        "publications", "admin", "webmaster", "sponsored", "content", "brandvoice", "announcements",
        "official", "clinic", "hospital",
    )
)  # fmt: skip


#: The types of a post in a forum, where people sign with a user name ("raoul", "hayley.p").
_FORUM_TYPES = frozenset(("discussionforumposting", "question", "answer", "comment", "socialmediaposting"))
_HANDLE = re.compile(r"[\w][\w.\-]{1,39}")


#: What a JSON-LD Person node says of a person beyond a name: with one of these, a full name
#: typed a Person is one even when the site bears it (a personal site: "Kristian Larsen").
_PERSON_DETAILS = (
    "url", "sameAs", "image", "jobTitle", "description", "givenName", "familyName", "email", "knowsAbout",
)  # fmt: skip


#: What a template prints where a value is missing.
_PLACEHOLDERS = frozenset(("undefined", "null", "none", "nan", "unknown", "anonymous", "n/a"))


def _personal(name: str, site_names: list[str], *, forum: bool = False, described: bool = False) -> bool:
    """Whether *name*, typed a Person, may be one: shaped like a name (in a forum, a user name),
    not an agency, an account or the site -- unless a full name *described* as a person."""
    if name_key(name) in AGENCIES | ACCOUNTS:
        return False
    lower_name = name.islower() and 2 <= len(name.split()) <= 4 and all(w.isalpha() for w in name.split())
    # A user name stands for a person in a forum, or where the JSON-LD describes its Person (a
    # profile page, an image: "aawoods" at /author/aawoods/).
    handle = (forum or described) and _HANDLE.fullmatch(name) is not None and name.lower() not in _PLACEHOLDERS
    if not looks_like_name(name) and not lower_name and not handle:
        return False
    if any(w.strip(".,'’()") in _ALWAYS_ORGANISATION for w in name_key(name).split()):
        return False
    key, words = squash(name), name_key(name).split()
    # The site itself, or one word of its name ("Beachbody" on "Team Beachbody"); a full name that
    # begins the site's name is the person whose site it is ("Franck Nijhof (Frenck)").
    sites = [
        site
        for site in site_names
        if site and (key == squash(site) or (len(words) == 1 and words[0] in name_key(site).split()))
    ]
    if not sites:
        return True
    # A full name typed a Person is one on a personal site: when the JSON-LD describes the person
    # (a profile, an image ...), or when only the host name bears it ("Ash Vardanian" on ashvardanian.com).
    host_only = all(site == squash(site) for site in sites)
    return len(words) >= 2 and looks_like_name(name) and (described or host_only)


def _byline_text_ok(text: str) -> bool:
    return 2 <= len(text) <= 200




def _from_jsonld(page: _Page, org_names: list[str]) -> _Found:
    art = page.art
    if art is not None and art.get("author"):
        return _people_from_ld(art.get("author"), page.ld, org_names, forum=bool(_types(art) & _FORUM_TYPES))
    return [], []


def _from_meta(page: _Page, org_names: list[str], keys: tuple[str, ...] = _META_AUTHOR_KEYS) -> _Found:
    people: list[Person] = []
    credits: list[str] = []
    for key in keys:
        values = [
            v for v in page.src.meta.get(key, []) if v and not v.strip().lower().startswith(("http:", "https:", "www."))
        ]
        for value in values[:10]:
            value = uninvert(_text(value, 1_000))  # "Okafor, Ngozi" (Dublin Core style)
            names, orgs = split_byline(value, site_names=org_names)
            if not names and not orgs and _lower_case_name(value):
                names = [value]  # "kirstin boatto": a name its writer did not capitalise
            if not names and orgs == [value] and _user_name(value, org_names):
                names, orgs = [value], []  # "stephenlega": a person's user name, not an account
            people.extend(Person(n) for n in names)
            credits.extend(orgs)
        if people:
            break
    return people, credits


#: Microdata is read inside ``<noscript>`` too: a forum's view for readers without scripts
#: (Discourse) carries its posts' microdata there.
_MICRODATA_EXCLUDED_TAGS = _EXCLUDED_TAGS - {"noscript"}


def _from_microdata(page: _Page, org_names: list[str]) -> _Found:
    """``itemprop=author`` (microdata) in the article's scope, ``<noscript>`` included."""
    people: list[Person] = []
    credits: list[str] = []
    for el in _itemprop(page.src, "author"):
        if _excluded(el, _BYLINE_BAD, _MICRODATA_EXCLUDED_TAGS) and not _in_avatar_block(el):
            continue
        name = href = ""
        for sub in el.iter():
            props = _attr(sub, "itemprop").lower().split() if sub is not el else []
            if "url" in props and not href:
                href = _attr(sub, "href")  # the person's profile, in their itemscope
            if "name" in props:
                name = _itemprop_value(sub)
                break
        if not name:
            name = _itemprop_value(el)
        if not _byline_text_ok(name) or name.startswith(("/", "http:", "https:", "www.")):
            continue  # an address (a link's microdata value) names no one
        names, orgs = split_byline(name, site_names=org_names)
        if not names and orgs in ([name], []) and "person" in _attr(el, "itemtype").lower() and _personal(
            name, org_names, forum=True
        ):
            names, orgs = [name], []  # an itemscope typed Person: a user name in a forum
        if isinstance(el.tag, str) and el.tag.lower() == "a":
            href = _attr(el, "href")
        url = _resolve(href, page.base_url) if href and len(names) == 1 else None
        people.extend(Person(n, url=url) for n in names)
        credits.extend(orgs)
    return people, credits


def _in_avatar_block(el: Any) -> bool:
    """Whether *el*, a microdata ``Person``, is furniture only by a class that begins with "avatar"
    (a forum post's poster is drawn beside its picture: "avatar-username-inner")."""
    if "person" not in _attr(el, "itemtype").lower():
        return False
    for node in (el, *_ancestors(el)):
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _MICRODATA_EXCLUDED_TAGS:
            return False
        if tag == "main":
            return True
        if tag in ("html", "body", "article"):
            continue
        tokens = " ".join(t for t in _classes(node).lower().split() if not t.startswith("avatar"))
        if _furniture_class(tokens, _BYLINE_BAD):
            return False
    return True


def _from_rel_author(page: _Page, org_names: list[str]) -> _Found:
    """``rel=author`` links outside comments and sidebars."""
    people: list[Person] = []
    credits: list[str] = []
    for text, href in page.src.link_authors:
        if not _byline_text_ok(text):
            continue
        names, orgs = split_byline(text, site_names=org_names)
        people.extend(Person(n, url=_resolve(href, page.base_url) if len(names) == 1 else None) for n in names)
        credits.extend(orgs)
    return people, credits


def _from_byline_elements(
    page: _Page, org_names: list[str], elements: list[Any] | None = None, *, loose: bool = False
) -> _Found:
    """The byline element nearest the headline, outside page furniture, with something that looks like names
    (*loose*: outside sidebars, comments and related stories only)."""
    candidates = []
    for el in _nearest_first(page.src.find("bylines") if elements is None else elements, page.headline):
        if _loosely_excluded(el) if loose else _excluded(el, _BYLINE_BAD):
            continue
        if _ABOUT_CLASS.search(_attr(el, "class") + " " + _attr(el, "id")):
            continue  # what the author does, not who: "author-description", "author-job-title"
        text = _byline_text(el, 400)
        if not _byline_text_ok(text):
            continue
        names, orgs = split_byline(text, site_names=org_names)
        names = [n for n in names if len(n.split()) >= 2]
        if names:
            return [Person(n) for n in names], orgs
        candidates.append(el)
    for el in candidates[:10]:  # no element is a byline as a whole: one whose first piece is a name
        name = _name_piece(el, org_names)
        if name:
            return [Person(name)], []
    return [], []


_ABOUT_CLASS = re.compile(r"author[-_]?(?:desc|description|bio|job|role|position|title)", re.IGNORECASE)
#: A part of an author box that says what the author does, not who (``author-title``,
#: ``c-author-info__title``, ``elementor-author-box__bio``): a class word naming the author
#: and ending in one of these.
_ABOUT_PART = re.compile(r"author\S*?[-_](?:job|job-title|role|position|title)$", re.IGNORECASE)


def _byline_text(el: Any, limit: int) -> str:
    """The text of a byline element without its parts that describe the author (a job title
    under the name: "Celeste Longacre" / "Gardener & Astrologer"), bounded to *limit*
    characters; script and style content left out."""
    parts: list[str] = []
    skipped: set[Any] = set()
    size = 0
    for node in el.iter():
        if node is not el and node.getparent() in skipped:
            skipped.add(node)
            continue
        ok = isinstance(node.tag, str) and node.tag not in ("script", "style", "noscript", "template")
        if ok and node is not el and any(_ABOUT_PART.search(t) for t in _attr(node, "class").split()):
            ok = False
        if not ok:
            skipped.add(node)
        for text in (node.text if ok else None, node.tail if node is not el else None):
            if text:  # a described part's tail is outside it
                parts.append(text)
                size += len(text)
        if size > limit:
            break
    return clean_name(" ".join(parts)[:limit])


def _article_like(page: _Page) -> bool:
    """Whether the page says it is an article (a JSON-LD article node, or ``og:type`` article)."""
    return page.art is not None or _first_meta(page.src, "og:type").lower() == "article"


_LOOSE_TAGS = frozenset(("nav", "aside", "form", "template"))


def _loosely_excluded(el: Any) -> bool:
    """Whether *el* is in a navigation, an aside, a form, or an element whose class or id names a
    sidebar, comments, related or recommended stories (not a card, a banner or a footer: an
    author box is drawn as those too)."""
    for node in (el, *_ancestors(el)):
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _LOOSE_TAGS:
            return True
        if tag not in ("html", "body") and any(
            _BYLINE_BAD.search(token) for token in (_attr(node, "class") + " " + _attr(node, "id")).lower().split()
        ):
            return True
    return False


def _name_piece(el: Any, org_names: list[str]) -> str | None:
    """A byline element whose text is more than names ("Craig McCarthy Last updated on 17 December
    2025", a name and a short biography): its first text piece that is a whole name, if any, among
    the short pieces before the first sentence."""
    for piece in _text_pieces(el)[:8]:
        if len(piece) > 80:
            break
        names, _orgs = split_byline(piece, site_names=org_names)
        if len(names) == 1 and len(names[0].split()) >= 2 and names[0] == clean_name(strip_label(piece)):
            return names[0]
    return None


_FORUM_PATH = re.compile(
    r"/(?:threads?|t|topics?|forums?|discussions?|questions|comments|community)/|showthread|viewtopic", re.IGNORECASE
)
_FORUM_HOST = re.compile(r"^(?:www\.)?(?:forums?|community|discuss|discussions?|boards?|answers)\.", re.IGNORECASE)
_USER_CLASS = re.compile(r"(?:^|[\s_-])(?:(?:big|post)?user-?name|creator|poster|post-?author|author)(?:$|[\s_-])")
_UN = str.maketrans("UN", "un")
_USER_HREFS = ("/members/", "/member.php", "/user/", "/u/", "/profile/", "/users/", "mode=viewprofile", "action=profile")


def _forum_users(root: Any, limit: int) -> list[Any]:
    """The first poster's candidates of a thread: the first *limit* elements, in document order,
    whose class names a user (``username``, ``user-name`` in any case of U and N, ``creator``,
    ``author``, ``poster``) or links that lead to a member's profile (:data:`_USER_HREFS`:
    phpBB's ``memberlist.php?mode=viewprofile``, Simple Machines' ``index.php?action=profile``).
    One walk of the document in Python, stopped there (an XPath that converted each element's
    class to a string five times cost twice as much)."""
    top = root.getroottree().getroot()
    found: list[Any] = []
    for tree in (*reversed(list(top.itersiblings(preceding=True))), top, *top.itersiblings()):
        for el in tree.iter(lxml.etree.Element):
            cls = el.get("class")
            if cls is not None:
                low = cls.translate(_UN)
                if "username" in low or "user-name" in low or "creator" in cls or "author" in cls or "poster" in cls:
                    found.append(el)
                    if len(found) >= limit:
                        return found
                    continue
            if el.tag == "a":
                href = el.get("href")
                if href is not None and any(part in href for part in _USER_HREFS):
                    found.append(el)
                    if len(found) >= limit:
                        return found
    return found
#: Page furniture around a forum's posts (a sidebar's "latest posts", the signed-in user's menu)
#: by tag. A <form> is not: forums wrap their posts in a moderation form
#: ("InlineModForm", "quickModForm"); a sign-in or search form is told by its class, id or action.
_FORUM_FURNITURE_TAGS = frozenset(("nav", "footer", "aside", "template"))
_FORUM_BAD_PART = re.compile(r"^(?:" + _FURNITURE_ANY + r"|login|signin|account|visitor|online|latest|members-?list)")
_FORM_BAD = re.compile(r"login|log-?in|signin|sign-?in|search|register", re.IGNORECASE)


def _forum_furniture(el: Any) -> bool:
    """Whether *el* is in a forum page's furniture: a navigation, footer or aside, a sign-in or
    search form, or an element a part of whose class or id token ("p-body-sidebar", "sidebar",
    "latestThreads") names furniture. A part that only says where the posts are drawn
    ("mainContainer_noSidebar", "beside_nssidebar") does not begin with the word."""
    for node in (el, *_ancestors(el)):
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _FORUM_FURNITURE_TAGS:
            return True
        if tag == "main":
            return False
        if tag == "form" and _FORM_BAD.search(_attr(node, "action") + " " + _attr(node, "class") + " " + _attr(node, "id")):
            return True
        if tag in ("html", "body", "article"):
            continue
        for token in (_attr(node, "class") + " " + _attr(node, "id")).lower().split():
            if _MODIFIER.match(token):
                continue  # a layout modifier ("has-sidebar"), not a component
            token = token.split("--", 1)[0]
            if _FURNITURE_START.match(token) or any(_FORUM_BAD_PART.match(part) for part in re.split(r"[-_]+", token)):
                return True
    return False


def _is_forum(page: _Page) -> bool:
    """Whether *page* is a thread of a forum or a Q&A site (its JSON-LD, its URL or its host says so)."""
    art = page.art
    if art is not None and _types(art) & _FORUM_TYPES:
        return True
    if page.page is not None and "qapage" in _types(page.page):
        return True
    url = page.page_url or page.canonical or ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return bool(_FORUM_PATH.search(parts.path) or _FORUM_HOST.match(parts.hostname or ""))


def _from_forum_user(page: _Page, org_names: list[str]) -> _Found:
    """On a forum thread, the first poster's user name: the first user element after the headline."""
    root = page.src.root
    if root is None or not _is_forum(page):
        return [], []
    found = _forum_users(root, 300)
    candidates = [el for el in found if el.tag == "a" or _USER_CLASS.search(_attr(el, "class").lower())]
    line = getattr(page.headline, "sourceline", None) if page.headline is not None else None
    if isinstance(line, int):
        candidates = [el for el in candidates if isinstance(el.sourceline, int) and el.sourceline >= line] + [
            el for el in candidates if not (isinstance(el.sourceline, int) and el.sourceline >= line)
        ]
    for el in candidates[:60]:
        if _forum_furniture(el):
            continue
        name = _element_text(el, 200)
        if not name or len(name) > 60 or name_key(name) in ACCOUNTS:
            continue
        if _HANDLE.fullmatch(name) or (looks_like_name(name) and len(name.split()) <= 4):
            return [Person(name)], []
    return [], []


#: The labels of a writer in a card's label / data pairs (``twitter:label1`` "Written by").
_WRITTEN_BY_LABELS = frozenset(("written by", "author", "by"))


def _from_card_label(page: _Page, org_names: list[str]) -> _Found:
    """The writer a link preview card names: ``twitter:dataN`` whose ``twitter:labelN`` is
    "Written by" (N = 1..4), read like ``<meta name=author>``."""
    meta = page.src.meta
    for n in range(1, 5):
        labels = meta.get(f"twitter:label{n}", [])
        if labels and labels[0].strip().lower() in _WRITTEN_BY_LABELS and meta.get(f"twitter:data{n}"):
            return _from_meta(page, org_names, (f"twitter:data{n}",))
    return [], []


_Reader = Callable[[_Page, list[str]], _Found]

#: The metadata's authors, most trusted first; the first source naming a person wins (credits add up).
METADATA_AUTHOR_TRUST: tuple[tuple[str, _Reader], ...] = (
    ("JSON-LD author", _from_jsonld),
    ("<meta> author", _from_meta),
    ("a link card's 'Written by'", _from_card_label),
)

#: The visible page's authors, read when the metadata names nobody; most trusted first.
VISIBLE_AUTHOR_TRUST: tuple[tuple[str, _Reader], ...] = (
    ("microdata author", _from_microdata),
    ("rel=author link", _from_rel_author),
    ("byline element", _from_byline_elements),
    ("a forum thread's first poster", _from_forum_user),
)


def _first_found(page: _Page, org_names: list[str], trust: tuple[tuple[str, _Reader], ...]) -> _Found:
    credits: list[str] = []
    for _name, reader in trust:
        people, found = reader(page, org_names)
        credits.extend(found)
        if people:
            return people, credits
    return [], credits


#: Words that join two names in a byline, in the languages of :data:`articlekit._people.BYLINE_LANGUAGES`.
_CONNECTORS = frozenset(("", "and", "&", "und", "et", "y", "e", "en", "og", "och"))


def _byline_after(texts: list[str]) -> str | None:
    """A "By ..." line among the first texts after the headline, up to the first date or share button."""
    for i, text in enumerate(texts[:40]):
        if len(text) > 300:
            return None  # the article's text has begun
        parts = _LINE_PARTS.split(text)
        opening = next((j for j, part in enumerate(parts) if opens_byline(part)), None)
        if opening:  # "Veröffentlicht am 12.03.2025 | Von Chris Jung": the byline after the date
            text = " | ".join(parts[opening:])
        if opens_byline(text):
            words = strip_label(text).split()
            if len(words) >= 2 and words[0].islower() and words[1].islower():
                return None  # a sentence ("by printing one of our examples"): the text has begun
            joined = text
            for nxt in texts[i + 1 : i + 10]:
                if re.search(r"\d", nxt) or _BYLINE_STOP.match(nxt) or is_link_label(nxt) or len(joined) > 150:
                    break
                if len(nxt.split()) > 12 and any(len(n.split()) >= 2 for n in split_byline(joined)[0]):
                    break  # after whole names, a sentence: the article's text has begun
                # After a whole name, another name in its own element is another author ("Emily
                # Walker" "Casey McDevitt"); anything else ends the byline ("Table of contents").
                if _names_only(joined) and nxt.strip(" ,").lower() not in _CONNECTORS:
                    if not (len(nxt.split()) >= 2 and looks_like_name(nxt)) or split_byline(joined)[1]:
                        break  # after an organisation ("Great Day Editorial Team"), a category follows
                    joined += ", " + nxt
                else:
                    joined += " " + nxt
            return joined
    return None



_LIST_JOINS = frozenset((",", ";", "&", "and", "und", "et", "y", "e", "en"))


def _names_listed_after(texts: list[str], first: str, org_names: list[str]) -> list[str]:
    """The people's whole names listed after *first* among the first texts under the headline,
    each after a separator (``,`` ``;`` ``&`` ``and``; an affiliation number between them is
    skipped), up to the first text that is neither (an organisation ends the list too)."""
    key = name_key(first)
    start = next((i for i, t in enumerate(texts[:15]) if name_key(t) == key), None)
    if start is None:
        return []
    names: list[str] = []
    joined = False
    for text in texts[start + 1 : start + 40]:
        low = text.strip().lower()
        if low in _LIST_JOINS:
            joined = True
        elif low.isdigit() and len(low) <= 2:
            continue  # an affiliation mark: "Jennifer Huberty" "1" ";" "Jeni Green"
        elif joined and len(text.split()) >= 2 and split_byline(text, site_names=org_names) == ([text.strip()], []):
            names.append(text.strip())
            joined = False
        else:
            break
    return names[:10]


def _names_only(text: str) -> bool:
    """Whether the byline *text*, its label stripped, is a name ("Jane Doe") or two joined by
    a word ("Jan de Vries en Piet Jansen", "Jane Doe und Bo Li"; no comma)."""
    text = strip_label(text.strip() + " ").strip()  # a label alone ("Von", "Ein Beitrag von") is none
    if looks_like_name(text):
        return True
    items = split_names(text)
    return "," not in text and len(items) == 2 and all(looks_like_name(item.strip()) for item in items)


_LINE_PARTS = re.compile(r"\s+[|·•⋅∙]\s+")
#: Letters, spaces and the marks of names only ("Jean-Luc O'Brien Jr."), no "!" or "?".
_PLAIN_NAME = re.compile(r"[^\W\d_][^\W\d_.'’\- ]*(?:[ .'’\-]+[^\W\d_][^\W\d_'’\-]*)*\.?")


#: The last word of a job title printed under a name ("Tech Writer", "Marketing Director").
_JOBS = frozenset(
    (
        "reporter", "writer", "correspondent", "contributor", "columnist", "editor", "photographer",
        "producer", "analyst", "journalist", "director", "manager", "founder", "co-founder", "ceo",
        "strategist", "specialist", "consultant", "engineer", "scientist", "researcher", "lead",
    )
)  # fmt: skip


def _name_beside_date(texts: list[str], org_names: list[str], *, above: bool = False) -> str | None:
    """A whole name printed on its own among the first texts after the headline, next to a date
    (``"Trond Teigen"`` after ``"2025-12-17"``) or over a job title, or as the very first text
    under the headline when it begins with a given name (``"Julia Gralberg"``): an unlabelled
    byline.  *above*: the texts just above the headline, nearest last, where only a name beginning
    with a given name counts (a category is printed beside the date there too)."""
    head: list[str] = []
    for text in texts[:6]:
        if len(text) > 300:
            break  # the article's text has begun
        # One line of several parts: "Aaron Ricadela | Senior Writer | July 2, 2025".
        parts = _LINE_PARTS.split(text) if len(text) <= 120 else [text]
        # "Mahua Das in" / "Project Management": the section a post is filed in follows its writer.
        head.extend(re.sub(r"\s+in$", "", part.strip()) for part in parts if part.strip())
    for i, text in enumerate(head[:10]):
        if not 4 <= len(text) <= 60 or not _PLAIN_NAME.fullmatch(text) or not 2 <= len(text.split()) <= 4:
            continue
        names, orgs = split_byline(text, site_names=org_names)
        if names != [clean_name(text)] or orgs or (above and not is_given_name(text.split()[0])):
            continue  # above the headline, a category ("Mental Health") is printed beside the date too
        near = head[max(0, i - 2) : i] + head[i + 1 : i + 3]
        nxt = head[i + 1] if i + 1 < len(head) and len(head[i + 1]) <= 40 else ""
        role = len(nxt.split()) >= 2 and nxt.split()[-1].lower() in _JOBS
        if role or any(find_date(t) is not None for t in near if len(t) <= 60):
            return names[0]
        if i == 0 and not above and is_given_name(text.split()[0]):
            return names[0]  # the first line under the headline, a whole name beginning with a given name
    return None


def _shown(page: _Page, people: list[Person]) -> tuple[list[Person], list[Person]]:
    """The metadata's people the page shows, and those it never shows (a CMS account, or a byline
    the page does not print)."""
    if not people or len(_visible_text(page.src)) < 1_000:
        return people, []
    shown = [p for p in people if " ".join(name_key(p.name).split()) in page.src.visible_text]
    return shown, [p for p in people if p not in shown]


def read_authors(page: _Page, after: list[str], org_names: list[str]) -> tuple[list[Person], list[str]]:
    """The authors and credits of *page*; *after* are the texts after its headline."""
    people, credits = _first_found(page, org_names, METADATA_AUTHOR_TRUST)
    after_people: list[Person] = []
    after_credits: list[str] = []
    byline = _byline_after(after)
    if page.headline is None and page.src.h1:
        # No element shows the title: a "By ..." line right under the page's first <h1> (its
        # first four texts; further down a story list has bylines too).
        byline = _byline_after(_texts_after(page.src.h1[0])[:4])
    if byline:
        names, after_credits = split_byline(byline, site_names=org_names)
        if not names and after_credits == [clean_name(strip_label(byline))] and _user_name(after_credits[0], org_names):
            names, after_credits = after_credits, []  # "by jsteinhardt": a user name after the label
        # After a label ("by Amanda", "Posted by BeauHD") one word is a name too.
        after_people = [Person(n) for n in names]
    people, hidden = _shown(page, people)
    if len(people) == 1 and not after_people:
        # The metadata names the first of a list of names printed under the headline ("Rui Ma",
        # ",", "Heba Ledwon", "&", "Suparn Patra"): the others are co-authors.
        people = people + [Person(n) for n in _names_listed_after(after, people[0].name, org_names)]
    if people and after_people:
        meta_keys = {name_key(p.name) for p in people}
        vis_keys = {name_key(p.name) for p in after_people}
        if meta_keys < vis_keys and len(vis_keys) <= 5:  # the byline under the headline names more people
            # One word after a whole name is no second person ("Michael Ansaldo, TechHive").
            people = people + [
                p for p in after_people if name_key(p.name) not in meta_keys and len(p.name.split()) >= 2
            ]
    if not people:
        vis_people, vis_credits = _first_found(page, org_names, VISIBLE_AUTHOR_TRUST)
        if not vis_people:
            vis_people, vis_credits = after_people, after_credits or vis_credits
        people = vis_people
        credits.extend(vis_credits)
    if not people and not hidden and not credits:
        # A page that credits an organisation or an account names no person beside its date.
        name = _name_beside_date(after, org_names)
        if name is None and page.headline is not None:
            # Above the headline: "Wine 101 / December 14, 2025 / Matt Check" (nearest last).
            name = _name_beside_date(list(reversed(_texts_before(page.headline))), org_names, above=True)
        people = [Person(name)] if name else []
    if not people and hidden:
        # The page prints no byline at all: the metadata's name is the author (a CMS account of one
        # lower-case word was already filed under credits).
        people, hidden = hidden, []
    if not people and page.src.scope is not None and page.src.root is not None:
        # An author box away from the headline (after the article, beside it): the whole page.
        people, found = _from_byline_elements(page, org_names, page.src.find_anywhere("bylines"))
        credits.extend(found)
    if not people and not credits and page.src.root is not None and _article_like(page):
        # An article's author box drawn as a card, a banner or in the footer: furniture elsewhere.
        people, found = _from_byline_elements(page, org_names, page.src.find_anywhere("bylines"), loose=True)
        credits.extend(found)
    if not people:
        # A writer's name after a "Written by" label away from the headline (an author box).
        writer = _labelled_writer(page, org_names)
        people = [Person(writer)] if writer else []
    if not people:
        linked = _author_page_link(page, org_names)
        people = [Person(linked)] if linked else []
    if not people and credits:
        # A person whose site bears their name: a credit by the site rule, the author when it
        # begins with a given name.
        owner = _site_owner(credits, org_names)
        if owner is not None:
            people, credits = [Person(owner)], [c for c in credits if c != owner]
    if hidden:
        ignored = ", ".join(p.name for p in hidden)
        page.warnings.append(f"authors: {ignored} named in the metadata but not on the page; ignored")
    return _final(page, people, credits)


#: A label that stands alone before the writer's name ("Written by" / "Jack Shepherd"), or opens it.
_WRITER_LABELS = ("written by", "article by", "authored by")
_MAX_LABEL_WALK = 4_000


_REVIEW_CLASS = re.compile(r"review|testimonial|rating", re.IGNORECASE)


def _in_review(el: Any) -> bool:
    """Whether *el* is in a customer's review or a testimonial (its class or id, or an ancestor's, says so)."""
    return any(_REVIEW_CLASS.search(_attr(node, "class") + " " + _attr(node, "id")) for node in (el, *_ancestors(el)))


def _labelled_writer(page: _Page, org_names: list[str]) -> str | None:
    """A writer's whole name after a "Written by" (or "Author", "By") label anywhere in the page
    outside navigation, sidebars, comments and related stories: the label alone in its element and
    the name in the next text, or both in one short text ("Written by Cassidy Horton"). At most
    :data:`_MAX_LABEL_WALK` text nodes are read."""
    visible = _visible_text(page.src)
    if not any(label in visible for label in _WRITER_LABELS):
        return None  # the page's text (cached, case-folded) holds no label: no walk
    root = page.src.root
    body = root.find("body") if root is not None else None
    if body is None:
        return None
    pieces: list[tuple[str, Any]] = []
    for node in body.iter():
        if len(pieces) >= _MAX_LABEL_WALK:
            break
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag and tag not in ("script", "style", "noscript", "template") and node.text and not node.text.isspace():
            pieces.append((" ".join(node.text[:300].split()), node))
        if node.tail and not node.tail.isspace() and node.getparent() is not None:
            pieces.append((" ".join(node.tail[:300].split()), node.getparent()))
    for i, (text, el) in enumerate(pieces):
        low = text.lower().rstrip(" :")
        if low in _WRITER_LABELS and i + 1 < len(pieces):
            candidate = pieces[i + 1][0]
        elif low.startswith(_WRITER_LABELS) and len(text) <= 80:
            candidate = text
        else:
            continue
        if len(candidate) > 80 or _loosely_excluded(el) or _in_review(el):
            continue
        names, _orgs = split_byline(candidate, site_names=org_names)
        if len(names) == 1 and len(names[0].split()) >= 2 and looks_like_name(names[0]):
            return names[0]
    return None


_XP_AUTHOR_LINKS = lxml.etree.XPath(
    "descendant-or-self::a[contains(@href, '/author/') or contains(@href, '/authors/')]"
)


def _author_page_link(page: _Page, org_names: list[str]) -> str | None:
    """A whole name linking to the site's page of an author (``/author/ray/``) outside navigation,
    sidebars, comments, related stories and reviews."""
    scope = page.src.scope
    if scope is None or urlsplit(page.page_url or "").path in ("", "/"):
        return None  # no headline, or a home page (its story list)
    for el in _nearest_first(_XP_AUTHOR_LINKS(scope)[:50], page.headline):
        text = " ".join(el.text_content().split())
        if not 4 <= len(text) <= 60 or _excluded(el, _BYLINE_BAD) or _in_review(el) or _other_label(el):
            continue
        names, orgs = split_byline(text, site_names=org_names)
        if names == [clean_name(strip_label(text))] and len(names[0].split()) >= 2 and not orgs:
            return names[0]
    return None


def _other_label(el: Any) -> bool:
    """Whether the text just before *el* is a label other than a byline's ("Contact:", "Editor:")."""
    prev = el.getprevious()
    if prev is not None:
        before = (prev.text_content() if isinstance(prev.tag, str) else "") + (prev.tail or "")
    else:
        parent = el.getparent()
        before = (parent.text if parent is not None else "") or ""
    before = " ".join(before[-100:].split())
    return before.endswith(":") and not opens_byline(before)


def _site_owner(credits: list[str], org_names: list[str]) -> str | None:
    """The first credit that is a person's whole name but for the site rule and begins with a
    given name (:func:`articlekit._people.is_given_name`): the owner of a personal site ("Mark
    Denney" on "Mark Denney Photography", "Cory Dransfeldt" on coryd.dev), not a company named
    after a thing ("Regency Chess"); or a given name alone that begins the site's name ("Ben" on
    "Ben Edelstein", "Tom" on tomscoffeecorner.com): the owner signing with a first name."""
    for credit in credits[:3]:
        words = credit.split()
        if len(words) == 1 and is_given_name(credit) and not credit.isupper():
            key = squash(credit)
            if any(squash(site).startswith(key) for site in org_names if site):
                return credit
        if (
            len(words) >= 2
            and is_given_name(words[0])
            and (split_byline(credit) == ([credit], []) or _lower_case_name(credit))
            and not _organisation_word(credit)
        ):
            return credit
    return None


def _lower_case_name(name: str) -> bool:
    """A person's name written in lower case ("kirstin boatto"): two to four words of letters that
    read as a name once capitalised."""
    words = name.split()
    if not name.islower() or not 2 <= len(words) <= 4 or not all(w.isalpha() for w in words):
        return False
    cased = " ".join(w[:1].upper() + w[1:] for w in words)
    return split_byline(cased) == ([cased], [])


#: Parts of the user names of shared accounts ("adminn", "q_admin", "newsdesk", "seoteam").
_ACCOUNT_PARTS = re.compile(
    r"admin|editor|staff|team|webmaster|seo|marketing|support|info|news|blog|office|desk|redak|r[ée]da[cç]|redaz", re.I
)


def _user_name(name: str, org_names: list[str]) -> bool:
    """Whether *name*, one word that a byline files as an account, is a person's user name
    ("stephenlega", "sara.r.peter"): not in capitals (an acronym), no part of a shared account's
    name, not the site's name nor part of it."""
    if not _HANDLE.fullmatch(name) or name.isupper() or _ACCOUNT_PARTS.search(name) or name.lower() in _PLACEHOLDERS:
        return False
    key = squash(name)
    return not any(key in squash(s) or squash(s) in key for s in org_names if s)


def _organisation_word(name: str) -> bool:
    return any(w.strip(".,'’()") in _ALWAYS_ORGANISATION for w in name_key(name).split())


def _final(page: _Page, people: list[Person], credits: list[str]) -> tuple[list[Person], list[str]]:
    """Names cleaned, cut and de-duplicated; credits that are not also authors."""
    limits, warnings = page.limits, page.warnings
    authors: list[Person] = []
    seen: set[str] = set()
    for person in people:
        name = limits.cut(
            clean_name(person.name), "max_name_chars", "an author's name", warnings.append,
            f"an author's name cut to {limits.max_name_chars} characters (Limits.max_name_chars)",
            source="html", trim=True,
        )  # fmt: skip
        key = name_key(name)
        if not name or key in seen:
            continue
        seen.add(key)
        url = _resolve(person.url, page.base_url) if person.url else None
        authors.append(Person(name, url=url, role=person.role))
    authors = limits.cut(
        authors, "max_authors", "authors", warnings.append,
        f"authors: kept the first {limits.max_authors} of {len(authors)} (Limits.max_authors)", source="html",
    )  # fmt: skip
    credit_out: list[str] = []
    credit_seen: set[str] = set()
    for credit in credits:
        credit = limits.cut(clean_name(credit), "max_name_chars", "a credit", _unwarned, source="html")
        key = name_key(credit)
        if credit and key not in credit_seen and key not in seen:
            credit_seen.add(key)
            credit_out.append(credit)
    return authors, credit_out
