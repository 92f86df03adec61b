"""The article and what it holds besides its body: people, images, quotes, extra metadata.

:class:`Article` is the model's root: metadata, a body of block nodes
(:mod:`articlekit._model._nodes`) and the quotes found in its text, whose spans
index :attr:`Article.text` (defined in :mod:`articlekit._model._text`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from typing import Any, Literal, TypeAlias, get_args

import attrs

from articlekit._errors import ValidationError
from articlekit._model._fields import (
    _check_image_url,
    _check_name,
    _check_opt_nonempty_str,
    _check_opt_str,
    _check_opt_url,
    _check_str,
    _check_url,
    _fail,
    _members,
    _opt_span,
    _span,
    _strs,
    _to_tuple,
)
from articlekit._model._nodes import (
    _BLOCK_TYPE_SET,
    BLOCK_TYPES,
    MAX_DEPTH,
    Block,
    _blocks,
    _check_nodes,
)
from articlekit._model._text import article_text
from articlekit._textutil import find_unclean

__all__ = [
    "MAX_INT_BITS",
    "Article",
    "Comment",
    "FrozenDict",
    "FrozenJSON",
    "Image",
    "PageType",
    "Person",
    "Quote",
    "QuoteKind",
    "SourceFormat",
    "Speaker",
]

#: The kinds of quote: ``direct`` (a whole quoted sentence), ``partial`` (a
#: quoted fragment inside a sentence), ``headline`` (a quote in the title),
#: ``indirect`` (reported speech, no quote marks) and ``scare`` (a quoted term
#: nobody in the text is said to have said; its speaker is always ``None``).
QuoteKind: TypeAlias = Literal["direct", "partial", "headline", "indirect", "scare"]

#: The format an article was parsed from.
SourceFormat: TypeAlias = Literal["html", "markdown", "text", "json"]

#: What kind of page an article was read from (see :attr:`Article.page_type`):
#: ``article`` (a news story, blog post, essay, recipe ...), ``forum`` (a discussion
#: thread, a question and its answers), ``product`` (one product's page in a shop),
#: ``collection`` (a shop's category: a grid of products), ``listing`` (an index of
#: articles or entries: a blog's front page, a tag, search results), ``documentation``
#: (technical documentation, a reference page) and ``service`` (a business's page
#: about what it offers: a landing, pricing or services page).
PageType: TypeAlias = Literal["article", "forum", "product", "collection", "listing", "documentation", "service"]

_QUOTE_KINDS = frozenset(get_args(QuoteKind))
_PAGE_TYPES = frozenset(get_args(PageType))
_SOURCE_FORMATS = frozenset(get_args(SourceFormat))
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$")



# --------------------------------------------------------------------------- people and images


@attrs.frozen
class Person:
    """An author: a ``name``, and optionally a profile ``url`` and a ``role``."""

    name: str = attrs.field(validator=_check_name)
    url: str | None = attrs.field(default=None, validator=[_check_opt_nonempty_str, _check_opt_url])
    role: str | None = attrs.field(default=None, validator=_check_opt_nonempty_str)


@attrs.frozen
class Speaker:
    """Who said a quote: a ``name`` (a person or an organisation) and their ``role`` if given.

    >>> from articlekit import Speaker
    >>> Speaker("Dmitry Peskov", role="Kremlin spokesperson")
    Speaker(name='Dmitry Peskov', role='Kremlin spokesperson')
    """

    name: str = attrs.field(validator=_check_name)
    role: str | None = attrs.field(default=None, validator=_check_opt_nonempty_str)


@attrs.frozen
class Image:
    """An image of the article (lead image and others): URL, alt text, caption, credit."""

    url: str = attrs.field(validator=_check_image_url)
    alt: str | None = attrs.field(default=None, validator=_check_opt_str)
    caption: str | None = attrs.field(default=None, validator=_check_opt_str)
    credit: str | None = attrs.field(default=None, validator=_check_opt_str)


# --------------------------------------------------------------------------- quotes


def _check_kind(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in _QUOTE_KINDS:
        raise _fail(attribute, owner, f"expected one of {sorted(_QUOTE_KINDS)}, got {value!r}")


def _is_span(value: object, *, empty: bool) -> bool:
    """Whether *value* is a pair of ints ``(start, end)``, ``0 <= start <= end`` (``< end``
    unless *empty*)."""
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        and 0 <= value[0] <= value[1]
        and (empty or value[0] < value[1])
    )


def _check_span(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not _is_span(value, empty=True):
        raise _fail(attribute, owner, f"a span is a pair of ints (start, end), 0 <= start <= end; got {value!r}")


def _check_opt_span(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not _is_span(value, empty=False):
        raise _fail(
            attribute,
            owner,
            f"expected None or a pair of ints (start, end), 0 <= start < end; got {value!r}",
        )


def _check_speaker(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, Speaker):
        raise _fail(attribute, owner, f"expected Speaker or None, got {type(value).__name__}")


@attrs.frozen
class Quote:
    """A quotation found in an article, and who said it.

    ``span`` is the ``(start, end)`` character range of ``text`` inside
    :attr:`Article.text`: ``article.text[start:end] == quote.text``.
    ``cue`` is the speech cue that attributes it (``"told"``, ``"said"``,
    ``"according to"``, a dash in a headline ``"–"``).

    ``speaker`` is who said it; ``speaker_span`` is the ``(start, end)``
    character range in :attr:`Article.text` of the words that name the speaker
    where this quote is attributed, the mention as the text writes it
    (``"He"``, ``"the spokesperson"``, ``"Kremlin spokesperson Dmitry Peskov"``,
    ``"Peskov"``): ``article.text[start:end]`` is that mention.  ``speaker`` is
    who the mention resolves to, so for ``“…,” he said`` the mention is
    ``"he"`` while ``speaker`` is the named person.  ``speaker_span`` is None
    when ``speaker`` is None, or when the text names the speaker nowhere the
    extractor can point at; when set, ``start < end``.  A quote that takes its
    speaker from an earlier attribution (the next paragraph of a quotation, a
    headline the body repeats) points at that attribution's mention.
    """

    text: str = attrs.field(validator=_check_str)
    kind: QuoteKind = attrs.field(validator=_check_kind)
    span: tuple[int, int] = attrs.field(converter=_span, validator=_check_span)
    speaker: Speaker | None = attrs.field(default=None, validator=_check_speaker)
    cue: str | None = attrs.field(default=None, validator=_check_opt_nonempty_str)
    speaker_span: tuple[int, int] | None = attrs.field(
        default=None, converter=_opt_span, validator=_check_opt_span
    )

    def __attrs_post_init__(self) -> None:
        if self.kind == "scare" and self.speaker is not None:
            raise ValidationError("Quote.speaker: a scare quote has no speaker")
        if self.speaker_span is not None and self.speaker is None:
            raise ValidationError(
                f"Quote.speaker_span: {self.speaker_span} points at a speaker's mention, "
                "but the quote has no speaker (speaker is None)"
            )
        if self.span[1] - self.span[0] != len(self.text):
            raise ValidationError(
                f"Quote.span: {self.span} covers {self.span[1] - self.span[0]} characters, "
                f"but the quote's text has {len(self.text)}"
            )

    @classmethod
    def _trusted(
        cls,
        text: str,
        kind: QuoteKind,
        span: tuple[int, int],
        speaker: Speaker | None,
        cue: str | None,
        speaker_span: tuple[int, int] | None,
    ) -> Quote:
        """A Quote built without its checks: the fast constructor for the quote extractor.

        It skips every validator above and :meth:`__attrs_post_init__`: *text*
        clean (``_check_str``), *kind* one of :data:`QuoteKind`, *span* a tuple
        ``(start, end)`` of ints with ``0 <= start <= end`` and ``end - start ==
        len(text)``, *speaker* a :class:`Speaker` or None (None for a scare
        quote), *cue* None or a non-empty clean string, *speaker_span* None (always
        when *speaker* is None) or a tuple ``(start, end)``, ``0 <= start < end``.
        No converter runs either: the spans must already be tuples.

        Use it only where those hold by construction.  The extractor
        (:mod:`articlekit._quotes._attribute`) slices *text* and *cue* out of the
        validated :attr:`Article.text` at spans it computed, and takes *kind* and
        *speaker* from its own tables; the checks would cost as much as the rest
        of the extraction of a short quote.  ``tests/test_quotes_properties.py``
        checks the invariants on the extractor's output (a Quote rebuilt through
        the checked constructor compares equal), and the Article that receives
        the quotes still checks each span against its text.
        """
        quote = object.__new__(cls)
        put = object.__setattr__  # an attrs frozen class refuses its own __setattr__
        put(quote, "text", text)
        put(quote, "kind", kind)
        put(quote, "span", span)
        put(quote, "speaker", speaker)
        put(quote, "cue", cue)
        put(quote, "speaker_span", speaker_span)
        return quote


# --------------------------------------------------------------------------- the article


def _check_datetime(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, datetime):
        raise _fail(attribute, owner, f"expected datetime or None, got {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise _fail(attribute, owner, "a naive datetime is ambiguous; give it a timezone")


def _check_language(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str) or not _LANGUAGE_TAG.match(value):
        raise _fail(attribute, owner, f"expected a BCP 47 language tag such as 'en' or 'pt-BR', got {value!r}")


def _check_page_type(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and value not in _PAGE_TYPES:
        raise _fail(attribute, owner, f"expected one of {sorted(_PAGE_TYPES)} or None, got {value!r}")


def _check_source_format(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and value not in _SOURCE_FORMATS:
        raise _fail(attribute, owner, f"expected one of {sorted(_SOURCE_FORMATS)} or None, got {value!r}")


def _check_comment_text(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _check_str(owner, attribute, value)
    assert isinstance(value, str)
    if not value.strip():
        raise _fail(attribute, owner, "a comment's text must not be empty")


@attrs.frozen
class Comment:
    """A reader comment on the article (see :attr:`Article.comments`).

    :param text: what the reader wrote, as plain text: its paragraphs separated
        by a blank line (``"\\n\\n"``), the lines of a paragraph by a newline.
        A comment is the readers' text, not the article's: it carries no markup,
        is not part of :attr:`Article.text` and holds no quotes.
    :param author: the commenter's name as the page shows it, or None.
    :param published: when it was posted (timezone-aware), or None.

    >>> from articlekit import Comment
    >>> Comment("Great piece, thanks.", author="Ann")
    Comment(text='Great piece, thanks.', author='Ann', published=None)
    """

    text: str = attrs.field(validator=_check_comment_text)
    author: str | None = attrs.field(default=None, validator=_check_opt_nonempty_str)
    published: datetime | None = attrs.field(default=None, validator=_check_datetime)


#: A JSON value, frozen: what :attr:`Article.extra` holds.
FrozenJSON: TypeAlias = bool | int | float | str | tuple["FrozenJSON", ...] | Mapping[str, "FrozenJSON"] | None


class FrozenDict(Mapping[str, "FrozenJSON"]):
    """A read-only mapping (what :attr:`Article.extra` and the mappings inside it are).

    Unlike :class:`types.MappingProxyType` it can be pickled, so Articles travel
    between processes (multiprocessing, Dask, Spark).
    """

    __slots__ = ("_data",)
    _data: dict[str, FrozenJSON]

    def __init__(self, data: dict[str, FrozenJSON] | None = None) -> None:
        object.__setattr__(self, "_data", dict(data or {}))

    def __getitem__(self, key: str) -> FrozenJSON:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return f"FrozenDict({self._data!r})"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("FrozenDict is read-only")

    def __reduce__(self) -> tuple[object, ...]:
        return (FrozenDict, (self._data,))


_EMPTY_EXTRA = FrozenDict()


#: The widest integer :attr:`Article.extra` holds (about 3,900 decimal digits): Python
#: refuses to write an integer of more than 4,300 digits in decimal, so JSON could not hold it.
MAX_INT_BITS = 13_000


def _freeze(value: object, path: str, depth: int = 0) -> FrozenJSON:
    # Deep freeze of a JSON-like value (lists -> tuples, dicts -> read-only mappings).  The
    # recursion is bounded: a container nested MAX_DEPTH levels inside extra is refused (the
    # front matter that to_markdown writes extra as then nests at most MAX_DEPTH levels).
    if value is None or isinstance(value, (bool, int, str)):
        if isinstance(value, str):
            bad = find_unclean(value)
            if bad >= 0:
                raise ValidationError(f"Article.extra{path}: character U+{ord(value[bad]):04X} is not allowed")
        elif isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
            raise ValidationError(
                f"Article.extra{path}: an integer of {value.bit_length():,} bits is wider than JSON numbers "
                f"may be here ({MAX_INT_BITS:,} bits; store it as a string)"
            )
        return value
    if isinstance(value, (list, tuple, Mapping)) and depth >= MAX_DEPTH:
        raise ValidationError(
            f"Article.extra{path}: nested more than {MAX_DEPTH - 1} levels deep "
            "(articlekit._model.MAX_DEPTH, less the level of extra itself)"
        )
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValidationError(f"Article.extra{path}: NaN and infinity are not JSON values")
        return value
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v, f"{path}[{i}]", depth + 1) for i, v in enumerate(value))
    if isinstance(value, Mapping):
        out: dict[str, FrozenJSON] = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise ValidationError(f"Article.extra{path}: keys must be str, got {type(k).__name__}")
            out[k] = _freeze(v, f"{path}[{k!r}]", depth + 1)
        return FrozenDict(dict(sorted(out.items())))
    raise ValidationError(f"Article.extra{path}: {type(value).__name__} is not a JSON value")


def _freeze_extra(value: object) -> Mapping[str, FrozenJSON]:
    if not value and (type(value) is FrozenDict or type(value) is dict):
        return _EMPTY_EXTRA  # the common case: nothing to freeze or check
    if not isinstance(value, Mapping):
        raise ValidationError(f"Article.extra: expected a mapping, got {type(value).__name__}")
    frozen = _freeze(value, "")
    assert isinstance(frozen, Mapping)
    return frozen


def _persons(value: Iterable[Person]) -> tuple[Person, ...]:
    return value if type(value) is tuple else _to_tuple(value)


def _images(value: Iterable[Image]) -> tuple[Image, ...]:
    return value if type(value) is tuple else _to_tuple(value)


def _quotes(value: Iterable[Quote]) -> tuple[Quote, ...]:
    return value if type(value) is tuple else _to_tuple(value)


def _comments(value: Iterable[Comment]) -> tuple[Comment, ...]:
    return value if type(value) is tuple else _to_tuple(value)


@attrs.frozen
class Article:
    """An article: metadata, a structured body and the quotes in it.

    Every field has a default, so an ``Article()`` is valid (and empty).

    :param title: the headline, as a reader sees it.
    :param standfirst: the lede or subtitle printed under the headline.
    :param authors: the people who wrote it (organisations go in ``credits``).
    :param credits: organisations credited with it: an agency, a desk, a staff account.
    :param published: when it was first published (timezone-aware).
    :param modified: when it was last modified (timezone-aware).
    :param language: a BCP 47 tag (``"en"``, ``"pt-BR"``).
    :param site_name: the publication's name.
    :param url: where it was read from; ``canonical_url`` where it says it lives.
    :param section: the section or category it belongs to.
    :param page_type: what kind of page it was read from (:data:`PageType`):
        ``"article"``, or a page that is not an article (``"forum"``,
        ``"product"``, ``"collection"``, ``"listing"``, ``"documentation"``,
        ``"service"``); None when unknown.  :func:`parse_html` sets it from the
        page; the Markdown and text parsers leave it None unless front matter
        gives ``page_type``.
    :param tags: keywords and tags.
    :param description: the summary a page gives in its metadata.
    :param images: the lead image first, then others.
    :param body: the block nodes of the body, in order.
    :param quotes: quotations with their speakers; spans index :attr:`text`.
    :param comments: reader comments (:class:`Comment`), in page order; empty
        unless asked for (``parse_html(..., comments=True)``).  Never part of
        ``body`` or :attr:`text`.
    :param source_format: what it was parsed from.
    :param encoding: the character encoding of the bytes it was parsed from, and
        ``encoding_source`` how that was decided (``"bom"``, ``"declared"``,
        ``"meta"``, ``"detected"``, ``"default"``).
    :param extra: metadata the source carried that has no field of its own
        (unknown front-matter keys), as a read-only JSON-like mapping.
    :param warnings: what the parser had to cut, guess or skip.
    :param base_url: the URL the source's relative links and images were resolved
        against: for a web page the ``url`` it was given, else its ``<base href>``,
        else its canonical URL; None when there was none (relative URLs stay
        relative) and for sources without links to resolve.
    """

    title: str | None = attrs.field(default=None)
    standfirst: str | None = attrs.field(default=None)
    authors: tuple[Person, ...] = attrs.field(converter=_persons, default=())
    credits: tuple[str, ...] = attrs.field(converter=_strs, default=())
    published: datetime | None = attrs.field(default=None)
    modified: datetime | None = attrs.field(default=None)
    language: str | None = attrs.field(default=None)
    site_name: str | None = attrs.field(default=None)
    url: str | None = attrs.field(default=None)
    canonical_url: str | None = attrs.field(default=None)
    section: str | None = attrs.field(default=None)
    page_type: PageType | None = attrs.field(default=None)
    tags: tuple[str, ...] = attrs.field(converter=_strs, default=())
    description: str | None = attrs.field(default=None)
    images: tuple[Image, ...] = attrs.field(converter=_images, default=())
    body: tuple[Block, ...] = attrs.field(converter=_blocks, default=())
    quotes: tuple[Quote, ...] = attrs.field(converter=_quotes, default=())
    comments: tuple[Comment, ...] = attrs.field(converter=_comments, default=())
    source_format: SourceFormat | None = attrs.field(default=None)
    encoding: str | None = attrs.field(default=None)
    encoding_source: str | None = attrs.field(default=None)
    extra: Mapping[str, FrozenJSON] = attrs.field(
        converter=_freeze_extra, default=_EMPTY_EXTRA, hash=False
    )
    warnings: tuple[str, ...] = attrs.field(converter=_strs, default=())
    base_url: str | None = attrs.field(default=None)
    # The cache of Article.text: None until the first use (most articles built in a parse are
    # never asked), then set by the ``text`` property, the only code that writes it.
    _text: str | None = attrs.field(init=False, default=None, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        _check_article(self)
        _check_nodes(self, "body", self.body, BLOCK_TYPES, _BLOCK_TYPE_SET)
        if self.quotes:
            self._check_quotes()

    def _check_quotes(self) -> None:
        text = self.text
        for i, quote in enumerate(self.quotes):
            start, end = quote.span
            if end > len(text):
                raise ValidationError(
                    f"Article.quotes[{i}]: span {quote.span} lies outside Article.text "
                    f"({len(text)} characters)"
                )
            mention = quote.speaker_span
            if mention is not None and mention[1] > len(text):
                raise ValidationError(
                    f"Article.quotes[{i}]: speaker_span {mention} lies outside Article.text "
                    f"({len(text)} characters)"
                )
            if text[start:end] != quote.text:
                raise ValidationError(
                    f"Article.quotes[{i}]: Article.text[{start}:{end}] is {text[start:end]!r}, "
                    f"not the quote's text {quote.text!r}"
                )

    @property
    def text(self) -> str:
        """The article's plain text; quote spans index into it.

        It is a pure function of ``title``, ``standfirst`` and ``body``: the
        title, the standfirst and the text of each block, in order, the
        non-empty ones joined by a blank line (``"\\n\\n"``).  The text of a
        block is:

        * heading, paragraph, table cell: the text of its inlines, where a
          :class:`Text` gives its text, :class:`InlineCode` its code, a
          :class:`LineBreak` ``"\\n"``, an :class:`InlineImage` nothing, and
          emphasis, strong, strikethrough and links the text of their children;
        * list: the text of each item on its own line (``"\\n"``), an item
          being the text of its blocks joined by ``"\\n"``; no list markers;
        * block quote: the text of its blocks joined by ``"\\n\\n"``;
        * figure: the text of its caption; code block: its code;
        * table: the caption, then each row on its own line, cells joined by a tab;
        * thematic break: nothing (it adds no blank line either).
        """
        text = self._text
        if text is None:
            # The one write to the cache, past the frozen class's __setattr__: the text is a
            # pure function of frozen fields, so it never goes stale, and two threads that
            # both compute it store equal strings.  attrs.evolve starts a copy's cache afresh.
            text = article_text(self.title, self.standfirst, self.body)
            object.__setattr__(self, "_text", text)
        return text


_ARTICLE_FIELDS = attrs.fields(Article)
_STR_ITEMS = _members(str)
_PERSON_ITEMS = _members(Person)
_IMAGE_ITEMS = _members(Image)
_QUOTE_ITEMS = _members(Quote)
_COMMENT_ITEMS = _members(Comment)


def _check_article(article: Article) -> None:
    """Article's field checks, in field order.

    Straight-line code: an optional field is checked unless None, a sequence unless it
    is an empty tuple, and most of an article's fields are one or the other (a loop over
    a table of checks costs several times more per field, checked or not).
    """
    a, f = article, _ARTICLE_FIELDS
    if a.title is not None:
        _check_str(a, f.title, a.title)
    if a.standfirst is not None:
        _check_str(a, f.standfirst, a.standfirst)
    if type(a.authors) is not tuple or a.authors:
        _PERSON_ITEMS(a, f.authors, a.authors)
    if type(a.credits) is not tuple or a.credits:
        _STR_ITEMS(a, f.credits, a.credits)
    if a.published is not None:
        _check_datetime(a, f.published, a.published)
    if a.modified is not None:
        _check_datetime(a, f.modified, a.modified)
    if a.language is not None:
        _check_language(a, f.language, a.language)
    if a.site_name is not None:
        _check_str(a, f.site_name, a.site_name)
    if a.url is not None:
        _check_url(a, f.url, a.url)
    if a.canonical_url is not None:
        _check_url(a, f.canonical_url, a.canonical_url)
    if a.base_url is not None:
        _check_url(a, f.base_url, a.base_url)
    if a.section is not None:
        _check_str(a, f.section, a.section)
    if a.page_type is not None:
        _check_page_type(a, f.page_type, a.page_type)
    if type(a.tags) is not tuple or a.tags:
        _STR_ITEMS(a, f.tags, a.tags)
    if a.description is not None:
        _check_str(a, f.description, a.description)
    if type(a.images) is not tuple or a.images:
        _IMAGE_ITEMS(a, f.images, a.images)
    if type(a.quotes) is not tuple or a.quotes:
        _QUOTE_ITEMS(a, f.quotes, a.quotes)
    if type(a.comments) is not tuple or a.comments:
        _COMMENT_ITEMS(a, f.comments, a.comments)
    if a.source_format is not None:
        _check_source_format(a, f.source_format, a.source_format)
    if a.encoding is not None:
        _check_opt_nonempty_str(a, f.encoding, a.encoding)
    if a.encoding_source is not None:
        _check_opt_nonempty_str(a, f.encoding_source, a.encoding_source)
    if type(a.warnings) is not tuple or a.warnings:
        _STR_ITEMS(a, f.warnings, a.warnings)
