"""The user's command line: parse, ingest, index, users, ask."""

from .main import main

__all__ = ["main"]
