"""Reports of held-back set 35 (measured blind once, now development material): a date printed '99日'
(9月9日 with 月 lost) and a district naming itself in '助力汉台高质量发展'; and answers (the works an
opening lists with a title inside the list, a plan's period asked as '期限是哪几年', an event's own
date, 'the government work report' in English, a unit asked of one matter among fifteen listed)."""

from __future__ import annotations

import pytest
from conftest import ROOT, asked, indexed_reports, parsed_report, simplified_lead

NEWS35 = ROOT / "data" / "heldback35" / "news"


def test_a_run_together_month_and_day_and_a_self_named_district():
    hantai = parsed_report(NEWS35 / "ik10_hantai_2024_22.txt")  # '99日,區委副書記、區長趙億謀主持召開'
    assert hantai.date == "2024-09-09" and hantai.city_full == "汉中市汉台区", (hantai.date, hantai.city_full)


@pytest.fixture(scope="module")
def news35(config_factory):
    return indexed_reports(config_factory, "news35-answers", sorted(NEWS35.glob("*.txt")))


LEADS = [  # (question, what the first line must say)
    (
        "德州市1月13日的常务会议研究了哪些工作？",
        "重点项目建设",
    ),  # the opening's '研究…《纲要草案》编制…等工作'
    ("德州市城市总体规划的期限是哪几年？", "2011-2020"),  # the title's period, not a deadline
    (
        "环洞庭湖国际新能源汽车拉力赛每年什么时候举行？",
        "10月10日至16日",
    ),  # the event's date, not the meeting's
    ("What did You county's 57th executive meeting ask of the 2021 government work report?", "广泛听取意见"),
]


@pytest.mark.model
@pytest.mark.parametrize(("question", "said"), LEADS)
def test_the_lead_states_what_was_asked(news35, question, said):
    assert said in simplified_lead(news35, question)


@pytest.mark.model
def test_a_unit_asked_of_one_matter_among_many_listed_is_refused(news35):
    answer = asked(news35, "祁县2021年第6次常务会议决定由哪个部门牵头药茶种植工作？")
    assert not answer.answerable and "没有写明单位" in answer.answer, answer.answer


@pytest.mark.model
def test_indicators_asked_of_a_plan_that_prints_no_figure_are_refused(news35):
    # the item approves the garden-city plan and requires in words; indicators are figures it never prints
    answer = asked(news35, "益阳市2023年第4次常务会议对国家园林城市创建提出了哪些具体指标？")
    assert not answer.answerable and "没有写明具体数字" in answer.answer, answer.answer
