"""常务会议纪要助手 — the browser UI (Streamlit).

Run with `make run` (or `streamlit run streamlit_app.py`). All behaviour lives in
the `assistant` package; this script only lays out widgets. Text from documents
is always escaped before it is rendered.
"""
from __future__ import annotations

import html
import re
from datetime import date

import streamlit as st

from assistant.config import load_config
from assistant.export import export
from assistant.retrieval import Filters

st.set_page_config(page_title="常务会议纪要助手", layout="wide")
CONFIG = load_config()
FORMATS = {"docx": "Word", "md": "Markdown", "csv": "CSV", "json": "JSON"}


# ------------------------------------------------------------------ resources
def ensure_index() -> None:
    """First start: build the index from the sample minutes with visible progress."""
    from assistant.index import Index

    index = Index(CONFIG)
    try:
        if not index.is_empty():
            return
        with st.status("首次启动：正在用示例纪要构建索引（转换离线模型、嵌入段落）……", expanded=True) as status:
            bar = st.progress(0.0, text="准备中")

            def progress(stage: str, done: int, total: int) -> None:
                bar.progress(done / max(total, 1), text=f"{stage} {done}/{total}")

            report = index.ingest_paths([CONFIG.path(folder) for folder in CONFIG.data.sample_dirs], progress)
            status.update(label=f"索引已就绪：{len(report.files)} 份纪要", state="complete", expanded=False)
    finally:
        index.close()


@st.cache_resource(show_spinner="正在加载模型和索引……")
def get_assistant():
    from assistant.commands import open_retriever
    from assistant.service import Assistant

    return Assistant(open_retriever(CONFIG, quiet=True), CONFIG)


def md_escape(text: str) -> str:
    """Document text is data: escape Markdown syntax so it renders literally."""
    return re.sub(r"([\\`*_{}\[\]<>#|~$])", r"\\\1", text)


CITE_RE = re.compile(r"\[(\d{1,2})\]")


def linked_answer(text: str, anchor: str) -> str:
    """The answer as escaped HTML in which every [n] links to source n of this answer."""
    escaped = html.escape(text).replace("\n", "<br>")
    return CITE_RE.sub(lambda m: f"<a class='cite' href='#{anchor}-{m.group(1)}'>[{m.group(1)}]</a>", escaped)


def source_block(c: dict, anchor: str, english: bool) -> str:
    """One source: citation, place, meeting, date, item; opened (CSS :target) by its [n] or its own header.

    Everything from documents goes through html.escape; no script is involved.
    """
    e = html.escape
    place, meeting, date_ = c["city_full"] or "（地区未写明）", c["meeting"], c["date"] or "—"
    facts = (f"{e(place)} · meeting {e(str(meeting or '—'))} · {e(date_)} · item {c['item']}" if english else
             f"{e(place)} · 第{e(str(meeting or '—'))}次常务会议 · {e(date_)} · {e(c['label'].split('·')[-1].strip('〕 '))}")
    extra = f"{'reported by' if english else '汇报'}：{e('、'.join(c['reporters']) or '—')} · " \
            f"{'file' if english else '文件'}：{e(c['source'])}"
    decisions = f"<div class='src-meta'>{'Decision' if english else '决定'}：{e('；'.join(c['decisions']))}</div>" \
        if c["decisions"] else ""
    return (f"<div class='src' id='{anchor}-{c['n']}'><a class='src-head' href='#{anchor}-{c['n']}'>"
            f"[{c['n']}] {e(c['label'])} {e(c['heading'])}</a><div class='src-meta'>{facts}</div>"
            f"<div class='src-body'><div class='src-meta'>{extra}</div>"
            f"<div class='source-text'>{highlighted(c['item_text'], c['text'])}</div>{decisions}</div></div>")


def highlighted(item_text: str, passage: str) -> str:
    """Full item text as escaped HTML with the matched passage marked."""
    escaped, mark = html.escape(item_text), html.escape(passage)
    if mark and mark in escaped:
        escaped = escaped.replace(mark, f"<mark>{mark}</mark>", 1)
    return escaped.replace("\n", "<br>")


# ------------------------------------------------------------------ conversation state
def current_conversation(assistant) -> int | None:
    raw = st.query_params.get("c")
    if raw and raw.isdigit() and assistant.conversations.exists(int(raw)):
        return int(raw)
    return None


def sidebar(assistant) -> Filters:
    with st.sidebar:
        st.header("常务会议纪要助手")
        st.subheader("对话")
        conversations = assistant.conversations.list()
        current = current_conversation(assistant)
        if st.button("＋ 新对话", width="stretch", key="new_conversation"):
            st.query_params.clear()
            st.rerun()
        if conversations:
            ids = [c["id"] for c in conversations]
            labels = {c["id"]: f"{c['title']}（{c['messages'] // 2} 问）" for c in conversations}
            st.session_state["conversation_picker"] = current if current in ids else None
            chosen = st.radio("历史对话", ids, format_func=lambda i: labels[i], key="conversation_picker")
            if chosen is not None and chosen != current:
                st.query_params["c"] = str(chosen)
                st.rerun()
            if current is not None and st.button("删除当前对话", key="delete_conversation"):
                assistant.conversations.delete(current)
                st.query_params.clear()
                st.rerun()

        st.subheader("筛选")
        cities = st.multiselect("城市", assistant.cities(), key="filter_cities")
        meetings = [m for m in assistant.meetings() if not cities or m["city"] in cities]
        numbers = sorted({m["meeting"] for m in meetings if m["meeting"] is not None})
        meeting = st.selectbox("会议", [None, *numbers], format_func=lambda n: "全部" if n is None else f"第{n}次",
                               key="filter_meeting")
        use_dates = st.checkbox("按日期筛选", key="filter_use_dates")
        date_from = date_to = None
        if use_dates:
            dates = sorted(m["date"] for m in assistant.meetings() if m["date"])
            start = date.fromisoformat(dates[0]) if dates else date(2015, 1, 1)
            end = date.fromisoformat(dates[-1]) if dates else date.today()
            picked = st.date_input("日期范围", (start, end), key="filter_dates")
            if isinstance(picked, tuple) and len(picked) == 2:
                date_from, date_to = picked[0].isoformat(), picked[1].isoformat()

        st.subheader("添加纪要")
        upload_panel(assistant)
        status = assistant.index.status()
        st.caption(f"已收录 {status['documents']} 份纪要 · {status['passages']} 段 · 模型 {status['model']}")
    return Filters(cities=cities, meeting=meeting, date_from=date_from, date_to=date_to)


def upload_panel(assistant) -> None:
    limit_mb, limit_n = CONFIG.data.max_file_mb, CONFIG.data.max_upload_files
    files = st.file_uploader(f"txt / docx / pdf / html，每个 ≤ {limit_mb:g} MB，一次 ≤ {limit_n} 个",
                             type=["txt", "docx", "pdf", "html", "htm"], accept_multiple_files=True, key="uploads")
    if not files:
        return
    payload = [(f.name, f.getvalue()) for f in files]
    place = st.text_input("所属地区（纪要未写明时填写，如 上海市宝山区）", key="upload_place",
                          help="填写后覆盖从正文识别的地区，引用中显示所填地区").strip() or None
    previews = assistant.preview_uploads(payload, place)
    for p in previews:
        if p.ok:
            st.success(md_escape(f"{p.name}：{p.meeting}，{p.date or '日期未识别'}，{p.n_items} 项议题"))
            for warning in p.warnings or []:
                st.caption(f"⚠ {warning}")
        else:
            st.error(f"{p.name}：{p.message}")
    good = [item for item, p in zip(payload, previews) if p.ok]
    if good and st.button(f"确认导入 {len(good)} 个文件", key="confirm_upload", type="primary"):
        bar = st.progress(0.0, text="导入中")
        report = assistant.add_uploads(good, lambda stage, done, total: bar.progress(
            done / max(total, 1), text=f"{stage} {done}/{total}"), place=place)
        for f in report.files:
            (st.error if f.status == "failed" else st.info)(f"{f.source}：{f.status} {f.message}")
        st.toast(f"已导入 {len([f for f in report.files if f.status in ('added', 'replaced')])} 个文件")


# ------------------------------------------------------------------ chat
def render_turn(turn, key: str) -> None:
    with st.chat_message("user"):
        st.markdown(md_escape(turn.question))
    answer = turn.answer
    with st.chat_message("assistant"):
        if turn.interpreted != turn.question:
            st.caption(f"理解为：{md_escape(turn.interpreted)}")
        if answer.get("interpreted_filters"):
            st.caption("筛选：" + "；".join(md_escape(f) for f in answer["interpreted_filters"]))
        anchor = f"cite-{re.sub(r'[^0-9A-Za-z-]', '', key)}"
        if not answer["answerable"]:
            st.warning(md_escape(answer["answer"]).replace("\n", "  \n"))
        else:
            st.markdown(f"<div class='answer'>{linked_answer(answer['answer'], anchor)}</div>", unsafe_allow_html=True)
        if answer["citations"]:
            english = answer.get("lang") == "en"
            st.markdown("**Sources** (click a [n] to open it)" if english else "**来源**（点击正文中的 [n] 打开原文）")
            st.markdown("".join(source_block(c, anchor, english) for c in answer["citations"]), unsafe_allow_html=True)
        elif answer.get("hits"):
            st.caption("最接近的议题：" + "；".join(md_escape(f"{h['citation']}{h['heading']}") for h in answer["hits"][:3]))
        export_buttons([turn_dict(turn)], key, "导出本回答")


def turn_dict(turn) -> dict:
    return {"question": turn.question, "interpreted": turn.interpreted, "answer": turn.answer}


def export_buttons(turns: list[dict], key: str, label: str) -> None:
    columns = st.columns(len(FORMATS) + 1)
    columns[0].caption(label)
    for column, (fmt, name) in zip(columns[1:], FORMATS.items()):
        data, mime = export(turns, fmt)
        column.download_button(name, data, file_name=f"纪要问答.{fmt}", mime=mime, key=f"dl-{key}-{fmt}")


def chat_tab(assistant, filters: Filters) -> None:
    conversation = current_conversation(assistant)
    turns = assistant.conversations.turns(conversation) if conversation else []
    if not turns:
        st.info("请输入问题，例如：太仓市第60次常务会议审议了哪些文件？ / 哪次会议讨论了河长制？ / "
                "Who chaired Taicang's 59th meeting?")
    for number, turn in enumerate(turns):
        render_turn(turn, f"{conversation}-{number}")
    if len(turns) > 1:
        export_buttons([turn_dict(t) for t in turns], f"{conversation}-all", "导出整个对话")
    question = st.chat_input("输入问题（中文或英文），可追问：那太仓呢？ 谁汇报的？")
    if question:
        if conversation is None:
            conversation = assistant.conversations.create(question)
            st.query_params["c"] = str(conversation)
        with st.chat_message("user"):
            st.markdown(md_escape(question))
        with st.chat_message("assistant"), st.spinner("检索中……"):
            streamed = st.empty()
            shown: list[str] = []

            def show(sentence: str) -> None:  # verified sentences only, as the LLM finishes each
                shown.append(sentence)
                streamed.markdown(md_escape("\n".join(shown)).replace("\n", "  \n"))

            assistant.ask(question, conversation, filters, on_sentence=show)
        st.rerun()


# ------------------------------------------------------------------ browse
def browse_tab(assistant) -> None:
    meetings = assistant.meetings()
    if not meetings:
        st.info("尚未收录任何纪要。")
        return
    table = [{"城市": m["city_full"], "会议": f"第{m['meeting']}次", "日期": m["date"], "主持": m["chair"],
              "议题数": m["n_items"], "文件": m["source"]} for m in meetings]
    st.dataframe(table, width="stretch", hide_index=True)
    timeline(meetings)
    labels = {m["doc_id"]: f"{m['city_full']} 第{m['meeting']}次 {m['date']}" for m in meetings}
    doc_id = st.selectbox("选择会议阅读全文", list(labels), format_func=labels.get, key="browse_meeting")
    meeting = assistant.meeting(doc_id)
    st.subheader(meeting.label)
    st.caption(f"日期 {meeting.date}（原文：{md_escape(meeting.date_as_written or '')}） · 主持 "
               f"{md_escape((meeting.chair or '') + (meeting.chair_title or ''))} · 文号 {md_escape(meeting.doc_number or '—')}")
    for warning in meeting.warnings:
        st.caption(f"⚠ {md_escape(warning)}")
    for item in meeting.items:
        title = "会议概况（开头、会议还…、出席列席）" if item.item == 0 else f"{item.label} {item.heading_as_written}"
        with st.expander(title, expanded=False):
            if item.reporters:
                st.caption("汇报：" + md_escape("、".join(r.as_written for r in item.reporters)))
            if item.decisions:
                st.caption("决定：" + md_escape("；".join(item.as_written(d) for d in item.decisions)))
            st.markdown(f"<div class='source-text'>{highlighted(item.text_as_written or item.text, '')}</div>",
                        unsafe_allow_html=True)


def timeline(meetings: list[dict]) -> None:
    try:
        import altair as alt
    except ImportError:  # pragma: no cover
        return
    data = [{"日期": m["date"], "城市": m["city_full"], "议题数": m["n_items"], "会议": f"第{m['meeting']}次"}
            for m in meetings if m["date"]]
    if not data:
        return
    chart = alt.Chart(alt.Data(values=data)).mark_circle(opacity=0.8).encode(
        x=alt.X("日期:T", title="会议日期"), y=alt.Y("城市:N", title=None),
        size=alt.Size("议题数:Q", title="议题数"), color=alt.Color("城市:N", legend=None),
        tooltip=["城市:N", "会议:N", "日期:T", "议题数:Q"],
    ).properties(height=160, title="会议时间线（圆点大小 = 议题数）")
    st.altair_chart(chart, width="stretch")


# ------------------------------------------------------------------ page
st.markdown("<style>.source-text{line-height:1.8;font-size:0.95rem} mark{background:#fff3a3}"
            ".answer{line-height:1.9} a.cite{text-decoration:none;font-weight:600}"
            ".src{border:1px solid #e6e6e6;border-radius:6px;padding:6px 10px;margin:4px 0}"
            ".src-head{text-decoration:none;font-weight:600} .src-meta{color:#666;font-size:0.85rem}"
            ".src-body{display:none;margin-top:6px} .src:target .src-body{display:block}"
            ".src:target{border-color:#f0b400;background:#fffdf2}</style>",
            unsafe_allow_html=True)
ensure_index()
ASSISTANT = get_assistant()
FILTERS = sidebar(ASSISTANT)
chat, browse = st.tabs(["问答", "浏览会议"])
with chat:
    chat_tab(ASSISTANT, FILTERS)
with browse:
    browse_tab(ASSISTANT)
