"""Answers on held-back 42 (data/heldback42/, governments first seen in session 37, measured blind
once) and on the two Doumen pages it first held (Doumen is a government the project was developed on:
its 104th meeting is data/minutes-other/01, its 68th now data/dev8): a cooperation zone named three
times ('横琴粤澳深度合作区') is no government beside the 斗门区 a report names once; a reporter written
with 同志 ('区应急管理局局长夏志华同志') is a department, a title and a name; '要推进哪些工作' is answered
by the directive that lists them; 'what will happen to' asks the disposition, not a topic 'happen'; a
quote keeps the short sentence between its two sentences; the members of a named set ('确定了哪些民生
实事项目') are refused where the item never lists them; a reporter the meeting did not hear is refused
with that reason."""

from __future__ import annotations

import pytest
from conftest import ROOT, asked, indexed_reports, parsed_report, simplified_lead

NEWS = ROOT / "data" / "heldback42" / "news"
DOUMEN_68 = ROOT / "data" / "dev8" / "news" / "d10_zhuhai_doumen_68.txt"
REPORTS = [
    NEWS / "ir03_guyuan.txt",
    ROOT / "data" / "minutes-other" / "01_zhuhai_doumen.txt",  # Doumen's 104th meeting
    DOUMEN_68,
    NEWS / "ir08_xiangyang_gucheng.txt",
]


def test_a_cooperation_zone_is_not_the_government_of_the_report():
    meeting = parsed_report(DOUMEN_68)
    assert meeting.city_full == "珠海市斗门区"
    assert meeting.meeting == 68


def test_a_reporter_written_with_tongzhi_is_department_title_and_name():
    meeting = parsed_report(DOUMEN_68)
    reporters = [r for item in meeting.items for r in item.reporters]
    assert ("区应急管理局", "局长", "夏志华") in [(r.org, r.title, r.person) for r in reporters]


@pytest.fixture(scope="module")
def held42(config_factory):
    return indexed_reports(config_factory, "heldback42", REPORTS)


LEADS = [  # (question, what the first line must say)
    # the directive listing what is to be pushed, not the sentence that says the report was heard
    ("第十五届中国航展第二展区服务保障要推进哪些工作？", "停车场配套"),
    # 'happen' is no topic word: the disposition of the three reports
    ("What will happen to the three reports reviewed at Guyuan's 57th standing meeting?", "提交市委研究"),
    # the short sentence between the two quoted is quoted too
    ("谷城县长黄克立怎么看打造长江经济带重要绿色增长极？", "绿色发展是方式,绿色增长是目标"),
    # the report names its district once, a cooperation zone three times: its n-th item is found
    ("斗门区五届68次常务会议第三项议题是什么？", "预算调整方案"),
    # the reporter asked, parsed out of '局长夏志华同志'
    ("斗门区五届68次常务会议听取了区应急管理局的什么汇报？", "重大事故隐患"),
]


@pytest.mark.model
@pytest.mark.parametrize(("question", "said"), LEADS)
def test_the_lead_states_what_was_asked(held42, question, said):
    assert said in simplified_lead(held42, question)


@pytest.mark.model
@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("固原市第57次常务会议确定了哪些民生实事项目？", "具体清单"),
        ("斗门区五届104次常务会议听取了区应急管理局的什么汇报？", "区应急管理局"),
    ],
)
def test_what_the_minutes_do_not_say_is_refused_with_the_reason(held42, question, reason):
    answer = asked(held42, question)
    assert not answer.answerable and reason in answer.answer, answer.answer
