"""Where each meeting field came from and how sure the parser is: for `parse --json` and reviewers.

Every field is one of: `printed` (read from the minute's own words), `inferred` (worked out from
other evidence on the page, named in `how`), `given` (typed by the user at ingest) or `missing`;
`confidence` is high for printed and given values and for years taken from a document number, a
dated meeting number or the page's own dates, low for a year guessed from the years the text names.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..models import Meeting


@dataclass(frozen=True)
class FieldSource:
    value: Any
    source: str  # printed | inferred | given | missing
    how: str
    confidence: str  # high | medium | low | none


MISSING = FieldSource(None, "missing", "", "none")


def field_sources(meeting: Meeting) -> dict[str, FieldSource]:
    prov = meeting.provenance
    return {
        "place": _place(meeting.city_full, prov.get("city", "")),
        "meeting": _printed(meeting.meeting, prov.get("meeting", "")),
        "date": _date(meeting, prov.get("date", "")),
        "chair": _printed(meeting.chair, prov.get("chair", "")),
        "doc_number": _printed(meeting.doc_number, prov.get("doc_number", "")),
        "issue_date": _printed(meeting.issue_date, prov.get("issue_date", "")),
        "items": FieldSource(
            len(meeting.items) - 1, "printed" if len(meeting.items) > 1 else "missing", "", "high"
        ),
    }


def _printed(value: Any, how: str) -> FieldSource:
    return FieldSource(value, "printed", how, "high") if value is not None else MISSING


def _place(value: str | None, how: str) -> FieldSource:
    if value is None:
        return MISSING
    if how.startswith("导入时由用户指定"):
        return FieldSource(value, "given", how, "high")
    if "named most often" in how:
        return FieldSource(value, "inferred", how, "low")
    if "doc number prefix" in how or "newspaper" in how:
        return FieldSource(value, "inferred", how, "medium")
    return FieldSource(value, "printed", how, "high")


def _date(meeting: Meeting, how: str) -> FieldSource:
    if meeting.date is None:
        if meeting.year_missing:
            return FieldSource(meeting.shown_date, "printed", "月日见于原文，年份未写明且无从推断", "medium")
        return MISSING
    if not meeting.year_inferred:
        return FieldSource(meeting.date, "printed", how, "high")
    weak = "据正文" in how
    return FieldSource(meeting.date, "inferred", how, "low" if weak else "high")
