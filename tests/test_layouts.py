"""Other real-world layouts: district （一） items, county 1. items, inline headings, no year, docx, PDF, HTML, GBK."""

from __future__ import annotations

from builders import MINUTES_LINES, portal_html, write_docx_with_auto_numbering, write_pdf
from conftest import FIXTURES, MINUTES

from assistant.ingest.chunker import ChunkSettings, chunk_meeting
from assistant.ingest.loaders import load_bytes, load_file
from assistant.ingest.parser import parse_meeting


def parse_file(path):
    return parse_meeting(load_file(path).text, path.name)


def test_district_minutes_with_parenthesised_items_and_numbered_subpoints():
    m = parse_file(FIXTURES / "district_paren_items.txt")
    assert (m.city_full, m.city, m.region, m.meeting, m.term, m.date) == (
        "上海市浦东新区",
        "浦东",
        "上海市",
        106,
        "十一届",
        "2024-03-05",
    )
    assert (m.chair, m.chair_title, m.doc_number) == ("张明", "区长", "浦府纪〔2024〕7号")
    assert [it.label for it in m.items[1:]] == ["（一）", "（二）", "（三）"]
    first = m.items[1]
    assert first.document_titles == ["浦东新区促进生物医药产业高质量发展若干措施"]
    assert (first.reporters[0].org, first.reporters[0].title, first.reporters[0].person) == (
        "区科经委",
        "主任",
        "李华",
    )
    assert first.routing == ["以区政府名义印发"]
    assert "2. 要加大对企业研发投入的支持力度。" in first.text  # sub-points stay inside the item
    assert m.items[2].routing == ["提交区委常委会审议"]
    assert m.attendance["出席"] == ["张明", "刘强", "孙丽", "周杰"]


def test_county_minutes_with_dot_items_inline_headings_and_chinese_numeral_date():
    m = parse_file(FIXTURES / "county_dot_items.txt")
    assert (m.city, m.meeting, m.date, m.chair) == ("沭阳", 4, "2023-05-08", "王伟")
    assert len(m.items) == 4
    first = m.items[1]
    assert first.heading == "审议《沭阳县农村公路养护管理办法》"
    assert first.verb == "审议"
    assert first.reporters[0].person == "赵刚"
    assert any("原则同意该《办法》" in d for d in first.decisions)
    assert "会议决定由县城投公司负责项目建设" in m.items[3].decisions[0]
    assert m.trailing == ["会议还听取了关于安全生产大检查的情况通报。"]
    assert m.attendance["出席"] == ["王伟", "李明", "张强"]


def test_inline_heading_items_and_year_from_issue_date():
    m = parse_file(FIXTURES / "inline_no_year.txt")
    assert (m.city, m.meeting, m.date, m.issue_date) == ("宜兴", 12, "2024-09-03", "2024-09-10")
    assert "印发日期" in m.provenance["date"]
    assert m.items[1].heading == "会议审议了《宜兴市城市生活垃圾分类管理办法》"
    assert m.items[1].verb == "审议"
    assert m.items[1].decisions[0].startswith("会议原则通过该《办法》")
    assert m.items[2].reporters[0].person == "王明"
    assert "抄送" not in m.items[3].text


def test_gbk_and_utf16_text_decode_to_the_same_meeting(tmp_path):
    text = (MINUTES / "002_3a51d540a4f2b435.txt").read_text(encoding="utf-8")
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(text.encode("gb18030"))
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(text.encode("utf-16"))
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    reference = parse_meeting(text)
    for path in (gbk, utf16, bom):
        loaded = load_file(path)
        assert loaded.text.replace("\r\n", "\n") == text.replace("\r\n", "\n")
        meeting = parse_meeting(loaded.text)
        assert [it.heading for it in meeting.items] == [it.heading for it in reference.items]


def test_short_gbk_file_is_detected_not_guessed(tmp_path):
    path = tmp_path / "short.txt"
    path.write_bytes("一、审议《工业厂房出租管理办法》\n会议原则同意。".encode("gbk"))
    assert load_file(path).text.startswith("一、审议《工业厂房出租管理办法》")


def test_docx_automatic_numbering_keeps_item_labels(tmp_path):
    path = write_docx_with_auto_numbering(tmp_path / "wujiang.docx")
    loaded = load_file(path)
    assert loaded.fmt == "docx"
    assert "一、审议《吴江区促进现代服务业高质量发展若干政策》" in loaded.text
    assert "二、听取全区防汛防台工作情况汇报" in loaded.text
    assert "出席：李铭、王华" in loaded.text  # table cells are read as text
    m = parse_meeting(loaded.text)
    assert (m.city_full, m.meeting, m.date, m.doc_number) == (
        "苏州市吴江区",
        45,
        "2022-06-16",
        "吴政纪〔2022〕15号",
    )
    assert [it.heading for it in m.items[1:]] == [
        "审议《吴江区促进现代服务业高质量发展若干政策》",
        "听取全区防汛防台工作情况汇报",
    ]
    assert m.items[1].routing == ["以区政府名义印发"]


def test_pdf_text_layer_with_wrapped_lines(tmp_path):
    lines = [
        *MINUTES_LINES[:4],
        "一、" + MINUTES_LINES[4],
        MINUTES_LINES[5],
        "二、" + MINUTES_LINES[6],
        MINUTES_LINES[7],
    ]
    loaded = load_file(write_pdf(tmp_path / "wujiang.pdf", lines))
    assert loaded.fmt == "pdf"
    m = parse_meeting(loaded.text)
    assert (m.meeting, m.date, m.chair) == (45, "2022-06-16", "李铭")
    assert [it.heading for it in m.items[1:]] == [
        "审议《吴江区促进现代服务业高质量发展若干政策》",
        "听取全区防汛防台工作情况汇报",
    ]
    assert m.items[1].reporters[0].person == "周明"  # a paragraph wrapped over lines is joined back


def test_portal_html_keeps_minutes_and_drops_navigation():
    lines = [
        *MINUTES_LINES[:4],
        "一、" + MINUTES_LINES[4],
        MINUTES_LINES[5],
        "二、" + MINUTES_LINES[6],
        MINUTES_LINES[7],
    ]
    loaded = load_bytes(portal_html(lines).encode("utf-8"), "minutes.html")
    assert loaded.fmt == "html"
    assert "首页" not in loaded.text and "版权所有" not in loaded.text and "不是议题" not in loaded.text
    m = parse_meeting(loaded.text)
    assert len(m.items) == 3 and m.meeting == 45


def test_unrecognised_structure_still_yields_item_zero_passages():
    text = "关于加强城市管理工作的几点意见\n近期城市管理工作取得一定成效，但仍存在不少问题。要进一步强化责任落实。"
    m = parse_meeting(text, "notes.txt")
    assert len(m.items) == 1 and m.items[0].item == 0
    assert any("未识别到议题" in w for w in m.warnings)
    passages = chunk_meeting(m, ChunkSettings())
    assert passages and all(p.item == 0 for p in passages)
    assert "强化责任落实" in "".join(p.text for p in passages)


def test_passages_fit_the_model_never_cross_items_and_carry_context():
    m = parse_file(MINUTES / "001_dce03536bfbe4d34.txt")
    passages = chunk_meeting(m, ChunkSettings(max_chars=400, overlap_chars=80))
    assert max(len(p.text) for p in passages) <= 400
    for p in passages:
        item = m.item_by_number(p.item)
        if p.item:
            assert p.text.replace("\n", "")[:20] in item.text.replace("\n", "")
        assert p.context.startswith("昆山市政府第4次常务会议 2017-05-24")
    long_item = [p for p in passages if p.item == 5]
    assert len(long_item) >= 2 and all("议题五" in p.context for p in long_item)


def test_meeting_number_forms_seen_in_real_minutes():
    cases = {
        "2024年1月5日，区长王强主持召开五届104次常务会议，现纪要如下：": (104, "五届"),
        "2024年1月5日，区长王强主持召开区十一届政府第106次常务会议，现纪要如下：": (106, "十一届"),
        "2025年3月2日，市长王强主持召开2025年度第9次市政府常务会议，现纪要如下：": (9, None),
        "二〇二三年五月八日，县长王伟主持召开县政府第四次常务会议，现纪要如下：": (4, None),
    }
    for intro, expected in cases.items():
        m = parse_meeting(intro + "\n一、审议《办法》\n会议原则同意。")
        assert (m.meeting, m.term) == expected, intro
        assert m.chair in ("王强", "王伟")


def test_header_block_with_time_chair_and_attendance_before_the_items():
    m = parse_file(FIXTURES / "header_block_items.txt")
    assert (m.city_full, m.date, m.chair, m.chair_title, m.doc_number) == (
        "南京市江宁区",
        "2024-04-08",
        "陈立",
        "区长",
        "〔2024〕3号",
    )
    assert [it.heading for it in m.items[1:]] == [
        "关于江宁区老旧小区改造三年行动计划",
        "关于区级财政资金绩效评价工作",
    ]
    assert m.attendance["出席"] == ["陈立", "王海", "李娟", "赵强"]
    assert m.items[1].reporters[0].person == "何平"


def test_portal_page_with_metadata_table_and_br_separated_body_keeps_the_body():
    """Pages that lay the minutes out as <br> lines beside a metadata table with a summary <p>."""
    lines = (FIXTURES.parent.parent / "data" / "minutes-other" / "22_wuxi_binhu.txt").read_text(
        encoding="utf-8"
    )
    body = [ln.strip() for ln in lines.splitlines()[13:] if ln.strip()]
    meta = (
        "<table><tr><td>信息索引号</td><td>014028901/2022-02540</td><td>生成日期</td><td>2022-04-14</td></tr>"
        "<tr><td>内容概述</td><td><p>无锡市滨湖区政府召开第6次常务会议</p></td></tr></table>"
    )
    html = (
        f"<html><body><div class='nav'><a href='/'>首页</a><a href='/x'>政务公开</a></div><div class='main'>{meta}"
        f"<div class='TRS_Editor'>{'<br>'.join(body)}</div></div></body></html>"
    )
    loaded = load_bytes(html.encode("utf-8"), "binhu.html")
    assert "会议审议通过了《滨湖区城市运行“一网统管”建设三年行动计划" in loaded.text
    m = parse_meeting(loaded.text, "binhu.html")
    assert (m.city_full, m.meeting, m.date) == ("无锡市滨湖区", 6, "2022-04-14")
    assert m.portal["生成日期"] == "2022-04-14" and m.portal["信息索引号"] == "014028901/2022-02540"
    assert "一网统管" in m.items[1].heading and not any("索引号" in it.text for it in m.items)


def test_news_style_minutes_with_term_number_paragraph_items_and_attendance_block():
    text = (
        "市政府召开第十届第十二次常务会议\n时间:2023-05-09 08:10来源:市政府办公室作者: 点击:\n"
        "2023年5月8日,市政府召开十届十二次政府常务会议。\n"
        "会议审议并原则通过《某市城市更新实施方案》。会议要求,各部门要抓好落实。\n"
        "会议听取了市应急局关于汛期安全工作的汇报。会议强调,要压实责任。\n"
        "会议还研究讨论了其他事项。\n列席会议人员:\n市政府相关部门\n市融媒体中心记者\n"
    )
    m = parse_meeting(text, "news.txt")
    assert (m.meeting, m.term, m.date) == (12, "十届", "2023-05-08")
    assert [it.heading for it in m.items[1:]] == [
        "会议审议并原则通过《某市城市更新实施方案》",
        "会议听取了市应急局关于汛期安全工作的汇报",
    ]
    assert m.items[2].reporters[0].org == "市应急局"
    assert m.trailing == ["会议还研究讨论了其他事项。"]
    assert m.attendance == {"列席单位": ["市政府相关部门", "市融媒体中心记者"]}
    assert m.portal["时间"] == "2023-05-09" and "点击" not in m.items[0].text
