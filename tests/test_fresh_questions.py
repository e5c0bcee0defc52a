"""Answers to fresh questions on seen reports (data/gold/questions-news-newq1.jsonl, measured blind once):
the time of day asked with the date, a change asked of an item that records none, a period's start
asked of an item that only heard a report, a remark's contents asked with 哪些, a question for the
accident whose instructions were conveyed, a place CC-CEDICT spells otherwise than pinyin (Qiqihar),
'take part in … meeting' as attendance, and the Chinese name in an English which-meeting lead."""

from __future__ import annotations

import pytest
from conftest import ROOT, asked, indexed_reports, simplified_lead

REPORTS = [
    ROOT / "data" / "heldback17" / "news" / "hs08_qiqihar.txt",
    ROOT / "data" / "heldback8" / "news" / "hi08_dongfang.txt",
    ROOT / "data" / "heldback14" / "news" / "hp02_sanmenxia_yima.txt",
    ROOT / "data" / "heldback5" / "news" / "hf01_tianshui_wushan.txt",
    ROOT / "data" / "heldback24" / "news" / "hz01_shizuishan.txt",
]


@pytest.fixture(scope="module")
def fresh(config_factory):
    return indexed_reports(config_factory, "fresh-questions", REPORTS)


LEADS = [  # (question, what the first line must say)
    ("东方市第18次常务会议是哪天晚上召开的？", "6月15日"),  # 晚上 is asked with the date, no topic
    ("武山县第52次常务会议认为三个报告符合哪些精神？", "七一"),  # the remark, not a list of the items
    ("石嘴山市第36次常务会议传达了关于哪起事故的重要指示批示？", "阿拉善盟露天煤矿坍塌事故"),
    ("Which meeting reviewed the pilot plan for reclaimed water use?", "石嘴山"),  # the Chinese name too
]


@pytest.mark.model
@pytest.mark.parametrize(("question", "said"), LEADS)
def test_the_lead_states_what_was_asked(fresh, question, said):
    assert said in simplified_lead(fresh, question)


@pytest.mark.model
@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("义马市第49次常务会议对项目建设容错纠错制度作出了哪些修改？", "修改内容"),  # reviewed, not changed
        ("齐齐哈尔市第46次常务会议确定的春季防火期从哪天开始？", "日期"),  # a report heard, no period set
    ],
)
def test_a_fact_the_item_does_not_record_is_refused_with_its_name(fresh, question, reason):
    answer = asked(fresh, question)
    assert not answer.answerable and reason in answer.answer, answer.answer


@pytest.mark.model
def test_a_place_english_spells_its_own_way_and_taking_part_is_attendance(fresh):
    answer = asked(fresh, "Where did the county heads take part in Qiqihar's 46th executive meeting from?")
    assert answer.answerable and "分会场" in answer.answer.splitlines()[0], answer.answer
    assert "place: 齐齐哈尔" in answer.interpreted  # 'Read as: place: 齐齐哈尔'
