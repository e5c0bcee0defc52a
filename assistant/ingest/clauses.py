"""News reports of a meeting: the agenda items hidden inside one paragraph.

Most governments publish a standing meeting as a short news report, not as numbered minutes:
`会议传达学习了…；听取了…的汇报，审议了《A》《B》。会议强调…`. Each 传达学习/听取/审议/研究/通过
clause that names a topic, and each document of a `《A》、《B》、关于…的请示` list, is an agenda item;
the remarks after them (会议指出/强调/要求, or the chair's) belong to the clause they share the most
topic words with. Pure functions over one sentence; the parser decides where they apply.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from . import rules


@dataclass(frozen=True)
class Clause:
    """One agenda item named inside a sentence: its heading ('审议《A》') and its words as printed."""

    heading: str
    text: str


def agenda_clauses(sentence: str) -> list[Clause]:
    """The agenda clauses of a topic sentence, each with its verb; one clause when it holds one.

    `text` is always a verbatim span of the sentence (the separators between clauses dropped), so
    every printed word stays in exactly one item.
    """
    sentence = sentence.strip().rstrip("。")
    spans = _spans(sentence, rules.CLAUSE_BREAK_RE)
    merged: list[tuple[int, int]] = []
    for begin, end in spans:
        piece = sentence[begin:end]
        start = rules.CLAUSE_START_RE.match(piece)  # '^' never matches at a pos > 0: match the piece
        topic = piece[start.end() :] if start else piece
        if merged and (not start or rules.GENERIC_OBJECT_RE.match(topic)):
            merged[-1] = (merged[-1][0], end)  # '研究部署下一步工作' adds nothing new
        else:
            merged.append((begin, end))
    return [doc for begin, end in merged for doc in _documents(sentence[begin:end])]


def _spans(text: str, breaks) -> list[tuple[int, int]]:
    """(begin, end) of the non-empty pieces of `text` between matches of `breaks`."""
    cuts = [0]
    for found in breaks.finditer(text):
        cuts += [found.start(), found.end()]
    cuts.append(len(text))
    pieces = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2)]
    return [(b, e) for b, e in pieces if text[b:e].strip()]


def _documents(clause: str) -> list[Clause]:
    """'讨论通过了《A》、《B》以及关于C的请示' → one clause per document, each heading with the verb."""
    start = rules.CLAUSE_START_RE.match(clause)
    whole = [Clause(clause.strip(), clause.strip())]
    if not start:
        return whole
    spans = _spans(clause, rules.DOCUMENT_LIST_BREAK_RE)
    spans = [(max(b, start.end()) if i == 0 else b, e) for i, (b, e) in enumerate(spans)]
    parts = [clause[b:e].strip() for b, e in spans]
    if len(parts) < 2 or not all(rules.DOCUMENT_PART_RE.match(p) for p in parts):
        return whole
    verb = start.group("verb")
    texts = [clause[: spans[0][1]].strip(), *parts[1:]]
    return [Clause(f"{verb}{part}", text) for part, text in zip(parts, texts)]


def owner_of_remark(remark: str, clauses: list[Clause], previous: int) -> int:
    """The clause a remark is about: the most topic bigrams shared, relative to the clause's length
    (a short specific clause that shares '灌区' beats a long one that shares '计划'); with nothing
    shared, the clause the remark before it was about."""
    said = _bigrams(remark)
    scores = []
    for clause in clauses:
        own = _bigrams(clause.heading)
        scores.append(len(said & own) / math.sqrt(len(own) or 1))
    best = max(range(len(clauses)), key=lambda i: (scores[i], i == previous))
    return best if scores[best] > 0 else previous


def _bigrams(text: str) -> set[str]:
    """Character bigrams of the Chinese runs, less the words every clause and remark share."""
    core = "".join(ch if "\u4e00" <= ch <= "\u9fff" or ch.isalnum() else " " for ch in text)
    grams = {a + b for run in core.split() for a, b in zip(run, run[1:])}
    return grams - COMMON_BIGRAMS


COMMON_BIGRAMS = {
    "会议",
    "工作",
    "传达",
    "学习",
    "听取",
    "审议",
    "研究",
    "讨论",
    "精神",
    "要求",
    "强调",
    "指出",
}
