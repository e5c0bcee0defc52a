"""Real minutes of other governments (data/minutes-other) parse to their gold, and nothing is dropped.

The twelve files are kept as published: traditional-script mirrors with inline
pinyin, half-width punctuation, portal metadata blocks, excerpts cut mid-sentence.
"""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from conftest import MINUTES, ROOT

from assistant.ingest import normalize, places, rules
from assistant.ingest.chunker import ChunkSettings, chunk_meeting
from assistant.ingest.loaders import load_file
from assistant.ingest.parser import parse_meeting

OTHER = ROOT / "data" / "minutes-other"
INDEX = json.loads((ROOT / "data" / "gold" / "minutes-other-gold.json").read_text(encoding="utf-8"))
GOLD = INDEX["parse_gold"]
DOCS = {d["file"]: d for d in INDEX["documents"]}
ALL_FILES = sorted(MINUTES.glob("*.txt")) + sorted(OTHER.glob("*.txt"))


def _parse(name: str):
    return parse_meeting(load_file(OTHER / name).text, name)


@pytest.mark.parametrize("gold", GOLD, ids=[g["file"][:2] for g in GOLD])
def test_meeting_number_date_and_items_match_gold(gold):
    meeting = _parse(gold["file"])
    assert meeting.meeting == gold["meeting"]
    if len(gold["date"]) == 10:
        assert meeting.date == gold["date"]
    else:  # MM-DD: the text writes no year; the inferred year is recorded with its evidence
        assert meeting.date and meeting.date.endswith("-" + gold["date"])
        assert "year" in meeting.provenance["date"]
    items = meeting.items[1:]
    assert len(items) in gold["items"]
    for head, item in zip(gold["heads"], items):
        assert head in item.heading or head in item.heading_as_written, (head, item.heading)


@pytest.mark.parametrize("doc", INDEX["documents"], ids=[d["file"][:2] for d in INDEX["documents"]])
def test_place_is_a_real_division_or_left_empty_with_a_warning(doc):
    meeting = _parse(doc["file"])
    own_name = places.gazetteer().mentions(doc["city"])[-1].name  # 斗门区 of 珠海市斗门区
    text = normalize.prepare(load_file(OTHER / doc["file"]).text).cleaned_text
    if own_name in text:
        assert meeting.city_full and doc["city"].endswith(
            meeting.city_full.removeprefix(meeting.region or "")
        )
    if meeting.city_full is None:
        assert any("地名" in w for w in meeting.warnings)
    else:
        assert places.gazetteer().is_place(meeting.city_full.removeprefix(meeting.region or ""))


def test_traditional_script_is_parsed_simplified_and_shown_as_written():
    meeting = _parse("01_zhuhai_doumen.txt")
    assert meeting.script == "traditional"
    first = meeting.items[1]
    assert "斗门区生态环境保护" in first.text and "(qū)" not in first.text
    assert "斗門區生態環境保護" in first.text_as_written and "(qū)" not in first.text_as_written
    assert first.heading_as_written.startswith("審議《斗門區")
    sentence = next(s for s in re.split(r"(?<=。)", first.text) if "原则同意" in s)
    assert "原則同意" in first.as_written(sentence)


@pytest.mark.parametrize(
    "name,key,value",
    [
        ("07_ningbo_fenghua.txt", "发文日期", "2021-04-03"),
        ("22_wuxi_binhu.txt", "生成日期", "2022-04-14"),
        ("10_panzhihua_dongqu.txt", "来源", "攀枝花市东区人民政府办公室"),
    ],
)
def test_portal_metadata_is_read_as_metadata_never_as_body(name, key, value):
    meeting = _parse(name)
    assert meeting.portal[key] == value
    for item in meeting.items:
        assert not re.search(r"索引号|公开方式|发布机构|主题分类|体裁", item.text), item.text[:80]


def test_year_inference_names_its_evidence():
    assert "网页" in _parse("21_qiqihar_fuyu.txt").provenance["date"]  # 2020-03-09 08:00:00 来源:…
    assert "会议编号" in _parse("30_zhengzhou_shangjie.txt").provenance["date"]  # 2022年第9次
    assert "网页" in _parse("32_lvliang_xingxian.txt").provenance["date"]  # 时间:2024-04-25 …


def test_chair_and_title_in_the_usual_forms():
    chairs = {
        name: (m.chair, m.chair_title)
        for name in (
            "01_zhuhai_doumen.txt",
            "07_ningbo_fenghua.txt",
            "24_shenzhen_longgang.txt",
            "30_zhengzhou_shangjie.txt",
        )
        for m in [_parse(name)]
    }
    assert chairs == {
        "01_zhuhai_doumen.txt": ("谢义维", "副区长"),
        "07_ningbo_fenghua.txt": ("胡永光", "区长"),
        "24_shenzhen_longgang.txt": ("代金涛", None),
        "30_zhengzhou_shangjie.txt": ("张超", "副区长"),
    }


def _sentences(text: str) -> list[str]:
    """Sentences, cut also where a news report's sentence names several agenda items (each an item)."""
    units = []
    for sentence in rules.SENTENCE_SPLIT_RE.split(text):
        for clause in rules.CLAUSE_BREAK_RE.split(sentence or ""):
            units += rules.DOCUMENT_LIST_BREAK_RE.split(clause)
    units = [u.replace(" ", "").rstrip("。？！；?!;") for u in units if u and u.strip()]
    return [u for u in units if u]


@pytest.mark.parametrize("path", ALL_FILES, ids=[p.name[:6] for p in ALL_FILES])
def test_every_sentence_is_in_exactly_one_item_and_in_the_passages(path):
    text = load_file(path).text
    meeting = parse_meeting(text, path.name)
    cleaned = normalize.prepare(text).cleaned_text
    expected = Counter(_sentences(cleaned))
    in_items = Counter(s for item in meeting.items for s in _sentences(item.text))
    assert expected - in_items == Counter(), "sentences dropped from every item"
    assert in_items - expected == Counter(), "sentences in more than one item"
    passages = (
        "".join(p.text for p in chunk_meeting(meeting, ChunkSettings())).replace(" ", "").replace("\n", "")
    )
    missing = [s for s in expected if s not in passages]
    assert not missing, missing[:3]
