"""Parse the text of one standing-meeting minute into a `Meeting` with its agenda items.

The layout of real minutes varies by city and year (numbering styles, header
blocks, missing years, inline headings); the rules live in `rules.py` and this
module only applies them in order: header → intro → attendance/footer → items →
item fields. Every inferred field records where it came from in `provenance`.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from . import rules
from .models import AgendaItem, Meeting, Reporter


@dataclass
class _Label:
    line: int  # index into lines
    style: str
    family: str
    number: int
    label: str
    rest: str


def parse_meeting(text: str, source: str = "") -> Meeting:
    """Parse minutes text. Never raises on odd layouts: unknown parts become warnings."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [rules.clean_line(line) for line in raw_lines]
    warnings: list[str] = []
    provenance: dict[str, str] = {}

    intro_idx = _find_intro(lines)
    end_idx, attendance_idx = _find_body_end(lines, intro_idx)
    body_start = (intro_idx + 1) if intro_idx is not None else 0
    labels = _find_item_labels(lines, body_start, end_idx)
    if intro_idx is None and labels:
        header_end = labels[0].line
    else:
        header_end = intro_idx if intro_idx is not None else 0
    header_lines = [ln for ln in lines[:header_end] if ln]
    intro_text = lines[intro_idx] if intro_idx is not None else None

    items, trailing = _build_items(lines, labels, end_idx)
    if not labels:
        warnings.append("未识别到编号议题：全文作为会议概况（议题0）收录，可检索但无法按议题引用")
    if intro_idx is None:
        warnings.append("未找到会议开头段（如“××主持召开市政府第×次常务会议”）")

    tail_lines = [ln for ln in lines[end_idx:] if ln]
    attendance = _parse_attendance(raw_lines[attendance_idx:]) if attendance_idx is not None else {}
    if not attendance and labels:  # 出席/列席 given in a header block before the items
        attendance = _parse_attendance(raw_lines[:labels[0].line], stop_at_other_keys=True)
    attendance_text = "\n".join(tail_lines) if tail_lines else None

    meta_text = "\n".join(filter(None, [*header_lines, intro_text or ""]))
    doc_number, issuer, issue_date = _parse_header(header_lines, tail_lines, provenance)
    meeting_no, term = _parse_meeting_number(header_lines, intro_text, text, provenance)
    chair, chair_title = _parse_chair(intro_text or meta_text)
    if chair:
        provenance["chair"] = "intro"
    elif (found := _header_value(header_lines, rules.HEADER_CHAIR_RE)):
        chair, chair_title = found.group("name"), found.group("title")
        provenance["chair"] = "header 主持 line"
    when_line = _header_value(header_lines, rules.HEADER_TIME_RE)
    date_source = intro_text or (when_line.group(0) if when_line else meta_text)
    date, date_as_written = _parse_date(date_source, doc_number, issue_date, text, provenance, warnings)
    city_full = _parse_city(header_lines, intro_text, doc_number, issuer, text, provenance)
    city = _short_city(city_full)
    for name, value in (("city", city), ("meeting", meeting_no), ("date", date)):
        if value is None:
            warnings.append(f"未能识别字段 {name}")
    if not body_text_present(lines):
        warnings.append("文件没有可识别的正文")

    item0_text = "\n".join(filter(None, [*header_lines, intro_text or "", *trailing, attendance_text or ""]))
    if not labels:
        item0_text = "\n".join(ln for ln in lines if ln)
    item0 = AgendaItem(
        item=0, label="", heading="会议概况", verb=None, document_titles=_titles(intro_text or ""),
        reporters=[], decisions=[], routing=[], text=item0_text, line=None, end_line=None,
    )
    return Meeting(
        source=source, city=city, city_full=city_full, meeting=meeting_no, date=date,
        date_as_written=date_as_written, chair=chair, chair_title=chair_title, doc_number=doc_number,
        issuer=issuer, issue_date=issue_date, intro_text=intro_text, header_lines=header_lines,
        trailing=trailing, attendance=attendance, attendance_text=attendance_text,
        items=[item0, *items], provenance=provenance, warnings=warnings, term=term,
    )


def body_text_present(lines: list[str]) -> bool:
    return sum(len(ln) for ln in lines) > 0


# ------------------------------------------------------------------ layout
def _find_intro(lines: list[str]) -> int | None:
    """The opening paragraph: '…主持召开市政府第N次常务会议…纪要如下'."""
    for idx, line in enumerate(lines):
        if rules.INTRO_RE.search(line) and not _match_label(line) and not rules.TITLE_RE.fullmatch(line):
            if len(line) > 12:
                return idx
    return None


def _find_body_end(lines: list[str], intro_idx: int | None) -> tuple[int, int | None]:
    """Index where the items end: the attendance list or a document footer after the first item.

    Some minutes list 时间/地点/主持/出席 in a header block before the items; an
    attendance line there belongs to the header and must not end the body.
    """
    start = (intro_idx + 1) if intro_idx is not None else 0
    first_label = next((i for i in range(start, len(lines)) if _match_label(lines[i])), None)
    if first_label is not None:
        start = first_label
    for idx in range(start, len(lines)):
        if rules.ATTENDANCE_RE.match(lines[idx]):
            return idx, idx
        if rules.FOOTER_RE.search(lines[idx]) and idx > start:
            return idx, None
    return len(lines), None


def _match_label(line: str) -> _Label | None:
    for style, family, pattern in rules.LABEL_STYLES:
        found = pattern.match(line)
        if found:
            number = rules.numeral_to_int(found.group("num"))
            rest = line[found.end():].strip()
            if number is None or not rest:
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
    for family in rules.FAMILY_PREFERENCE:
        candidates = by_family.get(family, [])
        sequence = _clean_sequence(candidates)
        if sequence:
            return sequence
    for family in rules.FAMILY_PREFERENCE:  # no clean family: best effort on the first present
        if by_family.get(family):
            return _greedy_sequence(by_family[family])
    return []


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
def _build_items(lines: list[str], labels: list[_Label], end_idx: int) -> tuple[list[AgendaItem], list[str]]:
    items: list[AgendaItem] = []
    trailing: list[str] = []
    for pos, label in enumerate(labels):
        stop = labels[pos + 1].line if pos + 1 < len(labels) else end_idx
        body = lines[label.line + 1:stop]
        if pos + 1 == len(labels):
            body, trailing = _split_trailing(body)
        last = label.line + 1 + len(body)  # 1-based, inclusive: blank lines up to the next item belong to it
        items.append(_make_item(len(items) + 1, label, [ln for ln in body if ln], label.line + 1, last))
    return items, trailing


def _split_trailing(body: list[str]) -> tuple[list[str], list[str]]:
    """'会议还学习了…' lines after the last item belong to the meeting, not to that item."""
    for idx, line in enumerate(body):
        if rules.TRAILING_RE.match(line):
            return body[:idx], [ln for ln in body[idx:] if ln]
    return body, []


def _make_item(number: int, label: _Label, body: list[str], line: int, end_line: int) -> AgendaItem:
    heading, first_body = _split_heading(label.rest)
    if first_body:
        body = [first_body, *body]
    body_text = "\n".join(body)
    verb = _verb(heading)
    reporters = _reporters(f"{heading}\n{body_text}")
    decisions = _decisions(body_text)
    return AgendaItem(
        item=number, label=label.label, heading=heading, verb=verb,
        document_titles=_titles(heading), reporters=reporters, decisions=decisions,
        routing=_routing(decisions), text="\n".join([f"{label.label}{label.rest}", *body]).strip(),
        line=line, end_line=end_line,
    )


def _split_heading(rest: str) -> tuple[str, str]:
    """Split an inline heading ('会议审议了《…》。会议原则同意…') from the text that follows it."""
    depth = 0
    for pos, ch in enumerate(rest):
        if ch == "《":
            depth += 1
        elif ch == "》":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in "。：:" and len(rest) - pos - 1 >= 8:
            return rest[:pos].strip(), rest[pos + 1:].strip()
    return rest.rstrip("。").strip(), ""


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
        who = found.group("who").strip()
        official = rules.OFFICIAL_RE.match(who)
        if official and official.group("org"):
            return [Reporter(official.group("org"), official.group("title"), official.group("person"), "汇报", who)]
        return [Reporter(who, None, None, "汇报", who)]
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
    return [s for s in _sentences(body) if rules.DECISION_RE.match(s) or rules.DECISION_ANYWHERE_RE.search(s)]


def _routing(decisions: list[str]) -> list[str]:
    out: list[str] = []
    for sentence in decisions:
        for pattern in rules.ROUTING_RES:
            for found in pattern.finditer(sentence):
                if found.group(0) not in out:
                    out.append(found.group(0))
    return out


# ------------------------------------------------------------------ meeting fields
def _parse_header(header: list[str], tail: list[str], prov: dict[str, str]) -> tuple[str | None, str | None, str | None]:
    doc_number = issuer = issue_date = None
    for line in header:
        if doc_number is None and (found := rules.DOC_NUMBER_RE.search(line)):
            doc_number, prov["doc_number"] = re.sub(r"\s+", "", found.group("num")), "header"
        elif doc_number is None and (serial := rules.SERIAL_NUMBER_RE.match(line.replace(" ", ""))):
            doc_number, prov["doc_number"] = serial.group("num").replace(" ", ""), "header serial"
        if (org := rules.ISSUER_RE.match(line)) and (issuer is None or org.group("org").endswith(("办公室", "办公厅"))):
            issuer, prov["issuer"] = org.group("org"), "header"
            if (when := rules.DATE_RE.search(line)) and when.group("y"):
                issue_date, prov["issue_date"] = _iso(when), "header issuer line"
    if issue_date is None:
        for line in header + tail:
            if (when := rules.DATE_RE.search(line)) and when.group("y") and len(line) <= 40 and "主持" not in line:
                issue_date, prov["issue_date"] = _iso(when), "header/footer date line"
                break
    return doc_number, issuer, issue_date


def _parse_meeting_number(header: list[str], intro: str | None, text: str, prov: dict[str, str]) -> tuple[int | None, str | None]:
    for where, chunk in (("title", "\n".join(header)), ("intro", intro or ""), ("text", text[:3000])):
        found = rules.MEETING_NUMBER_RE.search(chunk)
        if found:
            prov["meeting"] = where
            return rules.numeral_to_int(found.group("num")), found.group("term")
    return None, None


def _parse_chair(intro: str) -> tuple[str | None, str | None]:
    cleaned = rules.DATE_RE.sub("，", intro)
    for pattern in (rules.CHAIR_NAME_FIRST_RE, rules.CHAIR_TITLE_FIRST_RE):
        found = pattern.search(cleaned)
        if found:
            return found.group("name"), found.group("title")
    return None, None


def _iso(found: re.Match[str], year: int | None = None) -> str:
    y = year if year is not None else rules.numeral_to_int(found.group("y"))
    m, d = rules.numeral_to_int(found.group("m")), rules.numeral_to_int(found.group("d"))
    return f"{y:04d}-{m:02d}-{d:02d}"


def _parse_date(intro: str, doc_number: str | None, issue_date: str | None, text: str,
                prov: dict[str, str], warnings: list[str]) -> tuple[str | None, str | None]:
    found = rules.DATE_RE.search(intro)
    if not found:
        return None, None
    written = found.group(0)
    if found.group("y"):
        prov["date"] = "intro (full date)"
        return _iso(found), written
    month = rules.numeral_to_int(found.group("m")) or 0
    year, how = _infer_year(month, doc_number, issue_date, text)
    if year is None:
        warnings.append(f"会议日期“{written}”未写年份，且无法推断")
        return None, written
    prov["date"] = f"intro month/day; year {year} {how}"
    warnings.append(f"会议日期“{written}”未写年份：{year}年{how}")
    return _iso(found, year), written


def _infer_year(month: int, doc_number: str | None, issue_date: str | None, text: str) -> tuple[int | None, str]:
    if doc_number and (found := rules.DOC_NUMBER_RE.search(doc_number)):
        return int(found.group("year")), f"取自文号{doc_number}"
    if issue_date:
        year, issue_month = int(issue_date[:4]), int(issue_date[5:7])
        return (year if issue_month >= month else year - 1), "取自印发日期"
    years = Counter(int(y) for y in re.findall(r"(?<!\d)(20\d{2}|19\d{2})年", text))
    if years:
        year, count = years.most_common(1)[0]
        return year, f"据正文中最常出现的年份推断（{year}年出现{count}次）"
    return None, ""


def _parse_city(header: list[str], intro: str | None, doc_number: str | None, issuer: str | None,
                text: str, prov: dict[str, str]) -> str | None:
    if issuer:
        units = [u for u in rules.ADMIN_UNIT_RE.findall(issuer.replace("人民政府", "").replace("办公室", ""))
                 if not u.endswith(("省", "自治区"))]
        if units:
            prov["city"] = "issuer header"
            return units[-1]
    level = _meeting_level(header, intro)
    candidates = _city_candidates(text, level)
    if doc_number and (found := rules.DOC_NUMBER_RE.search(doc_number)):
        initial = found.group("prefix")[:1]
        for name in candidates if initial else []:
            if name.startswith(initial):
                prov["city"] = f"doc number prefix {found.group('prefix')}"
                return name
    if candidates:
        prov["city"] = "most frequent place name in document titles"
        return candidates[0]
    return None


def _meeting_level(header: list[str], intro: str | None) -> str | None:
    chunk = "\n".join(header) + (intro or "")
    found = re.search(r"(市|区|县)(?:人民)?政府(?:第|[一二三四五六七八九十]+届|常务)", chunk)
    return found.group(1) if found else None


def _city_candidates(text: str, level: str | None) -> list[str]:
    names: set[str] = set()
    for pattern in (rules.CITY_IN_TITLE_RE, rules.CITY_BEFORE_GOV_RE):
        for found in pattern.finditer(text):
            name = found.group("name")
            if name.startswith(rules.CITY_STOP_PREFIXES) or (level and found.group("suffix") != level):
                continue
            names.add(name + found.group("suffix"))
    return sorted(names, key=lambda n: (-text.count(n[:-1]), n))


def _short_city(city_full: str | None) -> str | None:
    if not city_full:
        return None
    for suffix in rules.ADMIN_SUFFIXES:
        if city_full.endswith(suffix) and len(city_full) - len(suffix) >= 2:
            return city_full[: -len(suffix)]
    return city_full


# ------------------------------------------------------------------ attendance
def _header_value(header: list[str], pattern: re.Pattern[str]) -> re.Match[str] | None:
    for line in header:
        if (found := pattern.match(line)):
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
            role = found.group("role").replace("人员", "")
            line = line[found.end():]
        elif stop_at_other_keys and rules.HEADER_KEY_RE.match(line):
            role = None
        if role is None:
            continue
        for key, entries in _attendance_entries(role, line):
            groups.setdefault(key, []).extend(entries)
    return groups


def _attendance_entries(role: str, line: str) -> list[tuple[str, list[str]]]:
    tokens = [t.strip("。.") for t in re.split(r"[，,、；;]|\s+", line) if t.strip("。.")]
    if tokens and all(len(t) <= 4 for t in tokens):
        if not re.search(r"[，,、；;]", line):
            tokens = _join_padded_names(re.split(r"\s{2,}|\t", line.strip()), line)
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
