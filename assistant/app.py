"""The one boot path: open the index (seeding the sample minutes on first use) and build the service.

The browser, the CLI and the HTTP API all start here, so they search the same index
the same way and reach it only through `Assistant`'s role-checked methods.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .config import Config

if TYPE_CHECKING:
    from .search.index import Progress

Notify = Callable[[str], None]


def open_retriever(config: Config, progress: Progress | None = None, notify: Notify | None = None):
    """The retriever over the index, built from the sample minutes on first use and rebuilt after a
    model or schema change (`notify` hears what is happening, `progress` how far it is)."""
    from .answering.retrieval import Retriever

    say = notify or (lambda message: None)
    index = open_index(config, progress, notify)
    if index.is_empty():
        samples = [config.path(folder) for folder in config.data.sample_dirs]
        say(f"索引为空：正在导入示例纪要 {', '.join(map(str, samples))} …")
        index.ingest_paths(samples, progress=progress)
    return Retriever(index, config)


def open_index(config: Config, progress: Progress | None = None, notify: Notify | None = None):
    """The index, rebuilt from the stored originals first when it was made by another parser, model or
    schema (vectors of unchanged passages are reused)."""
    from .search.index import Index, IndexMismatch, rebuild_index

    index = Index(config)
    try:
        index.check_compatible()
    except IndexMismatch as exc:
        index.close()
        (notify or (lambda message: None))(f"{exc}；正在重建……")
        rebuild_index(config, progress=progress)
        index = Index(config)
    return index


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


@dataclass
class Warmup:
    """The service loading in the background: what it is doing, and the service once it is ready."""

    stage: str = "启动中"
    done: int = 0
    total: int = 0
    started_at: float = field(default_factory=time.time)
    assistant: Any = None
    error: BaseException | None = None
    finished: threading.Event = field(default_factory=threading.Event)

    @property
    def ready(self) -> bool:
        return self.assistant is not None


_WARMUPS: dict[str, Warmup] = {}
_WARMUPS_LOCK = threading.Lock()


def warm_assistant(config: Config) -> Warmup:
    """Load the index, the model and the answer path once per process, in a background thread.

    Called when the server starts (`python -m assistant serve-web`), so the first question is as
    fast as the tenth; a page that arrives earlier shows the warm-up's progress instead of waiting
    25–46 s on a spinner. Every later call returns the same warm-up.
    """
    key = str(config.index_dir)
    with _WARMUPS_LOCK:
        warmup = _WARMUPS.get(key)
        if warmup is None:
            warmup = _WARMUPS[key] = Warmup()
            threading.Thread(target=_warm, args=(warmup, config), name="warm-up", daemon=True).start()
    return warmup


def _warm(warmup: Warmup, config: Config) -> None:
    def progress(stage: str, done: int, total: int) -> None:
        warmup.stage, warmup.done, warmup.total = stage, done, total

    try:
        warmup.stage = "加载索引与模型"
        assistant = open_assistant(config, progress, notify=lambda message: progress(message, 0, 0))
        warmup.stage, warmup.done, warmup.total = "预热问答", 0, 0
        assistant.warm_up()
        warmup.assistant = assistant
    except BaseException as exc:  # shown on the page (a broken database names its file and the fix)
        warmup.error = exc
    finally:
        warmup.finished.set()
