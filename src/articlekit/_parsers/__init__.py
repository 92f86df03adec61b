"""Parsers: one module per input format, each turning raw input into an Article."""
