"""Answers found by newq5 (fresh questions on held-back reports, measured blind once): a question that
names one unit and asks another ('把中城公司划转给哪家单位') is not answered by the unit it names; the
day a road opens or another gathering meets is no meeting date; a plan or contract asked by kind must be
one the item names, not a word in passing; 'which company' wants a company; 'the matters it decided' asks
no decision; a joint meeting's study session printed before the agenda answers what it studied; '哪天的
国务院常务会议精神' is answered by the day printed; 陕西 is Shaanxi in English."""

from __future__ import annotations

import pytest
from conftest import ROOT, asked, indexed_reports, parsed_report, simplified_lead


def _news(held: str, name: str):
    return ROOT / "data" / held / "news" / name


BAICHENG = _news("heldback17", "hs10_baicheng.txt")
XIUSHUI = _news("heldback14", "hp06_jiujiang_xiushui.txt")  # never names its county: typed at upload
JUYE = _news("heldback25", "ia09_heze_juye.txt")
CANGXI = _news("heldback9", "hj10_guangyuan_cangxi.txt")
KAILI = _news("heldback10", "hk04_qiandongnan_kaili.txt")
SHAANXI = _news("heldback13", "hn08_shaanxi.txt")
JIAOKOU = _news("heldback5", "hf09_lvliang_jiaokou.txt")


def test_shaanxi_is_spelled_apart_from_shanxi():
    assert parsed_report(SHAANXI).english_place == "Shaanxi Province"


@pytest.fixture(scope="module")
def fresh5(config_factory):
    reports = [BAICHENG, JUYE, CANGXI, KAILI, SHAANXI, JIAOKOU]
    return indexed_reports(config_factory, "newq5", reports, placed={XIUSHUI: "修水县"})


NOT_STATED = [  # (question, why the minutes cannot answer it)
    ("白城市2023年第5次常务会议决定把中城公司划转给哪家单位？", "only heard a report on the transfer"),
    ("修水县第59次常务会决定武吉高速公路修水连接线什么时候通车？", "heard progress, set no date"),
    ("巨野县国家卫生县创建工作推进会定在哪天召开？", "proposed the gathering, named no day"),
    ("苍溪县第81次常务会议审议通过了哪个规划？", "adopted no plan, only mentions one in passing"),
    ("凯里市第十五次常务会议签订了哪些招商引资合同？", "asks to attract investment, signs nothing"),
    (
        "Which company will develop the Shiquan economic and technological development zone approved at "
        "Shaanxi's 5th executive meeting?",
        "names no company",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("question", "why"), NOT_STATED)
def test_what_the_minutes_do_not_say_is_refused(fresh5, question, why):
    assert not asked(fresh5, question).answerable, why


LEADS = [  # (question, what the first line must say)
    (
        "What did Jiaokou county's 89th executive meeting ask departments to do with the matters it decided?",
        "细化为具体任务",
    ),
    ("李刚主持的党组会议暨理论学习中心组集体学习会深入学习了哪些会议精神？", "中央农村工作会议精神"),
    ("凯里市第十五次常务会议传达学习了哪天的国务院常务会议精神？", "4月20日"),
    ("交口县第89次常务会议是哪天召开的？", "2026"),
]


@pytest.mark.model
@pytest.mark.parametrize(("question", "said"), LEADS)
def test_the_lead_states_what_was_asked(fresh5, question, said):
    assert said in simplified_lead(fresh5, question)
