"""The persisted index: the SQLite store plus a search backend, kept consistent and written atomically.

Layout under `index.dir`: `store.sqlite` (source of truth, transactional),
`userdict.txt` (jieba terms), `manifest.json` (model, dimension, schema version,
parser and corpus fingerprints, backend), and the backend's derived structures
(FAISS + BM25 files here, or a Milvus collection with its own manifest; see
`backends/`). A crash between writes never yields silent wrong results: at worst
the derived structures are rebuilt from the store on the next load.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from ..config import Config
from ..files import atomic_write, read_json
from ..ingest.chunker import ChunkSettings, chunk_meeting
from ..ingest.loaders import SUPPORTED_SUFFIXES, LoadedText, LoadError, load_bytes, load_file
from ..ingest.parser import parse_meeting
from ..ingest.reports import split_meetings
from ..models import Meeting
from .backends import SearchBackend, open_backend
from .lexical import ChineseTokenizer, corpus_terms
from .store import SCHEMA_VERSION, Store, passage_hash

log = logging.getLogger(__name__)
Progress = Callable[[str, int, int], None]


class IndexMismatch(Exception):
    """The index on disk was built with another model or schema."""


@dataclass
class FileReport:
    source: str
    status: str  # added | replaced | skipped | failed
    message: str = ""
    doc_id: str | None = None
    meeting: str | None = None
    n_items: int = 0
    n_passages: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass
class IngestReport:
    files: list[FileReport] = field(default_factory=list)
    embedded: int = 0
    reused: int = 0
    seconds: float = 0.0
    parse_s: float = 0.0
    embed_s: float = 0.0
    index_s: float = 0.0
    passages: int = 0

    @property
    def failed(self) -> list[FileReport]:
        return [f for f in self.files if f.status == "failed"]


class Index:
    def __init__(self, config: Config, embedder=None):
        self.config = config
        self.dir = config.index_dir
        self.dir.mkdir(parents=True, exist_ok=True)
        self.store = Store(self.dir / "store.sqlite")
        self._embedder = embedder
        self._search: SearchBackend | None = None
        self._tokenizer: ChineseTokenizer | None = None
        self._meetings: dict[str, Meeting] | None = None
        self._passages: dict[int, tuple[str, int, str, str]] | None = None

    # ------------------------------------------------------------- components
    @property
    def embedder(self):
        if self._embedder is None:
            from .embeddings import get_embedder

            self._embedder = get_embedder(self.config)
        return self._embedder

    @property
    def model_name(self) -> str:
        return self.config.embedding.model

    @property
    def tokenizer(self) -> ChineseTokenizer:
        if self._tokenizer is None:
            path = self.dir / "userdict.txt"
            terms = path.read_text(encoding="utf-8").split("\n") if path.exists() else []
            self._tokenizer = ChineseTokenizer(t for t in terms if t)
        return self._tokenizer

    def manifest(self) -> dict:
        return read_json(self.dir / "manifest.json")

    def check_compatible(self) -> None:
        """Refuse to mix vectors of different models or schemas; the caller rebuilds."""
        manifest = self.manifest()
        if not manifest:
            return
        if manifest.get("model") != self.model_name:
            raise IndexMismatch(
                f"索引由模型 {manifest.get('model')} 构建，当前配置为 {self.model_name}：需要重建索引"
            )
        if manifest.get("schema_version") != SCHEMA_VERSION:
            raise IndexMismatch(
                f"索引结构版本 {manifest.get('schema_version')} 与程序（{SCHEMA_VERSION}）不一致："
                "需要重建索引"
            )
        if manifest.get("parser") != parser_fingerprint():
            raise IndexMismatch("解析规则已更新：用已收录的原文重新解析（未变的段落复用已有向量）")

    # ------------------------------------------------------------- ingest
    def ingest_paths(
        self, paths: Iterable[str | Path], progress: Progress | None = None, place: str | None = None
    ) -> IngestReport:
        """Ingest files and folders; `place` sets the issuing government of minutes that never name it."""
        max_bytes = self.max_file_bytes
        return self.ingest_loaded(
            [
                _with_place(
                    _load_or_report(Path(p).name, lambda p=p: load_file(p, max_bytes=max_bytes)), place
                )
                for p in _expand(paths)
            ],
            progress,
        )

    def ingest_uploads(
        self, files: list[tuple[str, bytes]], progress: Progress | None = None, place: str | None = None
    ) -> IngestReport:
        max_bytes = self.max_file_bytes
        return self.ingest_loaded(
            [
                _with_place(
                    _load_or_report(name, lambda d=data, n=name: load_bytes(d, n, max_bytes=max_bytes)), place
                )
                for name, data in files
            ],
            progress,
        )

    @property
    def max_file_bytes(self) -> int:
        return int(self.config.data.max_file_mb * 1024 * 1024)

    def ingest_loaded(
        self, loaded: list[LoadedText | FileReport], progress: Progress | None = None
    ) -> IngestReport:
        """Parse, chunk, embed (cache-aware) and commit each good file; bad files are reported, not fatal."""
        started = time.perf_counter()
        self.check_compatible()
        self.search.prepare_append(self.store)
        report = IngestReport()
        parsed = []
        seen: set[str] = set()
        chunking = ChunkSettings(self.config.chunking.max_chars, self.config.chunking.overlap_chars)
        for page in _pages(loaded):
            if isinstance(page, FileReport):
                report.files.append(page)
                continue
            fresh = {e.content_hash for e in page if self._is_new(e, seen, report)}
            if not fresh:
                continue
            try:
                meetings = parse_parts([part for entry in page for part in meeting_parts(entry)])
            except Exception as exc:  # a parser bug on one page must not abort the others
                log.exception("parse of %s failed", page[0].source)
                report.files.append(FileReport(page[0].source, "failed", f"解析失败：{exc}"))
                continue
            for part, meeting in meetings:
                if part.content_hash not in fresh and part.page_hash not in fresh:
                    continue
                meeting.warnings[:0] = part.warnings
                passages = chunk_meeting(meeting, chunking, part.content_hash)
                if not passages:
                    report.files.append(FileReport(part.source, "failed", "没有可检索的正文"))
                    continue
                parsed.append((part, meeting, passages))
        parsed = self._placed_by_chair(parsed, chunking)
        report.parse_s = time.perf_counter() - started
        report.passages = sum(len(ps) for _, _, ps in parsed)
        if parsed:
            mark = time.perf_counter()
            self._embed_missing([p for _, _, ps in parsed for p in ps], report, progress)
            report.embed_s = time.perf_counter() - mark
            mark = time.perf_counter()
            new_terms = self._extend_dictionary([meeting for _, meeting, _ in parsed])
            self._commit(parsed, report, progress, new_terms)
            report.index_s = time.perf_counter() - mark
        report.seconds = time.perf_counter() - started
        return report

    def _placed_by_chair(self, parsed: list, chunking: ChunkSettings) -> list:
        """A report that names no place ('市长邢正军主持召开市十五届政府第40次常务会议', a city named only
        in the paper's masthead the page lost) is filed under the one place whose held minutes — stored
        or in this ingest — the same chair chaired; two places, or none, leave it unplaced."""
        chaired: dict[str, set[str]] = {}
        rows = [(row.chair, row.city_full) for row in self.store.documents()]
        for chair, city in [*rows, *((m.chair, m.city_full) for _, m, _ in parsed)]:
            if chair and city and len(chair) >= 2:
                chaired.setdefault(chair, set()).add(city)
        out = []
        for part, meeting, passages in parsed:
            cities = chaired.get(meeting.chair or "", set())
            if meeting.city_full is None and len(cities) == 1 and not part.place:
                meeting = parse_meeting(part.text, part.source, chair_place=next(iter(cities)))
                meeting.warnings[:0] = part.warnings
                passages = chunk_meeting(meeting, chunking, part.content_hash)
            out.append((part, meeting, passages))
        return out

    def _is_new(self, entry: LoadedText, seen: set[str], report: IngestReport) -> bool:
        """False (and a 'skipped' report) for a text already stored or already in this ingest, unless a
        place set by hand or a re-parse asks for it again."""
        stored = self.store.has_document(entry.content_hash)
        if entry.content_hash in seen or (stored and not entry.place and not entry.reparse):
            report.files.append(
                FileReport(
                    entry.source, "skipped", "内容与已收录的文件相同，已跳过", doc_id=entry.content_hash
                )
            )
            return False
        seen.add(entry.content_hash)
        return True

    def _embed_missing(self, passages, report: IngestReport, progress: Progress | None) -> None:
        hashes = [passage_hash(p) for p in passages]
        cached = self.store.cached_vectors(list(dict.fromkeys(hashes)), self.model_name)
        todo = {h: p.indexed_text for h, p in zip(hashes, passages) if h not in cached}
        report.reused = len(set(hashes)) - len(todo)
        if not todo:
            return
        texts = list(todo.values())
        callback = (lambda done, total: progress("嵌入", done, total)) if progress else None
        vectors = self.embedder.encode_documents(texts, self.config.embedding.batch_size, callback)
        with self.store.transaction() as conn:
            self.store.put_vectors(conn, self.model_name, dict(zip(todo.keys(), vectors)))
        report.embedded = len(todo)

    def _commit(self, parsed, report: IngestReport, progress: Progress | None, new_terms: list[str]) -> None:
        """One transaction per file: a failure rolls that file back and the others still land."""
        removed: list[str] = []
        added: list[int] = []
        for number, (entry, meeting, passages) in enumerate(parsed, 1):
            own = [entry.content_hash] if self.store.has_document(entry.content_hash) else []
            # a new file replaces every meeting stored from that file; one meeting parsed again, only itself
            keeps_siblings = entry.part > 1 or (entry.part == 1 and entry.reparse)
            replaced = (
                own
                if keeps_siblings
                else list(dict.fromkeys([*self.store.doc_ids_for_source(entry.source), *own]))
            )
            try:
                with self.store.transaction() as conn:
                    for old in replaced:
                        self.store.remove_document(conn, old)
                    tokens = [" ".join(self.tokenizer.tokenize(p.indexed_text)) for p in passages]
                    added += self.store.add_document(
                        conn,
                        entry.content_hash,
                        entry.source,
                        entry.fmt,
                        entry.text,
                        meeting,
                        passages,
                        tokens,
                        entry.place,
                    )
            except Exception as exc:  # keep going: report this file, keep the others
                log.exception("ingest of %s failed", entry.source)
                report.files.append(FileReport(entry.source, "failed", f"写入索引失败：{exc}"))
                continue
            removed += replaced
            report.files.append(
                FileReport(
                    entry.source,
                    "replaced" if replaced else "added",
                    "",
                    entry.content_hash,
                    meeting.label,
                    len(meeting.items) - 1,
                    len(passages),
                    meeting.warnings,
                )
            )
            if progress:
                progress("写入", number, len(parsed))
        retokenized = self._retokenize_existing(new_terms, set(added))
        self._after_change(added, removed, retokenized)

    def reparse(self, doc_id: str, place: str | None = None) -> IngestReport:
        """Parse a stored minute again (after a parser change, or with its place set by hand)."""
        row = self.store.conn.execute(
            "SELECT source, fmt, raw_text, place_set FROM documents WHERE doc_id = ?", (doc_id,)
        ).fetchone()
        if row is None:
            raise KeyError(doc_id)
        source, fmt, text, place_set = row
        return self.ingest_loaded(
            [LoadedText(source, text, fmt, doc_id, place=place or place_set, reparse=True)]
        )

    def remove_source(self, source: str) -> int:
        ids = self.store.doc_ids_for_source(source)
        with self.store.transaction() as conn:
            for doc_id in ids:
                self.store.remove_document(conn, doc_id)
        if ids:
            self._after_change([], ids)
        return len(ids)

    def _extend_dictionary(self, meetings: list[Meeting]) -> list[str]:
        """Add the new meetings' terms to the jieba dictionary before their passages are tokenised."""
        tokenizer = self.tokenizer
        new_terms = sorted(corpus_terms(meetings) - set(tokenizer.user_terms))
        if new_terms:
            tokenizer.add_terms(new_terms)
            atomic_write(self.dir / "userdict.txt", "\n".join(tokenizer.user_terms).encode("utf-8"))
        return new_terms

    def _retokenize_existing(self, new_terms: list[str], skip: set[int]) -> list[int]:
        """Older passages that contain a newly added term are tokenised again, so it stays whole there too."""
        if not new_terms:
            return []
        import ahocorasick  # one pass over the corpus for any number of new terms

        automaton = ahocorasick.Automaton()
        for term in new_terms:
            automaton.add_word(term, term)
        automaton.make_automaton()
        rows = [
            (row.pid, row.text, row.context)
            for row in self.store.passages()
            if row.pid not in skip and next(automaton.iter(f"{row.context}\n{row.text}"), None) is not None
        ]
        if rows:
            with self.store.transaction() as conn:
                self.store.update_tokens(
                    conn, ((" ".join(self.tokenizer.tokenize(f"{c}\n{t}")), pid) for pid, t, c in rows)
                )
        return [pid for pid, _, _ in rows]

    def _after_change(
        self, added: list[int] | None, removed_docs: list[str] = (), retokenized: list[int] = ()
    ) -> None:
        """Bring the search backend and the manifest up to date with the committed store."""
        with self.store.transaction() as conn:
            self.store.prune_vectors(conn)
        self._meetings = None
        self._passages = None
        self.search.apply(self.store, self.model_name, added, list(removed_docs), list(retokenized))
        self._write_manifest()

    # ------------------------------------------------------------- persistence
    def _write_manifest(self) -> None:
        health = self.search.health()
        manifest = {
            "model": self.model_name,
            "embedding_backend": self.config.embedding.backend,
            "dimension": self.store.vector_dimension(self.model_name),
            "schema_version": SCHEMA_VERSION,
            "parser": parser_fingerprint(),
            "fingerprint": self.store.passage_fingerprint(),
            "backend": self.search.name,
            "faiss_type": health.get("faiss_type"),
            "documents": self.store.count("documents"),
            "passages": self.store.count("passages"),
            "updated_at": time.strftime("%Y-%m-%d %H:%M:%S"),
        }
        atomic_write(self.dir / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1).encode())

    def load(self) -> None:
        """Load the search backend (rebuilding what is stale) and the passage table.

        Everything read before is dropped first: another process or a background ingest
        (with its own `Index` on the same folder) may have changed the store since.
        """
        self._meetings = self._passages = self._tokenizer = None
        self.check_compatible()
        manifest = self.manifest()
        stale = (
            manifest.get("fingerprint") != self.store.passage_fingerprint()
            or manifest.get("backend", "faiss") != self.search.name
        )
        self.search.load(self.store, self.model_name)
        if stale:
            self._write_manifest()
        self.passage_table()

    # ------------------------------------------------------------- reads
    def meetings(self) -> dict[str, Meeting]:
        if self._meetings is None:
            self._meetings = self.store.all_meetings()
        return self._meetings

    def passage_table(self) -> dict[int, tuple[str, int, str, str]]:
        """pid → (doc_id, item, text, context)."""
        if self._passages is None:
            self._passages = {
                row.pid: (row.doc_id, row.item, row.text, row.context) for row in self.store.passages()
            }
        return self._passages

    @property
    def search(self) -> SearchBackend:
        """The search backend chosen by `[index] backend` (opened on first use)."""
        if self._search is None:
            self._search = open_backend(self.config)
        return self._search

    def is_empty(self) -> bool:
        return not self.store.documents()

    def status(self) -> dict:
        docs = self.store.documents()
        manifest = self.manifest()
        return {
            "index_dir": str(self.dir),
            "documents": len(docs),
            "passages": self.store.count("passages"),
            "model": manifest.get("model"),
            "dimension": manifest.get("dimension"),
            "backend": manifest.get("backend", "faiss"),
            "faiss_type": manifest.get("faiss_type"),
            "schema_version": manifest.get("schema_version"),
            "fresh": manifest.get("fingerprint") == self.store.passage_fingerprint() if manifest else False,
            "meetings": [
                {
                    "source": d.source,
                    "city": d.city,
                    "meeting": d.meeting,
                    "date": d.date,
                    "n_items": d.n_items,
                }
                for d in docs
            ],
        }

    def source_texts(self) -> list[LoadedText]:
        """The texts as ingested, to rebuild the index after a model or schema change."""
        return [
            LoadedText(source, text, fmt, doc_id)
            for doc_id, source, fmt, text in self.store.conn.execute(
                "SELECT doc_id, source, fmt, raw_text FROM documents ORDER BY ingested_at"
            )
        ]

    def close(self) -> None:
        if self._search is not None:
            self._search.close()
        self.store.close()


@lru_cache(maxsize=1)
def parser_fingerprint() -> str:
    """Content hash of the code that turns text into items and passages (normalise, places, rules, parser,
    chunker): when it changes, stored minutes are parsed again instead of serving stale items."""
    import hashlib

    from ..ingest import chunker, clauses, fields, normalize, parser, places, reports, rules

    digest = hashlib.sha256()
    for module in (normalize, places, rules, clauses, fields, parser, reports, chunker):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:16]


def rebuild_index(config: Config, progress: Progress | None = None, embedder=None) -> IngestReport:
    """Re-ingest every stored text into a fresh index built beside the old one, then swap them.

    The old index stays in place (and usable) until the new one is complete.
    """
    import shutil

    from .store import read_source_texts

    old_dir = config.index_dir
    texts = read_source_texts(old_dir / "store.sqlite")
    staging = old_dir.with_name(old_dir.name + ".rebuild")
    shutil.rmtree(staging, ignore_errors=True)
    index = Index(config.with_index_dir(staging), embedder)
    report = index.ingest_loaded(list(texts), progress)
    index.close()
    backup = old_dir.with_name(old_dir.name + ".old")
    shutil.rmtree(backup, ignore_errors=True)
    if old_dir.exists():
        os.replace(old_dir, backup)
    os.replace(staging, old_dir)
    shutil.rmtree(backup, ignore_errors=True)
    return report


def _pages(loaded: list[LoadedText | FileReport]) -> list[list[LoadedText] | FileReport]:
    """The texts grouped by the page they come from: the stored meetings of one page ('hash#1',
    'hash#2', as a rebuild reads them back) go together, so that each is parsed beside its siblings."""
    pages: list[list[LoadedText] | FileReport] = []
    by_page: dict[str, list[LoadedText]] = {}
    for entry in loaded:
        if isinstance(entry, FileReport):
            pages.append(entry)
            continue
        page = entry.page_hash if entry.part else None
        if page in by_page:
            by_page[page].append(entry)
            continue
        pages.append(group := [entry])
        if page:
            by_page[page] = group
    return pages


def meeting_parts(entry: LoadedText) -> list[LoadedText]:
    """The page as one text per meeting it reports (`ingest.reports`), each stored as a document of its
    own ('hash#1', 'hash#2') under the file's name; a page of one meeting, or one meeting parsed again,
    stays whole."""
    texts = [entry.text] if entry.part else split_meetings(entry.text)
    if len(texts) == 1:
        return [entry]
    return [
        replace(entry, text=text, content_hash=f"{entry.content_hash}#{n}") for n, text in enumerate(texts, 1)
    ]


def parse_parts(parts: list[LoadedText]) -> list[tuple[LoadedText, Meeting]]:
    """Each meeting of a page parsed; one that names no place takes the place its sibling meetings
    all name (a portal's list page names its city in one summary only), never a guess between two."""
    meetings = [parse_meeting(part.text, part.source, place=part.place) for part in parts]
    named = {m.city_full for m in meetings if m.city_full}
    if len(named) == 1 and any(m.city_full is None for m in meetings):
        (page_place,) = named
        meetings = [
            m if m.city_full else parse_meeting(p.text, p.source, page_place=page_place)
            for p, m in zip(parts, meetings)
        ]
    return list(zip(parts, meetings))


def _with_place(entry: LoadedText | FileReport, place: str | None) -> LoadedText | FileReport:
    if place and isinstance(entry, LoadedText):
        entry.place = place.strip() or None
    return entry


def _load_or_report(name: str, load: Callable[[], LoadedText]) -> LoadedText | FileReport:
    """A file that cannot be loaded becomes a failed report, so the rest of the ingest goes on."""
    try:
        return load()
    except LoadError as exc:
        return FileReport(name, "failed", exc.reason)


def _expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the minutes inside folders named: a folder's README, gold or notes file is
    not a minute (a gold.json beside the dev pages was once indexed as one); a file named on its own
    is always tried, so a wrong format gets its clear error."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in SUPPORTED_SUFFIXES
                )
            )
        else:
            out.append(path)
    return out
