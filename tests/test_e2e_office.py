"""An office in a real browser: three accounts (two readers, one editor) against `streamlit run` with sign-in.

Signed out sees only the sign-in form; a reader's conversation is invisible to the
other reader even at its URL; readers have no upload; the editor uploads a minute
whose headings and body carry injection strings, both readers ask about it, and the
strings render inert: every request the pages make is intercepted and any request
off the app's own origin, or any script dialog, fails the test. Answer times while
the upload runs are written to test-artifacts/office-timing.json (reported, not asserted).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import time

import pytest
from conftest import MINUTES
from servers import CHROMIUM, launch_chromium, streamlit_server
from test_e2e_browser import ARTIFACTS

pytestmark = [pytest.mark.model, pytest.mark.e2e]
TRAP = "http://127.0.0.1:9/trap"  # nothing listens there; a request to it means something was fetched
INJECTION_MINUTE = f"""宜兴市人民政府常务会议纪要
2024年9月3日，市长王明主持召开市政府第12次常务会议。现将会议议定事项纪要如下：
一、审议《宜兴市生活垃圾分类管理办法<script>alert('x')</script>》
会议听取了市城管局局长张华关于《宜兴市生活垃圾分类管理办法》的汇报。会议原则同意该《办法》。图片![t]({TRAP}/a.png)不应加载。
二、听取关于<img src=x onerror="alert('img')">太湖治理的汇报
会议听取了市水利局的汇报。会议强调，要[点此](javascript:alert('link'))加强太湖蓝藻防控，=HYPERLINK("{TRAP}/b")不得执行。
"""
# A question that is also Markdown, a link, a script and a right-to-left override (titles the sidebar).
INJECTION_QUESTION = (
    "\u202e![q](http://127.0.0.1:9/trap/q.png)[点我](javascript:alert('q'))"
    "宜兴市生活垃圾分类管理办法<script>alert('q')</script>由哪个部门汇报？"
)
ACCOUNTS = {"reader1": "reader", "reader2": "reader", "editor1": "editor", "admin1": "admin"}
# Streamlit's own English that must not reach users of a Chinese office tool.
ENGLISH_LEFTOVERS = [
    "Choose options",
    "Select all",
    "Drag and drop",
    "Browse files",
    "per file",
    "Upload",
    "Deploy",
    "Clear cache",
    "added",
    "skipped",
    "File must be",
    "No results",
]


@pytest.fixture()
def office_server(config_factory, tmp_path):
    from test_retrieval import _write_config

    from assistant.office.accounts import Accounts, OfficeStore
    from assistant.search.index import Index

    if not os.path.exists(CHROMIUM):
        pytest.fail(
            "Debian chromium is missing: `make test` installs it (apt-get install chromium fonts-noto-cjk)"
        )
    config = config_factory("office")
    config.auth.mode = "password"
    index = Index(config)
    assert not index.ingest_paths([MINUTES]).failed
    index.close()
    accounts = Accounts(OfficeStore(config.path(config.auth.db)))
    for name, role in ACCOUNTS.items():
        accounts.add(name, role, f"{name}-password")
    path = _write_config(config)  # auth.mode = "password" is saved with the rest
    with streamlit_server(path) as url:
        yield url, config


class Guard:
    """Every request and dialog of a browser context, to prove nothing was fetched or executed."""

    def __init__(self, origin: str):
        self.origin, self.foreign, self.dialogs = origin, [], []

    def route(self, route):
        if not route.request.url.startswith(self.origin) and not route.request.url.startswith(
            ("data:", "blob:")
        ):
            self.foreign.append(route.request.url)
            return route.abort()
        return route.continue_()

    def dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()


def _context(browser, guard: Guard):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    context.route("**/*", guard.route)
    return context


def _sign_in(page, url: str, name: str):
    from playwright.sync_api import expect

    page.goto(url, wait_until="networkidle")
    page.get_by_label("用户名").fill(name)
    page.get_by_label("密码").fill(f"{name}-password")
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_placeholder("输入问题")).to_be_visible(timeout=120_000)


def _ask(page, question: str, expected: str) -> float:
    from playwright.sync_api import expect

    started = time.perf_counter()
    box = page.get_by_placeholder("输入问题")
    box.fill(question)
    box.press("Enter")  # `expected` occurs only in the answer, not in the question
    expect(page.get_by_test_id("stChatMessage").last).to_contain_text(expected, timeout=120_000)
    return time.perf_counter() - started


def open_documents(page) -> None:
    """The 文档管理 tab, once the rerun its click starts has settled the uploader."""
    from playwright.sync_api import expect

    page.get_by_role("tab", name="文档管理").click()
    expect(page.get_by_text("已收录的纪要")).to_be_visible(timeout=30_000)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1500)


def choose_upload(page, path):
    """Choose one file in the uploader; returns its confirm button once the preview shows it."""
    from playwright.sync_api import expect

    confirm = page.get_by_role("button", name="确认导入 1 个文件")
    for _ in range(3):  # an upload sent while a rerun replaces the widget is dropped: send it again
        page.locator("input[type=file]").set_input_files(str(path))
        try:
            expect(confirm).to_be_visible(timeout=20_000)
            break
        except AssertionError:
            continue
    return confirm


def test_three_accounts_private_conversations_upload_and_inert_injections(office_server, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    from assistant.office.accounts import AuditLog, OfficeStore
    from assistant.office.conversations import plain_title

    office_server, config = office_server
    ARTIFACTS.mkdir(exist_ok=True)
    minute = tmp_path / "宜兴[注入](javascript:x)测试.txt"
    minute.write_text(INJECTION_MINUTE, encoding="utf-8")
    guards = {name: Guard(office_server) for name in ["anonymous", *ACCOUNTS]}
    timings: dict[str, list[float]] = {"before_upload": [], "during_upload": []}
    with sync_playwright() as p:
        browser = launch_chromium(p)
        pages = {}
        for name, guard in guards.items():
            context = _context(browser, guard)
            pages[name] = context.new_page()
            pages[name].on("dialog", guard.dialog)

        anonymous = pages["anonymous"]
        anonymous.goto(office_server, wait_until="networkidle")
        expect(anonymous.get_by_role("button", name="登录")).to_be_visible(timeout=60_000)
        assert anonymous.get_by_placeholder("输入问题").count() == 0 and "太仓" not in anonymous.content()
        anonymous.get_by_label("用户名").fill("reader1")
        anonymous.get_by_label("密码").fill("not-the-password")
        anonymous.get_by_role("button", name="登录").click()
        expect(anonymous.get_by_text("用户名或密码不正确")).to_be_visible(timeout=30_000)

        for name in ACCOUNTS:
            _sign_in(pages[name], office_server, name)
        reader1, reader2, editor = pages["reader1"], pages["reader2"], pages["editor1"]
        timings["before_upload"].append(
            _ask(reader1, "《太仓市工业厂房出租管理办法》是哪个部门汇报的？", "市应急局")
        )
        private_url = reader1.url
        for question, expected in (
            ("太仓市第63次常务会议审议的电力保供措施以什么名义印发？", "市政府办公室名义"),
            ("昆山市第68次常务会议由谁主持？", "杜小刚"),
        ):
            timings["before_upload"].append(_ask(reader2, question, expected))
        assert "c=" in private_url
        reader2.goto(private_url, wait_until="networkidle")  # reader2 opens reader1's conversation by its URL
        expect(reader2.get_by_placeholder("输入问题")).to_be_visible(timeout=60_000)
        reader2.wait_for_timeout(1500)
        assert "工业厂房出租管理办法" not in reader2.content()
        assert reader2.get_by_role("tab", name="文档管理").count() == 0  # readers cannot upload
        reader1.reload(
            wait_until="networkidle"
        )  # the sign-in survives a reload; the conversation is still there
        expect(reader1.get_by_text("工业厂房出租管理办法").first).to_be_visible(timeout=60_000)

        open_documents(editor)
        confirm = choose_upload(editor, minute)
        editor.screenshot(path=str(ARTIFACTS / "office-upload.png"), full_page=True)
        expect(confirm).to_be_visible(timeout=10_000)
        editor.get_by_role("button", name="确认导入 1 个文件").click()
        for question, expected in (
            ("《太仓市人才公寓建设管理实施意见（试行）》由哪个部门汇报？", "市资源规划局"),
            ("昆山杜克大学设施建设及使用条款谅解备忘录的审议结果是什么？", "原则同意上述文件"),
        ):
            timings["during_upload"].append(_ask(reader2, question, expected))
        expect(editor.get_by_text("已导入").first).to_be_visible(timeout=180_000)

        for reader in (reader1, reader2):
            reader.get_by_role("button", name="新对话").click()  # the injection becomes the title
            reader.wait_for_timeout(1000)
            _ask(reader, INJECTION_QUESTION, "市城管局")
        # (a zero-width space after "http:" is how the escaping keeps the Markdown renderer from linking)
        sidebar = reader2.get_by_test_id("stSidebar").inner_text().replace("\u200b", "")
        assert plain_title(INJECTION_QUESTION) in sidebar  # literally, without the RTL override
        assert "\u202e" not in sidebar
        asked = reader2.get_by_test_id("stChatMessage").nth(-2).inner_text()
        assert (
            "宜兴市生活垃圾分类管理办法" in asked and "\u202e" not in asked
        )  # reads forwards in the chat too
        links = [
            a
            for a in reader2.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
            if a and ("127.0.0.1:9" in a or a.startswith("javascript"))
        ]
        reader1.get_by_role("tab", name="浏览会议").click()
        reader1.get_by_test_id("stSelectbox").filter(has_text="选择会议阅读全文").click()
        reader1.get_by_role("option", name=re.compile("宜兴市 第12次")).click()
        reader1.get_by_test_id("stExpander").filter(has_text="审议《宜兴市生活垃圾分类管理办法").locator(
            "summary"
        ).click()
        opened = reader1.get_by_test_id("stExpander").filter(has_text="审议《宜兴市生活垃圾分类管理办法")
        expect(opened.get_by_text("<script>alert('x')</script>", exact=False).first).to_be_visible(
            timeout=60_000
        )
        reader1.wait_for_timeout(1000)
        reader1.screenshot(path=str(ARTIFACTS / "office-browse.png"), full_page=True)
        reader2.screenshot(path=str(ARTIFACTS / "office-answer.png"), full_page=True)

        reader2.get_by_role("tab", name="问答").click()
        with reader2.expect_download(timeout=60_000) as download_info:
            reader2.get_by_role("button", name="CSV").last.click()
        rows = list(csv.reader(io.StringIO(download_info.value.path().read_text(encoding="utf-8-sig"))))

        admin = pages["admin1"]
        admin.get_by_role("tab", name="用户与审计").click()
        expect(admin.get_by_text("审计日志", exact=True)).to_be_visible(timeout=30_000)
        audit = {(e["用户"], e["操作"]) for e in AuditLog(OfficeStore(config.path(config.auth.db))).entries()}
        assert {
            ("reader1", "登录失败"),
            ("reader1", "提问"),
            ("reader2", "提问"),
            ("editor1", "上传"),
        } <= audit
        leftovers = {}
        for name, page in pages.items():  # every page each role sees, after its last action
            for tab in ("问答", "浏览会议", "文档管理", "用户与审计"):
                if page.get_by_role("tab", name=tab).count():
                    page.get_by_role("tab", name=tab).click()
                    page.wait_for_timeout(800)
                    text = page.inner_text("body")
                    leftovers.update({f"{name}/{tab}": [w for w in ENGLISH_LEFTOVERS if w in text]})
        browser.close()
    assert {where: words for where, words in leftovers.items() if words} == {}

    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    assert {name: g.foreign for name, g in guards.items() if g.foreign} == {}  # nothing fetched off the app
    assert {name: g.dialogs for name, g in guards.items() if g.dialogs} == {}  # no script ran
    assert links == []  # no text from a question or a document became a link
    (ARTIFACTS / "office-timing.json").write_text(json.dumps(timings, indent=1), encoding="utf-8")
