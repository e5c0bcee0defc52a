"""Reports of held-back set 27 (measured blind once, now development material): a page date printed with
its time, a chair named bare before '在…主持召开', an autonomous county written 靖州县, a page cut after
'学习了“', an opening that names only '当前重点工作' above unlabelled matter paragraphs, documents reviewed
on the subject just reported, and answers that must answer what was asked (why a thing was put in a
prominent position, who heads a group, when a meeting reviewed a topic, who was invited, what was
settled with 审定) or refuse (an event's own date the minutes never give)."""

from __future__ import annotations

import pytest
from conftest import ROOT, answered_lead, asked, indexed_reports, parsed_report

HELD27 = ROOT / "data" / "heldback27" / "news"


def _parsed(name: str):
    return parsed_report(HELD27 / name)


def test_a_page_date_printed_with_its_time_gives_the_meeting_its_year():
    assert _parsed("ic02_xiangtan.txt").date == "2026-01-12"  # '湖南日报·新湖南客户端   2026-01-13 08:25:34'
    assert _parsed("ic06_meishan_2020.txt").date == "2020-07-30"  # '更新時間:2020-07-30 22:41:31'


def test_a_bare_name_before_where_it_was_held_chairs():
    dao = _parsed("ic08_yongzhou_daoxian.txt")  # '2020年11月27日,李天明在常务会议室主持召开…'
    assert dao.chair == "李天明"


def test_an_autonomous_county_written_with_a_plain_suffix_and_a_cut_page():
    jingzhou = _parsed("ic11_huaihua_jingzhou.txt")  # '靖州县八届人民政府'; the page ends '学习了“'
    assert jingzhou.city_full == "靖州县"
    assert [item.heading for item in jingzhou.items[1:]] == [
        "会议听取了靖州县教育工作汇报",
        "会议听取了靖州县全面推行河长制工作汇报",
        "会议听取了民族宗教工作汇报,学习了“",
    ]


def test_matter_paragraphs_under_an_opening_that_names_no_topic_are_items():
    heping = _parsed("ic12_heyuan_heping.txt")  # '…常务会,研究当前重点工作。' then two unlabelled paragraphs
    headings = [item.heading for item in heping.items[1:]]
    assert len(headings) == 2
    assert headings[0].startswith("美丽乡村示范点建设")
    assert "招聘130名中小学幼儿园教师" in headings[1]


def test_documents_on_the_subject_just_reported_stay_with_the_report():
    dao = _parsed("ic08_yongzhou_daoxian.txt")  # '听取了…殡葬改革工作的情况汇报,审议了《…殡葬…》×6'
    first = dao.items[1]
    assert first.heading.startswith(
        "会议听取了县民政局关于殡葬改革工作的情况汇报,审议了《道县殡葬改革工作实施方案》"
    )
    assert "《关于取缔城区搭棚子设灵堂、办丧事的通告》" in first.text
    assert len(dao.items) - 1 == 3


@pytest.fixture(scope="module")
def held27(config_factory):
    names = "ic01_weifang_shouguang.txt ic02_xiangtan.txt ic03_changsha_liuyang.txt ic08_yongzhou_daoxian.txt"
    more = ("ic10_ankang_hanbin.txt", "ic12_heyuan_heping.txt")
    reports = [HELD27 / name for name in (*names.split(), *more)]
    return indexed_reports(config_factory, "held27-answers", reports, {})


@pytest.mark.model
@pytest.mark.parametrize(
    "question, lead_states",
    [
        (
            "寿光市常务会议为什么要把提振消费摆到更加突出的位置？",
            "消费是经济增长的重要引擎",
        ),  # no place asked
        ("Who heads Dao county's funeral reform leading group?", "杨三信任组长"),
        ("Who chaired Dao county's 17th executive meeting of 2020?", "李天明"),
        ("When did Dao county's executive meeting review the funeral reform?", "2020-11-27"),
        ("When did Liuyang's executive meeting on the forest chief system take place?", "2021-08-16"),
        (
            "Who from the district people's congress standing committee was invited to Hanbin's second "
            "executive meeting of 2024?",
            "Invited (应邀出席): 区人大常委会副主任向文昌",
        ),
        (
            "What plan did Hanbin district's executive meeting review and approve?",
            "汉滨区国土空间生态修复规划",
        ),
        ("和平县今年计划招聘多少名中小学幼儿园教师？", "130名"),
    ],
)
def test_leads_state_what_was_asked(held27, question, lead_states):
    assert lead_states in answered_lead(held27, question)


@pytest.mark.model
@pytest.mark.parametrize(
    "question, reason",
    [
        ("湘潭市第68次常务会议确定的第六届湖南旅游发展大会开幕日期是哪天？", "没有写明日期"),
        ("和平县教师招聘考试在哪天举行？", "没有写明日期"),
    ],
)
def test_refusals_name_what_the_minutes_do_not_say(held27, question, reason):
    answer = asked(held27, question)
    assert not answer.answerable, answer.answer
    assert reason in answer.answer.splitlines()[0]
