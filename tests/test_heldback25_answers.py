"""Reports of held-back set 25 (measured blind once, now development material): a report no item can be
cut from, an agenda numbered on one line, literal <br/> debris, a chair named only as the county head
who spoke, a year given by a reported period, and answers that must quote the sentence of the form
asked for (a principle, a target in figures, a rule, an aim, a span of time, the numbered points)."""

from __future__ import annotations

import pytest
from conftest import ROOT, answered_lead, asked, indexed_reports, parsed_report

HELD25 = ROOT / "data" / "heldback25" / "news"
JURONG = ROOT / "data" / "heldback10" / "news" / "hk06_zhenjiang_jurong.txt"


def _parsed(name: str):
    return parsed_report(HELD25 / name)


def test_simplified_pages_keep_the_characters_of_names():
    from assistant.ingest.normalize import prepare, to_simplified

    assert to_simplified("陆渡街道毛华乾，娄江新城") == "陆渡街道毛华乾，娄江新城"  # not 毛华干
    assert to_simplified("市科技局王頵") == "市科技局王頵"  # not 𫖳, which few fonts have
    assert to_simplified("誰主持乾淨") == "谁主持干净"  # a traditional text is converted whole
    juye = _parsed("ia09_heze_juye.txt")
    assert "季保乾" in juye.items[0].text
    assert prepare("會議強調,要進一步做好。").script == "traditional"


def test_an_agenda_numbered_on_one_line_gives_the_items():
    juye = _parsed("ia09_heze_juye.txt")  # '1、传达学习《…》, 2、听取…汇报 3、… 4、…' after 会议议题
    assert [item.heading[:6] for item in juye.items[1:]] == [
        "传达学习《山",
        "听取重建巨野",
        "听取建议召开",
        "听取农村供水",
    ]
    assert "吃上水向吃好水" in juye.items[4].text  # the citizen's view goes to the topic it is about
    assert juye.chair == "楚德勤"


def test_br_debris_breaks_lines_and_the_openings_one_document_is_an_item():
    cangzhou = _parsed("ia10_cangzhou.txt")  # '…保障。【/br/】【/h/】会议原则通过《…》'
    headings = [item.heading for item in cangzhou.items[1:]]
    assert "违法建筑专项治理五年行动计划" in headings[0]  # '专门研究《…》' in the opening
    assert any(h.startswith("审议《沧州市全民健身实施方案") for h in headings)  # '会议在审议《…》时指出'
    assert len(headings) == 4


def test_the_head_who_spoke_chairs_and_a_dotted_stamp_gives_the_year():
    lufeng = _parsed("ia03_chuxiong_lufeng.txt")  # '…召开…常务会议,专题研究森林防火工作。' no 主持
    assert (lufeng.chair, lufeng.date) == ("杨继周", "2015-04-03")  # page stamp '10.04.2015 19:26'
    assert [item.heading for item in lufeng.items[1:]] == ["专题研究森林防火工作"]
    assert _parsed("ia11_changzhou_wujin.txt").chair == "戴士福"  # '区长戴士福在区政府817会议室,主持召开'


def test_a_reported_period_gives_the_year_not_a_plan():
    jiujiang = _parsed("ia05_jiujiang.txt")  # '2025年1~7月…情况汇报' and '2026年重大项目谋划'
    assert jiujiang.date == "2025-08-28"


@pytest.fixture(scope="module")
def held25(config_factory):
    names = "ia01_panjin_dawa.txt ia02_zhenjiang.txt ia03_chuxiong_lufeng.txt ia10_cangzhou.txt"
    names += " ia11_changzhou_wujin.txt ia12_yueyang_linxiang.txt"
    reports = [HELD25 / name for name in names.split()] + [JURONG]
    # the Shangqiu page never names its city: the office types it at upload
    return indexed_reports(
        config_factory, "held25-answers", reports, {HELD25 / "ia04_shangqiu.txt": "商丘市"}
    )


@pytest.mark.model
@pytest.mark.parametrize(
    "question, lead_states",
    [
        ("大洼区常务会议对城区自来水价格调整提出了哪些要求？", "供水管網管護"),  # no item cut: the report
        ("禄丰县县长杨继周对森林防火工作提出了哪几点要求？", "四要继续做好扑救火灾的力量准备"),  # the points
        ("禄丰县常务会议对清明节期间祭扫有什么规定？", "禁止上坟烧香"),  # a rule
        ("What is the aim of Lufeng county's forest fire fighting?", "打早、打小、打了"),  # an aim
        ("沧州市违法建设治理各县（市、区）用几年时间完成？", "3年时间"),  # a span of time
        ("沧州市医药产业到2020年的发展目标是什么？", "1000亿元"),  # a target in figures
        ("沧州市常务会议为什么要开展违法建设治理？", "必然选择"),
        ("商丘市常务会议对老旧小区改造确定了什么原则？", "市区主导、政策支持、业主参与、市场运作"),
        ("商丘市第99次常务会议要求着重解决老旧小区改造的哪些问题？", "资金怎么出"),  # inside the item
        ("What principle did Zhenjiang's executive meeting set for household waste charges?", "誰污染誰付費"),
        ("Where was Wujin district's 2nd executive meeting held?", "817会议室"),
    ],
)
def test_leads_state_what_was_asked(held25, question, lead_states):
    assert lead_states in answered_lead(held25, question)


@pytest.mark.model
def test_the_city_named_is_the_citys_own_government_not_its_county_level_city(held25):
    lead = answered_lead(held25, "Who chaired Zhenjiang's 20th executive meeting?")
    assert "张叶飞" in lead or "張葉飛" in lead, lead  # not Jurong's (句容市), filed under 镇江市


@pytest.mark.model
def test_who_holds_a_post_is_refused_when_no_one_is_appointed(held25):
    answer = asked(held25, "临湘高新区体制机制改革后管委会主任由谁担任？")  # the plan, no appointee
    assert not answer.answerable, answer.answer
    assert "任职人员" in answer.answer.splitlines()[0]
