"""Follow-up questions and saved conversations.

A follow-up such as 那太仓呢？ or 谁汇报的？ is rewritten into a self-contained
question using the previous turn (its topic, city and meeting), and the
rewritten form is shown to the user, so the interpretation is never hidden.
Conversations live in the SQLite store, so they survive a page reload.
"""
from __future__ import annotations

import json
import re
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

from .accounts import OfficeStore
from .query import MEETING_ZH_RE, Vocabulary

FOLLOWUP_START_RE = re.compile(r"^(?:那么?|那这个|这个|该|它|此|其|还有|另外|and|what about|how about)", re.I)
ELLIPSIS_END_RE = re.compile(r"呢[？?]?$")
PRONOUN_RE = re.compile(r"这项|该项|这个|上述|这份|该文件|这次|该会议|这些|其中|它|they|it\b|this|that", re.I)


@dataclass
class Turn:
    question: str
    interpreted: str
    answer: dict[str, Any]
    created_at: float = field(default_factory=time.time)


def resolve_followup(question: str, previous: str | None, vocab: Vocabulary) -> str:
    """Return a self-contained question; unchanged when it does not lean on the previous turn."""
    question = question.strip()
    if not previous:
        return question
    body = ELLIPSIS_END_RE.sub("", FOLLOWUP_START_RE.sub("", question)).strip(" ，,？?")
    cities = [alias for alias in vocab.cities if alias and alias in body.lower()]
    meeting = MEETING_ZH_RE.search(body)
    if ELLIPSIS_END_RE.search(question) and (cities or meeting) and len(body) <= 12:
        return _swap_entities(previous, body, cities, meeting, vocab)
    is_short = len(re.sub(r"[^\u4e00-\u9fffA-Za-z]", "", question)) <= 8
    if FOLLOWUP_START_RE.search(question) or PRONOUN_RE.search(question) or is_short:
        return f"{_strip_question(previous)}，{question}"
    return question


def _swap_entities(previous: str, body: str, cities: list[str], meeting, vocab: Vocabulary) -> str:
    """那太仓呢？ → the previous question with its city replaced (or added)."""
    rewritten = previous
    if cities:
        new_city = vocab.cities[cities[0]]
        old = [alias for alias in sorted(vocab.cities, key=len, reverse=True) if alias in rewritten.lower()]
        if old:
            rewritten = re.sub(re.escape(old[0]), new_city, rewritten, count=1, flags=re.I)
        else:
            rewritten = f"{new_city}{rewritten}"
    if meeting:
        if MEETING_ZH_RE.search(rewritten):
            rewritten = MEETING_ZH_RE.sub(meeting.group(0), rewritten, count=1)
        else:
            rewritten = f"{meeting.group(0)}常务会议{rewritten}"
    return rewritten


def _strip_question(text: str) -> str:
    return text.rstrip("？?。 ")


class ConversationStore:
    """Conversations and their turns, each owned by one user (the office store's SQLite file).

    Ids are random (not guessable) and every read, write and delete checks the owner,
    so a conversation's URL opens it only for the user who had it.
    """

    def __init__(self, store: OfficeStore):
        self.store = store

    def create(self, title: str, owner: str) -> str:
        now, conversation_id = time.time(), secrets.token_urlsafe(12)
        with self.store.transaction() as conn:
            conn.execute("INSERT INTO conversations(id, owner, title, created_at, updated_at) VALUES (?,?,?,?,?)",
                         (conversation_id, owner, title[:60], now, now))
        return conversation_id

    def list(self, owner: str) -> list[dict[str, Any]]:
        rows = self.store.conn.execute(
            "SELECT c.id, c.title, c.updated_at, COUNT(m.id) FROM conversations c LEFT JOIN messages m"
            " ON m.conversation_id = c.id WHERE c.owner = ? GROUP BY c.id ORDER BY c.updated_at DESC",
            (owner,)).fetchall()
        return [{"id": r[0], "title": r[1], "updated_at": r[2], "messages": r[3]} for r in rows]

    def owns(self, conversation_id: str | None, owner: str) -> bool:
        if not conversation_id:
            return False
        return self.store.conn.execute("SELECT 1 FROM conversations WHERE id = ? AND owner = ?",
                                       (conversation_id, owner)).fetchone() is not None

    def add_turn(self, conversation_id: str, owner: str, turn: Turn) -> None:
        if not self.owns(conversation_id, owner):
            raise PermissionError("conversation not found for this user")
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT INTO messages(conversation_id, role, content, payload_json, created_at) VALUES (?,?,?,?,?)",
                (conversation_id, "user", turn.question, json.dumps({"interpreted": turn.interpreted},
                                                                    ensure_ascii=False), turn.created_at))
            conn.execute(
                "INSERT INTO messages(conversation_id, role, content, payload_json, created_at) VALUES (?,?,?,?,?)",
                (conversation_id, "assistant", turn.answer.get("answer", ""),
                 json.dumps(turn.answer, ensure_ascii=False), turn.created_at))
            conn.execute("UPDATE conversations SET updated_at = ? WHERE id = ?", (time.time(), conversation_id))

    def turns(self, conversation_id: str, owner: str) -> list[Turn]:
        """The turns of a conversation the user owns; [] for anyone else (as if it did not exist)."""
        if not self.owns(conversation_id, owner):
            return []
        rows = self.store.conn.execute(
            "SELECT role, content, payload_json, created_at FROM messages WHERE conversation_id = ? ORDER BY id",
            (conversation_id,)).fetchall()
        turns: list[Turn] = []
        pending: tuple[str, str, float] | None = None
        for role, content, payload, created in rows:
            data = json.loads(payload)
            if role == "user":
                pending = (content, data.get("interpreted", content), created)
            elif pending:
                turns.append(Turn(pending[0], pending[1], data, pending[2]))
                pending = None
        return turns

    def delete(self, conversation_id: str, owner: str) -> bool:
        with self.store.transaction() as conn:
            return conn.execute("DELETE FROM conversations WHERE id = ? AND owner = ?",
                                (conversation_id, owner)).rowcount > 0
