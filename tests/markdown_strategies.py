"""A Markdown-specific hypothesis strategy: documents built from Markdown and front-matter syntax."""

from __future__ import annotations

from hypothesis import strategies as st

from articlekit.testing import texts

_LINE_STARTS = ["", "# ", "## ", "- ", "* ", "+ ", "1. ", "2) ", "> ", "    ", "```", "~~~", "| ", "<div>", "<!--", "[x]: /u "]
_PIECES = [
    "*", "**", "_", "__", "~~", "`", "``", "[", "]", "(", ")", "![", "](", "<", ">", "&amp;", "&#", "\\", "|",
    "---", "===", "<br>", "<em>", "</em>", "<script>", "javascript:", "\n", "\n\n", " ", "\t", "word",
]
_FRONT = [
    "",
    "---\ntitle: T\n---\n",
    "---\n",
    "+++\n",
    '+++\ntitle = "T"\n+++\n',
    "---\na: &x [1]\nb: *x\n---\n",
    "---\ndate: 2024-13-45\n---\n",
    "---\n[unclosed\n---\n",
]


def markdown_documents() -> st.SearchStrategy[str]:
    """Markdown-looking documents: front-matter openings, block starts, inline syntax, hostile text."""
    line = st.builds(
        lambda start, parts: start + "".join(parts),
        st.sampled_from(_LINE_STARTS),
        st.lists(st.one_of(st.sampled_from(_PIECES), texts(max_size=10)), max_size=8),
    )
    return st.builds(
        lambda front, lines: front + "\n".join(lines),
        st.sampled_from(_FRONT),
        st.lists(line, max_size=12),
    )
