"""The HTML parser: a whole web page in, the article on it out.

:func:`parse_html` runs these stages, one module each:

1. ``articlekit._input.decode_input`` -- bytes to clean text (BOM, caller's
   encoding, ``<meta charset>``, detection);
2. :mod:`._tree` -- a safe lxml parse (no network, no entities, no comments,
   depth and size problems recorded as warnings);
3. :mod:`._metadata` -- title, authors, dates, language, site name ... from
   JSON-LD, OpenGraph, meta tags, microdata and the visible byline;
4. :mod:`._content` -- find the article body and drop the page's boilerplate;
5. :mod:`._blocks` -- map the body to the model's blocks and inlines.

:func:`fragment_blocks` runs stage 5 alone on an HTML snippet (the Markdown
parser uses it for raw HTML).
"""

from __future__ import annotations

from articlekit.parsers.html._blocks import fragment_blocks

__all__ = ["fragment_blocks"]
