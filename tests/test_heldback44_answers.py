"""Answers on held-back 44 (data/heldback44/, governments first seen in session 39, measured blind
once): a chair written after the government's name ('区政府董敬太区长主持') is read without it; a page
that starts mid-report names its chair only in a portal's reprint notice, and the site's numbered
disclaimer after it is no agenda; a joint meeting's name ('…常务(扩大)会议暨…专题会议,') is no agenda
clause; '听取相关工作汇报' beside named topics is no item; a one-paragraph report's remark ('指出,…')
goes to its topic; '如何评价…' asks what the meeting held the work to be; 'the implementing body of …'
is answered by the sentence naming it; '…还原则通过了哪些文件' lists the items."""

from __future__ import annotations

import pytest
from conftest import ROOT, indexed_reports, parsed_report, simplified_lead

NEWS = ROOT / "data" / "heldback44" / "news"
JINAN = NEWS / "it02_fuzhou_jinan.txt"  # never names its district: typed at upload
DONGSHAN = NEWS / "it03_hegang_dongshan.txt"
JISHAN = NEWS / "it06_yuncheng_jishan.txt"
XIHUA = NEWS / "it08_zhoukou_xihua.txt"
YONGJIA = NEWS / "it09_wenzhou_yongjia.txt"
LIJIN = NEWS / "it11_dongying_lijin.txt"


def test_the_government_before_a_chairs_name_is_no_part_of_it():
    assert parsed_report(JINAN).chair == "董敬太"  # not 府董敬太


def test_a_reprint_notice_names_the_chair_of_a_page_cut_at_its_start():
    meeting = parsed_report(XIHUA)
    assert (meeting.chair, meeting.meeting) == ("田庆杰", 4)


def test_a_sites_numbered_disclaimer_is_no_agenda():
    headings = [item.heading for item in parsed_report(XIHUA).items]
    assert not any("本网" in heading for heading in headings)
    assert "5家以上" in parsed_report(XIHUA).items[0].text  # the report itself is kept


def test_a_clause_naming_only_related_work_is_no_item():
    headings = [item.heading for item in parsed_report(DONGSHAN).items[1:]]
    assert headings[0] == "学习《黑龙江省教育督导条例》"
    assert not any("相关工作汇报" in heading for heading in headings)


def test_a_joint_meetings_name_is_no_agenda_clause():
    headings = [item.heading for item in parsed_report(JISHAN).items[1:]]
    assert not any("主持召开" in heading for heading in headings)
    assert any("稷山县文物安全专项整治行动实施方案" in heading for heading in headings)


def test_a_remark_in_a_one_paragraph_report_goes_to_its_topic():
    heard = next(item for item in parsed_report(LIJIN).items if "起草情况" in item.heading)
    assert "受益面广、普惠性强的民生工程" in heard.text


@pytest.fixture(scope="module")
def held44(config_factory):
    return indexed_reports(
        config_factory, "heldback44", [XIHUA, YONGJIA, LIJIN], placed={JINAN: "福州市晋安区"}
    )


LEADS = [  # (question, what the first line must say)
    ("利津县常务会议如何评价推动乡村医疗卫生体系高质量发展？", "民生工程"),
    (
        "Who is the implementing body of the Dongfeng canal black-and-odorous water treatment in Xihua county?",
        "城管局",
    ),
    ("娄绍光主持的县政府常务会议还原则通过了哪些文件？", "工业用地增加容积率"),
    ("西华县第四次常务会议原则同意了哪些前期工作成果？", "污水处理中心职工安置方案"),
    ("晋安区2024年第25次常务会议由谁主持？", "董敬太"),
]


@pytest.mark.model
@pytest.mark.parametrize(("question", "said"), LEADS)
def test_the_lead_states_what_was_asked(held44, question, said):
    assert said in simplified_lead(held44, question)
