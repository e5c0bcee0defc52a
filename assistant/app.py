"""The one boot path: open the index (seeding the sample minutes on first use) and build the service.

The browser, the CLI and the HTTP API all start here, so they search the same index
the same way and reach it only through `Assistant`'s role-checked methods.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .config import Config

if TYPE_CHECKING:
    from .search.index import Progress

Notify = Callable[[str], None]


def open_retriever(config: Config, progress: Progress | None = None, notify: Notify | None = None):
    """The retriever over the index, built from the sample minutes on first use and rebuilt after a
    model or schema change (`notify` hears what is happening, `progress` how far it is)."""
    from .answering.retrieval import Retriever
    from .search.index import Index, IndexMismatch, rebuild_index

    say = notify or (lambda message: None)
    index = Index(config)
    try:
        index.check_compatible()
    except IndexMismatch as exc:
        index.close()
        say(f"{exc}；正在重建……")
        rebuild_index(config, progress=progress)
        index = Index(config)
    if index.is_empty():
        samples = [config.path(folder) for folder in config.data.sample_dirs]
        say(f"索引为空：正在导入示例纪要 {', '.join(map(str, samples))} …")
        index.ingest_paths(samples, progress=progress)
    return Retriever(index, config)


def open_assistant(config: Config, progress: Progress | None = None, notify: Notify | None = None):
    """The service every client talks to."""
    from .service import Assistant

    return Assistant(open_retriever(config, progress, notify), config)


def first_start(config: Config) -> bool:
    """True while the index is still empty: the first start builds it from the samples (with progress)."""
    from .search.index import Index

    index = Index(config)
    try:
        return index.is_empty()
    finally:
        index.close()
