"""Serialisers: one module per output format, each a function ``Article -> str``.

They are reached through :func:`articlekit.dumps` and the ``to_*`` functions.
"""
