"""The extraction rule chain (``_parsers/html/_extract``): one written page per rule class.

Each page is made up for the test (real-looking markup, no page of any corpus), and each
test names the rule it exercises; ``disabled`` shows the rule is what makes the difference.
"""

from __future__ import annotations

import lxml.html
import pytest

from articlekit._model._text import block_text
from articlekit._parsers.html import parse_html
from articlekit._parsers.html._extract import SHORT_WARNING, extract_content, rule_names

_S1 = "Our team installs heat pumps in homes across the county, from survey to final commissioning."
_S2 = "We size every system to the house, so running costs stay low through the coldest winters."
_S3 = "Annual servicing keeps the warranty valid and the pump running at its rated efficiency."


def _text(page: str, disabled: frozenset[str] = frozenset()) -> str:
    root = lxml.html.fromstring(page)
    return "\n".join(" ".join(el.text_content().split()) for el in extract_content(root, disabled=disabled))


def _head() -> str:
    return "<head><title>Example</title></head>"


def test_every_rule_has_a_unique_name() -> None:
    names = rule_names()
    assert len(names) == len(set(names))
    assert {"keep-wrappers", "widen", "link-cards", "mass-region", "warn-short"} <= set(names)


def test_keep_wrappers_reads_a_forum_thread_rendered_inside_noscript() -> None:
    posts = "".join(
        f"<div class='topic-body crawler-post'><span class='creator'>user{i}</span>"
        f"<div class='post'><p>Reply number {i}: I had the same problem with the router firmware, "
        f"and rolling back to the previous version fixed the dropped connections for me.</p></div></div>"
        for i in range(6)
    )
    page = f"<html>{_head()}<body><div id='app'></div><noscript><div id='main-outlet'>{posts}</div></noscript></body></html>"
    assert "Reply number 5" in _text(page)
    assert _text(page, frozenset({"keep-wrappers"})) == ""


def test_keep_wrappers_shows_a_hidden_container_a_script_reveals() -> None:
    body = "".join(f"<p>{s}</p>" for s in (_S1, _S2, _S3) * 3)
    page = f"<html>{_head()}<body><div>Loading...</div><div hidden id='S:0'><article>{body}</article></div></body></html>"
    assert _S3 in _text(page)
    assert _S3 not in _text(page, frozenset({"keep-wrappers"}))


def test_keep_wrappers_keeps_an_article_that_broken_markup_puts_in_nav() -> None:
    body = "".join(f"<p>{s}</p>" for s in (_S1, _S2, _S3) * 3)
    page = f"<html>{_head()}<body><nav><ul><li><a href='/'>Home</a></li></ul><div class='story'>{body}</div></nav></body></html>"
    assert _S1 in _text(page)
    # A small navigation bar is still furniture.
    small = f"<html>{_head()}<body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav><div>{body}</div></body></html>"
    assert "Home" not in _text(small)


def test_widen_joins_the_sections_of_a_service_page() -> None:
    sections = "".join(
        f"<section class='block-{n}'><h2>{title}</h2><p>{title} is planned by the engineer who surveyed "
        f"your home and who stays your contact from the first visit to the last check of the system</p>"
        f"<ul><li>Free survey and written quote</li>"
        f"<li>Fitted by certified engineers</li><li>{title} included in the price</li></ul></section>"
        for n, title in enumerate(("Installation", "Design", "Servicing"))
    )
    lead = (
        "<section class='intro'><div class='inner'><p>Heat pumps, solar panels and batteries for homes, "
        "small businesses, farms and schools, installed by one local team, with prices agreed, in writing, "
        "before any work starts, and a five year warranty, parts and labour, on every job.</p></div></section>"
    )
    page = f"<html>{_head()}<body><header><a href='/'>Logo</a></header><main>{lead}{sections}</main></body></html>"
    text = _text(page)
    assert "Heat pumps" in text
    assert "Servicing included in the price" in text
    assert "Servicing" not in _text(page, frozenset({"widen"}))


def test_link_cards_keep_a_listing_grid() -> None:
    cards = "".join(
        f"<div class='card'><a href='/jobs/{i}'><h3>Senior plumber, north depot {i}</h3></a>"
        f"<p>Full time, <a href='/loc/{i}'>Leeds</a></p></div>"
        for i in range(8)
    )
    intro = "<p>Open positions at our depots, updated every morning, with salary ranges and the hiring manager named.</p>"
    page = f"<html>{_head()}<body><main><h1>Jobs</h1>{intro}<div class='grid'>{cards}</div></main></body></html>"
    assert "Senior plumber, north depot 7" in _text(page)
    assert "north depot 7" not in _text(page, frozenset({"link-cards"}))


def test_mass_region_takes_a_product_page_without_prose() -> None:
    rows = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in (
        ("Weight", "1.2 kg empty"), ("Capacity", "20 litres in total"), ("Material", "Recycled nylon"),
        ("Warranty", "Two years from purchase"), ("Colour", "Forest green or slate"),
        ("Size", "48 by 30 by 18 cm"),
    ))
    links = "".join(f"<a href='/c/{i}'>Category number {i}</a> " for i in range(60))
    page = (
        f"<html>{_head()}<body><div class='top'>{links}</div><div class='product'><h1>Trail pack 20</h1>"
        f"<ul><li>Padded laptop sleeve for 15 inch machines</li><li>Rain cover included, stowed in the base</li>"
        f"<li>Hip belt with two zipped pockets</li><li>Hydration port on both sides</li><li>Reflective trim on the shoulder straps</li>"
        f"<li>Lifetime repair service at any of our shops</li></ul>"
        f"<table>{rows}</table></div></body></html>"
    )
    text = _text(page)
    assert "Recycled nylon" in text
    assert "Rain cover included" in text
    assert "Trail pack 20" in text
    assert "Category 3" not in text
    assert _text(page, frozenset({"mass-region"})) == ""


def test_warn_short_says_when_the_result_is_small_against_the_page() -> None:
    # The article's paragraphs are comma-free and short; one boxed quote has the commas.
    box = "<div class='quote'><p>Fast, friendly, tidy, on time, and cheaper than we feared, honestly.</p></div>"
    items = "".join(f"<li>Step {i} of the installation is checked against the survey report</li>" for i in range(40))
    page = f"<html>{_head()}<body><div class='steps'><ul>{items}</ul></div>{box}</body></html>"
    article = parse_html(page, quotes=False)
    body = "\n".join(block_text(b) for b in article.body)
    if len(body) < 600:
        assert any(w.startswith(SHORT_WARNING.split("(")[0]) for w in article.warnings)
    else:
        assert not any("short against" in w for w in article.warnings)


def test_widen_leaves_an_article_that_holds_most_of_the_running_text() -> None:
    story = "".join(f"<p>{s} {s}</p>" for s in (_S1, _S2, _S3))
    teasers = "".join(
        f"<div class='item'><h3>Teaser headline {i}</h3><span>{i} hours ago by staff</span></div>" for i in range(30)
    )
    page = f"<html>{_head()}<body><div class='wrap'><div class='story'>{story}</div><div class='more'>{teasers}</div></div></body></html>"
    assert "Teaser headline" not in _text(page)
    assert "Teaser headline" in _text(page, frozenset({"widen-prose"}))


@pytest.mark.parametrize("rule", ["strip-code", "keep-wrappers", "widen", "clean-conditional", "ui-lines"])
def test_a_rule_switched_off_does_not_break_extraction(rule: str) -> None:
    body = "".join(f"<p>{s}</p>" for s in (_S1, _S2, _S3))
    page = f"<html>{_head()}<body><article>{body}</article></body></html>"
    assert _S2 in _text(page, frozenset({rule}))


def _two_sections_page() -> str:
    story = "".join(f"<p>{s} {s}</p>" for s in (_S1, _S2, _S3))
    specs = "".join(f"<tr><td>Rated output {i}</td><td>{i} kW at 7 degrees</td></tr>" for i in range(12))
    return (
        f"<html>{_head()}<body><div class='page'><div class='story'>{story}</div>"
        f"<div class='specs'><h2>Specifications</h2><table>{specs}</table></div></div></body></html>"
    )


def _product_text(page: str, disabled: frozenset[str], page_type: str | None = "product") -> str:
    root = lxml.html.fromstring(page)
    found = extract_content(root, disabled=disabled, page_type=page_type)
    return "\n".join(" ".join(el.text_content().split()) for el in found)


def test_learned_takes_the_candidate_its_model_weighs_highest(monkeypatch: pytest.MonkeyPatch) -> None:
    from articlekit._parsers.html._extract import learned

    page = _two_sections_page()
    off = frozenset({"widen"})
    # A model that prefers whatever holds most of the page's text takes the whole page.
    monkeypatch.setitem(learned.MODEL, "coef", {"mass_share": 100.0})
    assert "Rated output 11" in _product_text(page, off)
    # Not on a page recognised as an article, nor when the page type is not known.
    assert "Rated output" not in _product_text(page, off, "article")
    assert "Rated output" not in _product_text(page, off, None)
    # A model that prefers the proposed container keeps the story alone.
    monkeypatch.setitem(learned.MODEL, "coef", {"is_proposed": 100.0})
    assert "Rated output" not in _product_text(page, off)
    assert _S2 in _product_text(page, off)


def test_learned_does_nothing_without_weights(monkeypatch: pytest.MonkeyPatch) -> None:
    from articlekit._parsers.html._extract import learned

    monkeypatch.setitem(learned.MODEL, "coef", None)
    page = _two_sections_page()
    off = frozenset({"widen"})
    assert _product_text(page, off) == _product_text(page, off | {"learned"})


def test_the_shipped_scoring_weights_cover_every_feature() -> None:
    import json
    from importlib import resources

    from articlekit._parsers.html._extract import learned

    data = json.loads(
        resources.files("articlekit._parsers.html._extract").joinpath("scoring_weights.json").read_text("utf-8")
    )
    assert set(data["coef"]) == set(learned.FEATURES)
    assert learned.MODEL["coef"] is not None


def _block_model(add: dict[str, float], drop: dict[str, float], types: tuple[str, ...] = ("product",)) -> object:
    from articlekit._parsers.html._extract import blocks

    return blocks.Model(
        add=[add.get(name, 0.0) for name in blocks.FEATURES],
        drop=[drop.get(name, 0.0) for name in blocks.FEATURES],
        thresholds=dict.fromkeys(types, (0.5, 0.5)),
    )


def test_learned_blocks_adds_the_specs_table_beside_the_description(monkeypatch: pytest.MonkeyPatch) -> None:
    from articlekit._parsers.html._extract import blocks

    page = _two_sections_page()
    off = frozenset({"widen", "learned"})
    assert "Rated output" not in _product_text(page, off)
    # A model that takes table cells outside the content (and keeps every block inside it).
    model = _block_model({"bias": -5.0, "tag_cell": 10.0}, {"bias": 5.0})
    monkeypatch.setitem(blocks.MODEL, "model", model)
    text = _product_text(page, off)
    assert "Rated output 0" in text
    assert "Rated output 11" in text
    assert text.index(_S2) < text.index("Rated output 0") < text.index("Rated output 11")  # document order
    assert "Specifications" not in text  # the heading is no table cell
    # Not on a page type the model has no thresholds for, nor with the rule switched off.
    assert "Rated output" not in _product_text(page, off, "article")
    assert "Rated output" not in _product_text(page, off | {"learned-blocks"})


def test_learned_blocks_drops_a_widget_heading_inside_the_article(monkeypatch: pytest.MonkeyPatch) -> None:
    from articlekit._parsers.html._extract import blocks

    story = "".join(f"<p>{s} {s}</p>" for s in (_S1, _S2, _S3))
    page = f"<html>{_head()}<body><div class='story'>{story}<h3>Related posts</h3><p>{_S1}</p></div></body></html>"
    off = frozenset({"learned"})
    assert "Related posts" in _product_text(page, off)
    # A model that keeps inside blocks unless they are short headings.
    monkeypatch.setitem(blocks.MODEL, "model", _block_model({"bias": -5.0}, {"bias": 5.0, "tag_head": -10.0}))
    text = _product_text(page, off)
    assert "Related posts" not in text
    assert _S3 in text


def test_the_shipped_block_weights_cover_every_feature() -> None:
    import json
    from importlib import resources

    from articlekit._parsers.html._extract import blocks

    data = json.loads(
        resources.files("articlekit._parsers.html._extract").joinpath("block_weights.json").read_text("utf-8")
    )
    assert set(data["add"]) == set(blocks.FEATURES) == set(data["drop"])
    assert set(data["thresholds"]) <= set(blocks.PAGE_TYPES)
    assert blocks.MODEL["model"] is not None


def test_block_leaves_finds_cards_and_div_soup_beside_paragraphs() -> None:
    from articlekit._parsers.html._extract import _common, blocks, mass

    cards = "".join(f"<div class='card'><a href='/{i}'><span>Garden bench model {i}</span></a></div>" for i in range(3))
    page = (
        f"<html><body><p>{_S1}</p><div class='grid'>{cards}</div>"
        "<div class='cookie-banner'><span>We use cookies on this site</span></div>"
        "<div>Loose text of a div, outside any paragraph</div><ul><li>A list item long enough</li></ul></body></html>"
    )
    root = lxml.html.fromstring(page)
    body = root.find("body")
    state = _common.State(root=root, body=body, page=_common.Page(body))
    mass.run(state)
    found = [" ".join(el.text_content().split()) for el, _, _ in blocks.page_blocks(state)]
    assert found == [
        _S1, "Garden bench model 0", "Garden bench model 1", "Garden bench model 2",
        "Loose text of a div, outside any paragraph", "A list item long enough",
    ]
    # With the sub-rule off: the paragraph and the list item only (the mass's blocks).
    state = _common.State(root=root, body=body, page=_common.Page(body), disabled=frozenset({"block-leaves"}))
    mass.run(state)
    assert [el.tag for el, _, _ in blocks.page_blocks(state)] == ["p", "li"]


_CLEAN_OFF = frozenset({"learned", "learned-blocks", "widen"})


def _typed_text(page: str, page_type: str | None) -> str:
    found = extract_content(lxml.html.fromstring(page), disabled=_CLEAN_OFF, page_type=page_type)
    return "\n".join(" ".join(el.text_content().split()) for el in found)


def test_clean_furniture_keeps_a_furniture_named_section_of_a_service_page() -> None:
    story = "".join(f"<p>{s}</p>" for s in (_S1, _S2, _S3))
    promo = (
        "<h2 class='promo-heading'>Emergency call-outs</h2>"
        "<p class='promo'>Emergency repairs within four hours, day or night, at the same price.</p>"
    )
    page = f"<html>{_head()}<body><div class='story'>{story}{promo}</div></body></html>"
    assert "within four hours" in _typed_text(page, "service")
    # On other pages the section is furniture by its name.
    assert "within four hours" not in _typed_text(page, "article")
    assert _S2 in _typed_text(page, "article")


@pytest.mark.parametrize("page_type", ["documentation", "listing"])
def test_clean_conditional_keeps_the_link_list_of_a_documentation_page(page_type: str) -> None:
    story = "".join(f"<p>{s}</p>" for s in (_S1, _S2, _S3))
    items = "".join(f"<li><a href='/api/{n}'>The {n} function reference</a></li>" for n in ("open", "read", "write", "close"))
    page = f"<html>{_head()}<body><div class='story'>{story}<ul>{items}</ul></div></body></html>"
    assert "The write function reference" in _typed_text(page, page_type)
    # On an article the list of links is furniture.
    assert "The write function reference" not in _typed_text(page, "article")
    assert _S2 in _typed_text(page, "article")


def _product_page_with_reviews() -> str:
    description = (
        "<p>This insulated steel bottle keeps drinks cold for a full day, with a leak-proof lid, "
        "a wide mouth for ice cubes and a handle that folds flat against the cap.</p>"
        "<p>The double wall stops condensation, so it rides in a bag beside papers and laptops, "
        "and the powder coat keeps its grip when wet, cold or covered in sun cream.</p>"
        "<p>Capacity: 750 ml, weight 340 g, stainless steel inside and out, dishwasher safe, "
        "with a lifetime guarantee against leaks, dents in the inner wall and rust.</p>"
    )
    reviews = (
        "<section class='product-reviews'><h3>Customer reviews</h3>"
        "<article class='review-item'><p>Great bottle, it kept my water cold all through the hike.</p></article>"
        "<article class='review-item'><p>Bought two more for the family, they really are that good.</p></article>"
        "</section>"
    )
    return f"<html>{_head()}<body><div class='product-detail'>{description}{reviews}</div></body></html>"


def _chain_text(page: str, page_type: str, disabled: frozenset[str] = frozenset()) -> str:
    # The fitted stages are off, so that the page's content does not depend on their weights.
    off = disabled | {"learned", "learned-blocks"}
    found = extract_content(lxml.html.fromstring(page), disabled=off, page_type=page_type)
    return " ".join(" ".join(el.text_content() for el in found).split())


def test_clean_product_drops_the_customer_reviews_of_a_product_page() -> None:
    page = _product_page_with_reviews()
    text = _chain_text(page, "product")
    assert "kept my water cold all through the hike" not in text
    assert "Bought two more for the family" not in text
    assert "keeps drinks cold for a full day" in text
    assert "Capacity: 750 ml" in text
    assert "Customer reviews" not in text
    # The rule is what removes them: switched off, the reviews stay; on a page not recognised
    # as a product page (a review article is named like this) they stay too.
    assert "kept my water cold all through the hike" in _chain_text(page, "product", frozenset({"clean-product"}))
    assert "kept my water cold all through the hike" in _chain_text(page, "article")
    # A review-named wrapper holding most of the page's text is layout, not a widget.
    inner = "".join(f"<p>{s}</p>" for s in (_S2, _S3, _S2.upper()))
    wrapped = f"<html>{_head()}<body><div class='story'><p>{_S1}</p><div class='review-layout'>{inner}</div></div></body></html>"
    assert _S2 in _chain_text(wrapped, "product")


def test_mass_leaves_a_divs_loose_text_to_the_block_stage() -> None:
    from articlekit._parsers.html._extract import _common, blocks, mass

    soup = "<div class='note'>Loose text of a div, outside any paragraph, about delivery times</div>"
    page = f"<html><body><div class='story'><p>{_S1}</p><p>{_S2}</p></div>{soup}</body></html>"
    root = lxml.html.fromstring(page)
    body = root.find("body")
    state = _common.State(root=root, body=body, page=_common.Page(body))
    mass.run(state)
    note = body.find("div[@class='note']")
    story = body.find("div[@class='story']")
    # The page's mass is the paragraphs' alone: the div soup does not count...
    assert note not in state.mass
    assert state.mass[body] == state.mass[story] == len(_S1) + len(_S2)
    # ...while the block-level stage still sees it as a block of the page.
    assert note in [el for el, _, _ in blocks.page_blocks(state)]


def test_a_teaser_paragraph_beside_the_article_stays_out() -> None:
    story = "".join(f"<p>{s}</p>" for s in (_S1, _S2, _S3))
    teaser = "<p>Sign up for our monthly newsletter, with offers, news and seasonal tips for your home.</p>"
    page = f"<html>{_head()}<body><div class='story'>{story}</div>{teaser}</body></html>"
    text = _typed_text(page, "article")
    assert _S2 in text
    assert "monthly newsletter" not in text


def _page_with_collapsed_panels() -> str:
    tabs = (
        "<div class='product-tabs'><button id='tab-desc' aria-controls='panel-desc'>Description</button>"
        "<button id='tab-care' aria-controls='panel-care'>Care</button>"
        "<div id='panel-desc' role='tabpanel' aria-labelledby='tab-desc'>"
        "<p>This wool blanket is woven in one piece on a narrow loom, then washed and brushed by hand, "
        "so it drapes softly, keeps its shape and grows warmer with every winter of use.</p></div>"
        "<div id='panel-care' role='tabpanel' aria-labelledby='tab-care' hidden>"
        "<p>Air it outside on a dry day instead of washing it, and brush out any marks with a soft "
        "clothes brush, working along the weave, never against it, then fold it loosely.</p></div>"
        "</div>"
        "<div class='faq'><h3>Questions</h3><button>Does it shed?</button>"
        "<div class='accordion__content' aria-hidden='true'><p>A little in the first weeks, which is "
        "normal for brushed wool, and then hardly at all, even on a sofa used every evening.</p></div>"
        "<button>Is it moth-proof?</button>"
        "<div class='faq-answer' style='display: none'><p>No finish is used, so store it with cedar "
        "blocks in summer, in a cotton bag rather than plastic, which keeps damp inside it.</p></div></div>"
    )
    modal = (
        "<div class='newsletter-modal' aria-labelledby='modal-title' aria-hidden='true'>"
        "<p id='modal-title'>Join our list and get ten percent off your first order, with news of "
        "every new colour before anyone else, straight to your inbox each month.</p></div>"
    )
    return (
        f"<html>{_head()}<body><header><a href='/'>Shop</a></header>"
        f"<div class='product-main'><h1>Wool blanket</h1>{tabs}</div>{modal}</body></html>"
    )


def test_show_panels_keeps_the_collapsed_tabs_and_accordions_of_a_page() -> None:
    page = _page_with_collapsed_panels()
    text = _chain_text(page, "product")
    assert "woven in one piece" in text
    # The hidden tab panel, the collapsed accordion and the FAQ answer shown with display: none.
    assert "Air it outside on a dry day" in text
    assert "A little in the first weeks" in text
    assert "store it with cedar blocks" in text
    # A hidden pop-up named as furniture stays hidden.
    assert "ten percent off" not in text
    # The rule is what shows them: switched off, the hidden panels are dropped.
    off = _chain_text(page, "product", frozenset({"show-panels"}))
    assert "woven in one piece" in off
    assert "Air it outside on a dry day" not in off
    assert "A little in the first weeks" not in off
    assert "store it with cedar blocks" not in off


def test_show_panels_leaves_hidden_menus_and_dialogs_hidden() -> None:
    from articlekit._parsers.html._extract.show_panels import is_panel

    def el(markup: str) -> lxml.html.HtmlElement:
        return lxml.html.fragment_fromstring(markup)

    assert is_panel(el("<div role='tabpanel' hidden>x</div>"))
    assert is_panel(el("<div class='cdr-accordion__content' aria-hidden='true'>x</div>"))
    assert is_panel(el("<div id='x' aria-labelledby='b' style='display:none'>x</div>"))
    assert not is_panel(el("<div role='dialog' aria-labelledby='t' aria-hidden='true'>x</div>"))
    assert not is_panel(el("<div class='nav-submenu tab' aria-hidden='true'>x</div>"))
    assert not is_panel(el("<div class='popup-content' style='display:none'>x</div>"))
    assert not is_panel(el("<div class='mobile-copy' hidden>x</div>"))


def test_keep_wrappers_leaves_a_product_pages_mega_footer_out() -> None:
    story = "".join(
        f"<p>Our shop, part {n}: founded by two climbers in a garage, we still test every shoe on the "
        f"local crags, answer every email ourselves and repair what we sell for as long as we can.</p>"
        for n in range(8)
    )
    page = (
        f"<html>{_head()}<body><div class='product'><h1>Trail shoe</h1>"
        "<p>A light trail shoe with a rock plate, a grippy outsole and a roomy toe box for long days.</p>"
        f"</div><footer>{story}</footer></body></html>"
    )
    # On a product page the footer holding most of the page's text stays furniture...
    assert "founded by two climbers" not in _chain_text(page, "product")
    assert "rock plate" in _chain_text(page, "product")
    # ...while on another page it is renamed and scored, as a wrapper holding the page's text.
    assert "founded by two climbers" in _chain_text(page, "article")
