"""articlekit: turn articles into clean, typed data.

Parse a web page, a Markdown file or a plain-text dump into one
:class:`Article` model (metadata, a structured body, quotes with who said
them), and write it out again as JSON, Markdown, HTML, text or JSON-LD.

>>> import articlekit
>>> article = articlekit.Article(title="Hello", body=[articlekit.Paragraph([articlekit.Text("Hi.")])])
>>> articlekit.from_json(articlekit.to_json(article)) == article
True
"""

from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

from articlekit._errors import (
    ArticleKitError,
    EmptyDocumentError,
    EncodingError,
    FetchError,
    FrontMatterError,
    JSONFormatError,
    ParseError,
    ResourceLimitError,
    UnknownFormatError,
    ValidationError,
)
from articlekit._json import from_dict, from_json, json_schema, to_dict, to_json
from articlekit._limits import Limits
from articlekit._load import parse_file, parse_url
from articlekit._model import (
    Article,
    Block,
    BlockQuote,
    CodeBlock,
    Comment,
    Emphasis,
    Figure,
    Heading,
    Image,
    Inline,
    InlineCode,
    InlineImage,
    LineBreak,
    Link,
    ListBlock,
    ListItem,
    PageType,
    Paragraph,
    Person,
    Quote,
    QuoteKind,
    SourceFormat,
    Speaker,
    Strikethrough,
    Strong,
    Table,
    TableCell,
    TableRow,
    Text,
    ThematicBreak,
)
from articlekit._parsers.auto import parse
from articlekit._parsers.html import parse_html
from articlekit._parsers.markdown import parse_markdown
from articlekit._parsers.text import parse_text
from articlekit._quotes import extract_quotes
from articlekit._registry import dumps, formats
from articlekit._serializers.html import to_html
from articlekit._serializers.jsonld import to_jsonld, to_jsonld_dict
from articlekit._serializers.markdown import to_markdown
from articlekit._serializers.quotes_table import quote_rows, to_quotes_csv, to_quotes_jsonl
from articlekit._serializers.text import to_text
from articlekit._version import __version__

if _TYPE_CHECKING:
    from articlekit._batch import BatchResult, Document, parse_many

#: Names imported when first used: the batch runner (multiprocessing and its pool)
#: costs a third of the import time and most programs never run a batch.
_LAZY = frozenset({"BatchResult", "Document", "parse_many"})


def __getattr__(name: str) -> _Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'articlekit' has no attribute {name!r}")
    from articlekit import _batch

    value = getattr(_batch, name)
    globals()[name] = value
    return value

__all__ = [
    "Article",
    "ArticleKitError",
    "BatchResult",
    "Block",
    "BlockQuote",
    "CodeBlock",
    "Comment",
    "Document",
    "Emphasis",
    "EmptyDocumentError",
    "EncodingError",
    "FetchError",
    "Figure",
    "FrontMatterError",
    "Heading",
    "Image",
    "Inline",
    "InlineCode",
    "InlineImage",
    "JSONFormatError",
    "Limits",
    "LineBreak",
    "Link",
    "ListBlock",
    "ListItem",
    "PageType",
    "Paragraph",
    "ParseError",
    "Person",
    "Quote",
    "QuoteKind",
    "ResourceLimitError",
    "SourceFormat",
    "Speaker",
    "Strikethrough",
    "Strong",
    "Table",
    "TableCell",
    "TableRow",
    "Text",
    "ThematicBreak",
    "UnknownFormatError",
    "ValidationError",
    "__version__",
    "dumps",
    "extract_quotes",
    "formats",
    "from_dict",
    "from_json",
    "json_schema",
    "parse",
    "parse_file",
    "parse_html",
    "parse_many",
    "parse_markdown",
    "parse_text",
    "parse_url",
    "quote_rows",
    "to_dict",
    "to_html",
    "to_json",
    "to_jsonld",
    "to_jsonld_dict",
    "to_markdown",
    "to_quotes_csv",
    "to_quotes_jsonl",
    "to_text",
]

# The exceptions are shown in tracebacks and pickled as ``articlekit.X``, wherever the
# implementation keeps them (their module is private and may move).  Only the exceptions:
# the model classes keep their module, where typing.get_type_hints resolves their annotations.
for _name in __all__:
    _obj = globals().get(_name)
    if isinstance(_obj, type) and issubclass(_obj, BaseException):
        _obj.__module__ = "articlekit"
del _name, _obj
