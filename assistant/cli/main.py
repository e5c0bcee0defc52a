"""Command line: `python -m assistant parse|ingest|index|users|ask …` (eval and bench: `python -m assistant.devtools`)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..config import Config, load_config
from ..ingest.chunker import ChunkSettings, chunk_meeting
from ..ingest.fields import field_sources
from ..ingest.loaders import LoadError, load_file
from ..ingest.parser import parse_meeting
from ..models import Meeting


def meeting_json(meeting: Meeting, config: Config) -> dict[str, Any]:
    """The parse result as one JSON object: meeting fields, numbered items, item 0 content."""
    passages = chunk_meeting(meeting, ChunkSettings(config.chunking.max_chars, config.chunking.overlap_chars))
    by_item: dict[int, list[dict[str, Any]]] = {}
    for p in passages:
        by_item.setdefault(p.item, []).append({"ordinal": p.ordinal, "text": p.text, "context": p.context})
    data = meeting.to_dict()
    items = []
    for item in meeting.items:
        entry = asdict(item)
        entry["decisions"] = item.decisions
        entry["passages"] = by_item.get(item.item, [])
        items.append(entry)
    data["items"] = [it for it in items if it["item"] > 0]
    data["item0"] = next((it for it in items if it["item"] == 0), None)
    data["n_items"] = len(data["items"])
    data["fields"] = {name: asdict(found) for name, found in field_sources(meeting).items()}
    return data


def print_meeting(meeting: Meeting) -> None:
    print(f"{meeting.label}  日期 {meeting.date or '?'}（{meeting.date_as_written or ''}）")
    print(
        f"城市 {meeting.city_full or '?'}  主持 {meeting.chair or '?'}{meeting.chair_title or ''}  "
        f"文号 {meeting.doc_number or '—'}  印发 {meeting.issuer or '—'} {meeting.issue_date or ''}"
    )
    for item in meeting.items[1:]:
        reporters = "、".join(r.as_written for r in item.reporters) or "—"
        print(f"  {item.item:>2}. [{item.label}] {item.heading}")
        print(f"      汇报：{reporters}；决定：{'；'.join(item.decisions) or '—'}")
    if meeting.trailing:
        print("  会议还：" + " ".join(meeting.trailing))
    for role, names in meeting.attendance.items():
        print(f"  {role}：{'、'.join(names)}")
    for name, found in field_sources(meeting).items():
        if found.source != "printed":
            print(f"  {name}：{FIELD_WORDS[found.source]}（可信度 {found.confidence}）{found.how}")
    for warning in meeting.warnings:
        print(f"  ⚠ {warning}")


FIELD_WORDS = {"inferred": "推断", "given": "导入时指定", "missing": "缺失", "printed": "原文"}


def cmd_parse(args: argparse.Namespace, config: Config) -> int:
    try:
        loaded = load_file(args.file, max_bytes=int(config.data.max_file_mb * 1024 * 1024))
    except LoadError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    meeting = parse_meeting(loaded.text, source=Path(args.file).name)
    meeting.warnings[:0] = loaded.warnings
    if args.json:
        json.dump(meeting_json(meeting, config), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print_meeting(meeting)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m assistant", description="市政府常务会议纪要问答助手")
    parser.add_argument("--config", help="path to config.toml (default: $ASSISTANT_CONFIG or ./config.toml)")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse one file and show its meeting, items and passages")
    p.add_argument("file", help="a minute: txt, docx, pdf, html or doc")
    p.add_argument("--json", action="store_true", help="print the meeting, items and passages as JSON")
    p.set_defaults(func=cmd_parse)
    _add_pipeline_commands(sub)
    return parser


def _add_pipeline_commands(sub: Any) -> None:
    """Commands that need the index; imported lazily because the model import is slow."""
    from . import commands

    commands.register(sub)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    config = load_config(args.config)
    from ..search.store import StoreError

    try:
        return int(args.func(args, config) or 0)
    except StoreError as exc:  # a broken database: say which file and what to do, no traceback
        print(f"错误：{exc}", file=sys.stderr)
        return 2
