"""Index-backed commands: ingest, index, users, ask — each through the app's boot path and the service."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from ..config import Config


def open_retriever(config: Config, quiet: bool = False):
    """The app's boot path, with progress bars and messages on stderr unless `quiet`."""
    from ..app import open_retriever as boot

    if quiet:
        return boot(config)
    return boot(config, _progress_printer(), lambda message: print(message, file=sys.stderr))


def open_service(config: Config, quiet: bool = False):
    from ..service import Assistant

    return Assistant(open_retriever(config, quiet), config)


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
    """Add files through the boot path: an index built by an older parser or model is brought up to
    date first (it raised IndexMismatch with a traceback before)."""
    from ..app import open_index

    index = open_index(config, _progress_printer(), lambda message: print(message, file=sys.stderr))
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
    if report.failed:
        print(f"{len(report.failed)} 个文件导入失败（见上）；其余文件已导入", file=sys.stderr)
    return 1 if report.failed or not report.files else 0


def cmd_index(args: argparse.Namespace, config: Config) -> int:
    from ..search.index import Index, rebuild_index

    if args.backup:
        return _backup(config, Path(args.backup))
    if args.restore:
        return _restore(config, Path(args.restore))
    if args.export_to:
        return _export_to_milvus(config, args.export_to)
    if args.rebuild:
        report = rebuild_index(config, progress=_progress_printer())
        print(f"已重建：{len([f for f in report.files if f.status != 'failed'])} 份文件")
    elif args.remove:
        removed = Index(config).remove_source(args.remove)
        if not removed:
            print(f"没有名为 {args.remove} 的文件；用 index --status 查看已收录的文件名", file=sys.stderr)
            return 1
        print(f"已删除 {removed} 份文件（{args.remove}）")
    elif args.ensure:
        open_retriever(config)
    status = Index(config).status()
    if args.json:
        print(json.dumps(status, ensure_ascii=False, indent=1))
    else:
        print(
            f"索引：{status['index_dir']}  模型：{status['model']}（{status['dimension']} 维，"
            f"{status['backend']}{' ' + status['faiss_type'] if status['faiss_type'] else ''}）"
        )
        print(
            f"文件 {status['documents']} 份，段落 {status['passages']} 段，{'最新' if status['fresh'] else '需要刷新'}"
        )
        for m in status["meetings"]:
            print(f"  {_meeting_line(m)}  {m['n_items']} 项议题  ({m['source']})")
    return 0


def _export_to_milvus(config: Config, uri: str) -> int:
    """Fill a Milvus collection (a cluster by http URI, or a Milvus Lite folder) from the store.

    The store's cached vectors and tokens are written as they are: nothing is re-embedded.
    Afterwards set `[index] backend = "milvus"` and `milvus_uri` to serve from it.
    """
    from ..search.backends.milvus_backend import MilvusBackend, MilvusUnavailable
    from ..search.index import Index

    index = Index(config)
    index.check_compatible()
    backend = MilvusBackend(config, uri=uri.removeprefix("milvus://"))
    try:
        backend.load(index.store, index.model_name)
        count = backend.count()
    except MilvusUnavailable as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(
        f"已写入 Milvus（{backend.uri}，集合 {backend.collection}）：{count} 段；"
        f'在 config.toml 中设 [index] backend = "milvus"、milvus_uri = "{uri}" 后即由它检索'
    )
    return 0 if count == index.store.count("passages") else 1


def _backup(config: Config, target: Path) -> int:
    """Copy the index store and the office store (accounts, conversations, audit) with SQLite's online backup."""
    from ..office.accounts import OfficeStore
    from ..search.store import Store

    target.mkdir(parents=True, exist_ok=True)
    for name, opener, path in (
        ("store.sqlite", Store, config.index_dir / "store.sqlite"),
        ("office.sqlite", OfficeStore, config.path(config.auth.db)),
    ):
        if path.exists():
            database = opener(path)
            database.backup_to(target / name)
            database.close()
            print(f"已备份 {path} → {target / name}")
    return 0


def _restore(config: Config, source: Path) -> int:
    """Put a backup back: the stores are replaced atomically and the FAISS file is rebuilt from the store."""
    import os
    import shutil

    from ..office.accounts import OfficeStore
    from ..search.store import Store

    found = False
    for name, opener, path in (
        ("store.sqlite", Store, config.index_dir / "store.sqlite"),
        ("office.sqlite", OfficeStore, config.path(config.auth.db)),
    ):
        backup = source / name
        if not backup.exists():
            continue
        opener(backup).close()  # refuse a corrupt or unreadable backup before touching anything
        path.parent.mkdir(parents=True, exist_ok=True)
        staging = path.with_suffix(".restoring")
        shutil.copyfile(backup, staging)
        for suffix in ("-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        os.replace(staging, path)
        found = True
        print(f"已恢复 {path}")
    if not found:
        print(f"{source} 中没有备份文件（store.sqlite / office.sqlite）", file=sys.stderr)
        return 1
    (config.index_dir / "manifest.json").unlink(missing_ok=True)  # the FAISS file is rebuilt on next start
    return 0


def cmd_users(args: argparse.Namespace, config: Config) -> int:
    """Accounts for `[auth] mode = "password"`: add, list, remove, change a password.

    Run by whoever operates the server, so through the service as the local (admin) user: the
    account changes are audited like the admin page's. No search index is opened for this.
    """
    import getpass

    from ..service import LOCAL_USER, ROLE_NAMES, Assistant, AuthError

    service = Assistant(None, config)

    def password() -> str:
        if args.password_stdin:
            return sys.stdin.readline().rstrip("\n")
        if not sys.stdin.isatty():
            raise AuthError("没有终端可输入密码：请加 --password-stdin 并从标准输入传入密码")
        return getpass.getpass("密码：")

    try:
        if args.action == "add":
            user = service.add_user(LOCAL_USER, args.name, args.role, password())
            print(f"已添加用户 {user.name}（{ROLE_NAMES[user.role]}）")
        elif args.action == "list":
            for user in service.users(LOCAL_USER):
                print(f"{user.name}\t{user.role}\t{ROLE_NAMES[user.role]}")
        elif args.action == "remove":
            service.remove_user(LOCAL_USER, args.name)
            print(f"已删除用户 {args.name}")
        elif args.action == "passwd":
            service.set_password(LOCAL_USER, args.name, password())
            print(f"已修改 {args.name} 的密码（其已登录的会话已失效）")
        elif args.action == "role":
            service.set_role(LOCAL_USER, args.name or "", args.role)
            print(f"{args.name} 现为{ROLE_NAMES[args.role]}")
        elif args.action == "unlock":
            service.unlock_user(LOCAL_USER, args.name or "")
            print(f"已解除 {args.name} 的登录锁定")
        elif args.action == "locks":
            for lock in service.sign_in_locks(LOCAL_USER):
                until = time.strftime("%Y-%m-%d %H:%M", time.localtime(lock.until))
                print(f"{lock.name}\t{lock.address or '未知地址'}\t{lock.failures} 次\t至 {until}")
        elif args.action == "token" and args.revoke:
            record = service.revoke_api_key(LOCAL_USER, args.revoke)
            print(f"已吊销密钥 {record.id}（{record.owner}）")
        elif args.action == "token":
            record, key = service.issue_api_key(LOCAL_USER, args.name or "")
            print(key)
            print(f"密钥 {record.id} 归属 {record.owner}；只显示这一次，请妥善保存", file=sys.stderr)
        elif args.action == "tokens":
            for record in service.api_keys_of(LOCAL_USER, args.name):
                used = (
                    time.strftime("%Y-%m-%d %H:%M", time.localtime(record.last_used_at))
                    if record.last_used_at
                    else "未使用"
                )
                print(f"{record.id}\t{record.owner}\t{'已吊销' if record.revoked else '有效'}\t{used}")
    except AuthError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    return 0


def cmd_serve_web(args: argparse.Namespace, config: Config) -> int:
    """The browser app with the service warming up as the server starts (not at the first question).

    Runs `streamlit run streamlit_app.py` in this process after starting the warm-up thread; the
    page script imports the same `assistant.app` module, so it finds the warm-up already going.
    Arguments after `--` go to Streamlit (e.g. -- --server.address 0.0.0.0 --server.port 8501).
    """
    import os

    from streamlit.web import cli as streamlit_cli

    from ..app import warm_assistant

    if args.config:  # the page script reads its settings from the same file
        os.environ["ASSISTANT_CONFIG"] = str(Path(args.config).resolve())
    warm_assistant(config)
    page = Path(__file__).resolve().parents[2] / "streamlit_app.py"
    extra = [a for a in args.streamlit_args if a != "--"]
    sys.argv = ["streamlit", "run", str(page), *extra]
    return streamlit_cli.main()


def cmd_serve_api(args: argparse.Namespace, config: Config) -> int:
    """The HTTP API in this process (uvicorn), over the same index and office database as the browser."""
    import uvicorn

    from ..api.server import create_app

    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"HTTP API 监听 {args.host}:{args.port}：只有持有密钥的用户可以调用", file=sys.stderr)
    service = open_service(config)
    uvicorn.run(create_app(service, config), host=args.host, port=args.port, log_level="warning")
    return 0


def cmd_ask(args: argparse.Namespace, config: Config) -> int:
    """The question goes through the service as the local user: the same answer as in the browser."""
    from ..service import LOCAL_USER, Filters

    service = open_service(config, quiet=args.json)
    filters = Filters(
        cities=args.city or [],
        meeting=args.meeting,
        date_from=args.date_from,
        date_to=args.date_to,
        departments=args.department or [],
    )
    answer = service.ask(LOCAL_USER, args.question, filters=filters, k=args.k, mode=args.mode).answer
    status = 0 if answer.answerable else 1  # scripts can tell an answer from a refusal / no match
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=1))
        return status
    if answer.interpreted_filters:
        if answer.lang == "en":  # the banner in the question's language, as the browser shows it
            print("[Read as: " + "; ".join(answer.interpreted_filters) + "]")
        else:
            print("〔理解为：" + "；".join(answer.interpreted_filters) + "〕")
    print(answer.text)
    if answer.sources:
        print("\n来源：")
        for source in answer.sources:
            print(f"[{source.n}] {source.label} {source.heading}")
    return status


def register(sub: Any) -> None:
    """Add the index-backed subcommands to the CLI."""
    p = sub.add_parser("ingest", help="add files or folders of minutes to the index")
    p.add_argument("paths", nargs="+", help="files (txt, docx, pdf, html, doc) or folders of them")
    p.add_argument(
        "--place",
        help="issuing government (e.g. 上海市宝山区) for minutes that never name their place;"
        " it overrides what the text suggests and re-parses files already stored",
    )
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("index", help="show the index status; --ensure builds it, --rebuild rebuilds it")
    p.add_argument("--status", action="store_true", help="show status (the default)")
    p.add_argument("--ensure", action="store_true", help="build from the sample minutes if empty")
    p.add_argument("--rebuild", action="store_true", help="re-parse and re-index every stored file")
    p.add_argument(
        "--remove", metavar="SOURCE", help="remove a file (by its name) from the index; exit 1 if none"
    )
    p.add_argument(
        "--backup", metavar="FOLDER", help="copy the index and office databases (online, consistent)"
    )
    p.add_argument("--restore", metavar="FOLDER", help="put a backup made with --backup back in place")
    p.add_argument(
        "--export-to",
        metavar="URI",
        help="copy the index into Milvus: http://host:19530 (a cluster) or a local Milvus Lite folder",
    )
    p.add_argument("--json", action="store_true", help="print the status as JSON")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("users", help='accounts for sign-in ([auth] mode = "password")')
    p.add_argument(
        "action",
        choices=["add", "list", "remove", "passwd", "role", "unlock", "locks", "token", "tokens"],
        help="role NAME --role R; unlock NAME (after too many wrong passwords); locks: who is locked;"
        " token NAME: print a new HTTP API key for NAME (once); token --revoke ID; tokens [NAME]: list keys",
    )
    p.add_argument("name", nargs="?", help="user name (add, remove, passwd, token)")
    p.add_argument("--revoke", metavar="ID", help="with token: revoke this key id")
    p.add_argument(
        "--role",
        choices=["reader", "editor", "admin"],
        default="reader",
        help="for add and role — reader: ask, browse, export; editor: also upload, re-parse;"
        " admin: also remove, users, audit",
    )
    p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    p.set_defaults(func=cmd_users)

    p = sub.add_parser("serve-web", help="serve the browser app, warming the model up as the server starts")
    p.add_argument("streamlit_args", nargs=argparse.REMAINDER, help="Streamlit options after --")
    p.set_defaults(func=cmd_serve_web)

    p = sub.add_parser("serve-api", help="serve the HTTP API (REST + OpenAI-compatible chat); docs at /docs")
    p.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (0.0.0.0 for the office network)"
    )
    p.add_argument("--port", type=int, default=8502, help="port (default 8502; the browser app uses 8501)")
    p.set_defaults(func=cmd_serve_api)

    p = sub.add_parser(
        "ask", help="answer a question with citations (exit 1 when the minutes do not answer it)"
    )
    p.add_argument("question", help="the question, in Chinese or English")
    p.add_argument("--k", type=int, default=None, help="number of items to return (default: config top_k)")
    p.add_argument("--json", action="store_true", help="print the answer, citations and hits as JSON")
    p.add_argument("--city", action="append", help="only minutes of this place (repeatable), e.g. 太仓")
    p.add_argument("--meeting", type=int, help="only this meeting number")
    p.add_argument("--date-from", help="only meetings on or after this date (YYYY-MM-DD)")
    p.add_argument("--date-to", help="only meetings on or before this date (YYYY-MM-DD)")
    p.add_argument(
        "--department", action="append", help="only items reported by this department (repeatable)"
    )
    p.add_argument("--mode", choices=["hybrid", "dense", "lexical"], default="hybrid", help="retrieval mode")
    p.set_defaults(func=cmd_ask)


def _meeting_line(m: dict) -> str:
    """太仓 第60次 2021-08-20, with words for what a minute does not print (never 第None次 None)."""
    number = f"第{m['meeting']}次" if m["meeting"] is not None else "（未编号）"
    return f"{m['city'] or '（地区未写明）'} {number} {m['date'] or '（日期未写明）'}"
