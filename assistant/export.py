"""Export answers with their citations and quoted sources: DOCX (for office use), Markdown, CSV, JSON.

Every exporter takes the same list of turns (question, answer dict as produced
by `Answer.to_dict()`), so one answer and a whole conversation export alike.
"""
from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime
from typing import Any

from .models import chinese_item_label

TITLE = "常务会议纪要问答记录"
APP_NAME = "常务会议纪要助手"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A spreadsheet cell that can never run as a formula: text starting with = + - @ gets a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def file_name(turns: list[dict[str, Any]], fmt: str, whole_conversation: bool, when: datetime | None = None) -> str:
    """纪要问答_<question>_<date>.docx for one answer; 纪要对话_<first question>_<date>_<n>问.docx for a conversation."""
    when = when or datetime.now()
    first = re.sub(r"[\\/:*?\"<>|\s\x00-\x1f]+", "", turns[0]["question"] if turns else "")[:24] or "问答"
    stamp = f"{when:%Y%m%d-%H%M}"
    if whole_conversation:
        return f"纪要对话_{first}_{stamp}_{len(turns)}问.{fmt}"
    return f"纪要问答_{first}_{stamp}.{fmt}"


def document_citation(citation: dict[str, Any]) -> str:
    """Citation as written in office documents: 〔太仓市政府第60次常务会议纪要 2021-08-20 · 议题二〕."""
    city = citation.get("city_full") or citation.get("city") or ""
    number = f"第{citation['meeting']}次" if citation.get("meeting") is not None else ""
    when = f" {citation['date']}" if citation.get("date") else ""
    return f"〔{city}政府{number}常务会议纪要{when} · {chinese_item_label(int(citation['item']))}〕"


def _plain(answer_text: str) -> str:
    return answer_text.replace("**", "")


def to_markdown(turns: list[dict[str, Any]]) -> str:
    lines = [f"# {TITLE}", "", f"导出时间：{datetime.now():%Y-%m-%d %H:%M}", ""]
    for number, turn in enumerate(turns, 1):
        answer = turn["answer"]
        lines += [f"## 问题{number}：{_md_escape(turn['question'])}", ""]
        if turn.get("interpreted") and turn["interpreted"] != turn["question"]:
            lines += [f"*理解为：{_md_escape(turn['interpreted'])}*", ""]
        lines += [_md_escape(_plain(answer["answer"])).replace("\n", "  \n"), ""]
        if answer.get("citations"):
            lines += ["**引用**", ""]
            for c in answer["citations"]:
                lines.append(f"[{c['n']}] {document_citation(c)} {_md_escape(c['heading'])}")
            lines += ["", "**原文摘录**", ""]
            for c in answer["citations"]:
                lines.append(f"> [{c['n']}] " + _md_escape(c["text"]).replace("\n", "\n> "))
                lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _md_escape(text: str) -> str:
    """Document text is data: neutralise Markdown/HTML syntax it may contain."""
    return re.sub(r"([\\`*_{}\[\]<>#|])", r"\\\1", text)


def to_json(turns: list[dict[str, Any]]) -> str:
    return json.dumps({"title": TITLE, "exported_at": datetime.now().isoformat(timespec="seconds"),
                       "turns": turns}, ensure_ascii=False, indent=1)


def to_csv(turns: list[dict[str, Any]]) -> str:
    """One row per citation (a question without citations still gets one row), for records."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["问题", "理解为", "回答", "可回答", "引用编号", "引用", "城市", "会议", "日期", "议题", "议题标题", "原文"])
    for turn in turns:
        answer = turn["answer"]
        base = [turn["question"], turn.get("interpreted", ""), _plain(answer["answer"]),
                "是" if answer.get("answerable") else "否"]
        citations = answer.get("citations") or [None]
        for c in citations:
            if c is None:
                row = [*base, "", "", "", "", "", "", "", ""]
            else:
                row = [*base, c["n"], document_citation(c), c.get("city_full") or c.get("city"),
                       c.get("meeting"), c.get("date"), c.get("item"), c.get("heading"), c.get("text")]
            writer.writerow([safe_cell(value) for value in row])
    return "\ufeff" + buffer.getvalue()  # BOM so Excel opens the UTF-8 file correctly


def to_docx(turns: list[dict[str, Any]], author: str = APP_NAME) -> bytes:
    """A Word document for an office: A4, 仿宋/黑体 (Latin text in Times New Roman), title, author and
    creation date set; question, answer, citation list, quoted source excerpts."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    document = docx.Document()
    for section in document.sections:  # A4 with the margins of GB/T 9704 official documents
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
        section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    for style_name, font, size in (("Normal", "仿宋", 12), ("Heading 1", "黑体", 16), ("Heading 2", "黑体", 14)):
        style = document.styles[style_name]
        style.font.name = "Times New Roman"
        style.font.size = Pt(size)
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), font)  # Word and LibreOffice fall back to an installed CJK font
        fonts.set(qn("w:hint"), "eastAsia")
    properties = document.core_properties
    properties.title = turns[0]["question"][:100] if len(turns) == 1 else f"{TITLE}（{len(turns)}问）"
    properties.author = properties.last_modified_by = author
    properties.created = properties.modified = datetime.now()
    properties.comments = f"由{APP_NAME}导出"
    title = document.add_heading(TITLE, level=1)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(f"导出时间：{datetime.now():%Y-%m-%d %H:%M}")
    for number, turn in enumerate(turns, 1):
        answer = turn["answer"]
        document.add_heading(f"问题{number}：{turn['question']}", level=2)
        if turn.get("interpreted") and turn["interpreted"] != turn["question"]:
            document.add_paragraph(f"理解为：{turn['interpreted']}").runs[0].italic = True
        for line in _plain(answer["answer"]).split("\n"):
            document.add_paragraph(line)
        if answer.get("citations"):
            document.add_paragraph().add_run("引用").bold = True
            for c in answer["citations"]:
                document.add_paragraph(f"[{c['n']}] {document_citation(c)} {c['heading']}")
            document.add_paragraph().add_run("原文摘录").bold = True
            for c in answer["citations"]:
                quote = document.add_paragraph()
                quote.paragraph_format.left_indent = Pt(24)
                run = quote.add_run(f"[{c['n']}] {c['text']}")
                run.font.size = Pt(10.5)
                run.font.color.rgb = RGBColor(0x44, 0x44, 0x44)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


EXPORTERS = {
    "docx": (to_docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "md": (to_markdown, "text/markdown"),
    "csv": (to_csv, "text/csv"),
    "json": (to_json, "application/json"),
}


def export(turns: list[dict[str, Any]], fmt: str, author: str = APP_NAME) -> tuple[bytes, str]:
    """Bytes and MIME type of the turns in one of docx | md | csv | json."""
    writer, mime = EXPORTERS[fmt]
    data = writer(turns, author) if fmt == "docx" else writer(turns)
    return (data if isinstance(data, bytes) else data.encode("utf-8")), mime
