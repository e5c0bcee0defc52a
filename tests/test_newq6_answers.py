"""Answers found by held-back 45 (two governments first seen in session 41: Shiyan city, Pingyuan county),
newq6 and newq7 (fresh questions on held-back reports), each measured blind once: a deal asked by name
('签约了哪些招商引资项目') is answered only by a project or firm the item names; a person asked by title
('哪位省长' · 'as governor') is answered by the sentence printing that title before the name; a mirror's
mojibake ('規?;?、組織化') ends no sentence; 'city-wide' is 全市; the agenda of a place's only meeting
(廊坊市常务会议研究了哪些事项) is listed from its parsed items, 会议概况 not among them; 'which schools' asked
of a listed agenda still wants a school named; '要求…学习哪些会议精神' asks what was required, not the
items; '打造成什么' is answered by the item that says 打造, and its 造成 is no topic word."""

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
LANGFANG = _news("heldback31", "if11_langfang.txt")  # the index's only meeting of 廊坊, no number printed
LIXIA = _news("heldback7", "hh05_jinan_lixia.txt")
CHUXIONG = _news("heldback31", "if01_chuxiong.txt")
DONGSHAN = _news("heldback44", "it03_hegang_dongshan.txt")


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


def test_a_colon_introducing_nothing_is_no_sentence():
    assert split_sentences("审议《…通报(送审稿)》等有关事宜。\n会议强调:") == [
        "审议《…通报(送审稿)》等有关事宜。"
    ]


def test_city_wide_is_the_whole_city():
    assert "全市" in english_topic_words("Which city-wide conference's spirit did it relay?", [])


@pytest.fixture(scope="module")
def fresh6(config_factory):
    reports = [SHIYAN_2024, SHIYAN_2025, XIJI, GUANDU, LANGFANG, LIXIA, CHUXIONG, DONGSHAN]
    return indexed_reports(config_factory, "newq6", reports)


NOT_STATED = [  # (question, why the minutes cannot answer it)
    ("西吉县第104次常务会议上签约了哪些招商引资项目？", "asks signed projects to land, names none"),
    ("官渡区第21次常务会议签约了哪些招商引资项目？", "studied investment promotion, names no project"),
    ("楚雄市第70次常务会议表扬了哪些爱心企业？", "reviewed the commendation, names no firm"),
    ("东山区第56次常务会议决定对哪些学校开展专项督导？", "studied the supervision rules, names no school"),
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
    ("历下区要求《政府工作报告》起草组深入学习哪些会议精神？", "中央经济工作会议"),
    ("楚雄市常务会议提出要把楚雄市打造成什么？", "滇中崛起增长极核心引擎"),
]


@pytest.mark.model
@pytest.mark.parametrize(("question", "said"), LEADS)
def test_the_lead_states_what_was_asked(fresh6, question, said):
    assert said in simplified_lead(fresh6, question)


@pytest.mark.model
def test_the_agenda_of_a_places_only_meeting_is_its_items(fresh6):
    lead = simplified_lead(fresh6, "廊坊市常务会议研究了哪些事项？")
    assert "3项议题" in lead and "会议概况" not in lead
    assert "政府工作报告(讨论稿)" in lead
