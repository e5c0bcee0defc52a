"""Reports of held-back set 31 (measured blind once, now development material): a city app's byline
('主流日照讯') as the only place; '会议研究了其他事项' without 还 as no topic; a remark that names a
reviewed document by its full title goes to that document ('会议强调,《政府工作报告》是…' after
'审议《政府工作报告(讨论稿)》《…计划…的报告》'); and answers (who sat in on '有关议题', a figure asked
of a clause that prints none, the requirements of the paragraph that names the topic, '打造成什么')."""

from __future__ import annotations

import pytest
from conftest import ROOT, answered_lead, asked, indexed_reports, parsed_report

HELD31 = ROOT / "data" / "heldback31" / "news"


def _parsed(name: str):
    return parsed_report(HELD31 / name)


def test_a_city_apps_byline_names_the_place():
    rizhao = _parsed("if07_rizhao_54.txt")  # '主流日照讯 3月10日下午,…李永红主持召开…' and no 日照市
    assert rizhao.city_full == "日照市" and rizhao.meeting == 54 and rizhao.chair == "李永红"


def test_points_after_the_meeting_stressed_are_no_agenda_items():
    chuxiong = _parsed("if01_chuxiong.txt")  # '会议强调:' alone on its line, then '一、爱国卫生…'
    assert any("全省项目工作推进电视电话会议" in item.heading for item in chuxiong.items)
    assert not any(item.heading.startswith("爱国卫生") for item in chuxiong.items)


def test_other_matters_studied_is_no_topic_even_without_also():
    xining = _parsed("if10_xining_shi.txt")  # '会议研究了其他事项。(西宁融媒记者 …)'
    assert not any("其他事项" in item.heading for item in xining.items)


def test_a_remark_naming_a_reviewed_document_in_full_goes_to_it():
    langfang = _parsed("if11_langfang.txt")  # traditional script, pinyin debris '強調(diào)'
    work_report = next(item for item in langfang.items if "《政府工作报告(讨论稿)》" in item.heading)
    assert "纲领性文件" in work_report.text and "保持一致" in work_report.text
    plan = next(item for item in langfang.items if "国民经济和社会发展计划" in item.heading)
    assert "纲领性文件" not in plan.text


def test_a_sentence_on_another_items_own_topic_leaves_a_titled_paragraph():
    zhuhai = parsed_report(ROOT / "data" / "heldback14" / "news" / "hp01_zhuhai.txt")
    # '会议指出,《政府工作报告》的修改完善…要…选准选好民生实事…' beside '研究…十件民生实事候选项目'
    livelihood = next(item for item in zhuhai.items if "民生实事候选项目" in item.heading)
    assert "选准选好民生实事" in livelihood.text
    work_report = next(item for item in zhuhai.items if "《政府工作报告" in item.heading)
    assert "修改完善" in work_report.text


@pytest.fixture(scope="module")
def held31(config_factory):
    places = ["chuxiong", "datong_58", "jincheng_13", "bengbu_26", "rizhao_54", "rizhao_60", "langfang"]
    reports = [next(HELD31.glob(f"if*_{place}.txt")) for place in places]
    return indexed_reports(config_factory, "held31-answers", reports)


@pytest.mark.model
def test_those_who_sat_in_on_some_items_are_the_attendance(held31):
    answer = asked(held31, "Who sat in on Rizhao's 60th executive meeting?")  # was refused: no attendees
    assert answer.answerable and "市民代表" in answer.answer and "企业家代表" in answer.answer


@pytest.mark.model
def test_an_area_asked_of_a_clause_that_prints_no_figure_is_refused(held31):
    answer = asked(held31, "大同市科创园B区项目用地面积是多少？")  # the item prints '20个转型项目' elsewhere
    assert not answer.answerable and "没有写明具体数字" in answer.answer, answer.answer


@pytest.mark.model
def test_documents_of_an_opening_followed_by_numbered_remarks_are_items(held31):
    answer = asked(held31, "楚雄市第70次常务会议审议了哪些通报？")  # '会议强调:' then '一、…': remarks
    assert answer.answerable, answer.answer
    assert "教育工作先进集体" in answer.answer and "爱心企业" in answer.answer, answer.answer


@pytest.mark.model
def test_whom_a_meeting_appointed_is_refused_when_no_one_is_named(held31):
    answer = asked(held31, "晋城市第十三次常务会议任免了哪些干部？")  # '研究了…人事任免事项' only
    assert not answer.answerable, answer.answer


@pytest.mark.model
def test_requirements_come_from_the_paragraph_that_names_the_topic(held31):
    lead = answered_lead(held31, "日照市常务会议对北部滨海岸线提出了什么要求？")
    assert "还海于民" in lead and "安全生产" not in lead, lead


@pytest.mark.model
def test_what_a_thing_is_to_become_is_said_by_the_sentence_with_that_verb(held31):
    lead = answered_lead(held31, "蚌埠市常务会议要把龙子湖打造成什么？")
    assert "国家级幸福龙子湖" in lead or "國家級幸福龍子湖" in lead, lead


@pytest.mark.model
def test_a_remark_on_the_work_report_answers_what_the_report_is(held31):
    lead = answered_lead(held31, "廊坊市常务会议认为《政府工作报告》是什么？")
    assert "綱領性文件" in lead, lead


@pytest.mark.model
def test_a_mayor_of_two_meetings_is_listed_with_both(held31):
    answer = asked(held31, "日照市市长李永红主持了哪几次常务会议？")  # the 54th named no 日照市 but its app
    assert "第54次" in answer.answer and "第60次" in answer.answer, answer.answer
