"""Reports of held-back set 32 (measured blind once, now development material): a place named where an
event was held ('北京冬奥精神') is not the meeting's place; a report names its own place in '把吴江摆在…'
and '推进安康高质量发展'; paragraphs whose breaks a page turned into bare spaces; '列席人员:' with no
names after it; and answers (who sat in as 旁听, a visiting vice-governor named before his title, a date
inside a reviewed document's title, a county written after its city, the leaders who attended
above a list of those who sat in, the works an opening names, every chair of a place)."""

from __future__ import annotations

import pytest
from conftest import ROOT, answered_lead, asked, indexed_reports, parsed_report

NEWS32 = ROOT / "data" / "heldback32" / "news"


def test_a_place_that_hosted_an_event_is_not_the_meetings_place():
    ankang = parsed_report(NEWS32 / "ig09_ankang_2022_6.txt")  # '弘扬北京冬奥精神' in a 安康 report
    assert ankang.city_full == "安康市" and ankang.chair == "武文罡"


@pytest.mark.parametrize(
    ("page", "place"),
    [("ig05_suzhou_wujiang_93.txt", "吴江区"), ("ig07_ankang_2019_13.txt", "安康市")],
)
def test_a_report_names_its_own_place_in_what_it_sets_out_to_do(page, place):
    assert parsed_report(NEWS32 / page).city_full.endswith(place)


def test_paragraphs_joined_by_bare_spaces_are_split_into_their_items():
    sichuan = parsed_report(NEWS32 / "ig02_sichuan_53.txt")  # '…等工作 会议听取…的汇报 会议强调,…'
    headings = [item.heading for item in sichuan.items]
    assert sichuan.meeting == 53 and "会议听取近期全省防汛减灾工作情况的汇报" in headings, headings
    assert any("成都国际铁路港经济开发区" in heading for heading in headings), headings


def test_an_attendance_heading_with_no_names_makes_no_empty_group():
    gaotang = parsed_report(NEWS32 / "ig03_liaocheng_gaotang.txt")  # '列席人员:' and nothing after
    assert all(names for names in gaotang.attendance.values())


@pytest.fixture(scope="module")
def news32(config_factory):
    pages = ["ig03_liaocheng_gaotang", "ig04_meizhou", "ig01_jiamusi", "ig06_baoji", "ig07_ankang_2019_13"]
    pages.append("ig09_ankang_2022_6")  # a second 安康 meeting, under another mayor
    meixian = ROOT / "data" / "heldback11" / "news" / "hl01_baoji_meixian.txt"  # 宝鸡市眉县's own
    return indexed_reports(config_factory, "news32-answers", [NEWS32 / f"{p}.txt" for p in pages] + [meixian])


@pytest.mark.model
def test_those_invited_to_listen_in_are_the_attendance(news32):
    answer = asked(news32, "安康市2019年第13次常务会议有哪些人应邀旁听？")
    assert answer.answerable and "陈涛" in answer.answer and "王小军" in answer.answer, answer.answer


LEADS = [  # (question, words the first line states, words it must not lead with)
    ("梅州市常务会议传达了哪位副省长来梅调研的精神？", ["刘志庚"], []),  # '刘志庚副省长来梅调研'
    ("高唐县第三十四次常务会议有哪些县领导出席？", ["张磊", "刘泰东"], ["赵志新"]),  # '列席人员:' below
    ("安康市2019年第13次常务会议研究了哪些工作？", ["经济运行、安全生产和安康富强机场建设"], []),
]


@pytest.mark.model
@pytest.mark.parametrize(("question", "stated", "not_led_by"), LEADS)
def test_the_first_line_states_what_was_asked(news32, question, stated, not_led_by):
    lead = answered_lead(news32, question)
    assert all(word in lead for word in stated) and not any(word in lead for word in not_led_by), lead


@pytest.mark.model
@pytest.mark.parametrize(
    "question",
    [
        "佳木斯市常务会议审议的森林草原防火命令规定防火期从哪天开始？",  # a year in the order's title
        "宝鸡市眉县常务会议审议的放管服改革方案叫什么名字？",  # the county's own minutes are held
    ],
)
def test_a_fact_the_minutes_do_not_state_is_refused(news32, question):
    answer = asked(news32, question)
    assert not answer.answerable, answer.answer


@pytest.mark.model
def test_the_city_written_alone_is_answered_from_its_own_minutes(news32):
    assert asked(news32, "宝鸡市常务会议审议的放管服改革方案叫什么名字？").answerable


@pytest.mark.model
def test_every_chair_of_a_places_meetings_is_named(news32):
    answer = asked(news32, "哪些市长主持过安康市的常务会议？")
    lead = answer.answer.splitlines()[0]
    assert answer.answerable and "武文罡" in lead and "赵俊民" in lead, answer.answer
    assert answer.answer.index("2022-04-19") < answer.answer.index("2019-12-27")  # newest first
