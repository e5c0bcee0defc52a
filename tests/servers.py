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
    pytest.fail(f"{name} did not start: {server_output(process)}")


def server_log(name: str):
    """A file for a server's output. A pipe nobody reads fills up (64 KB) and then blocks the server
    mid-write, so it stops answering and ignores SIGTERM (seen in CI); a file never fills."""
    import tempfile

    return tempfile.NamedTemporaryFile(prefix=f"{name}-", suffix=".log", delete=False)


def server_output(process: subprocess.Popen) -> str:
    log = getattr(process, "log_path", None)
    return Path(log).read_text(errors="replace")[-2000:] if log else ""


def stop(process: subprocess.Popen) -> None:
    """SIGTERM, then SIGKILL if the server has not exited within 20 s."""
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=20)


def start(command: list[str], name: str, **kwargs) -> subprocess.Popen:
    log = server_log(name)
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, **kwargs)
    process.log_path = log.name
    return process


@contextmanager
def streamlit_server(config_path: Path) -> Iterator[str]:
    """The browser app as an office starts it (`python -m assistant serve-web`, which warms the
    service up with the server) on a free loopback port with this config; yields its URL."""
    port = free_port()
    process = start(
        [
            sys.executable,
            "-m",
            "assistant",
            "--config",
            str(config_path),
            "serve-web",
            "--",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        "streamlit",
        cwd=ROOT,
        env={**os.environ, "ASSISTANT_CONFIG": str(config_path)},
    )
    url = f"http://127.0.0.1:{port}"
    wait_healthy(url + "/_stcore/health", process, "streamlit")
    try:
        yield url
    finally:
        stop(process)


@contextmanager
def milvus_lite_server(data_dir: Path) -> Iterator[str]:
    """Milvus Lite's gRPC server in its own process on a free loopback port; yields its http URI.

    The client then talks to it over the network exactly as to a Milvus cluster.
    """
    import shutil

    port = free_port()
    executable = shutil.which("milvus-lite", path=str(Path(sys.executable).parent)) or "milvus-lite"
    process = start(
        [executable, "server", "--data-dir", str(data_dir), "--host", "127.0.0.1", "--port", str(port)],
        "milvus-lite",
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
        pytest.fail(f"milvus-lite server did not start: {server_output(process)}")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


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


class Forwarder:
    """A TCP forwarder on 127.0.0.1 to `url` whose connections leave from `source`, another loopback
    address: the server sees a second client machine (Linux routes all of 127.0.0.0/8 to lo).
    `cut()` drops every connection and refuses new ones, as a server that went away."""

    def __init__(self, url: str, source: str):
        import threading
        from urllib.parse import urlparse

        target = urlparse(url)
        self.target, self.source, self.sockets = (target.hostname, target.port), source, []
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        import threading

        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return  # cut
            upstream = socket.socket()
            upstream.bind((self.source, 0))
            upstream.connect(self.target)
            self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(reader: socket.socket, writer: socket.socket) -> None:
        try:
            while data := reader.recv(65536):
                writer.sendall(data)
        except OSError:
            pass
        finally:
            Forwarder._close(reader, writer)

    @staticmethod
    def _close(*sockets: socket.socket) -> None:
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cut(self) -> None:
        self.listener.close()
        self._close(*self.sockets)


@contextmanager
def forwarded_from(url: str, source: str = "127.0.0.2") -> Iterator[Forwarder]:
    """`url` as seen from another machine at `source`; see Forwarder."""
    forwarder = Forwarder(url, source)
    try:
        yield forwarder
    finally:
        forwarder.cut()
