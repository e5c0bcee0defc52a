"""`python -m assistant.devtools eval|bench|bench-ui …`: measurements for developers, not the user CLI."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..cli.commands import open_retriever
from ..config import Config, load_config
from ..search.store import StoreError
from .bench import register as register_bench
from .bench_api import register_bench_api
from .bench_ingest import register_bench_ingest


def cmd_eval(args: argparse.Namespace, config: Config) -> int:
    from .evaluate import evaluate, failures, format_table, load_questions

    if args.backend:  # the same store searched through another backend (built from the store if needed)
        config.index.backend = args.backend
    retriever = open_retriever(config, quiet=args.json)
    questions = load_questions(*args.questions)
    modes = ["hybrid", "dense", "lexical"] if args.mode == "all" else [args.mode]
    reports = [evaluate(retriever, config, questions, k=args.k, mode=mode) for mode in modes]
    if args.json:
        print(
            json.dumps(reports[0] if len(reports) == 1 else {"runs": reports}, ensure_ascii=False, indent=1)
        )
        return 0
    for report in reports:
        print(format_table(report))
        print()
    if args.show_failures:
        print("\n".join(failures(reports[0], questions, args.k)))
    return 0


def register_eval(sub: Any) -> None:
    p = sub.add_parser("eval", help="recall@1/@k, MRR, answerability and answer-text coverage on gold files")
    p.add_argument("questions", nargs="+", help="one or more gold files (questions-dev.jsonl format)")
    p.add_argument("--k", type=int, default=5, help="cut-off for recall@k")
    p.add_argument(
        "--mode", choices=["hybrid", "dense", "lexical", "all"], default="hybrid", help="retrieval mode(s)"
    )
    p.add_argument("--json", action="store_true", help="print the full report as JSON")
    p.add_argument("--show-failures", action="store_true", help="list the questions answered wrongly")
    p.add_argument("--backend", choices=["faiss", "milvus"], help="search backend (default: [index] backend)")
    p.set_defaults(func=cmd_eval)


def cmd_parse_eval(args: argparse.Namespace, config: Config) -> int:
    from pathlib import Path

    from .parse_eval import format_scores, score_gold_file

    for gold in args.gold:
        print(format_scores(score_gold_file(Path(gold))))
    return 0


def register_parse_eval(sub: Any) -> None:
    p = sub.add_parser("parse-eval", help="meeting number, date, items and headings against parse gold")
    p.add_argument("gold", nargs="+", help="gold.json files (data/minutes-news/gold.json format)")
    p.set_defaults(func=cmd_parse_eval)


def cmd_ingest_gold(args: argparse.Namespace, config: Config) -> int:
    """Add the pages of parse-gold files to the configured index, each with the place its gold says an
    office would type for it (`place_given`): how the news eval index is built over the held-back sets."""
    from pathlib import Path

    from ..search.index import Index

    index = Index(config)
    for gold_path in map(Path, args.gold):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        failed = 0
        for doc in gold["documents"]:
            report = index.ingest_paths([gold_path.parent / doc["file"]], place=doc.get("place_given"))
            failed += len(report.failed)
        print(f"{gold_path}: {len(gold['documents'])} pages, {failed} failed")
    return 0


def register_ingest_gold(sub: Any) -> None:
    p = sub.add_parser("ingest-gold", help="add the pages of parse-gold files to the index (news eval)")
    p.add_argument("gold", nargs="+", help="gold.json files whose pages to ingest")
    p.set_defaults(func=cmd_ingest_gold)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m assistant.devtools", description="评测与基准（开发者工具）"
    )
    parser.add_argument("--config", help="path to config.toml (default: $ASSISTANT_CONFIG or ./config.toml)")
    sub = parser.add_subparsers(dest="command", required=True)
    register_eval(sub)
    register_parse_eval(sub)
    register_ingest_gold(sub)
    register_bench_api(sub)
    register_bench_ingest(sub)
    register_bench(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    config = load_config(args.config)
    try:
        return int(args.func(args, config) or 0)
    except StoreError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
