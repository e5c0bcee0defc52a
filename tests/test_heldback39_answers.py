"""Reports of held-back set 39 (measured blind once, now development material): a remark verb set off
by a space ('会议强调 要…'), the chair named after the attendance ('会议由徐琳主持'), a page dated by a
news mirror's '稿源' line or a poster's '2012/12/18' stamp, '会议决定:' alone above (一)(二), a county
named only inside a document title while '示范县' holds another county's name; and answers (a topic
word with a preposition glued to it, which district's meeting, the decision a lone '会议决定:'
announces, leaders who '参加' without an object, a count of the agenda that counts nothing asked)."""

from __future__ import annotations

import pytest
from conftest import ROOT, asked, indexed_reports, parsed_report, simplified_lead

NEWS39 = ROOT / "data" / "heldback39" / "news"
PLACED = {  # pages that never name their government: the place an office types at upload
    "io02_meishan_qingshen.txt": "眉山市青神县",
    "io05_panjin_xinglongtai.txt": "盘锦市兴隆台区",
    "io08_linyi_feixian.txt": "临沂市费县",
}


def test_remarks_set_off_by_a_space_are_items_of_their_own():
    yangxi = parsed_report(NEWS39 / "io01_yangjiang_yangxi.txt")
    headings = [item.heading for item in yangxi.items[1:]]
    assert len(headings) == 5, headings
    assert headings[0].startswith("会议强调，要坚持人民至上") and "三防" in headings[0]
    assert headings[1].startswith("会议强调，食品安全大于天")
    assert "海洋环境保护法" in headings[2] and "课后服务收费标准" in headings[3]


def test_the_chair_named_after_the_attendance():
    assert parsed_report(NEWS39 / "io02_meishan_qingshen.txt").chair == "徐琳"


def test_a_county_inside_a_word_is_no_place_the_report_names():
    # '省级食品安全示范县' holds 范县 (Henan); the report's own county is in a document title
    assert parsed_report(NEWS39 / "io02_meishan_qingshen.txt").city_full == "青神县"


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("io03_dazhou_xuanhan.txt", "2016-07-11"),  # '稿源:宣汉新闻网  2016-07-13 15:17:35'
        ("io10_shaoyang_wugang.txt", "2012-12-14"),  # '红网武冈 管理员 2012/12/18 8:15:24', not 2013元旦
    ],
)
def test_a_news_mirrors_byline_dates_the_page(name, date):
    assert parsed_report(NEWS39 / name).date == date


def test_a_lone_decisions_lead_keeps_the_decisions_with_their_topic():
    xinglongtai = parsed_report(NEWS39 / "io05_panjin_xinglongtai.txt")
    assert len(xinglongtai.items) == 2, [item.heading for item in xinglongtai.items]
    plan = xinglongtai.items[1]
    assert "督察整改方案" in plan.heading and "(二)各街道、各部门" in plan.text
    assert [r.org for r in plan.reporters] == ["区生态环境局"]  # not '由区生态环境局提交的'
    assert plan.decisions and plan.decisions[0].startswith("(一)原则通过《方案》")


@pytest.fixture(scope="module")
def news39(config_factory):
    reports = [p for p in sorted(NEWS39.glob("*.txt")) if p.name not in PLACED]
    placed = {NEWS39 / name: place for name, place in PLACED.items()}
    return indexed_reports(config_factory, "news39-answers", reports, placed)


LEADS = [  # (question, what the first line must say)
    ("阳西县常务会议对三防工作提出了哪些要求？", "加强巡堤查险"),  # 对三防 → 三防
    ("哪个区的常务会议审议了中央生态环境保护督察整改方案？", "兴隆台区"),  # which district: its meeting
    ("兴隆台区九届5次常务会议对中央生态环境保护督察整改方案作出了什么决定？", "原则通过《方案》"),
    ("青神县十六届第73次常务会议由谁主持？", "徐琳"),
]


@pytest.mark.model
@pytest.mark.parametrize(("question", "said"), LEADS)
def test_the_lead_states_what_was_asked(news39, question, said):
    assert said in simplified_lead(news39, question)


@pytest.mark.model
def test_leaders_who_took_part_are_the_attendance(news39):
    answer = asked(news39, "Which district leaders attended Guanshanhu's 68th executive meeting?")
    assert answer.answerable and "赵砚飞" in answer.answer, answer.answer


@pytest.mark.model
def test_a_count_of_the_agenda_counts_nothing_else(news39):
    answer = asked(
        news39, "How many township mediation centres did Qingshen county's 73rd executive meeting approve?"
    )
    assert not answer.answerable, answer.answer
    matters = asked(news39, "青神县第73次常务会议一共审议了多少个事宜？")  # the tally itself is answered
    assert matters.answerable and "11个" in matters.answer, matters.answer


@pytest.mark.model
def test_austerity_is_read_as_living_on_a_tight_budget(news39):
    answer = asked(news39, "What did Huoqiu county's 85th executive meeting say about austerity?")
    assert answer.answerable and "过紧日子" in answer.answer, answer.answer
