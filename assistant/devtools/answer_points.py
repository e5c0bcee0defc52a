"""Does the answer text state what was asked? Answer points matched tolerantly against answer lines.

A gold question lists `answer_points`: the facts a correct answer states
(`市水利局局长徐彬`, `2021年8月20日`, `提交市委常委会讨论`). A point counts as stated by a
line when, after both are put in one form (simplified script, ISO dates and MM-DD as 年月日, no
punctuation, spaces or [n] markers, lower case), the point is inside the line or at least
`MIN_BIGRAM_SHARE` of the point's character bigrams occur in it — the character n-gram
overlap that ROUGE-2 (Lin, 2004) uses, read as recall over the point. An English point may
carry the Chinese original in brackets (`acting mayor Hu Weijiang (胡卫江代市长)`); either
side stating it counts, since answers quote the minutes in Chinese.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..answering.sentences import bigrams
from ..ingest.normalize import to_simplified

MIN_BIGRAM_SHARE = 0.6
LEAD_LINES = 1
TOP_LINES = 3
BRACKETS_RE = re.compile(r"[（(]([^（）()]*)[）)]")
MARKER_RE = re.compile(r"\[\d{1,2}\]")
ISO_DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
MONTH_DAY_RE = re.compile(r"(?<![\d-])(\d{2})-(\d{2})(?![\d-])")  # 11-09, a date whose year is unknown
NOISE_RE = re.compile(r"[\s\W_]+", re.UNICODE)


@dataclass(frozen=True)
class PointCoverage:
    """Shares of a question's answer points stated in the lead, the first three lines, anywhere."""

    lead: float
    top3: float
    anywhere: float
    repeated: bool
    chars: int
    lines: int


def normalise(text: str) -> str:
    text = MARKER_RE.sub("", to_simplified(text))
    text = ISO_DATE_RE.sub(lambda m: f"{int(m[1])}年{int(m[2])}月{int(m[3])}日", text)
    text = MONTH_DAY_RE.sub(lambda m: f"{int(m[1])}月{int(m[2])}日", text)
    return NOISE_RE.sub("", text).lower()


def alternatives(point: str) -> list[str]:
    """The point as written, without its bracketed part, and the bracketed part alone."""
    inside = [m.group(1) for m in BRACKETS_RE.finditer(point)]
    outside = BRACKETS_RE.sub("", point)
    return [a for a in (normalise(p) for p in (point, outside, *inside)) if a]


def states(point: str, line: str) -> bool:
    line = normalise(line)
    for alt in alternatives(point):
        if alt in line:
            return True
        wanted = bigrams(alt)
        if len(alt) >= 4 and len(wanted & bigrams(line)) / len(wanted) >= MIN_BIGRAM_SHARE:
            return True
    return False


def share_stated(points: list[str], lines: list[str]) -> float:
    if not points:
        return 0.0
    return sum(1 for p in points if any(states(p, line) for line in lines)) / len(points)


CITED_RE = re.compile(r"\[(\d+)\]")


def repeats(lines: list[str]) -> bool:
    """Two lines saying the same thing: one inside the other, or most bigrams shared (≥ 0.8).

    Lines that cite only different items ([1] vs [2]) state different items' facts, even in the same
    formula (原则同意该《意见》，会后由市城管局… / …由市应急局…): they are not compared."""
    bodies = [(normalise(line.lstrip("· ")), set(CITED_RE.findall(line))) for line in lines]
    bodies = [(b, cited) for b, cited in bodies if len(b) >= 6]
    for i, (first, cites_first) in enumerate(bodies):
        for second, cites_second in bodies[i + 1 :]:
            if cites_first and cites_second and not cites_first & cites_second:
                continue
            short, long = sorted((first, second), key=len)
            if short in long or len(bigrams(short) & bigrams(long)) / len(bigrams(short)) >= 0.8:
                return True
    return False


def coverage(points: list[str], lines: list[str]) -> PointCoverage:
    """Lines are the answer after any notices, lead first."""
    return PointCoverage(
        lead=share_stated(points, lines[:LEAD_LINES]),
        top3=share_stated(points, lines[:TOP_LINES]),
        anywhere=share_stated(points, lines),
        repeated=repeats(lines),
        chars=sum(len(line) for line in lines),
        lines=len(lines),
    )
