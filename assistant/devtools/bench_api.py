"""`python -m assistant.devtools bench-api`: HTTP API answer latency under 1, 4 and 8 concurrent clients.

Starts `serve-api` in its own process over the configured index (with a private office database
and a bench account, so nothing of the office is touched), sends the dev questions to
`POST /api/v1/ask` from N client threads at once, and reports p50/p95 per level. Meanwhile this
process answers the same questions through its own service, as the browser's process does, so
the table shows what API load does to answers in the browser (the two share the CPU).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..config import Config, save_config
from .bench import latency_summary


def _serve(config: Config, folder: Path) -> tuple[subprocess.Popen, str, str]:
    """A serve-api process with a private office database; its URL and a reader's key."""
    import socket

    from ..service import LOCAL_USER, Assistant

    private = replace(config, auth=replace(config.auth, db=str(folder / "office.sqlite")))
    private.api = replace(config.api, rate_per_minute=100000)
    admin = Assistant(None, private)
    admin.add_user(LOCAL_USER, "bench", "reader", "bench-password")
    key = admin.issue_api_key(LOCAL_USER, "bench")[1]
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    path = save_config(private, folder / "config.toml")
    log = open(folder / "server.log", "wb")  # noqa: SIM115 - closed with the process
    command = [sys.executable, "-m", "assistant", "--config", str(path), "serve-api", "--port", str(port)]
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            urllib.request.urlopen(url + "/openapi.json", timeout=2)
            return process, url, key
        except OSError:
            time.sleep(0.5)
    process.kill()
    raise RuntimeError(f"serve-api did not start: {(folder / 'server.log').read_text()[-2000:]}")


def _ask(url: str, key: str, question: str) -> float:
    started = time.perf_counter()
    request = urllib.request.Request(
        url + "/api/v1/ask",
        data=json.dumps({"question": question}).encode("utf-8"),
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=300) as response:
        response.read()
    return time.perf_counter() - started


def bench_api(config: Config, questions: list[str], levels: list[int], per_client: int) -> dict[str, Any]:
    from ..app import open_assistant
    from ..service import LOCAL_USER

    browser = open_assistant(config)  # the browser's process: its own service over the same index
    for question in questions[:3]:
        browser.ask(LOCAL_USER, question)  # warm
    folder = Path(tempfile.mkdtemp(prefix="bench-api-"))
    process, url, key = _serve(config, folder)
    try:
        for question in questions[:3]:
            _ask(url, key, question)  # warm the server's model
        idle = [_timed(browser, q) for q in questions[:12]]
        report: dict[str, Any] = {"browser_idle": latency_summary(idle), "levels": []}
        for clients in levels:
            load = [questions[i % len(questions)] for i in range(clients * per_client)]
            stop = threading.Event()
            beside: list[float] = []
            side = threading.Thread(target=_ask_until, args=(browser, questions, stop, beside))
            side.start()
            with ThreadPoolExecutor(clients) as pool:
                seconds = list(pool.map(lambda q: _ask(url, key, q), load))
            stop.set()
            side.join()
            report["levels"].append(
                {
                    "clients": clients,
                    "api": latency_summary(seconds),
                    "browser_meanwhile": latency_summary(beside or [0.0]),
                }
            )
        return report
    except Exception:
        print((folder / "server.log").read_text(errors="replace")[-3000:], file=sys.stderr)
        raise
    finally:
        process.terminate()
        process.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)


def _timed(service, question: str) -> float:
    from ..service import LOCAL_USER

    started = time.perf_counter()
    service.ask(LOCAL_USER, question)
    return time.perf_counter() - started


def _ask_until(service, questions: list[str], stop: threading.Event, out: list[float]) -> None:
    position = 0
    while not stop.is_set():
        out.append(_timed(service, questions[position % len(questions)]))
        position += 1


def cmd_bench_api(args: argparse.Namespace, config: Config) -> int:
    from .evaluate import load_questions

    questions = [q["question"] for q in load_questions(args.questions) if q.get("lang", "zh") == "zh"]
    levels = [int(n) for n in args.clients.split(",")]
    report = bench_api(config, questions, levels, args.per_client)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return 0
    idle = report["browser_idle"]
    print(f"browser-process answer, idle: p50 {idle['p50_s']} s  p95 {idle['p95_s']} s")
    print("clients | API p50 | API p95 | browser p50 meanwhile | browser p95 meanwhile")
    for level in report["levels"]:
        api, side = level["api"], level["browser_meanwhile"]
        print(
            f"{level['clients']:>7} | {api['p50_s']:>7} | {api['p95_s']:>7} | {side['p50_s']:>21} | {side['p95_s']:>21}"
        )
    return 0


def register_bench_api(sub: Any) -> None:
    p = sub.add_parser("bench-api", help="HTTP API latency p50/p95 at 1, 4, 8 concurrent clients")
    p.add_argument("--clients", default="1,4,8", help="concurrency levels, comma-separated")
    p.add_argument("--per-client", type=int, default=6, help="questions each client sends per level")
    p.add_argument("--questions", default="data/gold/questions-dev.jsonl", help="questions to send")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.set_defaults(func=cmd_bench_api)
