"""End to end in a real browser: Debian Chromium driven by Playwright against `streamlit run` on a local port.

Type a question, see the answer with a citation naming the right meeting and
item, open the source, download a DOCX, and keep a screenshot in test-artifacts/.
"""

from __future__ import annotations

import io
import os

import pytest
from conftest import ROOT
from servers import CHROMIUM, launch_chromium, streamlit_server

pytestmark = [pytest.mark.model, pytest.mark.e2e]
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture()
def server(sample_index):
    from test_retrieval import _write_config

    if not os.path.exists(CHROMIUM):
        pytest.fail(
            "Debian chromium is missing: `make test` installs it (apt-get install chromium fonts-noto-cjk)"
        )
    config, _ = sample_index
    with streamlit_server(_write_config(config)) as url:
        yield url


def test_ask_open_source_and_download_docx_in_chromium(server, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page(viewport={"width": 1400, "height": 1100}, accept_downloads=True)
        page.goto(server, wait_until="networkidle")
        box = page.get_by_placeholder("输入问题")
        expect(box).to_be_visible(timeout=120_000)
        box.fill("《太仓市人才公寓建设管理实施意见（试行）》是在哪次常务会议上审议的？审议结果如何？")
        box.press("Enter")
        source = page.get_by_text("〔太仓市政府第60次常务会议 2021-08-20 · 议题二〕").first
        expect(source).to_be_visible(timeout=120_000)
        expect(page.get_by_test_id("stChatMessage").last).to_contain_text("原则同意该《意见》")
        expect(page.locator("mark").first).to_be_hidden()  # sources stay closed until asked for
        page.locator("a.cite").first.click()  # a [n] in the answer opens its source, passage highlighted
        expect(page.locator("mark").first).to_be_visible(timeout=30_000)
        assert page.url.endswith("-1") and len(page.context.pages) == 1  # same page, no new tab
        page.wait_for_timeout(500)
        page.screenshot(path=str(ARTIFACTS / "answer.png"), full_page=True)
        with page.expect_download(timeout=60_000) as download_info:
            page.get_by_role("button", name="Word").first.click()
        path = tmp_path / "answer.docx"
        assert download_info.value.suggested_filename.startswith("纪要问答_《太仓市人才公寓建设管理实施意见")
        download_info.value.save_as(path)
        empty = tmp_path / "empty.txt"
        empty.write_bytes(b"")
        page.get_by_role("tab", name="文档管理").click()  # the local user is an admin: uploads live there
        expect(page.get_by_text("已收录的纪要")).to_be_visible(timeout=30_000)
        page.wait_for_timeout(1500)
        page.locator("input[type=file]").set_input_files(str(empty))
        expect(page.get_by_text("empty.txt：文件为空")).to_be_visible(timeout=60_000)
        browser.close()
    import docx

    text = "\n".join(p.text for p in docx.Document(io.BytesIO(path.read_bytes())).paragraphs)
    assert "〔太仓市政府第60次常务会议纪要 2021-08-20 · 议题二〕" in text
    assert (ARTIFACTS / "answer.png").stat().st_size > 10_000
