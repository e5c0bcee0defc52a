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
                writer.writerow([*base, "", "", "", "", "", "", "", ""])
            else:
                writer.writerow([*base, c["n"], document_citation(c), c.get("city_full") or c.get("city"),
                                 c.get("meeting"), c.get("date"), c.get("item"), c.get("heading"), c.get("text")])
    return "\ufeff" + buffer.getvalue()  # BOM so Excel opens the UTF-8 file correctly


def to_docx(turns: list[dict[str, Any]]) -> bytes:
    """A Word document: question, answer, citation list, quoted source excerpts (宋体/仿宋 as offices use)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    document = docx.Document()
    for style_name, font, size in (("Normal", "仿宋", 12), ("Heading 1", "黑体", 16), ("Heading 2", "黑体", 14)):
        style = document.styles[style_name]
        style.font.name = font
        style.font.size = Pt(size)
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
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


def export(turns: list[dict[str, Any]], fmt: str) -> tuple[bytes, str]:
    """Bytes and MIME type of the turns in one of docx | md | csv | json."""
    writer, mime = EXPORTERS[fmt]
    data = writer(turns)
    return (data if isinstance(data, bytes) else data.encode("utf-8")), mime
