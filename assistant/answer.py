"""Extractive answers: sentences from the retrieved items, each followed by its citation marker.

No claim without a citation: every sentence in the answer is copied from a
cited item (or computed from a cited meeting's parsed header, e.g. its date).
Answerability is decided at the answer level — does any retrieved item
actually state the kind of fact asked for? — because on this corpus no
retrieval-score threshold separates near-miss questions from answerable ones.
A generator (LLM) can later replace `compose` behind the same `Answer` type.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from . import rules
from .config import Config
from .models import Meeting, chinese_item_label
from .answerability import judge
from .query import QueryIntent, content_terms
from .retrieval import ItemHit, RetrievalResult, Retriever


@dataclass
class Citation:
    n: int
    hit: ItemHit

    def to_dict(self) -> dict:
        data = self.hit.to_dict()
        data.update({"n": self.n, "label": self.hit.citation,
                     "item_text": self.hit.item.text_as_written or self.hit.item.text,  # as published
                     "reporters": [r.as_written for r in self.hit.item.reporters],
                     "decisions": self.hit.item.decisions})
        return data


@dataclass
class Answer:
    question: str
    answer: str
    answerable: bool
    citations: list[Citation]
    hits: list[ItemHit]
    interpreted: list[str] = field(default_factory=list)
    reason: str = ""

    def to_dict(self) -> dict:
        return {
            "question": self.question, "answer": self.answer, "answerable": self.answerable,
            "reason": self.reason, "interpreted_filters": self.interpreted,
            "citations": [c.to_dict() for c in self.citations],
            "hits": [h.to_dict() for h in self.hits],
        }


def answer_question(retriever: Retriever, config: Config, question: str, k: int | None = None,
                    filters=None, mode: str = "hybrid") -> Answer:
    result = retriever.search(question, k=k, filters=filters, mode=mode)
    return compose(result, retriever, config)


def compose(result: RetrievalResult, retriever: Retriever, config: Config) -> Answer:
    intent = result.intent
    interpreted = intent.describe()
    if not result.hits:
        if result.matched_meetings == 0 or intent.unknown_places:
            why = explain_no_meeting(intent, list(retriever.meetings.values()))
            answer = _not_found(result, config, interpreted, why)
            answer.answer = f"{why}\n{answer.answer}"
            return answer
        return _not_found(result, config, interpreted, "没有找到相关议题")
    verdict = judge(result, retriever)
    if not verdict.answerable:
        if verdict.clarify:
            return Answer(result.question, verdict.reason, False, [], [], interpreted, verdict.reason)
        return _not_found(result, config, interpreted, verdict.reason)
    if intent.meeting_level and result.hits[0].item.item == 0:
        text, cited = _meeting_answer(result)
    elif result.structured and intent.wants_list:
        text, cited = _list_answer(result)
    else:
        text, cited = _extractive_answer(result, retriever, config)
    if intent.unknown_places:  # only minutes that never name their place could match: say so first
        text = (f"已收录的纪要中没有写明〔{'、'.join(intent.unknown_places)}〕的常务会议；"
                f"以下内容来自未写明地区的纪要，请核对来源。\n{text}")
    citations = [Citation(n, hit) for n, hit in enumerate(cited, 1)]
    return Answer(result.question, text, True, citations, result.hits, interpreted)


def _not_found(result: RetrievalResult, config: Config, interpreted: list[str], reason: str) -> Answer:
    text = config.answer.not_found_message + (f"{reason}。" if reason and not reason.startswith("没有") else "")
    if result.hits:
        nearest = "；".join(f"{h.citation}{h.item.heading}" for h in result.hits[:3])
        text += f"\n最接近的内容：{nearest}"
    return Answer(result.question, text, False, [], result.hits, interpreted, reason)


def explain_no_meeting(intent: QueryIntent, meetings: list[Meeting]) -> str:
    """Why no minute matches the places, meeting number or dates the question names, and what the index holds.

    e.g. 〔太仓〕没有第68次常务会议的纪要；已收录：第59、60、63次。
    """
    held_places = sorted({m.city for m in meetings if m.city})
    if intent.unknown_places:
        return (f"已收录的纪要中没有〔{'、'.join(intent.unknown_places)}〕的常务会议；"
                f"已收录的地区：{'、'.join(held_places)}。")
    scope = [m for m in meetings if not intent.cities or m.city in intent.cities]
    where = f"〔{'、'.join(intent.cities)}〕" if intent.cities else "已收录的纪要中"
    if intent.meeting is not None:
        numbers = sorted({m.meeting for m in scope if m.meeting is not None})
        held = "、".join(str(n) for n in numbers)
        return f"{where}没有第{intent.meeting}次常务会议的纪要；已收录：第{held}次。" if numbers else \
            f"{where}没有第{intent.meeting}次常务会议的纪要。"
    if intent.date_from or intent.date_to:
        dates = sorted(m.date for m in scope if m.date)
        span = f"已收录的会议日期为{dates[0]}至{dates[-1]}" if dates else "已收录的会议都没有可识别的日期"
        return f"{where}没有{intent.date_from or '…'}至{intent.date_to or '…'}之间召开的常务会议；{span}。"
    return "没有符合条件的会议"


def _meeting_answer(result: RetrievalResult) -> tuple[str, list[ItemHit]]:
    """Who chaired, when, attendance, doc number, days to issue: from the parsed header, cited as item 0."""
    hit = result.hits[0]
    m, intent = hit.meeting, result.intent
    facts = [f"{m.label}于{_date_words(m)}召开，由{m.chair or '（未写明）'}{m.chair_title or ''}主持"]
    if m.doc_number:
        facts.append(f"纪要编号{m.doc_number}")
    if m.issue_date:
        facts.append(f"{m.issuer or ''}于{m.issue_date}印发")
    lines = ["，".join(facts) + "。[1]"]
    if intent.asks_days and m.date and m.issue_date:
        days = (date.fromisoformat(m.issue_date) - date.fromisoformat(m.date)).days
        lines.append(f"会议召开（{m.date}）后{days}天印发纪要（{m.issue_date}）。[1]")
    if re.search(r"出席|列席|参会|attend", intent.text, re.I):
        for role, names in m.attendance.items():
            lines.append(f"{role}：{'、'.join(names)}。[1]")
    if m.trailing and re.search(r"还|之外|其他", intent.text):
        lines.extend(f"{line}[1]" for line in m.trailing)
    n_items = len([it for it in m.items if it.item > 0])
    if n_items:
        lines.append(f"本次会议共{n_items}项议题。[1]")
    return "\n".join(lines), [hit]


def _date_words(m: Meeting) -> str:
    if not m.date:
        return m.date_as_written or "（日期未写明）"
    y, mo, d = m.date.split("-")
    return f"{int(y)}年{int(mo)}月{int(d)}日"


def _list_answer(result: RetrievalResult) -> tuple[str, list[ItemHit]]:
    hits = result.hits
    meetings = {h.meeting.label for h in hits}
    head = f"共找到{len(hits)}项议题" + (f"（{next(iter(meetings))}）" if len(meetings) == 1 else "") + "："
    lines = [head]
    for n, hit in enumerate(hits, 1):
        reporters = "、".join(r.as_written for r in hit.item.reporters)
        extra = f"（汇报：{reporters}）" if reporters else ""
        decision = f" {hit.item.decisions[0]}" if hit.item.decisions else ""
        decision = hit.item.as_written(decision)
        lines.append(f"{n}. {hit.meeting.label} · {chinese_item_label(hit.item.item)}：{hit.item.heading_as_written}{extra}[{n}]{decision}"
                     + (f"[{n}]" if decision else ""))
    return "\n".join(lines), hits


def _extractive_answer(result: RetrievalResult, retriever: Retriever, config: Config) -> tuple[str, list[ItemHit]]:
    """Best sentences of the top items, in document order, each item introduced by its heading."""
    intent = result.intent
    best = result.hits[0].score
    # Meeting-level text (attendance lists) only answers meeting-level questions.
    candidates = [h for h in result.hits if h.item.item != 0] or result.hits
    chosen = [h for h in candidates if h.score >= best * config.answer.relative_cutoff][:3] or candidates[:1]
    terms = content_terms(retriever.index.tokenizer.tokenize(intent.text), intent)
    budget = config.answer.max_sentences
    lines = []
    for n, hit in enumerate(chosen, 1):
        sentences = _rank_sentences(hit, terms, intent, retriever)
        take = sentences[: max(1, budget // len(chosen))]
        reporters = "、".join(r.as_written for r in hit.item.reporters)
        lead = (f"{hit.meeting.label}（{hit.meeting.date or hit.meeting.date_as_written or '日期不详'}）"
                f"{chinese_item_label(hit.item.item)}「{hit.item.heading_as_written}」")
        if reporters:
            lead += f"，由{reporters}{'传达' if hit.item.reporters[0].role == '传达' else '汇报'}"
        body = "".join(f"{hit.item.as_written(sentence)}[{n}]" for sentence in take)  # quoted as published
        lines.append(f"{lead}[{n}]。{body}")
    return "\n".join(lines), chosen


def _rank_sentences(hit: ItemHit, terms: list[str], intent: QueryIntent, retriever: Retriever) -> list[str]:
    body = hit.item.text.split("\n", 1)[1] if "\n" in hit.item.text else hit.item.text
    sentences = [s.strip() for s in rules.SENTENCE_SPLIT_RE.split(body) if len(s.strip()) > 4]
    scored = []
    mass = sum(retriever.idf.get(t, 2.0) for t in terms) or 1.0
    for pos, sentence in enumerate(sentences):
        score = 3.0 * sum(retriever.idf.get(t, 2.0) for t in terms if t in sentence) / mass
        if sentence in hit.item.decisions:
            score += 3.0 if OUTCOME_ASK_RE.search(intent.text) else 1.0
        if intent.asks_number and re.search(r"\d|[一二三四五六七八九十两]+[个年项支]", sentence):
            score += 1.0
        if intent.asks_who and re.search(r"听取|汇报|传达", sentence):
            score += 1.0
        scored.append((score, pos, sentence))
    top = sorted(scored, key=lambda s: (-s[0], s[1]))[:3]
    return [s for _, _, s in sorted(top, key=lambda s: s[1])]


OUTCOME_ASK_RE = re.compile(r"结果|结论|决定|同意|通过|批准|怎么处理|如何处理|去向|印发|outcome|decid|approv|result", re.I)
