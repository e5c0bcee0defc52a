"""`python -m assistant.devtools bench`: ingest throughput, load times, warm latency, memory and recall at growing sizes.

One run builds a synthetic archive (synthetic.py: real sample items recombined
and varied, with the five real meetings inside) in a fresh index and measures,
at each size (default 1k, 10k, 100k passages), in this order:
- ingest of the new passages, split into parsing, embedding and indexing, with the
  configured embedder; beside it, sentence-transformers fp32 on a sample of the same
  passages (the baseline) and the cosine between the two;
- index load (FAISS, BM25, metadata) in a fresh `Index`, and model load;
- warm latency over the dev questions: retrieval (query encoding included) and retrieval + answer;
- recall@5 on the dev questions, and at HNSW sizes the recall of HNSW against exact search;
- peak RSS of the process so far.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import resource
import shutil
import statistics
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from ..config import Config, save_config

PASSAGES_PER_SYNTHETIC_DOC = 14  # measured average; only sizes the batches


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def latency_summary(seconds: list[float]) -> dict[str, float]:
    """How many answers, and their p50 and p95 in seconds (bench-api, bench-ingest)."""
    if not seconds:
        return {"n": 0}
    return {
        "n": len(seconds),
        "p50_s": round(_percentile(seconds, 0.5), 3),
        "p95_s": round(_percentile(seconds, 0.95), 3),
    }


def machine() -> str:
    import os

    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{model}, {os.cpu_count()} cores, {mem:.0f} GB RAM, Python {platform.python_version()}"


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def current_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


PROBE = """
import json, sys, time
t0 = time.perf_counter()
from assistant.config import load_config
from assistant.search.embeddings import get_embedder
from assistant.search.index import Index
from assistant.answering.retrieval import Retriever
from assistant.devtools.bench import current_rss_mb
config = load_config(sys.argv[1]).with_index_dir(sys.argv[2])
config.index.backend, config.index.milvus_uri = sys.argv[4], sys.argv[5]
t1 = time.perf_counter()
embedder = get_embedder(config)
t2 = time.perf_counter()
retriever = Retriever(Index(config), config)
t3 = time.perf_counter()
for question in json.loads(sys.argv[3]):
    retriever.search(question)
print(json.dumps({"import_s": t1 - t0, "model_load_s": t2 - t1, "index_load_s": t3 - t2, "rss_mb": current_rss_mb()}))
"""


def serving_probe(config: Config, folder: Path, questions: list[str]) -> dict[str, float]:
    """Load the index in a fresh process, as the app does, for clean load times and serving memory."""
    import subprocess
    import sys

    out = subprocess.run(
        [
            sys.executable,
            "-c",
            PROBE,
            str(config.root / "config.toml"),
            str(folder),
            json.dumps(questions, ensure_ascii=False),
            config.index.backend,
            config.index.milvus_uri,
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=config.root,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def named_recall(report: dict, questions: list[dict], vocab) -> float | None:
    """recall@5 over questions that name their city or meeting: synthetic meetings reuse real sentences,
    so a question naming neither has textually correct answers in other (synthetic) cities too."""
    from ..answering.query import understand
    from .evaluate import _score

    by_id = {q["id"]: q for q in questions}
    scores = []
    for row in report["questions"]:
        q = by_id[row["id"]]
        if q["gold"] and understand(q["question"], vocab).has_meeting_filters:
            scores.append(_score({"gold": q["gold"], "hits": row["hits"]}, 5)[1])
    return round(sum(scores) / len(scores), 4) if scores else None


def measure_queries(retriever, config: Config, questions: list[dict], repeats: int) -> dict[str, float]:
    from ..answering.answer import compose

    embedder = retriever.index.embedder
    texts = [q["question"] for q in questions]
    for text in texts[:5]:  # warm up
        compose(retriever.search(text), retriever, config)
    retrieval_ms, answer_ms = [], []
    for _ in range(repeats):
        for text in texts:
            t0 = time.perf_counter()
            vector = embedder.encode_queries([text])[0]
            result = retriever.search(text, query_vector=vector)
            t1 = time.perf_counter()
            compose(result, retriever, config)
            t2 = time.perf_counter()
            retrieval_ms.append((t1 - t0) * 1000)
            answer_ms.append((t2 - t0) * 1000)
    return {
        "retrieval_ms_p50": round(statistics.median(retrieval_ms), 2),
        "retrieval_ms_p95": round(_percentile(retrieval_ms, 0.95), 2),
        "query_ms_p50": round(statistics.median(answer_ms), 2),
        "query_ms_p95": round(_percentile(answer_ms, 0.95), 2),
    }


def ann_recall(retriever, questions: list[dict], k: int = 10) -> float | None:
    """Recall@k of the FAISS index against exact inner-product search (None when FAISS is exact)."""
    import faiss

    index = retriever.index
    backend = index.search
    if not isinstance(getattr(backend, "faiss_index", None), faiss.IndexHNSW):
        return None
    queries = index.embedder.encode_queries([q["question"] for q in questions])
    _, approx = backend.faiss_index.search(queries, k)
    exact = np.argsort(-(queries @ backend.vectors.T), axis=1)[:, :k]
    return round(float(np.mean([len(set(a) & set(e)) / k for a, e in zip(approx, exact)])), 4)


def baseline_throughput(config: Config, texts: list[str]) -> tuple[float, float, float]:
    """sentence-transformers fp32 vs the configured embedder on the same passages: (fp32/s, configured/s, min cosine)."""
    from ..search.embeddings import get_embedder

    reference = get_embedder(config, backend="sentence-transformers", precision="fp32")
    configured = get_embedder(config)
    reference.encode_documents(texts[:8])  # warm up both
    configured.encode_documents(texts[:8])
    t0 = time.perf_counter()
    a = reference.encode_documents(texts, config.embedding.batch_size)
    t1 = time.perf_counter()
    b = configured.encode_documents(texts, config.embedding.batch_size)
    t2 = time.perf_counter()
    return len(texts) / (t1 - t0), len(texts) / (t2 - t1), float((a * b).sum(axis=1).min())


def _rate(count: int, seconds: float, digits: int = 2) -> float | None:
    return round(count / seconds, digits) if seconds else None


def measure_backend(
    config: Config, folder: Path, name: str, questions: list[dict], repeats: int
) -> dict[str, Any]:
    """One search backend on the archive in `folder`: full build from the store, load and memory in a
    fresh process, warm latency, recall — the same questions and vectors for every backend."""
    from ..answering.retrieval import Retriever
    from ..search.backends.milvus_backend import forget_client
    from ..search.index import Index
    from .evaluate import evaluate

    config = config.with_index_dir(folder)
    config.index.backend, config.index.milvus_uri = name, str(folder / "milvus.db")
    index = Index(config)
    _discard_derived(index)
    started = time.perf_counter()
    index.load()  # nothing derived is fresh: the backend builds from the store
    build_s = time.perf_counter() - started
    passages = index.store.count("passages")
    index.close()
    forget_client(config.index.milvus_uri)  # Milvus Lite admits one process per data folder: the probe's
    probe = serving_probe(config, folder, [q["question"] for q in questions[:5]])
    index = Index(config)
    retriever = Retriever(index, config)
    queries = measure_queries(retriever, config, questions, repeats)
    evaluation = evaluate(retriever, config, questions, k=5)
    quality = evaluation["metrics"]["all"]
    row = {
        "backend": name,
        "faiss_type": index.search.health().get("faiss_type"),
        "backend_build_passages_per_s": _rate(passages, build_s, 1),
        "model_load_s": round(probe["model_load_s"], 2),
        "index_load_s": round(probe["index_load_s"], 2),
        **queries,
        "recall_at_5": quality["recall_at_5"],
        "mrr": quality["mrr"],
        "recall_at_5_city_or_meeting_named": named_recall(evaluation, questions, retriever.vocab),
        "unanswerable_accuracy": quality.get("unanswerable_accuracy"),
        "false_refusal_rate": quality.get("false_refusal_rate"),
        "ann_recall_at_10_vs_exact": ann_recall(retriever, questions),
        "rss_serving_mb": probe["rss_mb"],
        "peak_rss_mb": peak_rss_mb(),
        "bytes_per_passage_on_disk": round(_backend_bytes(folder, name) / max(passages, 1)),
    }
    index.close()
    forget_client(config.index.milvus_uri)
    return row


def _discard_derived(index) -> None:
    """Drop what a backend derived from the store, so `load` measures a full build."""
    import shutil as _shutil

    if index.search.name == "faiss":
        for name in ("vectors.faiss", "vectors.pids.npy"):
            (index.dir / name).unlink(missing_ok=True)
        _shutil.rmtree(index.dir / "bm25", ignore_errors=True)
    elif index.search.client.has_collection(index.search.collection):
        index.search.client.drop_collection(index.search.collection)


def _backend_bytes(folder: Path, name: str) -> int:
    if name == "faiss":
        paths = [folder / "vectors.faiss", folder / "vectors.pids.npy", *(folder / "bm25").glob("*")]
    else:
        paths = (
            [p for p in (folder / "milvus.db").rglob("*") if p.is_file()]
            if (folder / "milvus.db").exists()
            else []
        )
    return sum(p.stat().st_size for p in paths if p.exists())


def run_bench(
    config: Config,
    sizes: list[int],
    questions: list[dict],
    folder: Path,
    repeats: int = 2,
    baseline_sample: int = 256,
    log=print,
    backends: list[str] | None = None,
) -> dict[str, Any]:
    from ..ingest.loaders import load_bytes, load_file
    from ..ingest.parser import parse_meeting
    from ..search.index import Index
    from .synthetic import generate

    shutil.rmtree(folder, ignore_errors=True)
    backends = backends or [config.index.backend]
    bench_config = config.with_index_dir(folder)
    bench_config.index.backend = "faiss"  # the archive is ingested once; each backend is then built from it
    sample_dir = config.path(config.data.sample_dir)
    real = [load_file(p) for p in sorted(sample_dir.iterdir()) if p.is_file()]
    generator = generate([parse_meeting(r.text, r.source) for r in real])
    index = Index(bench_config)
    rows = []
    pending = list(real)
    total = 0
    for size in sorted(sizes):
        report_parse = report_embed = report_index = 0.0
        new_passages = 0
        sample_texts: list[str] = []
        while total < size:
            batch, pending = pending, []
            docs_needed = math.ceil((size - total) / PASSAGES_PER_SYNTHETIC_DOC) - len(batch)
            for _ in range(max(0 if batch else 1, min(400 - len(batch), docs_needed))):
                name, text = next(generator)
                batch.append(load_bytes(text.encode("utf-8"), name))
            report = index.ingest_loaded(batch)
            report_parse += report.parse_s
            report_embed += report.embed_s
            report_index += report.index_s
            new_passages += report.passages
            total += report.passages
            if len(sample_texts) < baseline_sample:
                sample_texts += [
                    f"{row.context}\n{row.text}" for row in index.store.passages()[-report.passages :]
                ]
        ingest = {
            "passages": total,
            "documents": index.store.count("documents"),
            "new_passages": new_passages,
            "ingest_passages_per_s": _rate(new_passages, report_parse + report_embed + report_index),
            "parse_passages_per_s": _rate(new_passages, report_parse, 1),
            "embed_passages_per_s": _rate(new_passages, report_embed),
            "index_passages_per_s": _rate(new_passages, report_index, 1),
        }
        fp32_rate, configured_rate, min_cos = baseline_throughput(
            bench_config, sample_texts[:baseline_sample]
        )
        ingest.update(
            {
                "baseline_ingest_passages_per_s": round(fp32_rate, 2),
                "configured_embed_passages_per_s_same_sample": round(configured_rate, 2),
                "embedding_speedup_vs_fp32": round(configured_rate / fp32_rate, 2),
                "min_cosine_vs_fp32": round(min_cos, 5),
            }
        )
        index.close()
        for name in backends:
            row = {**ingest, **measure_backend(bench_config, folder, name, questions, repeats)}
            rows.append(row)
            if log:
                log(json.dumps(row, ensure_ascii=False))
        index = Index(bench_config)
    index.close()
    from ..search.embeddings import cpu_features, get_embedder

    return {
        "machine": machine(),
        "cpu_features": " ".join(cpu_features()),
        "embedding": f"{config.embedding.model} via {config.embedding.backend}"
        f" ({config.embedding.precision} → {get_embedder(config).path_description})",
        "rows": rows,
    }


def format_rows(report: dict[str, Any]) -> str:
    keys = [
        "passages",
        "backend",
        "faiss_type",
        "backend_build_passages_per_s",
        "bytes_per_passage_on_disk",
        "ingest_passages_per_s",
        "parse_passages_per_s",
        "embed_passages_per_s",
        "index_passages_per_s",
        "baseline_ingest_passages_per_s",
        "embedding_speedup_vs_fp32",
        "min_cosine_vs_fp32",
        "model_load_s",
        "index_load_s",
        "retrieval_ms_p50",
        "retrieval_ms_p95",
        "query_ms_p50",
        "query_ms_p95",
        "recall_at_5",
        "recall_at_5_city_or_meeting_named",
        "mrr",
        "ann_recall_at_10_vs_exact",
        "rss_serving_mb",
        "peak_rss_mb",
    ]
    lines = [
        f"machine: {report['machine']}",
        f"cpu features: {report['cpu_features']}",
        f"embedding: {report['embedding']}",
        f"{'':<34}" + "".join(f"{r['passages']:>14}" for r in report["rows"]),
    ]
    for key in keys:
        lines.append(f"{key:<34}" + "".join(f"{str(r.get(key)):>14}" for r in report["rows"]))
    return "\n".join(lines)


def cmd_bench(args: argparse.Namespace, config: Config) -> int:
    from .evaluate import load_questions

    questions = load_questions(config.path(args.questions))
    sizes = args.passages or [1000, 10000, 100000]
    backends = ["faiss", "milvus"] if args.backend == "both" else [args.backend or config.index.backend]
    report = run_bench(
        config,
        sizes,
        questions,
        config.path(args.dir),
        repeats=args.repeats,
        log=None if args.json else print,
        backends=backends,
    )
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print(format_rows(report))
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser(
        "bench", help="ingest/latency/memory/recall at 1k, 10k, 100k passages (synthetic archive)"
    )
    p.add_argument(
        "--passages",
        type=int,
        action="append",
        help="archive size in passages (repeatable); default 1000, 10000 and 100000",
    )
    p.add_argument("--questions", default="data/gold/questions-dev.jsonl", help="gold questions for recall")
    p.add_argument(
        "--dir", default="embeddings/bench", help="where the benchmark index is built (deleted first)"
    )
    p.add_argument("--repeats", type=int, default=2, help="latency passes over the questions")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument(
        "--backend",
        choices=["faiss", "milvus", "both"],
        help="search backend(s) measured on the same archive (default: [index] backend)",
    )
    p.set_defaults(func=cmd_bench)
    register_ui(sub)


def ui_turn_times(config: Config, turns: int, questions: list[str]) -> dict[str, float]:
    """Seconds per chat turn of the real page script (Streamlit's AppTest), turn 1 to `turns`.

    Measures what grew with the conversation before (every export of every turn rebuilt,
    every turn rendered): the script run after each question, model already warm.
    """
    import os
    import tempfile

    from streamlit.testing.v1 import AppTest

    with tempfile.TemporaryDirectory() as folder:  # a private office store: the run leaves no conversation
        private = replace(config, auth=replace(config.auth, db=str(Path(folder) / "office.sqlite")))
        path = save_config(private, Path(folder) / "config.toml")
        previous, os.environ["ASSISTANT_CONFIG"] = os.environ.get("ASSISTANT_CONFIG"), str(path)
        try:
            app = AppTest.from_file(str(config.path("streamlit_app.py")), default_timeout=600)
            app.run()
            app.chat_input[0].set_value(questions[0]).run()  # warm-up turn (model load), not counted
            times = []
            for turn in range(turns):
                started = time.perf_counter()
                app.chat_input[0].set_value(questions[turn % len(questions)]).run()
                times.append(time.perf_counter() - started)
        finally:
            if previous is None:
                os.environ.pop("ASSISTANT_CONFIG", None)
            else:
                os.environ["ASSISTANT_CONFIG"] = previous
    first, last = statistics.median(times[:5]), statistics.median(times[-5:])
    return {
        "turns": turns + 1,
        "median_s_turns_2_6": round(first, 3),
        "median_s_last_5": round(last, 3),
        "ratio_last_to_first": round(last / first, 3),
    }


def cmd_bench_ui(args: argparse.Namespace, config: Config) -> int:
    from .evaluate import load_questions

    questions = [q["question"] for q in load_questions(config.path(args.questions)) if q.get("gold")]
    report = ui_turn_times(config, args.turns, questions)
    print(json.dumps(report, ensure_ascii=False, indent=1))
    return 0


def register_ui(sub: Any) -> None:
    p = sub.add_parser("bench-ui", help="chat answer time per turn, turn 1 vs turn N (the page script, warm)")
    p.add_argument("--turns", type=int, default=30, help="turns in one conversation")
    p.add_argument("--questions", default="data/gold/questions-dev.jsonl", help="questions to ask in turn")
    p.set_defaults(func=cmd_bench_ui)
