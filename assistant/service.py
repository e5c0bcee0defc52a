"""The assistant as the UI uses it: ask with follow-ups, browse, preview and add uploads.

Kept out of `streamlit_app.py` so the behaviour is tested without a browser
and the page script stays a thin layout of widgets.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .answer import answer_question
from .config import Config
from .conversation import ConversationStore, Turn, resolve_followup
from .index import IngestReport, Progress
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


class Assistant:
    def __init__(self, retriever: Retriever, config: Config):
        self.retriever = retriever
        self.config = config
        self.conversations = ConversationStore(retriever.index.store)
        self._lock = threading.Lock()

    @property
    def index(self):
        return self.retriever.index

    def ask(self, question: str, conversation_id: int | None = None, filters: Filters | None = None,
            k: int | None = None, on_sentence: Callable[[str], None] | None = None) -> Turn:
        """Answer a question (rewritten against the previous turn if it is a follow-up) and save it.

        With `[llm] enabled`, the answer is written by the endpoint and its verified sentences
        are passed to `on_sentence` as they complete (for streaming into the chat).
        """
        previous = None
        if conversation_id is not None:
            turns = self.conversations.turns(conversation_id)
            previous = turns[-1].interpreted if turns else None
        interpreted = resolve_followup(question, previous, self.retriever.vocab)
        with self._lock:
            answer = answer_question(self.retriever, self.config, interpreted, k=k, filters=filters)
        answer = with_written_answer(answer, self.config.llm, self.retriever.index.tokenizer.tokenize, on_sentence)
        turn = Turn(question, interpreted, answer.to_dict())
        if conversation_id is not None:
            self.conversations.add_turn(conversation_id, turn)
        return turn

    def meetings(self) -> list[dict[str, Any]]:
        return self.index.store.documents()

    def meeting(self, doc_id: str):
        return self.retriever.meetings[doc_id]

    def cities(self) -> list[str]:
        return sorted({m.city for m in self.retriever.meetings.values() if m.city})

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

    def add_uploads(self, files: list[tuple[str, bytes]], progress: Progress | None = None,
                    place: str | None = None) -> IngestReport:
        files = files[: self.config.data.max_upload_files]
        with self._lock:
            report = self.index.ingest_uploads(files, progress, place)
            self.retriever.refresh()
        return report
