"""The five real sample minutes parse exactly to the gold structure (data/gold/structure.json)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import GOLD, MINUTES, ROOT

from assistant.ingest.loaders import load_file
from assistant.ingest.parser import parse_meeting

DOCS = json.loads((GOLD / "structure.json").read_text(encoding="utf-8"))["documents"]
MEETING_FIELDS = [
    "city",
    "city_full",
    "meeting",
    "date",
    "date_as_written",
    "chair",
    "chair_title",
    "doc_number",
    "issuer",
    "issue_date",
    "intro_text",
]


def _parse(doc: dict):
    loaded = load_file(MINUTES / doc["file"])
    return parse_meeting(loaded.text, doc["file"])


@pytest.mark.parametrize("doc", DOCS, ids=[d["file"][:3] for d in DOCS])
def test_meeting_fields_match_gold(doc):
    meeting = _parse(doc)
    assert {f: getattr(meeting, f) for f in MEETING_FIELDS} == {f: doc[f] for f in MEETING_FIELDS}


@pytest.mark.parametrize("doc", DOCS, ids=[d["file"][:3] for d in DOCS])
def test_items_match_gold(doc):
    items = _parse(doc).items[1:]
    assert len(items) == doc["n_items"]
    for item, gold in zip(items, doc["items"]):
        assert item.item == gold["item"]
        assert item.label == gold["label"]
        assert item.heading == gold["heading"]
        assert item.verb == gold["verb"]
        assert item.document_titles == gold["document_titles"]
        assert [(r.org, r.title, r.person, r.role) for r in item.reporters] == [
            (r["org"], r["title"], r["person"], r["role"]) for r in gold["reporters"]
        ]
        assert item.decisions == (gold["disposition"] or [])
        assert item.routing == (gold["routing"] or [])
        assert (item.line, item.end_line) == (gold["line"], gold["end_line"])


@pytest.mark.parametrize("doc", DOCS, ids=[d["file"][:3] for d in DOCS])
def test_meeting_level_content_is_item_zero(doc):
    meeting = _parse(doc)
    item0 = meeting.items[0]
    assert item0.item == 0
    assert doc["intro_text"] in item0.text
    trailing = [t["text"] for t in doc["trailing_unnumbered"] if t["kind"] != "attendance_fragment"]
    assert meeting.trailing == trailing
    for line in trailing:
        assert line in item0.text
        assert all(line not in it.text for it in meeting.items[1:])
    attendance = doc["attendance"]
    if attendance:
        assert meeting.attendance["出席"] == attendance["chuxi"]
        if attendance["liexi_individuals"]:
            assert meeting.attendance["列席"] == attendance["liexi_individuals"]
        assert "出席" in item0.text
    else:
        assert meeting.attendance == {}


def test_debris_is_cleaned_and_year_inference_is_recorded():
    meeting = parse_meeting((MINUTES / "004_fdc6da3f72665197.txt").read_text(encoding="utf-8"))
    assert "[bookmark" not in meeting.intro_text
    kunshan = parse_meeting((MINUTES / "000_783b923adbb8bd02.txt").read_text(encoding="utf-8"))
    assert kunshan.date == "2016-11-30"
    assert "2016" in kunshan.provenance["date"]
    assert any("未写年份" in w for w in kunshan.warnings)


def test_parse_cli_json_has_the_checked_fields():
    out = subprocess.run(
        [sys.executable, "-m", "assistant", "parse", str(MINUTES / "003_987b33caa3b9b61e.txt"), "--json"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    data = json.loads(out.stdout)
    assert (data["city"], data["meeting"], data["date"], data["chair"]) == (
        "太仓",
        60,
        "2021-08-20",
        "胡卫江",
    )
    assert data["doc_number"] is None
    assert len(data["items"]) == 9
    second = data["items"][1]
    assert second["item"] == 2 and second["heading"] == "审议《太仓市人才公寓建设管理实施意见（试行）》"
    assert second["reporters"][0]["org"] == "市资源规划局"
    assert second["decisions"] and second["passages"]
    assert all(len(p["text"]) <= 400 for it in data["items"] for p in it["passages"])
    assert data["item0"]["passages"], "meeting-level content must be retrievable"
