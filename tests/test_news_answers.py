"""Answers over news reports of governments the project measured blind (held-back sets 4 and 5, now
development material): figures the minutes do not print, attendance printed as a sentence, a meeting
whose items open with other verbs, remarks before the first item, English meeting-level answers.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from assistant.answering.answer import answer_question
from assistant.answering.sentences import body_sentences, headline_section
from assistant.ingest.loaders import load_file
from assistant.ingest.normalize import to_simplified
from assistant.ingest.parser import parse_meeting

pytestmark = pytest.mark.model
HELD4 = ROOT / "data" / "heldback4" / "news"
HELD5 = ROOT / "data" / "heldback5" / "news"


def _indexed(config_factory, name: str, pages: list[tuple[Path, str | None]]):
    """A fresh index of real pages, each with the place an office would type for it (or none)."""
    from assistant.answering.retrieval import Retriever
    from assistant.search.index import Index

    config = config_factory(name)
    index = Index(config)
    for path, place in pages:
        assert not index.ingest_paths([path], place=place).failed
    return config, Retriever(index, config)


@pytest.fixture(scope="module")
def news(config_factory):
    return _indexed(
        config_factory,
        "news-answers",
        [
            (HELD4 / "he01_changchun_jiutai.txt", None),
            (HELD4 / "he04_jilin.txt", None),
            (HELD4 / "he06_shennongjia.txt", "神农架林区"),
            (HELD4 / "he11_wuhai_hainan.txt", "乌海市海南区"),
            (HELD5 / "hf02_tianshui_zhangjiachuan.txt", None),
            (HELD5 / "hf05_tianjin_xiqing.txt", None),
            (HELD5 / "hf12_anqing_yingjiang.txt", "安庆市迎江区"),
        ],
    )


def test_a_figure_the_item_does_not_print_is_refused_with_the_item_named(news):
    config, retriever = news
    for question in ("九台区住房公积金缴存比例调整到多少？", "神农架林区非洲猪瘟防控扑杀了多少头生猪？"):
        answer = answer_question(retriever, config, question)
        assert not answer.answerable, question
        assert "具体数字" in answer.answer


def test_attendance_printed_as_a_sentence_is_quoted(news):
    config, retriever = news
    answer = answer_question(retriever, config, "吉林市第八次常务会议有哪些人出席？")
    assert answer.answerable
    assert "副市长曲强、王石红" in answer.answer and "出席会议" in answer.answer


def test_items_opening_with_other_verbs_still_answer_a_list_of_the_meeting(news):
    config, retriever = news
    answer = answer_question(retriever, config, "吉林市2025年第八次常务会议研究审议了哪些事项？")
    assert answer.answerable
    assert "中介服务事项清单" in answer.answer and "非道路移动机械" in answer.answer


def test_remarks_before_the_first_item_answer_from_the_meeting_overview(news):
    config, retriever = news
    answer = answer_question(retriever, config, "海南区常务会议对十五五规划谋划有什么要求？")
    assert answer.answerable
    first = answer.answer.splitlines()[0]
    assert "注重体现我区特色" in first
    assert "09:56" not in answer.answer  # the page header is not quoted as a remark


def test_a_named_report_or_plan_is_answered_with_the_heading_that_names_it(news):
    config, retriever = news
    heard = answer_question(retriever, config, "西青区第八十四次常务会议听取了什么汇报？")
    assert "战略合作框架协议" in heard.answer.splitlines()[0]
    revised = answer_question(retriever, config, "迎江区第58次常务会议修订了什么预案？")
    lead = revised.answer.splitlines()[0]  # the report heard and the plan revised on it: one item, as printed
    assert "防汛抗旱应急预案" in lead or "防汛抗旱應急預案" in lead
    parks = answer_question(retriever, config, "西青区要规划打造哪些产业园？")
    assert "低空经济产业园" in parks.answer.splitlines()[0]  # a sentence, not a list of items


def test_meeting_level_questions_in_english_are_answered_in_english(news):
    config, retriever = news
    answer = answer_question(
        retriever, config, "Who chaired the 27th executive meeting of Zhangjiachuan county?"
    )
    first = answer.answer.splitlines()[0]
    assert first.startswith("Zhangjiachuan County government, 27th executive meeting was held on 2015-02-11")
    assert "马中奇" in first


HELD6 = ROOT / "data" / "heldback6" / "news"


@pytest.fixture(scope="module")
def news6(config_factory):
    """Held-back 6 (measured blind once, now development material): Beijing and two of its
    districts, a province, a county reached only by video, a county whose leaders are named."""
    pages = [
        ("hg01_beijing_chaoyang.txt", "北京市朝阳区"),
        ("hg03_beijing_2016.txt", "北京市"),
        ("hg04_beijing_dongcheng.txt", "北京市东城区"),
        ("hg08_qinghai_2024.txt", None),
        ("hg11_harbin_yilan.txt", "依兰县"),
        ("hg12_heihe_sunwu.txt", None),
        ("hg13_xizang.txt", "西藏自治区"),
    ]
    return _indexed(config_factory, "news-answers-6", [(HELD6 / name, place) for name, place in pages])


def test_a_meeting_named_by_city_government_and_day_lists_its_documents(news6):
    config, retriever = news6
    answer = answer_question(retriever, config, "北京市政府11月29日常务会议研究了哪些文件？")
    assert answer.answerable
    first = answer.answer.splitlines()[0]
    assert "土壤污染防治工作方案" in first and "全民健身实施计划" in first


def test_a_city_named_inside_a_phrase_reaches_the_minutes_of_its_districts(news6):
    config, retriever = news6
    for question in (
        "2024北京CBD论坛要做好哪些筹备工作？",
        "What did Chaoyang district's executive meeting require for the 2024 Beijing CBD Forum?",
    ):
        answer = answer_question(retriever, config, question)
        assert answer.answerable, question
        assert "嘉宾邀请" in answer.answer and answer.citations[0].hit.meeting.city == "朝阳"


def test_how_a_meeting_was_held_and_who_attended_lead_the_meeting_answer(news6):
    config, retriever = news6
    how = answer_question(retriever, config, "依兰县第七次常务会议是以什么方式召开的？")
    assert "视频连线" in how.answer.splitlines()[0]
    who = answer_question(retriever, config, "孙吴县第六次常务会议有哪些县领导出席？")
    assert "姬威、赵锐" in who.answer.splitlines()[0]


def test_a_province_meeting_answers_who_chaired(news6):
    config, retriever = news6
    answer = answer_question(retriever, config, "青海省政府2024年10月22日的常务会议由谁主持？")
    assert answer.answerable and "吴晓军" in answer.answer


def test_what_becomes_of_an_approved_draft_is_the_decision_that_says_so(news6):
    config, retriever = news6
    answer = answer_question(retriever, config, "西藏自治区人工影响天气管理办法草案通过后将如何处理？")
    assert "以自治区政府规章发布" in answer.answer.splitlines()[0]


def test_money_and_a_responsible_unit_the_minutes_do_not_name_are_refused(news6):
    config, retriever = news6
    money = answer_question(retriever, config, "东城区对电动自行车充电设施建设投入了多少资金？")
    assert not money.answerable and "金额" in money.answer
    unit = answer_question(retriever, config, "西藏自治区人工影响天气管理办法由哪个部门负责实施？")
    assert not unit.answerable and "单位" in unit.answer


HELD7 = ROOT / "data" / "heldback7" / "news"


@pytest.fixture(scope="module")
def news7(config_factory):
    """Held-back 7 (measured blind once, now development material) beside Fuzhou (福州) of held-back 4."""
    pages = [
        (HELD7 / "hh01_yingtan.txt", "鹰潭市"),
        (HELD7 / "hh02_jingdezhen.txt", "景德镇市"),
        (HELD7 / "hh03_fuzhou_jx.txt", "抚州市"),
        (HELD7 / "hh05_jinan_lixia.txt", None),
        (HELD7 / "hh09_wenzhou_pingyang.txt", None),
        (HELD7 / "hh11_panjin_panshan.txt", None),
        (HELD4 / "he07_fuzhou.txt", "福州市"),
    ]
    return _indexed(config_factory, "news-answers-7", pages)


def test_one_spelling_of_two_held_places_reaches_both(news7):
    config, retriever = news7
    answer = answer_question(retriever, config, "Who chaired Fuzhou's 30th executive meeting?")
    assert answer.answerable and "高世文" in answer.answer


def test_leaders_who_attended_printed_before_a_semicolon_are_quoted(news7):
    config, retriever = news7
    answer = answer_question(retriever, config, "抚州市政府第30次常务会议有哪些市领导出席？")
    assert answer.answerable and "谭赣明" in answer.answer.splitlines()[0]
    took_part = answer_question(retriever, config, "抚州市政府第30次常务会议有哪些人参加？")  # 参加, not 出席
    assert "谭赣明" in took_part.answer.splitlines()[0]


def test_remarks_in_the_headings_paragraph_answer_and_an_approval_is_a_decision(news7):
    config, retriever = news7
    asked = answer_question(retriever, config, "平阳县对民生实事项目提出了哪些要求？")
    assert "关" in asked.answer.splitlines()[0] and "长江" not in asked.answer.splitlines()[0]
    decided = answer_question(retriever, config, "盘山县常务会议对三个报告作出了什么决定？")
    assert decided.answerable and "原则上通过了这三个报告" in decided.answer.splitlines()[0]
    english = "What did Pingyang county's 16th executive meeting decide on livelihood projects?"
    assert "民生实事候选项目" in answer_question(retriever, config, english).answer.splitlines()[0]


def test_an_english_question_about_a_city_not_held_is_not_answered_from_another(news7):
    config, retriever = news7
    answer = answer_question(retriever, config, "What did the Shijiazhuang government decide about heating?")
    assert not answer.answerable


def test_a_topic_named_with_nothing_after_it_and_an_article_are_no_answer(news7):
    config, retriever = news7
    bare = answer_question(retriever, config, "鹰潭市第68次常务会议研究科技工作时提出了哪些具体要求？")
    assert not bare.answerable and "具体要求" in bare.answer  # '研究部署科技等工作', nothing printed after
    article = answer_question(retriever, config, "景德镇贸易兴市行动今年外贸进出口额目标是多少？")
    assert not article.answerable  # '培育引进一批内贸企业' prints no figure


DEV8 = ROOT / "data" / "dev8" / "news"


@pytest.fixture(scope="module")
def news8(config_factory):
    return _indexed(
        config_factory,
        "news-answers-8",
        [
            (DEV8 / "d01_bazhou.txt", None),
            (DEV8 / "d04_suixi.txt", "濉溪县"),
            (DEV8 / "d05_shangrila.txt", "香格里拉市"),
            (DEV8 / "d06_shifeng.txt", None),
            (DEV8 / "d07_yueyanglou.txt", "岳阳市岳阳楼区"),
        ],
    )


def test_a_bare_document_item_is_answered_from_the_remark_beside_it(news8):
    config, retriever = news8
    answer = answer_question(retriever, config, "霸州市如何支持企业上市？")
    assert answer.answerable
    first = answer.answer.splitlines()[0]
    assert "企业上市财政补助扶持政策" in first and "廊坊经洽会" not in first  # one point, not its neighbour
    assert "霸州市政府第36次常务会议" in answer.answer  # the county-level city reviewing its own draft


def test_a_requirement_lead_leaves_out_the_sentence_that_names_the_topic(news8):
    config, retriever = news8
    answer = answer_question(retriever, config, "岳阳楼区对经济运行和争项争资工作提出了什么要求？")
    first = answer.answer.splitlines()[0]
    assert "开门红" in first and "争项争资政策研判" in first
    assert not first.startswith("会议调度了")


def test_a_list_asked_of_a_topic_no_item_is_about_is_refused(news8):
    config, retriever = news8
    refused = answer_question(retriever, config, "香格里拉市第77次常务会审议了哪些项目资金？")
    assert not refused.answerable and "项目" in refused.answer
    studied = answer_question(retriever, config, "濉溪县常务会议上学习了哪些材料？")
    assert studied.answerable and "保守国家秘密法" in studied.answer.splitlines()[0]


def test_a_name_asked_of_a_kind_the_item_does_not_print_is_refused(news):
    config, retriever = news
    county = answer_question(retriever, config, "吉林市通报的统计造假案例涉及哪个县？")
    assert not county.answerable and "具体的县" in county.answer
    members = answer_question(retriever, config, "海南区的六个行动具体是哪六个？")
    assert not members.answerable  # '“六个行动”是…、…、…的抓手' says what the set is, not its members


def test_the_lead_is_the_sentence_that_names_what_kind_was_asked(news8):
    config, retriever = news8
    answer = answer_question(retriever, config, "石峰区与哪些高校开展校地合作？")
    assert "湖南铁路科技职业技术学院、湖南工业大学" in answer.answer.splitlines()[0]


HELD8 = ROOT / "data" / "heldback8" / "news"


@pytest.fixture(scope="module")
def news_held8(config_factory):
    """Held-back 8 (measured blind once, now development material)."""
    pages = [
        (HELD8 / "hi01_chuxiong_mouding.txt", None),
        (HELD8 / "hi04_tianshui_gangu.txt", None),
        (HELD8 / "hi07_sanya.txt", None),
    ]
    return _indexed(config_factory, "news-answers-held8", pages)


def test_who_chaired_leads_with_the_chair_and_the_asked_role_leads_attendance(news_held8):
    config, retriever = news_held8
    chair = answer_question(retriever, config, "牟定县十七届县人民政府第80次常务会议由谁主持？")
    assert "由赖有常县长主持" in chair.answer.splitlines()[0]
    sat_in = answer_question(retriever, config, "甘谷县第三十七次常务会议有哪些单位负责人列席？")
    assert sat_in.answer.splitlines()[0].startswith("县政府办、监察局")  # 列席, before 参加会议


def test_a_city_named_only_by_its_short_name_answers_a_question_naming_it(news_held8):
    config, retriever = news_held8
    answer = answer_question(retriever, config, "三亚市七届市政府第85次常务会议审议通过了什么？")
    assert answer.answerable and "关于疫情期间支持建设项目安全有序复工的措施" in answer.answer.splitlines()[0]


HELD9 = ROOT / "data" / "heldback9" / "news"


@pytest.fixture(scope="module")
def news_held9(config_factory):
    """Held-back 9 (measured blind once, now development material)."""
    pages = [
        (HELD9 / name, None) for name in ("hj03_yancheng_yandu.txt", "hj08_xinyang.txt", "hj09_zhoukou.txt")
    ]
    return _indexed(config_factory, "news-answers-held9", pages)


def test_when_a_named_meeting_was_held_is_answered_from_its_overview(news_held9):
    config, retriever = news_held9
    answer = answer_question(retriever, config, "When was Zhoukou's 2nd executive meeting held?")
    assert answer.answerable and "10-12" in answer.answer.splitlines()[0]


def test_a_count_of_a_unit_the_item_never_counts_is_refused_and_invited_guests_lead(news_held9):
    config, retriever = news_held9
    accidents = answer_question(retriever, config, "盐都区今年上半年发生了几起燃气事故？")
    assert not accidents.answerable  # '三个责任' counts no accidents
    guests = answer_question(retriever, config, "信阳市第二十五次常务会议有哪些人应邀出席？")
    assert guests.answer.splitlines()[0].startswith("信阳军分区司令员程德明")


HELD10 = ROOT / "data" / "heldback10" / "news"


@pytest.fixture(scope="module")
def news_held10(config_factory):
    """Held-back 10 (measured blind once, now development material)."""
    names = (
        "hk01_lvliang_lishi.txt",
        "hk02_kashgar_bachu.txt",
        "hk04_qiandongnan_kaili.txt",
        "hk07_fuzhou_mawei.txt",
        "hk08_yichun_youhao.txt",
        "hk10_guyuan_xiji.txt",
        "hk11_xianning_tongcheng.txt",
    )
    return _indexed(config_factory, "news-answers-held10", [(HELD10 / name, None) for name in names])


def _ask(fixture, question: str):
    config, retriever = fixture
    return answer_question(retriever, config, question)


def test_reports_asked_as_work_reports_and_an_english_greening_report_are_listed(news_held10):
    heard = _ask(news_held10, "友好区二届五十四次常务会议听取了哪些工作汇报？")  # 工作汇报: no topic word
    assert heard.answerable and "城市更新" in heard.answer.splitlines()[0]
    greening = _ask(
        news_held10, "Which greening progress report did Tongcheng's 6th executive meeting of 2020 hear?"
    )
    assert greening.answerable and "全域绿化" in greening.answer.splitlines()[0]  # greening → 绿化


def test_a_headline_leads_with_what_it_stands_over_and_a_reason_with_the_action(news_held10):
    how = _ask(news_held10, "西吉县怎样保障招商项目落地？").answer.splitlines()[0]
    assert "成立工作專班" in how
    xiji = parse_meeting(load_file(HELD10 / "hk10_guyuan_xiji.txt").text, "hk10")
    section = headline_section(body_sentences(xiji.items[1].text), "要抓实招商项目落地。")
    assert len(section) == 3 and "成立工作专班" in section[1]  # the headline alone restates the question
    why = _ask(news_held10, "巴楚县工业园区为什么申请调整原可研？").answer.splitlines()[0]
    assert why.startswith("为更好适应发展需求,对项目部分工艺及附属设施进行了优化调整。")


def test_where_and_how_a_meeting_was_held_quote_its_opening_or_are_refused(news_held10):
    where = _ask(news_held10, "通城县2020年第6次政府常务会议在哪里召开？")
    assert where.answerable and "在县委小礼堂主持召开" in where.answer.splitlines()[0]
    nowhere = _ask(news_held10, "巴楚县2025年第五次常务会议在哪里召开？")
    assert not nowhere.answerable and "会议地点" in nowhere.answer
    how = _ask(news_held10, "How was Bachu county's fifth executive meeting of 2025 held?")
    assert "通过腾讯视频会议主持召开了" in how.answer.splitlines()[0]


def test_a_name_or_a_date_the_minutes_never_print_is_refused(news_held10):
    road = _ask(news_held10, "离石区田家会街道新命名的道路叫什么名字？")  # '部分道路命名' prints no road
    assert not road.answerable and "道路名称" in road.answer
    when = _ask(news_held10, "凯里市第十届人民政府第十五次常务会议是几月几日召开的？")  # '近日'
    assert not when.answerable and "日期" in when.answer
    villages = _ask(news_held10, "通城县铁塔云广播项目要覆盖多少个村？")  # '评论 0人参与' is page chrome
    assert not villages.answerable


def test_a_year_named_with_the_number_keeps_an_undated_report_and_a_party_congress_is_no_meeting(
    news_held10,
):
    chair = _ask(news_held10, "马尾区2022年第14次常务会议由谁主持？")  # the report says only 日前
    assert chair.answerable and "庄永智" in chair.answer
    congress = _ask(news_held10, "凯里市要怎样宣讲省第十三次党代会精神？")  # 第十三次 is the congress's
    assert congress.answerable and "群众喜闻乐见" in congress.answer.splitlines()[0]


def test_an_english_requirement_leads_with_the_sentence_its_words_translate(news_held10):
    lead = _ask(
        news_held10, "What did Youhao district require on its ecological and environmental protection tasks?"
    ).answer.splitlines()[0]
    assert "要高度重视生态环境保护任务" in lead  # tasks → 任务, ecological → 生态 …


def test_the_names_of_units_only_counted_are_refused(news7):
    config, retriever = news7
    committees = answer_question(retriever, config, "历下区新设立的两个社区居民委员会叫什么名字？")
    assert not committees.answerable and "委员会名称" in committees.answer  # '设立两个社区居民委员会'


def test_who_bears_a_cost_needs_a_unit_printed_as_doing_it(news_held8_gannan):
    config, retriever = news_held8_gannan
    cost = answer_question(retriever, config, "甘南州磨沟遗址保护经费由哪个部门承担？")
    assert not cost.answerable  # '被国家文物局评为…' names a unit that bears nothing


@pytest.fixture(scope="module")
def news_held8_gannan(config_factory):
    return _indexed(config_factory, "news-answers-held8-gannan", [(HELD8 / "hi06_gannan.txt", None)])


def test_an_item_heading_a_quote_holds_is_not_named_again(news6):
    config, retriever = news6
    lines = answer_question(retriever, config, "西藏自治区人工影响天气管理办法草案通过后将如何处理？").answer
    assert lines.splitlines()[1].startswith("议题二")  # the quote below names 《…管理办法(草案)》
    assert "讨论《西藏自治区人工影响天气管理办法" not in lines.splitlines()[1]


HELD11 = ROOT / "data" / "heldback11" / "news"


@pytest.fixture(scope="module")
def news_held11(config_factory):
    """Held-back 11 (measured blind once, now development material) beside Haicheng, a county-level
    city of Anshan (held-back 2)."""
    pages = [
        (HELD11 / "hl02_shuangyashan_sifangtai.txt", None),
        (HELD11 / "hl05_hunan.txt", None),
        (HELD11 / "hl06_haidong.txt", None),
        (HELD11 / "hl07_chifeng_harqin.txt", None),
        (HELD11 / "hl09_ordos_uxin.txt", None),
        (HELD11 / "hl10_anshan.txt", "鞍山市"),
        (ROOT / "data" / "heldback2" / "news" / "hc06_anshan_haicheng.txt", None),
    ]
    return _indexed(config_factory, "news-answers-held11", pages)


def test_a_province_named_short_a_study_before_the_meeting_and_a_remark_run_on(news_held11):
    hunan = _ask(news_held11, "湖南省政府第50次常务会议审议了什么？")
    assert hunan.answerable and "政府工作报告" in hunan.answer.splitlines()[0]
    studied = _ask(news_held11, "四方台区常务会议会前学习了什么？")
    assert studied.answerable and "优化营商环境条例" in studied.answer.splitlines()[0]
    river = _ask(news_held11, "海东市对妨碍河道行洪突出问题排查整治提出了什么要求？")
    assert river.answerable and "全力销号存量" in river.answer


def test_an_english_banner_name_from_the_dictionary_and_a_city_kept_apart_from_its_cities(news_held11):
    harqin = _ask(news_held11, "Who chaired Harqin banner's first executive meeting of 2026?")
    assert harqin.answerable and "白玲" in harqin.answer.splitlines()[0]
    anshan = _ask(
        news_held11, "鞍山市这次常务会议审议通过了哪些文件？"
    )  # 海城市's documents are not 鞍山市's
    assert not anshan.answerable


def test_the_plan_asked_for_leads_and_work_to_be_done_is_no_list_of_items(news_held11):
    plan = _ask(news_held11, "乌审旗2024年第10次常务会议研究审议了什么方案？").answer.splitlines()[0]
    assert "电动自行车安全隐患全链条整治行动方案" in plan
    ecology = _ask(news_held11, "乌审旗要全力抓好哪些生态工作？").answer.splitlines()[0]
    assert "防沙治沙" in ecology and not ecology.startswith("共找到")


HELD12 = ROOT / "data" / "heldback12" / "news"


@pytest.fixture(scope="module")
def news_held12(config_factory):
    """Held-back 12 (measured blind once, now development material): two pages naming no government."""
    pages = [
        (HELD12 / "hm05_liaocheng_dongchangfu.txt", None),
        (HELD12 / "hm06_chair_fang_zhirong.txt", None),
        (HELD12 / "hm07_chair_wang_feng.txt", None),
    ]
    return _indexed(config_factory, "news-answers-held12", pages)


def test_meetings_named_by_a_chair_in_pinyin_or_with_the_title_and_a_measure_not_printed(news_held12):
    economy = _ask(
        news_held12, "What did the district executive meeting chaired by Wang Feng require on the economy?"
    )
    assert economy.answerable and economy.interpreted == ["chaired by: 王锋"]  # not 'which meeting?'
    assert "供圖" not in economy.answer  # a photo credit is page chrome
    titled = _ask(news_held12, "县长房志荣主持的第9次常务会议研究了哪些工作？")  # 县长 is no topic
    assert titled.answerable and "网格化" in titled.answer
    area = _ask(news_held12, "东昌府区郑家镇工业聚集区规划面积多大？")  # the item prints no area
    assert not area.answerable


def test_the_news_eval_index_is_built_from_gold_with_the_places_an_office_types(config_factory, capsys):
    import argparse

    from assistant.devtools.__main__ import cmd_ingest_gold
    from assistant.search.index import Index

    config = config_factory("news-ingest-gold")
    gold = ROOT / "data" / "heldback12" / "gold.json"
    assert cmd_ingest_gold(argparse.Namespace(gold=[str(gold)]), config) == 0
    assert "7 pages, 0 failed" in capsys.readouterr().out
    places = {meeting.city_full for meeting in Index(config).meetings().values()}
    assert "济宁市任城区" in places  # typed (place_given), the page never names it


@pytest.fixture(scope="module")
def misfiled(config_factory):
    """A Luyi county page filed at upload under the wrong county (郸城县, typed by mistake), beside a page
    of another county: its parsed place is wrong, what it prints is right."""
    pages = [
        (HELD12 / "hm02_zhoukou_luyi.txt", "郸城县"),
        (HELD12 / "hm01_pingdingshan_baofeng.txt", "宝丰县"),
    ]
    return _indexed(config_factory, "news-answers-misfiled", pages)


def test_a_minute_whose_parsed_place_is_wrong_is_found_by_the_place_and_number_it_prints(misfiled):
    answer = _ask(misfiled, "鹿邑县第60次常务会议听取了哪些部门的工作情况汇报？")
    assert answer.answerable, answer.answer
    assert answer.answer.splitlines()[0].startswith("没有解析为")  # says the minute was found by its print
    assert "统计、发改、交通" in answer.answer
    assert {c.hit.meeting.meeting for c in answer.citations} == {60}
    other = _ask(misfiled, "鹿邑县第61次常务会议听取了哪些汇报？")  # a number it does not print
    assert not other.answerable


HELD13 = ROOT / "data" / "heldback13" / "news"


@pytest.fixture(scope="module")
def news_held13(config_factory):
    """Held-back 13 (measured blind once, now development material): a county report filed under its
    city (an office typed 福州市) beside the city's own minutes, a chair named only as attending, a
    province's transcript, pages heard as drafts; held-back 9's Zhonglou beside them."""
    pages = [
        (HELD13 / "hn01_fuzhou_minhou.txt", "福州市"),
        (HELD4 / "he07_fuzhou.txt", None),
        (HELD13 / "hn02_chair_qi_yongjun.txt", None),
        (HELD13 / "hn08_shaanxi.txt", None),
        (HELD13 / "hn09_liaoning.txt", "辽宁省"),
        (HELD13 / "hn11_xinzhou.txt", "忻州市"),
        (HELD9 / "hj02_changzhou_zhonglou.txt", None),
    ]
    return _indexed(config_factory, "news-answers-held13", pages)


def test_a_county_filed_under_its_city_is_found_by_its_own_name_and_its_second_meeting(news_held13):
    rule = _ask(news_held13, "闽侯县常务会议传达学习了中共中央、国务院印发的哪个条例？")
    assert rule.answerable and "党政机关厉行节约反对浪费条例" in rule.answer
    assert {c.hit.meeting.source for c in rule.citations} == {"hn01_fuzhou_minhou.txt"}  # not 福州's own
    second = _ask(news_held13, "闽侯县第17次常务会议传达学习了赵乐际的什么讲话精神？")  # '又讯 …第17次'
    assert second.answerable and "在福建调研" in second.answer


def test_a_chair_named_as_attending_and_a_question_naming_the_meeting_by_who_chaired(news_held13):
    kinds = _ask(news_held13, "齐永军县长主持的县政府第三次常务会议研究讨论了哪几类问题？")  # 几类: no topic
    assert kinds.answerable and "城市建设" in kinds.answer
    heard = _ask(news_held13, "齐永军主持的县政府第三次常务会议听取了什么汇报？")
    assert "书记办公会议" in heard.answer.splitlines()[0]  # the item, not who attended


def test_a_province_transcript_its_date_in_english_and_an_english_plan_question(news_held13):
    passed = _ask(news_held13, "陕西省政府第五次常务会议审议通过了什么？")
    assert passed.answerable and "部门分工意见" in passed.answer
    when = _ask(news_held13, "When was Shaanxi's 5th provincial executive meeting held?")  # not Shanxi
    assert "2020-03-03" in when.answer.splitlines()[0]
    plan = _ask(news_held13, "What plan did Liaoning's executive meeting of 22 September 2025 review?")
    assert "实施方案" in plan.answer.splitlines()[0]


def test_a_requirement_leads_over_a_bare_heading_and_a_draft_heard_answers_what_was_reviewed(news_held13):
    safety = _ask(news_held13, "忻州市对安全生产提出了什么要求？")
    assert "三管三必须" in to_simplified(safety.answer.splitlines()[0])  # quoted as published (traditional)
    reviewed = _ask(news_held13, "忻州市政府第33次常务会议审议了什么？")
    assert "政府工作报告" in reviewed.answer.splitlines()[0]
    proposed = _ask(news_held13, "钟楼区物业服务高质量提升实施方案由哪个部门提出？")
    assert proposed.answerable and "区住建局" in proposed.answer.splitlines()[0]


HELD14 = ROOT / "data" / "heldback14" / "news"


@pytest.fixture(scope="module")
def news_held14(config_factory):
    """Held-back 14 (measured blind once, now development material): a county whose remarks run on in
    its opening paragraph, one whose requirements sit in the overview beside nine reviewed titles, a
    district whose opening alone says what it studied; held-back 6's Sunwu for a topic it never took up."""
    pages = [
        (HELD14 / "hp04_chongqing_xiushan.txt", None),
        (HELD14 / "hp06_jiujiang_xiushui.txt", "修水县"),
        (HELD14 / "hp07_hami_yizhou.txt", None),
        (HELD6 / "hg12_heihe_sunwu.txt", None),
    ]
    return _indexed(config_factory, "news-answers-held14", pages)


def test_requirements_in_the_overview_answer_over_items_that_name_the_place(news_held14):
    manganese = _ask(news_held14, "秀山县要抓好哪个行业的综合整治？")  # not the titles naming 秀山县
    assert manganese.answerable and "锰行业" in manganese.answer
    migrants = _ask(news_held14, "修水县要如何做好返乡农民工就业创业工作？")  # '…汇报。王丰鹏指出,…'
    assert migrants.answerable and "创业潮" in migrants.answer


def test_an_opening_that_alone_says_what_was_studied_answers_and_an_asked_kind_is_no_topic(news_held14):
    article = _ask(news_held14, "What article did Yizhou district's 9th executive meeting of 2023 study?")
    assert article.answerable and "康庄大道" in to_simplified(article.answer)
    fire = _ask(news_held14, "孙吴县第六次常务会议对森林防火工作作了什么部署？")  # 部署 is what is asked
    assert not fire.answerable
