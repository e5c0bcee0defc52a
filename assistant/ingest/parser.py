"""Parse the text of one standing-meeting minute into a `Meeting` with its agenda items.

The layout of real minutes varies by city and year (numbering styles, header
blocks, missing years, inline headings); the rules live in `rules.py` and this
module only applies them in order: header → intro → attendance/footer → items →
item fields. Every inferred field records where it came from in `provenance`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..models import AgendaItem, Meeting, Reporter
from . import clauses, normalize, places, rules


@dataclass
class _Label:
    line: int  # index into lines
    style: str
    family: str
    number: int
    label: str
    rest: str


def parse_meeting(
    text: str,
    source: str = "",
    place: str | None = None,
    page_place: str | None = None,
    chair_place: str | None = None,
) -> Meeting:
    """Parse minutes text. Never raises on odd layouts: unknown parts become warnings.

    `place` is the issuing government when the user sets it at ingest (minutes that
    never name their place); it overrides what the text suggests and says so.
    `page_place` is the place the other meetings of the same page name (`ingest.reports`): used only
    when this meeting's own text names none, as a list page names its city in one summary only.
    `chair_place` is the one place of the held minutes its chair chaired (`search.index`): used last,
    for a report that names neither its place nor a sibling's ('市长邢正军主持召开市十五届政府…'), and said.
    """
    prepared = normalize.prepare(text)
    lines, raw_lines = prepared.lines, prepared.raw
    warnings: list[str] = []
    provenance: dict[str, str] = {}

    intro_idx = _find_intro(lines)
    if intro_idx is not None:
        _blank_repeated_copy(prepared, intro_idx)
    end_idx, attendance_idx = _find_body_end(lines, intro_idx)
    body_start = (intro_idx + 1) if intro_idx is not None else 0
    labels = _find_item_labels(lines, body_start, end_idx)
    layout = _item_layout(prepared, labels, body_start, end_idx)
    first_item_line = layout.first_line
    header_end = (
        intro_idx if intro_idx is not None else (first_item_line if first_item_line is not None else 0)
    )
    header_lines = [ln for ln in lines[:header_end] if ln]
    intro_text = lines[intro_idx] if intro_idx is not None else None
    items, trailing, preamble = layout.items, layout.trailing, layout.preamble
    # a numbered agenda above the opening wins over fewer items numbered below ('一、列席公众代表意见')
    if (
        intro_idx is not None
        and (listed := _agenda_numbered_before(prepared, intro_idx, end_idx))
        and len(listed[0]) > len(items)
    ):
        items, trailing, preamble = listed
    elif (not items or layout.only_additions) and intro_idx is not None:
        # a news report that names its topics in the opening (and perhaps adds '会议还审议了…')
        intro_items, intro_trailing = _intro_items(prepared, intro_idx, end_idx)
        if intro_items:
            items, trailing, preamble = intro_items, intro_trailing, []
        elif not items and (remarked := _remarks_item(prepared, intro_idx, end_idx)):
            items, trailing, preamble = remarked
    elif items and layout.by_paragraph and intro_idx is not None:
        items, preamble = _with_opening_topics(prepared, intro_idx, items, preamble)
        items, preamble = _remarks_before_paragraphs(prepared, intro_idx, items, preamble)
    if not items:
        warnings.append("未识别到议题：全文作为会议概况（议题0）收录，可检索但无法按议题引用")
    if intro_idx is None:
        warnings.append("未找到会议开头段（如“××主持召开市政府第×次常务会议”）")

    tail_lines = [ln for ln in lines[end_idx:] if ln]
    attendance = _parse_attendance(raw_lines[attendance_idx:]) if attendance_idx is not None else {}
    if not attendance and first_item_line is not None:  # 出席/列席 given in a header block before the items
        attendance = _parse_attendance(raw_lines[:first_item_line], stop_at_other_keys=True)
    attendance_text = "\n".join(tail_lines) if tail_lines else None

    meta_text = "\n".join(filter(None, [*header_lines, intro_text or ""]))
    doc_number, issuer, issue_date = _parse_header(header_lines, tail_lines, provenance)
    if doc_number is None and (portal_number := prepared.metadata.get("文号")):
        doc_number, provenance["doc_number"] = portal_number, "portal 文号"  # the page's metadata table
    meeting_no, term, number_year = _parse_meeting_number(header_lines, intro_text, prepared, provenance)
    chair, chair_title = _parse_chair(intro_text or meta_text)
    if chair:
        provenance["chair"] = "intro"
    elif intro_idx is not None and (found := _chair_after_intro(lines, intro_idx)):
        chair, chair_title = found
        provenance["chair"] = "line after the intro (…主持会议)"
    elif found := (
        _header_value(header_lines, rules.HEADER_CHAIR_RE)
        or _header_value(header_lines, rules.HEADER_TITLED_CHAIR_RE)
    ):
        chair, chair_title = found.group("name"), found.group("title")
        provenance["chair"] = "header 主持 line"
    elif intro_text and (found := rules.PRINCIPAL_ATTENDING_RE.search(intro_text)):
        chair, chair_title = found.group("name"), found.group("title")
        provenance["chair"] = "the head of government named first of those attending (no 主持 printed)"
    elif "主持" not in prepared.cleaned_text and (found := rules.HEAD_NAMED_RE.search(prepared.cleaned_text)):
        chair, chair_title = found.group("name"), found.group("title")
        provenance["chair"] = "the head of government the report names (no one is said to preside)"
    elif (found := rules.CHAIR_HEADLINE_RE.search(prepared.cleaned_text)) and not rules.NOT_A_NAME_RE.search(
        found.group("name")
    ):
        chair, chair_title = found.group("name"), None
        provenance["chair"] = "a headline or reprint notice '…主持召开…常务会议'"
    when_line = _header_value(header_lines, rules.HEADER_TIME_RE)
    date_source = intro_text or (when_line.group(0) if when_line else meta_text)
    if when_line and intro_text and not _has_date(intro_text):
        date_source = when_line.group(0)  # '会议时间:2025年12月13日' above '…常务会议在…召开。'

    evidence = YearEvidence(
        doc_number,
        number_year,
        prepared.metadata,
        issue_date,
        prepared.cleaned_text,
    )
    date, date_as_written = _parse_date(date_source, evidence, provenance, warnings)
    city_full, region = _parse_place(header_lines, intro_text, doc_number, issuer, prepared, provenance)
    if place:
        city_full, region = _place_set_by_user(place.strip(), prepared.cleaned_text)
        provenance["city"] = f"导入时由用户指定：{place.strip()}"
        if region is None and not _known_place(place.strip()):
            warnings.append(f"所填地区“{place.strip()}”不是已知的行政区划名称，请核对（将按所填原样引用）")
    elif city_full is None and page_place:
        city_full, region = _place_set_by_user(page_place, prepared.cleaned_text)
        provenance["city"] = f"page: the place of the other meetings on the same page ({page_place})"
    elif city_full is None and chair_place and chair:
        city_full, region = _place_set_by_user(chair_place, prepared.cleaned_text)
        provenance["city"] = f"chair: the place of the held minutes {chair} chaired ({chair_place})"
        warnings.append(f"纪要未写明地区：按{chair}主持的已收录纪要定为{chair_place}，如有误请在导入时指定")
    base = city_full[len(region) :] if city_full and region and city_full.startswith(region) else city_full
    city = places.short_name(base) if base else None
    if city is None:
        warnings.append("未能识别发文政府（地名）：纪要未写明所属地区，可在导入时指定")
    for name, value in (("meeting", meeting_no), ("date", date)):
        if value is None:
            warnings.append(f"未能识别字段 {name}")
    if not body_text_present(lines):
        warnings.append("文件没有可识别的正文")

    item0_parts = [*header_lines, intro_text or "", *preamble, *trailing, attendance_text or ""]
    if not items:
        item0_parts = [ln for ln in lines if ln]
    item0_text = "\n".join(filter(None, item0_parts))
    item0 = AgendaItem(
        item=0,
        label="",
        heading="会议概况",
        verb=None,
        document_titles=_titles(intro_text or ""),
        reporters=[],
        decisions=[],
        routing=[],
        text=item0_text,
        line=None,
        end_line=None,
        text_as_written=_as_written(item0_text, prepared),
    )
    return Meeting(
        source=source,
        city=city,
        city_full=city_full,
        meeting=meeting_no,
        date=date,
        date_as_written=date_as_written,
        chair=chair,
        chair_title=chair_title,
        doc_number=doc_number,
        issuer=issuer,
        issue_date=issue_date,
        intro_text=intro_text,
        header_lines=header_lines,
        trailing=trailing,
        attendance=attendance,
        attendance_text=attendance_text,
        items=[item0, *items],
        provenance=provenance,
        warnings=warnings,
        term=term,
        preamble=preamble,
        region=region,
        script=prepared.script,
        portal=prepared.metadata,
    )


def _blank_repeated_copy(prepared: normalize.PreparedText, intro_idx: int) -> None:
    """A page that prints its report twice ('9月26日,…主持召开…' … '举报电话' then the same lines
    again): the second copy is blanked, in every aligned copy of the lines, so nothing is counted
    or quoted twice. Line numbers keep pointing at the page's lines."""
    lines = prepared.lines
    opening = lines[intro_idx]
    again = next((j for j in range(intro_idx + 1, len(lines)) if lines[j] == opening), None)
    if again is None or len(opening) < 20:
        return
    span = 0
    while again + span < len(lines) and lines[again + span] == lines[intro_idx + span]:
        span += 1
    if sum(1 for ln in lines[again : again + span] if ln) < 2:
        return
    for idx in range(again, again + span):
        prepared.lines[idx] = prepared.written[idx] = prepared.raw[idx] = ""


def body_text_present(lines: list[str]) -> bool:
    return sum(len(ln) for ln in lines) > 0


def _as_written(text: str, prepared: normalize.PreparedText) -> str | None:
    """The same text in the script as written, line by line; None when the document is simplified already."""
    if prepared.script == "simplified" or not text:
        return None
    written_of = {}
    for simple, written in zip(prepared.lines, prepared.written):
        written_of.setdefault(simple, written)
        written_of.setdefault(simple.replace(" ", ""), written.replace(" ", ""))
    return "\n".join(written_of.get(line, line) for line in text.split("\n"))


# ------------------------------------------------------------------ layout
def _find_intro(lines: list[str]) -> int | None:
    """The opening paragraph: '…主持召开市政府第N次常务会议…纪要如下'.

    News-style pages put a title ('区政府召开第89次常务会议') above it; the opening
    paragraph is the first candidate near the top that also carries the date, else the first that
    names who chaired (a page may censor the date: '**月**日，县长潘某主持召开').
    """
    candidates = [
        idx
        for idx, line in enumerate(lines)
        if rules.INTRO_RE.search(rules.REPRINT_NOTICE_RE.sub("", line))
        and not _match_label(line)
        and not rules.TITLE_RE.fullmatch(line)
        and len(line) > 12
    ]
    if not candidates:
        return None
    # Near the top: fewer than 12 lines of prose above it (a portal's key/value header lines are short).
    top = [idx for idx in candidates if sum(1 for ln in lines[:idx] if len(ln) > 20) < 12]
    dated = [idx for idx in top if _has_date(lines[idx])]
    chaired = [idx for idx in top if _parse_chair(lines[idx])[1]]
    both = [idx for idx in dated if idx in chaired]  # a dated title above the dated, chaired opening
    return (both or dated or chaired or candidates)[0]


def _has_date(line: str) -> bool:
    """Whether a line prints a date in any of the ways openings do (full, month-day, day, 昨日)."""
    opening = rules.NEWS_BYLINE_RE.sub("", line, count=1)
    return bool(
        rules.DATE_RE.search(line)
        or rules.MONTH_DAY_RUN_RE.search(opening)
        or rules.DAY_ONLY_RE.match(opening)
        or rules.RELATIVE_DAY_RE.match(opening)
        or rules.YEAR_MONTH_DAY_RUN_RE.search(line)
    )


def _find_body_end(lines: list[str], intro_idx: int | None) -> tuple[int, int | None]:
    """Index where the items end: the attendance list or a document footer after the first item.

    Some minutes list 时间/地点/主持/出席 in a header block before the items; an
    attendance line there belongs to the header and must not end the body.
    """
    start = (intro_idx + 1) if intro_idx is not None else 0
    disclaimer = next((i for i in range(start, len(lines)) if rules.DISCLAIMER_RE.match(lines[i])), None)
    if disclaimer is not None:
        lines = lines[:disclaimer]  # the site's numbered clauses after it are no agenda
    first_label = next((i for i in range(start, len(lines)) if _match_label(lines[i])), None)
    if first_label is not None:
        start = first_label
    tail = _page_tail(lines, start)
    for idx in range(start, len(lines)):
        if rules.ATTENDANCE_RE.match(lines[idx]):
            return idx, idx
        if rules.FOOTER_RE.search(lines[idx]) and idx > start:
            return idx, None
        if idx >= tail:
            return idx, None
    return len(lines), None


# Punctuation that only a sentence has: the page chrome after a report ('APP信访', '区 长 某某 1823…') has none.
SENTENCE_MARK_RE = re.compile(r"[。，,；;！？!?]")


def _page_tail(lines: list[str], start: int) -> int:
    """Where the lines after a report's last sentence start, when they are all page chrome (short,
    unpunctuated, no numbered heading, no '会议…'): a portal's petition links and office phone list
    must not become the last item's closing sentences."""
    if start == 0:  # no opening found: nothing tells the report from its page
        return len(lines)
    last = max((i for i in range(start, len(lines)) if SENTENCE_MARK_RE.search(lines[i])), default=start - 1)
    rest = [line for line in lines[last + 1 :] if line]
    chrome = all(
        len(line) <= 30 and not _match_label(line) and not line.startswith(("会议", "会上")) for line in rest
    )
    return last + 1 if rest and chrome else len(lines)


def _match_label(line: str) -> _Label | None:
    """A numbering label at the start of a line; '（一）' alone on its line is a label too."""
    for style, family, pattern in rules.LABEL_STYLES:
        found = pattern.match(line)
        if found:
            number = rules.numeral_to_int(found.group("num"))
            rest = line[found.end() :].strip()
            if number is None or (not rest and family in ("dun", "shi")):
                continue
            return _Label(-1, style, family, number, found.group("label").replace(" ", ""), rest)
    return None


def _find_item_labels(lines: list[str], start: int, end: int) -> list[_Label]:
    """Pick the top-level numbering: the preferred family whose labels run 1..N without restarting.

    Sub-points restart at 1 inside every item, so a family that restarts is a
    sub-level; the top level is the best-ranked family that counts up cleanly.
    """
    by_family: dict[str, list[_Label]] = {}
    for idx in range(start, end):
        label = _match_label(lines[idx])
        if label:
            label.line = idx
            by_family.setdefault(label.family, []).append(label)
    if "shi" in by_family and not _announced_list(lines, by_family["shi"][0].line):
        del by_family["shi"]
    for family in rules.FAMILY_PREFERENCE:
        candidates = by_family.get(family, [])
        sequence = _clean_sequence(candidates)
        if sequence:
            return sequence
    for family in rules.FAMILY_PREFERENCE:  # no clean family: best effort on the first present
        if by_family.get(family):
            return _greedy_sequence(by_family[family])
    return []


def _announced_list(lines: list[str], first: int) -> bool:
    previous = next((ln for ln in reversed(lines[:first]) if ln), "")
    return bool(rules.LIST_INTRO_RE.search(previous))


def _clean_sequence(candidates: list[_Label]) -> list[_Label]:
    if not candidates or candidates[0].number != 1:
        return []
    numbers = [c.number for c in candidates]
    if numbers == list(range(1, len(numbers) + 1)):
        return candidates
    # Mixed styles in one family (一、 items with 1、 sub-points): try each style alone.
    for style in dict.fromkeys(c.style for c in candidates):
        subset = [c for c in candidates if c.style == style]
        if [c.number for c in subset] == list(range(1, len(subset) + 1)) and len(subset) >= 2:
            return subset
    return []


def _greedy_sequence(candidates: list[_Label]) -> list[_Label]:
    out: list[_Label] = []
    for cand in candidates:
        if cand.number == len(out) + 1:
            out.append(cand)
    return out


# ------------------------------------------------------------------ items
@dataclass
class _Layout:
    """Where the agenda items are: items, the 会议还… lines after them, and text between intro and item 1."""

    items: list[AgendaItem]
    trailing: list[str]
    preamble: list[str]
    first_line: int | None
    only_additions: bool = False  # every item opens '会议还…': the opening names the main topics
    by_paragraph: bool = False  # items are topic paragraphs, not numbered


def _item_layout(prepared: normalize.PreparedText, labels: list[_Label], start: int, end: int) -> _Layout:
    """Numbered items when the minute numbers them; otherwise one item per topic paragraph."""
    lines = prepared.lines
    labels = [label for label in labels if not rules.TRAILING_RE.match(label.rest)]  # '3.会议还研究了…'
    if labels and (
        _announced_remarks(lines, labels[0].line)
        or (_announced_decisions(lines, labels[0].line) and _topic_paragraphs(lines, start, labels[0].line))
    ):
        labels = []
    openers = _topic_paragraphs(lines, start, labels[0].line if labels else end)
    if labels and _is_recap(lines, labels, end, openers):
        summary = [ln for ln in lines[labels[0].line : end] if ln]
        items, trailing = _build_paragraph_items(prepared, openers, labels[0].line)
        return _Layout(items, trailing + summary, [ln for ln in lines[start : openers[0]] if ln], openers[0])
    if labels:
        items, trailing = _build_items(prepared, labels, end)
        first = labels[0].line
    else:
        if not openers:
            return _Layout([], [], [], None)
        items, trailing = _build_paragraph_items(prepared, openers, end)
        first = openers[0]
    preamble = [ln for ln in lines[start:first] if ln]
    additions = not labels and all(rules.TRAILING_RE.match(lines[idx]) for idx in openers)
    return _Layout(items, trailing, preamble, first, additions, by_paragraph=not labels)


def _announced_remarks(lines: list[str], first: int) -> bool:
    previous = next((ln for ln in reversed(lines[:first]) if ln), "")
    return bool(rules.REMARKS_INTRO_RE.match(previous))


def _announced_decisions(lines: list[str], first: int) -> bool:
    """'会议决定:' alone above '(一)原则通过《方案》…' '(二)…', after the paragraph that took up the
    topic: the numbers list what was decided on it, not the meeting's items."""
    previous = next((ln for ln in reversed(lines[:first]) if ln), "")
    return bool(rules.DECISIONS_LEAD_RE.match(previous))


def _is_recap(lines: list[str], labels: list[_Label], end: int, openers: list[int]) -> bool:
    """A numbered list of one-line points after the full topic paragraphs is a summary (提纲速读), not the items."""
    if len(openers) < 2:
        return False
    stops = [label.line for label in labels[1:]] + [end]
    bodies = [[ln for ln in lines[label.line + 1 : stop] if ln] for label, stop in zip(labels, stops)]
    return all(all(rules.TRAILING_RE.match(ln) for ln in body) for body in bodies)


def _build_items(
    prepared: normalize.PreparedText, labels: list[_Label], end_idx: int
) -> tuple[list[AgendaItem], list[str]]:
    items: list[AgendaItem] = []
    trailing: list[str] = []
    for pos, label in enumerate(labels):
        stop = labels[pos + 1].line if pos + 1 < len(labels) else end_idx
        body = prepared.lines[label.line + 1 : stop]
        if pos + 1 == len(labels):
            body, trailing = _split_trailing(body)
        last = label.line + 1 + len(body)  # 1-based, inclusive: blank lines up to the next item belong to it
        items.append(
            _make_item(len(items) + 1, label, [ln for ln in body if ln], label.line + 1, last, prepared)
        )
    for line in trailing[:]:
        # '此外,会议安排专题学习《A》《B》《C》。' after the numbered items: studied too, an item of its own
        if not (extra := rules.EXTRA_ACT_RE.match(line)):
            continue
        at = prepared.lines.index(line, labels[-1].line)
        label = _Label(at, "paragraph", "paragraph", len(items) + 1, "", line)
        item = _make_item(len(items) + 1, label, [], at + 1, at + 1, prepared)
        heading = item.heading[extra.end("lead") :]  # '专题学习《…》', its text kept verbatim
        items.append(replace(item, heading=heading, verb=extra.group("verb")))
        trailing.remove(line)
    return items, trailing


def _topic_paragraphs(lines: list[str], start: int, end: int) -> list[int]:
    """Lines that open a new topic in minutes written as paragraphs ('会议审议通过了《…》。会议指出…')."""
    openers = []
    for idx in range(start, end):
        line = lines[idx]
        if not line or _meeting_level_line(line) or rules.TOPIC_BACKREF_RE.match(line):
            continue
        line = rules.PURPOSE_PREFIX_RE.sub("", rules.AT_MEETING_PREFIX_RE.sub("", line))
        if rules.TOPIC_OPENER_RE.match(line) and not _hears_again(line, lines[:idx]):
            openers.append(idx)
        elif _presents_new_document(line, lines[:idx]):
            openers.append(idx)
    return openers


def _presents_new_document(line: str, earlier: list[str]) -> bool:
    """'工作人员对《政府工作报告》(讨论稿)…作了说明和解读。' after paragraphs on other documents: the
    meeting takes up a document someone presents (or remarks on one: '会议指出,《…》的出台,…'); one
    already named is presented on its own item."""
    found = rules.PRESENTED_DOC_RE.match(line)
    if found:
        return found.group("title") not in "\n".join(earlier)
    remarked = rules.REMARK_ON_DOC_RE.match(line)  # '会议指出,《…规划》的出台,…' (《规划纲要》 shortens one)
    return bool(remarked) and remarked.group("title") not in "\n".join(earlier)


def _hears_again(line: str, earlier: list[str]) -> bool:
    """'在听取X汇报后，…' where X was listed before: remarks on that item, not a new one."""
    found = rules.AFTER_HEARING_RE.match(line)
    if not found:
        return False
    before = "\n".join(earlier)
    what = found.group("what")
    titles = _titles(what)
    if titles:
        return all(title in before for title in titles)
    core = rules.REPORT_WORDS_RE.sub("", what)
    return len(core) >= 4 and core in before


def _build_paragraph_items(
    prepared: normalize.PreparedText, openers: list[int], end_idx: int
) -> tuple[list[AgendaItem], list[str]]:
    """Each topic paragraph and its continuations is an item; 会议还… paragraphs go to the meeting (item 0).

    A paragraph whose first sentence names several topics (a news report's '会议听取了…；审议了《A》
    《B》') gives one item per topic, each keeping the remarks that are about it.
    """
    items: list[AgendaItem] = []
    trailing: list[str] = []
    lines = prepared.lines
    framed = sum(_study_then_decision(lines[first]) for first in openers) >= 2
    bare: list[tuple[int, str]] = []  # one-sentence topic paragraphs whose remarks may come later
    for pos, first in enumerate(openers):
        stop = openers[pos + 1] if pos + 1 < len(openers) else end_idx
        body = lines[first + 1 : stop]
        cut = next((i for i, ln in enumerate(body) if _meeting_level_line(ln)), None)
        if cut is not None:
            trailing += [ln for ln in body[cut:] if ln]
            body = body[:cut]
        trailing += [ln for ln in body if rules.ATTENDANCE_SENTENCE_RE.match(ln)]
        body = [ln for ln in body if not rules.ATTENDANCE_SENTENCE_RE.match(ln)]
        parts = _topic_sentences(rules.AT_MEETING_PREFIX_RE.sub("", lines[first]))
        if not body and pos + 1 < len(openers) and _single_topic_sentence(prepared, first, parts):
            bare.append((first, parts[0]))  # its remarks, if any, come after the next topic paragraph
            continue
        # '会议听取了A。' '会议还审议了《B》。' then remarks on both
        if bare and body and _single_topic_sentence(prepared, first, parts):
            items += _shared_remarks(prepared, [*bare, (first, parts[0])], body, len(items) + 1)
            bare = []
            continue
        for held, part in bare:
            items += _paragraph_items(prepared, held, part, [], len(items) + 1, framed)
        bare = []
        for pos_in_line, part in enumerate(parts):
            rest = body if pos_in_line == len(parts) - 1 else []
            items += _paragraph_items(prepared, first, part, rest, len(items) + 1, framed)
    return items, trailing


def _single_topic_sentence(prepared: normalize.PreparedText, first: int, parts: list[str]) -> bool:
    """A topic paragraph's first line is one sentence on one topic ('会议听取了全区市场主体培育情况,
    安排部署近期工作。'); a sentence naming several topics is split into its clauses instead."""
    if len(parts) != 1 or _first_sentence(parts[0])[1].strip("。 "):
        return False
    return len(_paragraph_items(prepared, first, parts[0], [], 1)) == 1


def _shared_remarks(
    prepared: normalize.PreparedText, paragraphs: list[tuple[int, str]], remarks: list[str], number: int
) -> list[AgendaItem]:
    """Topic paragraphs printed one after another, then remarks about them all: each remark goes to
    the paragraph it is about (as remarks after an opening that lists topics do), not all to the last."""
    headings = [_first_sentence(paragraph)[0] for _, paragraph in paragraphs]
    owned = _owned_remarks([clauses.Clause(h, h) for h in headings], remarks)
    items = []
    for pos, ((first, paragraph), mine) in enumerate(zip(paragraphs, owned)):
        label = _Label(first, "paragraph", "paragraph", number + pos, "", paragraph)
        items.append(_make_item(number + pos, label, mine, first + 1, first + 1 + len(mine), prepared))
    return items


def _study_then_decision(line: str) -> bool:
    """'会议学习了总书记关于水库移民工作的重要指示精神，审定了…水库移民后扶项目资金计划方案。会议要求…':
    a paragraph that studies a speech and then decides one matter (the '第一议题' habit of studying
    before each item). When a report is written paragraph after paragraph this way, the study frames
    the decision: one item per paragraph, not two."""
    heading = _first_sentence(rules.AT_MEETING_PREFIX_RE.sub("", line))[0]
    topics = clauses.agenda_clauses(heading)
    return (
        len(topics) == 2
        and _verb(re.sub(rf"^{rules.MEETING_SUBJECT}", "", topics[0].heading)) in clauses.CONVEYING_VERBS
        and "《" not in topics[0].heading
        and _verb(topics[1].heading) not in (*clauses.CONVEYING_VERBS, None)
    )


def _paragraph_items(
    prepared: normalize.PreparedText,
    first: int,
    paragraph: str,
    body: list[str],
    number: int,
    framed: bool = False,
) -> list[AgendaItem]:
    """The item(s) of one topic paragraph: one per agenda clause its first sentence names."""
    heading, first_body = _first_sentence(paragraph)
    if (
        remark := rules.REMARK_START_RE.search(heading)
    ) and remark.start() >= 8:  # '…汇报强调,要…': the remark
        heading, first_body = (
            heading[: remark.start()],
            f"{heading[remark.end() :]}。{first_body}".rstrip("。"),
        )
    topics = clauses.agenda_clauses(heading, [first_body, *body])
    if framed and _study_then_decision(paragraph):
        topics = topics[:1]
    if len(topics) > 1 and not rules.TRAILING_RE.match(paragraph):  # '会议还…' is one item
        remarks = [first_body, *body] if first_body else body
        return _clause_items(prepared, topics, remarks, first, number)
    label = _Label(first, "paragraph", "paragraph", number, "", paragraph)
    end = first + 1 + len(body)
    return [_make_item(number, label, [ln for ln in body if ln], first + 1, end, prepared)]


# Two sentences of one paragraph that share fewer words than this take up different topics
# ('研究讨论了A。研究讨论了B。'); remark paragraphs, longer, are apart below REMARKS_APART.
SENTENCES_APART = 0.3


# '陈光杰传达了市委常委(扩大)会议精神。': a sentence that only relays a meeting's spirit; what the meeting
# then 研究/听取/审议 is a topic of its own.
CONVEYED_ONLY_RE = re.compile(r"^[^。]{0,12}传达(?:学习)?了?[^。，,]{2,40}精神。$")
AT_MEETING_ACT_RE = re.compile(r"会议(?:还)?(?:研究|听取|审议|讨论)")


def _relay_then_act(paragraph: str) -> list[str]:
    """'陈光杰传达了市委常委(扩大)会议精神。会议研究了…' as its two matters; any other paragraph whole."""
    first, rest = _first_sentence(paragraph)
    if CONVEYED_ONLY_RE.search(first + "。") and AT_MEETING_ACT_RE.match(rest):
        return [first + "。", rest]
    return [paragraph]


def _topic_sentences(paragraph: str) -> list[str]:
    """A paragraph cut where a sentence opens a new topic ('…再报市委审议。会议审议并原则通过了《B》').

    Only a sentence that hears a report or acts on a document the paragraph has not named yet
    starts a new item; '会议审议了该方案' or '会议要求…' stays with the topic before it.
    """
    parts = [""]
    named: set[str] = set()
    for sentence in re.split(r"(?<=。)", paragraph):
        opens = rules.MID_TOPIC_RE.match(sentence.lstrip())  # '…。 会议研究了《B》': a space between
        titles = set(_titles(sentence.split("，")[0].split(",")[0]))
        new_topic = titles - named if titles else "汇报" in sentence[:80]
        if not opens or not parts[-1]:
            new_topic = False
        elif not new_topic and not sentence.startswith(("会议", "会上")):  # '研究讨论了A。研究讨论了B。'
            new_topic = clauses.shared_words(sentence, parts[-1]) < SENTENCES_APART
        if new_topic:
            parts.append("")
        parts[-1] += sentence
        named |= set(_titles(sentence))
    return [part for part in parts if part]


def _owned_remarks(topics: list[clauses.Clause], remarks: list[str]) -> list[list[str]]:
    """Each remark (or the part of one that turns to another topic) given to the topic it is about."""
    owned: list[list[str]] = [[] for _ in topics]
    owner = len(topics) - 1  # remarks right after a list are about its last topic unless they say otherwise
    for remark in filter(None, remarks):
        owner = clauses.owner_of_remark(remark, topics, owner)
        for part_owner, part in clauses.remark_parts(remark, topics, owner):
            owned[part_owner].append(part)
            owner = part_owner
    return owned


def _clause_items(
    prepared: normalize.PreparedText, topics: list[clauses.Clause], remarks: list[str], line: int, number: int
) -> list[AgendaItem]:
    """One item per agenda clause of a sentence; each remark goes to the clause it is about.

    A clause that names nothing of its own beside others ('…,听取相关工作汇报' · '…,并研究下步工作')
    is no item: the remarks go to the topics the sentence does name."""
    topics = [topic for topic in topics if not _names_nothing(topic)] or topics
    owned = _owned_remarks(topics, remarks)
    items = []
    for pos, topic in enumerate(topics):
        label = _Label(line, "paragraph", "clause", number + pos, "", topic.text + "。")
        item = _make_item(number + pos, label, owned[pos], line + 1, line + 1 + len(owned[pos]), prepared)
        items.append(
            replace(
                item, heading=topic.heading, verb=_verb(topic.heading), document_titles=_titles(topic.heading)
            )
        )
    return items


def _intro_items(
    prepared: normalize.PreparedText, intro_idx: int, end_idx: int
) -> tuple[list[AgendaItem], list[str]]:
    """Items named only in the opening paragraph ('…主持召开第18次常务会议，传达学习…；听取…').

    Used when the body has no topic paragraph of its own: the paragraphs after the opening are the
    remarks, each given to the topic it is about; 会议还… lines go to the meeting.
    """
    following = prepared.lines[intro_idx + 1 : end_idx]
    tail = _intro_topics(prepared.lines[intro_idx], following)
    if not tail and (agenda := _agenda_listed_before(prepared.lines[:intro_idx])):
        tail = _intro_topics(f"召开，{agenda}", following)  # the opening names no topic: the agenda key does
    if not tail:
        return [], []
    trailing: list[str] = []
    remarks = _remarks_in_opening(prepared.lines[intro_idx])
    for line in filter(None, prepared.lines[intro_idx + 1 : end_idx]):
        if _about_the_meeting(line):
            trailing.append(line)
            continue
        if rules.TRAILING_RE.match(line):  # '会议还审议了《A》《B》。…' adds items of its own
            act, line = _act_and_remarks(line)
            tail.append(clauses.Clause(act, act))  # one item, as in paragraph reports
        elif _remark_on_a_subject_of_its_own(line, tail, remarks):
            said, line = _first_sentence(line)
            tail.append(clauses.Clause(said, said))
        remarks.append(line)
    return _clause_items(prepared, tail, remarks, intro_idx, 1), trailing


# '…听取了《…》起草情况的汇报。指出,推动…是一项…民生工程': the meeting's remark, its subject left out.
OPENING_REMARK_RE = re.compile(r"^(?:(?:会议|会上)[，,]?)?(?:强调|指出|要求|认为|明确)[，,：:]")


def _remarks_in_opening(opening: str) -> list[str]:
    """Remarks printed in the opening paragraph after its topics, which a one-paragraph report (a
    listing entry) has nowhere else: given to the topic they are about like the paragraphs after it."""
    sentences = [s.strip() for s in re.split(r"(?<=。)", opening)[1:]]
    return [s for s in sentences if OPENING_REMARK_RE.match(s)]


def _remark_on_a_subject_of_its_own(line: str, topics: list[clauses.Clause], before: list[str]) -> bool:
    """A chair's remark paragraph after others ('崔长领指出,…湖北…' · '崔长领要求,…讲话精神…' then
    '崔长领强调,要严格落实安全生产制度,…') that shares no topic word with any topic the opening named
    nor with the remark before it: the meeting took up a subject of its own (work safety), an item."""
    if not before or not rules.NAMED_SPEAKER_RE.match(line):
        return False  # the chair's remarks by name: '会议强调,…' after topics is said of them
    said = _first_sentence(line)[0]
    if any(clauses.shared_bigram_count(said, topic.heading) for topic in topics):
        return False
    return clauses.shared_words(said, _first_sentence(before[-1])[0]) < REMARKS_APART


REMARKS_OPEN_RE = re.compile(r"^(?:会议|会上)[，,]?(?:强调|指出|要求|认为|明确|提出|部署)[，,：:]?")


def _remarks_item(
    prepared: normalize.PreparedText, intro_idx: int, end_idx: int
) -> tuple[list[AgendaItem], list[str], list[str]] | None:
    """A report that names no topic, only what the meeting stressed ('4月14日，市政府召开第107次常务
    会议。' then '会议强调，要…坚决打赢防汛抗旱这场硬仗…'): the remarks are the meeting's one item, so
    an answer cites them as an item rather than the whole page as its overview."""
    lines = [ln for ln in prepared.lines[intro_idx + 1 : end_idx] if ln]
    trailing = [ln for ln in lines if _about_the_meeting(ln)]
    body = [ln for ln in lines if ln not in trailing]
    if not body:
        return None
    if REMARKS_OPEN_RE.match(body[0]):
        groups = _remark_groups(body)
    elif not (groups := _matter_groups(body)) or groups == [body[:1]]:
        return None  # one matter with the chair's remarks after it is the meeting's one item
    items: list[AgendaItem] = []
    for number, group in enumerate(groups, 1):
        first = prepared.lines.index(group[0], intro_idx + 1)
        if len(parts := _relay_then_act(group[0])) > 1:  # '陈光杰传达了…精神。会议研究了…': two matters
            for pos, part in enumerate(parts):
                rest = group[1:] if pos == len(parts) - 1 else []
                items += _paragraph_items(prepared, first, part, rest, len(items) + 1)
            continue
        label = _Label(first, "paragraph", "paragraph", len(items) + 1, "", group[0])
        end = end_idx if number == len(groups) else prepared.lines.index(groups[number][0], first + 1)
        items.append(_make_item(len(items) + 1, label, group[1:], first + 1, end, prepared))
    return items, trailing, []


# Remark paragraphs on one topic share words; on different topics ('会议强调,要…周边工作…' then
# '会议强调,要…外商投资…' then '…安全生产…') they share almost none.
REMARKS_APART = 0.2


def _remark_groups(body: list[str]) -> list[list[str]]:
    """The remark paragraphs of a report that names no topic, one group per '会议强调/指出/要求…'
    paragraph (with the lines that run on after it) when each takes up a subject the one before
    did not; one group otherwise, the meeting's one item."""
    groups: list[list[str]] = []
    for line in body:
        if REMARKS_OPEN_RE.match(line) or not groups:
            groups.append([line])
        else:
            groups[-1].append(line)
    apart = all(clauses.shared_words(a[0], b[0]) < REMARKS_APART for a, b in zip(groups, groups[1:]))
    return groups if len(groups) > 1 and apart else [body]


def _remarks_before_paragraphs(
    prepared: normalize.PreparedText, intro_idx: int, items: list[AgendaItem], preamble: list[str]
) -> tuple[list[AgendaItem], list[str]]:
    """'会议强调,要…三防…' '会议强调,食品安全大于天…' '会议强调,要加强学习《…海洋环境保护法》…' between
    an opening that names its topics only vaguely ('学习有关政策法规,听取有关情况汇报') and the first
    topic paragraph ('会议审议并原则同意《A》《B》'): remarks that each take up a subject the one before
    did not are items of their own, ahead of the paragraphs, not the meeting's overview."""
    body = [ln for ln in preamble if not _about_the_meeting(ln)]
    if len(body) < 2 or not REMARKS_OPEN_RE.match(body[0]) or len(groups := _remark_groups(body)) < 2:
        return items, preamble
    remarked = []
    for number, group in enumerate(groups, 1):
        first = prepared.lines.index(group[0], intro_idx + 1)
        label = _Label(first, "paragraph", "paragraph", number, "", group[0])
        remarked.append(_make_item(number, label, group[1:], first + 1, first + len(group), prepared))
    renumbered = [replace(item, item=len(remarked) + pos + 1) for pos, item in enumerate(items)]
    return [*remarked, *renumbered], [ln for ln in preamble if ln not in body]


# '黄海生指出,…' · '田连钊强调,…': the chair's remarks on the matter of the paragraph before.
SPEAKER_REMARK_RE = re.compile(r"^(?:会上)?[\u4e00-\u9fa5]{2,4}(?:指出|强调|要求|表示|说)[，,：:]")


def _matter_groups(body: list[str]) -> list[list[str]]:
    """A report whose opening names no topic ('…主持召开…常务会,研究当前重点工作。') and whose
    paragraphs each take up a matter of their own ('美丽乡村示范点建设是…' then '为进一步充实教师
    队伍,…'): one group per matter paragraph, the speaker's remarks after it joined to it. None
    when the paragraphs share their words (one matter told at length)."""
    groups: list[list[str]] = []
    for line in body:
        if groups and (SPEAKER_REMARK_RE.match(line) or REMARKS_OPEN_RE.match(line)):
            groups[-1].append(line)
        else:
            groups.append([line])
    apart = all(clauses.shared_words(a[0], b[0]) < REMARKS_APART for a, b in zip(groups, groups[1:]))
    return groups if apart else []


AGENDA_KEY_RE = re.compile(r"^会议议题\s*[:：]?\s*(?P<rest>.*)$")


def _agenda_listed_before(header: list[str]) -> str | None:
    """'会议议题' then '开展常务会议学法,传达学习…,审议《A》《B》等。' in a portal's key/value header."""
    for pos, line in enumerate(header):
        if found := AGENDA_KEY_RE.match(line):
            rest = found.group("rest") or next((ln for ln in header[pos + 1 :] if ln), "")
            pieces = re.split(r"(?<=[，,])", rest)  # from its first agenda verb ('开展常务会议学法,' before)
            while pieces and not rules.CLAUSE_START_RE.match(pieces[0]):
                pieces.pop(0)
            rest = "".join(pieces)
            return rest if len(rest) > 8 else None
    return None


TIME_ONLY_RE = re.compile(r"^\d{1,2}[:：]\d{2}$")
SPEAKER_MARK_RE = re.compile(r"^【[^】]{2,30}】$")


def _agenda_numbered_before(
    prepared: normalize.PreparedText, intro_idx: int, end_idx: int
) -> tuple[list[AgendaItem], list[str], list[str]] | None:
    """A numbered agenda above the opening, taken up in turn below it: the topics are the items.

    A portal's 图文回放 page lists '会议议题:' '1.听取…审计查出问题整改情况的汇报;' '2.…' in its
    header, then reports the meeting as a timeline ('13:55' '【区审计局局长…发言】' '…汇报…整改情况。'
    '【区长…发言】审计整改是…'). Each line of the report goes to the topic it shares the most words
    with, and stays with the topic before when it shares few; clock times and speaker marks are dropped.
    """
    lines = prepared.lines
    key = next(
        (
            pos
            for pos in range(intro_idx)
            if (found := AGENDA_KEY_RE.match(lines[pos])) and not found.group("rest")
        ),
        None,
    )
    labels = _find_item_labels(lines, key + 1, intro_idx) if key is not None else []
    if len(labels) < 2:
        return None
    bodies: list[list[str]] = [[] for _ in labels]
    preamble: list[str] = []
    said_of_meeting: list[str] = []  # '县委常委、副县长…参加会议' · '会后,…进行安排部署'
    current: int | None = None
    for line in lines[intro_idx + 1 : end_idx]:
        if (
            not line
            or TIME_ONLY_RE.match(line)
            or SPEAKER_MARK_RE.match(line)
            or AGENDA_KEY_RE.fullmatch(line)
        ):
            continue
        if _about_the_meeting(line):
            said_of_meeting.append(line)
            continue
        shares = [clauses.shared_words(label.rest, line) if len(line) >= 8 else 0.0 for label in labels]
        best = max(range(len(labels)), key=shares.__getitem__)
        if shares[best] >= 0.3 and (current is None or best > current):
            current = best
        (preamble if current is None else bodies[current]).append(line)
    bodies[-1], trailing = _split_trailing(bodies[-1])
    trailing = [*said_of_meeting, *trailing]
    items = [
        _make_item(
            pos + 1,
            replace(label, rest=label.rest.rstrip(";；")),
            body,
            label.line + 1,
            label.line + 1,
            prepared,
        )
        for pos, (label, body) in enumerate(zip(labels, bodies))
    ]
    return items, trailing, preamble


def _with_opening_topics(
    prepared: normalize.PreparedText, intro_idx: int, items: list[AgendaItem], preamble: list[str]
) -> tuple[list[AgendaItem], list[str]]:
    """Topic paragraphs, plus the topics the opening names that no paragraph takes up again.

    '…主持召开第182次常务会议，审议并原则通过《A》和《B》。' then '会议审议了《B》。…': 《B》 is one
    item (its paragraph), 《A》 another, with the remarks between the opening and the first
    paragraph. An opening that only announces what the paragraphs say adds nothing, unless the
    remarks before the first paragraph take up a topic it names that no paragraph does ('研究全市安全
    生产…等工作，听取…汇报' then '会议认为，做好安全生产…' then '会议听取了…的汇报').
    """
    topics = _intro_topics(prepared.lines[intro_idx], [])
    if len(topics) < 2 and not any(map(_names_something, topics)):
        return items, preamble  # '…主持召开第37次常务会议，研究经济社会发展工作' announces the paragraphs
    taken_up = [_taken_up(topic, items) for topic in topics]
    # the opening's one topic, a document no paragraph takes up ('专门研究《…五年行动计划》')
    document_left = len(topics) == 1 and bool(_titles(topics[0].heading)) and not taken_up[0]
    if any(rules.DECISION_RE.match(item.heading) for item in items) and not document_left:
        return items, preamble  # paragraphs that record decisions ('会议同意…') on the agenda announced
    summary = any(map(_vague, topics)) or any(
        done and not _titles(topic.heading) for topic, done in zip(topics, taken_up)
    )
    remarks = "".join(preamble)
    new = [
        topic
        for topic, done in zip(topics, taken_up)
        if not done
        and (
            _titles(topic.heading)  # a summary's documents still count
            or not summary
            or clauses.shared_words(topic.heading, remarks) >= 0.5  # remarked on before the paragraphs
            # a long list of matters conveyed ('传达全省优化营商环境大会、…等精神') that the remarks
            # take up one by one: many of its words recur, though under half of so many
            or clauses.shared_bigram_count(topic.heading, remarks) >= 20
        )
    ]
    if not new:
        return items, preamble
    moved, items = _remarks_on_opening_topics(prepared, new, items)
    opening = _clause_items(prepared, new, [*preamble, *moved], intro_idx, 1)
    renumbered = [replace(item, item=len(opening) + pos + 1) for pos, item in enumerate(items)]
    return [*opening, *renumbered], []


def _remarks_on_opening_topics(
    prepared: normalize.PreparedText, topics: list[clauses.Clause], items: list[AgendaItem]
) -> tuple[list[str], list[AgendaItem]]:
    """'会议审议了《A》《B》等议题。' '会前,与会人员学习了《C》…' '会议认为,A…' '会议强调,B…': remarks
    printed after a later paragraph that plainly speak to a topic the opening named go back to it."""
    moved: list[str] = []
    kept_items = []
    for item in items:
        first, *body = item.text.split("\n")
        candidates = [*topics, clauses.Clause(item.heading, item.heading)]
        own = len(candidates) - 1
        theirs = [
            line for line in body if REMARKS_OPEN_RE.match(line) and _speaks_to_other(line, candidates, own)
        ]
        if not theirs:
            kept_items.append(item)
            continue
        moved += theirs
        text = "\n".join([first, *(line for line in body if line not in theirs)])
        kept_items.append(
            replace(item, text=text, text_as_written=_as_written(text, prepared), decisions=_decisions(text))
        )
    return moved, kept_items


def _speaks_to_other(remark: str, candidates: list[clauses.Clause], own: int) -> bool:
    """The remark shares most topic words (relative to each heading's length) with another candidate,
    and at least two of them: a long heading does not keep a remark by sheer size."""
    best = clauses.owner_of_remark(remark, candidates, own)
    return best != own and clauses.shared_bigram_count(remark, candidates[best].heading) >= 2


def _names_something(topic: clauses.Clause) -> bool:
    """'传达学习中共中央政治局会议精神、…' names what was conveyed; '研究经济社会发展工作' does not."""
    first = re.split(r"[，,]", topic.heading)[0]
    # '讨论通过了关于做好…工作等议题': a matter named 关于…, as a document would be
    about = rules.CLAUSE_VERBS_RE.sub("", first).startswith("关于") and len(first) > 12
    return bool(rules.NAMED_PART_RE.search(first)) or about


def _vague(topic: clauses.Clause) -> bool:
    """'审议有关文件，研究相关工作': an opening that sums up the paragraphs rather than naming topics."""
    pieces = re.split(r"[，,]", topic.heading)
    return any(rules.VAGUE_OBJECT_RE.match(rules.CLAUSE_VERBS_RE.sub("", piece)) for piece in pieces)


def _names_nothing(topic: clauses.Clause) -> bool:
    """'听取相关工作汇报' · '研究下步工作': a whole clause whose object is only 'related'/'next' work."""
    return not re.search(r"[，,、《]", topic.heading) and _vague(topic)  # one piece: _vague's own test


def _taken_up(topic: clauses.Clause, items: list[AgendaItem]) -> bool:
    """Whether the paragraphs take up an opening topic: one paragraph does, or, for an opening that
    lists several matters ('研究部署项目建设、“十四五”规划编制、防汛备汛、清明期间森林防火等工作'),
    paragraphs take up most of them, each its own."""
    if any(_same_topic(topic, item) for item in items):
        return True
    matters = _listed_matters(topic.heading)
    if len(matters) < 3:
        return False
    found = sum(any(clauses.shared_words(m, item.heading) >= 0.5 for item in items) for m in matters)
    return 2 * found >= len(matters)


def _listed_matters(heading: str) -> list[str]:
    """The matters of a 'verb A、B、C等工作' clause: ['A', 'B', 'C'] (no documents: those are titles)."""
    if "《" in heading:
        return []
    objects = rules.CLAUSE_START_RE.sub("", heading, count=1)
    objects = re.sub(r"等?(?:各项|有关|相关)?(?:工作|事项|事宜|问题)$", "", objects)
    return [m for m in re.split(r"[、和及]", objects) if len(m) >= 2]


def _same_topic(topic: clauses.Clause, item: AgendaItem) -> bool:
    """Whether a paragraph item takes up a topic the opening named: a shared document, or most words."""
    titles = _titles(topic.heading)
    if titles:
        return any(title in item.document_titles or title in item.heading for title in titles)
    return clauses.shared_words(topic.heading, item.heading) >= 0.5


def _about_the_meeting(line: str) -> bool:
    """A line about the meeting, not a topic: '会议还研究了其他事项', who attended, who chaired (also
    both in one paragraph: '会议由县长王伟国主持。副县长王飞…参加会议，…列席会议。')."""
    if _meeting_level_line(line):
        return True
    sentences = [s for s in re.split(r"(?<=。)", line) if s]
    return bool(sentences) and all(
        rules.ATTENDANCE_SENTENCE_RE.match(s) or rules.CHAIR_SENTENCE_RE.match(s) for s in sentences
    )


def _meeting_level_line(line: str) -> bool:
    """A '会议还…' line that names no topic of its own ('会议还研究了其他事项') belongs to the meeting.

    One that names a topic or a document ('会议还审议了《A》《B》等议题事项', '会议还听取了…汇报')
    is one agenda item (the parse gold of minutes-other counts it so), however many it lists,
    unless the page cuts it off before its end.
    """
    if not rules.TRAILING_RE.match(line):
        return False
    whole_clause = re.search(r"[，,；;。]", line)  # '会议还审议了再生水…方案,强调要…推进' is cut later
    if "《" not in line and not whole_clause and not rules.SENTENCE_CLOSED_RE.search(line.strip()):
        return True  # '会议还传达学习习近平总': the page is cut off mid-word, naming nothing whole
    for clause in clauses.agenda_clauses(_first_sentence(line)[0]):
        named = rules.CLAUSE_VERBS_RE.sub("", clause.heading)  # '还研究讨论了' → ''
        if "《" in named or (len(named) >= 4 and not rules.GENERIC_OBJECT_RE.match(named)):
            return False
    return True


def _intro_topics(intro: str, remarks: list[str]) -> list[clauses.Clause]:
    """The agenda clauses an opening paragraph names after the meeting itself, if any."""
    topics: list[clauses.Clause] = []
    for sentence in re.split(r"(?<=。)", intro):
        after = re.search(
            # '…第53次常务(扩大)会议暨基本建设用地考古前置专题会议,传达学习…': a joint meeting's name
            rf"(?:{rules.STANDING}议?(?:暨[^，,。]{{1,30}}?会议?)?|召开)[^，,。]{{0,4}}[，,]"
            rf"|^(?=(?:会议|会上)?(?:还)?{rules.CLAUSE_VERB})"
            # '会上专题研究…等七项事宜' after the opening ('会议专题听取…' there names the paragraphs' topic)
            rf"|^(?=会上(?:专题|专门){rules.CLAUSE_VERB})"
            # '…第37次常务会议、区委第47次常委会议分别传达学习《…》': two meetings took it up
            rf"|{rules.STANDING}议?(?:、[^，,。]{{2,24}}?会议?)?(?:分别|先后)(?={rules.CLAUSE_VERB})",
            sentence,
        )
        if not after:
            topics += _matter_before_verb(sentence.strip())
            continue
        rest = sentence[after.end() :]
        if rules.CLAUSE_START_RE.match(rest):
            named = clauses.agenda_clauses(rest, remarks)
            topics += [t for t in named if rules.CLAUSE_START_RE.match(t.heading)]
    if len(topics) == 1:  # one topic is an item when it names one ('听取…安全生产工作情况汇报')
        start = rules.CLAUSE_START_RE.match(topics[0].text)
        named = topics[0].text[start.end() :] if start else topics[0].text
        if "《" not in named and not _names_something(topics[0]):
            if len(named) < 6 or rules.GENERIC_OBJECT_RE.match(named):
                return []
    return topics


def _matter_before_verb(sentence: str) -> list[clauses.Clause]:
    """'会议就《关于…的请示》8个议题进行了深入研究' in an opening: the matter named, as one topic."""
    if several := clauses.agenda_clauses(sentence):
        if len(several) > 1:
            return several  # 会议对《A》和《B》进行了审议: one per document
        if clauses.PURPOSE_LEAD_RE.match(sentence) and rules.CLAUSE_START_RE.match(several[0].heading):
            return several  # '为加强…工作,会议研究通过了《…》': the action, its purpose in its text
    if studied := rules.STUDY_BEFORE_RE.match(sentence):  # '会前…学法,区发改局对《…条例》进行解读'
        return [clauses.Clause(studied.group("verb") + studied.group("what"), sentence)]
    found = rules.ON_TOPIC_RE.match(sentence)
    if not found or rules.VAGUE_OBJECT_RE.match(found.group("what")):
        return []
    return [clauses.Clause(found.group("verb") + found.group("what"), sentence)]


def _split_trailing(body: list[str]) -> tuple[list[str], list[str]]:
    """'会议还学习了…' lines after the last item belong to the meeting, not to that item."""
    for idx, line in enumerate(body):
        if rules.TRAILING_RE.match(line):
            return body[:idx], [ln for ln in body[idx:] if ln]
    return body, []


def _make_item(
    number: int, label: _Label, body: list[str], line: int, end_line: int, prepared: normalize.PreparedText
) -> AgendaItem:
    heading_line = label.rest
    if not heading_line and body:  # '（一）' alone on its line: the heading is the next paragraph
        heading_line, body = body[0], body[1:]
        first_line = [label.label, heading_line]
    else:
        first_line = [f"{label.label}{label.rest}"]
    heading, first_body = _split_heading(rules.PURPOSE_PREFIX_RE.sub("", heading_line))
    heading = rules.JOINED_ACT_RE.sub("", heading)
    if framed := DISCUSSING_FRAME_RE.match(heading):  # '在讨论《A》时,会议要求…' is about discussing 《A》
        heading = framed.group("core")
    body_text = "\n".join([first_body, *body] if first_body else body)
    verb = _verb(heading)
    text = "\n".join([*first_line, *body]).strip()
    # A paragraph-style topic often is its decision ('会议原则通过了《…》'); a numbered heading never is.
    decision_text = "\n".join([heading_line, *body]) if label.style == "paragraph" else body_text
    return AgendaItem(
        item=number,
        label=label.label,
        heading=heading,
        verb=verb,
        document_titles=_titles(heading),
        reporters=_reporters(f"{heading}\n{body_text}"),
        decisions=(decisions := _decisions(decision_text)),
        routing=_routing(decisions),
        text=text,
        line=line,
        end_line=end_line,
        text_as_written=_as_written(text, prepared),
    )


DISCUSSING_FRAME_RE = re.compile(
    r"^(?:(?:会议|会上)(?:还)?)?在(?P<core>(?:讨论|审议|研究|听取)[^，,。；]{2,}?)时$"
)


def _split_heading(rest: str) -> tuple[str, str]:
    """Split an inline heading ('会议审议了《…》。会议原则同意…') from the text that follows it.

    A news report runs on in the same sentence ('会议听取了…汇报，强调，要…'): the heading ends
    before the remark.
    """
    if (remark := rules.REMARK_START_RE.search(rest)) and remark.start() >= 8:
        return rest[: remark.start()].strip(), rest[remark.end() :].strip()
    depth = 0
    for pos, ch in enumerate(rest):
        if ch == "《":
            depth += 1
        elif ch == "》":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in "。：:；;" and len(rest) - pos - 1 >= 8:
            return rest[:pos].strip(), rest[pos + 1 :].strip()
    return rest.rstrip("。").strip(), ""


# '会议还审议了…方案,强调要…': the act, then what the meeting said on it, in one sentence.
REMARK_AFTER_ACT_RE = re.compile(r"[，,](?=(?:会议)?(?:强调|指出|要求|认为|明确|提出)[，,：:]?)")


def _act_and_remarks(line: str) -> tuple[str, str]:
    """A '会议还…' line's act and the remarks to give out: the sentences after it, or the whole line
    when the remarks run on in the act's own sentence — its words then tie them to its item."""
    sentence, rest = _first_sentence(line)
    if found := REMARK_AFTER_ACT_RE.search(sentence):
        return sentence[: found.start()], line
    return sentence, rest


def _first_sentence(line: str) -> tuple[str, str]:
    """The line's first sentence (up to a 。 outside 《》) and what follows it."""
    depth = 0
    for pos, ch in enumerate(line):
        depth += ch == "《"
        depth -= ch == "》" and depth > 0
        if ch == "。" and (depth == 0 or "》" not in line[pos:]):  # an unclosed 《 ends at the 。
            return line[:pos], line[pos + 1 :].strip()
    return line, ""


def _verb(heading: str) -> str | None:
    for verb in rules.VERBS:
        if heading.startswith(verb):
            return verb
    inline = rules.INLINE_VERB_RE.match(heading)
    return inline.group("verb") if inline else None


def _titles(text: str) -> list[str]:
    """Top-level 《…》 titles, keeping nested 《》 inside a title intact."""
    titles, depth, start = [], 0, 0
    for pos, ch in enumerate(text):
        if ch == "《":
            if depth == 0:
                start = pos + 1
            depth += 1
        elif ch == "》" and depth:
            depth -= 1
            if depth == 0:
                titles.append(text[start:pos])
    return titles


def _reporters(body: str) -> list[Reporter]:
    found = rules.REPORT_RE.search(body)
    if found:
        who = rules.VERB_PHRASE_PREFIX_RE.sub(
            "", found.group("who").strip()
        )  # 并原则同意了市应急局 → 市应急局
        if submitted := rules.SUBMITTED_BY_RE.match(who):
            who = submitted.group("org")  # 由区生态环境局提交的 → 区生态环境局
        if not who or rules.VERB_PHRASE_PREFIX_RE.fullmatch(found.group("who").strip()):
            return []
        if rules.NOT_A_REPORTER_RE.search(who):  # '听取了一季度全市GDP完成情况的汇报': what, not who
            return []
        official = rules.OFFICIAL_RE.match(who)
        if official and official.group("org"):
            return [
                Reporter(
                    official.group("org"), official.group("title"), official.group("person"), "汇报", who
                )
            ]
        return [Reporter(who, None, None, "汇报", who)]
    if (spoke := rules.SPEAKER_REPORT_RE.search(body)) and (
        official := rules.OFFICIAL_RE.match(spoke.group("who"))
    ):
        return [
            Reporter(
                official.group("org"),
                official.group("title"),
                official.group("person"),
                "汇报",
                spoke.group("who"),
            )
        ]
    conveyed = rules.CONVEY_RE.search(body)
    if conveyed:
        who = conveyed.group("who").strip()
        person = rules.PERSON_TITLE_RE.match(who)
        if person:
            return [Reporter(None, person.group("title"), person.group("person"), "传达", who)]
        return [Reporter(None, None, who, "传达", who)]
    return []


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in rules.SENTENCE_SPLIT_RE.split(text) if s and s.strip()]


def _decisions(body: str) -> list[str]:
    """The sentences that decide; '会议决定:' alone announces the decisions on the lines after it and is none."""
    return [
        s
        for s in _sentences(body)
        if (rules.DECISION_RE.match(s) or rules.DECISION_ANYWHERE_RE.search(s))
        and not rules.DECISIONS_LEAD_RE.match(s)
    ]


def _routing(decisions: list[str]) -> list[str]:
    out: list[str] = []
    for sentence in decisions:
        for pattern in rules.ROUTING_RES:
            for found in pattern.finditer(sentence):
                if found.group(0) not in out:
                    out.append(found.group(0))
    return out


# ------------------------------------------------------------------ meeting fields
def _parse_header(
    header: list[str], tail: list[str], prov: dict[str, str]
) -> tuple[str | None, str | None, str | None]:
    doc_number = issuer = issue_date = None
    for line in header:
        if doc_number is None and (found := rules.DOC_NUMBER_RE.search(line)):
            doc_number, prov["doc_number"] = re.sub(r"\s+", "", found.group("num")), "header"
        elif doc_number is None and (serial := rules.SERIAL_NUMBER_RE.match(line.replace(" ", ""))):
            doc_number, prov["doc_number"] = serial.group("num").replace(" ", ""), "header serial"
        if (org := rules.ISSUER_RE.match(line)) and (
            issuer is None or org.group("org").endswith(("办公室", "办公厅"))
        ):
            issuer, prov["issuer"] = org.group("org"), "header"
            if (when := rules.DATE_RE.search(line)) and when.group("y"):
                issue_date, prov["issue_date"] = _iso(when), "header issuer line"
    if issue_date is None:
        for line in header + tail:
            if (
                (when := rules.DATE_RE.search(line))
                and when.group("y")
                and len(line) <= 40
                and "主持" not in line
            ):
                issue_date, prov["issue_date"] = _iso(when), "header/footer date line"
                break
    return doc_number, issuer, issue_date


def _parse_meeting_number(
    header: list[str], intro: str | None, prepared: normalize.PreparedText, prov: dict[str, str]
) -> tuple[int | None, str | None, int | None]:
    """Number, 届 term and, for year-scoped numbering (2022年第9次), the year."""
    summary = prepared.metadata.get("内容概述", "")
    chunks = (
        ("title", "\n".join(header)),
        ("intro", intro or ""),
        ("portal summary", summary),
        ("text", prepared.cleaned_text[:3000]),
    )
    for where, chunk in chunks:
        found = rules.MEETING_NUMBER_RE.search(chunk)
        if found:
            prov["meeting"] = where
            year = int(found.group("year")) if found.group("year") else None
            return rules.numeral_to_int(found.group("num")), found.group("term"), year
    return None, None, None


def _parse_chair(intro: str) -> tuple[str | None, str | None]:
    undated = rules.VAGUE_DAY_BEFORE_HELD_RE.sub("", rules.RELATIVE_DAY_BEFORE_HELD_RE.sub("", intro))
    cleaned = rules.DATE_BEFORE_CHAIR_VERB_RE.sub("", undated)
    cleaned = rules.DATE_RE.sub("，", cleaned)
    for pattern in (rules.CHAIR_NAME_FIRST_RE, rules.CHAIR_TITLE_FIRST_RE, rules.CHAIR_PRESIDED_BY_RE):
        found = pattern.search(cleaned)
        if found:
            return found.group("name"), found.group("title")
    if found := rules.CHAIR_NAME_ONLY_RE.search(cleaned):
        return found.group("name"), None
    found = rules.CHAIR_BARE_NAME_RE.search(cleaned)
    if found and not rules.NOT_A_NAME_RE.search(found.group("name")):
        return found.group("name"), None
    return None, None


def _chair_after_intro(lines: list[str], intro_idx: int) -> tuple[str, str | None] | None:
    """'…第33次常务会议在合作召开。' then '州委副书记、州长赵凌云主持会议。': the chair named in the next
    sentence or line of the opening (a news report may give the meeting and its chair apart)."""
    following = [ln for ln in lines[intro_idx + 1 : intro_idx + 4] if ln][:2]
    for line in following:
        first = re.split(r"(?<=。)", line)[0]
        if "主持" in first and (
            rules.CHAIR_SENTENCE_RE.match(first) or not first.startswith(("会议", "会上"))
        ):
            name, title = _parse_chair(first)
            if name:
                return name, title
    return None


def _iso(found: re.Match[str], year: int | None = None) -> str:
    y = year if year is not None else rules.numeral_to_int(found.group("y"))
    m, d = rules.numeral_to_int(found.group("m")), rules.numeral_to_int(found.group("d"))
    return f"{y:04d}-{m:02d}-{d:02d}"


@dataclass
class YearEvidence:
    """What a minute says about its year when the meeting date omits it, strongest first."""

    doc_number: str | None
    number_year: int | None  # 2022年第9次常务会议
    portal: dict[str, str]  # 发文日期/成文日期/发布时间… read from the page's metadata block
    issue_date: str | None
    text: str


def _parse_date(
    intro: str, evidence: YearEvidence, prov: dict[str, str], warnings: list[str]
) -> tuple[str | None, str | None]:
    conveyed_from = _conveyed_from(intro)
    found = next(
        (
            m
            for m in rules.DATE_RE.finditer(intro)
            if not rules.DATELINE_AFTER_RE.match(intro, m.end()) and m.start() < conveyed_from
        ),
        None,
    )
    opening = rules.NEWS_BYLINE_RE.sub("", intro.strip(), count=1)
    if not found and (run := rules.MONTH_DAY_RUN_RE.search(opening)):  # '1030日': the 月 was lost
        if reading := _month_day_reading(run.group("md"), evidence):
            found = rules.DATE_RE.search(f"{reading[0]}月{reading[1]}日")
            prov["date_printed"] = run.group(0)
    if not found and (run := rules.YEAR_MONTH_DAY_RUN_RE.search(intro)):
        return _run_together_date(run, evidence, prov, warnings)
    relative = rules.RELATIVE_DAY_RE.match(opening) or rules.RELATIVE_DAY_BEFORE_HELD_RE.search(intro)
    if not found and relative:
        return _relative_date(relative, evidence, prov, warnings)
    if not found:
        return _day_only_date(opening, evidence, prov, warnings)
    written = found.group(0)
    if found.group("y"):
        prov["date"] = "intro (full date)"
        return _iso(found), written
    month = rules.numeral_to_int(found.group("m")) or 0
    if printed := _full_date_printed_elsewhere(found, evidence.text):  # '…(2021年12月25日)' in the title
        prov["date"] = f"intro month/day; year from the same day printed in full: {printed.group(0)}"
        return _iso(found, int(printed.group("y"))), written
    year, how = _infer_year(month, evidence)
    if year is None:
        warnings.append(f"会议日期“{written}”未写年份，且无法推断")
        return None, written
    prov["date"] = f"intro month/day; year {year} {how}"
    warnings.append(f"会议日期“{written}”未写年份：{year}年{how}")
    return _iso(found, year), written


def _full_date_printed_elsewhere(found: re.Match[str], text: str) -> re.Match[str] | None:
    """The same month and day printed with its year elsewhere in the minute (a title's
    '…审议2022年《政府工作报告》(2021年12月25日)'): that is the meeting's year, whatever other years the
    report names."""
    month, day = rules.numeral_to_int(found.group("m")), rules.numeral_to_int(found.group("d"))
    for other in rules.DATE_RE.finditer(text):
        year = rules.numeral_to_int(other.group("y") or "")
        same_day = (rules.numeral_to_int(other.group("m")), rules.numeral_to_int(other.group("d"))) == (
            month,
            day,
        )
        if year and same_day:
            return other
    return None


def _conveyed_from(intro: str) -> int:
    """Where the opening starts listing what the meeting conveyed; dates from there on are theirs.

    '…主持召开凯里市第十届人民政府第十五次常务会议,传达学习4月19日习近平总书记…的讲话精神':
    4月19日 is when the speech was given, not when the meeting met (the report says only 近日).
    """
    held = rules.MEETING_HELD_RE.search(intro)
    conveying = held and rules.CONVEYING_RE.search(intro, held.end())
    return conveying.start() if conveying else len(intro)


def _day_only_date(
    intro: str, evidence: YearEvidence, prov: dict[str, str], warnings: list[str]
) -> tuple[str | None, str | None]:
    """'13日，…主持召开' under a page dated 2025-10-13: the month and year are the page's.

    Taken only when the page was published the same month, on or after that day; otherwise the
    day alone says too little and the date stays unknown.
    """
    day_only = rules.DAY_ONLY_RE.match(intro.strip())
    page = _page_date(evidence)
    if not day_only or not page:
        return None, None
    key, published = page
    day = int(day_only.group("d"))
    if published.day < day:
        return None, day_only.group(0).rstrip("，,")
    when = published.isoformat()
    prov["date"] = f"intro day only; year and month from the page's {key} {when}"
    warnings.append(f"会议日期只写了“{day}日”：年月取自网页{key}{when}")
    return f"{when[:8]}{day:02d}", day_only.group(0).rstrip("，,")


def _month_day_reading(digits: str, evidence: YearEvidence) -> tuple[int, int] | None:
    """A month and day run together ('1030', '117'): the one real reading, or of two ('117' is 1-17 or
    11-7) the one nearest before the page's date — a report is published after its meeting."""
    cuts = [(digits[:cut], digits[cut:]) for cut in (1, 2) if 1 <= len(digits) - cut <= 2]
    readings = [(int(m), int(d)) for m, d in cuts if 1 <= int(m) <= 12 and 1 <= int(d) <= 31]
    page = _page_date(evidence)
    if len(readings) > 1 and page:
        year, published = page[1].year, page[1]

        def days_before(reading: tuple[int, int]) -> int:
            try:
                held = date(year, *reading)
            except ValueError:
                return 10**6
            return (published - held).days % 366  # a later day of the year was last year's

        readings = [min(readings, key=days_before)]
    return readings[0] if len(readings) == 1 else None


def _page_date(evidence: YearEvidence) -> tuple[str, date] | None:
    """The page's own date (发布时间, 日期…) as (key, date), when its metadata block printed one."""
    for key in normalize.PORTAL_DATE_KEYS:
        if key in evidence.portal:
            try:
                return key, date.fromisoformat(evidence.portal[key][:10])
            except ValueError:
                continue
    return None


def _relative_date(
    found: re.Match[str], evidence: YearEvidence, prov: dict[str, str], warnings: list[str]
) -> tuple[str | None, str | None]:
    """'昨天下午，市政府召开常务会议' (or '市长龚正昨天主持召开…') in a paper dated 2015-07-10: the
    meeting was on 2015-07-09.

    Without a page date the day cannot be known and the date stays empty (shown as written).
    """
    written = found.group(0).rstrip("，,")
    page = _page_date(evidence)
    if page is None:
        warnings.append(f"会议日期写作“{written}”，网页没有日期可以推算")
        return None, written
    key, published = page
    held = published - timedelta(days=rules.RELATIVE_DAY_OFFSET[found.group("rel")])
    prov["date"] = f"intro '{written}' counted back from the page's {key} {published.isoformat()}"
    warnings.append(f"会议日期写作“{written}”：按网页{key}{published.isoformat()}推算")
    return held.isoformat(), written


def _run_together_date(
    run: re.Match[str], evidence: YearEvidence, prov: dict[str, str], warnings: list[str]
) -> tuple[str | None, str | None]:
    """'202291日': year, month and day with 年 and 月 lost. Every way of cutting the digits into a
    real month and day is a reading; one reading is taken, or the one on or just before the page's
    date when there are two ('2022111日' is 1-11 or 11-1); otherwise the date stays empty.
    """
    year, digits = int(run.group("y")), run.group("md")
    readings = []
    for cut in range(1, len(digits)):
        try:
            readings.append(date(year, int(digits[:cut]), int(digits[cut:])))
        except ValueError:
            continue
    page = _page_date(evidence)
    if len(readings) > 1 and page:
        readings = [max((d for d in readings if d <= page[1]), default=readings[0])]
    if len(readings) != 1:
        return None, run.group(0).strip("。）) ")
    prov["date"] = f"intro digits '{run.group(0).strip()}' read as {readings[0].isoformat()}"
    warnings.append(f"会议日期印作“{run.group(0).strip()}”：读作{readings[0].isoformat()}")
    return readings[0].isoformat(), run.group(0).strip("。）) ")


def _infer_year(month: int, evidence: YearEvidence) -> tuple[int | None, str]:
    if evidence.doc_number and (found := rules.DOC_NUMBER_RE.search(evidence.doc_number)):
        return int(found.group("year")), f"取自文号{evidence.doc_number}"
    if evidence.number_year:
        return evidence.number_year, f"取自会议编号（{evidence.number_year}年第×次）"
    published = [(key, evidence.portal[key]) for key in normalize.PORTAL_DATE_KEYS if key in evidence.portal]
    for key, when in published[:1] + ([("印发日期", evidence.issue_date)] if evidence.issue_date else []):
        year, later_month = int(when[:4]), int(when[5:7])
        name = "网页" + key if key != "印发日期" else key
        return (year if later_month >= month else year - 1), f"取自{name}{when}"
    return _year_named_in_text(month, evidence.text)


def _year_named_in_text(month: int, text: str) -> tuple[int | None, str]:
    """The latest year the report names: a meeting discusses this year's work or next year's plan.

    A standing meeting in July–December that names next year only as a plan or budget
    ('编制2015年财政收支预算') was held the year before it; otherwise the latest year is the meeting's.
    """
    # a plan's period ('2021-2030年', '(2022-2025年)') names the year it starts, not the one it ends;
    # a dated event opening a clause ('2004年10月,市委、市政府出台了…') is history, not the meeting's year
    named = [
        (int(m.group(1)), m.start(), m.end())
        for m in re.finditer(
            r"(?<![\d—–~～至-])(20\d{2}|19\d{2})(?:年(?!\d{1,2}月(?:\d{1,2}日)?[,，])"
            r"|(?=\s*[-—–~～至]\s*(?:20|19)\d{2}年))",
            text,
        )
    ]
    # '2035年远景目标': a long-range vision's horizon is years ahead, never the meeting's year
    named = [(year, start, end) for year, start, end in named if not text.startswith("远景", end)]
    # '到2010年实现…比2005年降低20%': a target year ahead and a baseline behind, neither the meeting's
    named = [(year, start, end) for year, start, end in named if text[start - 1 : start] not in ("到", "比")]
    # a page stamp in day.month.year ('10.04.2015 19:26') names its year too
    named += [(int(m.group(1)), m.start(1), m.end(1)) for m in DOTTED_DATE_RE.finditer(text)]
    if not named:
        return None, ""
    # '听取了2025年1~7月全市…情况汇报' in August: the months reported on are this year's
    periods = [int(m.group(1)) for m in REPORTED_PERIOD_RE.finditer(text) if _period_ended(m, month)]
    if periods:
        return max(periods), f"据正文推断（会议听取{max(periods)}年已过去月份的情况）"
    latest = max(year for year, _, _ in named)
    spans = [(start, end) for year, start, end in named if year == latest]
    ahead = all(_planned(text, start, end, PLAN_AFTER_YEAR_RE) for start, end in spans)
    if month >= 7 and ahead:  # next year's plan or budget is drafted in the second half of the year
        return latest - 1, f"据正文推断（{latest}年只作为计划或预算出现，会议在此前一年的{month}月）"
    # '听取了2020年度安全生产总体情况…的汇报' in January: a year reported on as done is the one before
    if month <= 3 and all(REPORTED_YEAR_RE.match(text, end - 1) for _, end in spans):
        return latest + 1, f"据正文推断（{month}月的会议听取{latest}年度情况，会议在其后一年）"
    # '全面总结2024年工作…2025年拟为民办实事候选项目' in December: the year summed up is the meeting's
    summed_up = any(year == latest - 1 for year, _, _ in named)
    if month >= 10 and summed_up and any(_planned(text, s, e, DRAFTED_AFTER_YEAR_RE) for s, e in spans):
        return latest - 1, f"据正文推断（{month}月的会议总结{latest - 1}年、筹划{latest}年）"
    return latest, f"据正文中最晚出现的年份推断（{latest}年）"


PLAN_AFTER_YEAR_RE = re.compile(
    r"[^。；，,]{0,12}?(?:计划|预算|规划|草案|工作要点|目标|政府工作报告|拟|候选|谋划)"
)
DOTTED_DATE_RE = re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.((?:20|19)\d{2})(?![\d.])")
# '2025年1~7月' · '2024年上半年' · '2023年前三季度': months of a year reported on as past.
REPORTED_PERIOD_RE = re.compile(
    r"((?:20|19)\d{2})年(?:(?:1|一)\s*[~～至到—–-]\s*(?P<last>\d{1,2})月|(?P<half>上半年|前三季度|一季度))"
)


def _period_ended(found: re.Match[str], month: int) -> bool:
    """Whether a meeting in `month` comes after the period (a July meeting may hear January–June)."""
    last = (
        int(found.group("last"))
        if found.group("last")
        else {"一季度": 3, "上半年": 6, "前三季度": 9}[found.group("half")]
    )
    return last < month <= 12


# '2020年度…总体情况/完成情况/工作总结': a year whose work is reported on as done.
REPORTED_YEAR_RE = re.compile(
    r"年度[^。；，,]{0,16}?(?:总体情况|完成情况|执行情况|有关情况|工作情况|总结|考核|决算)"
)
# Words saying a year's list is still being drawn up (拟, 候选, 草案): next year's, in the last quarter.
DRAFTED_AFTER_YEAR_RE = re.compile(r"[^。；，,]{0,12}?(?:草案|拟|候选|征集)")
# '拟列入2013年度…重点建设项目': a year put forward for a list is a year still to come.
PROPOSED_BEFORE_YEAR_RE = re.compile(r"(?:拟列入|拟纳入|申报|谋划|明年即)$")


def _planned(text: str, start: int, end: int, after: re.Pattern[str]) -> bool:
    """Whether the year printed at text[start:end] is named as one still planned for."""
    return bool(after.match(text, end) or PROPOSED_BEFORE_YEAR_RE.search(text, 0, start))


def _parse_place(
    header: list[str],
    intro: str | None,
    doc_number: str | None,
    issuer: str | None,
    prepared: normalize.PreparedText,
    prov: dict[str, str],
) -> tuple[str | None, str | None]:
    """The issuing government, validated against the gazetteer: (name as cited, parent prefecture).

    Strongest evidence first: the issuer line or the portal's 来源/发布机构, a place written
    right before 政府 in the title or intro, the doc-number prefix, then the places of the
    meeting's own level (区/县/市) named in the text. Nothing found → None (a warning), never a guess.
    """
    gaz = places.gazetteer()
    text = prepared.cleaned_text
    for where, org in (("issuer header", issuer), ("portal 来源/发布机构", prepared.metadata.get("来源"))):
        if org and (found := _place_at_start(org, gaz)):
            prov["city"] = where
            return _cited_place(found, text, gaz)
    for line in [*header, intro or "", prepared.metadata.get("内容概述", "")]:
        if found := _place_before_government(line, gaz):
            prov["city"] = "title/intro (place before 政府)"
            return _cited_place(found, text, gaz)
    if found := _province_meeting(header, intro, gaz):
        prov["city"] = "title/intro (province-level government before 政府, chaired by its 省长/主席)"
        return found, None
    level = _meeting_level(header, intro)
    source_line = f"来源:{prepared.metadata['来源']}\n" if prepared.metadata.get("来源") else ""
    # 随州日报讯, or a portal's 来源:常山新闻网: the place's own paper reports its meeting
    if found := _place_of_newspaper(source_line + text, level, gaz):
        prov["city"] = f"newspaper name ({found}日报/新闻网)"
        return _cited_place([found], text, gaz)
    counts = _level_mentions(text, level, gaz)
    # '专题学习《深圳市委市政府关于…的报告》': a place named only in the title of a text the meeting
    # studied is another government's; the place the report names in its own words comes first
    untitled = _level_mentions(re.sub(r"《[^》]*》", "", text), level, gaz)
    found = _place_by_short_name(text, level) if counts and not untitled and level else None
    if found and places.jieba_flag(places.short_name(found)) == "ns":  # a place word, not 资源 ('resources')
        prov["city"] = (
            f"short name of a {level} named as a word in the text ({found}), no full name outside titles"
        )
        return _cited_place([found], text, gaz)
    if doc_number and (found := rules.DOC_NUMBER_RE.search(doc_number)) and found.group("prefix"):
        initial = found.group("prefix")[:1]
        named = [name for name, _ in counts.most_common() if name.startswith(initial)]
        if named:
            prov["city"] = f"doc number prefix {found.group('prefix')}"
            return _cited_place([named[0]], text, gaz)
    if counts:
        name, count = _most_named(counts, text, gaz)
        prov["city"] = f"place of the meeting's level named most often in the text ({count}×)"
        return _cited_place([name], text, gaz)
    if level and (found := _place_by_short_name(text, level)):
        prov["city"] = f"short name of a {level} named as a word in the text ({found})"
        return _cited_place([found], text, gaz)
    return None, None


def _level_mentions(text: str, level: str | None, gaz: places.Gazetteer) -> Counter:
    """Places of the meeting's level (or any county-level place) named in full, with their counts.

    A name the gazetteer only derives (合作区 for 合作市, after 撤市设区) counts only when no
    listed place of the level is named: '横琴粤澳深度合作区' three times is a cooperation zone
    beside the 斗门区 the report names once."""
    named = Counter(
        m.name
        for m in gaz.mentions(text)
        if _county_level(m.name, gaz)
        and not gaz.is_generic_word(m.name)
        and (level is None or m.name.endswith(level))
    )
    listed = Counter({name: n for name, n in named.items() if not gaz.is_derived(name)})
    return listed or named


# '结合邹城实际' · '立足建德实际' · '贡献株洲力量' · '要把吴江摆在…' · '推进安康高质量发展' ·
# '助力汉台高质量发展' · '符合肇东发展实际': phrases in which a report names the place it governs
SELF_REFERENCE_RE = re.compile(
    r"(?:结合|立足|契合|符合)(?P<a>[\u4e00-\u9fa5]{2,3}?)(?:发展)?实际|(?:展现|贡献|彰显)(?P<b>[\u4e00-\u9fa5]{2,3}?)(?:担当|力量)"
    r"|把(?P<c>[\u4e00-\u9fa5]{2,3}?)(?:摆在|放在)|(?:推进|推动|加快|助力)(?P<d>[\u4e00-\u9fa5]{2,3}?)高质量发展"
)
# '北京冬奥会' · '弘扬北京冬奥精神' · '杭州亚运会': a place that hosted an event the meeting speaks of
HOSTED_EVENT_RE = re.compile(r"[\u4e00-\u9fa5]{2,3}(?=冬奥|冬残奥|奥运|亚运|世博|进博会|广交会|峰会)")


def _place_by_short_name(text: str, level: str) -> str | None:
    """'三亚要紧紧围绕…' · '推动沈阳振兴发展' · '甘南州人大常委会': a meeting that names its place only
    by the short name, counted as a whole word ('长治久安' never reads as 长治): once when jieba tags it
    a place name and the meeting is a city's or prefecture's, else three times (short names such as
    港口 or 城关 are ordinary words in passing); one place named most often, never a tie."""
    import jieba

    by_short = places.places_by_short_name(level)
    # '北京冬奥会' names where an event was held, not the meeting's place
    text = HOSTED_EVENT_RE.sub("", text)
    shorts = [word.removesuffix(level) if len(word) > 2 else word for word in jieba.lcut(text)]
    counts = Counter(by_short[short][0] for short in shorts if len(by_short.get(short, [])) == 1)
    for found in SELF_REFERENCE_RE.finditer(text):  # '结合邹城实际': how a report names its own place
        short = found.group("a") or found.group("b") or found.group("c") or found.group("d")
        if len(by_short.get(short, [])) == 1:
            counts[by_short[short][0]] += 3
    ranked = [
        (name, n)
        for name, n in counts.most_common()
        # a place word to jieba ('ns') once, for a city; else three times: jieba tags many places as
        # nouns or names (信阳, 苍溪), and once is how 港口 or 王益 turn up in passing
        if n >= 3 or (level in ("市", "州", "盟") and places.jieba_flag(places.short_name(name)) == "ns")
    ]
    if not ranked or (len(ranked) >= 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _most_named(counts: Counter, text: str, gaz: places.Gazetteer) -> tuple[str, int]:
    """The place named most often; a county-level city of that prefecture wins when its short name
    occurs as often ('杭州市市长…赴建德市调研…立足建德实际…杭州市生态环境局建德分局': a county-level
    city's report names the prefecture above it, a prefecture's report names its counties in passing).
    A place whose own document the meeting reviews ('审议《霸州市…办法》') is the meeting's, however
    often the prefecture above it is named."""
    ranked = counts.most_common()
    for own, own_count in ranked:  # '审议并通过《霸州市鼓励企业…若干措施》': a meeting reviews its own drafts
        if re.search(rf"(?:审议|审定|讨论|通过|研究)[^《。；]{{0,6}}《{places.short_name(own)}", text):
            return own, own_count
    name, count = ranked[0]
    for other, other_count in ranked[1:]:
        if gaz.parent_of(other, text) == name:  # its own county-level city, named as often by short name
            if text.count(places.short_name(other)) >= text.count(places.short_name(name)):
                return other, other_count
    for city in places.county_level_cities(name):  # '结合汝州实际' beside '平顶山市人民政府办公室关于…'
        short = places.short_name(city)
        if places.jieba_flag(short) != "ns":
            continue
        # '全面贯彻…绥化市委精神…符合肇东发展实际': the report names its own city once, as its own
        if text.count(short) >= text.count(places.short_name(name)) or _names_itself(short, text):
            return city, text.count(short)
    return name, count


def _names_itself(short: str, text: str) -> bool:
    """True when the report names `short` as the place it governs ('符合肇东发展实际')."""
    return any(short in found.groups() for found in SELF_REFERENCE_RE.finditer(text))


# '随州日报讯' · '来源:沈阳日报' · '来源:闽侯乡音报' · '沈阳日报 2022年04月21日': the paper that printed
# the report; '主流日照讯 3月10日…' at a line's start: a city app's byline ('主流日照' prints 日照).
NEWSPAPER_RE = re.compile(
    r"(?P<place>[\u4e00-\u9fa5]{2,3})(?:日报|晚报|新闻网|融媒体中心|广播电视台)讯"
    r"|来源[:：]\s*(?P<source>[\u4e00-\u9fa5]{2,3})(?:日报|晚报|乡音报|[县市区]报|新闻网|网|融媒体中心)"
    r"|^\s*(?P<dated>[\u4e00-\u9fa5]{2,3})(?:日报|晚报)\s+\d{4}年"
    r"|第\s*\d+\s*版\s*[:：]\s*(?P<page>[\u4e00-\u9fa5]{2,3})新闻"  # '第05版:鹿邑新闻': its own page
    r"|^[^\n。，,]{0,6}?(?P<bare>[\u4e00-\u9fa5]{2,3})讯(?=\s|\d)",  # '主流日照讯 3月10日': an app's byline
    re.M,
)


def _place_of_newspaper(text: str, level: str | None, gaz: places.Gazetteer) -> str | None:
    """The place whose paper printed the report ('随州日报讯…'), as a division of the meeting's level."""
    for found in NEWSPAPER_RE.finditer(text):
        name = found.group("place") or found.group("source") or found.group("dated") or found.group("page")
        names = [name] if name else [found.group("bare"), found.group("bare")[1:]]  # '主流日照' → 日照
        for candidate in (n for short in names if len(short) >= 2 for n in (short + (level or ""), short)):
            if gaz.is_place(candidate) and _county_level(candidate, gaz) and not gaz.is_derived(candidate):
                return candidate  # 德州新闻网 on a county's report is the city's paper, not a 德州县
    return None


def _place_set_by_user(place: str, text: str) -> tuple[str, str | None]:
    """A place typed at ingest, cited like a parsed one when the gazetteer knows it (上海市宝山区 → parent 上海市)."""
    gaz = places.gazetteer()
    found = _place_at_start(place, gaz)
    if not found or not place.endswith(found[-1]):  # not a known division: cite it as typed,
        parts = TYPED_PLACE_RE.match(place)  # its own level apart ('楚雄州双柏县' → 双柏, in 楚雄州)
        return place, parts.group("parent") if parts else None
    return _cited_place(found, f"{place}\n{text}", gaz)


TYPED_PLACE_RE = re.compile(
    r"^(?P<parent>.{2,}?(?:自治州|州|市|盟|地区))(?P<own>[^州市]{2,}(?:县|区|旗|市)|[^市省]{2,}?自治[县旗])$"
)


def _known_place(place: str) -> bool:
    """True when the typed place ends with a division the gazetteer knows (上海市宝山区, 太仓市, 太仓)."""
    gaz = places.gazetteer()
    found = gaz.mentions(place)
    return bool(found) and found[-1].end == len(place)


def _county_level(name: str, gaz: places.Gazetteer) -> bool:
    return any(p.level != "province" for p in gaz.places(name))


def _place_at_start(org: str, gaz: places.Gazetteer) -> list[str] | None:
    """'攀枝花市东区人民政府办公室' → ['攀枝花市', '东区']: the run of places an organisation name opens with."""
    run, pos = [], 0
    for mention in gaz.mentions(org):
        if mention.start != pos:
            break
        run.append(mention.name)
        pos = mention.end
    run = [name for name in run if _county_level(name, gaz)]
    if run:
        return run
    unlisted = re.match(r"^([\u4e00-\u9fa5]{2,7}?)(?:人民政府|政府)", org)
    if not unlisted:
        return None
    # '欢迎访问通辽市人民政府!': a site's greeting before a listed place is no part of its name
    # (three characters or more before it: '禄丰县' is an unlisted county, not 禄 + 丰县)
    ending = [
        m.name for m in gaz.mentions(unlisted.group(1)) if m.end == len(unlisted.group(1)) and m.start >= 3
    ]
    if ending and _county_level(ending[-1], gaz):
        return ending[-1:]
    return [unlisted.group(1)] if places.plausible_unlisted_place(unlisted.group(1)) else None


def _place_before_government(line: str, gaz: places.Gazetteer) -> list[str] | None:
    """'无锡市滨湖区政府召开…', '上街区人民政府2022年第9次…' → the places written right before 政府."""
    for found in re.finditer(r"(?:人民)?政府", line):
        run: list[str] = []
        end = found.start()
        for mention in reversed(gaz.mentions(line[:end])):
            if mention.end != end:
                break
            run.insert(0, mention.name)
            end = mention.start
        run = [name for name in run if _county_level(name, gaz)]
        if run:
            return run
    return None


def _province_meeting(header: list[str], intro: str | None, gaz: places.Gazetteer) -> str | None:
    """'青海省政府党组会议和常务会议先后召开' over '省长吴晓军…主持召开': a province's own meeting.

    Taken only when the chair is the province's head (省长, 自治区主席, or the 市长 of a
    municipality), so a county that conveys its province's meeting is never filed under the province.
    """
    chaired = re.search(
        r"(?:省长|自治区主席|主席)[\u4e00-\u9fa5·]{2,10}?(?:先后)?主持|市长[^，。]{2,10}主持", intro or ""
    )
    if not chaired:
        return None
    for line in [*header, intro or ""]:
        for found in re.finditer(r"(?:人民)?政府", line):
            before = [m for m in gaz.mentions(line[: found.start()]) if m.end == found.start()]
            for mention in before:
                provinces = [p for p in gaz.places(mention.name) if p.level == "province"]
                if provinces and (not chaired.group(0).startswith("市长") or mention.name.endswith("市")):
                    return mention.name
    return _one_province_named(intro or "", chaired.group(0), gaz)


def _one_province_named(intro: str, chaired: str, gaz: places.Gazetteer) -> str | None:
    """'省长毛伟明主持召开省政府第50次常务会议…洞庭湖生态经济区(湖南)…': a province's head chairs 省政府's
    meeting and the opening names exactly one province, by any of its names ('草原云·内蒙古新闻网记者…
    自治区人民政府主席包钢主持召开': a region's own paper names it in the byline)."""
    own = (
        r"(?:^|[，,。、\s]|召开|主持)(?:省|自治区(?:人民)?)政府"  # '自治区人民政府主席…主持召开政府常务会议'
    )
    if chaired.startswith("市长") or not re.search(own, intro):
        return None
    named = {name for name in places.province_names() if name in intro or places.short_name(name) in intro}
    return named.pop() if len(named) == 1 else None


def _cited_place(run: list[str], text: str, gaz: places.Gazetteer) -> tuple[str, str | None]:
    """Name as cited and parent: a district keeps its city in front (攀枝花市东区), as offices write it."""
    name = run[-1]
    parent = run[-2] if len(run) >= 2 else gaz.parent_of(name, text)
    if len(run) >= 2 or (parent and name.endswith("区")):
        return (f"{parent}{name}" if parent else name), parent
    return name, parent


def _meeting_level(header: list[str], intro: str | None) -> str | None:
    chunk = "\n".join(header) + (intro or "")
    found = re.search(
        # 县政府党组暨… · 市二届人民政府 · 市十五届政府
        r"(市|区|县|旗|州|盟)(?:第?[一二三四五六七八九十]{1,3}届)?(?:人民)?政府(?:党组(?:[（(]扩大[)）])?(?:会议)?(?:暨|和|及))?"
        r"(?:第|[一二三四五六七八九十]+届|\d{4}年|常务|召开)",
        chunk,
    )
    return found.group(1) if found else None


# ------------------------------------------------------------------ attendance
def _header_value(header: list[str], pattern: re.Pattern[str]) -> re.Match[str] | None:
    for line in header:
        if found := pattern.match(line):
            return found
    return None


def _parse_attendance(raw_lines: list[str], stop_at_other_keys: bool = False) -> dict[str, list[str]]:
    """出席/列席 lists; names padded for alignment ('金  铭') are joined back ('金铭')."""
    groups: dict[str, list[str]] = {}
    role = None
    for raw in raw_lines:
        line = raw.replace("\t", " ").replace("\u3000", " ").strip()
        if not line:
            continue
        found = rules.ATTENDANCE_RE.match(line)
        if found:
            role = (found.group("who") or "") + re.sub(r"\s", "", found.group("role"))
            line = line[found.end() :]
        elif stop_at_other_keys and (
            rules.HEADER_KEY_RE.match(line) or re.match(r"^[\u4e00-\u9fa5]{2,8}[:：]", line) or "主持" in line
        ):
            role = None  # '会议议定事项:' or the opening: the list has ended
        elif role and (group := rules.attendance_group(role)) and line.startswith(group):
            role = None  # '公众代表意见…' after '公众代表列席情况:': the group's next heading, not a member
        if role is None:
            continue
        for key, entries in _attendance_entries(role, line):
            groups.setdefault(key, []).extend(entries)
    return groups


# What a list adds after a name: '褚洪昌(政协副主席)' · '李辉(媒体代表)列席部分议题'.
NAME_NOTE_RE = re.compile(r"[（(][^）)]{1,12}[）)]|(?:列席|出席|参加)[\u4e00-\u9fa5]{0,6}(?=$|[，,、；;。])")


def _attendance_entries(role: str, line: str) -> list[tuple[str, list[str]]]:
    named = NAME_NOTE_RE.sub("", line)
    tokens = [t.strip("。.") for t in re.split(r"[，,、；;]|\s+", named) if t.strip("。.")]
    if not tokens:  # '列席人员:' with the names on later lines, or none: no group of nobody
        return []
    if all(len(t) <= 4 for t in tokens):
        if not re.search(r"[，,、；;]", named):
            tokens = _join_padded_names(re.split(r"\s{2,}|\t", named.strip()), named)
        return [(role, tokens)]
    units = [t.strip().strip("。") for t in re.split(r"[，,；;]", line) if t.strip().strip("。")]
    return [(f"{role}单位", units)]


def _join_padded_names(parts: list[str], line: str) -> list[str]:
    parts = [p.strip() for p in parts if p.strip()]
    if len(parts) == 1:
        parts = line.split()
    names: list[str] = []
    pending = ""
    for part in parts:
        if len(part) == 1:
            if pending:
                names.append(pending + part)
                pending = ""
            else:
                pending = part
        else:
            if pending:
                names.append(pending)
                pending = ""
            names.append(part)
    if pending:
        names.append(pending)
    return names
