"""Serving an office: accounts, roles, private conversations, audit, exports and the CLI around them."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import time

import pytest
from conftest import ROOT

from assistant.answering.cited import CitedAnswer
from assistant.config import load_config
from assistant.office.accounts import (
    LOCAL_USER,
    Accounts,
    AuditLog,
    AuthError,
    OfficeStore,
    User,
    verify_password,
)
from assistant.office.conversations import ConversationStore, Turn
from assistant.office.export import export_turns as export
from assistant.office.export import file_name


@pytest.fixture()
def office(tmp_path):
    return OfficeStore(tmp_path / "office.sqlite")


def test_passwords_are_salted_scrypt_hashes_and_sign_in_gives_an_expiring_session(office):
    accounts = Accounts(office, session_hours=1 / 3600)  # one second
    accounts.add("张三", "reader", "correct horse")
    stored = office.conn.execute("SELECT password FROM users").fetchone()[0]
    assert stored.startswith("scrypt$") and "correct horse" not in stored
    assert verify_password("correct horse", stored) and not verify_password("wrong", stored)
    token = accounts.sign_in("张三", "correct horse")
    assert accounts.user_for(token) == User("张三", "reader")
    time.sleep(1.1)
    assert accounts.user_for(token) is None  # expired


def test_wrong_passwords_are_rate_limited_and_unknown_users_look_the_same(office):
    accounts = Accounts(office, max_failures=3, lockout_minutes=5)
    accounts.add("李四", "editor", "a good password")
    for _ in range(3):
        with pytest.raises(AuthError, match="用户名或密码不正确"):
            accounts.sign_in("李四", "nope", "10.0.0.66")
    with pytest.raises(AuthError, match="登录失败次数过多"):
        accounts.sign_in("李四", "a good password", "10.0.0.66")  # locked even with the right password
    with pytest.raises(AuthError, match="用户名或密码不正确"):
        accounts.sign_in("nobody", "whatever")


def test_a_stranger_guessing_locks_only_their_own_address_and_an_admin_unlocks_it(office):
    from assistant.service import LOCAL_USER, Assistant

    service = Assistant(None, load_config(), office)
    service.accounts.max_failures = 3
    service.add_user(LOCAL_USER, "管理员甲", "admin", "admin-password")
    for _ in range(4):
        with pytest.raises(AuthError):
            service.sign_in("管理员甲", "guess", "203.0.113.9")
    assert service.sign_in("管理员甲", "admin-password", "10.0.0.5")  # the admin's own machine still works
    with pytest.raises(AuthError, match="登录失败次数过多"):
        service.sign_in("管理员甲", "admin-password", "203.0.113.9")
    [lock] = service.sign_in_locks(LOCAL_USER)
    assert (lock.name, lock.address, lock.failures) == ("管理员甲", "203.0.113.9", 3)
    service.unlock_user(LOCAL_USER, "管理员甲")
    assert service.sign_in_locks(LOCAL_USER) == []
    assert service.sign_in("管理员甲", "admin-password", "203.0.113.9")
    actions = [(e["操作"], e["内容"]) for e in service.audit_entries(LOCAL_USER)]
    assert ("登录锁定", "203.0.113.9：3 次密码错误") in actions
    assert ("解除锁定", "管理员甲") in actions


def test_admins_change_roles_but_not_their_own_and_passwords_cannot_be_only_spaces(office):
    from assistant.service import LOCAL_USER, Assistant

    service = Assistant(None, load_config(), office)
    with pytest.raises(AuthError, match="不能全是空格"):
        service.add_user(LOCAL_USER, "空格", "reader", " " * 8)
    admin = service.add_user(LOCAL_USER, "管理员乙", "admin", "admin-password")
    service.add_user(LOCAL_USER, "读者丙", "reader", "reader-password")
    service.set_role(admin, "读者丙", "editor")
    assert {u.name: u.role for u in service.users(admin)}["读者丙"] == "editor"
    with pytest.raises(AuthError, match="不能更改自己的角色"):
        service.set_role(admin, "管理员乙", "reader")
    with pytest.raises(AuthError, match="不能删除自己的账户"):
        service.remove_user(admin, "管理员乙")
    actions = [e["操作"] for e in service.audit_entries(admin)]
    assert "更改角色" in actions


def test_roles_grant_what_the_issue_lists(office):
    reader, editor, admin = User("r", "reader"), User("e", "editor"), User("a", "admin")
    assert reader.can("ask") and reader.can("export") and not reader.can("upload")
    assert editor.can("upload") and editor.can("reparse") and not editor.can("remove")
    assert admin.can("remove") and admin.can("users") and admin.can("audit")
    with pytest.raises(AuthError):
        Accounts(office).add("x", "superuser", "password123")
    with pytest.raises(AuthError):
        Accounts(office).add("y", "reader", "short")


def test_a_conversation_is_visible_only_to_its_owner_and_ids_are_not_guessable(office):
    conversations = ConversationStore(office)
    mine = conversations.create("太仓市第60次常务会议审议了哪些文件？", "reader1")
    other = conversations.create("问题", "reader1")
    assert len(mine) >= 16 and mine != other and not mine.isdigit()
    conversations.add_turn(mine, "reader1", Turn("问", "问", CitedAnswer("问", "答", True)))
    assert [t.question for t in conversations.turns(mine, "reader1")] == ["问"]
    assert conversations.turns(mine, "reader2") == [] and not conversations.owns(mine, "reader2")
    assert [c.id for c in conversations.list("reader2")] == []
    with pytest.raises(PermissionError):
        conversations.add_turn(mine, "reader2", Turn("x", "x", CitedAnswer("x", "", False)))
    assert conversations.delete(mine, "reader2") is False and conversations.owns(mine, "reader1")
    assert conversations.delete(mine, "reader1") is True


def test_the_audit_log_exports_csv_without_formula_cells(office):
    audit = AuditLog(office)
    audit.record("张三", "提问", '=HYPERLINK("http://x")')
    audit.record("李四", "登录失败")
    rows = list(csv.reader(io.StringIO(audit.to_csv().decode("utf-8-sig"))))
    assert rows[0] == ["时间", "用户", "操作", "内容"]
    assert {r[2] for r in rows[1:]} == {"提问", "登录失败"}
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


TURN = Turn(
    "=cmd|' /C calc'!A0 太仓市人才公寓？",
    "",
    CitedAnswer.from_dict(
        {
            "answer": "+SUM(A1) 由市资源规划局汇报。[1]",
            "answerable": True,
            "citations": [
                {
                    "n": 1,
                    "city": "太仓",
                    "city_full": "太仓市",
                    "meeting": 60,
                    "date": "2021-08-20",
                    "item": 2,
                    "heading": "@审议《…》",
                    "text": "-会议原则同意该《意见》。",
                }
            ],
        }
    ),
)


def test_csv_export_neutralises_formula_cells():
    data, _ = export([TURN], "csv")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    assert rows[1][0] == "'=cmd|' /C calc'!A0 太仓市人才公寓？"  # kept, shown literally


def test_word_export_is_a4_with_chinese_fonts_author_and_date():
    import docx
    from docx.oxml.ns import qn

    data, _ = export([TURN], "docx", author="张三")
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    fonts = document.styles["Normal"].element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "仿宋"
    props = document.core_properties
    assert props.author == "张三" and props.title.startswith("=cmd")
    assert props.created.year >= 2026
    assert any("〔太仓市政府第60次常务会议纪要 2021-08-20 · 议题二〕" in p.text for p in document.paragraphs)


def test_one_answer_and_a_whole_conversation_export_under_different_names():
    one = file_name([TURN], "docx", whole_conversation=False)
    whole = file_name([TURN, TURN], "docx", whole_conversation=True)
    assert (
        one != whole
        and one.startswith("纪要问答_")
        and whole.startswith("纪要对话_")
        and whole.endswith("_2问.docx")
    )
    assert "/" not in one and "|" not in one


def _cli(*args, stdin: str = "", config=None):
    cmd = [sys.executable, "-m", "assistant", *(["--config", str(config)] if config else []), *args]
    return subprocess.run(cmd, input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_users_cli_adds_lists_changes_and_removes_accounts(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text(f'[auth]\nmode = "password"\ndb = "{tmp_path / "office.sqlite"}"\n', encoding="utf-8")
    assert (
        _cli(
            "users",
            "add",
            "王五",
            "--role",
            "editor",
            "--password-stdin",
            stdin="s3cret-pass\n",
            config=config,
        ).returncode
        == 0
    )
    listed = _cli("users", "list", config=config)
    assert "王五\teditor" in listed.stdout
    assert (
        _cli("users", "add", "王五", "--password-stdin", stdin="another-pass\n", config=config).returncode
        == 1
    )
    assert (
        _cli("users", "passwd", "王五", "--password-stdin", stdin="new-password\n", config=config).returncode
        == 0
    )
    accounts = Accounts(OfficeStore(tmp_path / "office.sqlite"))
    assert accounts.sign_in("王五", "new-password")
    assert _cli("users", "remove", "王五", config=config).returncode == 0
    assert _cli("users", "remove", "王五", config=config).returncode == 1


@pytest.mark.model
def test_cli_exit_codes_tell_failures(sample_index, tmp_path):
    from test_retrieval import _write_config

    config, _ = sample_index
    path = _write_config(config)
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    ingest = _cli("ingest", str(bad), config=path)
    assert ingest.returncode == 1 and "为空" in ingest.stdout
    remove = _cli("index", "--remove", "nosuchfile.txt", config=path)
    assert remove.returncode == 1 and "没有名为 nosuchfile.txt 的文件" in remove.stderr
    refused = _cli("ask", "昆山市第5次常务会议由谁主持？", config=path)
    assert refused.returncode == 1 and "没有第5次" in refused.stdout
    assert _cli("ask", "太仓市第60次常务会议由谁主持？", config=path).returncode == 0


def test_every_cli_option_has_help_text():
    import argparse

    from assistant.cli.main import build_parser

    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    missing = [
        f"{name} {action.dest}"
        for name, sub in commands.choices.items()
        for action in sub._actions
        if not isinstance(action, argparse._HelpAction) and not action.help
    ]
    assert missing == []


@pytest.mark.model
def test_backup_and_restore_bring_back_the_index_and_the_accounts(config_factory, tmp_path):
    from test_retrieval import _write_config

    from assistant.search.index import Index

    config = config_factory("backup")
    index = Index(config)
    index.ingest_paths([ROOT / "data" / "minutes" / "003_987b33caa3b9b61e.txt"])
    index.close()
    Accounts(OfficeStore(config.path(config.auth.db))).add("赵六", "admin", "password-1")
    path = _write_config(config)
    assert _cli("index", "--backup", str(tmp_path / "bk"), config=path).returncode == 0
    (config.index_dir / "store.sqlite").write_bytes(b"this is not a database" * 100)
    broken = _cli("index", "--status", config=path)
    assert broken.returncode != 0 and "数据库已损坏" in broken.stderr and "Traceback" not in broken.stderr
    assert _cli("index", "--restore", str(tmp_path / "bk"), config=path).returncode == 0
    status = _cli("index", "--status", "--json", config=path)
    assert status.returncode == 0 and '"documents": 1' in status.stdout
    assert Accounts(OfficeStore(config.path(config.auth.db))).get("赵六") == User("赵六", "admin")


def test_local_mode_user_is_a_single_admin():
    assert LOCAL_USER.role == "admin" and LOCAL_USER.can("remove")


@pytest.mark.model
def test_a_reparse_is_audited_once_as_a_reparse(config_factory):
    from assistant.answering.retrieval import Retriever
    from assistant.search.index import Index
    from assistant.service import Assistant

    config = config_factory("reparse")
    index = Index(config)
    index.ingest_paths([ROOT / "data" / "minutes" / "003_987b33caa3b9b61e.txt"])
    assistant = Assistant(Retriever(index, config), config)
    doc_id = next(iter(assistant.retriever.meetings))
    report = assistant.reparse(LOCAL_USER, doc_id)
    assert [f.status for f in report.files] == ["replaced"]
    assert [e["操作"] for e in assistant.audit.entries()] == ["重新解析"]


def test_a_saved_config_reads_back_to_the_same_settings_from_any_folder(tmp_path):
    """save_config writes every setting (paths absolute), so tests and bench-ui never edit config.toml text."""
    from dataclasses import asdict

    from assistant.config import load_config, save_config

    config = load_config(ROOT / "config.toml")
    config.auth.mode, config.answer.max_sentences = "password", 3
    copy = load_config(save_config(config, tmp_path / "elsewhere.toml"))
    assert copy.auth.mode == "password" and copy.answer.max_sentences == 3
    assert copy.index_dir == config.index_dir and copy.path(copy.auth.db) == config.path(config.auth.db)
    assert [copy.path(d) for d in copy.data.sample_dirs] == [config.path(d) for d in config.data.sample_dirs]
    assert asdict(copy.retrieval) == asdict(config.retrieval)


def test_many_threads_write_the_office_database_at_once_without_losing_a_record(tmp_path):
    """API workers and browser sessions share one connection: transactions must not interleave."""
    from concurrent.futures import ThreadPoolExecutor

    from assistant.office.accounts import AuditLog, OfficeStore

    audit = AuditLog(OfficeStore(tmp_path / "office.sqlite"))
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda n: audit.record(f"user{n % 4}", "API调用", f"call {n}"), range(400)))
    assert len(audit.entries(limit=1000)) == 400


@pytest.mark.model
def test_a_background_upload_lands_from_its_child_process_and_readers_then_find_it(config_factory):
    """The browser's upload path: a low-priority child process ingests, progress reaches the job,
    a bad file is reported while the good one lands, and the readers' index is swapped for the new one."""
    from conftest import MINUTES

    from assistant.app import open_assistant
    from assistant.search.index import Index

    config = config_factory("child-ingest")
    index = Index(config)
    assert not index.ingest_paths([MINUTES / "000_783b923adbb8bd02.txt"]).failed
    index.close()
    service = open_assistant(config)
    stages = set()
    job = service.start_upload(
        LOCAL_USER,
        [
            ("taicang60.txt", (MINUTES / "003_987b33caa3b9b61e.txt").read_bytes()),
            ("broken.docx", b"PK\x03\x04not a docx"),
        ],
    )
    deadline = time.time() + 300
    while not job.finished and time.time() < deadline:
        stages.add(job.stage)
        time.sleep(0.05)
    assert job.error == "" and job.report is not None
    assert {f.source: f.status for f in job.report.files} == {
        "taicang60.txt": "added",
        "broken.docx": "failed",
    }
    assert "加载模型" in stages  # progress came over from the child
    answer = service.ask(LOCAL_USER, "《太仓市人才公寓建设管理实施意见（试行）》由哪个部门汇报？").answer
    assert "市资源规划局" in answer.text and "第60次" in answer.text
    assert ("本机用户", "上传") in {(e["用户"], e["操作"]) for e in service.audit.entries()}


def test_the_cli_index_listing_says_what_a_minute_does_not_print():
    from assistant.cli.commands import _meeting_line

    bare = {"city": None, "meeting": None, "date": None}
    assert _meeting_line(bare) == "（地区未写明） （未编号） （日期未写明）"  # not "None 第None次 None"
    assert _meeting_line({"city": "太仓", "meeting": 60, "date": "2021-08-20"}) == "太仓 第60次 2021-08-20"
