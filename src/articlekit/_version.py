"""The one place the version of articlekit is defined."""

__version__ = "0.1.0.dev0"
