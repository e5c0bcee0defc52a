"""Reports of held-back set 18 (measured blind once, now development material): the shapes its blind
run failed on. A study framing each decision ('会议学习了…，审定了…。会议要求…' paragraph after
paragraph), semicolon parts that convey a meeting's spirit and then act on it, articles studied
together, remarks before the first paragraph on a topic only the opening names, a report that names no
topic and only says what the meeting stressed, a year shared by two headings that is no shared topic;
and the questions: 节假日期间 is no date asked, 哪些人参加了… asks who attended.
"""

from __future__ import annotations

import pytest
from conftest import ROOT, answered_lead, asked, indexed_reports

from assistant.ingest.loaders import load_file
from assistant.ingest.parser import parse_meeting

HELD18 = ROOT / "data" / "heldback18" / "news"


def _parsed(name: str):
    return parse_meeting(load_file(HELD18 / name).text, name)


def test_a_study_framing_each_decision_is_one_item_per_paragraph():
    taihu = _parsed("ht03_anqing_taihu.txt")
    headings = [item.heading for item in taihu.items[1:]]
    assert len(headings) == 3
    assert "学习" in headings[1] and "水库移民后扶项目资金计划方案" in headings[1]
    assert "确保每一笔钱都花在刀刃上" in taihu.items[1].text


def test_semicolon_parts_that_convey_and_then_arrange_are_one_item_each():
    mingshan = _parsed("ht01_benxi_mingshan.txt")
    headings = [item.heading for item in mingshan.items[1:]]
    assert len(headings) == 7
    # the speech conveyed and the articles studied in one sentence, with one remark: one study item
    assert any("青年团成立100周年" in h and "《求是》" in h and "等重要文章" in h for h in headings)
    flood = next(h for h in headings if "防汛抗旱工作会议精神" in h)
    assert "安排部署全区防汛抗旱工作" in flood


def test_remarks_before_the_paragraphs_go_to_the_topic_only_the_opening_names():
    huzhou = _parsed("ht07_huzhou.txt")
    safety = huzhou.items[1]
    assert "安全生产" in safety.heading and "不出事、再出彩" in safety.text
    assert "重大事项" in huzhou.items[2].heading
    assert "不出事、再出彩" not in huzhou.items[0].text


def test_a_report_that_only_says_what_the_meeting_stressed_has_that_as_its_item():
    zhongwei = _parsed("ht10_zhongwei.txt")
    assert len(zhongwei.items) == 2
    assert "防汛抗旱" in zhongwei.items[1].text and zhongwei.items[1].heading.startswith("会议强调")
    assert zhongwei.date_as_written == "4月14日"


def test_a_year_shared_with_a_heading_is_no_shared_topic():
    hanyin = _parsed("ht04_ankang_hanyin.txt")
    assert any("重点项目" in item.heading for item in hanyin.items[1:])


@pytest.fixture(scope="module")
def held18(config_factory):
    return indexed_reports(config_factory, "held18-answers", sorted(HELD18.glob("*.txt")))


@pytest.mark.model
def test_work_arranged_for_the_holidays_is_no_date_asked(held18):
    answer = asked(held18, "明山区对节假日期间安排部署了哪些重点工作？")
    assert answer.answerable, answer.answer
    assert "安全生产" in "\n".join(answer.answer.splitlines()[:2])


@pytest.mark.model
def test_who_took_part_is_answered_from_the_attendance_line(held18):
    answer = asked(held18, "哪些人参加了李伟光主持的区政府第16次常务会议？")
    assert answer.answerable, answer.answer
    assert "张振中" in answer.answer and "陈伟森" in answer.answer


@pytest.mark.model
def test_what_a_topicless_report_stressed_is_cited_as_its_item(held18):
    answer = asked(held18, "市政府第107次常务会议对防汛抗旱有什么要求？")
    assert answer.answerable, answer.answer
    assert "坚决打赢防汛抗旱这场硬仗" in "\n".join(answer.answer.splitlines()[:2])
    assert "议题一" in answer.answer


@pytest.mark.model
def test_a_meeting_named_by_number_alone_lists_its_items_whatever_verb_is_asked(held18):
    answer = asked(held18, "市政府第108次常务会议研究了哪些工作？")
    first = answer.answer.splitlines()[0]  # the opening's own '研究防汛、疫情防控、城市建設等工作'
    assert answer.answerable and "防汛" in first and "共找到3项议题" in answer.answer, answer.answer


@pytest.mark.model
@pytest.mark.parametrize(
    "question",
    [
        "汉阴县车改工作方案规定取消哪些公务用车？",  # the item only names the plan
        "明山区第8次常务会议对中考期间交通管制有什么规定？",  # the item only says 中考 work was arranged
    ],
)
def test_an_item_that_only_names_its_matter_answers_nothing_more(held18, question):
    answer = asked(held18, question)
    assert not answer.answerable, answer.answer
    # the nearest item is the one named, refused for what it does not say (its heading alone or the
    # asked words it lacks: which one speaks depends on how much of the topic the heading carries)
    assert "没有写明具体内容" in answer.reason or "没有提到" in answer.reason
    assert "议题七" in answer.reason or "议题八" in answer.reason


@pytest.mark.model
def test_the_matter_named_by_a_bare_heading_is_still_answered(held18):
    assert "全县事业单位车改工作方案" in answered_lead(held18, "汉阴县第8次常务会议审定了什么车改方案？")


@pytest.mark.model
def test_which_meeting_took_up_a_bare_heading_is_answered_by_it(held18):
    assert "第8次" in answered_lead(held18, "汉阴县审定车改工作方案的是第几次常务会议？")


@pytest.fixture(scope="module")
def tongcheng(config_factory):
    report = ROOT / "data" / "heldback10" / "news" / "hk11_xianning_tongcheng.txt"
    return indexed_reports(config_factory, "tongcheng-answers", [report])


@pytest.mark.model
def test_the_item_about_the_asked_topic_leads_though_others_of_its_meeting_score_alike(tongcheng):
    question = "Which greening progress report did Tongcheng county's 6th executive meeting of 2020 hear?"
    assert "全域绿化" in answered_lead(tongcheng, question)


@pytest.mark.model
def test_reports_heard_after_conveying_a_meetings_spirit_are_listed_with_the_others(held18):
    first = answered_lead(held18, "明山区第8次常务会议听取了哪些汇报？")
    assert first.startswith("共找到2项议题") and "财政运行情况" in first and "生态环保督察" in first


@pytest.mark.model
def test_requirements_lead_from_the_item_that_states_them_not_a_topic_the_opening_lists(held18):
    assert "发展有需求、政策有支持" in answered_lead(held18, "汉阴县对2019年重点项目有什么要求？")


@pytest.mark.model
def test_which_meetings_spirit_was_conveyed_lists_this_meetings_items_not_meetings(held18):
    first = answered_lead(held18, "明山区第8次常务会议传达了哪些会议精神？")
    assert first.startswith("共找到") and "本溪市明山区政府第8次常务会议" in first
    assert "“安全生产月”电视电话会议精神" in first and "防汛抗旱工作会议精神" in first
