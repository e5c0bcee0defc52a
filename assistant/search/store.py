"""SQLite store: documents (one meeting each), items, passages, cached embeddings.

SQLite gives what the index needs: transactions (a failed ingest leaves the
previous state intact), filters in SQL, and a single file. Migrations are plain
SQL applied in order and tracked with `PRAGMA user_version`. Embeddings are
cached by (passage content hash, model), so re-ingesting an unchanged file costs
nothing and the FAISS file can always be rebuilt from here.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from ..models import AgendaItem, Meeting, Passage, Reporter

MIGRATIONS: list[str] = [
    # 1: the corpus
    """
    CREATE TABLE documents (
        doc_id TEXT PRIMARY KEY,          -- content hash of the normalised text
        source TEXT NOT NULL,             -- file name as ingested
        fmt TEXT NOT NULL,
        ingested_at REAL NOT NULL,
        city TEXT, city_full TEXT, meeting INTEGER, date TEXT, chair TEXT, doc_number TEXT,
        meeting_json TEXT NOT NULL,
        warnings_json TEXT NOT NULL,
        raw_text TEXT NOT NULL            -- the text as loaded, so the index can be rebuilt
    );
    CREATE INDEX documents_source ON documents(source);
    CREATE TABLE items (
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        item INTEGER NOT NULL,
        label TEXT, heading TEXT, verb TEXT,
        titles_json TEXT, reporters_json TEXT, decisions_json TEXT, routing_json TEXT,
        text TEXT NOT NULL,
        PRIMARY KEY (doc_id, item)
    );
    CREATE TABLE passages (
        pid INTEGER PRIMARY KEY AUTOINCREMENT,
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        item INTEGER NOT NULL,
        ordinal INTEGER NOT NULL,
        text TEXT NOT NULL,
        context TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        tokens TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX passages_doc ON passages(doc_id, item);
    CREATE TABLE embeddings (
        content_hash TEXT NOT NULL,
        model TEXT NOT NULL,
        vector BLOB NOT NULL,
        PRIMARY KEY (content_hash, model)
    );
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # 2: conversations kept across page reloads
    """
    CREATE TABLE conversations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL
    );
    CREATE TABLE messages (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        content TEXT NOT NULL,
        payload_json TEXT NOT NULL DEFAULT '{}',
        created_at REAL NOT NULL
    );
    """,
    # 3: other governments' minutes — the place a user set at ingest, items in their written script
    """
    ALTER TABLE documents ADD COLUMN place_set TEXT;
    ALTER TABLE items ADD COLUMN text_as_written TEXT;
    """,
    # 4: conversations live in the office store (office/accounts.py); these were never written since
    """
    DROP TABLE IF EXISTS messages;
    DROP TABLE IF EXISTS conversations;
    """,
    # 5: the line an item starts on: items named in one sentence of a news report share it
    """
    ALTER TABLE items ADD COLUMN line INTEGER;
    """,
]
# The layout of documents, items and passages that the search files are built from, recorded in the
# manifest: a migration that changes it bumps this (and the index is rebuilt); one that does not
# (dropping unused tables) keeps it, so existing indexes stay valid without re-embedding.
SCHEMA_VERSION = 3


@dataclass(frozen=True)
class DocumentRow:
    """One stored minute as the documents and browse pages list it."""

    doc_id: str
    source: str
    fmt: str
    city: str | None
    city_full: str | None
    meeting: int | None
    date: str | None
    chair: str | None
    doc_number: str | None
    warnings: tuple[str, ...] = ()
    n_items: int = 0


class PassageRow(NamedTuple):
    pid: int
    doc_id: str
    item: int
    text: str
    context: str
    tokens: str


class PassageFilterRow(NamedTuple):
    pid: int
    doc_id: str
    item: int
    place: str | None
    meeting: int | None
    date: str | None
    tokens: str


class StoreError(Exception):
    """The store on disk cannot be used as it is (newer schema, corrupt file)."""


class MigratedDatabase:
    """One SQLite file with its schema as a list of migrations, tracked in `PRAGMA user_version`."""

    migrations: list[str] = []
    repair_hint = "从备份恢复（python -m assistant index --restore 备份文件），或删除该文件后重建"

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # One connection serves every thread of the process (Streamlit sessions, API workers); a
        # transaction holds this lock, so two threads never interleave BEGIN…COMMIT on it (seen
        # under API load as "cannot commit - no transaction is active").
        self._writing = threading.RLock()
        try:
            self.conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=30)
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{self.path}：数据库已损坏或不是 SQLite 文件（{exc}）；{self.repair_hint}"
            ) from exc

    def migrate(self) -> None:
        version, latest = self.conn.execute("PRAGMA user_version").fetchone()[0], len(self.migrations)
        if version > latest:
            raise StoreError(f"{self.path}：数据库版本 {version} 比本程序（{latest}）新，请升级程序")
        for number in range(version, latest):
            with self.transaction() as conn:  # executescript would commit early; run statements one by one
                for statement in self.migrations[number].split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number + 1}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All-or-nothing: an exception anywhere rolls the whole ingest back."""
        with self._writing:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    def backup_to(self, target: Path) -> None:
        """A consistent copy while the database is in use (SQLite's online backup API)."""
        target = Path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        with sqlite3.connect(target) as copy:
            self.conn.backup(copy)


class Store(MigratedDatabase):
    """The index's store: documents, items, passages and cached embeddings."""

    migrations = MIGRATIONS
    repair_hint = (
        "从备份恢复（index --restore），或删除 embeddings/index 后重建（index --rebuild 需要可读的库）"
    )

    # ------------------------------------------------------------- meta
    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    # ------------------------------------------------------------- documents
    def has_document(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone() is not None

    def documents(self) -> list[DocumentRow]:
        rows = self.conn.execute(
            "SELECT doc_id, source, fmt, city, city_full, meeting, date, chair, doc_number, warnings_json,"
            " (SELECT COUNT(*) FROM items i WHERE i.doc_id = d.doc_id AND i.item > 0) AS n_items"
            " FROM documents d ORDER BY city, date, meeting"
        ).fetchall()
        return [DocumentRow(*row[:9], warnings=tuple(json.loads(row[9])), n_items=row[10]) for row in rows]

    def doc_ids_for_source(self, source: str) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT doc_id FROM documents WHERE source = ?", (source,))]

    def add_document(
        self,
        conn: sqlite3.Connection,
        doc_id: str,
        source: str,
        fmt: str,
        raw_text: str,
        meeting: Meeting,
        passages: list[Passage],
        tokens: list[str],
        place_set: str | None = None,
    ) -> list[int]:
        """Insert one meeting with its items and passages; returns the new passage ids."""
        conn.execute(
            "INSERT INTO documents(doc_id, source, fmt, ingested_at, city, city_full, meeting, date, chair,"
            " doc_number, meeting_json, warnings_json, raw_text, place_set) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                doc_id,
                source,
                fmt,
                time.time(),
                meeting.city,
                meeting.city_full,
                meeting.meeting,
                meeting.date,
                meeting.chair,
                meeting.doc_number,
                json.dumps(_meeting_header(meeting), ensure_ascii=False),
                json.dumps(meeting.warnings, ensure_ascii=False),
                raw_text,
                place_set,
            ),
        )
        for item in meeting.items:
            conn.execute(
                "INSERT INTO items(doc_id, item, label, heading, verb, titles_json, reporters_json,"
                " decisions_json, routing_json, text, text_as_written, line)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    doc_id,
                    item.item,
                    item.label,
                    item.heading,
                    item.verb,
                    json.dumps(item.document_titles, ensure_ascii=False),
                    json.dumps([asdict(r) for r in item.reporters], ensure_ascii=False),
                    json.dumps(item.decisions, ensure_ascii=False),
                    json.dumps(item.routing, ensure_ascii=False),
                    item.text,
                    item.text_as_written,
                    item.line,
                ),
            )
        pids = []
        for passage, token_text in zip(passages, tokens):
            cursor = conn.execute(
                "INSERT INTO passages(doc_id, item, ordinal, text, context, content_hash, tokens)"
                " VALUES (?,?,?,?,?,?,?)",
                (
                    doc_id,
                    passage.item,
                    passage.ordinal,
                    passage.text,
                    passage.context,
                    passage_hash(passage),
                    token_text,
                ),
            )
            pids.append(int(cursor.lastrowid))
        return pids

    def remove_document(self, conn: sqlite3.Connection, doc_id: str) -> None:
        conn.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))

    def meeting(self, doc_id: str) -> Meeting:
        row = self.conn.execute("SELECT meeting_json FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            raise KeyError(doc_id)
        header = json.loads(row[0])
        items = [
            self._item_from_row(r)
            for r in self.conn.execute(
                "SELECT item, label, heading, verb, titles_json, reporters_json, decisions_json, routing_json, text,"
                " text_as_written, line FROM items WHERE doc_id = ? ORDER BY item",
                (doc_id,),
            )
        ]
        return Meeting(**header, items=items)

    def all_meetings(self) -> dict[str, Meeting]:
        """Every meeting with its items, read in two queries (fast on large archives)."""
        items: dict[str, list[AgendaItem]] = {}
        for row in self.conn.execute(
            "SELECT doc_id, item, label, heading, verb, titles_json, reporters_json, decisions_json,"
            " routing_json, text, text_as_written, line FROM items ORDER BY doc_id, item"
        ):
            items.setdefault(row[0], []).append(self._item_from_row(row[1:]))
        out = {}
        for doc_id, header in self.conn.execute(
            "SELECT doc_id, meeting_json FROM documents ORDER BY city, date, meeting"
        ):
            out[doc_id] = Meeting(**json.loads(header), items=items.get(doc_id, []))
        return out

    @staticmethod
    def _item_from_row(row: tuple) -> AgendaItem:
        number, label, heading, verb, titles, reporters, decisions, routing, text, written, line = row
        return AgendaItem(
            item=number,
            label=label or "",
            heading=heading or "",
            verb=verb,
            document_titles=json.loads(titles),
            reporters=[Reporter(**r) for r in json.loads(reporters)],
            decisions=json.loads(decisions),
            routing=json.loads(routing),
            text=text,
            text_as_written=written,
            line=line,
        )

    # ------------------------------------------------------------- passages
    def passages(self) -> list[PassageRow]:
        """Every passage, in pid order."""
        rows = self.conn.execute("SELECT pid, doc_id, item, text, context, tokens FROM passages ORDER BY pid")
        return [PassageRow._make(row) for row in rows]

    def passage_metadata(self, pids: list[int] | None = None) -> list[PassageFilterRow]:
        """The filter fields and lexical tokens a search backend indexes, per passage in pid order
        (all passages, or the given ones)."""
        sql = (
            "SELECT p.pid, p.doc_id, p.item, d.city, d.meeting, d.date, p.tokens FROM passages p"
            " JOIN documents d ON d.doc_id = p.doc_id"
        )
        if pids is None:
            return [PassageFilterRow._make(row) for row in self.conn.execute(sql + " ORDER BY p.pid")]
        rows = []
        for start in range(0, len(pids), 500):
            chunk = pids[start : start + 500]
            rows += self.conn.execute(
                sql + f" WHERE p.pid IN ({','.join('?' * len(chunk))})", chunk
            ).fetchall()
        return [PassageFilterRow._make(row) for row in sorted(rows)]

    def update_tokens(self, conn: sqlite3.Connection, rows: Iterable[tuple[str, int]]) -> None:
        conn.executemany("UPDATE passages SET tokens = ? WHERE pid = ?", rows)

    def count(self, table: str) -> int:
        if table not in ("documents", "items", "passages", "embeddings"):
            raise ValueError(table)
        return int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def passage_ids(self) -> list[int]:
        return [r[0] for r in self.conn.execute("SELECT pid FROM passages ORDER BY pid")]

    def tokens_fingerprint(self) -> str:
        """Changes whenever any passage's tokens change (re-tokenisation after a dictionary update)."""
        import hashlib

        digest = hashlib.sha256()
        for (tokens,) in self.conn.execute("SELECT tokens FROM passages ORDER BY pid"):
            digest.update(tokens.encode())
        return digest.hexdigest()

    def passage_fingerprint(self) -> str:
        import hashlib

        digest = hashlib.sha256()
        for pid, content_hash in self.conn.execute("SELECT pid, content_hash FROM passages ORDER BY pid"):
            digest.update(f"{pid}:{content_hash};".encode())
        return digest.hexdigest()

    # ------------------------------------------------------------- embeddings
    def cached_vectors(self, hashes: list[str], model: str) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        for start in range(0, len(hashes), 500):
            chunk = hashes[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for content_hash, blob in self.conn.execute(
                f"SELECT content_hash, vector FROM embeddings WHERE model = ? AND content_hash IN ({marks})",
                (model, *chunk),
            ):
                out[content_hash] = np.frombuffer(blob, dtype=np.float32)
        return out

    def put_vectors(self, conn: sqlite3.Connection, model: str, vectors: dict[str, np.ndarray]) -> None:
        conn.executemany(
            "INSERT OR REPLACE INTO embeddings(content_hash, model, vector) VALUES (?,?,?)",
            [(h, model, np.asarray(v, dtype=np.float32).tobytes()) for h, v in vectors.items()],
        )

    def passage_vectors(self, model: str, pids: list[int] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(pids, matrix) of every passage's vector for `model` (or of the given pids), in pid order."""
        sql = (
            "SELECT p.pid, e.vector FROM passages p JOIN embeddings e"
            " ON e.content_hash = p.content_hash AND e.model = ?"
        )
        if pids is None:
            rows = self.conn.execute(sql + " ORDER BY p.pid", (model,)).fetchall()
        else:
            rows = []
            for start in range(0, len(pids), 500):
                chunk = pids[start : start + 500]
                rows += self.conn.execute(
                    sql + f" WHERE p.pid IN ({','.join('?' * len(chunk))})", (model, *chunk)
                ).fetchall()
            rows.sort()
        if not rows:
            return np.zeros(0, dtype=np.int64), np.zeros((0, 0), dtype=np.float32)
        pids = np.array([r[0] for r in rows], dtype=np.int64)
        matrix = np.vstack([np.frombuffer(r[1], dtype=np.float32) for r in rows])
        return pids, matrix

    def vector_dimension(self, model: str) -> int | None:
        """Dimension of the cached vectors of `model` (None before the first embedding)."""
        row = self.conn.execute(
            "SELECT length(vector) FROM embeddings WHERE model = ? LIMIT 1", (model,)
        ).fetchone()
        return int(row[0]) // 4 if row else None

    def prune_vectors(self, conn: sqlite3.Connection) -> None:
        conn.execute("DELETE FROM embeddings WHERE content_hash NOT IN (SELECT content_hash FROM passages)")


def read_source_texts(path: Path) -> list:
    """Texts of every document in a store file, read without migrating it (for rebuilds)."""
    from ..ingest.loaders import LoadedText

    if not Path(path).exists():
        return []
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(documents)")}
        place = "place_set" if "place_set" in columns else "NULL"
        rows = conn.execute(
            f"SELECT doc_id, source, fmt, raw_text, {place} FROM documents ORDER BY ingested_at"
        ).fetchall()
    except sqlite3.DatabaseError:
        return []
    finally:
        conn.close()
    return [
        LoadedText(source, text, fmt, doc_id, place=place_set)
        for doc_id, source, fmt, text, place_set in rows
    ]


def passage_hash(passage: Passage) -> str:
    import hashlib

    return hashlib.sha256(passage.indexed_text.encode("utf-8")).hexdigest()[:32]


def _meeting_header(meeting: Meeting) -> dict[str, Any]:
    data = asdict(meeting)
    data.pop("items")
    return data
