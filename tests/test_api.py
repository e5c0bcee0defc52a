"""The HTTP API against a real uvicorn server in its own process, called as office systems would.

The openai Python client (plain and streaming) gets a cited answer; REST ask, meetings, items,
conversations, export and upload-with-job work; roles apply as in the browser (a reader's key
cannot upload), another user's conversation does not exist for you, revoked and bad keys get 401,
the rate limit 429, and bad input a JSON 4xx that names the problem — never a traceback.
"""

from __future__ import annotations

import io
import sys
import time

import httpx
import pytest
from conftest import MINUTES
from servers import free_port, start, stop, wait_healthy

pytestmark = [pytest.mark.model]
RATE = 40


@pytest.fixture(scope="module")
def api(config_factory):
    from test_retrieval import _write_config

    from assistant.search.index import Index
    from assistant.service import LOCAL_USER, Assistant

    config = config_factory("api")
    config.auth.mode = "password"
    config.api.rate_per_minute = RATE
    index = Index(config)
    assert not index.ingest_paths([MINUTES]).failed
    index.close()
    admin = Assistant(None, config)
    keys = {}
    for name, role in {"reader1": "reader", "reader2": "reader", "editor1": "editor"}.items():
        admin.add_user(LOCAL_USER, name, role, f"{name}-password")
        keys[name] = admin.issue_api_key(LOCAL_USER, name)[1]
    keys["hammer"] = admin.issue_api_key(LOCAL_USER, "reader2")[1]
    revoked, keys["revoked"] = admin.issue_api_key(LOCAL_USER, "reader2")
    admin.revoke_api_key(LOCAL_USER, revoked.id)
    port = free_port()
    path = _write_config(config)
    process = start(
        [sys.executable, "-m", "assistant", "--config", str(path), "serve-api", "--port", str(port)], "api"
    )
    url = f"http://127.0.0.1:{port}"
    wait_healthy(url + "/openapi.json", process, "the HTTP API")
    try:
        yield url, keys, config
    finally:
        stop(process)


def _client(url: str, key: str) -> httpx.Client:
    return httpx.Client(base_url=url, headers={"Authorization": f"Bearer {key}"}, timeout=120)


def test_the_openai_client_gets_a_cited_answer(api):
    from openai import OpenAI

    url, keys, _ = api
    client = OpenAI(base_url=url + "/v1", api_key=keys["reader1"])
    assert [m.id for m in client.models.list()] == ["minutes-assistant"]
    reply = client.chat.completions.create(
        model="minutes-assistant",
        messages=[{"role": "user", "content": "《太仓市工业厂房出租管理办法》是哪个部门汇报的？"}],
    )
    content = reply.choices[0].message.content
    assert "市应急局" in content.split("\n")[0] and "[1]" in content and "来源：" in content
    first = reply.model_extra["citations"][0]
    assert (first["place"], first["meeting"], first["date"]) == ("太仓市", 60, "2021-08-20")


def test_streaming_chat_answers_a_follow_up_from_the_earlier_messages(api):
    from openai import OpenAI

    url, keys, _ = api
    client = OpenAI(base_url=url + "/v1", api_key=keys["reader1"])
    stream = client.chat.completions.create(
        model="minutes-assistant",
        stream=True,
        messages=[
            {"role": "user", "content": "太仓市第63次常务会议审议了哪些文件？"},
            {"role": "assistant", "content": "（上一轮的回答）"},
            {"role": "user", "content": "电力保供措施以什么名义印发？"},
        ],
    )
    chunks = list(stream)
    content = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert "市政府办公室名义" in content
    assert chunks[-1].choices[0].finish_reason == "stop"
    assert chunks[-1].model_extra["citations"][0]["meeting"] == 63


def test_rest_ask_meetings_item_conversation_and_export(api):
    url, keys, _ = api
    with _client(url, keys["reader1"]) as http:
        answer = http.post("/api/v1/ask", json={"question": "昆山市第68次常务会议由谁主持？"}).json()
        assert "杜小刚" in answer["lead"] and answer["answerable"]
        citation = answer["citations"][0]
        assert citation["place"] == "昆山市" and citation["meeting"] == 68
        item = http.get(citation["link"]).json()
        assert item["heading"] and item["text"]
        follow = http.post(
            "/api/v1/ask", json={"question": "第63次呢？", "conversation_id": answer["conversation_id"]}
        ).json()
        assert (
            follow["conversation_id"] == answer["conversation_id"] and "63" in follow["interpreted_question"]
        )
        meetings = http.get("/api/v1/meetings").json()
        assert {(m["place"], m["meeting"]) for m in meetings} >= {("昆山市", 68), ("太仓市", 63)}
        one = http.get(f"/api/v1/meetings/{meetings[0]['id']}").json()
        assert one["items"] and one["items"][0]["link"].startswith("/api/v1/meetings/")
        listed = http.get("/api/v1/conversations").json()
        assert answer["conversation_id"] in {c["id"] for c in listed}
        turns = http.get(f"/api/v1/conversations/{answer['conversation_id']}").json()["turns"]
        assert [t["question"] for t in turns] == ["昆山市第68次常务会议由谁主持？", "第63次呢？"]
        docx = http.get(
            f"/api/v1/conversations/{answer['conversation_id']}/export", params={"format": "docx"}
        )
        assert docx.status_code == 200 and docx.content[:2] == b"PK"
        csv = http.get(f"/api/v1/conversations/{answer['conversation_id']}/export", params={"format": "csv"})
        assert "杜小刚" in csv.content.decode("utf-8-sig")
    with _client(url, keys["reader2"]) as other:  # someone else's conversation does not exist for you
        missing = other.get(f"/api/v1/conversations/{answer['conversation_id']}")
        assert missing.status_code == 404 and "error" in missing.json()
        asked = other.post(
            "/api/v1/ask", json={"question": "谁汇报的？", "conversation_id": answer["conversation_id"]}
        )
        assert asked.status_code == 404


def test_an_editor_uploads_and_follows_the_job_a_reader_may_not(api):
    url, keys, _ = api
    minute = (
        "宜兴市人民政府常务会议纪要\n2024年9月3日，市长王明主持召开市政府第12次常务会议。\n"
        "一、审议《宜兴市河道保洁办法》\n会议听取了市水利局的汇报。会议原则同意该《办法》。\n"
    )
    files = {"files": ("宜兴12.txt", io.BytesIO(minute.encode("utf-8")), "text/plain")}
    with _client(url, keys["reader1"]) as reader:
        refused = reader.post("/api/v1/documents", files=files)
        assert refused.status_code == 403 and "无权" in refused.json()["error"]["message"]
    with _client(url, keys["editor1"]) as editor:
        files = {"files": ("宜兴12.txt", io.BytesIO(minute.encode("utf-8")), "text/plain")}
        started = editor.post("/api/v1/documents", files=files)
        assert started.status_code == 202
        job = started.json()
        for _ in range(240):  # polled within the key's rate limit (40 a minute), however slow the machine
            status = editor.get(job["link"]).json()
            assert "finished" in status, status
            if status["finished"]:
                break
            time.sleep(2)
        assert status["files"][0]["status"] == "added" and status["files"][0]["items"] == 1
        assert editor.get(job["link"].replace(job["job_id"], "nope")).status_code == 404
        wrong = editor.post("/api/v1/documents", json={"files": "x"})
        assert wrong.status_code == 415


def test_keys_bad_revoked_and_missing_get_401(api):
    url, keys, _ = api
    for headers in (
        {},
        {"Authorization": "Bearer mka_00000000_guess"},
        {"Authorization": f"Bearer {keys['revoked']}"},
    ):
        response = httpx.get(url + "/api/v1/meetings", headers=headers)
        assert response.status_code == 401 and response.json()["error"]["type"] == "authentication_error"


def test_the_rate_limit_answers_429_per_key(api):
    url, keys, _ = api
    with _client(url, keys["hammer"]) as http:
        codes = [http.get("/v1/models").status_code for _ in range(RATE + 1)]
        assert codes[:RATE] == [200] * RATE and codes[RATE] == 429
        assert int(http.get("/v1/models").headers["Retry-After"]) > 0
    with _client(url, keys["reader2"]) as other:  # another key of the same user is not slowed
        assert other.get("/v1/models").status_code == 200


@pytest.mark.parametrize(
    "body,content_type,status",
    [
        ({"question": "   "}, None, 422),
        ({"question": "问" * 20000}, None, 422),
        ({"question": "谁主持？", "filters": {"planet": "火星"}}, None, 422),
        ({"question": "谁主持？", "filters": {"date_from": "昨天"}}, None, 422),
        (b'{"question": "unterminated', "application/json", 422),
        (b"question=x", "text/plain", 422),
    ],
)
def test_bad_input_gets_a_json_4xx_naming_the_problem(api, body, content_type, status):
    url, keys, _ = api
    with _client(url, keys["reader2"]) as http:
        if content_type:
            response = http.post("/api/v1/ask", content=body, headers={"Content-Type": content_type})
        else:
            response = http.post("/api/v1/ask", json=body)
    assert response.status_code == status
    message = response.json()["error"]["message"]
    assert message and "Traceback" not in response.text


def test_injection_strings_come_back_as_data_and_every_call_is_audited(api):
    from assistant.office.accounts import AuditLog, OfficeStore

    url, keys, config = api
    question = '宜兴<script>alert(1)</script>![x](http://127.0.0.1:9/q.png)=HYPERLINK("x")谁主持？'
    with _client(url, keys["reader2"]) as http:
        answer = http.post("/api/v1/ask", json={"question": question}).json()
    assert answer["question"] == question
    entries = AuditLog(OfficeStore(config.path(config.auth.db))).entries()
    assert any(e["操作"] == "API调用" and "/api/v1/ask" in e["内容"] for e in entries)
