"""Accounts and uploads in a real browser, as an office's admin and editor meet them.

A stranger on another machine (another loopback address, through a forwarder) guesses a reader's
and the admin's passwords until locked out; the reader and the admin still sign in from their own
machines; the admin sees the lock, unlocks it and resets the reader's password (the old password and
the old session stop working, the new one works); every step is in the audit log. When the server
goes away, the page says so in Chinese. An editor's
file over the size limit is refused with a Chinese reason on the page; the upload result stays on
the page after the import and the confirm button is gone, so a second click cannot import the same
file again.
"""

from __future__ import annotations

import re

import pytest
from servers import forwarded_from, launch_chromium
from test_e2e_browser import ARTIFACTS
from test_e2e_office import Guard, _context, _sign_in, choose_upload, office_server, open_documents  # noqa: F401 - the fixture

pytestmark = [pytest.mark.model, pytest.mark.e2e]
LOCKED = "登录失败次数过多"
WRONG = "用户名或密码不正确"
MINUTE = """江阴市人民政府常务会议纪要
2024年5月10日，市长李强主持召开市政府第8次常务会议。现将会议议定事项纪要如下：
一、审议《江阴市城市书房建设管理办法》
会议听取了市文体广旅局的汇报。会议原则同意该《办法》，由市文体广旅局负责实施。
"""


def _try_sign_in(page, url: str, name: str, password: str, expected: str) -> None:
    from playwright.sync_api import expect

    page.goto(url, wait_until="networkidle")
    page.get_by_label("用户名").fill(name)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_text(expected).first).to_be_visible(timeout=60_000)


def _choose(page, label: str, option: str) -> None:
    """Pick `option` in the select box labelled `label`, by typing it as a user filters the list."""
    box = page.get_by_role("combobox", name=label, exact=True)
    box.click()
    box.fill(option)
    page.get_by_role("option", name=option, exact=True).click()


def test_a_stranger_cannot_lock_others_out_and_the_admin_unlocks_and_resets(office_server):  # noqa: F811
    from playwright.sync_api import expect, sync_playwright

    from assistant.office.accounts import ROLE_NAMES, AuditLog, OfficeStore

    url, config = office_server
    ARTIFACTS.mkdir(exist_ok=True)
    attempts = config.auth.max_failed_logins
    with forwarded_from(url) as forwarder, sync_playwright() as p:
        stranger_url = forwarder.url
        browser = launch_chromium(p)
        stranger, reader, admin = (
            _context(browser, Guard(origin)).new_page() for origin in (stranger_url, url, url)
        )
        for name in ("reader1", "admin1"):
            for _ in range(attempts):
                _try_sign_in(stranger, stranger_url, name, "guessed-wrong", WRONG)
            _try_sign_in(stranger, stranger_url, name, f"{name}-password", LOCKED)  # even the right one

        _sign_in(reader, url, "reader1")  # from their own machine, neither is locked out
        _sign_in(admin, url, "admin1")
        admin.get_by_role("tab", name="用户与审计").click()
        expect(admin.get_by_text("登录锁定", exact=True)).to_be_visible(timeout=30_000)
        locks = admin.get_by_test_id("stDataFrame").filter(has_text="来源地址")
        expect(locks).to_contain_text("127.0.0.2", timeout=30_000)  # shown with the stranger's address
        _choose(admin, "解除锁定的用户", "reader1")
        admin.get_by_role("button", name="解除锁定").click()
        expect(admin.get_by_text("已解除 reader1 的登录锁定")).to_be_visible(timeout=30_000)
        _try_sign_in(stranger, stranger_url, "reader1", "guessed-wrong", WRONG)  # counting starts again
        _try_sign_in(stranger, stranger_url, "admin1", "admin1-password", LOCKED)  # still locked

        admin.get_by_role("tab", name="用户与审计").click()
        _choose(admin, "选择用户", "reader1")
        role = admin.get_by_role("combobox", name="角色", exact=True).last
        expect(role).to_have_value(ROLE_NAMES["reader"])  # the chosen user's role, not the last one shown
        expect(admin.get_by_role("button", name="更改角色")).to_be_disabled()
        admin.get_by_label("新密码").fill("a new pass 2026")
        admin.get_by_role("button", name="重置密码").click()
        expect(admin.get_by_text("已重置 reader1 的密码")).to_be_visible(timeout=30_000)
        admin.screenshot(path=str(ARTIFACTS / "admin-accounts.png"), full_page=True)

        reader.reload(wait_until="networkidle")  # the reset ended the reader's session
        expect(reader.get_by_role("button", name="登录")).to_be_visible(timeout=60_000)
        _try_sign_in(reader, url, "reader1", "reader1-password", WRONG)
        _try_sign_in(reader, url, "reader1", "a new pass 2026", "退出登录")
        expect(reader.get_by_placeholder("输入问题")).to_be_visible(timeout=60_000)

        forwarder.cut()  # the stranger's connection to the server is lost: they are told so in Chinese
        lost = stranger.get_by_test_id("stDialog")
        expect(lost).to_be_visible(timeout=60_000)
        said = lost.locator("h2, h2 + div").evaluate_all(
            "els => els.map(e => [getComputedStyle(e).fontSize, getComputedStyle(e, '::after').content])"
        )
        stranger.screenshot(path=str(ARTIFACTS / "connection-lost.png"))
        assert [size for size, _ in said] == ["0px", "0px"]  # Streamlit's English is hidden …
        assert said[0][1] == '"连接中断"' and "服务器" in said[1][1]  # … and Chinese says what happened
        browser.close()
    audit = [
        (e["用户"], e["操作"], e["内容"])
        for e in AuditLog(OfficeStore(config.path(config.auth.db))).entries()
    ]
    assert ("admin1", "解除锁定", "reader1") in audit
    assert [a for a in audit if a[:2] == ("admin1", "登录锁定")] == [
        ("admin1", "登录锁定", "127.0.0.2：5 次密码错误")
    ]
    assert ("admin1", "登录被拒（锁定中）", "127.0.0.2") in audit
    assert ("admin1", "重置密码", "reader1") in audit
    assert any(
        user == "reader1" and action == "登录失败" and "127.0.0.2" in detail for user, action, detail in audit
    )


def test_the_upload_result_stays_and_cannot_be_imported_twice(office_server, tmp_path):  # noqa: F811
    from playwright.sync_api import expect, sync_playwright

    from assistant.search.index import Index

    url, config = office_server
    minute = tmp_path / "江阴市第8次常务会议.txt"
    minute.write_text(MINUTE, encoding="utf-8")
    with sync_playwright() as p:
        browser = launch_chromium(p)
        editor = _context(browser, Guard(url)).new_page()
        _sign_in(editor, url, "editor1")
        open_documents(editor)
        too_large = int((config.data.max_file_mb + 1) * 1024 * 1024)
        editor.locator("input[type=file]").set_input_files(
            files=[{"name": "过大.txt", "mimeType": "text/plain", "buffer": b"a" * too_large}]
        )
        refused = editor.locator('[data-testid="stFileChip"][aria-invalid="true"]')
        expect(refused).to_be_visible(timeout=20_000)
        reason = refused.locator("> div:nth-child(2)").evaluate("e => getComputedStyle(e, '::after').content")
        assert "未上传：超过" in reason  # said in Chinese on the page, not only in an English tooltip
        editor.screenshot(path=str(ARTIFACTS / "upload-too-large.png"), full_page=True)
        refused.get_by_role("button").click()  # removed; the real file follows
        expect(refused).to_have_count(0)
        confirm = choose_upload(editor, minute)
        confirm.click()
        done = editor.get_by_text(re.compile("江阴市第8次常务会议.txt：已导入"))
        expect(done).to_be_visible(timeout=180_000)
        editor.wait_for_timeout(5000)  # the page reruns (fragment, documents table); the result stays
        expect(done).to_be_visible()
        assert confirm.count() == 0
        editor.screenshot(path=str(ARTIFACTS / "upload-result.png"), full_page=True)
        browser.close()
    index = Index(config)
    sources = [m.source for m in index.meetings().values()]
    index.close()
    assert sources.count(minute.name) == 1  # imported once
