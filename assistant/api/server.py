"""FastAPI app: API-key sign-in, per-key rate limit, JSON errors, and the REST routes.

Every route is one call into the service, as the key's owner; the service checks the role.
Errors are always `{"error": {"message", "type"}}` with a 4xx status, never a traceback.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Any

from fastapi import Depends, FastAPI, File, Form, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..config import Config
from ..service import FORMATS, Assistant, AuthError, Filters, Forbidden, Turn, User, file_name
from .schemas import AskRequest

log = logging.getLogger("assistant.api")


class ApiError(Exception):
    def __init__(self, status: int, message: str, kind: str = "invalid_request_error", headers=None):
        super().__init__(message)
        self.status, self.message, self.kind, self.headers = status, message, kind, headers or {}


@dataclass(frozen=True)
class Caller:
    user: User
    key_id: str


class RateLimiter:
    """At most `per_minute` calls per key in any 60 s (a sliding window kept in memory)."""

    def __init__(self, per_minute: int):
        self.per_minute, self.calls, self.lock = per_minute, {}, threading.Lock()

    def retry_after(self, key_id: str) -> int:
        """0 when the call may go ahead (and is counted), else seconds until it may."""
        now = time.monotonic()
        with self.lock:
            window = self.calls.setdefault(key_id, deque())
            while window and now - window[0] >= 60:
                window.popleft()
            if len(window) >= self.per_minute:
                return int(60 - (now - window[0])) + 1
            window.append(now)
            return 0


def error_body(message: str, kind: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": kind}}


def create_app(service: Assistant, config: Config) -> FastAPI:
    app = FastAPI(
        title="常务会议纪要问答助手 API",
        version="1",
        description="Cited answers from standing-meeting minutes. Sign in with `Authorization: Bearer <key>`"
        " (python -m assistant users token NAME).",
    )
    limiter = RateLimiter(config.api.rate_per_minute)
    _install_error_handlers(app)
    _install_body_limit(app, config)

    def caller(request: Request) -> Caller:
        scheme, _, key = (request.headers.get("authorization") or "").partition(" ")
        found = service.user_for_api_key(key.strip()) if scheme.lower() == "bearer" else None
        if found is None:
            raise ApiError(
                401, "API 密钥无效或已吊销", "authentication_error", {"WWW-Authenticate": "Bearer"}
            )
        user, key_id = found
        if wait := limiter.retry_after(key_id):
            raise ApiError(
                429,
                f"调用过于频繁：每个密钥每分钟最多 {limiter.per_minute} 次",
                "rate_limit_error",
                {"Retry-After": str(wait)},
            )
        service.record_api_call(user, key_id, f"{request.method} {request.url.path}")
        return Caller(user, key_id)

    app.state.caller = caller
    app.state.service = service
    app.state.config = config
    _rest_routes(app, service, config, caller)
    from .chat import chat_routes

    chat_routes(app, service, config, caller)
    return app


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError):
        return JSONResponse(error_body(exc.message, exc.kind), exc.status, headers=exc.headers)

    @app.exception_handler(Forbidden)
    async def forbidden(request: Request, exc: Forbidden):
        return JSONResponse(error_body(str(exc), "permission_error"), 403)

    @app.exception_handler(AuthError)
    async def refused(request: Request, exc: AuthError):
        return JSONResponse(error_body(str(exc), "invalid_request_error"), 400)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()) if part != "body")
        message = f"请求无效：{where} {first.get('msg', '')}".strip()
        return JSONResponse(error_body(message, "invalid_request_error"), 422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return JSONResponse(error_body(str(exc.detail), "invalid_request_error"), exc.status_code)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        log.exception("API error on %s %s", request.method, request.url.path)
        return JSONResponse(error_body("服务器内部错误（已记入服务器日志）", "server_error"), 500)


def _install_body_limit(app: FastAPI, config: Config) -> None:
    """413 before reading a body larger than allowed: JSON bodies small, uploads per [data] limits."""
    json_limit = int(config.api.max_body_mb * 1024 * 1024)
    upload_limit = int(config.data.max_file_mb * config.data.max_upload_files * 1024 * 1024) + 65536

    @app.middleware("http")
    async def limit_body(request: Request, call_next):
        declared = request.headers.get("content-length")
        limit = upload_limit if request.url.path == "/api/v1/documents" else json_limit
        if declared and declared.isdigit() and int(declared) > limit:
            return JSONResponse(
                error_body(f"请求体过大（上限 {limit // 1048576 or 1} MB）", "invalid_request_error"), 413
            )
        return await call_next(request)


def question_of(text: str, config: Config) -> str:
    question = (text or "").strip()
    if not question:
        raise ApiError(422, "问题为空")
    if len(question) > config.api.max_question_chars:
        raise ApiError(422, f"问题过长（{len(question)} 字，上限 {config.api.max_question_chars} 字）")
    return question


def citation_json(source, base: str = "") -> dict[str, Any]:
    return {
        "n": source.n,
        "label": source.label,
        "place": source.city_full or source.city,
        "meeting": source.meeting,
        "date": source.date,
        "item": source.item,
        "heading": source.heading,
        "passage": source.text,
        "link": f"{base}/api/v1/meetings/{source.doc_id}/items/{source.item}",
    }


def answer_json(turn: Turn, conversation_id: str | None) -> dict[str, Any]:
    """The typed answer as JSON: the lead, the cited lines, each citation with its link, or why not."""
    answer = turn.answer
    return {
        "conversation_id": conversation_id,
        "question": turn.question,
        "interpreted_question": turn.interpreted,
        "lang": answer.lang,
        "answerable": answer.answerable,
        "lead": answer.lead,
        "sentences": answer.sentences,
        "answer": answer.text,
        "reason": answer.reason,
        "notices": answer.notices,
        "interpreted_filters": answer.interpreted_filters,
        "citations": [citation_json(s) for s in answer.sources],
    }


def _rest_routes(app: FastAPI, service: Assistant, config: Config, caller) -> None:
    @app.post("/api/v1/ask", tags=["answers"])
    def ask(body: AskRequest, who: Caller = Depends(caller)) -> dict[str, Any]:
        """Answer a question with citations; pass `conversation_id` back to ask a follow-up."""
        question = question_of(body.question, config)
        conversation = body.conversation_id
        if conversation is not None and not service.owns_conversation(who.user, conversation):
            raise ApiError(404, "没有这个对话", "not_found_error")
        if conversation is None:
            conversation = service.start_conversation(who.user, question)
        filters = Filters(**body.filters.model_dump()) if body.filters else None
        turn = service.ask(who.user, question, conversation, filters=filters)
        return answer_json(turn, conversation)

    @app.get("/api/v1/meetings", tags=["minutes"])
    def meetings(who: Caller = Depends(caller)) -> list[dict[str, Any]]:
        return [
            {
                "id": row.doc_id,
                "source": row.source,
                "place": row.city_full or row.city,
                "meeting": row.meeting,
                "date": row.date,
                "chair": row.chair,
                "doc_number": row.doc_number,
                "items": row.n_items,
            }
            for row in service.meetings(who.user)
        ]

    def meeting_of(user: User, doc_id: str):
        try:
            return service.meeting(user, doc_id)
        except KeyError:
            raise ApiError(404, "没有这份纪要", "not_found_error") from None

    @app.get("/api/v1/meetings/{doc_id}", tags=["minutes"])
    def meeting(doc_id: str, who: Caller = Depends(caller)) -> dict[str, Any]:
        found = meeting_of(who.user, doc_id)
        return {
            "id": doc_id,
            "label": found.label,
            "place": found.city_full or found.city,
            "meeting": found.meeting,
            "date": found.date,
            "date_shown": found.shown_date,
            "date_as_written": found.date_as_written,
            "chair": found.chair,
            "doc_number": found.doc_number,
            "provenance": found.provenance,
            "items": [
                {"n": it.item, "heading": it.heading, "link": f"/api/v1/meetings/{doc_id}/items/{it.item}"}
                for it in found.items
            ],
        }

    @app.get("/api/v1/meetings/{doc_id}/items/{n}", tags=["minutes"])
    def item(doc_id: str, n: int, who: Caller = Depends(caller)) -> dict[str, Any]:
        found = meeting_of(who.user, doc_id)
        chosen = next((it for it in found.items if it.item == n), None)
        if chosen is None:
            raise ApiError(404, f"这份纪要没有议题 {n}", "not_found_error")
        return {
            "meeting": found.label,
            "date": found.date,
            "n": chosen.item,
            "heading": chosen.heading,
            "text": chosen.text_as_written or chosen.text,
            "reporters": [r.as_written for r in chosen.reporters],
            "decisions": chosen.decisions,
        }

    def own_turns(user: User, conversation_id: str):
        if not service.owns_conversation(user, conversation_id):
            raise ApiError(404, "没有这个对话", "not_found_error")  # another user's looks like none at all
        return service.turns(user, conversation_id)

    @app.get("/api/v1/conversations", tags=["conversations"])
    def conversations(who: Caller = Depends(caller)) -> list[dict[str, Any]]:
        return [
            {"id": c.id, "title": c.title, "updated_at": c.updated_at, "questions": c.questions}
            for c in service.conversations_of(who.user)
        ]

    @app.get("/api/v1/conversations/{conversation_id}", tags=["conversations"])
    def conversation(conversation_id: str, who: Caller = Depends(caller)) -> dict[str, Any]:
        turns = own_turns(who.user, conversation_id)
        return {
            "id": conversation_id,
            "turns": [answer_json(t, conversation_id) for t in turns],
        }

    @app.get("/api/v1/conversations/{conversation_id}/export", tags=["conversations"])
    def export(conversation_id: str, format: str = "docx", who: Caller = Depends(caller)) -> Response:
        if format not in FORMATS:
            raise ApiError(422, f"未知格式 {format}：可选 {'、'.join(FORMATS)}")
        turns = own_turns(who.user, conversation_id)
        data = service.export(who.user, turns, format)
        name = file_name(turns, format, whole_conversation=True)
        return Response(data, media_type=MEDIA_TYPES[format], headers=_attachment(name))

    _document_routes(app, service, config, caller)


MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "md": "text/markdown; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
}


def _attachment(name: str) -> dict[str, str]:
    from urllib.parse import quote

    return {"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"}


def _document_routes(app: FastAPI, service: Assistant, config: Config, caller) -> None:
    per_file = int(config.data.max_file_mb * 1024 * 1024)

    def multipart_only(request: Request) -> None:
        if not (request.headers.get("content-type") or "").startswith("multipart/form-data"):
            raise ApiError(415, "上传须为 multipart/form-data（字段 files，可多个；可选字段 place）")

    @app.post(
        "/api/v1/documents", tags=["documents"], status_code=202, dependencies=[Depends(multipart_only)]
    )
    async def upload(
        files: list[UploadFile] = File(..., description="minutes: txt, docx, pdf, html"),
        place: str | None = Form(None, description="issuing government, for minutes that never name it"),
        who: Caller = Depends(caller),
    ) -> dict[str, Any]:
        """Start a background import (editors and admins); poll GET /api/v1/jobs/{id}."""
        service.require(who.user, "upload")
        payload = []
        for upload_file in files:
            data = await upload_file.read(per_file + 1)
            if len(data) > per_file:
                raise ApiError(413, f"{upload_file.filename}：超过 {config.data.max_file_mb:g} MB")
            payload.append((upload_file.filename or "upload", data))
        job = service.start_upload(who.user, payload, (place or "").strip() or None)
        return {"job_id": job.id, "files": job.files, "link": f"/api/v1/jobs/{job.id}"}

    @app.get("/api/v1/jobs/{job_id}", tags=["documents"])
    def job(job_id: str, who: Caller = Depends(caller)) -> dict[str, Any]:
        found = service.job(who.user, job_id)
        if found is None:
            raise ApiError(404, "没有这个导入任务", "not_found_error")
        files = found.report.files if found.report else []
        return {
            "id": found.id,
            "finished": found.finished,
            "stage": found.stage,
            "done": found.done,
            "total": found.total,
            "error": found.error,
            "files": [
                {
                    "source": f.source,
                    "status": f.status,
                    "message": f.message,
                    "meeting": f.meeting,
                    "items": f.n_items,
                }
                for f in files
            ],
        }
