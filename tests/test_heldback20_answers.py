"""Reports of held-back set 20 (measured blind once, now development material): a portal's list of
meeting summaries whose own short lines (date, place) stand above each summary, a place asked with its
suffix (红河州) of a minute filed under its short name, and a kind of document asked for (哪些制度文件)
that names no topic."""

from __future__ import annotations

import pytest
from conftest import ROOT, answered_lead, indexed_reports

from assistant.answering.query import QueryIntent, content_terms
from assistant.ingest.loaders import load_file
from assistant.ingest.parser import parse_meeting
from assistant.ingest.reports import split_meetings

HELD20 = ROOT / "data" / "heldback20" / "news"


def test_a_list_of_summaries_gives_each_meeting_its_own_short_lines():
    texts = split_meetings(load_file(HELD20 / "hv01_zhuzhou.txt").text)
    meetings = [parse_meeting(text, "hv01_zhuzhou.txt") for text in texts]
    assert [m.date for m in meetings] == ["2023-01-31", "2023-01-06"]
    assert "2023/01/10" not in texts[0] and texts[1].count("2023/01/10") == 1
    assert any("治提增" in item.heading for item in meetings[0].items)


@pytest.mark.model
def test_a_list_page_meeting_naming_no_place_takes_the_place_of_its_siblings_also_after_a_rebuild(
    config_factory,
):
    from assistant.search.index import Index, rebuild_index

    config = config_factory("held20-page-place")
    index = Index(config)
    assert not index.ingest_paths([HELD20 / "hv01_zhuzhou.txt"]).failed
    assert sorted(m.city_full for m in index.meetings().values()) == ["株洲市", "株洲市"]
    index.close()
    rebuild_index(config)
    assert sorted(m.city_full for m in Index(config).meetings().values()) == ["株洲市", "株洲市"]


def test_a_place_written_with_its_suffix_and_a_kind_of_document_are_no_topic():
    intent = QueryIntent(text="红河州第58次常务会议研究了哪些制度文件？", lang="zh")
    intent.cities = ["红河"]
    assert content_terms(["红河州", "河州", "制度", "文件", "交通"], intent) == ["交通"]


@pytest.fixture(scope="module")
def held20(config_factory):
    pages = [
        HELD20 / name
        for name in (
            "hv10_honghe.txt",
            "hv04_yuncheng_ruicheng.txt",
            "hv09_honghe_shiping.txt",
            "hv01_zhuzhou.txt",
        )
    ]
    return indexed_reports(config_factory, "held20-answers", pages)


@pytest.mark.model
@pytest.mark.parametrize(
    "question, stated",
    [
        ("红河州第58次常务会议研究了哪些工作？", "疫情防控"),
        ("芮城县常务会议研究了哪些制度文件？", "重大行政决策程序实施办法"),
        ("株洲市政府1月31日的常务会议请谁作了学法讲座？", "屈茂辉"),
    ],
)
def test_questions_naming_a_suffixed_place_or_a_kind_of_document_are_answered(held20, question, stated):
    assert stated in answered_lead(held20, question)
