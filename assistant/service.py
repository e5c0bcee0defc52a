"""The assistant as the UI uses it: sign-in, ask with follow-ups, browse, documents, background ingest.

Kept out of `streamlit_app.py` so the behaviour is tested without a browser
and the page script stays a thin layout of widgets. Every action takes the
signed-in `User` and checks its role; conversations are read and written only
for their owner; what users do is written to the audit log.
"""
from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .accounts import Accounts, AuditLog, OfficeStore, User
from .answer import answer_question
from .config import Config
from .conversation import ConversationStore, Turn, resolve_followup
from .index import Index, IngestReport, Progress
from .llm import with_written_answer
from .loaders import LoadError, load_bytes
from .parser import parse_meeting
from .retrieval import Filters, Retriever


@dataclass
class UploadPreview:
    name: str
    ok: bool
    message: str
    meeting: str | None = None
    date: str | None = None
    n_items: int = 0
    warnings: list[str] | None = None


@dataclass
class IngestJob:
    """An ingest running in the background; the uploader polls it, everyone else keeps asking."""

    id: str
    user: str
    files: list[str]
    stage: str = "排队中"
    done: int = 0
    total: int = 0
    report: IngestReport | None = None
    error: str = ""
    started_at: float = field(default_factory=time.time)

    @property
    def finished(self) -> bool:
        return self.report is not None or bool(self.error)


class Forbidden(PermissionError):
    """The signed-in user's role does not allow this action."""


class Assistant:
    def __init__(self, retriever: Retriever, config: Config, office: OfficeStore | None = None):
        self.retriever = retriever
        self.config = config
        self.office = office or OfficeStore(config.path(config.auth.db))
        self.accounts = Accounts(self.office, config.auth.session_hours, config.auth.max_failed_logins,
                                 config.auth.lockout_minutes)
        self.audit = AuditLog(self.office)
        self.conversations = ConversationStore(self.office)
        self._lock = threading.Lock()  # held only while answering or swapping in a refreshed index
        self._ingest_lock = threading.Lock()  # one background ingest at a time
        self.jobs: dict[str, IngestJob] = {}
        self._ingest_embedder = None

    @property
    def index(self):
        return self.retriever.index

    @staticmethod
    def require(user: User, action: str) -> None:
        if not user.can(action):
            raise Forbidden(f"{user.name}（{user.role_name}）无权执行此操作")

    # -------------------------------------------------------------- sign-in
    def sign_in(self, name: str, password: str) -> str:
        try:
            token = self.accounts.sign_in(name, password)
        except Exception:
            self.audit.record(name, "登录失败")
            raise
        self.audit.record(name, "登录")
        return token

    # -------------------------------------------------------------- asking
    def ask(self, user: User, question: str, conversation_id: str | None = None, filters: Filters | None = None,
            k: int | None = None, on_sentence: Callable[[str], None] | None = None) -> Turn:
        """Answer a question (rewritten against the previous turn if it is a follow-up) and save it.

        With `[llm] enabled`, the answer is written by the endpoint and its verified sentences
        are passed to `on_sentence` as they complete (for streaming into the chat).
        """
        self.require(user, "ask")
        turns = self.conversations.turns(conversation_id, user.name) if conversation_id else []
        previous = turns[-1].interpreted if turns else None
        interpreted = resolve_followup(question, previous, self.retriever.vocab)
        with self._lock:
            answer = answer_question(self.retriever, self.config, interpreted, k=k, filters=filters)
        answer = with_written_answer(answer, self.config.llm, self.retriever.index.tokenizer.tokenize, on_sentence)
        turn = Turn(question, interpreted, answer.to_dict())
        if conversation_id is not None:
            self.conversations.add_turn(conversation_id, user.name, turn)
        self.audit.record(user.name, "提问", question)
        return turn

    def meetings(self) -> list[dict[str, Any]]:
        return self.index.store.documents()

    def meeting(self, doc_id: str):
        return self.retriever.meetings[doc_id]

    def cities(self) -> list[str]:
        return sorted({m.city for m in self.retriever.meetings.values() if m.city})

    # -------------------------------------------------------------- documents
    def preview_uploads(self, files: list[tuple[str, bytes]], place: str | None = None) -> list[UploadPreview]:
        """Parse uploads without indexing them, so the user can confirm what was recognised."""
        limit = self.config.data.max_upload_files
        previews = []
        for position, (name, data) in enumerate(files):
            if position >= limit:
                previews.append(UploadPreview(name, False, f"一次最多上传 {limit} 个文件，此文件未处理"))
                continue
            try:
                loaded = load_bytes(data, name, max_bytes=int(self.config.data.max_file_mb * 1024 * 1024))
            except LoadError as exc:
                previews.append(UploadPreview(name, False, exc.reason))
                continue
            if self.index.store.has_document(loaded.content_hash) and not place:
                previews.append(UploadPreview(name, False, "内容与已收录的文件相同，将跳过"))
                continue
            meeting = parse_meeting(loaded.text, name, place=place)
            previews.append(UploadPreview(name, True, "可导入", meeting.label, meeting.date, len(meeting.items) - 1,
                                          [*loaded.warnings, *meeting.warnings]))
        return previews

    def add_uploads(self, user: User, files: list[tuple[str, bytes]], progress: Progress | None = None,
                    place: str | None = None) -> IngestReport:
        """Ingest now, in the caller's thread (CLI, tests); the browser uses `start_upload`."""
        self.require(user, "upload")
        files = files[: self.config.data.max_upload_files]
        return self._ingest(lambda index: index.ingest_uploads(files, progress, place), [n for n, _ in files], user)

    def start_upload(self, user: User, files: list[tuple[str, bytes]], place: str | None = None) -> IngestJob:
        """Ingest in a background thread with its own index handle and embedding model, so answers keep
        their speed; the index the readers use is swapped in when the ingest has landed."""
        self.require(user, "upload")
        files = files[: self.config.data.max_upload_files]
        job = IngestJob(uuid.uuid4().hex, user.name, [name for name, _ in files])
        self.jobs[job.id] = job

        def progress(stage: str, done: int, total: int) -> None:
            job.stage, job.done, job.total = stage, done, total

        def run() -> None:
            try:
                job.report = self._ingest(lambda index: index.ingest_uploads(files, progress, place), job.files, user,
                                          background=True)
            except Exception as exc:  # reported to the uploader; the index keeps its previous state
                job.error = f"{type(exc).__name__}: {exc}"

        threading.Thread(target=run, name=f"ingest-{job.id[:8]}", daemon=True).start()
        return job

    def _ingest(self, work: Callable[[Index], IngestReport], names: list[str], user: User,
                background: bool = False, action: str = "上传") -> IngestReport:
        with self._ingest_lock:
            self._write_journal(names, user)
            index = Index(self.config, self._background_embedder() if background else self.index.embedder)
            try:
                report = work(index)
            finally:
                index.close()
            with self._lock:
                self.retriever.refresh()
            self._clear_journal()
        landed = [f.source for f in report.files if f.status in ("added", "replaced")]
        self.audit.record(user.name, action, "、".join(landed) or "（无文件导入）")
        return report

    def _background_embedder(self):
        """A second copy of the model for background ingest: the serving one stays free for queries."""
        if self._ingest_embedder is None:
            from .embeddings import get_embedder

            self._ingest_embedder = get_embedder(self.config, shared=False)
        return self._ingest_embedder

    def reparse(self, user: User, doc_id: str, place: str | None = None) -> IngestReport:
        self.require(user, "reparse")
        return self._ingest(lambda index: index.reparse(doc_id, place), [doc_id], user, action="重新解析")

    def remove_document(self, user: User, source: str) -> int:
        self.require(user, "remove")
        with self._ingest_lock:
            index = Index(self.config, self.index.embedder)
            try:
                removed = index.remove_source(source)
            finally:
                index.close()
            with self._lock:
                self.retriever.refresh()
        self.audit.record(user.name, "删除文档", source)
        return removed

    # -------------------------------------------------------------- interrupted ingests
    @property
    def _journal(self) -> Path:
        return self.config.index_dir / "ingest-journal.json"

    def _write_journal(self, names: list[str], user: User) -> None:
        self._journal.parent.mkdir(parents=True, exist_ok=True)
        self._journal.write_text(json.dumps({"user": user.name, "files": names, "started_at": time.time()},
                                            ensure_ascii=False), encoding="utf-8")

    def _clear_journal(self) -> None:
        self._journal.unlink(missing_ok=True)

    def interrupted_ingest(self) -> dict | None:
        """The files of an ingest that did not finish (the server stopped mid-way), if any."""
        if self._ingest_lock.locked() or not self._journal.exists():
            return None
        try:
            return json.loads(self._journal.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {"user": "?", "files": [], "started_at": 0}

    def dismiss_interrupted_ingest(self) -> None:
        self._clear_journal()
