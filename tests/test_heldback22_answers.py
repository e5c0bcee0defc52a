"""Reports of held-back set 22 (measured blind once, now development material): a list of drafts
named by the unit that sent them (市农委关于…实施意见), a decision list followed by '同时,审议…', a
conveyed speech and documents studied with one remark, a study list whose one remark speaks to all of
it, a page cut off mid-sentence, an opening that lists the matters its paragraphs take up, and a
county page that names another province's banner only as the site of an accident."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, answered_lead, asked, indexed_reports, parsed_report

HELD22 = ROOT / "data" / "heldback22" / "news"


def _parsed(name: str):
    return parsed_report(HELD22 / name)


def test_drafts_named_by_the_unit_that_sent_them_are_one_item_each():
    chuzhou = _parsed("hx09_chuzhou.txt")
    headings = [item.heading for item in chuzhou.items[1:]]
    assert len(headings) == 5
    assert all(h.startswith("审议并原则通过") for h in headings)  # each one passed, not only the first
    assert "市审计局" in headings[1] and "审计监督办法" in headings[1]
    # each remark stays with the draft it is about
    assert "菜篮子" in chuzhou.items[1].text and "菜价大起大落" in chuzhou.items[1].text
    assert "投资审计" in chuzhou.items[2].text and "菜价" not in chuzhou.items[2].text
    assert "灾民自救" in chuzhou.items[3].text


def test_a_report_cut_off_mid_word_gives_no_item_of_the_fragment():
    chuzhou, dongli = _parsed("hx09_chuzhou.txt"), _parsed("hx04_tianjin_dongli.txt")
    assert not any(item.heading.startswith("会议还") for item in [*chuzhou.items, *dongli.items][1:])
    assert "会议还传达学习习近平总" in dongli.items[0].text  # kept, as meeting-level text
    assert len(dongli.items) - 1 in (3, 4)


def test_a_second_decision_list_opened_by_tongshi_is_an_item_of_its_own():
    yanbian = _parsed("hx10_panzhihua_yanbian.txt")
    headings = [item.heading for item in yanbian.items[1:]]
    assert len(headings) == 3
    assert "易地扶贫搬迁" in headings[0]
    assert headings[1].startswith("审议") and "脱贫攻坚工作方案" in headings[1]  # no '同时,' item


def test_a_listed_clause_with_its_own_verb_keeps_that_verb():
    dongli = _parsed("hx04_tianjin_dongli.txt")
    conveyed = next(item.heading for item in dongli.items if "京津冀协同发展领导小组" in item.heading)
    assert conveyed.startswith("传达")  # not '听取传达…'


def test_texts_conveyed_in_a_row_with_one_remark_are_one_study_item():
    yichun, dongkou = _parsed("hx06_yichun.txt"), _parsed("hx07_shaoyang_dongkou.txt")
    study = yichun.items[1]
    assert "国务院常务会议精神" in study.heading and "实施意见" in study.heading
    assert len(yichun.items) - 1 == 4  # the opening's list of matters is what the paragraphs take up
    assert len(dongkou.items) - 1 == 1
    assert "市委农村工作会议精神" in dongkou.items[1].heading


def test_a_place_named_only_as_an_accident_site_is_not_the_government():
    dongkou = _parsed("hx07_shaoyang_dongkou.txt")
    assert dongkou.city_full is None or "阿拉善" not in dongkou.city_full


def test_remarks_after_two_bare_topic_paragraphs_go_to_the_one_they_are_about():
    xindu = _parsed("hx01_chengdu_xindu.txt")
    market = next(item for item in xindu.items if "市场主体" in item.heading)
    documents = next(item for item in xindu.items if "统计公报" in item.heading)
    assert "市场主体培育工作对区域经济" in market.text
    assert "市场主体培育工作对区域经济" not in documents.text
    assert "公园城市理念" in documents.text


@pytest.fixture(scope="module")
def held22(config_factory):
    names = "hx01_chengdu_xindu.txt hx02_jinan_zhangqiu.txt hx06_yichun.txt hx09_chuzhou.txt"
    names += " hx10_panzhihua_yanbian.txt"
    reports = [HELD22 / name for name in names.split()] + [ROOT / "data/heldback21/news/hw05_changde.txt"]
    placed = {  # the county pages never name their county: the office types it at upload
        HELD22 / "hx07_shaoyang_dongkou.txt": "邵阳市洞口县",
        HELD22 / "hx08_huaihua_mayang.txt": "怀化市麻阳苗族自治县",
    }
    return indexed_reports(config_factory, "held22-answers", reports, placed)


@pytest.mark.model
@pytest.mark.parametrize(
    "question, stated",
    [
        ("What topics did Zhangqiu district's 37th executive meeting study?", "防汛"),  # topics: a list
        ("Which provincial documents did Yichun's 59th executive meeting study?", "蔬菜产业"),  # 省政府办公厅
        ("What did Dongkou county's executive meeting require for rural (三农) work?", "三农"),  # a gloss
    ],
)
def test_english_questions_with_list_words_levels_and_chinese_glosses_are_answered(held22, question, stated):
    answer = asked(held22, question)
    assert answer.answerable, answer.answer
    assert stated in "\n".join(answer.answer.splitlines()[:3])
    assert not re.search(r"[\u4e00-\u9fff]", answer.answer.splitlines()[0].split(":")[0])  # English frame


@pytest.mark.model
def test_an_english_list_of_reviewed_documents_names_the_reviewed_item(held22):
    lead = answered_lead(held22, "Which documents did Xindu district's 70th executive meeting review?")
    assert lead.startswith("Found 1 agenda item ")
    assert "统计公报" in lead and "市场主体" not in lead  # heard, not reviewed


@pytest.mark.model
def test_measures_asked_for_a_topic_the_meeting_only_named_are_refused(held22):
    answer = asked(held22, "宜春市第59次常务会议确定了哪些清明期间森林防火措施？")
    assert not answer.answerable


@pytest.mark.model
def test_a_drafts_remark_answers_a_why_question_on_it(held22):
    lead = answered_lead(held22, "滁州市为什么要修改政府投资建设项目审计监督办法？")
    assert "存在一些问题" in lead or "适应新形势" in lead


@pytest.mark.model
@pytest.mark.parametrize(
    "question, lead_states",
    [
        ("盐边县易地扶贫搬迁工作落实情况由哪个单位按季度通报？", "县目标督查办"),  # the unit as subject
        ("盐边县易地扶贫搬迁实施计划是哪个部门报送的？", "县发改局"),  # 报送: who sent it in
        ("Who sat in (列席) on Changde's 15th executive meeting?", "张启祥"),  # the 列席 sentence first
    ],
)
def test_the_unit_named_as_subject_who_sent_a_draft_and_who_sat_in_lead(held22, question, lead_states):
    assert lead_states in answered_lead(held22, question)


@pytest.mark.model
def test_an_english_requirement_leads_with_the_sentences_on_its_topic(held22):
    lead = answered_lead(
        held22, "What did Mayang county's executive meeting require on law-based governance?"
    )
    assert "依法治國" in lead and "法治宣傳" in lead  # quoted as published, in traditional script
    assert "新質生產力" not in lead  # 'based' (立足…基础) is no topic word


@pytest.mark.model
def test_a_fragment_the_page_cuts_off_is_not_quoted(held22):
    answer = asked(held22, "麻阳县政府常务会议对发展新质生产力提出了什么要求？")
    assert answer.answerable and "聚焦特色優勢產業" in answer.answer
    assert not any(line.startswith("· 會議強調,要堅[") for line in answer.answer.splitlines())
