"""A real OpenAI-compatible server for the LLM tests: llama.cpp's own server (xllamacpp wheel) serving
the tiny Gemma 3 270M GGUF shipped on PyPI. Run as a separate process: `python llm_server.py GGUF PORT`;
it serves on 127.0.0.1 until terminated."""

from __future__ import annotations

import signal
import sys
import time

import xllamacpp


def main(model_path: str, port: int) -> None:
    params = xllamacpp.CommonParams()
    params.model.path = model_path
    params.hostnames = ["127.0.0.1"]
    params.port = port
    params.n_ctx = 4096
    params.cpuparams.n_threads = 1
    params.cpuparams_batch.n_threads = 1
    params.offline = True
    params.chat_template = "gemma"  # the GGUF carries no template; without this the server loops
    params.use_jinja = False
    server = xllamacpp.Server(params)  # noqa: F841 - serves while referenced
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    while True:
        time.sleep(1)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
