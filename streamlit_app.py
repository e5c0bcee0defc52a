"""常务会议纪要助手 — the browser UI (Streamlit).

Run with `make run` (or `streamlit run streamlit_app.py`). All behaviour lives in
the `assistant` package; this script lays out widgets for the signed-in user's
role. Text from documents, questions, file names and user names is data: it is
shown through `md_escape` (Markdown) or `html.escape` (HTML), never interpreted.
"""

from __future__ import annotations

import html
import re
import time
from datetime import date

import streamlit as st

from assistant.app import warm_assistant
from assistant.config import load_config
from assistant.service import (
    FORMATS,
    LOCAL_USER,
    ROLE_NAMES,
    ROLES,
    AuthError,
    Filters,
    Source,
    StoreError,
    Turn,
    User,
    file_name,
    safe_cell,
)

st.set_page_config(page_title="常务会议纪要助手", layout="wide", menu_items={})
CONFIG = load_config()
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
RECENT_TURNS = 5  # turns shown by default; older ones on request (the whole conversation still exports)
STATUS_NAMES = {"added": "已导入", "replaced": "已更新", "skipped": "已跳过", "failed": "失败"}


# ------------------------------------------------------------------ rendering helpers
def md_escape(text: str) -> str:
    """Document text is data: escape Markdown syntax so it renders literally.

    Autolinked literals (http://…, www.…) survive backslash escapes in GFM, so a zero-width
    space is put inside them: the text reads the same and never becomes a link.
    """
    text = re.sub(r"(?i)(?<=[a-z])://", ":\u200b//", str(text))
    text = re.sub(r"(?i)\bwww\.", "www\u200b.", text)
    return re.sub(r"([\\`*_{}\[\]<>#|~$!:().@])", r"\\\1", text)


CITE_RE = re.compile(r"\[(\d{1,2})\]")


def linked_answer(text: str, anchor: str) -> str:
    """The answer as escaped HTML in which every [n] links to source n of this answer."""
    escaped = html.escape(text).replace("\n", "<br>")
    return CITE_RE.sub(lambda m: f"<a class='cite' href='#{anchor}-{m.group(1)}'>[{m.group(1)}]</a>", escaped)


def shown_date(assistant, user: User, doc_id: str) -> str:
    """06-15（年份未写明） for a minute that prints no year, （未识别） when it prints no date at all."""
    try:
        return assistant.meeting(user, doc_id).shown_date or "（未识别）"
    except KeyError:
        return "（未识别）"


def number_text(meeting: int | None) -> str:
    """第60次, or a plain word for meetings that print no number (never 第None次)."""
    return f"第{meeting}次" if meeting is not None else "（未编号）"


def source_block(c: Source, anchor: str, english: bool) -> str:
    """One source: citation, place, meeting, date, item; opened (CSS :target) by its [n] or its own header.

    Everything from documents goes through html.escape; no script is involved.
    """
    e = html.escape
    place, meeting, date_ = c.city_full or "（地区未写明）", c.meeting, c.date or "—"
    item_name = c.label.split("·")[-1].strip("〕 ")
    facts = (
        f"{e(place)} · meeting {e(str(meeting or '—'))} · {e(date_)} · item {c.item}"
        if english
        else f"{e(place)} · {e(number_text(meeting))}常务会议 · {e(date_)} · {e(item_name)}"
    )
    extra = (
        f"{'reported by' if english else '汇报'}：{e('、'.join(c.reporters) or '—')} · "
        f"{'file' if english else '文件'}：{e(c.source)}"
    )
    decisions = (
        f"<div class='src-meta'>{'Decision' if english else '决定'}：{e('；'.join(c.decisions))}</div>"
        if c.decisions
        else ""
    )
    return (
        f"<div class='src' id='{anchor}-{c.n}'><a class='src-head' href='#{anchor}-{c.n}'>"
        f"[{c.n}] {e(c.label)} {e(c.heading)}</a><div class='src-meta'>{facts}</div>"
        f"<div class='src-body'><div class='src-meta'>{extra}</div>"
        f"<div class='source-text'>{highlighted(c.item_text, c.text)}</div>{decisions}</div></div>"
    )


def highlighted(item_text: str, passage: str) -> str:
    """Full item text as escaped HTML with the matched passage marked."""
    escaped, mark = html.escape(item_text), html.escape(passage)
    if mark and mark in escaped:
        escaped = escaped.replace(mark, f"<mark>{mark}</mark>", 1)
    return escaped.replace("\n", "<br>")


STYLE = """<style>
.source-text{line-height:1.8;font-size:0.95rem} mark{background:#fff3a3}
.answer{line-height:1.9} a.cite{text-decoration:none;font-weight:600}
.src{border:1px solid #e6e6e6;border-radius:6px;padding:6px 10px;margin:4px 0}
.src-head{text-decoration:none;font-weight:600} .src-meta{color:#666;font-size:0.85rem}
.src-body{display:none;margin-top:6px} .src:target .src-body{display:block}
.src:target{border-color:#f0b400;background:#fffdf2}
[data-testid="stFileUploaderDropzoneInstructions"]{display:none}
[data-testid="stFileUploaderDropzone"] button:not([aria-label^="Remove"]) [data-testid="stMarkdownContainer"]{display:none}
[data-testid="stFileUploaderDropzone"] button:not([aria-label^="Remove"])::after{
  content:"选择文件";font-size:0.9rem;margin-left:0.3rem;white-space:nowrap}
[data-testid="stFileChip"][aria-invalid="true"]{max-width:none}
[data-testid="stFileChip"][aria-invalid="true"] > div:nth-child(2)::after{
  content:"未上传：超过 MAX_MB MB 上限或上传中断";display:block;color:#b71c1c;font-size:0.8rem;white-space:nowrap}
[data-testid="stDialog"] section[role="dialog"] > h2{font-size:0}
[data-testid="stDialog"] section[role="dialog"] > h2::after{content:"连接中断";font-size:1.4rem}
[data-testid="stDialog"] section[role="dialog"] > h2 + div{font-size:0}
[data-testid="stDialog"] section[role="dialog"] > h2 + div::after{font-size:1rem;
  content:"与助手服务器的连接中断了（服务器可能正在重启）。恢复后页面会自动重新连接；长时间未恢复请联系管理员。"}
</style>""".replace("MAX_MB", f"{CONFIG.data.max_file_mb:g}")
# A refused file (too large) is only a red chip whose English reason shows on hover: the rules above
# write the reason in Chinese under the file's name and size. The app opens no dialog of its own, so
# a dialog is Streamlit's English "Connection error… Are you connected to the internet?": said in Chinese.


# ------------------------------------------------------------------ resources
def boot():
    """The shared service once it is warm; until then a page with the warm-up's progress.

    The warm-up starts with the server (`python -m assistant serve-web`) or, under plain
    `streamlit run`, with the first page; on a first start it also builds the index from the
    sample minutes. The page looks again every second.
    """
    warmup = warm_assistant(CONFIG)
    if warmup.ready:
        return warmup.assistant
    if warmup.error is not None:
        raise warmup.error
    st.title("常务会议纪要助手")
    st.info("正在启动：加载索引、模型和问答流程，完成后本页自动进入（首次启动还会用示例纪要构建索引）。")
    fraction = warmup.done / warmup.total if warmup.total else 0.0
    detail = f" {warmup.done}/{warmup.total}" if warmup.total else ""
    st.progress(min(fraction, 1.0), text=md_escape(f"{warmup.stage}{detail}"))
    st.caption(f"已用时 {time.time() - warmup.started_at:.0f} 秒")
    warmup.finished.wait(timeout=1.0)
    st.rerun()


def open_service():
    """The shared assistant, or a Chinese error page naming the file and what to do — never a traceback."""
    try:
        return boot()
    except StoreError as exc:
        st.error("无法打开数据库，助手暂时不能使用。")
        st.markdown(md_escape(str(exc)))
        st.markdown(
            md_escape(
                "处理办法：由管理员用 python -m assistant index --restore 备份文件 恢复最近的备份；"
                "没有备份时删除损坏的文件后重启（索引会用已收录的原文重建，账户库需重新创建账户）。"
            )
        )
        st.stop()


# ------------------------------------------------------------------ sign-in
def signed_in_user(assistant) -> User:
    """The user of this browser session; shows the sign-in form (and stops) when there is none."""
    if CONFIG.auth.mode == "none":
        address = st.get_option("server.address") or ""
        if address not in LOOPBACK:
            st.error("未启用登录：本助手只允许在本机（127.0.0.1）使用。")
            st.markdown(
                md_escape(
                    f"当前监听地址为“{address or '所有网络接口'}”。要为办公室提供服务，请在 config.toml "
                    '中设置 [auth] mode = "password"，并用 python -m assistant users add 创建账户。'
                )
            )
            st.stop()
        return LOCAL_USER
    token = st.session_state.get("session_token") or st.context.cookies.get(SESSION_COOKIE)
    user = assistant.user_for_session(token)
    if user:
        st.session_state["session_token"] = token
        if st.session_state.pop("remember_session", False):
            set_session_cookie(token, int(CONFIG.auth.session_hours * 3600))
        return user
    if st.session_state.pop("forget_session", False) or token:
        set_session_cookie("", 0)  # signed out or expired: drop the stale cookie
    st.title("常务会议纪要助手")
    with st.form("sign_in"):
        name = st.text_input("用户名", key="sign_in_name")
        password = st.text_input("密码", type="password", key="sign_in_password")
        if st.form_submit_button("登录", type="primary"):
            try:
                address = st.context.ip_address or ""  # failures lock this name from this address only
                st.session_state["session_token"] = assistant.sign_in(name.strip(), password, address)
                st.session_state["remember_session"] = True
                st.rerun()
            except AuthError as exc:
                st.error(str(exc))
    st.stop()


SESSION_COOKIE = "assistant_session"


def set_session_cookie(token: str, max_age: int) -> None:
    """Keep the sign-in across page reloads: the session token (random, URL-safe) in a same-site cookie."""
    if not re.fullmatch(r"[A-Za-z0-9_-]*", token):  # only our own token's alphabet reaches the script
        return
    # st.html, not components.v1.html (deprecated, removal announced for after 2026-06-01)
    st.html(
        f"<script>document.cookie='{SESSION_COOKIE}={token}; path=/; max-age={max_age}; "
        "SameSite=Strict';</script>",
        unsafe_allow_javascript=True,
    )


# ------------------------------------------------------------------ conversations and filters
def current_conversation(assistant, user: User) -> str | None:
    """The conversation open in this tab, if it belongs to this user; anyone else's is invisible.

    Each browser tab is its own session and keeps its open conversation in its session state.
    The URL (?c=…) is read only when the tab opens (a link, a reload) and is otherwise written,
    never read: a question sent before the browser has applied the new URL arrives with the old
    one, and reading it then moved the follow-up into a new conversation (seen in an office).
    """
    state = st.session_state
    if "open_conversation" not in state:
        raw = st.query_params.get("c")
        state["open_conversation"] = raw if raw and assistant.owns_conversation(user, raw) else None
    conversation = state["open_conversation"]
    if conversation and not assistant.owns_conversation(user, conversation):  # deleted, or signed out
        conversation = state["open_conversation"] = None
    show_in_url(conversation)
    return conversation


def set_open_conversation(conversation: str | None) -> None:
    st.session_state["open_conversation"] = conversation
    st.session_state.pop("confirm_delete", None)
    show_in_url(conversation)


def show_in_url(conversation: str | None) -> None:
    """Keep the address bar on the open conversation, so a reload or a copied link opens it."""
    if st.query_params.get("c") == conversation:
        return
    if conversation:
        st.query_params["c"] = conversation
    else:
        st.query_params.pop("c", None)


def sidebar(assistant, user: User) -> Filters:
    with st.sidebar:
        st.header("常务会议纪要助手")
        if CONFIG.auth.mode != "none":
            st.caption(md_escape(f"当前用户：{user.name}（{user.role_name}）"))
            if st.button("退出登录", key="sign_out"):
                assistant.sign_out(user, st.session_state.pop("session_token", ""))
                st.session_state["forget_session"] = True
                set_open_conversation(None)
                st.rerun()
        conversation_list(assistant, user)
        filters = filter_panel(assistant, user)
        status = assistant.status(user)
        st.caption(f"已收录 {status['documents']} 份纪要 · {status['passages']} 段 · 模型 {status['model']}")
    return filters


def conversation_list(assistant, user: User) -> None:
    st.subheader("对话")
    current = current_conversation(assistant, user)
    if st.button("＋ 新对话", width="stretch", key="new_conversation"):
        set_open_conversation(None)
        st.rerun()
    conversations = assistant.conversations_of(user)
    if not conversations:
        return
    st.caption("历史对话")
    # One button per conversation, not a radio: a radio's value is its position in the list, so a
    # conversation created in another tab shifted the list and the radio "changed" by itself, moving
    # this tab's next question into another conversation (reproduced in Chromium and AppTest).
    for c in conversations:
        label = md_escape(f"{c.title}（{c.questions} 问）")  # titles are data
        chosen = c.id == current
        if st.button(
            label, key=f"conversation_{c.id}", type="primary" if chosen else "secondary", width="stretch"
        ):
            set_open_conversation(c.id)
            st.rerun()
    if current is None:
        return
    if not st.session_state.get("confirm_delete"):
        if st.button("删除当前对话", key="delete_conversation"):
            st.session_state["confirm_delete"] = True
            st.rerun()
        return
    st.warning("确定删除当前对话？删除后无法恢复。")
    yes, no = st.columns(2)
    if yes.button("确认删除", key="confirm_delete_yes", type="primary"):
        assistant.delete_conversation(user, current)
        set_open_conversation(None)
        st.rerun()
    if no.button("取消", key="confirm_delete_no"):
        st.session_state.pop("confirm_delete", None)
        st.rerun()


def filter_panel(assistant, user: User) -> Filters:
    st.subheader("筛选")
    cities = st.multiselect(
        "地区", assistant.cities(user), key="filter_cities", placeholder="全部地区", select_all=False
    )
    meetings = [m for m in assistant.meetings(user) if not cities or m.city in cities]
    numbers = sorted({m.meeting for m in meetings if m.meeting is not None})
    meeting = st.selectbox(
        "会议",
        [None, *numbers],
        format_func=lambda n: "全部" if n is None else f"第{n}次",
        key="filter_meeting",
    )
    date_from = date_to = None
    if st.checkbox("按日期筛选", key="filter_use_dates"):
        dates = sorted(m.date for m in assistant.meetings(user) if m.date)
        start = date.fromisoformat(dates[0]) if dates else date(2015, 1, 1)
        end = date.fromisoformat(dates[-1]) if dates else date.today()
        picked = st.date_input("日期范围", (start, end), key="filter_dates", format="YYYY-MM-DD")
        if isinstance(picked, tuple) and len(picked) == 2:
            date_from, date_to = picked[0].isoformat(), picked[1].isoformat()
    return Filters(cities=cities, meeting=meeting, date_from=date_from, date_to=date_to)


# ------------------------------------------------------------------ chat
def render_turn(assistant, turn: Turn, key: str, user: User) -> None:
    with st.chat_message("user"):
        st.markdown(md_escape(turn.question))
    answer = turn.answer
    with st.chat_message("assistant"):
        english = answer.lang == "en"
        if turn.interpreted != turn.question:
            st.caption(f"{'Read as' if english else '理解为'}：{md_escape(turn.interpreted)}")
        if answer.interpreted_filters:
            filters = "；".join(md_escape(f) for f in answer.interpreted_filters)
            st.caption(("Filters: " if english else "筛选：") + filters)
        anchor = f"cite-{re.sub(r'[^0-9A-Za-z-]', '', key)}"
        if not answer.answerable:
            st.warning(md_escape(answer.text).replace("\n", "  \n"))
        else:
            st.markdown(
                f"<div class='answer'>{linked_answer(answer.text, anchor)}</div>", unsafe_allow_html=True
            )
        if answer.sources:
            st.markdown(
                "**Sources** (click a [n] to open it)" if english else "**来源**（点击正文中的 [n] 打开原文）"
            )
            st.markdown(
                "".join(source_block(c, anchor, english) for c in answer.sources), unsafe_allow_html=True
            )
        elif answer.nearest:
            st.caption(
                "最接近的议题：" + "；".join(md_escape(f"{h.label}{h.heading}") for h in answer.nearest[:3])
            )
        label = "Export this answer" if english else "导出本回答"
        export_buttons(assistant, [turn], key, label, user, whole=False)


def export_buttons(assistant, turns: list[Turn], key: str, label: str, user: User, whole: bool) -> None:
    """Download buttons whose files are built only when clicked (not on every rerun)."""
    columns = st.columns(len(FORMATS) + 1)
    columns[0].caption(label)
    for column, (fmt, name) in zip(columns[1:], FORMATS.items()):
        column.download_button(
            name,
            lambda fmt=fmt: assistant.export(user, turns, fmt),
            file_name=file_name(turns, fmt, whole),
            mime=None,
            key=f"dl-{key}-{fmt}",
            on_click="ignore",
        )


def chat_tab(assistant, user: User, filters: Filters) -> None:
    conversation = current_conversation(assistant, user)
    turns = assistant.turns(user, conversation) if conversation else []
    if not turns:
        st.info(
            "请输入问题，例如：太仓市第60次常务会议审议了哪些文件？ / 哪次会议讨论了河长制？ / "
            "Who chaired Taicang's 59th meeting?"
        )
    first = 0
    if len(turns) > RECENT_TURNS and not st.session_state.get(f"show_all_{conversation}"):
        first = len(turns) - RECENT_TURNS  # answer time must not grow with the conversation
        if st.button(f"显示更早的 {first} 轮问答", key=f"show_all_btn_{conversation}"):
            st.session_state[f"show_all_{conversation}"] = True
            st.rerun()
    for number, turn in enumerate(turns[first:], first):
        render_turn(assistant, turn, f"{conversation}-{number}", user)
    if len(turns) > 1:
        export_buttons(assistant, turns, f"{conversation}-all", "导出整个对话", user, whole=True)
    question = st.chat_input("输入问题（中文或英文），可追问：那太仓呢？ 谁汇报的？")
    if question and question.strip():
        if conversation is None:
            conversation = assistant.start_conversation(user, question)
            set_open_conversation(conversation)
        with st.chat_message("user"):
            st.markdown(md_escape(question))
        with st.chat_message("assistant"), st.spinner("检索中……"):
            streamed = st.empty()
            shown: list[str] = []

            def show(sentence: str) -> None:  # verified sentences only, as the LLM finishes each
                shown.append(sentence)
                streamed.markdown(md_escape("\n".join(shown)).replace("\n", "  \n"))

            assistant.ask(user, question, conversation, filters, on_sentence=show)
        st.rerun()


# ------------------------------------------------------------------ browse
def browse_tab(assistant, user: User) -> None:
    meetings = assistant.meetings(user)
    if not meetings:
        st.info("尚未收录任何纪要。")
        return
    table = [
        {
            "地区": safe_cell(m.city_full or "（未写明）"),
            "会议": number_text(m.meeting),
            "日期": m.date or shown_date(assistant, user, m.doc_id),
            "主持": safe_cell(m.chair or "—"),
            "议题数": m.n_items,
            "文件": safe_cell(m.source),
        }
        for m in meetings
    ]
    st.dataframe(table, width="stretch", hide_index=True)
    timeline(meetings)
    labels = {
        m.doc_id: f"{m.city_full or '（地区未写明）'} {number_text(m.meeting)} {m.date or ''}".strip()
        for m in meetings
    }
    doc_id = st.selectbox("选择会议阅读全文", list(labels), format_func=labels.get, key="browse_meeting")
    meeting = assistant.meeting(user, doc_id)
    st.subheader(md_escape(meeting.label))
    chair = (meeting.chair or "") + (meeting.chair_title or "")
    st.caption(
        f"日期 {md_escape(meeting.shown_date or '—')}（原文：{md_escape(meeting.date_as_written or '')}） · 主持 "
        f"{md_escape(chair)} · 文号 {md_escape(meeting.doc_number or '—')}"
    )
    for warning in meeting.warnings:
        st.caption(f"⚠ {md_escape(warning)}")
    for item in meeting.items:
        title = (
            "会议概况（开头、会议还…、出席列席）"
            if item.item == 0
            else f"{item.label} {item.heading_as_written}"
        )
        with st.expander(md_escape(title), expanded=False):
            if item.reporters:
                st.caption("汇报：" + md_escape("、".join(r.as_written for r in item.reporters)))
            if item.decisions:
                st.caption("决定：" + md_escape("；".join(item.as_written(d) for d in item.decisions)))
            st.markdown(
                f"<div class='source-text'>{highlighted(item.text_as_written or item.text, '')}</div>",
                unsafe_allow_html=True,
            )


def timeline(meetings) -> None:
    try:
        import altair as alt
    except ImportError:  # pragma: no cover
        return
    data = [
        {
            "日期": m.date,
            "地区": m.city_full or "（地区未写明）",
            "议题数": m.n_items,
            "会议": number_text(m.meeting),
        }
        for m in meetings
        if m.date
    ]
    if not data:
        return
    chart = (
        alt.Chart(alt.Data(values=data))
        .mark_circle(opacity=0.8)
        .encode(
            x=alt.X(
                "日期:T", title="会议日期", axis=alt.Axis(format="%Y-%m", labelAngle=0, labelOverlap="greedy")
            ),
            y=alt.Y("地区:N", title=None),
            size=alt.Size("议题数:Q", title="议题数"),
            color=alt.Color("地区:N", legend=None),
            tooltip=["地区:N", "会议:N", "日期:N", "议题数:Q"],
        )
        .properties(height=220, title="会议时间线（圆点大小 = 议题数）")
    )
    st.altair_chart(chart, width="stretch")


# ------------------------------------------------------------------ documents (editors, admins)
def documents_tab(assistant, user: User) -> None:
    if stale := assistant.interrupted_ingest(user):
        st.warning(
            md_escape(
                f"上次导入没有完成（{stale.get('user', '?')} 上传）：以下文件未确认入库，请重新上传："
                f"{'、'.join(stale.get('files', [])) or '（未知）'}"
            )
        )
        if st.button("知道了", key="dismiss_interrupted"):
            assistant.dismiss_interrupted_ingest(user)
            st.rerun()
    st.subheader("上传纪要")
    upload_panel(assistant, user)
    st.subheader("已收录的纪要")
    documents = assistant.meetings(user)
    table = [
        {
            "地区": safe_cell(d.city_full or "（未写明）"),
            "会议": number_text(d.meeting),
            "日期": d.date or shown_date(assistant, user, d.doc_id),
            "议题数": d.n_items,
            "警告": len(d.warnings),
            "文件": safe_cell(d.source),
        }
        for d in documents
    ]
    st.dataframe(table, width="stretch", hide_index=True)
    if not documents:
        return
    labels = {
        d.doc_id: f"{d.source} · {d.city_full or '（地区未写明）'} {number_text(d.meeting)}"
        for d in documents
    }
    doc_id = st.selectbox("选择文档", list(labels), format_func=labels.get, key="manage_doc")
    document = next(d for d in documents if d.doc_id == doc_id)
    for warning in document.warnings:
        st.caption(f"⚠ {md_escape(warning)}")
    place = st.text_input("手动设置所属地区（留空则按正文识别）", key="manage_place").strip() or None
    if st.button("重新解析", key="manage_reparse"):
        report = assistant.reparse(user, doc_id, place)
        show_report(report)
    if user.can("remove"):
        confirm = st.checkbox(
            md_escape(f"确认删除 {document.source}（删除后需重新上传）"), key="manage_confirm_remove"
        )
        if st.button("删除文档", key="manage_remove", disabled=not confirm, type="primary"):
            assistant.remove_document(user, document.source)
            st.toast("已删除")
            st.rerun()


def upload_panel(assistant, user: User) -> None:
    """Choose files, see each one's parse, confirm; the import runs in the background.

    Confirming clears the chooser (a new widget key), so the old preview and its button cannot come
    back and import the same files twice; the finished import's report stays on the page until the
    next files are chosen.
    """
    limit_mb, limit_n = CONFIG.data.max_file_mb, CONFIG.data.max_upload_files
    st.caption(f"支持 txt / docx / pdf / html，每个文件不超过 {limit_mb:g} MB，一次最多 {limit_n} 个。")
    files = st.file_uploader(
        "选择纪要文件",
        type=["txt", "docx", "pdf", "html", "htm"],
        accept_multiple_files=True,
        key=f"uploads_{st.session_state.get('upload_round', 0)}",
        label_visibility="collapsed",
    )
    if st.session_state.get("ingest_job"):
        # Polls only while this user has an ingest running: a fragment rerun drops the session's
        # unreferenced media files, which cancelled an export download in flight (seen in CI).
        st.fragment(job_view, run_every=1.0)(assistant, user)
    if not files:
        show_finished_import()
        return
    st.session_state.pop("ingest_result", None)
    payload = [(f.name, f.getvalue()) for f in files]
    place = (
        st.text_input(
            "所属地区（纪要未写明时填写，如 上海市宝山区）",
            key="upload_place",
            help="填写后覆盖从正文识别的地区，引用中显示所填地区",
        ).strip()
        or None
    )
    previews = assistant.preview_uploads(user, payload, place)
    for p in previews:
        if p.ok:
            st.success(md_escape(f"{p.name}：{p.meeting}，{p.date or '日期未识别'}，{p.n_items} 项议题"))
            for warning in p.warnings or []:
                st.caption(f"⚠ {md_escape(warning)}")
        else:
            st.error(md_escape(f"{p.name}：{p.message}"))
    good = [item for item, p in zip(payload, previews) if p.ok]
    if good and st.button(f"确认导入 {len(good)} 个文件", key="confirm_upload", type="primary"):
        st.session_state["ingest_job"] = assistant.start_upload(user, good, place).id
        st.session_state["upload_round"] = st.session_state.get("upload_round", 0) + 1
        st.rerun()


def job_view(assistant, user: User) -> None:
    """Progress of this user's background ingest; the rest of the page stays usable meanwhile."""
    job = assistant.job(user, st.session_state.get("ingest_job"))
    if job is None:
        return
    if not job.finished:
        st.progress(
            job.done / max(job.total, 1), text=f"后台导入中：{job.stage} {job.done}/{job.total}（可继续提问）"
        )
        return
    st.session_state["ingest_result"] = job
    st.session_state.pop("ingest_job", None)
    st.rerun(scope="app")  # the documents table and the filters now include the new minutes


def show_finished_import() -> None:
    """The last import's outcome, kept until the next files are chosen."""
    job = st.session_state.get("ingest_result")
    if job is None:
        return
    if job.error:
        st.error(md_escape(f"导入失败：{job.error}（已收录的内容不受影响）"))
    else:
        show_report(job.report)


def show_report(report) -> None:
    for f in report.files:
        status = STATUS_NAMES.get(f.status, f.status)
        (st.error if f.status == "failed" else st.info)(
            md_escape(f"{f.source}：{status} {f.message}".strip())
        )


# ------------------------------------------------------------------ users and audit (admins)
def admin_tab(assistant, user: User) -> None:
    if notice := st.session_state.pop("account_notice", None):
        st.success(md_escape(notice))
    st.subheader("用户")
    users = assistant.users(user)
    st.dataframe(
        [{"用户名": safe_cell(u.name), "角色": u.role_name} for u in users],
        width="stretch",
        hide_index=True,
    )
    with st.form("add_user", clear_on_submit=True):
        name = st.text_input("新用户名")
        role = st.selectbox("角色", ROLES, format_func=ROLE_NAMES.get)
        password = st.text_input("初始密码（至少 8 位，不能全是空格）", type="password")
        if st.form_submit_button("添加用户"):
            account_action(lambda: assistant.add_user(user, name, role, password), f"已添加 {name}")
    manage_user(assistant, user, users)
    sign_in_locks(assistant, user)
    st.subheader("审计日志")
    st.dataframe(
        [{k: safe_cell(v) for k, v in e.items()} for e in assistant.audit_entries(user, 300)],
        width="stretch",
        hide_index=True,
    )
    st.download_button(
        "导出审计日志（CSV）",
        lambda: assistant.audit_csv(user),
        file_name="审计日志.csv",
        key="audit_csv",
        on_click="ignore",
    )


def account_action(action, done: str) -> None:
    """Run an account change, then show the page again with the change in its tables and `done` said;
    a refusal (AuthError) is shown, never raised."""
    try:
        action()
    except AuthError as exc:
        st.error(md_escape(str(exc)))
        return
    st.session_state["account_notice"] = done
    st.rerun()


def manage_user(assistant, user: User, users: list[User]) -> None:
    """Change a role, reset a password, or remove an account (with confirmation)."""
    if not users:
        return
    st.subheader("管理账户")
    names = [u.name for u in users]
    chosen = st.selectbox("选择用户", names, key="account_user", format_func=safe_cell)
    current = next(u for u in users if u.name == chosen)
    role_col, password_col = st.columns(2)
    with role_col:
        role = st.selectbox(
            "角色",
            ROLES,
            index=ROLES.index(current.role),
            format_func=ROLE_NAMES.get,
            key=f"account_role_{chosen}",
        )  # keyed per user: a shared key showed the previous user's role for the next one chosen
        if st.button("更改角色", key="account_set_role", disabled=role == current.role):
            account_action(lambda: assistant.set_role(user, chosen, role), f"{chosen} 现为{ROLE_NAMES[role]}")
    with password_col, st.form("reset_password", clear_on_submit=True, border=False):
        # A form: the typed password and the click arrive together (a bare text input applies
        # only on Enter or blur, so a button gated on it stayed disabled under the first click).
        password = st.text_input("新密码", type="password", key="account_password")
        if st.form_submit_button("重置密码"):
            account_action(
                lambda: assistant.set_password(user, chosen, password),
                f"已重置 {chosen} 的密码（其会话已失效）",
            )
    sure = st.checkbox(md_escape(f"确认删除账户 {chosen}（其对话随之删除）"), key="account_remove_sure")
    if st.button("删除账户", key="account_remove", disabled=not sure):
        account_action(lambda: assistant.remove_user(user, chosen), f"已删除 {chosen}")


def sign_in_locks(assistant, user: User) -> None:
    """Names locked out of signing in from an address (too many wrong passwords), and unlocking them."""
    locks = assistant.sign_in_locks(user)
    st.subheader("登录锁定")
    if not locks:
        st.caption("当前没有被锁定的账户。")
        return
    st.dataframe(
        [
            {
                "用户名": safe_cell(lock.name),
                "来源地址": safe_cell(lock.address or "未知"),
                "失败次数": lock.failures,
                "锁定至": time.strftime("%Y-%m-%d %H:%M", time.localtime(lock.until)),
            }
            for lock in locks
        ],
        width="stretch",
        hide_index=True,
    )
    locked = sorted({lock.name for lock in locks})
    name = st.selectbox("解除锁定的用户", locked, key="unlock_user", format_func=safe_cell)
    if st.button("解除锁定", key="unlock_button"):
        account_action(lambda: assistant.unlock_user(user, name), f"已解除 {name} 的登录锁定")


# ------------------------------------------------------------------ page
st.markdown(STYLE, unsafe_allow_html=True)
ASSISTANT = open_service()
USER = signed_in_user(ASSISTANT)
FILTERS = sidebar(ASSISTANT, USER)
TABS = (
    ["问答", "浏览会议"]
    + (["文档管理"] if USER.can("upload") else [])
    + (["用户与审计"] if USER.can("audit") else [])
)
# key + on_change keep the chosen tab across reruns (an upload, a fragment refresh) instead of jumping back.
for tab, name in zip(st.tabs(TABS, key="main_tab", on_change="rerun"), TABS):
    with tab:
        if name == "问答":
            chat_tab(ASSISTANT, USER, FILTERS)
        elif name == "浏览会议":
            browse_tab(ASSISTANT, USER)
        elif name == "文档管理":
            documents_tab(ASSISTANT, USER)
        else:
            admin_tab(ASSISTANT, USER)
