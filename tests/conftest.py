from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MINUTES = ROOT / "data" / "minutes"
GOLD = ROOT / "data" / "gold"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BACKENDS = ["faiss", "milvus"]  # every search backend runs the retrieval and incremental-ingest tests


def indexed_reports(config_factory, name: str, reports: list[Path], placed: dict[Path, str] | None = None):
    """(config, retriever) over a private index of these reports, ingested with the real model; `placed`
    pages never name their government, so each is ingested with the place an office types at upload."""
    from assistant.answering.retrieval import Retriever
    from assistant.search.index import Index

    config = config_factory(name)
    index = Index(config)
    assert not index.ingest_paths(reports).failed
    for page, place in (placed or {}).items():
        assert not index.ingest_paths([page], place=place).failed
    return config, Retriever(index, config)


def parsed_report(path: Path):
    """The meeting the parser reads from one report file, as ingest would parse it."""
    from assistant.ingest.loaders import load_file
    from assistant.ingest.parser import parse_meeting

    return parse_meeting(load_file(path).text, path.name)


def asked(indexed, question: str):
    """The assistant's answer to `question` over an `indexed_reports` index, answered or refused."""
    from assistant.answering.answer import answer_question

    config, retriever = indexed
    return answer_question(retriever, config, question)


def answered_lead(indexed, question: str) -> str:
    """The first line of the answer to `question`, which must be answered, not refused."""
    from assistant.answering.answer import answer_question

    config, retriever = indexed
    answer = answer_question(retriever, config, question)
    assert answer.answerable, (question, answer.answer)
    return answer.answer.splitlines()[0]


def simplified_lead(indexed, question: str) -> str:
    """`answered_lead` in simplified script: a lead quoting a traditional-script page is checked against
    the same words as one quoting a simplified page."""
    from assistant.ingest.normalize import to_simplified

    return to_simplified(answered_lead(indexed, question))


@pytest.fixture(scope="session")
def gold_structure() -> dict:
    return json.loads((GOLD / "structure.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def dev_questions() -> list[dict]:
    lines = (GOLD / "questions-dev.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="session")
def config_factory(tmp_path_factory):
    """Configs with a private index folder; the converted model cache is shared (converted once)."""
    from assistant.config import load_config

    def make(name: str = "index", **overrides):
        index_dir = tmp_path_factory.mktemp(name)
        config = load_config(ROOT / "config.toml")
        config.index.dir = str(index_dir)
        config.auth.db = str(index_dir / "office.sqlite")  # accounts and conversations private to the test
        config.index.milvus_uri = str(index_dir / "milvus.db")  # Milvus Lite, private to the test
        config.embedding.cache_dir = str(ROOT / "embeddings" / "models")
        for dotted, value in overrides.items():
            section, key = dotted.split("__")
            setattr(getattr(config, section), key, value)
        return config

    return make


@pytest.fixture(scope="session")
def sample_index(config_factory):
    """The five sample minutes ingested with the real model, shared by read-only tests."""
    from assistant.search.index import Index

    config = config_factory("sample")
    index = Index(config)
    report = index.ingest_paths([MINUTES])
    assert not report.failed
    return config, index


@pytest.fixture(scope="session")
def retriever(sample_index):
    from assistant.answering.retrieval import Retriever

    config, index = sample_index
    return Retriever(index, config)
