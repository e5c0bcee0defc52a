"""Request bodies of the HTTP API (validated by FastAPI; a bad body is a 422 with the field named)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")  # an unknown field or filter is an error, not ignored


class AskFilters(Strict):
    cities: list[str] = Field(default_factory=list, description="places, e.g. 太仓 or 昆山市")
    meeting: int | None = Field(None, description="meeting number (第N次)")
    date_from: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    date_to: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    departments: list[str] = Field(default_factory=list, description="reporting departments")


class AskRequest(Strict):
    question: str = Field(..., description="the question, in Chinese or English")
    filters: AskFilters | None = None
    conversation_id: str | None = Field(
        None, description="continue this conversation (a follow-up is read against its last turn)"
    )


class ChatMessage(BaseModel):
    role: Literal["system", "user", "assistant", "tool", "developer"]
    content: str | list[dict] | None = None


class ChatRequest(BaseModel):
    model: str
    messages: list[ChatMessage] = Field(..., min_length=1)
    stream: bool = False
