"""An upload ingested in a child process at low priority, so readers keep their answer times.

In a thread of the serving process, an ingest's Python work (parsing, jieba, the BM25 rebuild) and
the readers' question encoding (hundreds of small torch calls, each re-taking the GIL) convoy on the
one interpreter lock: a reader's answer took 0.7–0.9 s instead of 0.09 s while an upload was being
written (bench-ingest). A child process has its own interpreter, runs at nice 10 on one thread, and
writes the index files exactly as the CLI does; the parent then loads them and swaps them in.

The child gets the config and the uploaded bytes and sends back progress and the IngestReport
through a multiprocessing queue (objects this package defines; nothing from outside is unpickled).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
from typing import Any

from ..config import Config
from .index import Index, IngestReport, Progress

log = logging.getLogger(__name__)
NICENESS = 10


class IngestFailed(RuntimeError):
    """The child process reported an error or died; the index keeps its previous state."""


def ingest_uploads_in_child(
    config: Config, files: list[tuple[str, bytes]], place: str | None, progress: Progress
) -> IngestReport:
    """Run `Index.ingest_uploads` in a fresh low-priority process; progress is relayed as it comes."""
    context = multiprocessing.get_context("spawn")  # no fork of a threaded server
    messages = context.Queue()
    child = context.Process(
        target=_child, args=(config, files, place, messages), name="assistant-ingest", daemon=True
    )
    child.start()
    try:
        return _relay(child, messages, progress)
    finally:
        child.join(timeout=30)
        if child.is_alive():
            child.kill()


def _relay(child, messages, progress: Progress) -> IngestReport:
    while True:
        try:
            kind, *payload = messages.get(timeout=1.0)
        except queue.Empty:
            if not child.is_alive():
                raise IngestFailed(f"导入进程意外退出（退出码 {child.exitcode}）") from None
            continue
        if kind == "progress":
            progress(*payload)
        elif kind == "done":
            return payload[0]
        else:
            raise IngestFailed(payload[0])


def _yield_to_readers() -> None:
    """Run only on CPU time the readers leave: Linux's SCHED_IDLE class (no privilege needed), else
    nice 10. At nice 10 a reader's two torch threads still shared a core with the ingest (reader p50
    1.6x idle in bench-ingest)."""
    try:
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
        return
    except (AttributeError, OSError):
        pass
    try:
        os.nice(NICENESS)
    except (AttributeError, OSError):  # not permitted or not POSIX: normal priority
        pass


def _child(config: Config, files: list[tuple[str, bytes]], place: str | None, messages: Any) -> None:
    """The child's whole life: lower its priority, load the model on few threads, ingest, report."""
    _yield_to_readers()
    try:
        import torch

        torch.set_num_threads(max(config.embedding.background_threads, 1))
    except ImportError:
        pass
    from .embeddings import get_embedder

    def progress(stage: str, done: int, total: int) -> None:
        messages.put(("progress", stage, done, total))

    try:
        progress("加载模型", 0, len(files))
        index = Index(config, get_embedder(config, shared=False))
        try:
            messages.put(("done", index.ingest_uploads(files, progress, place)))
        finally:
            index.close()
    except Exception as exc:  # reported to the uploader; the parent keeps serving the old index
        log.exception("background ingest failed")
        messages.put(("error", f"{type(exc).__name__}: {exc}"))
