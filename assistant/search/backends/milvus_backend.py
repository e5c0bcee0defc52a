"""Milvus: the same retrieval on an engine that scales past one machine (pymilvus).

`[index] milvus_uri` is a local path — Milvus Lite, embedded in this process (the
`milvus-lite` package; development and tests, one process per data folder) — or
`http://host:19530` for Milvus Standalone/Distributed, with the token read from the
environment variable named by `milvus_token_env`. The same code serves both.

One collection of passages: pid (primary key), doc_id, item_key, place, meeting, date_num
(yyyymmdd) as filter fields, `dense` FLOAT_VECTOR (e5, inner product) and `sparse`
SPARSE_FLOAT_VECTOR for BM25. The lexical side is computed here (jieba tokens, BM25
weights from `LexicalStats`: saturated tf in the documents, idf in the query), not by
Milvus's BM25 function: Milvus Lite returns negative BM25 scores, cannot run its analyzer
for us (`run_analyzer` is not implemented) and a cluster's analyzers need not match our
jieba dictionary — client-side sparse vectors give identical scores on every deployment.
Filters are Milvus boolean expressions evaluated before scoring. The collection carries
its manifest as a property (model, dimension, store fingerprint, avgdl used for the
weights); a mismatch rebuilds it from the store.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from pathlib import Path

import numpy as np

from ...config import Config
from ..lexical import LexicalStats
from ..store import PassageFilterRow, Store
from . import Hits, SearchFilter, date_number, item_key

log = logging.getLogger(__name__)
MANIFEST_VERSION = 1
PLACEHOLDER_TERM = 2**31  # Milvus refuses empty sparse rows; CRC-31 term ids never reach this dimension
BATCH = 1000
_CLIENTS: dict[str, object] = {}
_CLIENTS_LOCK = threading.Lock()


class MilvusUnavailable(Exception):
    """The configured Milvus cannot be reached or opened."""


def connect(uri: str, token: str = ""):
    """One client per URI per process: Milvus Lite locks its data folder against a second opener."""
    from pymilvus import MilvusClient

    with _CLIENTS_LOCK:
        if uri not in _CLIENTS:
            try:
                _CLIENTS[uri] = MilvusClient(uri=uri, token=token) if token else MilvusClient(uri=uri)
            except Exception as exc:
                raise MilvusUnavailable(f"无法连接 Milvus（{uri}）：{exc}") from exc
        return _CLIENTS[uri]


def forget_client(uri: str) -> None:
    """Close this process's client; for Milvus Lite also stop its in-process server and release the
    data folder's lock, so another process (the CLI, a benchmark probe) can open it."""
    with _CLIENTS_LOCK:
        client = _CLIENTS.pop(uri, None)
    if client is not None:
        client.close()
    if not uri.startswith(("http://", "https://", "tcp://", "grpc://")):
        try:
            from milvus_lite.server_manager import server_manager_instance
        except ImportError:  # a server URI only: nothing local to release
            return
        server_manager_instance.release_server(uri)


class MilvusBackend:
    name = "milvus"

    def __init__(self, config: Config, uri: str | None = None, collection: str | None = None):
        self.config = config
        raw = uri or config.index.milvus_uri
        self.is_server = raw.startswith(("http://", "https://", "tcp://", "grpc://"))
        self.uri = raw if self.is_server else str(config.path(raw))
        self.collection = collection or config.index.milvus_collection
        self.token = os.environ.get(config.index.milvus_token_env, "")
        self._client = None
        self.stats = LexicalStats(0, 0, {})
        self._avgdl = 1.0

    @property
    def client(self):
        if self._client is None:
            if not self.is_server:
                Path(self.uri).parent.mkdir(parents=True, exist_ok=True)
            self._client = connect(self.uri, self.token)
        return self._client

    # ------------------------------------------------------------- lifecycle
    def load(self, store: Store, model: str) -> None:
        """Open the collection; rebuild it when its manifest does not match the store."""
        self.stats = _stats(store)
        manifest = self._manifest()
        if manifest != self._wanted_manifest(store, model, manifest.get("avgdl")):
            log.info("Milvus collection %s is stale or missing: rebuilding from the store", self.collection)
            self._rebuild(store, model)
        else:
            self._avgdl = float(manifest["avgdl"])
            self.client.load_collection(self.collection)

    def prepare_append(self, store: Store) -> None:
        """Nothing to hold in memory: the collection is extended in place by `apply`."""

    def apply(
        self,
        store: Store,
        model: str,
        added: list[int] | None,
        removed_docs: list[str],
        retokenized: list[int],
    ) -> None:
        """Delete removed documents' passages, upsert added and re-tokenised ones; a large shift of
        the average passage length (the BM25 weights depend on it) rebuilds the collection."""
        self.stats = _stats(store)
        manifest = self._manifest()
        avgdl = manifest.get("avgdl")
        drifted = not avgdl or abs(self.stats.avgdl - avgdl) / max(avgdl, 1e-9) > 0.05
        if (
            added is None
            or drifted
            or manifest.get("model") != model
            or not self.client.has_collection(self.collection)
        ):
            self._rebuild(store, model)
            return
        self._avgdl = float(avgdl)
        if removed_docs:
            self.client.delete(self.collection, filter=f"doc_id in {_literal(removed_docs)}")
        self._write_rows(store, model, list(dict.fromkeys([*added, *retokenized])), upsert=True)
        self._set_manifest(self._wanted_manifest(store, model, self._avgdl))

    def close(self) -> None:
        self._client = None  # the shared client stays open for other users of the same URI

    # ------------------------------------------------------------- queries
    def dense(self, vector: np.ndarray, k: int, where: SearchFilter | None) -> Hits:
        return self._search([np.asarray(vector, dtype=np.float32).tolist()], "dense", k, where)

    def lexical(self, tokens: list[str], k: int, where: SearchFilter | None) -> Hits:
        weights = self.stats.query_weights(tokens)
        if not weights:
            return []
        return [(pid, score) for pid, score in self._search([weights], "sparse", k, where) if score > 0]

    def document_frequency(self, token: str) -> int:
        return self.stats.df.get(token, 0)

    def count(self) -> int:
        if not self.client.has_collection(self.collection):
            return 0  # an empty store has no collection (its vector dimension is not known yet)
        rows = self.client.query(self.collection, filter="", output_fields=["count(*)"])
        return int(rows[0]["count(*)"]) if rows else 0

    def health(self) -> dict:
        try:
            return {
                "backend": self.name,
                "uri": self.uri if not self.token else "(server)",
                "collection": self.collection,
                "passages": self.count(),
                "ok": True,
            }
        except Exception as exc:  # a health check reports, it does not raise
            return {"backend": self.name, "collection": self.collection, "ok": False, "error": str(exc)}

    def _search(self, data: list, field: str, k: int, where: SearchFilter | None) -> Hits:
        if not self.client.has_collection(self.collection):
            return []
        results = self.client.search(
            self.collection,
            data=data,
            anns_field=field,
            limit=min(max(k, 1), 16384),
            filter=expression(where),
            output_fields=["pid"],
            search_params={"metric_type": "IP"},
        )
        return [(int(hit["pid"]), float(hit["distance"])) for hit in results[0]]

    # ------------------------------------------------------------- building
    def _rebuild(self, store: Store, model: str) -> None:
        """Drop and refill the collection from the store (model change, first use, drift)."""
        dim = store.vector_dimension(model)
        if self.client.has_collection(self.collection):
            self.client.drop_collection(self.collection)
        self._avgdl = self.stats.avgdl
        if dim is None:
            return
        self._create(dim, store.count("passages"))
        self._write_rows(store, model, store.passage_ids(), upsert=False)
        self._set_manifest(self._wanted_manifest(store, model, self._avgdl))
        self.client.load_collection(self.collection)

    def _create(self, dim: int, size: int) -> None:
        from pymilvus import DataType

        schema = self.client.create_schema(auto_id=False)
        schema.add_field("pid", DataType.INT64, is_primary=True)
        schema.add_field("doc_id", DataType.VARCHAR, max_length=64)
        schema.add_field("item_key", DataType.VARCHAR, max_length=80)
        schema.add_field("place", DataType.VARCHAR, max_length=64)
        schema.add_field("meeting", DataType.INT64)
        schema.add_field("date_num", DataType.INT64)
        schema.add_field("dense", DataType.FLOAT_VECTOR, dim=dim)
        schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
        params = self.client.prepare_index_params()
        hnsw = size >= self.config.index.hnsw_threshold or self.config.index.faiss_type == "hnsw"
        if hnsw:
            params.add_index(
                "dense",
                index_type="HNSW",
                metric_type="IP",
                params={"M": self.config.index.hnsw_m, "efConstruction": 200},
            )
        else:
            params.add_index("dense", index_type="FLAT", metric_type="IP")
        params.add_index("sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="IP")
        self.client.create_collection(self.collection, schema=schema, index_params=params)

    def _write_rows(self, store: Store, model: str, pids: list[int], upsert: bool) -> None:
        write = self.client.upsert if upsert else self.client.insert
        for start in range(0, len(pids), BATCH):
            chunk = pids[start : start + BATCH]
            vector_pids, matrix = store.passage_vectors(model, chunk)
            vectors = {int(p): row for p, row in zip(vector_pids, matrix)}
            rows = [
                self._row(meta, vectors[meta.pid])
                for meta in store.passage_metadata(chunk)
                if meta.pid in vectors
            ]
            if rows:
                write(self.collection, rows)

    def _row(self, meta: PassageFilterRow, vector: np.ndarray) -> dict:
        pid, doc_id, item, place, meeting, date, tokens = meta
        sparse = self.stats.document_weights(tokens.split(), self._avgdl) or {PLACEHOLDER_TERM: 1e-6}
        return {
            "pid": int(pid),
            "doc_id": doc_id,
            "item_key": item_key(doc_id, item),
            "place": place or "",
            "meeting": int(meeting) if meeting is not None else -1,
            "date_num": date_number(date),
            "dense": vector.tolist(),
            "sparse": sparse,
        }

    # ------------------------------------------------------------- manifest
    def _wanted_manifest(self, store: Store, model: str, avgdl: float | None) -> dict:
        return {
            "version": MANIFEST_VERSION,
            "model": model,
            "dimension": store.vector_dimension(model),
            "fingerprint": store.passage_fingerprint() + ":" + store.tokens_fingerprint(),
            "avgdl": avgdl,
        }

    def _manifest(self) -> dict:
        try:
            if not self.client.has_collection(self.collection):
                return {}
            properties = self.client.describe_collection(self.collection).get("properties") or {}
            return json.loads(properties.get("assistant_manifest", "{}"))
        except (ValueError, TypeError):
            return {}

    def _set_manifest(self, manifest: dict) -> None:
        self.client.alter_collection_properties(
            self.collection, properties={"assistant_manifest": json.dumps(manifest)}
        )


def expression(where: SearchFilter | None) -> str:
    """A Milvus boolean expression for the filter ('' = everything); literals JSON-quoted."""
    if where is None or where.is_empty:
        return ""
    parts = []
    if where.places:
        parts.append(f"place in {_literal(list(where.places))}")
    if where.unnamed_place:
        parts.append('place == ""')
    if where.meeting is not None:
        parts.append(f"meeting == {int(where.meeting)}")
    if where.date_from:
        parts.append(f"date_num >= {date_number(where.date_from)}")
    if where.date_to:
        parts.append(f"date_num > 0 and date_num <= {date_number(where.date_to)}")
    if where.item_keys is not None:
        parts.append(f"item_key in {_literal(list(where.item_keys))}" if where.item_keys else "pid < 0")
    return " and ".join(parts)


def _literal(values: list[str]) -> str:
    return json.dumps([str(v) for v in values], ensure_ascii=False)


def _stats(store: Store) -> LexicalStats:
    return LexicalStats.from_token_lists(row.tokens.split() for row in store.passage_metadata())
