"""An upload ingested in a child process at low priority, so readers keep their answer times.

In a thread of the serving process, an ingest's Python work (parsing, jieba, the BM25 rebuild) and
the readers' question encoding (hundreds of small torch calls, each re-taking the GIL) convoy on the
one interpreter lock: a reader's answer took 0.7–0.9 s instead of 0.09 s while an upload was being
written (bench-ingest). A child process has its own interpreter, runs at nice 10 on one thread, and
writes the index files exactly as the CLI does; the parent then loads them and swaps them in.

The child gets the config and the uploaded bytes on stdin and sends back progress and the
IngestReport on stdout, pickled: both ends are this module (nothing from outside is unpickled).
"""

from __future__ import annotations

import logging
import os
import pickle
import subprocess
import sys
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
    """Run `Index.ingest_uploads` in a fresh low-priority process; progress is relayed as it comes.

    A plain `python -m assistant.search.background` child, not multiprocessing's spawn: under
    `streamlit run` the main module is the page script, which spawn would run again in the child."""
    child = subprocess.Popen(
        [sys.executable, "-m", __name__],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=None,  # the child's log lines go to the server's log
    )
    try:
        pickle.dump((config, files, place), child.stdin)
        child.stdin.close()
        return _relay(child, progress)
    finally:
        try:
            child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def _relay(child: subprocess.Popen, progress: Progress) -> IngestReport:
    while True:
        try:
            kind, *payload = pickle.load(child.stdout)  # our own child's messages only
        except EOFError:
            raise IngestFailed(f"导入进程意外退出（退出码 {child.wait()}）") from None
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


def _child() -> None:
    """The child's whole life: take the job from stdin, lower its priority, load the model on few
    threads, ingest, and send progress and the report to the parent on the original stdout (anything
    else printed goes to stderr, so nothing stray corrupts the message stream)."""
    messages = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    config, files, place = pickle.load(sys.stdin.buffer)
    _yield_to_readers()
    try:
        import torch

        torch.set_num_threads(max(config.embedding.background_threads, 1))
    except ImportError:
        pass
    from .embeddings import get_embedder

    def send(*message: Any) -> None:
        pickle.dump(message, messages)
        messages.flush()

    def progress(stage: str, done: int, total: int) -> None:
        send("progress", stage, done, total)

    try:
        progress("加载模型", 0, len(files))
        index = Index(config, get_embedder(config, shared=False))
        try:
            send("done", index.ingest_uploads(files, progress, place))
        finally:
            index.close()
    except Exception as exc:  # reported to the uploader; the parent keeps serving the old index
        log.exception("background ingest failed")
        send("error", f"{type(exc).__name__}: {exc}")


if __name__ == "__main__":
    _child()
