"""Search backends: what retrieval needs from an index, named once, with one file per engine.

The store (SQLite: meetings, items, passages, embeddings cache) is the source of truth;
a backend holds the derived search structures and must answer

- `dense(vector, k, where)` / `lexical(tokens, k, where)`: top-k (passage id, score) under a filter,
- `document_frequency(token)`: passages holding a token (rare-term evidence, idf),
- `load(store, model)`: open, rebuilding from the store when its manifest is stale,
- `prepare_append(store)`: before an ingest, get ready to extend what is on disk,
- `apply(store, model, added, removed_docs, retokenized)`: follow one committed change,
- `count()`, `health()`, `close()`.

`[index] backend` picks the engine (the txtai habit: a factory reads config):
"faiss" (default: FAISS + bm25s files beside the store, one process) or "milvus"
(Milvus Lite embedded by path, or a Milvus cluster by http URI). Fusion, boosts and
item aggregation stay in `retrieval.py` and work on either.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import numpy as np

if TYPE_CHECKING:
    from ...config import Config
    from ..store import Store

Hits = list[tuple[int, float]]


@dataclass(frozen=True)
class SearchFilter:
    """Passage filters both engines apply before scoring (Milvus: a boolean expression).

    `places` are the short place names of the index (太仓); `unnamed_place` keeps only
    minutes whose place is unknown; `item_keys` ("doc_id:item") carry item-level filters
    (department, decision verb, routing) resolved from the parsed structure.
    """

    places: tuple[str, ...] = ()
    unnamed_place: bool = False
    meeting: int | None = None
    date_from: str | None = None
    date_to: str | None = None
    item_keys: tuple[str, ...] | None = None

    @property
    def is_empty(self) -> bool:
        return not (
            self.places
            or self.unnamed_place
            or self.meeting is not None
            or self.date_from
            or self.date_to
            or self.item_keys is not None
        )


class SearchBackend(Protocol):
    name: str

    def load(self, store: Store, model: str) -> None: ...

    def prepare_append(self, store: Store) -> None: ...

    def apply(
        self,
        store: Store,
        model: str,
        added: list[int] | None,
        removed_docs: list[str],
        retokenized: list[int],
    ) -> None: ...

    def dense(self, vector: np.ndarray, k: int, where: SearchFilter | None) -> Hits: ...

    def lexical(self, tokens: list[str], k: int, where: SearchFilter | None) -> Hits: ...

    def document_frequency(self, token: str) -> int: ...

    def count(self) -> int: ...

    def health(self) -> dict: ...

    def close(self) -> None: ...


def open_backend(config: Config, name: str | None = None) -> SearchBackend:
    """The backend named by `[index] backend` (or `name`)."""
    name = name or config.index.backend
    if name == "faiss":
        from .faiss_backend import FaissBackend

        return FaissBackend(config)
    if name == "milvus":
        from .milvus_backend import MilvusBackend

        return MilvusBackend(config)
    raise ValueError(f"unknown index backend {name!r} (faiss | milvus)")


def item_key(doc_id: str, item: int) -> str:
    return f"{doc_id}:{item}"


def date_number(date: str | None) -> int:
    """2021-08-20 → 20210820 (0 when unknown): an integer both engines range-filter natively."""
    return int(date.replace("-", "")) if date and len(date) == 10 else 0
