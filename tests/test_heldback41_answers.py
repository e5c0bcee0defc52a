"""Answers on held-back 41 (data/heldback41/, governments first seen in session 36, measured blind once)
and fresh questions newq3: an unnumbered list of requirement headlines (要强化…。…要强化…。) is the
lead of a 哪些要求 question; a decision to act, printed as the chair's directive (要成立…领导小组),
answers 'decide to set up'; 'who reported' is refused where the item says no one reported; a report
heard in the opening of a report itemised by its remarks is answered from the opening; members asked
(哪些种类) are answered by the sentence listing them 、…等."""

from __future__ import annotations

import pytest
from conftest import ROOT, asked, indexed_reports, simplified_lead

REPORTS = [
    ROOT / "data" / "heldback41" / "news" / "iq01_zhangzhou_yunxiao_2017.txt",
    ROOT / "data" / "heldback41" / "news" / "iq02_zhangzhou_yunxiao_2021.txt",
    ROOT / "data" / "heldback41" / "news" / "iq03_changde_linli.txt",
    ROOT / "data" / "heldback39" / "news" / "io06_shanghai_chongming.txt",
    ROOT / "data" / "heldback38" / "news" / "in08_baotou_guyang.txt",
    ROOT / "data" / "heldback33" / "news" / "ih10_xingxian.txt",
    ROOT / "data" / "heldback25" / "news" / "ia03_chuxiong_lufeng.txt",
    ROOT / "data" / "heldback" / "news" / "hb10_anqing_daguan.txt",
]


@pytest.fixture(scope="module")
def held41(config_factory):
    return indexed_reports(config_factory, "heldback41", REPORTS)


LEADS = [  # (question, what the first line must say)
    # the three headlines, not the detail under the first
    ("云霄县2021年第四次常务会议对乡村振兴提出了哪些要求？", "要强化问题导向"),
    # headlines later in the remarks do not stand for the holiday requirements before them
    ("What did Yunxiao county's head require for the National Day and Mid-Autumn holidays?", "渔船管控"),
    # a decision to act printed as the chair's directive
    ("What did Linli county decide to set up for the Linjia highway?", "林夹公路建设领导小组"),
    # the opening heard a report no item took apart (the items are the remarks that follow)
    ("固阳县第1次常务会议听取了什么汇报？", "民生实事项目完成情况"),
    # the kinds asked: the sentence listing them ('发展特色种植、特色加工等庭院经济'), not the plan adopted
    ("兴县特色庭院经济要发展哪些种类？", "特色种植、特色加工"),
    # who reported, said as the subject of the sentence or before 关于
    ("Who reported on forest fire prevention at Lufeng county's 29th executive meeting?", "李发云"),
    ("大观区第25次常务会议听取了哪个单位的汇报？", "区消防救援大队"),
]


@pytest.mark.model
@pytest.mark.parametrize(("question", "said"), LEADS)
def test_the_lead_states_what_was_asked(held41, question, said):
    assert said in simplified_lead(held41, question)


@pytest.mark.model
@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("Who reported on the environmental inspection at Chongming's 55th executive meeting?", "reported"),
        ("崇明区第55次常务会议上是谁汇报的环境保护督察工作？", "汇报人"),
    ],
)
def test_who_reported_is_refused_where_no_one_is_said_to_report(held41, question, reason):
    answer = asked(held41, question)
    assert not answer.answerable and reason in answer.answer, answer.answer
