"""Questions over the samples plus other governments' minutes in one index (real model).

Place filters come only from the places the index holds; a named place, meeting or
date that it does not hold is explained; traditional-script questions and English
place names find the same items; citations show the text as published.
"""

from __future__ import annotations

import pytest
from conftest import MINUTES, ROOT

from assistant.answering.answer import answer_question

pytestmark = pytest.mark.model
OTHER = ROOT / "data" / "minutes-other"


@pytest.fixture(scope="module")
def mixed(config_factory):
    from assistant.answering.retrieval import Retriever
    from assistant.search.index import Index

    config = config_factory("mixed")
    index = Index(config)
    report = index.ingest_paths([MINUTES, OTHER])
    assert not report.failed and len(report.files) == 5 + len(list(OTHER.glob("*.txt")))
    return config, Retriever(index, config)


def _top(retriever, question):
    hit = retriever.search(question).hits[0]
    return hit.meeting.source, hit.item.item


def test_words_that_are_not_places_never_become_place_filters(mixed):
    config, retriever = mixed
    intent = retriever.search("会议同意征收多少个建设用地地块？").intent
    assert intent.cities == [] and intent.unknown_places == []
    assert _top(retriever, "会议同意征收多少个建设用地地块？") == ("07_ningbo_fenghua.txt", 5)
    assert (
        retriever.search("共同富裕要采取哪些措施？").intent.cities == []
    )  # 富裕 alone is a word, 富裕县 a place
    assert retriever.search("富裕县第二次常务会议听取了哪些汇报？").intent.cities == ["富裕"]


def test_a_place_the_index_does_not_hold_is_explained_with_what_it_holds(mixed):
    config, retriever = mixed
    answer = answer_question(retriever, config, "苏州市吴中区政府常务会议研究了哪些事项？")
    assert not answer.answerable
    assert answer.answer.startswith("已收录的纪要中没有〔吴中区〕的常务会议；已收录的地区：")
    assert "太仓" in answer.answer and "斗门" in answer.answer
    not_held = answer_question(retriever, config, "滨湖区第7次常务会议审议了什么？")
    assert not_held.answer.startswith("〔滨湖〕没有第7次常务会议的纪要；已收录：第6次。")


def test_minutes_that_never_name_their_place_are_still_found_by_a_place_question(mixed):
    _, retriever = mixed
    assert _top(retriever, "宝山区政府常务会议如何部署防汛救灾工作？") == ("29_shanghai_baoshan.txt", 1)


def test_traditional_questions_and_pages_meet_in_simplified_script(mixed):
    config, retriever = mixed
    assert _top(retriever, "斗門區航展第二展區服務保障有甚麼要求？") == ("01_zhuhai_doumen.txt", 2)
    answer = answer_question(retriever, config, "斗门区生态环境保护工作责任清单由谁汇报？")
    first = answer.record().sources[0]
    assert first.label == "〔珠海市斗门区政府第104次常务会议 2024-09-13 · 议题一〕"
    assert "斗門區生態環境保護" in first.item_text and "(qū)" not in first.item_text
    assert "梁其明" in answer.answer


@pytest.mark.parametrize(
    "question,expected",
    [
        (
            "What did Xing County approve about developing the courtyard economy?",
            ("32_lvliang_xingxian.txt", 1),
        ),
        (
            "What did the Doumen district meeting decide about the ecological environment protection responsibility list?",
            ("01_zhuhai_doumen.txt", 1),
        ),
    ],
)
def test_english_questions_rank_the_right_item_first_on_pinyin_polluted_pages(mixed, question, expected):
    _, retriever = mixed
    assert _top(retriever, question) == expected


def test_a_place_set_at_ingest_is_cited(config_factory):
    from assistant.answering.retrieval import Retriever
    from assistant.search.index import Index

    config = config_factory("place")
    index = Index(config)
    report = index.ingest_paths([OTHER / "29_shanghai_baoshan.txt"])
    assert any("地名" in w for w in report.files[0].warnings)
    again = index.ingest_paths([OTHER / "29_shanghai_baoshan.txt"], place="上海市宝山区")
    assert again.files[0].status == "replaced"
    hit = Retriever(index, config).search("宝山区防汛救灾工作有什么要求？").hits[0]
    assert hit.citation == "〔上海市宝山区政府第115次常务会议 2020-07-01 · 议题一〕"
    assert "用户指定" in hit.meeting.provenance["city"]


def test_numbered_requirements_lead_as_their_headlines(mixed):
    from assistant.answering.answer import answer_question

    config, retriever = mixed
    answer = answer_question(retriever, config, "章贡区对学习《江西省水路交通条例》提出了哪几点要求？")
    assert answer.answer.splitlines()[0].endswith("一要宣传到位；二要实施到位；三要压实责任。[1]")
    assert "· 会议要求,一要宣传到位。" not in answer.answer  # the headline is not quoted again below
    english = "What requirements did Binhu district set for the three-year plan on unified city operation?"
    first = answer_question(retriever, config, english).answer.splitlines()[0]
    assert "一要加快建设投用；二要完善工作机制；三要拓展场景应用" in first
