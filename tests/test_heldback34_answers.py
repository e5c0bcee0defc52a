"""Reports of held-back set 34 (measured blind once, now development material): an autonomous region's
own meeting chaired by its 主席; a relayed meeting's spirit told in the sentence before what the
meeting studied; points agreed under circled numbers; and answers (English questions ranked by their
translated words, an English date, who reported named by post, the documents an opening lists, a
count of things inside an item, a deadline the minutes do not print)."""

from __future__ import annotations

import pytest
from conftest import ROOT, answered_lead, asked, indexed_reports, parsed_report, simplified_lead

NEWS34 = ROOT / "data" / "heldback34" / "news"


def test_an_autonomous_regions_own_meeting_is_filed_under_it_with_its_chair():
    region = parsed_report(NEWS34 / "ij05_neimenggu.txt")  # '自治区人民政府主席包钢主持召开政府常务会议'
    assert region.city_full == "内蒙古自治区" and region.chair == "包钢", (region.city_full, region.chair)
    assert "inner mongolia" in region.english_label.lower()


def test_a_relayed_spirit_and_what_the_meeting_then_studied_are_two_items():
    nanyang = parsed_report(
        NEWS34 / "ij01_nanyang_57.txt"
    )  # '陈光杰传达了…精神。会议研究了…,听取并讨论了《…》'
    headings = [item.heading for item in nanyang.items]
    assert "陈光杰传达了市委常委(扩大)会议精神" in headings, headings
    assert any("政府工作报告" in heading for heading in headings), headings


def test_a_point_agreed_under_a_circled_number_is_a_decision():
    yongzhou = parsed_report(NEWS34 / "ij09_yongzhou_4.txt")  # '①同意适时召开市委农村工作会议'
    assert any("市委农村工作会议" in d for item in yongzhou.items for d in item.decisions)


@pytest.fixture(scope="module")
def news34(config_factory):
    return indexed_reports(config_factory, "news34-answers", sorted(NEWS34.glob("*.txt")))


REFUSED = [  # (question, why the minutes do not answer it)
    ("泰安市第51次常务会议确定的2024年城建重点项目有多少个？", "数量"),  # a plan heard, no count printed
    ("永州市第4次常务会议规定拖欠的农民工工资要在哪天前清偿？", "时限"),  # only the meeting's own date
]


@pytest.mark.model
@pytest.mark.parametrize(("question", "reason"), REFUSED)
def test_what_the_minutes_do_not_state_is_refused_with_the_reason(news34, question, reason):
    answer = asked(news34, question)
    assert not answer.answerable and reason in answer.answer, answer.answer


ENGLISH_LEADS = [  # (question, what the first line must quote)
    # the chair's remarks hold 主要任务; the items' headings do not
    ("What did Nanyang's 57th executive meeting say the main task was at present?", "防止经济下滑"),
    # 'of 31 August 2021' names the meeting by its day; the speech studied is item one's
    ("Which speech did Nanyang's executive meeting of 31 August 2021 study?", "河北考察"),
    # the region named in English as CC-CEDICT writes it
    (
        "What did Inner Mongolia's government executive meeting ask the members of the government team to do?",
        "多到一线",
    ),
    (
        "What did Yantai's 31st executive meeting call studying the speeches from the inspection tour "
        "of Shandong and Yantai?",
        "头等大事",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("question", "quoted"), ENGLISH_LEADS)
def test_an_english_question_leads_with_the_sentence_its_translated_words_find(news34, question, quoted):
    assert quoted in simplified_lead(news34, question)  # quotes keep the page's script


@pytest.mark.model
def test_who_reported_is_the_sentence_naming_them_by_post(news34):
    lead = answered_lead(news34, "永州市第4次常务会议上谁汇报了全省扶贫工作会议精神？")
    assert "段贵建" in lead, lead


@pytest.mark.model
def test_the_documents_an_opening_lists_are_quoted_from_the_clause_naming_them(news34):
    lead = answered_lead(news34, "永州市第4次常务会议审议了哪些文件？")
    assert "拖欠农民工工资" in lead and "薪酬制度改革" in lead, lead
    assert "永州市人民政府办公室" not in lead and "易佳良" not in lead, lead


@pytest.mark.model
def test_reports_heard_and_discussed_are_listed(news34):
    lead = answered_lead(news34, "南阳市第57次常务会议听取并讨论了哪些报告？")
    assert "政府工作报告(讨论稿)" in lead and "财政预算执行情况" in lead, lead
