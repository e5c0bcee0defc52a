"""Index-backed commands: ingest, index, ask, eval (bench lives in bench.py)."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .config import Config


def open_retriever(config: Config, quiet: bool = False):
    """Open the index, building it from the sample minutes on first use; rebuild on a model/schema change."""
    from .index import Index, IndexMismatch, rebuild_index
    from .retrieval import Retriever

    index = Index(config)
    try:
        index.check_compatible()
    except IndexMismatch as exc:
        index.close()
        if not quiet:
            print(f"{exc}；正在重建……", file=sys.stderr)
        rebuild_index(config, progress=None if quiet else _progress_printer())
        index = Index(config)
    if index.is_empty():
        samples = [config.path(folder) for folder in config.data.sample_dirs]
        if not quiet:
            print(f"索引为空：正在导入示例纪要 {', '.join(map(str, samples))} …", file=sys.stderr)
        index.ingest_paths(samples, progress=None if quiet else _progress_printer())
    return Retriever(index, config)


def _progress_printer():
    from tqdm import tqdm

    bars: dict[str, Any] = {}

    def progress(stage: str, done: int, total: int) -> None:
        bar = bars.get(stage)
        if bar is None:
            bar = bars[stage] = tqdm(total=total, desc=stage, unit="段", file=sys.stderr, leave=True)
        bar.n = done
        bar.refresh()
        if done >= total:
            bar.close()

    return progress


def cmd_ingest(args: argparse.Namespace, config: Config) -> int:
    from .index import Index

    index = Index(config)
    report = index.ingest_paths(args.paths, progress=_progress_printer(), place=args.place)
    for f in report.files:
        line = f"[{f.status}] {f.source}"
        if f.meeting:
            line += f" → {f.meeting}：{f.n_items} 项议题，{f.n_passages} 段"
        if f.message:
            line += f" —— {f.message}"
        print(line)
        for warning in f.warnings:
            print(f"    ⚠ {warning}")
    print(f"嵌入 {report.embedded} 段（复用缓存 {report.reused} 段），用时 {report.seconds:.1f} s")
    return 1 if report.failed and len(report.failed) == len(report.files) else 0


def cmd_index(args: argparse.Namespace, config: Config) -> int:
    from .index import Index, rebuild_index

    if args.rebuild:
        report = rebuild_index(config, progress=_progress_printer())
        print(f"已重建：{len([f for f in report.files if f.status != 'failed'])} 份文件")
    elif args.remove:
        index = Index(config)
        print(f"已删除 {index.remove_source(args.remove)} 份文件（{args.remove}）")
    elif args.ensure:
        open_retriever(config)
    status = Index(config).status()
    if args.json:
        print(json.dumps(status, ensure_ascii=False, indent=1))
    else:
        print(f"索引：{status['index_dir']}  模型：{status['model']}（{status['dimension']} 维，{status['faiss_type']}）")
        print(f"文件 {status['documents']} 份，段落 {status['passages']} 段，{'最新' if status['fresh'] else '需要刷新'}")
        for m in status["meetings"]:
            print(f"  {m['city']} 第{m['meeting']}次 {m['date']}  {m['n_items']} 项议题  ({m['source']})")
    return 0


def cmd_ask(args: argparse.Namespace, config: Config) -> int:
    from .answer import answer_question
    from .retrieval import Filters

    retriever = open_retriever(config, quiet=args.json)
    filters = Filters(cities=args.city or [], meeting=args.meeting, date_from=args.date_from, date_to=args.date_to,
                      departments=args.department or [])
    answer = answer_question(retriever, config, args.question, k=args.k, filters=filters, mode=args.mode)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=1))
        return 0
    if answer.interpreted:
        print("〔理解为：" + "；".join(answer.interpreted) + "〕")
    print(answer.answer)
    if answer.citations:
        print("\n来源：")
        for c in answer.citations:
            print(f"[{c.n}] {c.hit.citation} {c.hit.item.heading}")
    return 0


def cmd_eval(args: argparse.Namespace, config: Config) -> int:
    from .evaluate import evaluate, failures, format_table, load_questions

    retriever = open_retriever(config, quiet=args.json)
    questions = load_questions(*args.questions)
    modes = ["hybrid", "dense", "lexical"] if args.mode == "all" else [args.mode]
    reports = [evaluate(retriever, config, questions, k=args.k, mode=mode) for mode in modes]
    if args.json:
        print(json.dumps(reports[0] if len(reports) == 1 else {"runs": reports}, ensure_ascii=False, indent=1))
        return 0
    for report in reports:
        print(format_table(report))
        print()
    if args.show_failures:
        print("\n".join(failures(reports[0], questions, args.k)))
    return 0


def register(sub: Any) -> None:
    """Add the index-backed subcommands to the CLI."""
    p = sub.add_parser("ingest", help="add files or folders of minutes to the index")
    p.add_argument("paths", nargs="+", help="files (txt, docx, pdf, html, doc) or folders of them")
    p.add_argument("--place", help="issuing government (e.g. 上海市宝山区) for minutes that never name their place;"
                                   " it overrides what the text suggests and re-parses files already stored")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("index", help="show the index status; --ensure builds it, --rebuild rebuilds it")
    p.add_argument("--status", action="store_true", help="show status (the default)")
    p.add_argument("--ensure", action="store_true", help="build from the sample minutes if empty")
    p.add_argument("--rebuild", action="store_true")
    p.add_argument("--remove", metavar="SOURCE", help="remove a file (by its name) from the index")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("ask", help="answer a question with citations")
    p.add_argument("question")
    p.add_argument("--k", type=int, default=None)
    p.add_argument("--json", action="store_true")
    p.add_argument("--city", action="append")
    p.add_argument("--meeting", type=int)
    p.add_argument("--date-from")
    p.add_argument("--date-to")
    p.add_argument("--department", action="append")
    p.add_argument("--mode", choices=["hybrid", "dense", "lexical"], default="hybrid")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("eval", help="recall@1/@k, MRR and answerability on gold question files")
    p.add_argument("questions", nargs="+", help="one or more gold files (questions-dev.jsonl format)")
    p.add_argument("--k", type=int, default=5)
    p.add_argument("--mode", choices=["hybrid", "dense", "lexical", "all"], default="hybrid")
    p.add_argument("--json", action="store_true")
    p.add_argument("--show-failures", action="store_true")
    p.set_defaults(func=cmd_eval)

    from .bench import register as register_bench

    register_bench(sub)
