"""The one front door: everything a client (browser, CLI, HTTP API) can do, each action role-checked.

Clients import this module (and `app` to build it) and nothing below it: sign-in,
ask with follow-ups, conversations, browse, documents, background ingest, users,
audit and exports are methods here. Every method takes the signed-in `User` and
checks its role; conversations are read and written only for their owner; what
users do is written to the audit log. Kept out of `streamlit_app.py` so the
behaviour is tested without a browser and the page stays a thin layout of widgets.
"""

from __future__ import annotations

import json
import os
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .answering.answer import answer_question
from .answering.cited import CitedAnswer, Source
from .answering.followup import Asked, resolve_followup
from .answering.llm import with_written_answer
from .answering.retrieval import Filters, Retriever
from .config import Config
from .ingest.loaders import LoadError, load_bytes
from .ingest.parser import parse_meeting
from .models import Meeting
from .office.accounts import (
    LOCAL_USER,
    ROLE_NAMES,
    ROLES,
    Accounts,
    AuditLog,
    AuthError,
    Lock,
    LockedOut,
    OfficeStore,
    User,
)
from .office.apikeys import ApiKey, ApiKeys
from .office.conversations import ConversationStore, ConversationSummary, Turn, without_direction_controls
from .office.export import FORMATS, export_turns, file_name, safe_cell
from .search.background import ingest_uploads_in_child
from .search.index import Index, IngestReport, Progress
from .search.store import DocumentRow, StoreError


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
    """The service. `retriever` may be None for clients that only manage accounts (`users` on the CLI)."""

    def __init__(self, retriever: Retriever | None, config: Config, office: OfficeStore | None = None):
        self.retriever = retriever
        self.config = config
        self.office = office or OfficeStore(config.path(config.auth.db))
        self.accounts = Accounts(
            self.office, config.auth.session_hours, config.auth.max_failed_logins, config.auth.lockout_minutes
        )
        self.audit = AuditLog(self.office)
        self.conversations = ConversationStore(self.office)
        self.api_keys = ApiKeys(self.office)
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
    def sign_in(self, name: str, password: str, address: str = "") -> str:
        """A session token; failures are audited with the client address, and so is a lock."""
        try:
            token = self.accounts.sign_in(name, password, address)
        except LockedOut:
            self.audit.record(name, "登录被拒（锁定中）", address)
            raise
        except AuthError:
            self.audit.record(name, "登录失败", address)
            if self.accounts.failures(name, address) == self.accounts.max_failures:
                self.audit.record(
                    name, "登录锁定", f"{address or '未知地址'}：{self.accounts.max_failures} 次密码错误"
                )
            raise
        self.audit.record(name, "登录", address)
        return token

    # -------------------------------------------------------------- asking
    def ask(
        self,
        user: User,
        question: str,
        conversation_id: str | None = None,
        filters: Filters | None = None,
        k: int | None = None,
        on_sentence: Callable[[str], None] | None = None,
        mode: str = "hybrid",
        earlier_questions: list[str] | None = None,
    ) -> Turn:
        """Answer a question (rewritten against the previous turn if it is a follow-up) and save it.

        With `[llm] enabled`, the answer is written by the endpoint and its verified sentences
        are passed to `on_sentence` as they complete (for streaming into the chat).
        `earlier_questions` are the turns of a chat the caller keeps itself (the OpenAI-compatible
        endpoint): each is resolved against the one before, and the last one is the context.
        """
        self.require(user, "ask")
        question = without_direction_controls(question)
        turns = self.conversations.turns(conversation_id, user.name) if conversation_id else []
        history = [Asked(t.question, t.interpreted) for t in turns]
        for earlier in earlier_questions or []:
            history.append(Asked(earlier, resolve_followup(earlier, history, self.retriever.vocab)))
        interpreted = resolve_followup(question, history, self.retriever.vocab)
        with self._lock:
            answer = answer_question(
                self.retriever, self.config, interpreted, k=k, filters=filters, mode=mode
            )
        answer = with_written_answer(
            answer, self.config.llm, self.retriever.index.tokenizer.tokenize, on_sentence
        )
        turn = Turn(question, interpreted, answer.record())
        if conversation_id is not None:
            self.conversations.add_turn(conversation_id, user.name, turn)
        self.audit.record(user.name, "提问", question)
        return turn

    def warm_up(self) -> None:
        """Answer one question and throw it away: the model's first inference, the tokenizer's
        dictionary and the answer path load now, at start, instead of in a user's first question."""
        with self._lock:
            answer_question(self.retriever, self.config, "会议审议了哪些文件？由哪个部门汇报？")
        if not self._ingests_in_child:
            # The background-ingest copy of the model too: loading it during an editor's first upload
            # slowed the readers' answers meanwhile (4.6 s against 0.9 s in the office test).
            self._background_embedder().encode_documents(["会议审议通过了该办法。"])

    # -------------------------------------------------------------- sessions and conversations
    def user_for_session(self, token: str | None) -> User | None:
        return self.accounts.user_for(token)

    def sign_out(self, user: User, token: str) -> None:
        self.accounts.sign_out(token)
        self.audit.record(user.name, "退出登录")

    def conversations_of(self, user: User) -> list[ConversationSummary]:
        self.require(user, "ask")
        return self.conversations.list(user.name)

    def owns_conversation(self, user: User, conversation_id: str | None) -> bool:
        return self.conversations.owns(conversation_id, user.name)

    def start_conversation(self, user: User, title: str) -> str:
        self.require(user, "ask")
        return self.conversations.create(title, user.name)

    def turns(self, user: User, conversation_id: str) -> list[Turn]:
        self.require(user, "ask")
        return self.conversations.turns(conversation_id, user.name)

    def delete_conversation(self, user: User, conversation_id: str) -> bool:
        self.require(user, "ask")
        deleted = self.conversations.delete(conversation_id, user.name)
        if deleted:
            self.audit.record(user.name, "删除对话", conversation_id)
        return deleted

    def export(self, user: User, turns: list[Turn], fmt: str) -> bytes:
        """A docx / md / csv / json file of the turns (built when asked for, audited)."""
        self.require(user, "export")
        data, _ = export_turns(turns, fmt, author=user.name)
        self.audit.record(
            user.name, "导出", f"{fmt}：{turns[0].question if turns else ''}（{len(turns)} 问）"
        )
        return data

    # -------------------------------------------------------------- browse
    def status(self, user: User) -> dict[str, Any]:
        self.require(user, "browse")
        return self.index.status()

    def meetings(self, user: User) -> list[DocumentRow]:
        self.require(user, "browse")
        return self.index.store.documents()

    def meeting(self, user: User, doc_id: str) -> Meeting:
        self.require(user, "browse")
        return self.retriever.meetings[doc_id]

    def cities(self, user: User) -> list[str]:
        self.require(user, "browse")
        return sorted({m.city for m in self.retriever.meetings.values() if m.city})

    # -------------------------------------------------------------- users and audit (admins)
    def users(self, user: User) -> list[User]:
        self.require(user, "users")
        return self.accounts.list()

    def add_user(self, user: User, name: str, role: str, password: str) -> User:
        self.require(user, "users")
        added = self.accounts.add(name, role, password)
        self.audit.record(user.name, "添加用户", f"{name}（{ROLE_NAMES[role]}）")
        return added

    def remove_user(self, user: User, name: str) -> None:
        self.require(user, "users")
        if name == user.name:
            raise AuthError("不能删除自己的账户（请由另一位管理员操作）")
        self.accounts.remove(name)
        self.audit.record(user.name, "删除用户", name)

    def set_password(self, user: User, name: str, password: str) -> None:
        self.require(user, "users")
        self.accounts.set_password(name, password)
        self.audit.record(user.name, "重置密码", name)

    def set_role(self, user: User, name: str, role: str) -> None:
        self.require(user, "users")
        if name == user.name and role != user.role:
            raise AuthError("不能更改自己的角色（请由另一位管理员操作）")
        self.accounts.set_role(name, role)
        self.audit.record(user.name, "更改角色", f"{name} → {ROLE_NAMES.get(role, role)}")

    def sign_in_locks(self, user: User) -> list[Lock]:
        """Who is locked out of signing in from where, and until when."""
        self.require(user, "users")
        return self.accounts.locks()

    def unlock_user(self, user: User, name: str) -> int:
        self.require(user, "users")
        forgotten = self.accounts.unlock(name)
        self.audit.record(user.name, "解除锁定", name)
        return forgotten

    def audit_entries(self, user: User, limit: int = 300) -> list[dict[str, str]]:
        self.require(user, "audit")
        return self.audit.entries(limit)

    def audit_csv(self, user: User) -> bytes:
        self.require(user, "audit")
        return self.audit.to_csv()

    # -------------------------------------------------------------- API keys (admins issue, anyone's key acts as them)
    def issue_api_key(self, user: User, owner: str) -> tuple[ApiKey, str]:
        """A new key acting as `owner`; the key itself is returned once and never stored."""
        self.require(user, "users")
        record, key = self.api_keys.issue(owner)
        self.audit.record(user.name, "签发API密钥", f"{record.id} → {owner}")
        return record, key

    def revoke_api_key(self, user: User, key_id: str) -> ApiKey:
        self.require(user, "users")
        record = self.api_keys.revoke(key_id)
        self.audit.record(user.name, "吊销API密钥", f"{key_id}（{record.owner}）")
        return record

    def api_keys_of(self, user: User, owner: str | None = None) -> list[ApiKey]:
        self.require(user, "users")
        return self.api_keys.list(owner)

    def user_for_api_key(self, key: str | None) -> tuple[User, str] | None:
        """The user a key acts as (and the key's id), None when it is unknown, malformed or revoked."""
        return self.api_keys.user_for(key)

    def record_api_call(self, user: User, key_id: str, call: str) -> None:
        self.audit.record(user.name, "API调用", f"{key_id} {call}")

    # -------------------------------------------------------------- documents
    def preview_uploads(
        self, user: User, files: list[tuple[str, bytes]], place: str | None = None
    ) -> list[UploadPreview]:
        """Parse uploads without indexing them, so the user can confirm what was recognised."""
        self.require(user, "upload")
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
            previews.append(
                UploadPreview(
                    name,
                    True,
                    "可导入",
                    meeting.label,
                    meeting.date,
                    len(meeting.items) - 1,
                    [*loaded.warnings, *meeting.warnings],
                )
            )
        return previews

    def add_uploads(
        self,
        user: User,
        files: list[tuple[str, bytes]],
        progress: Progress | None = None,
        place: str | None = None,
    ) -> IngestReport:
        """Ingest now, in the caller's thread (CLI, tests); the browser uses `start_upload`."""
        self.require(user, "upload")
        files = files[: self.config.data.max_upload_files]
        return self._ingest(
            lambda: self._on_private_index(lambda index: index.ingest_uploads(files, progress, place)),
            [n for n, _ in files],
            user,
        )

    def start_upload(self, user: User, files: list[tuple[str, bytes]], place: str | None = None) -> IngestJob:
        """Ingest in the background (a low-priority child process; see search/background.py), so
        answers keep their speed; the index the readers use is swapped in when the ingest has landed."""
        self.require(user, "upload")
        files = files[: self.config.data.max_upload_files]
        job = IngestJob(uuid.uuid4().hex, user.name, [name for name, _ in files])
        self.jobs[job.id] = job

        def progress(stage: str, done: int, total: int) -> None:
            job.stage, job.done, job.total = stage, done, total

        def run() -> None:
            _lower_this_threads_priority()
            try:
                job.report = self._ingest(
                    lambda: self._ingest_uploads_aside(files, place, progress), job.files, user
                )
            except Exception as exc:  # reported to the uploader; the index keeps its previous state
                job.error = f"{type(exc).__name__}: {exc}"

        threading.Thread(target=run, name=f"ingest-{job.id[:8]}", daemon=True).start()
        return job

    @property
    def _ingests_in_child(self) -> bool:
        """Uploads are ingested in a child process, except into a Milvus Lite folder (which only one
        process may open; this one has it open)."""
        return self.config.index.backend == "faiss"

    def _ingest_uploads_aside(self, files, place: str | None, progress: Progress) -> IngestReport:
        """An upload ingested away from the readers: in a low-priority child process, or (Milvus)
        on a private index handle with its own model copy in this thread."""
        if self._ingests_in_child:
            return ingest_uploads_in_child(self.config, files, place, progress)
        return self._on_private_index(
            lambda index: index.ingest_uploads(files, progress, place), self._background_embedder()
        )

    def _on_private_index(self, work: Callable[[Index], IngestReport], embedder=None) -> IngestReport:
        index = Index(self.config, embedder or self.index.embedder)
        try:
            return work(index)
        finally:
            index.close()

    def _ingest(
        self, run: Callable[[], IngestReport], names: list[str], user: User, action: str = "上传"
    ) -> IngestReport:
        """One ingest at a time, journaled (an interrupted one is reported at the next start), then
        the readers' index swapped for the new one and the change audited."""
        with self._ingest_lock:
            self._write_journal(names, user)
            report = run()
            self._swap_in_fresh_index()
            self._clear_journal()
        landed = [f.source for f in report.files if f.status in ("added", "replaced")]
        self.audit.record(user.name, action, "、".join(landed) or "（无文件导入）")
        return report

    def _swap_in_fresh_index(self) -> None:
        """Load the index as the ingest left it beside the one readers use, then swap: a reader waits
        for the swap, not for the load (refreshing in place under the lock held readers 0.6–0.9 s)."""
        fresh = Retriever(Index(self.config, self.retriever.index.embedder), self.config)
        with self._lock:
            self.retriever = fresh  # the old handle is not closed: a page may still be reading it

    def _background_embedder(self):
        """A second copy of the model for background ingest: the serving one stays free for queries."""
        if self._ingest_embedder is None:
            from .search.embeddings import get_embedder

            self._ingest_embedder = get_embedder(self.config, shared=False)
        return self._ingest_embedder

    def reparse(self, user: User, doc_id: str, place: str | None = None) -> IngestReport:
        self.require(user, "reparse")
        return self._ingest(
            lambda: self._on_private_index(lambda index: index.reparse(doc_id, place)),
            [doc_id],
            user,
            action="重新解析",
        )

    def remove_document(self, user: User, source: str) -> int:
        self.require(user, "remove")
        with self._ingest_lock:
            index = Index(self.config, self.index.embedder)
            try:
                removed = index.remove_source(source)
            finally:
                index.close()
            self._swap_in_fresh_index()
        self.audit.record(user.name, "删除文档", source)
        return removed

    # -------------------------------------------------------------- interrupted ingests
    @property
    def _journal(self) -> Path:
        return self.config.index_dir / "ingest-journal.json"

    def _write_journal(self, names: list[str], user: User) -> None:
        self._journal.parent.mkdir(parents=True, exist_ok=True)
        self._journal.write_text(
            json.dumps({"user": user.name, "files": names, "started_at": time.time()}, ensure_ascii=False),
            encoding="utf-8",
        )

    def _clear_journal(self) -> None:
        self._journal.unlink(missing_ok=True)

    def job(self, user: User, job_id: str | None) -> IngestJob | None:
        """A background ingest, for the user who started it only."""
        job = self.jobs.get(job_id or "")
        return job if job is not None and job.user == user.name else None

    def interrupted_ingest(self, user: User) -> dict | None:
        """The files of an ingest that did not finish (the server stopped mid-way), if any."""
        self.require(user, "upload")
        if self._ingest_lock.locked() or not self._journal.exists():
            return None
        try:
            return json.loads(self._journal.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {"user": "?", "files": [], "started_at": 0}

    def dismiss_interrupted_ingest(self, user: User) -> None:
        self.require(user, "upload")
        self._clear_journal()


__all__ = [
    "LOCAL_USER",
    "ROLES",
    "ROLE_NAMES",
    "FORMATS",
    "ApiKey",
    "Assistant",
    "AuthError",
    "CitedAnswer",
    "ConversationSummary",
    "DocumentRow",
    "Filters",
    "Forbidden",
    "IngestJob",
    "Lock",
    "Source",
    "StoreError",
    "Turn",
    "UploadPreview",
    "User",
    "file_name",
    "safe_cell",
]


def _lower_this_threads_priority(niceness: int = 10) -> None:
    """A background ingest yields the CPU to readers' questions: on Linux a thread has its own nice
    value, and the ingest's model copy runs its one thread (`background_threads = 1`) on this one."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), niceness)
    except (AttributeError, OSError):  # not Linux, or not permitted: run at normal priority
        pass
