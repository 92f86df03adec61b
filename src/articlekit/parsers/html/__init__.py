"""HTML parsing: lxml-based readers for web pages (and for articlekit's own HTML)."""
