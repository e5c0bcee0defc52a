"""Build realistic test documents (docx with automatic numbering, PDF, portal HTML) in a temp folder."""

from __future__ import annotations

from pathlib import Path

MINUTES_LINES = [
    "吴江区人民政府",
    "常务会议纪要",
    "吴政纪〔2022〕15号",
    "2022年6月16日，区长李铭主持召开区政府第45次常务会议，现纪要如下：",
    "审议《吴江区促进现代服务业高质量发展若干政策》",
    "会议听取了区发改委主任周明关于《吴江区促进现代服务业高质量发展若干政策》起草情况的汇报。会议原则同意该《政策》，以区政府名义印发。",
    "听取全区防汛防台工作情况汇报",
    "会议听取了区水务局局长陈涛的汇报。会议要求，各镇（区）要严格落实防汛责任制，确保安全度汛。",
]


def write_docx_with_auto_numbering(path: Path) -> Path:
    """A .docx whose item labels 一、二、 exist only as Word list numbering (numFmt chineseCounting)."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            '<w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
        )
    )
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for line_no, text in enumerate(MINUTES_LINES):
        paragraph = document.add_paragraph(text)
        if line_no in (4, 6):
            ppr = paragraph._p.get_or_add_pPr()
            ppr.append(
                parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>')
            )
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "出席：李铭、王华"
    table.cell(0, 1).text = "记录：张敏"
    document.save(path)
    return path


def write_pdf(path: Path, lines: list[str]) -> Path:
    """A PDF with a real text layer (Adobe CJK font STSong-Light), long lines wrapped at the margin."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path))
    pdf.setFont("STSong-Light", 11)
    y = 800
    for line in lines:
        for start in range(0, max(len(line), 1), 38):
            pdf.drawString(40, y, line[start : start + 38])
            y -= 16
            if y < 60:
                pdf.showPage()
                pdf.setFont("STSong-Light", 11)
                y = 800
    pdf.save()
    return path


def portal_html(lines: list[str]) -> str:
    """A government portal page: navigation, breadcrumbs, the minutes in a content div, a footer."""
    body = "".join(f"<p>{line}</p>" for line in lines)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>常务会议纪要</title>
<script>var x = "一、不是议题";</script><style>p {{margin:0}}</style></head>
<body><div class="top-nav"><a href="/">首页</a><a href="/zwgk">政务公开</a><a href="/hd">政民互动</a></div>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 常务会议</div>
<div class="article-content" id="zoom">{body}</div>
<div class="footer">主办单位：吴江区人民政府办公室 版权所有 苏ICP备000000号</div></body></html>"""
