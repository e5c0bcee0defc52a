"""Small typed records shared by every step of the pipeline.

Each pipeline step (load → parse → chunk → index → retrieve → answer) reads and
returns these plain dataclasses, so a step can be tested on its own and swapped
without touching the others.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from .ingest.rules import numeral_to_int

CN_DIGITS = "〇一二三四五六七八九"
# Shown where a minute never names its government (and none was set at ingest), instead of a guess.
UNKNOWN_PLACE = "（地区未写明）"


@dataclass(frozen=True)
class Reporter:
    """Who presented an agenda item: a department, its official's title and name."""

    org: str | None
    title: str | None
    person: str | None
    role: str  # 汇报 (reported) or 传达 (conveyed a speech / meeting spirit)
    as_written: str


@dataclass
class AgendaItem:
    """One numbered agenda item (议题); item 0 holds meeting-level text."""

    item: int
    label: str
    heading: str
    verb: str | None
    document_titles: list[str]
    reporters: list[Reporter]
    decisions: list[str]
    routing: list[str]
    text: str  # clean full text (heading line + body), newline separated
    line: int | None = None
    end_line: int | None = None
    text_as_written: str | None = None  # the text in the document's own script (traditional), if it differs

    def as_written(self, span: str) -> str:
        """A span of this item's text (heading, passage, sentence) in the script the minute was written in."""
        from .ingest.normalize import written_span

        return written_span(span, self.text, self.text_as_written)

    @property
    def heading_as_written(self) -> str:
        return self.as_written(self.heading)


@dataclass
class Meeting:
    """A parsed standing-meeting minute with each field's provenance."""

    source: str
    city: str | None
    city_full: str | None
    meeting: int | None
    date: str | None
    date_as_written: str | None
    chair: str | None
    chair_title: str | None
    doc_number: str | None
    issuer: str | None
    issue_date: str | None
    intro_text: str | None
    header_lines: list[str]
    trailing: list[str]
    attendance: dict[str, list[str]]
    attendance_text: str | None
    items: list[AgendaItem]
    provenance: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    term: str | None = None  # 届, e.g. 十一届, when the meeting number carries one
    preamble: list[str] = field(default_factory=list)  # text between the intro and item 1
    region: str | None = None  # parent prefecture of a district/county (珠海市 for 斗门区), when known
    script: str = "simplified"  # "traditional" when the minute was published in traditional script
    portal: dict[str, str] = field(
        default_factory=dict
    )  # portal metadata (发文日期, 来源 …), never body text

    @property
    def item_count(self) -> int:
        """How many agenda items the minute records (item 0, 会议概况, is none)."""
        return sum(1 for item in self.items if item.item > 0)

    @property
    def items_text(self) -> str:
        """Every item's heading and text, run together: what the minute says, to look words up in."""
        return "".join(item.heading + item.text for item in self.items)

    @property
    def label(self) -> str:
        """Human name of the meeting, e.g. 太仓市政府第60次常务会议."""
        city = self.city_full or self.city or UNKNOWN_PLACE
        number = f"第{self.meeting}次" if self.meeting is not None else ""
        level = "政府" if not city.endswith("政府") else ""
        return f"{city}{level}{number}常务会议"

    @property
    def english_place(self) -> str:
        """Taicang City — the place in pinyin, without the prefecture it is cited under."""
        from .ingest.places import english_place_names

        full = self.city_full or ""
        base = full[len(self.region) :] if self.region and full.startswith(self.region) else full
        return (english_place_names(base)[:1] or [base])[0].title() if base else "Unnamed place"

    @property
    def english_label(self) -> str:
        """Taicang City government, 60th executive meeting — the place in pinyin, as English readers search it."""
        number = f"{self.meeting}{ordinal_suffix(self.meeting)} " if self.meeting is not None else ""
        return f"{self.english_place} government, {number}executive meeting"

    @property
    def printed_identity(self) -> str:
        """What the minute itself prints about which meeting it is: title and header lines, the opening
        sentence and the portal's fields — where a place or number the parser misread is still written."""
        return "\n".join([*self.header_lines, self.intro_text or "", *self.portal.values()])

    @property
    def shown_date(self) -> str | None:
        """The date as users see it: ISO when the year is known, else `06-15（年份未写明）` from the
        month and day the minute prints, else the words as written."""
        if self.date:
            return self.date
        month_day = month_day_of(self.date_as_written or "")
        if month_day:
            return f"{month_day}{YEAR_NOT_WRITTEN}"
        return self.date_as_written

    @property
    def month_day(self) -> str | None:
        """MM-DD of the meeting, from its date or, with the year unknown, from the date as written."""
        return self.date[5:] if self.date else month_day_of(self.date_as_written or "")

    @property
    def year_inferred(self) -> bool:
        """The date's year was worked out (doc number, page dates, the text), not printed with it."""
        return bool(self.date) and "year" in self.provenance.get("date", "")

    @property
    def year_missing(self) -> bool:
        """The minute gives month and day but no year anyone could infer."""
        return not self.date and month_day_of(self.date_as_written or "") is not None

    def item_by_number(self, number: int) -> AgendaItem | None:
        return next((it for it in self.items if it.item == number), None)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["label"] = self.label
        return data


@dataclass
class Passage:
    """A retrievable piece of one agenda item, with its citation metadata.

    `text` is the clean span shown to users; `context` is a short header
    (city, meeting, item, heading) prepended for embedding and lexical search so
    that a passage deep inside an item still carries what it is about.
    """

    city: str | None
    meeting: int | None
    date: str | None
    item: int
    heading: str
    ordinal: int
    text: str
    context: str
    doc_id: str = ""

    @property
    def indexed_text(self) -> str:
        return f"{self.context}\n{self.text}"


def ordinal_suffix(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def chinese_item_label(number: int) -> str:
    """Render an item number the way minutes print it: 1→一, 11→十一, 0→会议概况."""
    if number <= 0:
        return "会议概况"
    return "议题" + int_to_chinese(number)


def int_to_chinese(number: int) -> str:
    if number < 10:
        return CN_DIGITS[number]
    if number < 20:
        return "十" + (CN_DIGITS[number % 10] if number % 10 else "")
    if number < 100:
        tens, ones = divmod(number, 10)
        return CN_DIGITS[tens] + "十" + (CN_DIGITS[ones] if ones else "")
    return str(number)


YEAR_NOT_WRITTEN = "（年份未写明）"


MONTH_DAY_RE = re.compile(
    r"([0-9]{1,2}|[〇零一二三四五六七八九十]{1,3})月([0-9]{1,2}|[〇零一二三四五六七八九十]{1,3})[日号]"
)


def month_day_of(written: str) -> str | None:
    """'6月15日下午' → '06-15'; None when the words give no valid month and day."""
    found = MONTH_DAY_RE.search(written)
    if not found:
        return None
    month, day = numeral_to_int(found.group(1)), numeral_to_int(found.group(2))
    if not month or not day or not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{month:02d}-{day:02d}"


def citation_label(city_full: str | None, meeting: int | None, date: str | None, item: int) -> str:
    """The citation users see: 〔太仓市政府第60次常务会议 2021-08-20 · 议题二〕."""
    city = city_full or UNKNOWN_PLACE
    number = f"第{meeting}次" if meeting is not None else ""
    when = f" {date}" if date else ""
    return f"〔{city}政府{number}常务会议{when} · {chinese_item_label(item)}〕"
