"""Score the parser against hand-made parse gold (data/heldback/gold.json, data/minutes-news/gold.json).

A document parses right when its meeting number, date, item count and item headings all match the
gold; each miss is named so a reader sees what to fix. The place given in the gold (`place_given`) is
passed as an office would type it in the upload form, for pages that never name their government.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..ingest import places
from ..ingest.loaders import load_file
from ..ingest.parser import TYPED_PLACE_RE
from ..models import Meeting, month_day_of
from ..search.index import meeting_parts, parse_parts


@dataclass
class DocumentScore:
    file: str
    misses: list[str] = field(default_factory=list)

    @property
    def right(self) -> bool:
        return not self.misses


def _date_right(meeting: Meeting, gold: dict) -> bool:
    accepted = gold.get("date_accept") or [gold.get("date")]
    shown = meeting.date or month_day_of(meeting.date_as_written or "")  # 06-15 kept without a year
    year_known = any(w and len(w) == 10 for w in accepted)
    for want in accepted:
        if want is None and shown is None:
            return True
        if want and shown and shown == want:
            return True
        if want and len(want) == 5 and shown and shown.endswith(want) and not (year_known and meeting.date):
            return True  # 'MM-DD': any year when the gold knows none; else only a date kept without one
    return False


def score_document(meeting: Meeting, gold: dict) -> DocumentScore:
    score = DocumentScore(gold["file"])
    if meeting.meeting != gold["meeting"]:
        score.misses.append(f"meeting {meeting.meeting} != {gold['meeting']}")
    if not _date_right(meeting, gold):
        score.misses.append(f"date {meeting.date} not in {gold.get('date_accept') or [gold.get('date')]}")
    items = meeting.items[1:]
    if len(items) not in gold["items"]:
        score.misses.append(f"{len(items)} items, gold {gold['items']}")
    for head, item in zip(gold["heads"], items):
        if head not in item.heading and head not in item.heading_as_written:
            score.misses.append(f"heading {item.heading[:30]!r} lacks {head!r}")
            break
    for head in gold.get("heads_any", []):  # in some item, wherever the item count puts it
        if not any(head in item.heading or head in item.heading_as_written for item in items):
            score.misses.append(f"no item heading holds {head!r}")
    if gold.get("chair") and meeting.chair not in gold.get("chair_accept", [gold["chair"]]):
        score.misses.append(f"chair {meeting.chair} != {gold['chair']}")
    if gold.get("city") and not _place_right(meeting, gold["city"]):
        score.misses.append(f"place {meeting.city_full} != {gold['city']}")
    return score


def _place_right(meeting: Meeting, city: str) -> bool:
    """The gold's government, with or without its parent: 通州区 is 南通市通州区's, 眉县 宝鸡市眉县's."""
    parts = TYPED_PLACE_RE.match(city)
    own = parts.group("own") if parts else city
    full = meeting.city_full or ""
    known_as = {place.name for place in places.gazetteer().places(full)}  # 靖州县 → 靖州苗族侗族自治县
    return bool(full) and (
        _ends_with_division(city, full)
        or full.endswith(own)
        or meeting.city == places.short_name(own)
        or own in known_as
    )


def _ends_with_division(city: str, full: str) -> bool:
    """绍兴市绍兴县 ends with the division 绍兴县, not with 兴县 (a Shanxi county) inside its name."""
    return city == full or (city.endswith(full) and city[-len(full) - 1] in "省市州盟区")


def score_gold_file(gold_path: Path) -> list[DocumentScore]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    scores = []
    for doc in gold["documents"]:
        path = gold_path.parent / doc["file"]
        page = load_file(path)  # the gold describes a page's first meeting, parsed beside its siblings
        page.place = doc.get("place_given")
        _, meeting = parse_parts(meeting_parts(page))[0]
        scores.append(score_document(meeting, doc))
    return scores


def format_scores(scores: list[DocumentScore]) -> str:
    lines = [f"{'ok ' if s.right else 'NO '} {s.file}  {'; '.join(s.misses)}" for s in scores]
    right = sum(s.right for s in scores)
    lines.append(f"{right}/{len(scores)} parse right")
    return "\n".join(lines)
