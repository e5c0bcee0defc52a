"""`python -m assistant.devtools bench-ingest`: a reader's answer time idle vs during a 10-file upload.

What an office sees when an editor uploads while others ask: one process, one service (as the
Streamlit server runs it), a background ingest of `--files` real minutes into a private copy of
the index, and a reader asking the dev questions before and during it, pausing `--pause` seconds
to read each answer (back to back, a reader keeps both cores busy and the low-priority ingest
barely runs). Reported, not asserted.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..config import Config
from .bench import _percentile, latency_summary


def bench_ingest(
    config: Config, questions: list[str], files: list[Path], pause_s: float = 1.0
) -> dict[str, Any]:
    from ..app import open_assistant
    from ..service import LOCAL_USER

    folder = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    try:
        shutil.copytree(config.index_dir, folder / "index")
        private = config.with_index_dir(folder / "index")
        private.auth = replace(config.auth, db=str(folder / "office.sqlite"))
        service = open_assistant(private)
        service.warm_up()

        def timed(question: str) -> float:
            started = time.perf_counter()
            service.ask(LOCAL_USER, question)
            return time.perf_counter() - started

        idle = [timed(q) for q in questions]
        payload = [
            (f"bench-{n}-{path.name}", path.read_bytes() + f"\n（基准测试副本{n}）".encode())
            for n, path in enumerate(files)
        ]
        job = service.start_upload(LOCAL_USER, payload)
        during, started = [], time.perf_counter()
        while not job.finished:
            during.append(timed(questions[len(during) % len(questions)]))
            time.sleep(pause_s)  # the reader reads the answer before asking again
        seconds = time.perf_counter() - started
        return {
            "files": len(files),
            "reader_pause_s": pause_s,
            "ingest_s": round(seconds, 1),
            "added": sum(f.status == "added" for f in job.report.files) if job.report else 0,
            "idle": latency_summary(idle),
            "during_upload": latency_summary(during),
            "ratio_p50": round(_percentile(during, 0.5) / _percentile(idle, 0.5), 2) if during else None,
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def cmd_bench_ingest(args: argparse.Namespace, config: Config) -> int:
    from .evaluate import load_questions

    questions = [q["question"] for q in load_questions(args.questions) if q.get("lang", "zh") == "zh"][:20]
    files = sorted(Path(config.path(args.folder)).glob("*.txt"))[: args.files]
    report = bench_ingest(config, questions, files, args.pause)
    print(json.dumps(report, ensure_ascii=False, indent=1))
    return 0


def register_bench_ingest(sub: Any) -> None:
    p = sub.add_parser("bench-ingest", help="a reader's answer time idle vs during a background upload")
    p.add_argument("--files", type=int, default=10, help="how many minutes to upload")
    p.add_argument(
        "--pause",
        type=float,
        default=1.0,
        help="seconds the reader spends reading each answer before the next question (0: back to back)",
    )
    p.add_argument(
        "--folder",
        default="data/heldback/news",
        help="minutes not yet in the index, to upload (default: 10 reports)",
    )
    p.add_argument("--questions", default="data/gold/questions-dev.jsonl", help="the reader's questions")
    p.set_defaults(func=cmd_bench_ingest)
