"""Pages that report several standing meetings: a press digest ('2014年12月22日,…主持召开市政府第64次常务
会议。… 2014年12月30日,…主持召开市政府第65次常务会议。…'), a county paper's '又讯', a portal's list of
meeting summaries. Each meeting is cut out as a text of its own, so that it is parsed, cited and found by
its own number and date instead of being read as items of the first one.
"""

from __future__ import annotations

import re

from . import rules
from .normalize import to_simplified

# A line that opens a meeting's report: a short lead-in ('又讯', '会议摘要:'), its date, then who chaired
# which standing meeting — a date first, so that '会议传达学习了市政府第163次常务会议精神' never counts.
MEETING_OPENING_RE = re.compile(
    r"^[^。\n]{0,30}?"  # '又讯 ' · '会议摘要:' · '本报讯(记者 …)'
    r"(?<![\d年月])(?P<date>(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日)[^。\n]{0,80}?主持召开[^。\n]{0,60}?常务会"
)
NUMBER_RE = re.compile(r"第\s*([0-9一二三四五六七八九十百零〇两]+)\s*次")


def split_meetings(text: str) -> list[str]:
    """The text cut before each line that opens another meeting (another date or number): one text per
    meeting. The page's header (its title, the paper's name, the press conference) comes before each, as
    it tells every meeting's place; a page reporting one meeting comes back whole."""
    lines = text.split("\n")
    openings = [(pos, key) for pos, line in enumerate(lines) if (key := _meeting_key(line))]
    cuts = [
        pos
        for n, (pos, key) in enumerate(openings)
        if n and not any(_same_meeting(key, earlier) for _, earlier in openings[:n])
    ]
    if not cuts:
        return [text]
    header = lines[: openings[0][0]]
    cuts = [_with_own_header(lines, cut) for cut in cuts]
    bounds = [0, *cuts, len(lines)]
    return [
        "\n".join(lines[a:b] if a == 0 else [*header, *lines[a:b]]).strip("\n")
        for a, b in zip(bounds, bounds[1:])
    ]


def _same_meeting(key: tuple[str, int | None], other: tuple[str, int | None]) -> bool:
    """Same date, and no two different numbers: a page's later '4月3日,…长…主持召开政府常务会议,邀请公众
    代表…' (its 意见采纳 section) reports the meeting its first opening did."""
    return key[0] == other[0] and (key[1] is None or other[1] is None or key[1] == other[1])


def _meeting_key(line: str) -> tuple[str, int | None] | None:
    """(date as written, meeting number) of a line opening a meeting's report, None for any other line."""
    found = MEETING_OPENING_RE.match(to_simplified(line))
    if not found:
        return None
    number = NUMBER_RE.search(line[found.start("date") : found.end() + 12])
    date = re.sub(r"\s", "", found.group("date"))
    return date, rules.numeral_to_int(number.group(1)) if number else None


def _with_own_header(lines: list[str], cut: int) -> int:
    """A list page prints each meeting's own short lines above its summary ('2023/01/10' '会议地点:…'):
    the cut moves up over them, so that they go with that meeting, not the one before."""
    while cut > 1 and lines[cut - 1].strip() and len(lines[cut - 1]) <= 60 and "。" not in lines[cut - 1]:
        cut -= 1
    return cut
