"""Authors on pages of the kinds that went wrong on unseen pages: one written page per class.

The fixtures are in ``tests/fixtures/html_metadata/classes/`` beside those of
``test_html_metadata_classes.py``; each test names the class its page shows, and a
second case changes the page at the class's boundary where one is worth showing.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html

from articlekit import Limits, Person
from articlekit._parsers.html._metadata import PageMetadata, extract_metadata

CLASSES = Path(__file__).parent / "fixtures" / "html_metadata" / "classes"


def parse(name: str, url: str, old: str = "", new: str = "") -> PageMetadata:
    """The fixture *name*, with *old* replaced by *new* when given, read at *url*."""
    page = (CLASSES / name).read_text(encoding="utf-8")
    if old:
        assert old in page, f"{old!r} is not in {name}"
        page = page.replace(old, new)
    parser = lxml.html.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True)
    root = lxml.html.document_fromstring(page.encode("utf-8"), parser=parser)
    return extract_metadata(root, url=url, limits=Limits())


ARCHIVE_URL = "https://porchlight.example/guides/doorbell-wiring/"


def test_a_name_linking_to_its_author_page_after_the_article_is_the_author() -> None:
    meta = parse("author_archive_link_after_article.html", ARCHIVE_URL)
    assert meta.authors == (Person("Imogen Castellanos"),)


def test_an_author_page_link_after_another_label_or_in_a_menu_or_sidebar_names_no_author() -> None:
    # Without the byline's link: the contact person, the menu's "Meet the Team" and the
    # sidebar's popular writer are no authors.
    meta = parse(
        "author_archive_link_after_article.html", ARCHIVE_URL,
        '<a href="/author/imogen/">Imogen Castellanos</a>', "Porchlight staff",
    )  # fmt: skip
    assert meta.authors == ()


def test_an_author_page_link_on_a_home_page_names_no_author() -> None:
    meta = parse("author_archive_link_after_article.html", "https://porchlight.example/")
    assert meta.authors == ()


def test_a_given_name_alone_that_begins_the_sites_name_is_its_owner() -> None:
    meta = parse("given_name_signing_personal_site.html", "https://tobyskettlecorner.example/grinder-setup/")
    assert meta.authors == (Person("Toby"),)
    assert meta.credits == ()


def test_a_word_that_is_no_given_name_beginning_the_sites_name_stays_a_credit() -> None:
    meta = parse(
        "given_name_signing_personal_site.html", "https://tobyskettlecorner.example/grinder-setup/",
        '<meta name="author" content="Toby">', '<meta name="author" content="Tobys">',
    )  # fmt: skip
    assert meta.authors == ()
    assert meta.credits == ("Tobys",)


def test_a_rel_author_given_name_that_begins_the_sites_name_is_the_author() -> None:
    # The rel=author link's credit is kept when no byline follows the headline, and the site
    # owner rule reads it.
    meta = parse("rel_author_given_name_of_site.html", "https://marisolquintero.example/one-loaf-rye/")
    assert meta.authors == (Person("Marisol"),)


def test_a_user_name_after_a_by_label_is_the_author_and_a_forum_is_no_person() -> None:
    meta = parse("byline_label_then_user_name.html", "https://quietboard.example/posts/abc/sparse-probes")
    assert meta.authors == (Person("okwong"),)


def test_a_shared_account_after_a_by_label_stays_a_credit() -> None:
    meta = parse(
        "byline_label_then_user_name.html", "https://quietboard.example/posts/abc/sparse-probes",
        ">okwong</a>", ">newsdesk</a>",
    )  # fmt: skip
    assert meta.authors == ()
    assert meta.credits == ("newsdesk",)


def test_a_microdata_author_links_address_is_no_credit() -> None:
    meta = parse("microdata_author_link_address.html", "https://relay.example/2026/03/05/queues/")
    assert meta.authors == (Person("Hana Sato"),)
    assert meta.credits == ()


ABOVE_URL = "https://orchardlane.example/blog/cider-for-beginners"


def test_a_whole_name_beside_a_date_above_the_headline_is_the_author() -> None:
    meta = parse("name_beside_date_above_headline.html", ABOVE_URL)
    assert meta.authors == (Person("Nadia Okafor"),)


def test_a_category_beside_a_date_above_the_headline_is_no_author() -> None:
    # Without the name, the category before the date ("Cider Basics") begins with no given name.
    meta = parse(
        "name_beside_date_above_headline.html", ABOVE_URL,
        '<a href="/crew/nadia-okafor" class="link-9">Nadia Okafor</a>', "",
    )  # fmt: skip
    assert meta.authors == ()


def test_a_name_beside_a_date_followed_by_the_section_it_is_filed_in_is_the_author() -> None:
    meta = parse("byline_name_in_section.html", "https://tallyplan.example/article/timesheet-software-cost")
    assert meta.authors == (Person("Ingrid Solberg"),)


def test_a_paid_post_mark_after_a_bullet_operator_is_no_name() -> None:
    # "∙ Paid" (U+2219) in a byline element; the site owner named in the metadata is the author.
    meta = parse("byline_bullet_operator_paid.html", "https://rosalindachebe.example/p/plan-a-newsletter")
    assert meta.authors == (Person("Rosalind Achebe"),)


def test_a_sentence_beginning_with_by_after_the_headline_is_no_byline() -> None:
    # "by printing one of our several examples." and the next heading ("History") are text.
    meta = parse("byline_sentence_and_category.html", "https://paperstrips.example/strip")
    assert meta.authors == ()


def test_a_category_after_an_organisations_byline_is_no_second_author() -> None:
    meta = parse("byline_organisation_then_category.html", "https://brightwellhomes.example/advice/kitchen-upgrades/")
    assert meta.authors == ()
    assert meta.credits == ("Brightwell Editorial Team",)


def test_a_person_after_a_persons_byline_is_still_a_second_author() -> None:
    meta = parse(
        "byline_organisation_then_category.html", "https://brightwellhomes.example/advice/kitchen-upgrades/",
        "<span>Brightwell Editorial Team</span>", "<span>Ruth Abara</span>",
    )  # fmt: skip
    assert [p.name for p in meta.authors][:1] == ["Ruth Abara"]


def test_a_desk_named_after_the_site_is_no_person_and_the_metadatas_author_stands() -> None:
    # "Ledgerline Payroll Tax & Accounting" on ledgerlinepayroll: "Ledgerline Payroll Tax" is a desk.
    meta = parse("byline_site_desk.html", "https://ledgerlinepayroll.example/blog/choosing-payroll-software/")
    assert meta.authors == (Person("Lucia Fernandes"),)


def test_an_author_description_of_credentials_gives_no_names() -> None:
    # "Licensed Coffee Grader, M.A. Journalism" in an element classed "author-description".
    meta = parse("byline_author_description_credentials.html", "https://cremaledger.example/gear/grinders-under-300/")
    assert meta.authors == ()


NO_HEADLINE_URL = "https://fernline.example/blog/engineering/contract-tests"


def test_a_byline_right_under_the_first_h1_counts_when_no_element_shows_the_title() -> None:
    # The parser moves the <p> out of the <h1>: no element is found to show the title.
    meta = parse("byline_under_first_h1_no_headline.html", NO_HEADLINE_URL)
    assert meta.authors == (Person("Yusuf Adeyemi"),)


def test_a_byline_further_down_than_four_texts_under_the_first_h1_is_not_read() -> None:
    meta = parse(
        "byline_under_first_h1_no_headline.html", NO_HEADLINE_URL,
        '<p class="lede">', '<p>One.</p><p>Two.</p><p>Three.</p><p class="lede">',
    )  # fmt: skip
    assert meta.authors == ()


FORUM_URL = "https://reefkeepers.example/groups/reef/used-canister-filter-t1234.html"


def test_a_forum_poster_typed_person_in_an_avatar_block_is_the_author() -> None:
    # A user name with digits, typed Person in microdata, drawn beside the poster's picture.
    meta = parse("forum_microdata_person_in_avatar_block.html", FORUM_URL)
    assert meta.authors == (Person("ReefKeeper77"),)


def test_a_user_name_with_digits_typed_person_in_microdata_is_a_name() -> None:
    meta = parse(
        "forum_microdata_person_in_avatar_block.html", FORUM_URL,
        '<div class="avatar-username-inner">', '<div class="poster">',
    )  # fmt: skip
    assert meta.authors == (Person("ReefKeeper77"),)


def test_an_avatar_block_does_not_admit_an_author_that_is_no_person() -> None:
    meta = parse(
        "forum_microdata_person_in_avatar_block.html", FORUM_URL,
        'itemtype="http://schema.org/Person"', 'itemtype="http://schema.org/Thing"',
    )  # fmt: skip
    assert meta.authors == ()


JOB_TITLE_URL = "https://greenrow.example/guides/companion-planting/"


def test_an_author_boxs_job_title_under_the_name_is_no_part_of_it() -> None:
    meta = parse("author_box_job_title_under_name.html", JOB_TITLE_URL)
    assert meta.authors == (Person("Marguerite Osei"),)


def test_an_author_boxs_job_title_in_a_bem_element_is_no_second_author() -> None:
    # "c-author-info__title" holding credentials and a job title after a comma.
    meta = parse(
        "author_box_job_title_under_name.html", JOB_TITLE_URL,
        '<span class="author-title">Gardener &amp; Seed Saver</span>',
        '<p class="c-author-info__title">RN, BSN, Certified Soil Consultant</p>',
    )  # fmt: skip
    assert meta.authors == (Person("Marguerite Osei"),)
    assert meta.credits == ()


def test_a_name_in_an_element_not_classed_as_a_job_title_is_still_read() -> None:
    # The boundary: the same box without the job-title class keeps reading its names.
    meta = parse(
        "author_box_job_title_under_name.html", JOB_TITLE_URL,
        '<span class="author-title">Gardener &amp; Seed Saver</span>', '<span>and Tomas Reyes</span>',
    )  # fmt: skip
    assert meta.authors == (Person("Marguerite Osei"), Person("Tomas Reyes"))


# Bylines in German (first: the held-out pages are mostly German), French, Spanish, Italian,
# Portuguese and Dutch, each under an article's headline.


def test_german_published_on_a_date_by_gives_the_name() -> None:
    meta = parse("byline_german_published_on_date_by.html", "https://stadtblatt.example/radwege")
    assert meta.authors == (Person("Chris Jung"),)


def test_german_text_and_photos_credits_give_the_writer_only() -> None:
    meta = parse("byline_german_text_and_photos.html", "https://bergblick.example/huetten-allgaeu")
    assert meta.authors == (Person("Chris Jung"),)
    assert meta.credits == ()


def test_german_photos_credit_alone_names_no_author() -> None:
    meta = parse(
        "byline_german_text_and_photos.html", "https://bergblick.example/huetten-allgaeu",
        "Text: Chris Jung | Fotos: Anna Schmidt", "Fotos: Anna Schmidt",
    )  # fmt: skip
    assert meta.authors == ()


def test_german_guest_post_by_gives_the_name() -> None:
    meta = parse("byline_german_guest_post_by.html", "https://stadtblatt.example/bibliotheken")
    assert meta.authors == (Person("Chris Jung"),)


def test_german_name_then_job_title_in_one_text_gives_the_name() -> None:
    meta = parse("byline_german_name_then_role.html", "https://stadtblatt.example/haushalt")
    assert meta.authors == (Person("Chris Jung"),)


def test_german_name_then_author_page_link_gives_the_name() -> None:
    meta = parse("byline_german_name_then_author_page_link.html", "https://stadtblatt.example/marktplatz")
    assert meta.authors == (Person("Chris Jung"),)


def test_french_published_on_a_date_by_gives_the_name() -> None:
    meta = parse("byline_french_published_on_date_by.html", "https://quotidienduport.example/terminal")
    assert meta.authors == (Person("Jean Dupont"),)


def test_spanish_published_on_a_date_by_gives_the_name() -> None:
    meta = parse("byline_spanish_published_on_date_by.html", "https://diariodelvalle.example/biblioteca")
    assert meta.authors == (Person("Juan Pérez"),)


def test_italian_text_label_and_job_title_give_the_name_and_no_credit() -> None:
    meta = parse("byline_italian_text_label_and_role.html", "https://cronachedellago.example/lungolago")
    assert meta.authors == (Person("Mario Rossi"),)
    assert meta.credits == ()


def test_portuguese_text_label_and_job_title_give_the_name_and_no_credit() -> None:
    meta = parse("byline_portuguese_text_label_and_role.html", "https://jornaldaserra.example/feira-do-livro")
    assert meta.authors == (Person("Ana Silva"),)
    assert meta.credits == ()


def test_dutch_two_names_joined_by_en_are_two_authors() -> None:
    meta = parse("byline_dutch_two_names_with_en.html", "https://dagbladnoord.example/fietsbrug")
    assert meta.authors == (Person("Jan de Vries"), Person("Piet Jansen"))


def test_dutch_en_inside_a_job_title_after_a_comma_splits_no_name() -> None:
    meta = parse(
        "byline_dutch_two_names_with_en.html", "https://dagbladnoord.example/fietsbrug",
        "Door Jan de Vries en Piet Jansen", "Door Jan de Vries, redacteur en columnist",
    )  # fmt: skip
    assert meta.authors == (Person("Jan de Vries"),)


LISTED_URL = "https://coursenotes.example/reports/free-certificates/"


def test_the_metadatas_author_first_of_names_listed_under_the_headline_brings_the_others() -> None:
    meta = parse("metadata_first_of_listed_names.html", LISTED_URL)
    assert meta.authors == (
        Person("Wen Lo"), Person("Priya Anand"), Person("Tomas Ferreira Lima"), Person("Olu Adebayo"),
    )  # fmt: skip


def test_a_listed_name_after_an_affiliation_mark_is_a_co_author() -> None:
    meta = parse(
        "metadata_first_of_listed_names.html", LISTED_URL,
        '<a href="/u/wen-lo">Wen Lo</a><span>,</span>', '<a href="/u/wen-lo">Wen Lo</a><sup>1</sup><span>;</span>',
    )  # fmt: skip
    assert meta.authors[:2] == (Person("Wen Lo"), Person("Priya Anand"))


def test_a_desk_in_the_list_ends_it() -> None:
    meta = parse(
        "metadata_first_of_listed_names.html", LISTED_URL,
        '<a href="/u/priya-anand">Priya Anand</a>', '<a href="/desk">Global Desk</a>',
    )  # fmt: skip
    assert meta.authors == (Person("Wen Lo"),)


def test_names_under_the_headline_without_a_separator_are_no_co_authors() -> None:
    # A related-story list after the metadata's name is no byline.
    meta = parse("metadata_first_of_listed_names.html", LISTED_URL, "<span>,</span>", "<span>Related</span>")
    assert meta.authors == (Person("Wen Lo"),)


def test_german_name_then_am_and_a_date_gives_the_name() -> None:
    meta = parse("byline_german_name_then_date_with_am.html", "https://stadtblatt.example/buslinie")
    assert meta.authors == (Person("Chris Jung"),)


def test_french_name_then_le_and_a_date_gives_the_name() -> None:
    meta = parse(
        "byline_french_published_on_date_by.html", "https://quotidienduport.example/terminal",
        "Publié le 12 mars 2025 par Jean Dupont", "Par Jean Dupont le 12 mars 2025 à 10h15",
    )  # fmt: skip
    assert meta.authors == (Person("Jean Dupont"),)


def test_german_label_in_its_own_text_before_linked_names_is_no_name() -> None:
    meta = parse("byline_german_label_in_its_own_text.html", "https://stadtblatt.example/lokales/wochenmarkt")
    assert meta.authors == (Person("Chris Jung"), Person("Anna Schmidt"))


def test_german_date_then_byline_in_one_line_gives_the_name() -> None:
    meta = parse("byline_german_date_then_byline_in_one_line.html", "https://stadtblatt.example/lokales/freibad")
    assert meta.authors == (Person("Chris Jung"),)


def test_german_newsroom_account_in_the_metadata_is_a_credit_and_the_byline_names_the_author() -> None:
    meta = parse("metadata_german_newsroom_account.html", "https://stadtblatt.example/lokales/stadtfest")
    assert meta.authors == (Person("Chris Jung"),)
    assert meta.credits == ("Redaktion",)


def test_german_our_editor_then_agency_after_a_slash_gives_the_name_and_the_credit() -> None:
    meta = parse("byline_german_our_editor_and_agency.html", "https://stadtblatt.example/lokales/ampel")
    assert meta.authors == (Person("Chris Jung"),)
    assert meta.credits == ("dpa",)


def test_german_name_then_the_dateline_place_gives_the_name_alone() -> None:
    meta = parse("byline_german_name_then_dateline_place.html", "https://stadtblatt.example/politik/mietrecht")
    assert meta.authors == (Person("Chris Jung"),)


def test_two_whole_names_after_a_comma_stay_two_authors() -> None:
    # The boundary: only one word after a whole name is a place.
    meta = parse(
        "byline_german_name_then_dateline_place.html", "https://stadtblatt.example/politik/mietrecht",
        "Von Chris Jung, Berlin", "Von Chris Jung, Anna Schmidt",
    )  # fmt: skip
    assert meta.authors == (Person("Chris Jung"), Person("Anna Schmidt"))
