"""Page metadata (``articlekit._parsers.html._metadata``): one handwritten page per source or conflict.

Each page in ``tests/fixtures/html_metadata/`` exercises one metadata source or one
conflict between sources; the expected values below are what a reader of that
page would write down, asserted exactly for every field.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import attrs
import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlekit import Article, Limits, parse_html
from articlekit._dates import find_date
from articlekit._model import Image, Person
from articlekit._parsers.html._metadata import (
    PageMetadata,
    extract_metadata,
    guess_language,
    normalize_language,
)
from articlekit._people import split_byline
from articlekit.testing import texts

FIXTURES = Path(__file__).parent / "fixtures" / "html_metadata"
UTC = timezone.utc


def tz(hours: int) -> timezone:
    return timezone(timedelta(hours=hours))


def parse(name: str, url: str | None, limits: Limits | None = None) -> PageMetadata:
    data = (FIXTURES / name).read_bytes()
    return extract_metadata(_tree(data), url=url, limits=limits or Limits())


def _tree(data: bytes | str) -> Any:
    parser = lxml.html.HTMLParser(
        encoding="utf-8" if isinstance(data, bytes) else None,
        no_network=True,
        remove_comments=True,
        remove_pis=True,
    )
    return lxml.html.document_fromstring(data, parser=parser)


# Every field asserted; fields a case leaves out must be empty (None or ()).
CASES: dict[str, dict[str, Any]] = {
    "01_jsonld_newsarticle.html": {
        "url": "https://coastaltimes.example/local/harbour-wall-rebuilt?utm_source=feed",
        "title": "Harbour wall to be rebuilt after storm damage",
        "authors": (Person("Moira Quinn", url="https://coastaltimes.example/authors/moira-quinn"),),
        "published": datetime(2024, 3, 4, 7, 15, tzinfo=UTC),
        "modified": datetime(2024, 3, 4, 9, 40, tzinfo=UTC),
        "language": "en-GB",
        "site_name": "The Coastal Times",
        "canonical_url": "https://coastaltimes.example/local/harbour-wall-rebuilt",
        "section": "Local",
        "tags": ("Storms", "Harbour"),
        "images": (Image("https://coastaltimes.example/img/harbour-wall.jpg"),),
    },
    "02_jsonld_graph.html": {
        "url": "https://orchardnotes.example/prune/",
        "title": "How to prune an apple tree",
        "authors": (Person("Tomasz Nowak"),),
        "published": datetime(2023, 11, 20, 10, 0, tzinfo=tz(1)),
        "language": "en-US",
        "site_name": "Orchard Notes",
        "section": "Gardening",
        "tags": ("apples", "pruning"),
        "images": (Image("https://orchardnotes.example/img/pruning.jpg"),),
    },
    "03_jsonld_list.html": {
        "url": "https://towncrier.example/news/library-sundays",
        "title": "Library opens on Sundays",
        "authors": (Person("Priya Raman"), Person("Leo Hart")),
        "published": datetime(2022, 6, 1, tzinfo=UTC),
        "language": "en",
        "site_name": "Town Crier",
    },
    "04_jsonld_malformed.html": {
        "url": "https://valleygazette.example/bridge",
        "title": "Bridge closed for repairs",
        "authors": (Person("Dana Whitfield"),),
        "published": datetime(2021, 9, 14, 6, 0, tzinfo=tz(-4)),
        "language": "en",
        "site_name": "Valley Gazette",
        "warnings": ("JSON-LD block 1 is not valid JSON; skipped",),
    },
    "05_org_as_person.html": {
        "url": "https://worldledger.example/markets/oil",
        "title": "Oil prices climb on supply worries",
        "authors": (Person("Henrik Olsen"),),
        "credits": ("Reuters",),
        "published": datetime(2024, 1, 9, 13, 30, tzinfo=UTC),
        "language": "en",
        "site_name": "World Ledger",
    },
    "06_cms_account_author.html": {
        "url": "https://riversidepost.example/market",
        "title": "Farmers market moves to the square",
        "authors": (Person("Maria Lopez"),),
        "credits": ("admin", "Staff"),
        "published": datetime(2023, 5, 2, 8, 0, tzinfo=tz(2)),
        "language": "en",
        "site_name": "Riverside Post",
    },
    "07_site_name_as_author.html": {
        "url": "https://shedlife.example/tidy-shed",
        "title": "Five tips for a tidy shed",
        "credits": ("Shed Life",),
        "published": datetime(2020, 8, 18, 12, 0, tzinfo=UTC),
        "language": "en",
        "site_name": "Shed Life",
    },
    "08_byline_agency.html": {
        "url": "https://weatherdaily.example/rain",
        "title": "Rain again",
        "authors": (Person("Ann Lee"), Person("Bo Chan")),
        "credits": ("Associated Press",),
        "language": "en",
        "site_name": "Weather Daily",
    },
    "09_byline_two_people.html": {
        "url": "https://metro-record.example/2024/03/03/budget",
        "title": "City budget passes after late-night vote",
        "authors": (Person("Jane Doe"), Person("John Roe")),
        "published": datetime(2024, 3, 3, tzinfo=UTC),
        "language": "en",
        "site_name": "Metro Record",
        "description": "The council approved the budget by seven votes to four.",
    },
    "10_commenters_and_sidebar.html": {
        "url": "https://downtowndaily.example/cycle-lanes",
        "title": "New cycle lanes open downtown",
        "authors": (Person("Lucia Fernandes"),),
        "published": datetime(2024, 4, 11, 9, 0, tzinfo=tz(-5)),
        "language": "en",
        "site_name": "Downtown Daily",
    },
    "11_placeholder_date.html": {
        "url": "https://northernecho.example/school",
        "title": "School reopens after flood",
        "published": datetime(2023, 2, 17, 16, 20, tzinfo=UTC),
        "language": "en",
        "site_name": "Northern Echo Online",
    },
    "12_epoch_date.html": {
        "url": "https://cultureweekly.example/museum",
        "title": "Museum extends opening hours",
        "published": datetime(2022, 10, 7, 11, 0, tzinfo=tz(2)),
        "language": "en",
        "site_name": "Culture Weekly",
    },
    "13_relative_date.html": {
        "url": "https://islandnews.example/2024/03/05/ferry-timetable",
        "title": "Ferry timetable changes",
        "published": datetime(2024, 3, 5, tzinfo=UTC),
        "language": "en",
        "site_name": "Island News",
    },
    "14_future_date.html": {
        "url": "https://countyvoice.example/results",
        "title": "Council election results",
        "published": datetime(2021, 5, 7, tzinfo=UTC),
        "language": "en",
        "site_name": "County Voice",
    },
    "15_modified_only.html": {
        "url": "https://leisurecentre.example/holidays",
        "title": "Opening times for the holidays",
        "modified": datetime(2023, 12, 20, 10, 0, tzinfo=UTC),
        "language": "en",
        "site_name": "Leisure Centre",
    },
    "16_og_site_name_url.html": {
        "url": "https://tramtown-news.example/fares",
        "title": "Tram fares frozen for another year",
        "published": datetime(2024, 1, 15, 7, 0, tzinfo=tz(1)),
        "language": "en",
        "site_name": "Tramtown News",
    },
    "17_og_site_name_tagline.html": {
        "url": "https://greenthumb.example/tomatoes",
        "title": "Tomatoes in pots: a beginner's guide",
        "language": "en",
        "site_name": "Green Thumb",
    },
    "18_og_site_name_slug.html": {
        "url": "https://dailyplanet.example/marathon",
        "title": "Marathon route announced",
        "language": "en",
        "site_name": "dailyplanet.example",
        "warnings": ("site_name: none declared; taken from the host name",),
    },
    "19_section_prefix_title.html": {
        "url": "https://dailyplanet.example/opinion/trees",
        "title": "Why cities need more trees",
        "published": datetime(2024, 6, 21, 5, 0, tzinfo=tz(-4)),
        "language": "en",
        "site_name": "The Daily Planet",
        "section": "Opinion",
    },
    "20_title_suffix_only.html": {
        "url": "https://alpineherald.example/snow",
        "title": "Snow closes mountain pass",
        "language": "en",
        "site_name": "Alpine Herald",
    },
    "21_logo_h1.html": {
        "url": "https://harbourlight.example/keeper",
        "title": "Lighthouse keeper retires after 40 years",
        "language": "en",
        "site_name": "Harbour Light",
    },
    "22_related_story_h1.html": {
        "url": "https://marketstreetjournal.example/bakery",
        "title": "Bakery wins national award",
        "language": "en",
        "site_name": "Market Street Journal",
    },
    "23_seo_title_differs.html": {
        "url": "https://gadgetbench.example/laptops",
        "title": "The laptops we would buy with our own money",
        "authors": (Person("Sven Berg"),),
        "published": datetime(2024, 2, 29, 12, 0, tzinfo=UTC),
        "language": "en",
        "site_name": "Gadget Bench",
    },
    "24_microdata.html": {
        "url": "https://stadtanzeiger.example/verkehr/buslinie",
        "title": "Neue Buslinie verbindet die Vororte",
        "authors": (Person("Karin Vogel"),),
        "published": datetime(2023, 9, 1, 6, 30, tzinfo=tz(2)),
        "language": "de-DE",
        "site_name": "Stadtanzeiger",
        "section": "Verkehr",
        "tags": ("Bus", "Nahverkehr"),
        "images": (Image("https://stadtanzeiger.example/bilder/bus.jpg"),),
    },
    "25_dublin_core.html": {
        "url": "https://rivertrust.example/reports/2019",
        "title": "Annual report on water quality",
        "authors": (Person("Ngozi Okafor"),),
        "published": datetime(2019, 4, 30, tzinfo=UTC),
        "language": "en-GB",
        "site_name": "River Trust",
        "description": "Findings of the annual survey of river water quality.",
    },
    "26_twitter_only.html": {
        "url": "https://mowerworld.example/robots",
        "title": "Robot lawnmowers tested",
        "language": "en",
        "site_name": "mowerworld.example",
        "description": "We let six robot mowers loose on a very bumpy lawn.",
        "images": (Image("https://mowerworld.example/img/robots.jpg"),),
        "warnings": ("site_name: none declared; taken from the host name",),
    },
    "27_canonical_relative.html": {
        "url": "https://borough-bulletin.example/amp/parking-charges",
        "title": "Parking charges to rise",
        "language": "en",
        "site_name": "The Borough Bulletin",
        "canonical_url": "https://borough-bulletin.example/news/parking-charges",
    },
    "28_base_href.html": {
        "url": "https://www.example.net/gallery",
        "base_url": "https://static.example.net/site/",
        "title": "Gallery reopens with new wing",
        "authors": (Person("Hana Sato", url="https://static.example.net/site/people/hana-sato"),),
        "language": "en",
        "site_name": "Arts Review",
        "canonical_url": "https://static.example.net/site/articles/gallery-reopens",
        "images": (Image("https://static.example.net/site/img/new-wing.jpg"),),
    },
    "29_lang_underscore.html": {
        "url": "https://prairiefarmer.example/corn",
        "title": "Corn harvest starts early",
        "language": "en-US",
        "site_name": "Prairie Farmer Weekly",
    },
    "30_lang_og_locale.html": {
        "url": "https://jornaldacidade.example/ciclovia",
        "title": "Prefeitura anuncia nova ciclovia",
        "language": "pt-BR",
        "site_name": "Jornal da Cidade",
    },
    "31_lang_content_language.html": {
        "url": "https://courrier.example/bibliotheque",
        "title": "La bibliothèque agrandit ses heures",
        "language": "fr-CA",
        "site_name": "Le Courrier du Quartier",
    },
    "32_lang_guess.html": {
        "url": None,
        "title": "Die Stadt baut eine neue Brücke über den Fluss",
        "language": "de",
        "description": "Die neue Brücke soll im nächsten Jahr fertig sein und ist auch für Radfahrer gedacht.",
        "warnings": ("language: none declared; guessed 'de' from the text",),
    },
    "33_lang_script_conflict.html": {
        "url": "https://seoul.example/subway",
        "title": "서울 지하철 새 노선 개통",
        "language": "ko",
        "site_name": "서울일보",
        "warnings": ("language: declared 'en' but the text is written in 'ko'; used 'ko'",),
    },
    "34_rel_author.html": {
        "url": "https://gardengazette.example/allotments",
        "title": "Allotment waiting list grows",
        "authors": (Person("Sam Reed", url="https://gardengazette.example/people/sam-reed"),),
        "published": datetime(2021, 3, 12, tzinfo=UTC),
        "language": "en",
        "site_name": "Garden Gazette",
    },
    "35_double_escaped_entities.html": {
        "url": "https://valleyvoices.example/choir",
        "title": "‘We did it’: choir wins festival",
        "published": datetime(2019, 7, 22, 18, 0, tzinfo=tz(1)),
        "language": "en",
        "site_name": "Valley Voices & News",
        "description": "The village choir took first prize at the county festival.",
    },
    "36_naive_date_and_tags.html": {
        "url": "https://healthdesk.example/car-park",
        "title": "Hospital car park to be expanded",
        "authors": (Person("Chloe Dubois"), Person("Arjun Mehta")),
        "published": datetime(2024, 2, 10, 8, 0, tzinfo=UTC),
        "language": "en",
        "site_name": "Health Desk Online",
        "tags": ("hospital", "parking", "planning"),
    },
    "37_images_order.html": {
        "url": "https://energytoday.example/wind",
        "title": "Wind farm approved offshore",
        "published": datetime(2023, 10, 30, 14, 0, tzinfo=UTC),
        "language": "en",
        "site_name": "Energy Today",
        "images": (
            Image("https://energytoday.example/img/turbines-lead.jpg", alt="Turbines at sea"),
            Image("https://energytoday.example/img/map.png"),
        ),
    },
    "38_url_date_last_resort.html": {
        "url": "https://harbourside.example/2022/08/19/night-market",
        "title": "Night market returns",
        "published": datetime(2022, 8, 19, tzinfo=UTC),
        "language": "en",
        "site_name": "Harbourside Times",
    },
}

# Fields compared for every case (standfirst is left to the content extractor's tests).
FIELDS = (
    "title",
    "authors",
    "credits",
    "published",
    "modified",
    "language",
    "site_name",
    "url",
    "canonical_url",
    "section",
    "tags",
    "description",
    "images",
    "base_url",
    "warnings",
)
EMPTY: dict[str, Any] = {"authors": (), "credits": (), "tags": (), "images": (), "warnings": ()}


def expected_value(case: dict[str, Any], field: str) -> Any:
    if field in case:
        return case[field]
    if field == "base_url":
        return case["url"]
    return EMPTY.get(field)


def test_there_are_at_least_30_pages() -> None:
    pages = sorted(p.name for p in FIXTURES.glob("*.html"))
    assert len(pages) >= 30
    assert pages == sorted(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_page_metadata(name: str) -> None:
    case = CASES[name]
    meta = parse(name, case["url"])
    got = {field: getattr(meta, field) for field in FIELDS}
    want = {field: expected_value(case, field) for field in FIELDS}
    assert got == want
    # Dates keep their offset exactly (an equal instant in another zone is not the page's date).
    for field in ("published", "modified"):
        if want[field] is not None:
            assert got[field].utcoffset() == want[field].utcoffset()


def test_metadata_fits_the_article_model() -> None:
    for name, case in CASES.items():
        meta = parse(name, case["url"])
        fields = {f: getattr(meta, f) for f in attrs.fields_dict(PageMetadata) if f != "base_url"}
        Article(**fields)  # raises ValidationError if a value is not acceptable


# --------------------------------------------------------------------------- limits


def test_long_title_is_cut_with_a_warning() -> None:
    meta = parse("01_jsonld_newsarticle.html", "https://coastaltimes.example/x", Limits(max_title_chars=12))
    assert meta.title == "Harbour wall"
    assert "title cut to 12 characters (Limits)" in meta.warnings


def test_too_many_authors_are_cut_with_a_warning() -> None:
    meta = parse("03_jsonld_list.html", "https://towncrier.example/x", Limits(max_authors=1))
    assert meta.authors == (Person("Priya Raman"),)
    assert "authors: kept the first 1 of 2 (Limits.max_authors)" in meta.warnings


def test_huge_metadata_values_are_bounded() -> None:
    name = "Ann " + "Lee" * 100
    page = (
        f'<html><head><title>{"T" * 50_000}</title><meta name="author" content="{name}">'
        f'<meta name="keywords" content="{",".join(f"tag{i}" for i in range(500))}"></head><body></body></html>'
    )
    meta = extract_metadata(_tree(page), url=None, limits=Limits())
    assert meta.title is not None
    assert len(meta.title) == 2_000
    assert len(meta.tags) == 100
    assert any("Limits.max_tags" in w for w in meta.warnings)


# --------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("text", "people", "credits"),
    [
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"], []),
        ("By A. Smith and Bo Li, Associated Press", ["A. Smith", "Bo Li"], ["Associated Press"]),
        ("By DANICA KIRKA and JILL LAWLESS Associated Press", ["Danica Kirka", "Jill Lawless"], ["Associated Press"]),
        ("Rachael Link, MS, RD", ["Rachael Link"], []),
        ("By TOM KRISHER, AP Auto Writer", ["Tom Krisher"], []),
        ("Sarah E. Needleman", ["Sarah E. Needleman"], []),
        ("Staff Reports", [], ["Staff Reports"]),
        ("Ludwig van Beethoven", ["Ludwig van Beethoven"], []),
        ("Posted by admin", [], ["admin"]),
    ],
)
def test_split_byline(text: str, people: list[str], credits: list[str]) -> None:
    assert split_byline(text) == (people, credits)


def test_split_byline_knows_the_site() -> None:
    assert split_byline("Jill Disis, CNN Business", site_names=["CNN"]) == (["Jill Disis"], ["CNN Business"])


NOW = datetime(2024, 6, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-01-02T03:04:05Z", datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)),
        ("2024-01-02T03:04:05.123+0530", datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=5, minutes=30)))),
        ("2024-01-02", datetime(2024, 1, 2, tzinfo=UTC)),
        ("Tue, 19 Nov 2019 13:03:00 GMT", datetime(2019, 11, 19, 13, 3, tzinfo=UTC)),
        ("November 18th, 2019 at 11:08 a.m.", datetime(2019, 11, 18, 11, 8, tzinfo=UTC)),
        ("Nov. 19, 2019 5:53 PM PST", datetime(2019, 11, 19, 17, 53, tzinfo=tz(-8))),
        ("publiziert am 25. September 2018", datetime(2018, 9, 25, tzinfo=UTC)),
        ("2019/11/19", datetime(2019, 11, 19, tzinfo=UTC)),
        ("Nov 18, 2019 at 9:24 pm ET • 2 min read", datetime(2019, 11, 18, 21, 24, tzinfo=tz(-5))),
        ("July 4, 2023 10:00 AM PT", datetime(2023, 7, 4, 10, 0, tzinfo=tz(-7))),
        ("Published 11:26 pm EST, Tuesday, November 19, 2019", datetime(2019, 11, 19, 23, 26, tzinfo=tz(-5))),
        ("0001-01-01T00:00:00Z", None),
        ("1970-01-01T00:00:00Z", None),
        ("1900-01-01", None),
        ("2024-06-10", None),
        ("1 day ago", None),
        ("3 hours ago", None),
        ("yesterday", None),
        ("2024-13-45", None),
        ("not a date", None),
        ("", None),
    ],
)
def test_find_date(text: str, expected: datetime | None) -> None:
    got = find_date(text, now=NOW)
    assert got == expected
    if expected is not None:
        assert got is not None
        assert got.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    ("raw", "tag"),
    [("en_US", "en-US"), ("EN-gb", "en-GB"), ("zh-hant-tw", "zh-Hant-TW"), ("pt-br", "pt-BR"), ("de", "de"), ("und", None), ("English", None), ("", None)],
)
def test_normalize_language(raw: str, tag: str | None) -> None:
    assert normalize_language(raw) == tag


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The mayor said that the new bridge is for cyclists and it was opened on Monday.", "en"),
        ("Der Bürgermeister sagte, dass die neue Brücke für Radfahrer ist und nicht für Autos.", "de"),
        ("Le maire a dit que le nouveau pont est pour les cyclistes et pas pour les voitures.", "fr"),
        ("서울시는 새로운 지하철 노선이 다음 달에 개통된다고 밝혔다.", "ko"),
        ("今日はとても良い天気ですね。", "ja"),
        ("Москва является столицей России.", "ru"),
        ("12345 !!!", None),
    ],
)
def test_guess_language(text: str, lang: str | None) -> None:
    assert guess_language(text) == lang


def test_extraction_is_deterministic() -> None:
    for name, case in CASES.items():
        assert parse(name, case["url"]) == parse(name, case["url"])


# --------------------------------------------------------------------------- properties

_meta_names = st.sampled_from(
    [
        "og:title", "og:site_name", "og:locale", "og:image", "og:url", "article:published_time",
        "article:modified_time", "article:tag", "article:section", "author", "article:author", "description",
        "keywords", "twitter:title", "twitter:image", "dc.date", "dc.creator", "dc.language", "date",
        "content-language", "datePublished", "sailthru.author", "parsely-pub-date",
    ]
)  # fmt: skip
_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | texts(max_size=40),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(
        st.sampled_from(["@type", "@graph", "@id", "headline", "author", "name", "datePublished", "dateModified",
                         "publisher", "image", "url", "keywords", "inLanguage", "articleSection", "mainEntity"])
        | texts(max_size=10),
        children,
        max_size=5,
    ),
    max_leaves=20,
)  # fmt: skip
_types = st.sampled_from(["NewsArticle", "Article", "Person", "Organization", "WebSite", "WebPage", "ImageObject", "x"])


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


@st.composite
def pages(draw: st.DrawFn) -> str:
    parts = ["<html", f' lang="{_escape(draw(texts(max_size=12)))}">' if draw(st.booleans()) else ">", "<head>"]
    parts.extend(
        f'<meta property="{draw(_meta_names)}" content="{_escape(draw(texts(max_size=60)))}">'
        for _ in range(draw(st.integers(0, 8)))
    )
    for _ in range(draw(st.integers(0, 3))):
        if draw(st.booleans()):
            value = draw(_json)
            if isinstance(value, dict) and draw(st.booleans()):
                value["@type"] = draw(_types)
            body = json.dumps(value, allow_nan=True)
        else:
            body = draw(texts(max_size=80))
        body = body.replace("</", "<\\/")
        parts.append(f'<script type="application/ld+json">{body}</script>')
    if draw(st.booleans()):
        parts.append(f'<link rel="canonical" href="{_escape(draw(texts(max_size=30)))}">')
    if draw(st.booleans()):
        parts.append(f'<base href="{_escape(draw(texts(max_size=30)))}">')
    parts.append(f"<title>{_escape(draw(texts(max_size=60)))}</title></head><body>")
    for tag in draw(st.lists(st.sampled_from(["h1", "p", "time", "span"]), max_size=5)):
        cls = draw(st.sampled_from(["", "byline", "author", "date", "logo", "headline", "related"]))
        parts.append(f'<{tag} class="{cls}" datetime="{_escape(draw(texts(max_size=20)))}">{_escape(draw(texts(max_size=40)))}</{tag}>')
    parts.append("</body></html>")
    return "".join(parts)


@given(page=pages(), url=st.none() | st.sampled_from(["https://news.example/2024/01/02/x", "http://[bad", "ftp://x", ""]))
def test_never_raises_and_always_fits_the_model(page: str, url: str | None) -> None:
    meta = extract_metadata(_tree(page), url=url, limits=Limits())
    assert isinstance(meta, PageMetadata)
    fields = {f: getattr(meta, f) for f in attrs.fields_dict(PageMetadata) if f != "base_url"}
    Article(**fields)
    assert extract_metadata(_tree(page), url=url, limits=Limits()) == meta


@given(value=texts(max_size=80))
def test_find_date_never_raises(value: str) -> None:
    result = find_date(value)
    assert result is None or result.utcoffset() is not None


@given(value=texts(max_size=200))
def test_split_byline_gives_clean_names(value: str) -> None:
    people, credits = split_byline(value)
    for name in people + credits:
        Person(name)


def test_deeply_nested_json_ld_is_skipped_not_fatal() -> None:
    block = "[" * 100_000 + "]" * 100_000
    page = f'<html><head><script type="application/ld+json">{block}</script><title>Deep</title></head></html>'
    meta = extract_metadata(_tree(page), url=None, limits=Limits())
    assert meta.title == "Deep"
    assert meta.warnings == ("JSON-LD block 1 is not valid JSON; skipped",)


def test_deeply_nested_page() -> None:
    page = "<html><body>" + "<div>" * 1_500 + "<h1>Deep headline here</h1><p>By Ann Lee</p>" + "</div>" * 1_500
    parser = lxml.html.HTMLParser(no_network=True, huge_tree=True)
    root = lxml.html.document_fromstring(page + "</body></html>", parser=parser)
    meta = extract_metadata(root, url=None, limits=Limits())
    assert meta.title == "Deep headline here"
    assert meta.authors == (Person("Ann Lee"),)


def test_a_time_element_with_child_elements_is_read_not_a_crash() -> None:
    """Real pages put markup inside <time> (<time><span>May</span> 16, 2025</time>); reading
    its attributes once iterated its children and raised AttributeError."""
    page = (
        "<html><head><title>Talks</title></head><body><article><h1>Talks</h1>"
        '<p class="byline">By Jane Doe · <time datetime="2025-05-16T09:00:00+00:00" pubdate><span class="m">May</span> 16, 2025</time></p>'
        "<p>No new date has been set for direct peace talks between the two countries, officials said.</p>"
        "<p>The prisoner exchange agreed in Istanbul will go ahead this week, both sides confirmed.</p>"
        "</article></body></html>"
    )
    article = parse_html(page)
    assert article.published is not None
    assert (article.published.year, article.published.month, article.published.day) == (2025, 5, 16)
