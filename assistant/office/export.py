"""Export answers with their citations and quoted sources: DOCX (for office use), Markdown, CSV, JSON.

Every exporter takes the same list of typed turns (question, interpretation, `CitedAnswer`),
so one answer and a whole conversation export alike.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime
from typing import Any

from ..answering.cited import Source
from ..models import chinese_item_label
from .conversations import Turn

TITLE = "常务会议纪要问答记录"
APP_NAME = "常务会议纪要助手"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A spreadsheet cell that can never run as a formula: text starting with = + - @ gets a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def file_name(turns: list[Turn], fmt: str, whole_conversation: bool, when: datetime | None = None) -> str:
    """纪要问答_<question>_<date>.docx for one answer; 纪要对话_<first question>_<date>_<n>问.docx for a conversation."""
    when = when or datetime.now()
    first = re.sub(r"[\\/:*?\"<>|\s\x00-\x1f]+", "", turns[0].question if turns else "")[:24] or "问答"
    stamp = f"{when:%Y%m%d-%H%M}"
    if whole_conversation:
        return f"纪要对话_{first}_{stamp}_{len(turns)}问.{fmt}"
    return f"纪要问答_{first}_{stamp}.{fmt}"


def document_citation(source: Source) -> str:
    """Citation as written in office documents: 〔太仓市政府第60次常务会议纪要 2021-08-20 · 议题二〕."""
    city = source.city_full or source.city or ""
    number = f"第{source.meeting}次" if source.meeting is not None else ""
    when = f" {source.date}" if source.date else ""
    return f"〔{city}政府{number}常务会议纪要{when} · {chinese_item_label(source.item)}〕"


def _plain(answer_text: str) -> str:
    return answer_text.replace("**", "")


def to_markdown(turns: list[Turn]) -> str:
    lines = [f"# {TITLE}", "", f"导出时间：{datetime.now():%Y-%m-%d %H:%M}", ""]
    for number, turn in enumerate(turns, 1):
        answer = turn.answer
        lines += [f"## 问题{number}：{_md_escape(turn.question)}", ""]
        if turn.interpreted and turn.interpreted != turn.question:
            lines += [f"*理解为：{_md_escape(turn.interpreted)}*", ""]
        lines += [_md_escape(_plain(answer.text)).replace("\n", "  \n"), ""]
        if answer.sources:
            lines += ["**引用**", ""]
            for c in answer.sources:
                lines.append(f"[{c.n}] {document_citation(c)} {_md_escape(c.heading)}")
            lines += ["", "**原文摘录**", ""]
            for c in answer.sources:
                lines.append(f"> [{c.n}] " + _md_escape(c.text).replace("\n", "\n> "))
                lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _md_escape(text: str) -> str:
    """Document text is data: neutralise Markdown/HTML syntax it may contain."""
    return re.sub(r"([\\`*_{}\[\]<>#|])", r"\\\1", text)


def to_json(turns: list[Turn]) -> str:
    records = [
        {"question": t.question, "interpreted": t.interpreted, "answer": t.answer.to_dict()} for t in turns
    ]
    return json.dumps(
        {"title": TITLE, "exported_at": datetime.now().isoformat(timespec="seconds"), "turns": records},
        ensure_ascii=False,
        indent=1,
    )


def to_csv(turns: list[Turn]) -> str:
    """One row per citation (a question without citations still gets one row), for records."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "问题",
            "理解为",
            "回答",
            "可回答",
            "引用编号",
            "引用",
            "城市",
            "会议",
            "日期",
            "议题",
            "议题标题",
            "原文",
        ]
    )
    for turn in turns:
        answer = turn.answer
        base = [turn.question, turn.interpreted, _plain(answer.text), "是" if answer.answerable else "否"]
        for c in answer.sources or [None]:
            if c is None:
                row = [*base, "", "", "", "", "", "", "", ""]
            else:
                row = [
                    *base,
                    c.n,
                    document_citation(c),
                    c.city_full or c.city,
                    c.meeting,
                    c.date,
                    c.item,
                    c.heading,
                    c.text,
                ]
            writer.writerow([safe_cell(value) for value in row])
    return "\ufeff" + buffer.getvalue()  # BOM so Excel opens the UTF-8 file correctly


def to_docx(turns: list[Turn], author: str = APP_NAME) -> bytes:
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
    for style_name, font, size in (
        ("Normal", "仿宋", 12),
        ("Heading 1", "黑体", 16),
        ("Heading 2", "黑体", 14),
    ):
        style = document.styles[style_name]
        style.font.name = "Times New Roman"
        style.font.size = Pt(size)
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), font)  # Word and LibreOffice fall back to an installed CJK font
        fonts.set(qn("w:hint"), "eastAsia")
    properties = document.core_properties
    properties.title = turns[0].question[:100] if len(turns) == 1 else f"{TITLE}（{len(turns)}问）"
    properties.author = properties.last_modified_by = author
    properties.created = properties.modified = datetime.now()
    properties.comments = f"由{APP_NAME}导出"
    title = document.add_heading(TITLE, level=1)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(f"导出时间：{datetime.now():%Y-%m-%d %H:%M}")
    for number, turn in enumerate(turns, 1):
        answer = turn.answer
        document.add_heading(f"问题{number}：{turn.question}", level=2)
        if turn.interpreted and turn.interpreted != turn.question:
            document.add_paragraph(f"理解为：{turn.interpreted}").runs[0].italic = True
        for line in _plain(answer.text).split("\n"):
            document.add_paragraph(line)
        if answer.sources:
            document.add_paragraph().add_run("引用").bold = True
            for c in answer.sources:
                document.add_paragraph(f"[{c.n}] {document_citation(c)} {c.heading}")
            document.add_paragraph().add_run("原文摘录").bold = True
            for c in answer.sources:
                quote = document.add_paragraph()
                quote.paragraph_format.left_indent = Pt(24)
                run = quote.add_run(f"[{c.n}] {c.text}")
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


FORMATS = {"docx": "Word", "md": "Markdown", "csv": "CSV", "json": "JSON"}


def export_turns(turns: list[Turn], fmt: str, author: str = APP_NAME) -> tuple[bytes, str]:
    """Bytes and MIME type of the turns in one of docx | md | csv | json."""
    writer, mime = EXPORTERS[fmt]
    data = writer(turns, author) if fmt == "docx" else writer(turns)
    return (data if isinstance(data, bytes) else data.encode("utf-8")), mime
