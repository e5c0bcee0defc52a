# Two commands for a fresh machine:  `make run`  and  `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8501

.PHONY: setup system-deps run test lint eval bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# CPU torch first, or pip pulls a multi-GB CUDA build for sentence-transformers
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)
	$(BIN)/python -m assistant index --ensure

# Debian packages for the browser end-to-end test and rendered screenshots (root only; skipped otherwise).
system-deps:
	@if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	  if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -qi "noto.*cjk"; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	  fi; \
	else echo "not root: skipping chromium/fonts-noto-cjk install"; fi

run: setup
	$(BIN)/python -m assistant serve-web -- --server.port $(PORT) --server.headless true

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: $(STAMP) system-deps
	$(BIN)/python -m pytest -q

eval: setup
	$(BIN)/python -m assistant.devtools eval data/gold/questions-dev.jsonl data/gold/questions-other-dev.jsonl

bench: setup
	$(BIN)/python -m assistant.devtools bench

clean:
	rm -rf $(VENV) embeddings/index embeddings/models
