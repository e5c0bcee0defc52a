"""Index-backed commands (ingest, index, ask, eval, bench)."""
from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    """Add the index-backed subcommands to the CLI."""
