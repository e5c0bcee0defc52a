"""Answers found by held-back 45 (two governments first seen in session 41: Shiyan city, Pingyuan county)
and newq6 (fresh questions on held-back reports), each measured blind once: a deal asked by name
('签约了哪些招商引资项目') is answered only by a project or firm the item names; a person asked by title
('哪位省长' · 'as governor') is answered by the sentence printing that title before the name; a mirror's
mojibake ('規?;?、組織化') ends no sentence; 'city-wide' is 全市."""

from __future__ import annotations

import pytest
from conftest import ROOT, asked, indexed_reports, parsed_report, simplified_lead

from assistant.answering.answerability import names_dealt
from assistant.answering.bilingual import english_topic_words
from assistant.answering.sentences import split_sentences


def _news(held: str, name: str):
    return ROOT / "data" / held / "news" / name


SHIYAN_2024 = _news("heldback45", "iu02_shiyan_2024.txt")
SHIYAN_2025 = _news("heldback45", "iu01_shiyan_2025.txt")
PINGYUAN_JULY = _news("heldback45", "iu04_dezhou_pingyuan_jul.txt")
XIJI = _news("heldback10", "hk10_guyuan_xiji.txt")
GUANDU = _news("heldback38", "in05_kunming_guandu.txt")


@pytest.mark.parametrize(
    ("report", "place", "chair", "date"),
    [
        (SHIYAN_2025, "十堰市", "周智勇", "2025-11-17"),  # chaired on the mayor's behalf: the one who chaired
        (SHIYAN_2024, "十堰市", "王永辉", None),  # '2月4日' and no year printed
        (PINGYUAN_JULY, "平原县", "袁志勇", None),  # a traditional-script mirror with pinyin notes
    ],
)
def test_the_new_governments_reports_are_parsed(report, place, chair, date):
    meeting = parsed_report(report)
    assert (meeting.city_full, meeting.chair, meeting.date) == (place, chair, date)


@pytest.mark.parametrize(
    ("text", "kind", "named"),
    [
        ("扎实做好项目前期准备,确保签约项目能落地。要抓实招商项目落地。要加强对项目的引进", "项目", False),
        ("确保签约项目早开工;要不断完善项目洽谈、引进、审批等工作机制", "项目", False),
        ("着力引进一批龙头企业、核心项目、关键项目", "企业", False),
        ("研究了伊利成品暂存库项目完善施工许可手续", "项目", True),
        ("研究208国道改线项目占用县乡道路恢复原状协议", "项目", True),
        ("签约引进深圳某某科技有限公司", "企业", True),
    ],
)
def test_a_deal_is_named_only_by_a_project_or_firm(text, kind, named):
    assert names_dealt(text, kind) is named


def test_mojibake_ends_no_sentence():
    text = "產業發展是需要,要在產業規?;?、組織化和標準化上下功夫,切實增強發展信心。要突出重點。"
    assert split_sentences(text)[0].endswith("切實增強發展信心。")


def test_city_wide_is_the_whole_city():
    assert "全市" in english_topic_words("Which city-wide conference's spirit did it relay?", [])


@pytest.fixture(scope="module")
def fresh6(config_factory):
    return indexed_reports(config_factory, "newq6", [SHIYAN_2024, SHIYAN_2025, XIJI, GUANDU])


NOT_STATED = [  # (question, why the minutes cannot answer it)
    ("西吉县第104次常务会议上签约了哪些招商引资项目？", "asks signed projects to land, names none"),
    ("官渡区第21次常务会议签约了哪些招商引资项目？", "studied investment promotion, names no project"),
]


@pytest.mark.model
@pytest.mark.parametrize(("question", "why"), NOT_STATED)
def test_what_the_minutes_do_not_say_is_refused(fresh6, question, why):
    assert not asked(fresh6, question).answerable, why


LEADS = [  # (question, what the first line must say)
    ("十堰市2月4日常务会议传达了哪位省长的讲话？", "省长王忠林"),
    ("Whose remarks, as governor, did Shiyan's standing meeting of February 4 relay?", "省长王忠林"),
    ("西吉县常务会议要求在产业发展的哪些方面下功夫？", "组织化和标准化上下功夫"),
    ("十堰市多元养老服务体系实施方案对老年助餐有什么要求？", "扩大老年助餐覆盖面"),
]


@pytest.mark.model
@pytest.mark.parametrize(("question", "said"), LEADS)
def test_the_lead_states_what_was_asked(fresh6, question, said):
    assert said in simplified_lead(fresh6, question)
