"""The embedded default: FAISS for vectors, bm25s for BM25, numpy masks for filters — files beside the store.

`vectors.faiss` + `vectors.pids.npy` and the `bm25/` folder are derived from the store
and carry its fingerprint (in the index manifest and the BM25 metadata): stale or
unreadable files are rebuilt on load, never served. Dense search is exact (numpy over
the allowed passages) up to `retrieval.exact_search_limit` passages, else FAISS top-k
(flat, or HNSW past `hnsw_threshold`) filtered afterwards.
"""

from __future__ import annotations

import io
import logging
import os
import tempfile

import numpy as np

from ...config import Config
from ...files import atomic_write, read_json
from ..lexical import BM25Index
from ..store import PassageFilterRow, Store
from . import Hits, SearchFilter, date_number, item_key

log = logging.getLogger(__name__)


class FaissBackend:
    name = "faiss"

    def __init__(self, config: Config):
        self.config = config
        self.dir = config.index_dir
        self._faiss = None
        self.pids: np.ndarray = np.zeros(0, dtype=np.int64)
        self.vectors: np.ndarray | None = None  # rows aligned with pids, for exact filtered search
        self._bm25: BM25Index | None = None
        self._meta: _FilterArrays | None = None
        self._lex_rows: np.ndarray | None = None
        self._store: Store | None = None

    # ------------------------------------------------------------- lifecycle
    def load(self, store: Store, model: str) -> None:
        """Load FAISS (rebuilding it if stale or unreadable), BM25 and the filter fields."""
        self._store, self._faiss, self.vectors, self._bm25, self._meta = store, None, None, None, None
        self._lex_rows = None
        fresh = read_json(self.dir / "manifest.json").get("fingerprint") == store.passage_fingerprint()
        if fresh and (self.dir / "vectors.faiss").exists() and (self.dir / "vectors.pids.npy").exists():
            self._read_files()
            if self._faiss is None:
                log.warning("FAISS file unreadable: rebuilding from the store")
        if self._faiss is None:
            self._build(store, model)
        self._bm25_index()

    def prepare_append(self, store: Store) -> None:
        """Before an add-only change, hold the current FAISS index so new vectors can be appended."""
        self._store = store
        if (
            self._faiss is None
            and (self.dir / "vectors.faiss").exists()
            and read_json(self.dir / "manifest.json").get("fingerprint") == store.passage_fingerprint()
        ):
            self._read_files()

    def apply(
        self,
        store: Store,
        model: str,
        added: list[int] | None,
        removed_docs: list[str],
        retokenized: list[int],
    ) -> None:
        """Add-only changes extend FAISS; removals rebuild it. BM25 is rebuilt (and persisted) now."""
        self._store, self._bm25, self._meta, self._lex_rows = store, None, None, None
        if (
            added is not None
            and not removed_docs
            and self._faiss is not None
            and self._is_current_before(store, added)
            and self._kind_fits(len(self.pids) + len(added))
        ):
            self._append(store, model, added)
        else:
            self._build(store, model)
        self._bm25_index()

    def close(self) -> None:
        self._faiss = self.vectors = self._bm25 = self._meta = None

    # ------------------------------------------------------------- queries
    def dense(self, vector: np.ndarray, k: int, where: SearchFilter | None) -> Hits:
        """Exact scores over the allowed passages when few enough, else FAISS top-k then the filter."""
        if self._faiss is None or not len(self.pids):
            return []
        vector = np.asarray(vector, dtype=np.float32)
        allowed = self._filter_arrays().allowed(where)
        rows = np.flatnonzero(allowed)
        if len(rows) <= self.config.retrieval.exact_search_limit:
            scores = self.vectors[rows] @ vector
            order = np.argsort(-scores, kind="stable")[:k]
            return list(zip(self.pids[rows[order]].tolist(), scores[order].tolist()))
        want = min(len(self.pids), max(k, self.config.retrieval.candidates * 20))
        scores, idx = self._faiss.search(vector.reshape(1, -1), want)
        return [(int(self.pids[i]), float(s)) for s, i in zip(scores[0], idx[0]) if i >= 0 and allowed[i]][:k]

    def lexical(self, tokens: list[str], k: int, where: SearchFilter | None) -> Hits:
        """BM25 (bm25s) over every passage, the filter applied, zero scores dropped, best k."""
        bm25 = self._bm25_index()
        if not tokens or not len(bm25.pids):
            return []
        scores = bm25.scores(tokens)
        allowed = self._filter_arrays().allowed(where)[self._bm25_rows()] if where is not None else True
        rows = np.flatnonzero((scores > 0) & allowed)
        if len(rows) > k:
            rows = rows[np.argpartition(-scores[rows], k)[:k]]
        return [(int(bm25.pids[r]), float(scores[r])) for r in rows]

    def document_frequency(self, token: str) -> int:
        return self._bm25_index().document_frequency(token)

    def count(self) -> int:
        return int(len(self.pids))

    def health(self) -> dict:
        return {
            "backend": self.name,
            "faiss_type": type(self._faiss).__name__ if self._faiss is not None else None,
            "passages": self.count(),
            "ok": True,
        }

    @property
    def faiss_index(self):
        return self._faiss

    # ------------------------------------------------------------- building
    def _filter_arrays(self) -> _FilterArrays:
        if self._meta is None:
            self._meta = _FilterArrays.build(self._store.passage_metadata() if self._store else [], self.pids)
        return self._meta

    def _bm25_rows(self) -> np.ndarray:
        """Row of each BM25 passage in the filter arrays (computed once per load)."""
        if self._lex_rows is None:
            self._lex_rows = self._filter_arrays().row_of(self._bm25_index().pids)
        return self._lex_rows

    def _bm25_index(self) -> BM25Index:
        """BM25 over the stored tokens; persisted (numpy + JSON, no pickle) and reused while fresh."""
        if self._bm25 is None:
            store = self._store
            fingerprint = store.passage_fingerprint() + ":" + store.tokens_fingerprint()
            folder = self.dir / "bm25"
            self._bm25 = BM25Index.load(folder, fingerprint)
            if self._bm25 is None:
                rows = store.passages()
                self._bm25 = BM25Index([r.pid for r in rows], [r.tokens.split() for r in rows])
                self._bm25.save(folder, fingerprint)
        return self._bm25

    def _build(self, store: Store, model: str) -> None:
        import faiss

        pids, matrix = store.passage_vectors(model)
        self._meta = self._lex_rows = None
        if not len(pids):
            self._faiss, self.pids, self.vectors = None, pids, None
            (self.dir / "vectors.faiss").unlink(missing_ok=True)
            return
        index = self._new_index(matrix.shape[1], len(pids))
        index.add(matrix)
        self._faiss, self.pids, self.vectors = index, pids, matrix
        self._save(faiss)

    def _append(self, store: Store, model: str, added: list[int]) -> None:
        import faiss

        pids, matrix = store.passage_vectors(model, added)
        if len(pids):
            self._faiss.add(matrix)
            self.pids = np.concatenate([self.pids, pids])
            empty = self.vectors is None or not len(self.vectors)
            self.vectors = matrix if empty else np.vstack([self.vectors, matrix])
        self._save(faiss)

    def _is_current_before(self, store: Store, added: list[int]) -> bool:
        return set(map(int, self.pids)) == set(store.passage_ids()) - set(added)

    def _kind_fits(self, size: int) -> bool:
        """Growing past `hnsw_threshold` switches exact search to HNSW: that needs a rebuild, not an append."""
        import faiss

        return isinstance(self._faiss, faiss.IndexHNSW) == self._wants_hnsw(size)

    def _wants_hnsw(self, size: int) -> bool:
        kind = self.config.index.faiss_type
        return kind == "hnsw" or (kind == "auto" and size >= self.config.index.hnsw_threshold)

    def _new_index(self, dim: int, size: int):
        import faiss

        if self._wants_hnsw(size):
            index = faiss.IndexHNSWFlat(dim, self.config.index.hnsw_m, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efSearch = self.config.index.hnsw_ef_search
            return index
        return faiss.IndexFlatIP(dim)

    def _save(self, faiss) -> None:
        """Temp file + rename for both files; the manifest fingerprint (written last) vouches for them."""
        fd, tmp = tempfile.mkstemp(prefix=".vectors-", dir=self.dir)
        os.close(fd)
        faiss.write_index(self._faiss, tmp)
        os.replace(tmp, self.dir / "vectors.faiss")
        buffer = io.BytesIO()
        np.save(buffer, self.pids, allow_pickle=False)
        atomic_write(self.dir / "vectors.pids.npy", buffer.getvalue())

    def _read_files(self) -> None:
        """Leaves `_faiss` None if the files are unreadable."""
        import faiss

        try:
            self._faiss = faiss.read_index(str(self.dir / "vectors.faiss"))
            self.pids = np.load(self.dir / "vectors.pids.npy", allow_pickle=False)
            if isinstance(self._faiss, faiss.IndexHNSW):
                self._faiss.hnsw.efSearch = self.config.index.hnsw_ef_search
            self.vectors = self._faiss.reconstruct_n(0, self._faiss.ntotal)
        except (RuntimeError, OSError, ValueError):
            self._faiss, self.pids, self.vectors = None, np.zeros(0, dtype=np.int64), None


class _FilterArrays:
    """Filter fields of every passage as arrays aligned with the FAISS rows: filters become numpy masks."""

    def __init__(self, pids, place, meeting, date, keys):
        self.pids, self.place, self.meeting, self.date, self.keys = pids, place, meeting, date, keys
        self._row = {int(p): i for i, p in enumerate(pids)}

    @classmethod
    def build(cls, rows: list[PassageFilterRow], pids: np.ndarray) -> _FilterArrays:
        by_pid = {row.pid: row for row in rows}
        picked = [by_pid.get(int(p), PassageFilterRow(int(p), "", 0, None, None, None, "")) for p in pids]
        return cls(
            pids,
            np.array([r.place or "" for r in picked], dtype=object),
            np.array([r.meeting if r.meeting is not None else -1 for r in picked], dtype=np.int64),
            np.array([date_number(r.date) for r in picked], dtype=np.int64),
            np.array([item_key(r.doc_id, r.item) for r in picked], dtype=object),
        )

    def row_of(self, pids: np.ndarray) -> np.ndarray:
        return np.array([self._row.get(int(p), -1) for p in pids], dtype=np.int64)

    def allowed(self, where: SearchFilter | None) -> np.ndarray:
        ok = np.ones(len(self.pids), dtype=bool)
        if where is None or where.is_empty:
            return ok
        if where.places:
            ok &= np.isin(self.place, list(where.places))
        if where.unnamed_place:
            ok &= self.place == ""
        if where.meeting is not None:
            ok &= self.meeting == where.meeting
        if where.date_from:
            ok &= self.date >= date_number(where.date_from)
        if where.date_to:
            ok &= (self.date <= date_number(where.date_to)) & (self.date > 0)
        if where.item_keys is not None:
            ok &= np.isin(self.keys, list(where.item_keys))
        return ok
