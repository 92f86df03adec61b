"""Reader comments: parse_html(..., comments=True) reads them into Article.comments, never into the body."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import articlekit
from articlekit import (
    Article,
    ArticleKitError,
    Comment,
    Limits,
    ResourceLimitError,
    ValidationError,
    from_dict,
    from_json,
    parse,
    parse_many,
    to_dict,
    to_json,
)
from articlekit._limits import Limits as _Limits
from articlekit._parsers.html import parse_html
from articlekit._parsers.html._comments import find_comments, read_comments
from articlekit._parsers.html._tree import parse_tree

FIXTURES = Path(__file__).parent / "fixtures" / "html"
WORDPRESS = FIXTURES / "comments_wordpress.html"
NEWS = FIXTURES / "comments_news.html"
NONE = FIXTURES / "comments_none.html"
UTC = timezone.utc


def _parse(path: Path, **options: object) -> Article:
    return parse_html(path.read_bytes(), quotes=False, **options)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- named pages


def test_wordpress_post_with_three_comments() -> None:
    article = _parse(WORDPRESS, comments=True)
    assert [(c.author, c.published) for c in article.comments] == [
        ("Tom Baker", datetime(2024, 4, 3, 9, 15, tzinfo=UTC)),
        ("Maria Lopez", datetime(2024, 4, 3, 11, 40, tzinfo=UTC)),  # the reply, after its parent
        ("Ruth", datetime(2024, 4, 5, 18, 2, tzinfo=timezone(timedelta(hours=2)))),
    ]
    assert [c.text for c in article.comments] == [
        "TOM-COMMENT Thanks, this worked for me last year.\n\nMy cherry tomatoes cropped until October.",
        "MARIA-REPLY Glad to hear it, Tom!",
        "RUTH-COMMENT Which compost do you use in the pots?",
    ]
    for comment in article.comments:  # no author line, date, "Reply" link or form text
        assert "says" not in comment.text
        assert "Reply" not in comment.text
        assert "2024" not in comment.text


def test_news_page_with_comments_and_a_related_links_box() -> None:
    article = _parse(NEWS, comments=True)
    assert article.comments == (
        Comment(
            "JO-COMMENT About time. The river road is dangerous at rush hour.",
            author="cyclist_jo",
            published=datetime(2024, 6, 10, 9, 12, tzinfo=timezone(timedelta(hours=1))),
        ),
        Comment(
            "FRANK-COMMENT Eight months of roadworks\non the busiest road in town?",
            author="Frank D.",
            published=datetime(2024, 6, 10, 10, 40, tzinfo=timezone(timedelta(hours=1))),
        ),
    )
    assert "RELATED-LINK" not in " ".join(c.text for c in article.comments)
    assert "RELATED-LINK" not in article.text
    assert article.authors[0].name == "Sam Patel"  # a commenter is never an author


def test_page_without_comments() -> None:
    article = _parse(NONE, comments=True)
    assert article.comments == ()
    assert "central library" in article.text
    assert "0 comments" not in article.text


@pytest.mark.parametrize("path", [WORDPRESS, NEWS, NONE, FIXTURES / "news_article.html"])
def test_comments_are_never_in_the_body_and_the_option_leaves_the_body_alone(path: Path) -> None:
    without = _parse(path)
    with_comments = _parse(path, comments=True)
    assert without.comments == ()  # the default: no comments
    assert with_comments.body == without.body
    assert with_comments.text == without.text
    for marker in ("COMMENT-CANARY", "TOM-COMMENT", "MARIA-REPLY", "RUTH-COMMENT", "JO-COMMENT", "FRANK-COMMENT"):
        assert marker not in without.text
    for comment in with_comments.comments:
        assert comment.text not in with_comments.text


def test_comment_sections_are_dropped_from_the_body_by_the_extractor() -> None:
    article = _parse(FIXTURES / "news_article.html", comments=True)
    assert [c.text for c in article.comments] == [
        "COMMENT-CANARY About time too, this has taken far too long for everyone in the town."
    ]
    assert "COMMENT-CANARY" not in article.text


def test_jsonld_comments_are_read_when_the_markup_has_none() -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": "A post",
        "comment": [
            {"@type": "Comment", "text": "<p>First <b>one</b>.</p><p>Second para.</p>",
             "author": {"@type": "Person", "name": "Lee"}, "dateCreated": "2024-01-02T03:04:05Z"},
            {"@type": "Comment", "text": "No author here."},
            {"@type": "Comment", "text": "   "},
        ],
    }
    page = (
        f"<html><head><script type='application/ld+json'>{json.dumps(ld)}</script></head><body><article>"
        "<h1>A post</h1><p>The body of the post, long enough to be read as the article text here.</p>"
        "</article></body></html>"
    )
    article = parse_html(page, comments=True, quotes=False)
    assert article.comments == (
        Comment("First one.\n\nSecond para.", author="Lee", published=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)),
        Comment("No author here."),
    )


def test_forum_and_blog_words_outside_a_comment_section_are_not_comments() -> None:
    page = (
        "<html><body><article><h1>Thread</h1><div class='post'><span class='author'>Ann</span>"
        "<p>A forum post is the page's content, not a comment on it.</p></div>"
        "<div class='comment'><p>A box named comment, outside any comment section.</p></div>"
        "<a class='comment' href='#comments'>4 comments</a></article></body></html>"
    )
    assert parse_html(page, comments=True, quotes=False).comments == ()


def _many_comments(count: int) -> str:
    items = "".join(f"<li class='comment'><p>Comment number {i}.</p></li>" for i in range(count))
    return (
        "<html><body><article><p>The article itself, one paragraph of running text for the body.</p></article>"
        f"<section id='comments'><ol class='comment-list'>{items}</ol></section></body></html>"
    )


def test_comments_are_bounded_by_limits_max_comments() -> None:
    article = parse_html(_many_comments(5), comments=True, quotes=False, limits=Limits(max_comments=3))
    assert [c.text for c in article.comments] == ["Comment number 0.", "Comment number 1.", "Comment number 2."]
    assert "comments: kept the first 3 of 5 (Limits.max_comments)" in article.warnings
    assert len(parse_html(_many_comments(3), comments=True, quotes=False, limits=Limits(max_comments=3)).comments) == 3
    with pytest.raises(ResourceLimitError, match="max_comments"):
        parse_html(_many_comments(5), comments=True, quotes=False, limits=Limits(max_comments=3, strict=True))
    assert Limits().max_comments == 1_000


def test_parse_and_parse_many_pass_the_option(tmp_path: Path) -> None:
    data = WORDPRESS.read_bytes()
    assert len(parse(data, comments=True).comments) == 3
    assert parse(data).comments == ()
    assert parse("# Title\n\nText.", format="markdown", comments=True).comments == ()
    (tmp_path / "post.html").write_bytes(data)
    (result,) = parse_many([tmp_path / "post.html"], jobs=0, comments=True)
    assert result.article is not None
    assert len(result.article.comments) == 3
    (result,) = parse_many([tmp_path / "post.html"], jobs=0)
    assert result.article is not None
    assert result.article.comments == ()


# --------------------------------------------------------------------------- model and JSON


def test_comment_model_validates() -> None:
    with pytest.raises(ValidationError, match=r"Comment\.text"):
        Comment("  ")
    with pytest.raises(ValidationError, match=r"Comment\.author"):
        Comment("x", author="")
    with pytest.raises(ValidationError, match="naive"):
        Comment("x", published=datetime(2024, 1, 1))
    with pytest.raises(ValidationError, match=r"Article\.comments"):
        Article(comments=["not a comment"])  # type: ignore[list-item]


def test_comments_round_trip_through_json_and_older_documents_still_read() -> None:
    article = _parse(WORDPRESS, comments=True)
    assert from_json(to_json(article)) == article
    assert to_dict(article)["comments"][0] == {
        "text": article.comments[0].text, "author": "Tom Baker", "published": "2024-04-03T09:15:00+00:00",
    }
    plain = _parse(WORDPRESS)
    assert "comments" not in to_dict(plain)  # written only when there are some
    old = to_dict(plain)
    assert from_dict(old) == plain
    assert from_dict({**old, "comments": []}) == plain
    with pytest.raises(articlekit.JSONFormatError, match="comments"):
        from_dict({**old, "comments": [{"text": "x", "likes": 3}]})


def test_json_schema_describes_comments() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    article = _parse(WORDPRESS, comments=True)
    jsonschema.validate(json.loads(to_json(article)), articlekit.json_schema())


def test_text_writers_leave_comments_out() -> None:
    article = _parse(WORDPRESS, comments=True)
    for fmt in ("html", "markdown", "text"):
        assert "TOM-COMMENT" not in articlekit.dumps(article, fmt)
    assert "TOM-COMMENT" in articlekit.dumps(article, "json")


# --------------------------------------------------------------------------- properties

_TOKENS = st.sampled_from(
    [
        "<div id='comments'>", "<section class='comments-area'>", "<ol class='comment-list'>", "<ol class=commentlist>",
        "<li class='comment'>", "<li id='comment-7'>", "<div class='comment-item'>", "</div>", "</li>", "</ol>",
        "</section>", "<div itemscope itemtype='https://schema.org/Comment'>", "<span itemprop=author>",
        "<span itemprop=name>", "</span>", "<b class=fn>", "</b>", "<time datetime='2024-02-30T99:00'>",
        "<time datetime='2024-02-03T09:00Z'>", "</time>", "<div class='comment-content'>", "<p>", "</p>",
        "<br>", "<div class=reply><a>Reply</a></div>", "<form><textarea>x</textarea></form>", "Nice post! ",
        "says:", "&#1;", "\x00", "\u00ad", "e\u0301", "<ruby>漢<rt>かん</rt></ruby>",
        "<script type='application/ld+json'>{\"comment\": [{\"text\": \"ld\", \"dateCreated\": 5}]}</script>",
        "<script type='application/ld+json'>{\"@type\": \"Comment\", \"text\": [], \"author\": [{}]}</script>",
    ]
)


@given(st.lists(_TOKENS, max_size=60))
def test_the_comment_reader_never_raises(parts: list[str]) -> None:
    page = "".join(parts)
    root, _ = parse_tree(page, limits=_Limits())
    comments = read_comments(find_comments(root), [], limits=_Limits(max_comments=5), warn=lambda message: None)
    assert all(isinstance(c, Comment) and c.text.strip() for c in comments)
    try:
        article = parse_html(page, comments=True, quotes=False)
    except ArticleKitError:
        return
    assert all(isinstance(c, Comment) and c.text.strip() for c in article.comments)
    assert parse_html(page, quotes=False).body == article.body  # the option never changes the body


_BODY = (
    "The river burst its banks on Thursday night, flooding more than two hundred homes in the valley.",
    "Emergency crews worked through the night, and volunteers filled sandbags outside the town hall.",
    "Officials said the water level had started to fall by Friday afternoon, but warned of more rain.",
)
_WORD = st.text(alphabet="qxzjkvwy", min_size=4, max_size=9)


@given(
    st.lists(st.tuples(_WORD, st.lists(_WORD, min_size=1, max_size=8)), min_size=1, max_size=6),
    st.sampled_from(
        [
            ("<div id='comments'><ol class='comment-list'>", "<li class='comment'>", "</li>", "</ol></div>"),
            ("<section class='comments'>", "<div class='comment'>", "</div>", "</section>"),
            ("<div class='article-comments'>", "<div itemscope itemtype='http://schema.org/Comment'>", "</div>", "</div>"),
            ("<ol class='commentlist'>", "<li>", "</li>", "</ol>"),
        ]
    ),
)
def test_comments_never_hold_body_paragraphs_and_never_reach_the_body(
    comments: list[tuple[str, list[str]]], markup: tuple[str, str, str, str]
) -> None:
    open_section, open_item, close_item, close_section = markup
    items = "".join(
        f"{open_item}<span class='comment-author'>{author}</span><p>CMT {' '.join(words)}</p>{close_item}"
        for author, words in comments
    )
    page = (
        "<html><body><article><h1>Floods in the valley</h1>"
        + "".join(f"<p>{p}</p>" for p in _BODY)
        + f"</article>{open_section}{items}{close_section}</body></html>"
    )
    article = parse_html(page, comments=True, quotes=False)
    assert [c.text for c in article.comments] == [f"CMT {' '.join(words)}" for _, words in comments]
    assert [c.author for c in article.comments] == [author for author, _ in comments]
    assert "CMT" not in article.text
    for comment in article.comments:
        for paragraph in _BODY:
            assert paragraph not in comment.text
    assert parse_html(page, quotes=False).body == article.body


# --------------------------------------------------------------------------- the command line


def test_cli_comments_flag(tmp_path: Path) -> None:
    from test_cli import run

    done = run("parse", WORDPRESS, "--comments")
    assert done.returncode == 0, done.stderr
    assert [c["author"] for c in json.loads(done.stdout)["comments"]] == ["Tom Baker", "Maria Lopez", "Ruth"]
    done = run("parse", WORDPRESS)
    assert "comments" not in json.loads(done.stdout)
    out = tmp_path / "out.jsonl"
    done = run("batch", WORDPRESS, NONE, "--comments", "--out", out, "--jobs", "0")
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [len(line["article"].get("comments", [])) for line in lines] == [3, 0]
    assert "--comments" in run("parse", "--help").stdout
    assert "--comments" in run("batch", "--help").stdout


def test_a_forum_threads_posts_are_its_content_not_comments() -> None:
    posts = "".join(
        f"<div class='post' itemscope itemtype='https://schema.org/Comment'><span itemprop=author>user{i}</span>"
        f"<div itemprop=text><p>Post number {i} of the thread, with enough words to be read as running text, "
        "the way a forum reply is.</p></div></div>"
        for i in range(4)
    )
    ld = {
        "@context": "https://schema.org", "@type": "DiscussionForumPosting", "headline": "Which bike?",
        "comment": [{"@type": "Comment", "text": "A reply in the JSON-LD"}],
    }
    page = (
        f"<html><head><script type='application/ld+json'>{json.dumps(ld)}</script></head><body>"
        f"<main><h1>Which bike?</h1><div class='thread'>{posts}</div></main></body></html>"
    )
    article = parse_html(page, comments=True, quotes=False)
    assert "Post number 3" in article.text
    assert article.comments == ()


def test_an_author_line_holding_the_date_gives_the_name_alone() -> None:
    page = (
        "<html><body><article><p>The article, one paragraph of running text for the body of the page.</p></article>"
        "<div id='comments'><ol class='commentlist'><li class='comment'><article class='comment'>"
        "<footer class='comment-meta'><div class='comment-author vcard'><img class='avatar' src='/a.png'>"
        "<span class='comment-name'><a href='/u' class='url'>John Scalzi</a></span><br>"
        "<a class='comment-time' href='#c1'><time datetime='2025-12-18T21:46:01-05:00'>December 18, 2025, 9:46 pm</time></a>"
        "</div></footer><div class='comment-content'><p>I like the novel very much.</p></div></article></li></ol></div>"
        "</body></html>"
    )
    (comment,) = parse_html(page, comments=True, quotes=False).comments
    assert comment == Comment(
        "I like the novel very much.", author="John Scalzi",
        published=datetime(2025, 12, 18, 21, 46, 1, tzinfo=timezone(timedelta(hours=-5))),
    )


def test_a_page_that_says_it_is_a_forum_thread_has_no_comments() -> None:
    posts = "".join(
        f"<article class='message' itemscope itemtype='https://schema.org/Comment'><div itemprop=text>Reply {i}"
        "</div></article>" for i in range(3)
    )
    page = (
        "<html><body><div itemscope itemtype='https://schema.org/DiscussionForumPosting'><h1>Thread</h1>"
        "<p>The first post of the thread, long enough to be read as the content of the page itself.</p></div>"
        f"<div class='block--messages'>{posts}</div></body></html>"
    )
    assert parse_html(page, comments=True, quotes=False).comments == ()
    assert len(parse_html(page.replace("DiscussionForumPosting", "Article"), comments=True, quotes=False).comments) == 3


def test_a_labelled_comment_drops_its_name_date_and_buttons_from_the_text() -> None:
    # The shape of a newsletter platform's comments: the commenter in an aria-label, the date on hover.
    item = (
        "<div class='comment'><div role='article' aria-label='Comment by Dhara Yu' class='x comment-content'>"
        "<div><a class='link'>Dhara Yu</a></div><a title='Dec 14, 2025, 7:40 PM'><span>4d</span></a>"
        "<div><p>Great read - looking forward to the rest of the series!</p></div>"
        "<div><button>Like</button></div><div><span>Reply</span></div><div><span>Share</span></div>"
        "<div><span>Expand full comment</span></div></div></div>"
    )
    page = (
        "<html><body><article><p>The article, one paragraph of running text for the body of the page.</p></article>"
        f"<div class='comments-page'><div class='comment-list'>{item}</div></div></body></html>"
    )
    (comment,) = parse_html(page, comments=True, quotes=False).comments
    assert comment == Comment(
        "Great read - looking forward to the rest of the series!", author="Dhara Yu",
        published=datetime(2025, 12, 14, 19, 40, tzinfo=UTC),
    )


def test_the_menu_of_a_comment_widget_is_not_a_comment_list() -> None:
    page = (
        "<html><body><article><p>The article, one paragraph of running text for the body of the page.</p></article>"
        "<div class='disqus-container'><div class='disqus-user-dropdown'><ul class='menu-disqus-user'>"
        "<li><a href='/members/preferences/'>My Profile</a></li><li><a href='/user/logout/'>Log Out</a></li>"
        "</ul></div></div></body></html>"
    )
    assert parse_html(page, comments=True, quotes=False).comments == ()
