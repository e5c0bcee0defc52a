"""Local servers the end-to-end tests start on 127.0.0.1: a free port, a health wait, `streamlit run`."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import ROOT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, process: subprocess.Popen, name: str, seconds: float = 120) -> None:
    """Poll `url` until it answers; kill the process and fail the test (with its output) if it never does."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    process.kill()
    output = process.stdout.read().decode(errors="replace")[-2000:] if process.stdout else ""
    pytest.fail(f"{name} did not start: {output}")


@contextmanager
def streamlit_server(config_path: Path) -> Iterator[str]:
    """`streamlit run streamlit_app.py` on a free loopback port with this config; yields its URL."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "streamlit_app.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env={**os.environ, "ASSISTANT_CONFIG": str(config_path)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    wait_healthy(url + "/_stcore/health", process, "streamlit")
    try:
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


@contextmanager
def milvus_lite_server(data_dir: Path) -> Iterator[str]:
    """Milvus Lite's gRPC server in its own process on a free loopback port; yields its http URI.

    The client then talks to it over the network exactly as to a Milvus cluster.
    """
    import shutil

    port = free_port()
    executable = shutil.which("milvus-lite", path=str(Path(sys.executable).parent)) or "milvus-lite"
    process = subprocess.Popen(
        [executable, "server", "--data-dir", str(data_dir), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                break
        if process.poll() is not None:
            break
        time.sleep(0.3)
    else:
        process.kill()
    if process.poll() is not None:
        output = process.stdout.read().decode(errors="replace")[-2000:] if process.stdout else ""
        pytest.fail(f"milvus-lite server did not start: {output}")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=20)


CHROMIUM = "/usr/bin/chromium"
# Debian's Chromium on a closed network: no background connections, no first-run or component updates.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch_chromium(playwright):
    """Headless Debian Chromium for the end-to-end tests (Playwright's own browser download fails here)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
