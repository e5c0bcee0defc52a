"""Load `config.toml`: every tunable of the assistant, documented in that one file."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass
class DataConfig:
    sample_dirs: list[str] = field(default_factory=lambda: ["data/minutes", "data/minutes-other"])
    max_file_mb: float = 20
    max_upload_files: int = 20

    @property
    def sample_dir(self) -> str:
        """The first sample folder (the five 昆山/太仓 minutes), which the bench's synthetic archive recombines."""
        return self.sample_dirs[0]


@dataclass
class ChunkingConfig:
    max_chars: int = 400
    overlap_chars: int = 80


@dataclass
class EmbeddingConfig:
    model: str = "intfloat/multilingual-e5-small"
    cache_dir: str = "embeddings/models"
    query_prompt: str = "query: "
    document_prompt: str = "passage: "
    batch_size: int = 32
    int8_batch_size: int = 8
    background_threads: int = 1  # the background ingest's model copy (0 = every core)
    backend: str = "sentence-transformers"
    precision: str = "auto"


@dataclass
class IndexConfig:
    dir: str = "embeddings/index"
    faiss_type: str = "auto"
    hnsw_threshold: int = 50000
    hnsw_m: int = 32
    hnsw_ef_search: int = 128
    backend: str = "faiss"
    milvus_uri: str = "embeddings/milvus.db"
    milvus_token_env: str = "MILVUS_TOKEN"
    milvus_collection: str = "passages"


@dataclass
class RetrievalConfig:
    candidates: int = 50
    fusion: str = "weighted"
    dense_weight: float = 0.6
    lexical_weight: float = 0.4
    rrf_k: int = 60
    dense_min_spread: float = 0.1
    top_k: int = 5
    exact_search_limit: int = 20000
    depth_factor: int = 20
    quoted_boost: float = 0.15
    meeting_level_boost: float = 0.35
    overview_yield: float = 0.5
    rare_term_boost: float = 0.5
    rare_term_share: float = 0.005
    en_dictionary_boost: float = 0.4
    structured_item_limit: int = 20


@dataclass
class AnswerConfig:
    coverage_threshold: float = 0.2
    en_coverage_threshold: float = 0.25
    bare_heading_coverage: float = 0.4
    promote_coverage: float = 0.8
    list_coverage: float = 0.6
    max_sentences: int = 5
    lead_margin: float = 0.5
    relative_cutoff: float = 0.6
    meaning_weight: float = 4.0
    words_weight: float = 1.0
    cue_weight: float = 0.6
    restatement_penalty: float = 0.5
    not_found_message: str = "未在已收录的会议纪要中找到相关内容。"
    not_found_message_en: str = "Not found in the indexed minutes."


@dataclass
class LlmConfig:
    enabled: bool = False
    base_url: str = "http://127.0.0.1:8000/v1"
    model: str = "qwen2.5-7b-instruct"
    api_key_env: str = "ASSISTANT_LLM_API_KEY"
    timeout_s: float = 30.0
    max_tokens: int = 400
    temperature: float = 0.1


@dataclass
class AuthConfig:
    mode: str = "none"  # "none" (one local user, loopback only) or "password"
    db: str = "embeddings/office.sqlite"
    session_hours: float = 8
    max_failed_logins: int = 5
    lockout_minutes: float = 15


@dataclass
class ApiConfig:
    rate_per_minute: int = 60  # calls per key per minute before 429
    max_question_chars: int = 2000  # longer questions get 422: no minute-length question is a question
    max_body_mb: float = 1  # JSON bodies; uploads use [data] max_file_mb per file


@dataclass
class Config:
    root: Path = PROJECT_ROOT
    data: DataConfig = field(default_factory=DataConfig)
    chunking: ChunkingConfig = field(default_factory=ChunkingConfig)
    embedding: EmbeddingConfig = field(default_factory=EmbeddingConfig)
    index: IndexConfig = field(default_factory=IndexConfig)
    retrieval: RetrievalConfig = field(default_factory=RetrievalConfig)
    answer: AnswerConfig = field(default_factory=AnswerConfig)
    llm: LlmConfig = field(default_factory=LlmConfig)
    auth: AuthConfig = field(default_factory=AuthConfig)
    api: ApiConfig = field(default_factory=ApiConfig)

    def path(self, relative: str) -> Path:
        """Resolve a config path against the config file's folder."""
        candidate = Path(relative)
        return candidate if candidate.is_absolute() else self.root / candidate

    @property
    def index_dir(self) -> Path:
        return self.path(self.index.dir)

    def with_index_dir(self, folder: str | Path) -> Config:
        """The same settings over another index folder (rebuilds, benchmarks, tests)."""
        copy = replace(self)
        copy.index = replace(self.index, dir=str(folder))
        return copy


# Settings that name files or folders: written out absolute, so a saved copy works from any folder.
PATH_SETTINGS = {
    ("data", "sample_dirs"),
    ("embedding", "cache_dir"),
    ("index", "dir"),
    ("index", "milvus_uri"),
    ("auth", "db"),
}


def save_config(config: Config, path: str | Path) -> Path:
    """Write `config` as a config.toml that `load_config` reads back to the same settings.

    For a private copy (tests, the UI benchmark): change the dataclass, save it, point
    $ASSISTANT_CONFIG at the file — no editing of config.toml's text.
    """
    import tomli_w

    def resolved(section: str, key: str, value: Any) -> Any:
        if (section, key) not in PATH_SETTINGS:
            return value
        if isinstance(value, list):
            return [str(config.path(v)) for v in value]
        return value if "://" in str(value) else str(config.path(value))

    data = {
        name: {f.name: resolved(name, f.name, getattr(section, f.name)) for f in fields(section)}
        for name in SECTIONS
        for section in [getattr(config, name)]
    }
    path = Path(path)
    path.write_bytes(tomli_w.dumps(data).encode("utf-8"))
    return path


SECTIONS = ("data", "chunking", "embedding", "index", "retrieval", "answer", "llm", "auth", "api")


def load_config(path: str | Path | None = None, **overrides: Any) -> Config:
    """Read config.toml (or $ASSISTANT_CONFIG); unknown keys are an error, not silently ignored."""
    path = Path(path or os.environ.get("ASSISTANT_CONFIG") or PROJECT_ROOT / "config.toml")
    raw: dict[str, Any] = {}
    if path.exists():
        with path.open("rb") as handle:
            raw = tomllib.load(handle)
    config = Config(root=path.resolve().parent)
    for section_name, values in raw.items():
        section = getattr(config, section_name, None)
        if section is None or not isinstance(values, dict):
            raise ValueError(f"{path}: unknown section [{section_name}]")
        known = {f.name for f in fields(section)}
        for key, value in values.items():
            if key not in known:
                raise ValueError(f"{path}: unknown key {section_name}.{key}")
            setattr(section, key, value)
    for dotted, value in overrides.items():
        section_name, key = dotted.split("__", 1)
        setattr(getattr(config, section_name), key, value)
    return config
