"""Sphinx configuration for the articlekit documentation."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import articlekit

project = "articlekit"
author = "The articlekit developers"
copyright = "2026, The articlekit developers"
release = articlekit.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "myst_parser",
    "sphinx_copybutton",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]
root_doc = "index"

html_theme = "furo"
html_title = f"articlekit {release}"

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False, "show-inheritance": True}
# attrs classes document their fields as parameters; private attrs (_depth) stay hidden.
autodoc_class_signature = "mixed"

# Offline builds: intersphinx inventories are used when a local copy is present and
# skipped otherwise (set ARTICLEKIT_DOCS_ONLINE=1 to fetch them).
import os  # noqa: E402

if os.environ.get("ARTICLEKIT_DOCS_ONLINE"):
    intersphinx_mapping = {
        "python": ("https://docs.python.org/3", None),
        "attrs": ("https://www.attrs.org/en/stable/", None),
        "lxml": ("https://lxml.de/apidoc/", None),
    }
else:
    intersphinx_mapping = {}
intersphinx_disabled_reftypes = ["*"]

# The examples read the repository's shipped pages (examples/pages/) by relative path, as a
# reader in a clone would: run them from the repository root, as pytest does.
doctest_global_setup = (
    f"import os\nos.chdir({str(Path(__file__).resolve().parents[1])!r})\nimport articlekit\nfrom articlekit import *"
)
myst_heading_anchors = 3
suppress_warnings = ["myst.header"]
nitpicky = False

# linkcheck: offline builds (CI here has no network) check internal references and anchors
# only; set ARTICLEKIT_DOCS_ONLINE=1 to check external links too.
linkcheck_ignore = [] if os.environ.get("ARTICLEKIT_DOCS_ONLINE") else [r"^https?://", r"^mailto:"]
linkcheck_anchors = True

# The same doctest options as pytest's (pyproject.toml): white space runs compare equal
# (CSV output ends its lines with \r\n, as RFC 4180 says).
import doctest  # noqa: E402

doctest_default_flags = (
    doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.IGNORE_EXCEPTION_DETAIL | doctest.DONT_ACCEPT_TRUE_FOR_1
)
