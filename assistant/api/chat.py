"""OpenAI-compatible chat: any client built on the openai SDK gets the cited answer unchanged.

`POST /v1/chat/completions` takes the last user message as the question and the user messages
before it as the follow-up context (the client keeps the chat; nothing is stored here but the
audit entry). The content is the answer with its [n] markers and a numbered source list; the
citations also come as a structured `citations` field. `stream: true` sends the same lines as
server-sent events in the OpenAI chunk format.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.responses import StreamingResponse

from ..config import Config
from ..service import Assistant, CitedAnswer
from .schemas import ChatMessage, ChatRequest
from .server import ApiError, Caller, citation_json, question_of

MODEL_ID = "minutes-assistant"


def message_text(message: ChatMessage) -> str:
    """Plain text of a message: a string, or the text parts of a content list."""
    if isinstance(message.content, str):
        return message.content
    parts = message.content or []
    return "".join(part.get("text", "") for part in parts if part.get("type") == "text")


def content_lines(answer: CitedAnswer) -> list[str]:
    """The answer lines (each with its [n] markers), then the numbered sources."""
    lines = list(answer.lines)
    if answer.sources:
        lines += ["", "来源：" if answer.lang == "zh" else "Sources:"]
        lines += [f"[{s.n}] {s.label} {s.heading}" for s in answer.sources]
    return lines


def chat_routes(app: FastAPI, service: Assistant, config: Config, caller) -> None:
    @app.get("/v1/models", tags=["openai-compatible"])
    def models(who: Caller = Depends(caller)) -> dict[str, Any]:
        return {
            "object": "list",
            "data": [{"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "minutes-assistant"}],
        }

    @app.post("/v1/chat/completions", tags=["openai-compatible"])
    def completions(body: ChatRequest, who: Caller = Depends(caller)):
        asked = [message_text(m) for m in body.messages if m.role == "user"]
        if not asked:
            raise ApiError(422, "messages 中没有 user 消息")
        question = question_of(asked[-1], config)
        earlier = [q.strip() for q in asked[:-1] if q.strip()][-5:]
        answer = service.ask(who.user, question, None, earlier_questions=earlier).answer
        reply_id, created = f"chatcmpl-{uuid.uuid4().hex[:24]}", int(time.time())
        citations = [citation_json(s) for s in answer.sources]
        if body.stream:
            chunks = _chunks(reply_id, created, body.model, content_lines(answer), citations)
            return StreamingResponse(chunks, media_type="text/event-stream")
        return {
            "id": reply_id,
            "object": "chat.completion",
            "created": created,
            "model": body.model,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": "\n".join(content_lines(answer))},
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
            "citations": citations,
            "answerable": answer.answerable,
            "reason": answer.reason,
        }


def _chunks(
    reply_id: str, created: int, model: str, lines: list[str], citations: list[dict]
) -> Iterator[str]:
    def event(delta: dict, finish: str | None = None, **extra: Any) -> str:
        chunk = {
            "id": reply_id,
            "object": "chat.completion.chunk",
            "created": created,
            "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            **extra,
        }
        return f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n"

    yield event({"role": "assistant", "content": ""})
    for pos, line in enumerate(lines):
        yield event({"content": line + ("\n" if pos + 1 < len(lines) else "")})
    yield event({}, "stop", citations=citations)
    yield "data: [DONE]\n\n"
