"""Question understanding and follow-up rewriting (no model needed)."""

from __future__ import annotations

import pytest
from conftest import MINUTES

from assistant.answering.followup import Asked, resolve_followup
from assistant.answering.query import Vocabulary, understand
from assistant.ingest.loaders import load_file
from assistant.ingest.parser import parse_meeting


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.from_meetings(
        [parse_meeting(load_file(p).text, p.name) for p in sorted(MINUTES.glob("*.txt"))]
    )


def test_city_meeting_and_item_filters(vocab):
    intent = understand("太仓市第60次常务会议的第一项议题是什么？", vocab)
    assert (intent.cities, intent.meeting, intent.item) == (["太仓"], 60, 1)
    english = understand("Who chaired Taicang's 59th executive meeting?", vocab)
    assert (english.lang, english.cities, english.meeting, english.meeting_level) == (
        "en",
        ["太仓"],
        59,
        True,
    )


def test_year_filter_only_for_the_meeting_date_not_for_report_years(vocab):
    assert understand("2021年召开的常务会议审议了哪些规划？", vocab).date_from == "2021-01-01"
    assert understand("2020年度太仓市本级预算执行审计情况如何？", vocab).date_from is None
    june = understand("Who chaired Kunshan's 5th executive meeting in June 2017?", vocab)
    assert (june.date_from, june.date_to, june.meeting) == ("2017-06-01", "2017-06-30", 5)


def test_department_filter_does_not_become_a_city_filter(vocab):
    intent = understand("哪些议题是由环保部门（市环保局或太仓生态环境局）汇报的？", vocab)
    assert set(intent.departments) == {"市环保局", "太仓生态环境局"}
    assert intent.cities == []


def test_heading_verbs_with_exclusion(vocab):
    intent = understand("太仓市第60次常务会议“审议”（而非“听取”）了哪些文件？", vocab)
    assert intent.verbs == ["审议"] and intent.exclude_verbs == ["听取"] and intent.wants_list
    both = understand("两市常务会议审议或讨论过哪些规划？", vocab)
    assert set(both.verbs) == {"审议", "讨论"}


def test_a_city_not_in_the_corpus_is_kept_as_a_filter_that_matches_nothing(vocab):
    intent = understand("无锡市第5次常务会议由谁主持？", vocab)
    assert (intent.cities, intent.unknown_places) == ([], ["无锡市"])
    assert understand("近期全市常务会议强调了什么？", vocab).cities == []


def test_follow_ups_are_rewritten_against_the_previous_question(vocab):
    previous = "昆山市第4次常务会议由谁主持？"
    assert resolve_followup("那太仓呢？", previous, vocab) == "太仓第4次常务会议由谁主持？"
    assert (
        resolve_followup("第59次呢？", "太仓市第60次常务会议由谁主持？", vocab)
        == "太仓市第59次常务会议由谁主持？"
    )
    assert resolve_followup("谁汇报的？", "《太仓市工业厂房出租管理办法》", vocab).startswith(
        "《太仓市工业厂房出租管理办法》，谁汇报的"
    )
    standalone = "昆山杜克大学“卓越计划”要同步考虑建设几个重点实验室？"
    assert resolve_followup(standalone, previous, vocab) == standalone


def test_a_district_of_a_held_city_searches_the_city_minutes_and_says_so():
    """A minute filed under its city (珠海市): a question naming one of the city's districts is not refused
    as an unheld place; the city's minutes are searched, with a notice first."""
    from conftest import ROOT

    path = ROOT / "data" / "minutes-other" / "01_zhuhai_doumen.txt"
    city_vocab = Vocabulary.from_meetings([parse_meeting(load_file(path).text, path.name, place="珠海市")])
    intent = understand("香洲区政府常务会议对航展服务保障提出了哪些要求？", city_vocab)
    assert intent.cities == ["珠海"] and intent.unknown_places == []
    assert intent.notices == [
        "已收录的纪要中没有〔香洲区〕自己的常务会议；已按其所属的〔珠海市〕的纪要检索。"
    ]
    other = understand("海淀区政府常务会议对航展服务保障提出了哪些要求？", city_vocab)  # Beijing: not held
    assert other.cities == [] and other.unknown_places == ["海淀区"] and other.notices == []


def test_a_when_question_is_not_taken_for_a_topic_the_minutes_never_mention(vocab):
    from assistant.answering.query import content_terms

    intent = understand("清水县第52次常务会议是哪天开的？", vocab)
    tokens = ["清水县", "第", "52", "次", "常务会议", "是", "哪", "天开", "的"]
    assert "天开" not in content_terms(tokens, intent)


def test_the_form_of_the_answer_asked_is_no_topic(vocab):
    from assistant.answering.query import content_terms

    effect = understand("潘光主持的区政府常务会议要求确保各项工作达到什么效果？", vocab)
    tokens = [
        "潘光",
        "主持",
        "的",
        "区政府",
        "常务会议",
        "要求",
        "确保",
        "各项",
        "工作",
        "达到",
        "什么",
        "效果",
    ]
    assert not {"达到", "效果"} & set(content_terms(tokens, effect))
    together = understand("遵义市第37次常务会议是和哪次会议一起召开的？", vocab)
    tokens = ["遵义市", "第", "37", "次", "常务会议", "是", "和", "哪次", "会议", "一起", "召开", "的"]
    assert "一起" not in content_terms(tokens, together)


def test_the_level_of_government_that_met_is_no_topic(vocab):
    from assistant.answering.query import content_terms

    intent = understand("哪几次区政府常务会议研究了禁毒工作？", vocab)
    tokens = ["哪几次", "区政", "区政府", "常务会议", "研究", "了", "禁毒", "工作"]
    assert content_terms(tokens, intent) == ["禁毒"]
    works = understand("市政府常务会议对市政设施提出了哪些要求？", vocab)  # 市政 of 市政设施 is a topic
    tokens = ["市政", "市政府", "常务会议", "对", "市政", "设施", "提出", "了", "哪些", "要求"]
    assert "市政" in content_terms(tokens, works)


@pytest.mark.parametrize(
    "question,kind",
    [
        ("清水县2015年地区生产总值预期增长多少？", "rate"),
        ("财政收入占比是多少？", "rate"),
        ("项目总投资多少亿元？", "amount"),
        ("共建成多少个充电站？", "count"),
        ("金矿事故造成几人死亡？", "count"),
        ("政府工作报告提出地区生产总值增长目标是多少？", "rate"),
        ("森林防火期是从几月到几月？", "date"),
        ("夜景特色街区选址在哪里？", "location"),
        ("常务会议是在哪儿开的？", "venue"),  # the room: answered from the opening, or refused
    ],
)
def test_the_kind_of_figure_asked_for(vocab, question, kind):
    from assistant.answering.answerability import asked_kind

    assert asked_kind(understand(question, vocab)) == kind


def test_a_year_is_not_a_rate_and_a_percentage_is():
    from assistant.answering.answerability import FACT_PATTERNS

    rate = FACT_PATTERNS["rate"]
    assert not rate.search("讨论《清水县2014年国民经济和社会发展计划执行情况及2015年计划(草案)的报告》")
    assert rate.search("地区生产总值预期增长6.5%") and rate.search("提高2个百分点")


def test_a_heading_that_says_the_meeting_approved_a_document_has_that_verb():
    from assistant.ingest.parser import _verb

    assert _verb("会议审定了县编办送审的《关于开展扩权强镇试点工作的实施意见》") == "审定"
    assert _verb("会前学习了《中华人民共和国环境保护法》") == "学习"


def test_a_list_the_minutes_only_name_is_not_a_list_they_give():
    from types import SimpleNamespace

    from assistant.answering.answerability import _lists
    from assistant.answering.cues import LIST_DETAIL_RE

    asked = LIST_DETAIL_RE.search("菏泽市20项重点民生实事具体是哪些？")
    assert asked and asked.group("set") == "重点民生实事"
    assert LIST_DETAIL_RE.search("促消费十大工程分别是哪十项？").group("set") == "工程"

    def hit(text):
        return SimpleNamespace(item=SimpleNamespace(text=text))

    assert not _lists(hit("审议《关于抓好20项重点民生实事落实的工作方案》。"), "重点民生实事")
    assert not _lists(
        hit("实施十大促消费工程,开展促消费系列活动,改善消费条件、创新消费场景、营造消费氛围"), "工程"
    )
    assert _lists(hit("确定20项重点民生实事：新建学校、改造老旧小区、增设停车位等。"), "重点民生实事")
    assert _lists(hit("十大工程包括城市更新、交通畅通、生态修复等。"), "工程")


def test_a_count_of_person_times_is_a_count(vocab):
    from assistant.answering.answerability import FACT_PATTERNS, asked_kind

    assert asked_kind(understand("百日集中整治行动出动警力多少人次？", vocab)) == "count"
    assert FACT_PATTERNS["count"].search("共出动警力1200人次") and not FACT_PATTERNS["count"].search(
        "加大警力投放"
    )


def test_a_news_report_heading_stops_before_the_remark():
    from assistant.ingest.parser import _split_heading

    heading, rest = _split_heading("会议听取了关于全市耕地保护工作情况汇报,强调,要认真贯彻落实耕地保护要求。")
    assert heading == "会议听取了关于全市耕地保护工作情况汇报" and rest.startswith("强调")


def test_an_ordinal_item_question_is_not_a_question_for_the_members_of_a_set():
    from assistant.answering.cues import LIST_DETAIL_RE

    assert not LIST_DETAIL_RE.search("昆山市第4次常务会议第三项议题是什么？")
    assert not LIST_DETAIL_RE.search("会议审议了哪几项议题？")


def test_follow_ups_lean_on_the_last_question_that_stood_on_its_own(vocab):
    """A conversation's follow-ups do not pile up into one ever longer question, and a meeting named
    by its number keeps the place the conversation last named."""
    asked = ["太仓市第60次常务会议审议了哪些文件？", "谁汇报的？", "审议结果如何？"]
    asked += ["人才公寓由哪个部门汇报？", "第59次会议由谁主持？"]
    history = []
    for question in asked:
        history.append(Asked(question, resolve_followup(question, history, vocab)))
    readings = [t.interpreted for t in history]
    assert readings[2] == "太仓市第60次常务会议审议了哪些文件，审议结果如何？"  # not …谁汇报的，审议…
    assert readings[3] == "人才公寓由哪个部门汇报？"  # a question of its own stays as asked
    assert readings[4] == "太仓第59次会议由谁主持？"  # the place named two questions before
    assert resolve_followup("有几项议题？", history, vocab) == "太仓第59次常务会议有几项议题？"
    assert resolve_followup("第三项议题是什么？", history, vocab) == "太仓第59次常务会议第三项议题是什么？"
    assert (
        resolve_followup("昆山市第68次常务会议由谁主持？", history, vocab) == "昆山市第68次常务会议由谁主持？"
    )


def test_a_province_named_as_the_government_that_met_is_a_place_and_a_chaired_clause_is_no_chair_question(
    vocab,
):
    met = understand("陕西省政府第五次常务会议审议通过了什么？", vocab)
    assert (met.unknown_places, met.meeting) == (["陕西省"], 5)  # a place filter, not topic words
    setting = understand("陕西省的重点项目有哪些？", vocab)  # the province as a setting stays a topic
    assert setting.unknown_places == []
    clause = understand("龚正主持的市政府常务会议要求上海农业走什么样的发展之路？", vocab)
    assert not clause.meeting_level  # 主持的 names the meeting: the content is asked, not the chair
    assert understand("太仓市第60次常务会议是谁主持的？", vocab).meeting_level


def test_a_place_in_pinyin_is_not_also_read_as_a_chair_spelled_the_same():
    from conftest import ROOT

    pages = [
        ROOT / "data" / "heldback12" / "news" / "hm01_pingdingshan_baofeng.txt",  # 宝丰县, place given
        ROOT / "data" / "heldback15" / "news" / "hq03_fuxin_fumeng.txt",  # chaired by 包峰 (Bao Feng)
    ]
    held = Vocabulary.from_meetings(
        [
            parse_meeting(load_file(pages[0]).text, pages[0].name, place="宝丰县"),
            parse_meeting(load_file(pages[1]).text, pages[1].name),
        ]
    )
    intent = understand("When was Baofeng county's 66th executive meeting held?", held)
    assert (intent.cities, intent.chairs, intent.meeting) == (["宝丰"], [], 66)
