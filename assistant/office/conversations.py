"""Saved conversations: each owned by one user, kept in the office store so they survive a reload."""

from __future__ import annotations

import json
import re
import secrets
import time
import unicodedata
from dataclasses import dataclass, field

from ..answering.cited import CitedAnswer
from .accounts import OfficeStore


@dataclass(frozen=True)
class ConversationSummary:
    id: str
    title: str
    updated_at: float
    questions: int


@dataclass
class Turn:
    question: str
    interpreted: str
    answer: CitedAnswer
    created_at: float = field(default_factory=time.time)


DIRECTION_CONTROLS_RE = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def without_direction_controls(text: str) -> str:
    """A question as it reads: bidi overrides and isolates (which show it backwards in the chat, the
    exports and Word) dropped; everything else kept as typed."""
    return DIRECTION_CONTROLS_RE.sub("", text)


def plain_title(text: str) -> str:
    """One line of visible text: control characters and bidi overrides (which turn a title backwards) dropped."""
    visible = "".join(
        " " if ch.isspace() else ch
        for ch in text
        if unicodedata.category(ch) not in ("Cc", "Cf") or ch.isspace()
    )
    return " ".join(visible.split())[:60] or "（无标题）"


class ConversationStore:
    """Conversations and their turns, each owned by one user (the office store's SQLite file).

    Ids are random (not guessable) and every read, write and delete checks the owner,
    so a conversation's URL opens it only for the user who had it.
    """

    def __init__(self, store: OfficeStore):
        self.store = store

    def create(self, title: str, owner: str) -> str:
        """A new conversation titled by its first question, as plain text (control and direction marks removed)."""
        now, conversation_id = time.time(), secrets.token_urlsafe(12)
        title = plain_title(title)
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT INTO conversations(id, owner, title, created_at, updated_at) VALUES (?,?,?,?,?)",
                (conversation_id, owner, title, now, now),
            )
        return conversation_id

    def list(self, owner: str) -> list[ConversationSummary]:
        rows = self.store.conn.execute(
            "SELECT c.id, c.title, c.updated_at, COUNT(m.id) FROM conversations c LEFT JOIN messages m"
            " ON m.conversation_id = c.id WHERE c.owner = ? GROUP BY c.id ORDER BY c.updated_at DESC",
            (owner,),
        ).fetchall()
        return [ConversationSummary(r[0], r[1], r[2], r[3] // 2) for r in rows]

    def owns(self, conversation_id: str | None, owner: str) -> bool:
        if not conversation_id:
            return False
        return (
            self.store.conn.execute(
                "SELECT 1 FROM conversations WHERE id = ? AND owner = ?", (conversation_id, owner)
            ).fetchone()
            is not None
        )

    def add_turn(self, conversation_id: str, owner: str, turn: Turn) -> None:
        if not self.owns(conversation_id, owner):
            raise PermissionError("conversation not found for this user")
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT INTO messages(conversation_id, role, content, payload_json, created_at) VALUES (?,?,?,?,?)",
                (
                    conversation_id,
                    "user",
                    turn.question,
                    json.dumps({"interpreted": turn.interpreted}, ensure_ascii=False),
                    turn.created_at,
                ),
            )
            conn.execute(
                "INSERT INTO messages(conversation_id, role, content, payload_json, created_at) VALUES (?,?,?,?,?)",
                (
                    conversation_id,
                    "assistant",
                    turn.answer.text,
                    json.dumps(turn.answer.to_dict(), ensure_ascii=False),
                    turn.created_at,
                ),
            )
            conn.execute(
                "UPDATE conversations SET updated_at = ? WHERE id = ?", (time.time(), conversation_id)
            )

    def turns(self, conversation_id: str, owner: str) -> list[Turn]:
        """The turns of a conversation the user owns; [] for anyone else (as if it did not exist)."""
        if not self.owns(conversation_id, owner):
            return []
        rows = self.store.conn.execute(
            "SELECT role, content, payload_json, created_at FROM messages WHERE conversation_id = ? ORDER BY id",
            (conversation_id,),
        ).fetchall()
        turns: list[Turn] = []
        pending: tuple[str, str, float] | None = None
        for role, content, payload, created in rows:
            data = json.loads(payload)
            if role == "user":
                pending = (content, data.get("interpreted", content), created)
            elif pending:
                turns.append(Turn(pending[0], pending[1], CitedAnswer.from_dict(data), pending[2]))
                pending = None
        return turns

    def delete(self, conversation_id: str, owner: str) -> bool:
        with self.store.transaction() as conn:
            return (
                conn.execute(
                    "DELETE FROM conversations WHERE id = ? AND owner = ?", (conversation_id, owner)
                ).rowcount
                > 0
            )
