"""The HTML parser: from a whole web page to a clean Article."""
