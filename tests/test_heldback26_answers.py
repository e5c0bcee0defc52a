"""Reports of held-back set 26 (measured blind once, now development material): attendance lists printed
'出 席:' or '公众代表列席情况:', a head of government who only 'attended and spoke', a date whose 月 was
lost ('117日'), a guest named before the topic's verb, a requirement run on in the heading's sentence,
and answers that must quote what was asked (who was absent, the meeting whose spirit was conveyed,
the mechanism to build, how many reports were heard, who reported, what was done before the agenda)."""

from __future__ import annotations

import pytest
from conftest import ROOT, answered_lead, asked, indexed_reports, parsed_report

HELD26 = ROOT / "data" / "heldback26" / "news"
TAICANG_60 = ROOT / "data" / "minutes" / "003_987b33caa3b9b61e.txt"


def _parsed(name: str):
    return parsed_report(HELD26 / name)


def test_spaced_attendance_labels_and_the_head_who_attended_and_spoke():
    rongcheng = _parsed("ib04_weihai_rongcheng.txt")  # '出 席:…' '缺 席:…' '列 席:…'; 市长…出席会议并讲话
    assert rongcheng.chair == "郑跃文"
    assert rongcheng.attendance["缺席"] == ["白雪松", "刘全良", "姚圣杰"]
    assert rongcheng.attendance["出席"][0] == "郑跃文"
    assert _parsed("ib11_bortala_wenquan.txt").chair == "白云龙"  # '县长白云龙出席会议并讲话'


def test_a_group_named_before_its_attendance_list_and_the_notes_after_names():
    shizhong = _parsed("ib10_zaozhuang_shizhong.txt")  # '公众代表列席情况:王广杰(市民代表)、李辉(媒体代表)…'
    assert shizhong.attendance == {"人大代表、政协委员列席": ["褚洪昌"], "公众代表列席": ["王广杰", "李辉"]}


def test_a_guest_named_before_the_topics_verb_stays_in_its_item():
    rongcheng = _parsed("ib04_weihai_rongcheng.txt")  # '会议邀请群众代表参加,审议通过《…三年行动计划…》'
    headings = [item.heading for item in rongcheng.items[1:]]
    assert len(headings) == 2
    assert headings[1].startswith("会议邀请群众代表参加,审议通过《荣成市医疗卫生服务能力")


def test_a_month_and_day_run_together_are_read_before_the_page_date():
    anqiu = _parsed("ib06_weifang_anqiu.txt")  # ' 117日,…主持召开' on a page published 2020-11-10
    assert anqiu.date == "2020-11-07"  # not 1-17


def test_verbs_run_together_name_no_reporter_and_a_required_remark_leaves_the_heading():
    pinghu = _parsed("ib02_jiaxing_pinghu.txt")  # '听取审议并原则通过了《…》'
    assert pinghu.items[1].reporters == []
    hebi = _parsed("ib08_hebi.txt")  # '会议传达贯彻了…会议精神,要求各级各部门高度重视…'
    assert hebi.items[1].heading == "会议传达贯彻了全省产业集聚区建设、对外开放工作会议精神"


def test_remark_paragraphs_on_different_subjects_are_items_of_their_own():
    shizhong = _parsed("ib10_zaozhuang_shizhong.txt")  # 会议强调 (规划), 会议指出 (城建), 会议要求 (物业)
    assert [item.heading[:4] for item in shizhong.items[1:]] == ["会议强调", "会议指出", "会议要求"]
    assert "物业企业" in shizhong.items[3].text


@pytest.fixture(scope="module")
def held26(config_factory):
    names = "ib02_jiaxing_pinghu.txt ib03_baicheng_daan.txt ib04_weihai_rongcheng.txt ib06_weifang_anqiu.txt"
    reports = [HELD26 / name for name in names.split()] + [TAICANG_60]
    placed = {  # pages that never name their government: the office types it at upload
        HELD26 / "ib05_shaoxing_shangyu.txt": "绍兴市上虞区",
        HELD26 / "ib07_huaihua_hongjiang.txt": "怀化市洪江市",
        HELD26 / "ib08_hebi.txt": "鹤壁市",
        HELD26 / "ib10_zaozhuang_shizhong.txt": "枣庄市市中区",
    }
    return indexed_reports(config_factory, "held26-answers", reports, placed)


@pytest.mark.model
@pytest.mark.parametrize(
    "question, lead_states",
    [
        ("荣成市政府第50次常务会议由谁主持？", "郑跃文"),  # the head who attended and spoke
        ("Which members were absent from Rongcheng's 50th executive meeting?", "Absent (缺席): 白雪松"),
        ("荣成市第50次常务会议传达学习了哪次会议的精神？", "4月30日中共中央政治局会议"),  # not the opening
        ("荣成市第50次常务会议审议医疗卫生三年行动计划时邀请了谁参加？", "群众代表"),  # not who attended
        ("安丘市第53次常务会议听取了几项汇报？", "共找到5项议题"),
        ("太仓市第60次常务会议听取了几项汇报？", "共找到3项议题"),  # heard, not every item with a reporter
        ("安丘市建设健康安丘要建立什么机制？", "监测机制"),
        ("大安市常务会议对征收补偿安置方案作出了什么决定？", "决定按程序印发"),
        ("上虞市常务会议决定新农合管理职能由哪个部门移交给哪个部门？", "市人力社保部门"),
        ("上虞市政府第二次常务会议审议讨论了哪些议题？", "高层次人才引进培养"),  # the opening's list
        ("鹤壁市常务会议对产业集聚区建设提出了什么要求？", "完善管理体制"),  # run on in the heading
        ("Who reported at Hebi's executive meeting on 14 April 2014?", "各位副市长"),
        ("枣庄市市中区第12次常务会议会前进行了什么？", "会前学法"),
        ("枣庄市中区第12次常务会议有哪些公众代表列席？", "公众代表列席：王广杰、李辉"),
        ("What screening did Hongjiang's 39th executive meeting ask the city to carry out?", "联合筛查"),
        ("What speech did Da'an's first executive meeting study?", "第三次“一带一路”建设座谈会"),
    ],
)
def test_leads_state_what_was_asked(held26, question, lead_states):
    assert lead_states in answered_lead(held26, question)


@pytest.mark.model
def test_a_figure_in_a_quoted_campaign_name_states_no_count(held26):
    answer = asked(
        held26, "荣成市第50次常务会议确定新建多少家卫生院？"
    )  # '“千家卫生院 万家卫生室”大提升行动'
    assert not answer.answerable, answer.answer
    assert "没有写明数量" in answer.answer.splitlines()[0]
