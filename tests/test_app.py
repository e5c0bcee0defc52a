"""The Streamlit app's flows with Streamlit's AppTest: ask, follow-up, filter, browse, export, upload."""

from __future__ import annotations

import io
import re

import pytest
from conftest import MINUTES, ROOT

from assistant.office.accounts import LOCAL_USER
from assistant.office.conversations import Turn
from assistant.office.export import export_turns as export
from assistant.service import Assistant

pytestmark = pytest.mark.model


@pytest.fixture()
def app(sample_index, monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest
    from test_retrieval import _write_config

    config, _ = sample_index
    monkeypatch.setenv("ASSISTANT_CONFIG", str(_write_config(config)))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=180)
    at.run()
    assert not at.exception
    return at


def assistant_texts(at) -> str:
    return "\n".join(m.value for msg in at.chat_message if msg.name == "assistant" for m in msg.markdown)


def source_html(at) -> str:
    return "\n".join(
        m.value
        for msg in at.chat_message
        if msg.name == "assistant"
        for m in msg.markdown
        if "class='src'" in m.value
    )


def test_ask_shows_a_cited_answer_with_sources(app):
    app.chat_input[0].set_value("《太仓市工业厂房出租管理办法》是哪个部门汇报的？").run()
    assert not app.exception
    text = assistant_texts(app)
    assert "市应急局" in text
    sources = source_html(app)
    assert "〔太仓市政府第60次常务会议 2021-08-20 · 议题四〕" in sources
    assert "href='#cite-" in assistant_texts(app)  # every [n] links to its source
    assert app.query_params["c"]  # the conversation is saved and addressable after a reload
    assert len(app.tabs[0].get("download_button")) == 4


def test_a_follow_up_stays_in_its_conversation_when_the_url_lags_behind(app):
    """The browser sends its old URL (no ?c=) with a question asked right after the first answer."""
    app.chat_input[0].set_value("太仓市第63次常务会议审议了哪些文件？").run()
    opened = app.query_params["c"]
    app.query_params.clear()  # the question below arrives before the browser applied ?c=…
    app.chat_input[0].set_value("谁汇报的？").run()
    assert not app.exception
    assert app.query_params["c"] == opened
    turns = _turns(app)
    assert [t.question for t in turns] == ["太仓市第63次常务会议审议了哪些文件？", "谁汇报的？"]
    assert "63" in turns[-1].interpreted


def test_a_new_conversation_elsewhere_does_not_move_the_next_question(app, sample_index):
    """A conversation created meanwhile (another tab) used to shift the sidebar list and open another one."""
    config, _ = sample_index
    Assistant(None, config).start_conversation(LOCAL_USER, "另一个标签页的对话")
    questions = ["太仓市第63次常务会议审议了哪些文件？", "谁汇报的？", "电力保供措施以什么名义印发？"]
    for position, question in enumerate(questions):
        if position == 2:
            Assistant(None, config).start_conversation(LOCAL_USER, "又一个对话")
        app.chat_input[0].set_value(question).run()
    assert not app.exception
    assert [t.question for t in _turns(app)] == questions


def test_follow_up_is_answered_in_the_context_of_the_previous_turn(app):
    app.chat_input[0].set_value("昆山市第4次常务会议由谁主持？").run()
    app.chat_input[0].set_value("那太仓第59次呢？").run()
    assert not app.exception
    captions = [c.value for c in app.caption]
    assert any("理解为" in c and "太仓" in c and "59" in c for c in captions)
    assert "胡卫江" in assistant_texts(app)


def test_sidebar_filter_restricts_the_answer(app):
    app.sidebar.multiselect(key="filter_cities").set_value(["昆山"]).run()
    app.chat_input[0].set_value("会议对安全生产提出了什么要求？").run()
    assert not app.exception
    labels = re.findall(r"class='src-head'[^>]*>(\[\d+\][^<]*)</a>", source_html(app))
    assert labels and all("昆山" in label for label in labels)
    assert any("地区：昆山" in c.value for c in app.caption)


def test_browse_lists_meetings_and_reads_items(app):
    assert [t.label for t in app.tabs] == [
        "问答",
        "浏览会议",
        "文档管理",
        "用户与审计",
    ]  # the local user is admin
    assert len(app.tabs[1].dataframe) == 1
    picker = app.selectbox(key="browse_meeting")
    picker.set_value(picker.value).run()
    assert any(h.value.endswith("常务会议") for h in app.subheader)
    assert any("会议概况" in e.label for e in app.expander)
    assert any(("审议《" in e.label or "讨论《" in e.label) for e in app.expander)


def test_exported_docx_opens_with_the_citation_list(app):
    app.chat_input[0].set_value("太仓市第60次常务会议审议了哪些文件？").run()
    import docx

    turns = [Turn("太仓市第60次常务会议审议了哪些文件？", "", _last_answer(app))]
    data, _ = export(turns, "docx")
    paragraphs = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert any(p.startswith("问题1：太仓市第60次常务会议审议了哪些文件") for p in paragraphs)
    assert any("〔太仓市政府第60次常务会议纪要 2021-08-20 · 议题二〕" in p for p in paragraphs)


def _turns(app) -> list[Turn]:
    from assistant.config import load_config
    from assistant.office.accounts import LOCAL_USER, OfficeStore
    from assistant.office.conversations import ConversationStore

    config = load_config()
    return ConversationStore(OfficeStore(config.path(config.auth.db))).turns(
        app.query_params["c"][0] if isinstance(app.query_params["c"], list) else app.query_params["c"],
        LOCAL_USER.name,
    )


def _last_answer(app):
    return _turns(app)[-1].answer


def test_upload_preview_reports_bad_files_and_keeps_the_index(sample_index, retriever):
    config, index = sample_index
    assistant = Assistant(retriever, config)
    before = index.store.passage_fingerprint()
    previews = assistant.preview_uploads(
        LOCAL_USER,
        [
            ("empty.txt", b""),
            ("junk.docx", b"PK\x03\x04garbage"),
            ("dup.txt", (MINUTES / "000_783b923adbb8bd02.txt").read_bytes()),
        ],
    )
    assert [p.ok for p in previews] == [False, False, False]
    assert "为空" in previews[0].message and "已收录" in previews[2].message
    report = assistant.add_uploads(LOCAL_USER, [("empty.txt", b"")])
    assert report.files[0].status == "failed"
    assert index.store.passage_fingerprint() == before


def test_a_corrupt_store_shows_a_chinese_error_page_not_a_traceback(config_factory, monkeypatch):
    from streamlit.testing.v1 import AppTest
    from test_retrieval import _write_config

    config = config_factory("corrupt")
    (config.index_dir / "store.sqlite").write_bytes(b"not a database" * 200)
    monkeypatch.setenv("ASSISTANT_CONFIG", str(_write_config(config)))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.run()
    assert not at.exception
    errors = " ".join(e.value for e in at.error)
    assert "无法打开数据库" in errors
    page = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert str(config.index_dir / "store.sqlite") in page and "index --restore" in page
