"""`python -m assistant bench`: load times, warm query latency and memory, measured in one run."""
from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import time
from typing import Any

from .config import Config


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def machine() -> str:
    import os

    return f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def bench_queries(config: Config, questions: list[dict], repeats: int = 3) -> dict[str, Any]:
    from .answer import compose
    from .commands import open_retriever
    from .embeddings import get_embedder

    started = time.perf_counter()
    embedder = get_embedder(config)
    model_load = time.perf_counter() - started
    started = time.perf_counter()
    retriever = open_retriever(config, quiet=True)
    index_load = time.perf_counter() - started
    texts = [q["question"] for q in questions]
    for text in texts[:5]:  # warm up
        compose(retriever.search(text), retriever, config)
    retrieval_ms, answer_ms, encode_ms = [], [], []
    for _ in range(repeats):
        for text in texts:
            t0 = time.perf_counter()
            vector = embedder.encode_queries([text])[0]
            t1 = time.perf_counter()
            result = retriever.search(text, query_vector=vector)
            t2 = time.perf_counter()
            compose(result, retriever, config)
            t3 = time.perf_counter()
            encode_ms.append((t1 - t0) * 1000)
            retrieval_ms.append((t2 - t0) * 1000)
            answer_ms.append((t3 - t0) * 1000)
    return {
        "passages": len(retriever.pids), "model_load_s": round(model_load, 3), "index_load_s": round(index_load, 3),
        "query_encode_ms_p50": round(statistics.median(encode_ms), 2),
        "retrieval_ms_p50": round(statistics.median(retrieval_ms), 2),
        "retrieval_ms_p95": round(_percentile(retrieval_ms, 0.95), 2),
        "query_ms_p50": round(statistics.median(answer_ms), 2),
        "query_ms_p95": round(_percentile(answer_ms, 0.95), 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def cmd_bench(args: argparse.Namespace, config: Config) -> int:
    from .evaluate import load_questions

    questions = load_questions(config.path(args.questions))
    row = bench_queries(config, questions, repeats=args.repeats)
    report = {"machine": machine(), "rows": [row]}
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return 0
    print(f"machine: {report['machine']}")
    for key, value in row.items():
        print(f"  {key:<24} {value}")
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("bench", help="measure load times, warm query latency and memory")
    p.add_argument("--questions", default="data/gold/questions-dev.jsonl")
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_bench)
