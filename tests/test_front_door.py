"""One front door: clients reach the pipeline only through the service, which checks every role."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys

import pytest
from conftest import ROOT

from assistant.office.accounts import User
from assistant.service import Assistant, Filters, Forbidden

# What a client may import from the package: the boot path, the service (with its re-exported types), config.
CLIENT_MAY_IMPORT = {"assistant.app", "assistant.service", "assistant.config"}
CLIENTS = [ROOT / "streamlit_app.py", ROOT / "assistant" / "cli" / "commands.py"]


def _assistant_imports(path) -> set[str]:
    """Every `assistant…` module a file imports (relative imports resolved against its package)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            found.add(module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m == "assistant" or m.startswith("assistant.")}


def test_the_browser_imports_nothing_below_the_service():
    imports = _assistant_imports(ROOT / "streamlit_app.py")
    assert imports and imports <= CLIENT_MAY_IMPORT, imports - CLIENT_MAY_IMPORT


def test_the_http_api_imports_nothing_below_the_service():
    for path in sorted((ROOT / "assistant" / "api").glob("*.py")):
        imports = {m for m in _assistant_imports(path) if not m.startswith("assistant.api")}
        assert imports <= CLIENT_MAY_IMPORT, (path.name, imports - CLIENT_MAY_IMPORT)


def test_the_cli_asks_through_the_service():
    """`ask` must not call the answering step directly (it would skip follow-ups, the LLM path and audit)."""
    imports = _assistant_imports(ROOT / "assistant" / "cli" / "commands.py")
    assert "assistant.answering.answer" not in imports and "assistant.service" in imports


@pytest.fixture()
def service(tmp_path):
    """A service over an empty retriever stand-in: role checks happen before any work is done."""
    from assistant.config import load_config

    config = load_config()
    config.auth.db = str(tmp_path / "office.sqlite")
    return Assistant(retriever=None, config=config)


@pytest.mark.parametrize(
    "call",
    [
        lambda s, u: s.start_upload(u, [("a.txt", b"x")]),
        lambda s, u: s.add_uploads(u, [("a.txt", b"x")]),
        lambda s, u: s.preview_uploads(u, [("a.txt", b"x")]),
        lambda s, u: s.reparse(u, "doc"),
        lambda s, u: s.remove_document(u, "a.txt"),
        lambda s, u: s.users(u),
        lambda s, u: s.add_user(u, "新人", "admin", "a long password"),
        lambda s, u: s.remove_user(u, "admin"),
        lambda s, u: s.set_password(u, "admin", "a long password"),
        lambda s, u: s.audit_entries(u),
        lambda s, u: s.audit_csv(u),
        lambda s, u: s.interrupted_ingest(u),
    ],
)
def test_a_reader_calling_editor_or_admin_methods_is_refused(service, call):
    reader = User("读者甲", "reader")
    with pytest.raises(Forbidden, match="读者甲（读者）无权执行此操作"):
        call(service, reader)
    assert service.audit.entries() == []  # nothing was done, so nothing is recorded


def test_an_editor_cannot_manage_users_or_remove_documents(service):
    editor = User("编辑乙", "editor")
    for call in (lambda: service.users(editor), lambda: service.remove_document(editor, "a.txt")):
        with pytest.raises(Forbidden):
            call()


def _cli_ask(config_path, *args: str) -> subprocess.CompletedProcess:
    """`python -m assistant ask …` in a real process, over the index the config file names."""
    env = {**os.environ, "ASSISTANT_CONFIG": str(config_path)}
    command = [sys.executable, "-m", "assistant", "ask", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env, timeout=600)


@pytest.mark.model
def test_cli_ask_and_the_browser_give_the_same_answer(sample_index, retriever, monkeypatch):
    from streamlit.testing.v1 import AppTest
    from test_retrieval import _write_config

    from assistant.office.accounts import LOCAL_USER

    config, _ = sample_index
    question = "《太仓市人才公寓建设管理实施意见（试行）》由哪个部门汇报？审议结果如何？"
    path = _write_config(config)
    cli = _cli_ask(path, question, "--json")
    assert cli.returncode == 0, cli.stderr
    from_cli = json.loads(cli.stdout)
    monkeypatch.setenv("ASSISTANT_CONFIG", str(path))
    page = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=180)
    page.run()
    page.chat_input[0].set_value(question).run()
    assert not page.exception
    service = Assistant(retriever, config)
    conversation = service.conversations_of(LOCAL_USER)[0]
    from_browser = service.turns(LOCAL_USER, conversation.id)[-1].answer
    assert from_browser.text == from_cli["answer"] and from_browser.lead == from_cli["lead"]
    assert [s.label for s in from_browser.sources] == [c["label"] for c in from_cli["citations"]]
    assert "市资源规划局" in from_browser.text
    assert service.ask(LOCAL_USER, question, filters=Filters()).answer.text == from_cli["answer"]


@pytest.mark.model
def test_the_cli_reads_an_english_question_back_in_english(sample_index):
    from test_retrieval import _write_config

    config, _ = sample_index
    cli = _cli_ask(_write_config(config), "Who chaired Taicang's 59th executive meeting?")
    assert cli.returncode == 0, cli.stderr
    banner, lead = cli.stdout.splitlines()[:2]
    assert banner.startswith("[Read as: ") and "理解为" not in cli.stdout
    assert "胡卫江 (acting mayor, 代市长)" in lead
