"""Answers on held-back 43 (data/heldback43/, governments first seen in session 38, measured blind
once): a county named after its city and since merged away ('绍兴县', 2007) is no 兴县 of Shanxi, while
a city's paper on a county's report ('德州新闻网') still names no such county; a chair written with a
vague day before the verb ('县长冯建荣日前主持召开') is read; a deadline that is a part of a month
('确保3月中旬完成…整合') is a deadline; '讨论通过了哪些文件' lists the documents, not the opening's
topics; '哪些养老方面的方案' asks documents; 'Which report did … hear?' lists the heard items; a
question that counts a set ('the three tasks') is answered by the sentence that counts it."""

from __future__ import annotations

import pytest
from conftest import ROOT, asked, indexed_reports, parsed_report, simplified_lead

NEWS = ROOT / "data" / "heldback43" / "news"
SHAOXING = NEWS / "is02_shaoxing_county.txt"
REPORTS = [
    SHAOXING,
    NEWS / "is04_jingmen_zhongxiang.txt",
    NEWS / "is06_wenzhou.txt",
    NEWS / "is11_suzhou.txt",
]
JIANGNING = NEWS / "is10_nanjing_jiangning.txt"  # never names its district: typed at upload


def test_a_county_named_after_its_city_is_not_a_shanxi_county():
    meeting = parsed_report(SHAOXING)
    assert meeting.city_full == "绍兴县"  # not 兴县
    assert meeting.meeting == 4


def test_a_chair_with_a_vague_day_before_the_verb_is_read():
    assert parsed_report(SHAOXING).chair == "冯建荣"


def test_a_city_paper_on_a_county_report_names_no_derived_county():
    meeting = parsed_report(ROOT / "data" / "heldback25" / "news" / "ia08_dezhou_qihe.txt")
    assert meeting.city_full.endswith("齐河县")  # not a 德州县 read out of 德州新闻网


@pytest.fixture(scope="module")
def held43(config_factory):
    return indexed_reports(config_factory, "heldback43", REPORTS, placed={JIANGNING: "江宁区"})


LEADS = [  # (question, what the first line must say)
    ("钟祥市投融资平台整合要在什么时候完成？", "3月中旬"),
    ("钟祥市2021年第三次常务会议讨论通过了哪些文件？", "钟祥市国有投融担公司改革方案"),
    ("温州市政府常务会议审议了哪些养老方面的方案？", "医养结合城乡统筹发展项目实施方案"),
    ("Which report did Jiangning's standing meeting hear?", "中小工业集中区高质量发展考核情况"),
    ("What are the three tasks in Suzhou's opinion on protecting the historic city?", "三项任务"),
    ("绍兴县为什么出台城镇居民医疗保障试行办法？", "全民保障"),
]


@pytest.mark.model
@pytest.mark.parametrize(("question", "said"), LEADS)
def test_the_lead_states_what_was_asked(held43, question, said):
    assert said in simplified_lead(held43, question)


@pytest.mark.model
def test_a_part_of_a_month_is_a_deadline_the_minutes_state(held43):
    assert asked(held43, "钟祥市投融资平台整合要在什么时候完成？").answerable
