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
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np

from ..config import Config
from ..ingest import rules
from ..models import YEAR_NOT_WRITTEN, AgendaItem, Meeting, chinese_item_label, ordinal_suffix
from . import bilingual
from .answerability import (
    REMARK_IN_HEADING_RE,
    asked_entity,
    asked_kind,
    attendance_sentences,
    clause_sentences,
    judge,
    names_entity,
    overview_answers,
    overview_for_list,
    promote_on_topic,
    says_who_reported,
    topic_share,
    topic_terms,
)
from .cited import CitedAnswer, Source
from .cues import (
    ASKED_OBJECT_NOUN_RE,
    ATTENDANCE_ASK_RE,
    CHAIR_ASK_RE,
    CHAIRS_ASK_RE,
    EN_ABSENT,
    EN_NAMED_OBJECT_ASK_RE,
    EN_OWN_OBJECT_ASK_RE,
    EN_SAT_IN,
    EVENT_DATE_ASK_RE,
    FORM_NOUN_ASK_RE,
    HEARD_FROM_RE,
    HEARD_NAMED_RE,
    HOW_HELD_ASK_RE,
    ITEM_WHAT_RE,
    MADE_INTO_ASK_RE,
    MEETING_ASK_RE,
    META_RE,
    OUTCOME_ASK_RE,
    OWN_OBJECT_ASK_RE,
    QUESTION_WORD_RE,
    REPORTED_ASK_RE,
    REPORTED_BY_ASK_RE,
    VENUE_ASK_RE,
    VENUE_RE,
    named_thing_nouns,
)
from .query import QueryIntent, content_terms, single_character_runs, verb_family
from .retrieval import ItemHit, RetrievalResult, Retriever
from .sentences import (
    ACTION_ASK_RE,
    CUE_FOR_KIND,
    DISPOSAL_ASK_RE,
    FILLER_RE,
    HEARD_ONLY_RE,
    POINTS_ASK_RE,
    SENTENCE_CUES,
    SIGNIFICANCE,
    ScoredSentence,
    announced_members,
    asked_attribute,
    asked_count,
    body_sentences,
    cue_kind,
    cue_score,
    headline_heads,
    headline_section,
    lexical_share,
    numbered_point_naming,
    ordinal_heads,
    reason_before,
    refine_kind,
    restates,
    score_sentences,
    split_sentences,
    states_count,
)
from .wording import held_places, join, nearest_items, say


@dataclass
class Citation:
    n: int
    hit: ItemHit


def source_of(hit: ItemHit, n: int = 0) -> Source:
    """A retrieved item as the typed source every client reads (text as published)."""
    meeting, item = hit.meeting, hit.item
    return Source(
        n=n,
        label=hit.citation,
        city=meeting.city,
        city_full=meeting.city_full,
        meeting=meeting.meeting,
        date=meeting.shown_date,  # 2021-08-20, or 06-15（年份未写明） when the minute gives no year
        item=item.item,
        heading=item.heading_as_written,
        text=item.as_written(hit.passage),
        item_text=item.text_as_written or item.text,
        doc_id=hit.doc_id,
        source=meeting.source,
        score=round(float(hit.score), 4),
        reporters=tuple(r.as_written for r in item.reporters),
        decisions=tuple(item.as_written(d) for d in item.decisions),
    )


@dataclass
class Answer:
    """The composed answer with the live hits it cites; `record()` is what leaves the answering step."""

    question: str
    answer: str
    answerable: bool
    citations: list[Citation]
    hits: list[ItemHit]
    interpreted: list[str] = field(default_factory=list)
    reason: str = ""
    lang: str = "zh"  # the asker's language: labels and the lead sentence follow it
    generated: bool = False  # written by the configured LLM (verified sentence by sentence)
    removed_sentences: int = 0  # LLM sentences dropped because their cited item does not support them
    notices: list[str] = field(default_factory=list)  # said before the lead (overruled filters, fallbacks)
    # The sentences the answer chose from each cited item ([n] → sentences as parsed): the optional
    # LLM writes from these, not from whole items. Empty for answers built from parsed fields.
    selected: dict[int, list[str]] = field(default_factory=dict)

    def record(self) -> CitedAnswer:
        return CitedAnswer(
            question=self.question,
            text=self.answer,
            answerable=self.answerable,
            sources=[source_of(c.hit, c.n) for c in self.citations],
            nearest=[source_of(h) for h in self.hits],
            reason=self.reason,
            lang=self.lang,
            interpreted_filters=self.interpreted,
            notices=self.notices,
            generated=self.generated,
            removed_sentences=self.removed_sentences,
        )


def answer_question(
    retriever: Retriever,
    config: Config,
    question: str,
    k: int | None = None,
    filters=None,
    mode: str = "hybrid",
) -> Answer:
    result = retriever.search(question, k=k, filters=filters, mode=mode)
    return compose(result, retriever, config)


def compose(result: RetrievalResult, retriever: Retriever, config: Config) -> Answer:
    """The answer, with any notice about overruled filters said first."""
    answer = _compose(result, retriever, config)
    if result.intent.notices:
        answer.notices = [*result.intent.notices, *answer.notices]
        answer.answer = "\n".join([*result.intent.notices, answer.answer])
    return answer


def _compose(result: RetrievalResult, retriever: Retriever, config: Config) -> Answer:
    intent = result.intent
    interpreted = intent.describe()
    if not result.hits:
        if result.matched_meetings == 0 or intent.unknown_places:
            why = explain_no_meeting(intent, list(retriever.meetings.values()), intent.lang)
            return _not_found(result, config, interpreted, why)
        if intent.departments:  # the meeting is held; no item of it names the reporter asked
            departments = join(intent.lang, intent.departments)
            return _not_found(
                result, config, interpreted, say(intent.lang, "no_item_reported_by", departments=departments)
            )
        return _not_found(result, config, interpreted, "")
    result = overview_for_list(promote_on_topic(result, retriever), retriever)
    verdict = judge(result, retriever)
    if not verdict.answerable:
        if verdict.clarify:
            return Answer(
                result.question, verdict.reason, False, [], [], interpreted, verdict.reason, lang=intent.lang
            )
        return _not_found(result, config, interpreted, verdict.reason)
    selected: dict[int, list[str]] = {}
    if CHAIRS_ASK_RE.search(intent.text) and (chaired := _chairs_answer(result, retriever)):
        text, cited = chaired  # 哪些市长主持过…: every chair of the meetings on file, newest first
    elif intent.lists_meetings and (listed := _meeting_hits(result, retriever)):
        # 哪几次 / 历次: the meetings, newest first — also when one meeting's overview ranked first
        text, cited = _meetings_answer(listed, result, retriever, config)
    elif (
        intent.meeting_level
        and result.hits[0].item.item == 0
        and not _additions_not_kept(result)
        and not _before_agenda_in_items(result)
    ):
        text, cited = _meeting_answer(result, topic_terms(intent, retriever))
    elif result.structured and intent.wants_list:
        text, cited = _list_answer(_list_without_set_aside(result, retriever))
    else:
        text, cited, selected = _extractive_answer(result, retriever, config)
    notices = []
    if intent.unknown_places:  # only minutes that never name their place could match: say so first
        notices.append(
            say(intent.lang, "unnamed_place_used", places=join(intent.lang, intent.unknown_places))
        )
        text = "\n".join([*notices, text])
    citations = [Citation(n, hit) for n, hit in enumerate(cited, 1)]
    return Answer(
        result.question,
        text,
        True,
        citations,
        result.hits,
        interpreted,
        lang=intent.lang,
        notices=notices,
        selected=selected,
    )


def _not_found(result: RetrievalResult, config: Config, interpreted: list[str], reason: str) -> Answer:
    """The minutes do not say it: why, and the nearest items (in the asker's language).

    Answer first: the reason is the answer (…纪要没有列出出席人员); the stock sentence only when
    there is none (English always opens with it, then the reason as its own sentence).
    """
    lang = result.intent.lang
    reason = reason.rstrip("。. ")
    if lang == "en":
        reason = reason[:1].upper() + reason[1:]
        text = config.answer.not_found_message_en + (f" {reason}." if reason else "")
    else:
        text = f"{reason}。" if reason else config.answer.not_found_message
    # the nearest items, except one the reason already names (it was listed twice, heading and all)
    entries = [(h.citation, h.item.heading_as_written) for h in result.hits[:3] if h.citation not in reason]
    if entries:
        text += say(lang, "nearest", items=nearest_items(lang, entries))
    return Answer(result.question, text, False, [], result.hits, interpreted, reason, lang=lang)


def explain_no_meeting(intent: QueryIntent, meetings: list[Meeting], lang: str = "zh") -> str:
    """Why no minute matches the places, meeting number or dates the question names, and what the index holds.

    e.g. 〔太仓〕没有第68次常务会议的纪要；已收录：第59、60、63次。
    """
    if intent.unknown_places:
        wanted = "、".join(intent.unknown_places)
        return say(lang, "places_not_held", wanted=wanted, held=held_places(lang, meetings))
    scope = [m for m in meetings if not intent.cities or m.city in intent.cities]
    where = f"〔{'、'.join(intent.cities)}〕" if intent.cities else "已收录的纪要中"
    of_where = f"of {where} " if intent.cities else ""
    if intent.meeting is not None:
        numbers = sorted({m.meeting for m in scope if m.meeting is not None})
        key = "meeting_not_held" if numbers else "meeting_not_held_none"
        return say(
            lang, key, where=where, of_where=of_where, meeting=intent.meeting, held=join(lang, numbers)
        )
    if intent.date_from or intent.date_to:
        dates = sorted(m.date for m in scope if m.date)
        span = (
            say(lang, "dates_span", first=dates[0], last=dates[-1]) if dates else say(lang, "dates_unknown")
        )
        return say(
            lang,
            "dates_not_held",
            where=where,
            start=intent.date_from or "…",
            end=intent.date_to or "…",
            span=span,
        )
    return say(lang, "no_match")


ADDITION_WORDS = {"会议还", "还学习", "还审议", "还听取"}


def _before_agenda_in_items(result: RetrievalResult) -> bool:
    """'会前学习了什么' of a report whose opening says nothing done before the agenda: its item
    ('会前,全体参会人员共同学习了《…》') answers, not the header."""
    asked = {m.group(0) for m in META_RE.finditer(result.intent.text)}
    opening = _meeting_sentences(result.hits[0].meeting)
    return "会前" in asked and not any("会前" in sentence for sentence in opening)


def _additions_not_kept(result: RetrievalResult) -> bool:
    """'…常务会议还对哪些工作进行了安排部署': asked only what the meeting did besides, of a report that
    keeps no such lines apart (its '会议还就…进行了安排部署' is an item): the items answer, not the header."""
    asked = {m.group(0) for m in META_RE.finditer(result.intent.text)}
    kept = [
        line for line in result.hits[0].meeting.trailing if not FILLER_RE.match(line.split("。")[0] + "。")
    ]
    return bool(asked) and asked <= ADDITION_WORDS and not kept  # '会议还研究了其他事项' keeps nothing


def _meeting_answer(result: RetrievalResult, terms: list[str]) -> tuple[str, list[ItemHit]]:
    """Who chaired, when, attendance, doc number, days to issue: from the parsed header, cited as item 0.

    What was asked comes first: who attended, or the opening's own sentence on what else the
    question names ('以什么方式召开' → '…通过视频连线方式主持召开…'); then when and who chaired.
    """
    hit = result.hits[0]
    m, intent = hit.meeting, result.intent
    if intent.lang == "en":
        return _meeting_answer_en(m, intent.text), [hit]
    # who chaired is the facts line itself: an opening sentence does not go before it
    asked = [] if CHAIR_ASK_RE.search(intent.text) else _opening_sentences_naming(m, terms)
    if VENUE_ASK_RE.search(intent.text):  # where it was held: the opening's sentence naming the room
        asked = _venue_sentences(m) + asked
    if "会前" in intent.text:  # what was done before the agenda (会前学法): the opening says
        asked = [s for s in _meeting_sentences(m) if "会前" in s][:1] + asked
    held = f"{m.label}于{_date_words(m)}召开"  # who chaired only when it is written, or asked
    chaired = f"由{m.chair or '（未写明）'}{m.chair_title or ''}主持"
    facts = [f"{held}，{chaired}" if m.chair or CHAIR_ASK_RE.search(intent.text) else held]
    if m.doc_number:
        facts.append(f"纪要编号{m.doc_number}")
    if m.issue_date:
        facts.append(f"{m.issuer or ''}于{m.issue_date}印发")
    lines = [f"{sentence}[1]" for sentence in asked] + ["，".join(facts) + "。[1]"]
    if intent.asks_days and m.date and m.issue_date:
        days = (date.fromisoformat(m.issue_date) - date.fromisoformat(m.date)).days
        lines.append(f"会议召开（{m.date}）后{days}天印发纪要（{m.issue_date}）。[1]")
    if ATTENDANCE_ASK_RE.search(intent.text):
        attended = [f"{role}：{'、'.join(names)}。[1]" for role, names in _roles_asked_first(m, intent.text)]
        said = [f"{s}[1]" for s in _asked_role_first(attendance_sentences(m), intent.text)]
        if not m.attendance:  # a news report says who attended in a sentence: quote it
            attended = said
        elif _role_only_said(m, intent.text):  # '县领导…出席会议。' above a '列席人员:' list
            attended = said[:1] + attended
        lines = attended + [line for line in lines if line not in attended]  # who attended, first
    if m.trailing and re.search(r"还|之外|其他", intent.text):
        lines.extend(f"{line}[1]" for line in m.trailing)
    n_items = m.item_count
    if n_items:
        lines.append(f"本次会议共{n_items}项议题。[1]")
    return "\n".join(dict.fromkeys(lines)), [hit]  # a sentence asked for and listed again: once


# What the facts line says already (when, who chaired, the minutes): no reason to quote the opening.
MEETING_WORDS = ("纪要", "会议", "常务", "召开", "主持", "印发", "出席", "列席", "编号")


def _opening_sentences_naming(meeting: Meeting, terms: list[str]) -> list[str]:
    """Sentences of the meeting-level text holding a topic word of the question, at most two."""
    terms = [t for t in terms if not META_RE.search(t) and not any(w in t for w in MEETING_WORDS)]
    if not terms or not meeting.items:
        return []
    sentences = [s for s in _meeting_sentences(meeting) if len(s) >= 12]
    return [s for s in sentences if any(term in s for term in terms)][:2]


# '市长张淑云出席并讲话' in an opening: who spoke at the meeting, which no item says.
SPEAKING_OFFICIAL_RE = re.compile(
    rf"(?:{rules.OFFICIAL_TITLES})[\u4e00-\u9fa5]{{2,3}}(?:同志)?出席(?:会议)?并(?:作|发表)?讲话"
)


def _overview_usable(meeting: Meeting, kind: str) -> bool:
    """Whether 会议概况 may answer: it says what no item holds (`overview_answers`), or the question
    asks who and the opening names an official who spoke ('哪位市领导讲了话' of '市长张淑云出席并讲话')."""
    speaks = kind == "person" and SPEAKING_OFFICIAL_RE.search(meeting.intro_text or "")
    return overview_answers(meeting) or bool(speaks)


def _quotable(hit: ItemHit, kind: str) -> list[str]:
    """An item's sentences; of 会议概况 its remarks, and its opening paragraph only when that says what no
    item holds (…指出,… run on after the opening; 会议传达学习了《…》 never itemised) or who spoke, when
    who is asked — a page header is no answer."""
    if hit.item.item == 0:
        m = hit.meeting
        if len(m.items) == 1:  # nothing itemised: the report from its opening on is what it says
            return body_sentences("\n" + "\n".join(_report_lines(m)))
        opening = [m.intro_text or ""] if _overview_usable(m, kind) else []
        preamble = [line for line in m.preamble if not _masthead_only(line)]
        return body_sentences("\n" + "\n".join([*opening, *preamble]))
    return body_sentences(hit.item.text)


def _masthead_only(line: str) -> bool:
    """A document number ('〔 2012〕6号', '第3期') or the minute's title (…会议纪要) on a line of its
    own: the page's masthead, which supports no answer."""
    line = line.strip()
    number = rules.DOC_NUMBER_RE.fullmatch(line) or rules.SERIAL_NUMBER_RE.match(line)
    return bool(number) or line.endswith(("纪要", "纪要》"))


def _report_lines(meeting: Meeting) -> list[str]:
    """The lines of a meeting no item was found in, from its opening on (its header and page stamps left out)."""
    lines = [ln for ln in meeting.items[0].text.split("\n") if ln]
    if meeting.intro_text in lines:
        return lines[lines.index(meeting.intro_text) :]
    return [ln for ln in lines if ln not in meeting.header_lines]


# The chair's title in an English answer; any other stays as the minutes print it.
EN_TITLES = {
    "市长": "mayor",
    "代市长": "acting mayor",
    "副市长": "deputy mayor",
    "县长": "county head",
    "代县长": "acting county head",
    "副县长": "deputy county head",
    "区长": "district head",
    "代区长": "acting district head",
    "副区长": "deputy district head",
    "州长": "prefecture head",
    "旗长": "banner head",
}


def _meeting_answer_en(m: Meeting, question: str) -> str:
    """The meeting-level facts in English; names and quoted lines stay as the minutes print them."""
    when = _when(m, "en") if m.month_day else m.date_as_written or "an unstated date"
    if not m.date and m.date_as_written and "月" not in m.date_as_written:  # '14日' alone
        when = f"a day printed only as {m.date_as_written}"
    if m.date and m.year_inferred:
        when += " (year not printed; inferred)"
    printed = m.chair_title or ""  # the title in English, then as the minutes print it
    title = f"{EN_TITLES[printed]}, {printed}" if printed in EN_TITLES else printed
    chair = f"{m.chair} ({title})" if m.chair and title else m.chair or "a chair the minutes do not name"
    lines = [f"{m.english_label} was held on {when}, chaired by {chair}.[1]"]
    if VENUE_ASK_RE.search(question):  # where: the opening's own words naming the room
        lines = [f"Where: {sentence}[1]" for sentence in _venue_sentences(m)] + lines
    elif HOW_HELD_ASK_RE.search(question):  # how: the opening sentence itself says (by video, …)
        held = [s for s in _meeting_sentences(m) if HELD_RE.search(s)]
        lines = [f"How: {s}[1]" for s in sorted(held, key=lambda s: not MEDIUM_RE.search(s))[:1]] + lines
    if ATTENDANCE_ASK_RE.search(question):  # who attended (or sat in), first
        attended = [
            f"{_english_role(role)}: {'、'.join(names)}[1]" for role, names in _roles_asked_first(m, question)
        ]
        said = _asked_role_first(attendance_sentences(m), question)
        lines = (attended or [f"{_labelled(sentence)}[1]" for sentence in said]) + lines
    if n_items := m.item_count:
        lines.append(f"The meeting had {n_items} agenda item{'s' if n_items > 1 else ''}.[1]")
    return "\n".join(lines)


# An attendance role as a sentence or a question words it: '应邀出席' before the bare role words.
ROLE_WORD_RE = re.compile(rf"应邀(?:出席|参加|列席)|{rules.ATTENDANCE_ROLE_WORDS_RE.pattern}")


def _labelled(sentence: str) -> str:
    """'区人大常委会副主任向文昌…应邀出席。' → 'Invited (应邀出席): 区人大常委会…': an English label
    before the attendance sentence a news report prints, its own words after it."""
    role = ROLE_WORD_RE.search(sentence)
    return f"{_english_role(role.group())}: {sentence}" if role else sentence


EN_ROLES = {
    "应邀": "Invited",
    "出席": "Attended",
    "列席": "Sat in",
    "缺席": "Absent",
    "请假": "On leave",
    "参加": "Took part",
}


def _english_role(role: str) -> str:
    """'缺席' → 'Absent (缺席)' · '公众代表列席' → 'Sat in (公众代表列席)': an English label, the list's own after it."""
    word = next((en for zh, en in EN_ROLES.items() if zh in role), "")
    units = " (units)" if role.endswith("单位") else ""
    return f"{word}{units} ({role})" if word else role


def _asked_role(question: str) -> str | None:
    """The attendance role a question asks about: 列席 for '列席' or 'sat in' / 'observers', 应邀 for
    'invited', 缺席 for '请假' or 'absent', 出席 for '出席'."""
    role = ROLE_WORD_RE.search(question)
    if role:
        return "缺席" if role.group() == "请假" else role.group()
    if re.search(EN_SAT_IN, question, re.I):
        return "列席"
    if re.search(r"\binvited\b", question, re.I):
        return "应邀"
    return "缺席" if re.search(EN_ABSENT, question, re.I) else None


def _asked_role_first(sentences: list[str], question: str) -> list[str]:
    """The attendance sentences, the one naming the role asked for first."""
    word, title = _asked_role(question), _asked_title(question)
    return sorted(
        sentences,
        key=lambda sentence: (bool(word) and word not in sentence, bool(title) and title not in sentence),
    )


def _role_only_said(meeting: Meeting, question: str) -> bool:
    """The role asked has no parsed list but a sentence of the report names it: a news report lists
    who sat in ('列席人员:') and says in a sentence which leaders attended ('县领导…出席会议')."""
    word = _asked_role(question)
    if not word or any(word in role for role in meeting.attendance):
        return False
    return any(word in sentence for sentence in attendance_sentences(meeting))


def _roles_asked_first(meeting: Meeting, question: str) -> list[tuple[str, list[str]]]:
    """The parsed attendance lists, the role asked for first ('缺 席:' for who was absent), and of
    several such lists the one whose group the question names ('公众代表列席' for public representatives)."""
    word = _asked_role(question)
    words = ("缺席", "请假") if word == "缺席" else (word,)

    def named(role: str) -> int:
        """How much of the group a list names the question names too (word pairs, or glosses)."""
        group = rules.attendance_group(role)
        if re.search(r"[a-z]", question, re.I):
            asked = bilingual.english_topic_words(question, [])
            return sum(c in group for w in asked for c in bilingual.chinese_candidates(w) if len(c) > 1)
        return sum(group[i : i + 2] in question for i in range(len(group) - 1))

    title = _asked_title(question)
    return sorted(
        meeting.attendance.items(),
        key=lambda entry: (
            bool(word) and not any(w in entry[0] for w in words),
            bool(title) and not any(title in name for name in entry[1]),  # 'which vice county heads'
            -named(entry[0]),
        ),
    )


def _asked_title(question: str) -> str | None:
    """The title of the people a question asks about ('哪些副县长' · 'which vice county heads' → 副县长),
    longest first, so 'deputy county head' is not read as 'county head'."""
    for zh, en in sorted(EN_TITLES.items(), key=lambda pair: -len(pair[1])):
        if zh in question or re.search(rf"\b{_spelled_title(en)}", question, re.I):
            return zh
    return None


# '哪位省长' · '哪位副县长': a person asked by a title the minutes print before the name (省长王忠林).
ZH_PERSON_TITLE_ASK_RE = re.compile(
    r"哪(?:位|一位|个)(?P<title>[\u4e00-\u9fa5]{0,5}?(?:长|书记|主任|主席|总理))"
)
# 'which deputy county head' · 'whose remarks, as governor': the English titles, as the minutes print them.
EN_PERSON_TITLES = {
    **{en: zh for zh, en in EN_TITLES.items()},
    "governor": "省长",
    "vice governor": "副省长",
    "deputy governor": "副省长",
    "party secretary": "书记",
    "premier": "总理",
}


def _asked_person_title(question: str) -> str | None:
    """The title a who-question asks the holder of ('哪位省长' · 'which deputy county head' · 'as
    governor' → 省长), longest first; not a title it only names (王永辉市长主持的…谁汇报了)."""
    if asked := ZH_PERSON_TITLE_ASK_RE.search(question):
        return asked.group("title")
    for en, zh in sorted(EN_PERSON_TITLES.items(), key=lambda pair: -len(pair[0])):
        if re.search(rf"\b(?:which|as|whose)\s+(?:the\s+)?{_spelled_title(en)}", question, re.I):
            return zh
    return None


def _spelled_title(en: str) -> str:
    """An English title as questions write it: singular or plural, 'deputy' also as 'vice'."""
    return rf"(?:{en}|{en.replace('deputy', 'vice')})s?\b"


HELD_RE = re.compile(r"主持召开|召开|主持")
# How it was held: '通过腾讯视频会议' · '以视频会议形式' · '线上'.
MEDIUM_RE = re.compile(r"通过|以[^，。,]{1,12}?(?:方式|形式)|视频|线上|网络")


def _venue_sentences(meeting: Meeting) -> list[str]:
    """The sentence of the opening that names the room or hall ('…在县委小礼堂主持召开…')."""
    return [s for s in _meeting_sentences(meeting) if VENUE_RE.search(s)][:1]


def _meeting_sentences(meeting: Meeting) -> list[str]:
    """The sentences (and clauses ending in ；) of the meeting-level text, 会议概况."""
    return clause_sentences(meeting.items[0].text) if meeting.items else []


def _meeting_hits(result: RetrievalResult, retriever: Retriever) -> list[ItemHit]:
    """The best item of each meeting that took the topic up, newest meeting first.

    A meeting is listed only when its item holds most of the question's topic (`list_coverage`):
    a list names the meetings that discussed it, not the ones that came close (items chosen by
    structure — 第一项议题, 由…汇报 — are listed as the filters found them). A minute without a
    year sorts after the dated ones (its month and day alone cannot be placed among them).
    """
    found = [*result.hits, *result.more]
    items = [h for h in found if h.item.item != 0] or result.hits
    bar = 0.0 if result.structured else retriever.config.answer.list_coverage  # filters chose them
    terms = topic_terms(result.intent, retriever)
    firsts: dict[str, ItemHit] = {}
    for hit in items:
        if hit.doc_id not in firsts and topic_share(hit, terms, result.intent, retriever) >= bar:
            firsts[hit.doc_id] = hit
    return _newest_first(list(firsts.values()))


def _newest_first(hits: list[ItemHit]) -> list[ItemHit]:
    """Meetings newest first; of those with no full date, the later number first (第40次 before 第20次)."""
    return sorted(hits, key=lambda h: (h.meeting.date or "", h.meeting.meeting or 0), reverse=True)


def _meetings_answer(
    hits: list[ItemHit], result: RetrievalResult, retriever: Retriever, config: Config
) -> tuple[str, list[ItemHit]]:
    """哪几次会议研究了…: one line per meeting (`_meeting_hits`) — which meeting, when, which item —
    newest first; when the question also asks what each said (…分别学习了什么), each meeting's best
    sentence under it."""
    lang = result.intent.lang
    if not topic_terms(result.intent, retriever):  # 临沭县开过哪几次常务会议: the meetings, not an item
        held = retriever.meetings_named(result.intent) or hits
        held = _newest_first(held)
        return _meetings_on_file(held, lang, result.intent.wants_list), held
    best: dict[int, str] = {}
    if _second_facet(result.intent.text):
        kind = refine_kind(asked_kind(result.intent), result.intent.text)
        for sentence in _ranked_sentences(hits, result, retriever, config, kind):
            best.setdefault(sentence.n, sentence.text)
    lines = [say(lang, "meetings_found", n=len(hits), brief=_meetings_brief(hits, lang))]
    for n, hit in enumerate(hits, 1):
        lines.append(f"{n}. {_item_name(hit, lang)}[{n}]")
        if n in best and not restates(best[n], [lines[-1]]):
            lines.append(f"· {hit.item.as_written(best[n])}[{n}]")
    return "\n".join(lines), hits


def _chairs_answer(result: RetrievalResult, retriever: Retriever) -> tuple[str, list[ItemHit]] | None:
    """Who chaired the meetings the question names (a place, a span), when there are several: each
    chair once with how many meetings, then one line per meeting with its chair, newest first."""
    held = _newest_first(retriever.meetings_named(result.intent))
    if len(held) < 2 or result.intent.meeting is not None:
        return None  # one meeting: its header answers who chaired
    lang = result.intent.lang
    times: dict[str, int] = {}
    for hit in held:  # one entry per person, however the title is written
        chair = hit.meeting.chair or _chair_named(hit.meeting, lang)
        times[chair] = times.get(chair, 0) + 1
    chairs = ("、" if lang == "zh" else ", ").join(
        say(lang, "chair_times", chair=chair, times=n) for chair, n in times.items()
    )
    lines = [say(lang, "chairs_held", n=len(held), k=len(times), chairs=chairs)]
    for n, hit in enumerate(held, 1):
        line = _said_of(hit.meeting, lang, "chaired_line", chair=_chair_named(hit.meeting, lang))
        lines.append(f"{n}. {line}[{n}]")
    return "\n".join(lines), held


def _said_of(m: Meeting, lang: str, key: str, **more: object) -> str:
    """A phrase about one meeting, with its name and date in the answer's language filled in."""
    return say(lang, key, label=m.label, english_label=m.english_label, when=_when(m, lang), **more)


def _chair_named(m: Meeting, lang: str) -> str:
    """The chair with the title the minutes give ('赵俊民市长'), or that the minutes name none."""
    if not m.chair:
        return "（未写明）" if lang == "zh" else "(not stated)"
    return f"{m.chair}{m.chair_title or ''}"


def _meetings_brief(hits: list[ItemHit], lang: str, counted: bool = False) -> str:
    """The meetings in one line, the answer itself — '第1次（2022-02-23）、第28次（05-16）' — before a
    line per meeting with what it took up; `counted`, each with its number of items and cited, when
    no line follows (a line per meeting saying only that would say it twice)."""
    places = {hit.meeting.city_full for hit in hits}

    def one(n: int, m: Meeting) -> str:
        when = _when(m, lang)
        if counted:
            when += (
                f"，{m.item_count}项议题"
                if lang == "zh"
                else f", {m.item_count} agenda item{'s' if m.item_count != 1 else ''}"
            )
        if len(places) > 1:  # several places: each meeting by its full name
            named = m.label if lang == "zh" else m.english_label
        elif m.meeting is None:
            named = ""
        else:
            named = f"第{m.meeting}次" if lang == "zh" else f"{m.meeting}{ordinal_suffix(m.meeting)}"
        said = (f"{named}（{when}）" if lang == "zh" else f"{named} ({when})") if named else when
        return said + (f"[{n}]" if counted else "")

    entries = [one(n, hit.meeting) for n, hit in enumerate(hits, 1)]
    return ("、" if lang == "zh" else "; ").join(entries) + ("。" if lang == "zh" else ".")


def _meetings_on_file(hits: list[ItemHit], lang: str, with_items: bool = False) -> str:
    """The meetings on file, newest first: which meeting, when, how many items its minutes record, in
    one line — and, asked what they took up (历次常务会议都研究了哪些工作), a line per meeting with
    its items' headings when they are few."""
    named = with_items and sum(hit.meeting.item_count for hit in hits) <= MEETING_LIST_ITEMS
    if len(hits) == 1:  # one meeting: it is the answer, said in the first line
        m = hits[0].meeting
        line = _said_of(m, lang, "meeting_line", k=m.item_count)
        if named and m.item_count:
            line += ("：" if lang == "zh" else ": ") + "；".join(
                item.heading_as_written for item in m.items[1:]
            )
        return say(lang, "one_meeting_held", line=f"{line}[1]")
    brief = _meetings_brief(hits, lang, counted=not named)
    lines = [say(lang, "meetings_held", n=len(hits), brief=brief)]
    for n, hit in enumerate(hits, 1) if named else ():
        m = hit.meeting
        headings = "；".join(item.heading_as_written for item in m.items[1:]) or say(lang, "no_items_parsed")
        lines.append(f"{n}. {_meetings_brief([hit], lang).rstrip('。.')}：{headings}[{n}]")
    return "\n".join(lines)


# A list of meetings names their items' headings when there are no more than this many in all.
MEETING_LIST_ITEMS = 12


def _when(m: Meeting, lang: str) -> str:
    """The meeting's date as shown, its 'year not written' note in the answer's language."""
    shown = m.shown_date or say(lang, "date_not_written")
    return shown.replace(YEAR_NOT_WRITTEN, " (year not stated)") if lang == "en" else shown


def _date_words(m: Meeting) -> str:
    """2021年8月20日; a year the minute does not print is said to be inferred, never stated as printed."""
    if not m.date:
        return m.date_as_written or "（日期未写明）"
    y, mo, d = m.date.split("-")
    said = f"{int(y)}年{int(mo)}月{int(d)}日"
    if m.year_inferred:
        said += "（原文未写年份，年份为推断）"
    return said


def _list_answer(result: RetrievalResult, compact_up_to: int = 8) -> tuple[str, list[ItemHit]]:
    """哪些文件/议题: up to `compact_up_to` items, the first line names them all (the answer itself)
    and one line per item follows with who reported and what was decided, heading not repeated;
    longer lists keep one numbered line per item with its heading."""
    hits, english = result.hits, result.intent.lang == "en"
    meetings = {h.meeting.label for h in hits}
    if english:  # the frame in English, the headings quoted as the minutes print them
        named = {h.meeting.english_label for h in hits}
        head = (
            f"Found {len(hits)} agenda item{'s' if len(hits) != 1 else ''}"
            + (f" ({next(iter(named))})" if len(named) == 1 else "")
            + ": "
        )
    else:
        head = (
            f"共找到{len(hits)}项议题" + (f"（{next(iter(meetings))}）" if len(meetings) == 1 else "") + "："
        )
    compact = len(hits) <= compact_up_to
    opening = (
        (_opening_naming_more(hits, result.intent) or _opening_naming_works(hits, result.intent))
        if len(meetings) == 1
        else None
    )
    if compact:
        # headings the opening quoted first already says are named by their number, not said twice
        said_before = opening or ""
        head += (
            "；".join(f"{_item_or_heading(h, said_before, english)}[{n}]" for n, h in enumerate(hits, 1))
            + "。"
        )
    lines = [head]
    if result.intent.asks_number and len(meetings) == 1 and (total := _printed_total(hits[0].meeting)):
        # '会议还研究了其他事项,共10个议题': the count the minutes print, which their text may not detail
        said = hits[0].meeting.items[0].as_written(total)
        lines.insert(0, f"The minutes say: {said}[1]" if english else f"纪要写明：{said}[1]")
    if opening:
        # the page ends before the items it announced ('审议《A》；审议《B》；…审议《F》' then 一、二、 only)
        said = hits[0].meeting.items[0].as_written(opening)
        lines.insert(0, f"The opening lists: {said}[1]" if english else f"纪要开头列出：{said}[1]")
    for n, hit in enumerate(hits, 1):
        reporters = "、".join(r.as_written for r in hit.item.reporters)
        extra = (f" — reported by {reporters}" if english else f"（汇报：{reporters}）") if reporters else ""
        decision = next((d for d in hit.item.decisions if not restates(d, [hit.item.heading])), "")
        decision = hit.item.as_written(f" {decision}") if decision else ""  # not the heading again
        if compact and not (extra or decision):
            continue  # the first line already said all there is
        item_label = f"item {hit.item.item}" if english else chinese_item_label(hit.item.item)
        if not compact:
            name = f"{hit.meeting.label} · {item_label}：{hit.item.heading_as_written}"
        else:  # the heading is in the first line; the meeting too when there is only one
            name = item_label if len(meetings) == 1 else f"{hit.meeting.label} · {item_label}"
        lines.append(f"{n}. {name}{extra}[{n}]{decision}" + (f"[{n}]" if decision else ""))
    return "\n".join(lines), hits


# '…共10个议题' · '共研究议题8项' · '等12个议题': a total of items the minutes print
PRINTED_TOTAL_RE = re.compile(
    r"共(?:研究|审议|讨论)?(?:了)?(?:[\d一二三四五六七八九十两]+)(?:个|项)议题|共(?:研究|审议)议题[\d一二三四五六七八九十]+项"
)


def _item_or_heading(hit: ItemHit, said_before: str, english: bool) -> str:
    """An item's heading in a list's first line, or only its number when a line above quotes it."""
    if hit.item.heading and _unpunctuated(hit.item.heading) in _unpunctuated(said_before):
        return f"item {hit.item.item}" if english else chinese_item_label(hit.item.item)
    return hit.item.heading_as_written


def _unpunctuated(text: str) -> str:
    """'…精神 部署…' (a subtitle) and '…精神,部署…' (the opening) are one text printed apart."""
    return re.sub(r"[\s，,、；;。]", "", text)


def _opening_naming_more(hits: list[ItemHit], intent: QueryIntent) -> str | None:
    """The opening sentence of the one meeting listed, when it names more documents than all the
    items found together do: the text the page keeps stops before the items it announced. A list of
    topics ('研究A、B、C等事项') answers no question about documents ('讨论通过了哪些文件')."""
    meeting = hits[0].meeting
    if len(hits) < meeting.item_count:
        return None  # some items were left out by the question's filters: the opening lists those too
    titled = {title for h in hits for title in h.item.document_titles}
    overview = meeting.items[0].text if meeting.items else ""
    # whole sentences (the list runs on with ；), the one naming the most documents
    sentences = [s.strip() for s in re.split(r"(?<=。)", overview) if "《" in s]
    listing = max(sentences, key=lambda s: s.count("《"), default="")
    if listing.count("《") > max(len(titled), 1):
        return _from_first_title_clause(listing)
    if DOCUMENTS_ASK_RE.search(intent.text):
        return None
    # '就城市门户靓化、高层次人才引进培养、大力发展回归经济等议题进行审议讨论' over two itemised paragraphs
    topics = [
        (s, found.group("list").count("、") + 1)
        for s in _meeting_sentences(meeting)
        if (found := TOPIC_LIST_RE.search(s))
    ]
    return next((s for s, n in topics if n > len(hits)), None)


# '讨论通过了哪些文件' · '审议了哪些方案' · 'Which documents were approved': documents, not topics, asked
DOCUMENTS_ASK_RE = re.compile(
    r"哪些(?:文件|方案|办法|意见|规定|规划|条例|通知)|\b(?:documents|plans|regulations|rules)\b", re.I
)


def _from_first_title_clause(sentence: str) -> str:
    """The listing sentence from the clause that names its first document: '…主持召开市政府第4次常务
    会议,听取…汇报,审议《A》、《B》。' is quoted from '审议《A》', not from the date, chair and reports."""
    start = max(sentence.rfind(mark, 0, sentence.index("《")) for mark in "，,；;\n")
    return sentence[start + 1 :].strip()


def _opening_naming_works(hits: list[ItemHit], intent: QueryIntent) -> str | None:
    """'研究了哪些工作' of a report whose opening says it: '…研究经济运行、安全生产和机场建设等工作' is
    the answer in the report's own words, which the items (often cut or merged on a news page) may not
    each repeat."""
    asked = WORKS_ASK_RE.search(intent.text)
    if not asked:
        return None
    noun = asked.group("noun") or {"work": "工作", "matters": "事项"}.get((asked.group("en") or "").lower())
    said = [
        (len(found.group()), clause.strip())  # the clause, not who chaired it when
        for sentence in _meeting_sentences(hits[0].meeting)
        for clause in re.split(r"[,，;；]", sentence)
        for found in WORKS_LIST_RE.finditer(clause)
        if found.group("noun") == noun
    ]
    return max(said)[1] if said else None  # the fullest list (a headline names fewer)


# '研究了哪些工作' · '讨论研究了哪些事项' · 'What work did … study': the works a meeting took up
WORKS_ASK_RE = re.compile(r"(?:研究|讨论|部署)了?哪些(?P<noun>工作|事项)|\bwhat (?P<en>work|matters)\b", re.I)
# '研究经济运行、安全生产和安康富强机场建设等工作' · '讨论研究十四五规划编制和新型基础设施建设等工作'
# ('研究政府工作报告起草、“十五五”规划《纲要草案》编制、重点项目建设等工作': titles inside the list)
WORKS_LIST_RE = re.compile(r"(?:研究|讨论|部署)(?:了)?[^，,。；]{2,80}?等(?P<noun>工作|事项)")


# An opening that names the meeting's topics in a list: '就A、B、C等议题进行审议讨论'.
TOPIC_LIST_RE = re.compile(
    r"(?:就|研究|审议|讨论|部署)了?(?P<list>[^，,。；《》]{2,40}(?:、[^，,。；《》]{2,40}){1,9})等(?:议题|事项|工作)"
)


def _printed_total(meeting: Meeting) -> str | None:
    """The meeting-level sentence that prints how many items the meeting took up, if one does."""
    return next((s for s in _meeting_sentences(meeting) if PRINTED_TOTAL_RE.search(s)), None)


def _extractive_answer(
    result: RetrievalResult, retriever: Retriever, config: Config
) -> tuple[str, list[ItemHit], dict[int, list[str]]]:
    """Answer first — a lead of one or two sentences that states what was asked — then each cited item
    named once and at most `max_sentences` supporting sentences quoted verbatim, none said twice.

    Minutes are the official record, so quotes keep their wording (and their script);
    only the lead's frame (who reported, which meeting) is composed, from parsed fields.
    """
    intent = result.intent
    best = result.hits[0].score
    # Meeting-level text (attendance lists) only answers meeting-level questions, unless it holds
    # remarks of its own (a news report's 会议强调… before its first item).
    kind = refine_kind(asked_kind(intent), intent.text)
    candidates = [
        h for h in result.hits if h.item.item != 0 or _overview_usable(h.meeting, kind)
    ] or result.hits
    chosen = [h for h in candidates if h.score >= best * config.answer.relative_cutoff][:3] or candidates[:1]
    # what was said of an item that prints only its heading is said beside it (_with_bare_item_siblings)
    bare = kind in ("requirement", "why", "topic") and _bare_clause(chosen[0])
    if bare:
        chosen = _with_bare_item_siblings(chosen)
    chosen = _heading_naming_it_first(chosen, result.hits, intent.text)
    chosen = _making_it_first(chosen, result.hits, intent.text)
    if kind in ("person", "department") and REPORTED_BY_ASK_RE.search(intent.text):
        chosen = sorted(chosen, key=lambda h: not says_who_reported(h.item))  # stable: else as ranked
    ranked = _ranked_sentences(chosen, result, retriever, config, kind)
    # a heading alone states no requirement or reason: any item that states one leads
    asks_statement = kind in ("requirement", "why")
    topic_only = asks_statement and _topic_only(chosen[0].item)
    # …unless the heading is itself the remark ('会议在传达…时强调,要以“三品”为引领,…'): it states it
    heading_states = (
        kind == "requirement"
        and not any(s.n == 1 for s in ranked)
        and bool(REMARK_IN_HEADING_RE.search(chosen[0].item.heading))
    )
    heading_only = topic_only or (
        asks_statement and _prints_only_heading(chosen[0].item) and not heading_states
    )
    # 'What principle must … follow?' of a first item that only names its topic ('听取《…报告》'), which
    # is not what is asked: another item's sentence that states it leads
    heading_only = heading_only or (
        kind == "topic" and _topic_only(chosen[0].item) and not _heading_answers(intent.text, chosen[0].item)
    )
    margin = 0.0 if bare or heading_only else config.answer.lead_margin
    # …and a topic listed without its verb ('汉阴县2019年重点项目。') is no candidate sentence, nor is
    # the heading of an item that prints nothing else ('会议还研究了…工作。') asked for a requirement
    first_item = chosen[0].item
    prints_heading = (  # '会议还研究了…表彰以及…责任目标制订工作。', all its item says: no statement
        asks_statement
        and _prints_only_heading(first_item)
        and bool(rules.TRAILING_RE.match(first_item.heading))
    )
    stating = [s for s in ranked if s.n != 1] if topic_only or prints_heading else ranked
    if cue := SENTENCE_CUES.get(CUE_FOR_KIND.get(kind, "")) if asks_statement else None:
        # a requirement asked: another item is cited first for a sentence that requires, not for one
        # that only names the topic better ('…审议并原则通过了《…整治工作方案》等。' in 会议概况)
        reason = kind == "why"  # a reason asked: a sentence saying why is what states it
        challengers = [
            s for s in stating if s.n != 1 and cue.search(s.text) and (reason or not _says_why_only(s.text))
        ]
        stating = [s for s in stating if s.n == 1 and (reason or not _says_why_only(s.text))] + challengers
    # '传达了…在什么大会上的讲话精神': the first item's heading names what was asked — it stays first
    heading_answers = kind == "topic" and bool(ASKED_OBJECT_NOUN_RE.search(intent.text))
    heading_answers = heading_answers and _heading_answers(intent.text, first_item)
    stater = 1 if heading_states or heading_answers else _item_that_states_it(stating, margin)
    if stater > 1:
        chosen = [chosen[stater - 1], *(h for n, h in enumerate(chosen, 1) if n != stater)]
        ranked = _cited_first(ranked, stater)
    # a sentence borrowed from a bare item's neighbour is one point; the rest is the neighbour's own
    terms = topic_terms(intent, retriever) if intent.lang == "zh" else []
    lead = _lead(kind, intent, chosen, ranked, points=1 if bare and stater > 1 else 2, terms=terms)
    chosen, ranked = _without_set_aside(chosen, ranked, intent, retriever)
    ranked = _without_agenda_announced(chosen, ranked)
    lines = [lead.text]
    # headings also in the script the sentences are scored in (a traditional-script minute's heading
    # as written did not match its own sentence, which was then quoted again below it)
    names = [_item_name(hit, intent.lang) for hit in chosen] + [hit.item.heading for hit in chosen]
    quoted = _supporting(ranked, lead, names, config.answer.max_sentences)
    chosen = _without_bare_overviews(chosen, quoted)
    for n, hit in enumerate(chosen, 1):
        line = _item_line(hit, n, lead, chosen[n - 2] if n > 1 else None, intent.lang, quoted.get(n, []))
        if line:
            lines.append(line)
        for sentence in quoted.get(n, []):
            lines.append(f"· {hit.item.as_written(sentence)}[{n}]")  # quoted as published
    selected = {n: list(quoted.get(n, [])) for n in range(1, len(chosen) + 1)}
    selected[1] = [*lead.sentences, *selected[1]]
    return "\n".join(lines), chosen, {n: said for n, said in selected.items() if said}


def _without_agenda_announced(chosen: list[ItemHit], ranked: list[ScoredSentence]) -> list[ScoredSentence]:
    """The overview of a meeting whose item the answer already cites says nothing more when its
    sentences only announce the agenda ('审议《A》和审查《B》的会议纪要' · '…主持召开…,审议《A》,审查
    《B》成果'): those sentences are not quoted."""
    items_cited = {h.doc_id for h in chosen if h.item.item != 0}
    overviews = {n for n, h in enumerate(chosen, 1) if h.item.item == 0 and h.doc_id in items_cited}

    def announces(sentence: ScoredSentence) -> bool:
        agenda = chosen[sentence.n - 1].meeting.items[1:]
        titles = [f"《{title}》" for item in agenda for title in item.document_titles]
        return any(title in sentence.text for title in titles)

    return [s for s in ranked if not (s.n in overviews and announces(s))]


def _without_bare_overviews(chosen: list[ItemHit], quoted: dict[int, list[str]]) -> list[ItemHit]:
    """A meeting's overview cited last with nothing quoted from it ('会议概况「会议概况」[2]' alone)
    adds a line and a source that say nothing: it is left out."""
    while len(chosen) > 1 and chosen[-1].item.item == 0 and not quoted.get(len(chosen)):
        chosen = chosen[:-1]
    return chosen


def _without_set_aside(
    chosen: list[ItemHit], ranked: list[ScoredSentence], intent: QueryIntent, retriever: Retriever
) -> tuple[list[ItemHit], list[ScoredSentence]]:
    """The cited items and sentences without those about what a besides question sets aside
    ('Besides the government work report, what else…'): an item whose heading names it is not
    quoted — only the lead, which states what else, may come from it — and, when not the lead's
    item, not cited at all. Quoting the report's discussion under 'what else' answers the
    opposite of what was asked."""
    if not intent.besides:
        return chosen, ranked
    names_it = _names_set_aside(intent, retriever)
    aside = {n for n, hit in enumerate(chosen, 1) if names_it(hit.item.heading)}
    if not aside:
        return chosen, ranked
    kept = [n for n in range(1, len(chosen) + 1) if n == 1 or n not in aside]
    number = {old: new for new, old in enumerate(kept, 1)}
    sentences = [replace(s, n=number[s.n]) for s in ranked if s.n not in aside]
    return [chosen[n - 1] for n in kept], sentences


def _list_without_set_aside(result: RetrievalResult, retriever: Retriever) -> RetrievalResult:
    """A list asked 'besides X' without the items that are X ('Which matters … besides the reports
    it heard?' lists what was studied, not the reports); all of them when every item is X."""
    if not result.intent.besides:
        return result
    names_it = _names_set_aside(result.intent, retriever)
    kept = [h for h in result.hits if not names_it(h.item.heading)]
    return replace(result, hits=kept) if kept else result


def _names_set_aside(intent: QueryIntent, retriever: Retriever) -> Callable[[str], bool]:
    """Whether a heading names most of what the question sets aside (`intent.besides`)."""
    share = _set_aside_share(intent, retriever)
    return lambda heading: share(heading) >= 0.5


def _set_aside_share(intent: QueryIntent, retriever: Retriever) -> Callable[[str], float]:
    """How much of what a besides question sets aside a text holds (0.0 when it sets nothing aside
    or no word of it is known): English through the dictionary, Chinese by idf-weighted words."""
    if intent.lang == "en":
        known = bilingual.set_aside_translations(intent.besides)
        return lambda text: bilingual.share_translated(known, text) if known else 0.0
    words = [t for t in retriever.index.tokenizer.tokenize(intent.besides) if len(t) >= 2]
    return lambda text: lexical_share(text, words, retriever.idf) if words else 0.0


def _requirement_points(
    ranked: list[ScoredSentence], item, asks_requirements: bool = False, terms: list[str] | None = None
) -> list[str]:
    """The first item's two best sentences; the sentence that opens with the heading ('会议调度了…
    工作') comes second only when it is the best: it names the topic, it does not require anything.
    A best sentence that only announces the asked topic ('崔长领要求,要认真贯彻落实…讲话精神。') is
    followed by the sentence that says what it takes."""
    own = [s.text for s in ranked if s.n == 1]
    anchor = next((s for s in ranked if s.n == 1), None)
    # '会议研究并原则同意《…方案》' names the topic; '会议要求,要…' · '两个试点乡镇要…' require it
    own = [t for t in own if not _names_topic_only(t, item)] or own
    if asks_requirements:  # '提出了什么要求': what was required, not why it matters ('会议指出,…是…重要举措')
        own = [t for t in own if not _says_why_only(t)] or own
    if anchor and anchor.words >= 0.8 and anchor.text not in own:  # '会议指出,北部滨海岸线…直接关系…'
        topic_paragraph = next((p for p in item.text.split("\n") if anchor.text[:20] in p), "")
        follows = [t for t in own if t in topic_paragraph]  # what the paragraph naming the topic requires,
        own = follows + [t for t in own if t not in follows]  # before another paragraph's '会议强调,…'

    first = _to_full_stop(own[0], item) if own else ""
    scored = {s.text: s for s in ranked if s.n == 1}
    if own and scored[own[0]].words >= ANNOUNCES_SHARE and _announces_topic(own[0], terms or []):
        following = _sentence_after(own[0], item)
        if following:
            return [first, _to_full_stop(following, item)]
    others = [t for t in own[1:] if not restates(t, [item.heading]) and t not in first]
    # the second point from the best one's paragraph ('会议强调,…' and what it goes on to require),
    # when the best holds the question's words and one of the next best is there: another
    # paragraph's sentence may share a word ('秋冬季植绿' for 秋冬季疫情防控), not the topic
    paragraph = next((p for p in item.text.split("\n") if first and first[:20] in p), "")
    on_topic = bool(own) and scored[own[0]].words >= 0.8
    near = [t for t in others[:3] if t in paragraph] if on_topic else []
    rest = (near or others)[:1]
    points = ([first] if first else []) + [_to_full_stop(t, item) for t in rest]
    # a clause run on to its full stop may hold the other point ('…安全;…质量;各镇街…发展?')
    return [p for p in points if not any(p != other and p in other for other in points)]


# A sentence holding this share of the question's topic words, and little else, announces the topic.
ANNOUNCES_SHARE = 0.6
# What a sentence announcing a topic says besides the topic: the speaker, the act of taking it up.
ANNOUNCING_WORDS_RE = re.compile(
    r"^[\u4e00-\u9fa5]{0,8}?(?:强调|指出|要求|认为)[，,：:]|要|认真|深入|学习|领会|贯彻|落实|精神|讲话|重要"
    r"|同志|书记|的|在|时|了|对|进行|全面|安排|部署|工作|会议|[\W\d_]"
)


def _announces_topic(sentence: str, terms: list[str]) -> bool:
    """'崔长领要求,要认真贯彻落实省委书记王蒙徽在襄阳调研时的讲话精神。' · '会议强调,省委、市委经济
    工作会议对全省、全市2018年的经济工作进行了全面安排部署。': without the asked topic and the
    words of taking it up, a few characters are left — what is required comes in the next sentence."""
    rest = sentence
    for term in sorted(terms, key=len, reverse=True):
        rest = rest.replace(term, "")
    return bool(terms) and len(ANNOUNCING_WORDS_RE.sub("", rest)) <= 8


def _sentence_after(sentence: str, item) -> str | None:
    """The item's sentence that follows `sentence`, when there is one."""
    sentences = body_sentences(item.text)
    at = next((n for n, s in enumerate(sentences) if s == sentence), None)
    return sentences[at + 1] if at is not None and at + 1 < len(sentences) else None


def _names_topic_only(sentence: str, item) -> bool:
    """'会议研究并原则同意《…方案》。' · '会议传达学习…精神,研究我县贯彻意见。': the act that names the
    topic, requiring nothing; a requirement answer quotes the sentences said about it."""
    acts = restates(sentence, [item.heading]) or rules.INLINE_VERB_RE.match(sentence)
    return bool(acts) and not SENTENCE_CUES["requirement"].search(sentence)


def _says_why_only(sentence: str) -> bool:
    """'会议指出,打造科创城是…的重要举措' · '会议强调,…讲话…提供了根本遵循': what the topic means,
    requiring nothing (the '会议强调' that opens it is how the report speaks, not a requirement)."""
    says_why = SENTENCE_CUES["why"].search(sentence) or BENEFIT_RE.search(sentence)
    return bool(says_why) and not SENTENCE_CUES["requirement"].search(REMARK_LEAD_IN_RE.sub("", sentence))


BENEFIT_RE = re.compile(rf"{SIGNIFICANCE}|根本遵循")
REMARK_LEAD_IN_RE = re.compile(r"^(?:会议|会上)(?:还)?(?:强调|指出|要求|认为)[，,：:]?")
# '提出了什么要求' · 'What did … ask for / require': the requirements themselves are asked.
REQUIREMENTS_WORD_RE = re.compile(r"要求|\brequire|\b(?:ask|call)(?:ed)? for\b|\bdemand", re.I)


def _to_full_stop(clause: str, item) -> str:
    """'…加强领导,明确责任;' is the first of parallel requirements run on with ；: quote them to the 。
    ('突出重点,精心组织;部门联动,合力推进。'), not the first alone."""
    at = item.text.find(clause)
    if at < 0 or not clause.rstrip().endswith(("；", ";")):
        return clause
    end = SENTENCE_END_RE.search(item.text, at + len(clause))
    if end is None:
        return clause
    stop = end.start() - 1 if end.group() == "\n" else end.start()  # a line break is no character to keep
    return item.text[at : stop + 1] if 0 < stop - at <= 240 else clause


# Where a sentence ends: '。', '！', '？' in either width ('…事业发展?' too), or its paragraph's end.
SENTENCE_END_RE = re.compile(r"[。！？!?\n]")


def _heading_naming_it_first(chosen: list[ItemHit], hits: list[ItemHit], question: str) -> list[ItemHit]:
    """'审议了什么方案': a found item whose heading names a 《…方案》 goes first — the heading is the answer,
    whatever item the question's other words matched better."""
    nouns = named_thing_nouns(question)
    asked = None if nouns else ASKED_OBJECT_NOUN_RE.search(question)
    if asked:  # '在什么大会上的讲话精神': the heading naming 大会, anywhere in it
        nouns = (asked.group("noun"),)
    if not nouns or any(noun in chosen[0].item.heading for noun in nouns):
        return chosen
    named = re.compile("|".join(noun if asked else rf"{noun}》|{noun}(?:\(|（)" for noun in nouns))
    return _put_first(chosen, next((h for h in hits[:5] if named.search(h.item.heading)), None))


def _making_it_first(chosen: list[ItemHit], hits: list[ItemHit], question: str) -> list[ItemHit]:
    """'要把楚雄市打造成什么': a found item of the same meeting that says 打造… goes first when the first
    does not — the sentence with the verb is the answer, whatever item the rest of the words matched."""
    if not (made := MADE_INTO_ASK_RE.search(question)) or made.group("verb") in chosen[0].item.text:
        return chosen
    verb = made.group("verb")
    return _put_first(chosen, next((h for h in hits[:5] if h.item.item and verb in h.item.text), None))


def _put_first(chosen: list[ItemHit], hit: ItemHit | None) -> list[ItemHit]:
    """`hit` cited first in place of the last chosen item, when it is of the first item's meeting (a
    found item that states what was asked, not one of another meeting)."""
    if hit is None or hit.doc_id != chosen[0].doc_id:
        return chosen
    return [hit, *(h for h in chosen if h is not hit)][: max(len(chosen), 1)]


def _bare_clause(hit: ItemHit) -> bool:
    """An item of a news report that prints nothing but the clause naming it ('审议并通过《…》'), named
    in one sentence with other items."""
    item = hit.item
    if item.line is None or not _prints_only_heading(item):
        return False
    return bool(_named_with(hit, {item.item}))


def _prints_only_heading(item: AgendaItem) -> bool:
    """An item whose text is its heading and nothing more ('传达学习关于安全生产相关文件和会议精神。')."""
    return item.item != 0 and item.text.strip().rstrip("。") == item.heading.rstrip("。")


def _topic_only(item: AgendaItem) -> bool:
    """An item whose text is only its heading's topic without the verb (a topic an opening lists:
    '汉阴县2019年重点项目。' under 研究…): it states nothing, not even what was done with it."""
    text = item.text.strip().rstrip("。")
    verb = item.heading.removesuffix(text).rstrip("了")  # the heading is a verb and the text
    return (
        item.item != 0
        and len(split_sentences(text)) == 1
        and item.heading.endswith(text)
        and verb in rules.VERBS
    )


def _named_with(hit: ItemHit, found: set[int]) -> list[AgendaItem]:
    """The other items of the report named in the same sentence as this one (they share its line)."""
    return [
        item
        for item in hit.meeting.items
        if item.line == hit.item.line and item.item not in found and item.item != 0
    ]


def _with_bare_item_siblings(chosen: list[ItemHit]) -> list[ItemHit]:
    """A first item that prints only its heading ('审议并通过《…若干措施》') takes along the found items
    named in the same sentence of the report: the remarks on it may have gone to a neighbouring
    clause ('会议强调…；要做好拟上市企业的培育储备工作…'), and the sentence that answers is cited where
    it is."""
    first = chosen[0]
    siblings = [  # found or not: retrieval ranks them by their own topic, not this one
        ItemHit(first.doc_id, first.meeting, item, 0.0, item.text)
        for item in _named_with(first, {h.item.item for h in chosen})
    ]
    return [*chosen, *siblings][:3]


def _item_line(
    hit: ItemHit, n: int, lead: Lead, previous: ItemHit | None, lang: str, quotes: list[str] = ()
) -> str:
    """Item n named once: without the meeting when the lead or the item before already named it,
    without a heading the lead or one of its quotes holds, and not at all when the lead already says
    everything in it."""
    same_meeting = previous is not None and previous.doc_id == hit.doc_id
    with_meeting = not ((n == 1 and lead.names_meeting) or same_meeting)
    said = [lead.text, *lead.sentences]  # as written and as scored (a traditional-script lead)
    with_heading = not restates(hit.item.heading, [*said, *quotes])
    heading = hit.item.heading
    if with_heading and (inside := next((s for s in lead.sentences if len(s) > 8 and s in heading), None)):
        # a heading that runs on into the sentence the lead quotes ('…通过《规划》。会议指出,…'): the
        # heading up to it, so the lead is not shown twice
        heading = heading[: heading.find(inside)].rstrip()
        with_heading = len(heading) >= 4
    line = _item_name(hit, lang, with_heading, with_meeting, heading=heading)
    return "" if restates(line, said) else f"{line}[{n}]"


@dataclass(frozen=True)
class Lead:
    text: str
    names_meeting: bool  # the lead says which meeting item [1] is from: its item line does not repeat it
    sentences: tuple[str, ...]  # quoted sentences it contains (not quoted again below)


def _item_that_states_it(ranked: list[ScoredSentence], margin: float) -> int:
    """The found item whose sentence answers best, when it beats the first item's best by `margin`:
    it is cited first. Retrieval ranks items by the whole text; the lead needs the sentence (a page
    whose outline repeats the report leaves the remarks in 会议概况, its items bare)."""
    if not ranked:
        return 1
    best = max(ranked, key=lambda s: s.score)
    own = max((s.score for s in ranked if s.n == 1), default=float("-inf"))
    return best.n if best.score - own >= margin else 1


def _cited_first(ranked: list[ScoredSentence], n: int) -> list[ScoredSentence]:
    """The same scored sentences with item `n` renumbered 1 and the items before it moved down one:
    a sentence's score does not depend on its item's place, so nothing is encoded again."""

    def moved(sentence: ScoredSentence) -> ScoredSentence:
        number = 1 if sentence.n == n else sentence.n + 1 if sentence.n < n else sentence.n
        return replace(sentence, n=number)

    return sorted(map(moved, ranked), key=lambda s: (-s.score, s.n, s.position))


def _ranked_sentences(
    chosen: list[ItemHit], result: RetrievalResult, retriever: Retriever, config: Config, kind: str
) -> list[ScoredSentence]:
    """Every sentence of the chosen items scored against the question (sentences.py), best first;
    the question's embedding is the one retrieval already computed (lexical mode: encoded here)."""
    intent = result.intent
    items = [(n, _quotable(hit, kind), hit.item.decisions) for n, hit in enumerate(chosen, 1)]
    flat = [sentence for _, sentences, _ in items for sentence in sentences]
    question_vector = sentence_vectors = None
    if flat and config.answer.meaning_weight:
        embedder = retriever.index.embedder
        query = (
            result.query_vector
            if result.query_vector is not None
            else embedder.encode_queries([intent.text])[0]
        )
        question_vector = _unit([query])[0]
        sentence_vectors = _unit(embedder.encode_documents(flat, batch_size=16))
    set_aside = _set_aside_share(intent, retriever)
    if intent.lang == "en":  # English words are checked through the dictionary ('tasks' → 任务)
        words = bilingual.english_topic_words(intent.text, [*intent.filter_words, intent.besides])
        # a word the question puts in quotes is what it asks about: it counts twice
        words += [w for w in bilingual.quoted_words(intent.text) if w in words]

        def word_share(sentence: str) -> float:  # 'Besides the work report, …': sentences about it rank down
            return bilingual.dictionary_share(words, sentence) - set_aside(sentence)

    else:
        tokens = retriever.index.tokenizer.tokenize(intent.text)
        terms = content_terms(tokens, intent) + single_character_runs(tokens)

        def word_share(sentence: str) -> float:  # '除了政府工作报告，还…': sentences about it rank down
            return lexical_share(sentence, terms, retriever.idf) - set_aside(sentence)

    took_up = bool(ACTION_ASK_RE.search(intent.text))
    cue = cue_kind(kind, intent.text)
    if numeral := asked_count(intent.text):  # 'the three tasks': the sentence counting them sums them up
        share = word_share

        def word_share(sentence: str) -> float:
            return share(sentence) + (COUNT_SHARE if states_count(numeral, sentence) else 0.0)

    if attribute := asked_attribute(intent.text):  # 'the implementing body of …': the sentence naming it
        topic_share = word_share

        def word_share(sentence: str) -> float:
            holds = (
                bilingual.names_compound(attribute, sentence)
                if intent.lang == "en"
                else attribute[0] in sentence
            )
            return topic_share(sentence) + (ATTRIBUTE_SHARE if holds else 0.0)

    return score_sentences(items, question_vector, sentence_vectors, word_share, cue, config.answer, took_up)


COUNT_SHARE = 0.5  # as much as half the question's topic words
ATTRIBUTE_SHARE = 1.0  # the asked attribute named: as much as all the question's topic words


def _unit(vectors) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


def _supporting(
    ranked: list[ScoredSentence], lead: Lead, item_names: list[str], budget: int
) -> dict[int, list[str]]:
    """The best sentences not already said (in the lead, an item line or another quote), each item's
    in its own order; every cited item gets its best sentence before any item gets a second."""
    shown = [lead.text, *lead.sentences, *item_names]
    picked: dict[int, list[ScoredSentence]] = {}
    firsts = {s.n: s for s in reversed(ranked)}  # each item's best sentence
    order = sorted(firsts.values(), key=lambda s: -s.score) + [s for s in ranked if firsts.get(s.n) is not s]
    for sentence in order:
        if sum(len(v) for v in picked.values()) >= budget:
            break
        if HEARD_ONLY_RE.match(sentence.text) or restates(sentence.text, shown):
            continue
        picked.setdefault(sentence.n, []).append(sentence)
        shown.append(sentence.text)
    return {n: [s.text for s in sorted(v, key=lambda s: s.position)] for n, v in picked.items()}


def _item_name(
    hit: ItemHit, lang: str, with_heading: bool = True, with_meeting: bool = True, heading: str | None = None
) -> str:
    """太仓市政府第60次常务会议（2021-08-20）议题二「审议《…》」，由市资源规划局汇报"""
    m, item = hit.meeting, hit.item
    when = _when(m, lang)
    name = say(
        lang,
        "item_name" if with_meeting else "item_only",
        label=m.label,
        english_label=m.english_label,
        when=when,
        item=item.item,
        item_label=chinese_item_label(item.item),
    )
    if with_heading:
        shown = item.heading_as_written if heading is None else item.as_written(heading)
        name += say(lang, "item_heading", heading=shown)
    return name + _reporters_phrase(item, lang)


def _reporters_phrase(item, lang: str) -> str:
    """，由市发改委汇报 / — reported by 市发改委; empty when the minutes name no reporter."""
    if not item.reporters:
        return ""
    return say(
        lang,
        "item_reporters",
        all_reporters="、".join(r.as_written for r in item.reporters),
        first_reporter=item.reporters[0].as_written,
        reported=_reported(item),
    )


def _reported(item) -> str:
    return "传达" if item.reporters[0].role == "传达" else "汇报"


AGENT_RE = re.compile(
    r"由(?P<who>[^，。；、由]{2,24}?)(?:根据|按|负责|牵头|组织|修改|抓紧|积极|会同|具体)"
    r"|责成(?P<charged>[^，。；、]{2,16}?)(?:根据|按|负责|牵头|组织|修改|抓紧|会同|对|将|于|在)"  # 責成縣婦聯根據…
    # '3.县目标督查办按季度对工作落实情况进行通报': a unit as the subject of what is to be done
    r"|^(?:\d{1,2}[.．、]\s*)?(?P<unit>[\u4e00-\u9fa5]{1,12}?(?:局|办|委|中心|公司|街道))"
    r"(?:按|对|负责|牵头|根据|会同|要|将)"
)


def _best_decision(item, ranked: list[ScoredSentence], question: str) -> str:
    """Of an item's decisions, the one the question is about: what becomes of it when asked so
    ('通过后将如何处理' → '会议决定，该《办法》经进一步修改后…', not the approval before it),
    else the best-scoring one, else the first."""
    if not item.decisions:
        return ""
    place = {s.text.strip(): pos for pos, s in enumerate(ranked) if s.n == 1}

    def rank(decision: str) -> tuple[bool, int]:
        disposal = bool(DISPOSAL_ASK_RE.search(question)) and bool(DISPOSAL_RE.search(decision))
        return not disposal, place.get(decision.strip(), len(place) + item.decisions.index(decision))

    return min(item.decisions, key=rank)


# What a decision does with a document after approving it: decides its route, submits, issues it.
DISPOSAL_RE = re.compile(r"会议决定|修改(?:完善)?后|提交|报请|提请|印发|发布|实施|审定")


def _second_facet(question: str) -> bool:
    """The question asks two things (哪次会议讨论了…？由谁汇报？): the lead answers both."""
    clauses = [c for c in re.split(r"[？?，,；;]|\band\b", question) if QUESTION_WORD_RE.search(c)]
    return len(clauses) > 1


def _lead(
    kind: str,
    intent: QueryIntent,
    chosen: list[ItemHit],
    ranked: list[ScoredSentence],
    points: int = 2,
    terms: list[str] | None = None,
) -> Lead:
    """The direct answer: who reported, which meeting, what was decided, the figure, the reason or
    requirement asked for — from the parsed fields or the best-scoring sentence of the first item."""
    hit, lang = chosen[0], intent.lang
    item, m = hit.item, hit.meeting
    own = [s.text for s in ranked if s.n == 1]
    names = {
        "label": m.label,
        "english_label": m.english_label,
        "when": _when(m, lang),
        "item": item.item,
        "item_label": chinese_item_label(item.item),
        "heading": item.heading_as_written,
    }
    if intent.wants_list and kind == "topic" and len(chosen) > 1:  # 哪些区县研究了…: the items are the answer
        entries = [f"{h.item.heading_as_written}[{n}]" for n, h in enumerate(chosen, 1)]
        return Lead(say(lang, "found_items", n=len(chosen), items="；".join(entries)), False, ())
    if kind in ("person", "department") and item.reporters and REPORTED_ASK_RE.search(intent.text):
        who = "、".join(r.as_written for r in item.reporters)
        frame = say(lang, "reported_by", who=who, reported=_reported(item), **names)
        return _framed(frame, intent, item, own, names_meeting=True)
    if kind in ("person", "department") and REPORTED_BY_ASK_RE.search(intent.text):
        named = [t for t in own if HEARD_NAMED_RE.search(t)]  # '会议分别听取了市扶贫办主任段贵建…汇报'
        named.sort(key=lambda t: -sum(term in t for term in terms or []))  # the one on the asked topic
        heard = named or [t for t in [item.heading, *own] if HEARD_FROM_RE.search(t)]
        if heard:  # '会议分析了…,听取了各位副市长…汇报': the sentence says who reported
            return _quoted(heard[:1], item, lang)
    if kind == "person" and (title := _asked_person_title(intent.text)):
        titled = [t for t in [*own, item.heading] if re.search(rf"{title}[\u4e00-\u9fa5]{{2,3}}", t)]
        if titled:  # '传达了哪位省长的讲话': the sentence naming the 省长, the heading when it does
            return _quoted([titled[0] if titled[0] != item.heading else item.heading + "。"], item, lang)
    if kind in ("person", "department"):
        for sentence in [*own, *item.decisions]:
            if found := AGENT_RE.search(sentence):
                who = found.group("who") or found.group("charged") or found.group("unit")
                text = say(lang, "responsible", who=who)
                return Lead(f"{text}{item.as_written(sentence)}[1]", False, (sentence,))
    if kind == "decision" or (kind == "topic" and OUTCOME_ASK_RE.search(intent.text)):
        heading_decides = bool(rules.DECISION_ANYWHERE_RE.search(item.heading))
        decision = _best_decision(item, ranked, intent.text) or (item.heading if heading_decides else "")
        if decision:
            # meeting and item said once, in the frame; the heading too unless the decision restates it
            frame = say(lang, "decision", **names)
            return Lead(f"{frame}{item.as_written(decision)}[1]", True, (decision,))  # names the meeting
    if intent.item and ITEM_WHAT_RE.search(intent.text) and kind != "date":
        return _nth_item_lead(item, names, lang)
    if kind == "date" and EVENT_DATE_ASK_RE.search(intent.text):  # the event's date, not the meeting's
        written = m.date_as_written or ""
        dated = [  # '…时间基本固定在每年10月10日至16日' · the heading '传达学习4月20日…国务院常务会议精神'
            s
            for s in [*own, item.heading]
            if SENTENCE_CUES["date"].search(s.replace(written, "") if written else s)
        ]
        if dated:
            return _quoted(dated[:1], item, lang)
    if (
        kind == "date"
        or MEETING_ASK_RE.search(intent.text)
        or (intent.item and ITEM_WHAT_RE.search(intent.text))
    ):
        frame = say(lang, "at_meeting", **names)
        # which meeting asked *about what* (哪次会议要求…): the sentence that says it follows the frame
        return _framed(frame, intent, item, own, names_meeting=True, always=kind != "date")
    if kind in ("count", "deadline", "amount", "quantity", "duration", "target"):
        pattern = SENTENCE_CUES[kind]  # the sentence printing the figure
        for sentence in [*own, item.heading]:
            if pattern.search(sentence):
                return _quoted([sentence], item, lang)
    best = next((s for s in ranked if s.n == 1), None)
    if kind in ("requirement", "topic") and (announced := _announced_set(own[:2], item)):
        return announced  # '要着重做好五方面工作。' and the five, by their headlines
    # 一要…；二要…；三要… — unless one sentence holds what was asked in so many words (切实做好哪些…工作)
    heads = ordinal_heads(item.text) if kind == "requirement" else []
    if not heads and kind == "requirement" and POINTS_ASK_RE.search(intent.text):
        heads = ordinal_heads(item.text, first_clauses=True)  # 提出了哪几点要求: 一是…；二是…
    if not heads and kind == "requirement":
        heads = headline_heads(item.text)  # 要强化责任担当。…要强化问题导向。…: the same, unnumbered
    point = numbered_point_naming(item.text, terms or []) if heads else []
    if point and not any(head in point[0] for head in heads):
        # '对乡村振兴提出了什么要求': the headlines found stop before 四要全面推进乡村振兴, which names it
        return _quoted(point, item, lang)
    if heads and not _says_asked_point(best, heads, item):
        if not POINTS_ASK_RE.search(intent.text) and (
            holder := _point_naming_more(ranked, heads, item, terms)
        ):
            return _quoted([_to_full_stop(holder.text, item)], item, lang)  # '要求深入推进什么专项行动'
        text = "；".join(item.as_written(h) for h in heads) + "。"
        return Lead(f"{say(lang, 'minutes_say')}{text}[1]", False, tuple(heads))
    if (asked := FORM_NOUN_ASK_RE.search(intent.text)) and (
        naming := [t for t in own if asked.group("noun") in t]
    ):
        return _quoted(naming[:1], item, lang)  # 要建立什么机制: the sentence that names the 机制
    if (made := MADE_INTO_ASK_RE.search(intent.text)) and (
        naming := [t for t in own if made.group("verb") in t]
    ):
        return _quoted(naming[:1], item, lang)  # 要把龙子湖打造成什么: the sentence that says 打造…
    if kind == "requirement" and len(own) > 1:  # requirements come as a list: its two best points
        asks = bool(REQUIREMENTS_WORD_RE.search(intent.text))
        said = _requirement_points(ranked, item, asks, terms or [])[:points]
        return _quoted(sorted(said, key=item.text.find), item, lang)
    if kind == "why" and best and (reason := reason_before(body_sentences(item.text), best)):
        return _quoted(reason, item, lang)
    if (
        kind == "why"
        and cue_score("why", item.heading, [])
        and not (best and cue_score("why", best.text, []))
    ):
        return _quoted([item.heading + "。"], item, lang)  # the reason run on in the heading: 事关…
    if entity := asked_entity(intent.text):  # 与哪些高校: the sentence that names them
        naming = [t for t in [*own, item.heading] if names_entity(t, entity)]
        if naming:
            return _quoted(naming[:1], item, lang)
    own_object = OWN_OBJECT_ASK_RE.search(intent.text)
    heading_names = _heading_answers(intent.text, item)
    if kind == "topic" and heading_names and _names_its_object(item.heading):
        # 听取了什么汇报 · 传达学习了什么: the heading says; the sentence that opens with the heading,
        # when there is one, so it is not quoted twice
        opening = next((s.text for s in ranked if s.n == 1 and s.text.startswith(item.heading)), None)
        return _quoted([opening or item.heading + "。"], item, lang)
    if kind == "topic" and own_object and (acting := _acting_sentence(item, own_object.group("verb"))):
        return _quoted([acting], item, lang)  # '一、集中学习' then '会议传达学习了…精神': that sentence says
    if kind in ("person", "department") and (which := WHICH_BODY_RE.search(intent.text)):
        noun = which.group("noun")  # 与哪家公司…: the heading that names the company, when no sentence does
        if noun in item.heading and not any(noun in text for text in own[:1]):
            return _quoted([item.heading + "。"], item, lang)
    if acting := _naming_asked_act(intent.text, ranked):
        return _quoted([acting], item, lang)  # '要做大做强哪些产业': the sentence that says 做大做强
    return _quoted(own[:1] or [item.heading], item, lang)


# '肇庆市要做大做强哪些产业' · '要重点培育哪些' : the act asked, right before the question word
ASKED_ACT_RE = re.compile(
    r"要(?:重点|着力|全力|加快)?(?P<verb>[\u4e00-\u9fa5]{2,4}?)(?:哪些|哪几|哪[个项类])"
)
ACT_MARGIN = 0.2  # how far below the best a sentence naming the act may score and still lead


def _naming_asked_act(question: str, ranked: list[ScoredSentence]) -> str | None:
    """The first item's sentence that names the act asked in so many words, when the best one does not
    and it scores nearly as well: '要做大做强哪些产业' is answered by '…做大做强“4+4”主导和特色产业', not by
    a remark listing 抓经济、抓产业、抓项目 that scored a shade higher."""
    asked = ASKED_ACT_RE.search(question)
    if not asked or asked.group("verb") in rules.VERBS:
        return None
    own = [s for s in ranked if s.n == 1]
    verb = asked.group("verb")
    if not own or verb in own[0].text:
        return None
    holder = next((s for s in own[:3] if verb in s.text), None)
    return holder.text if holder and holder.score >= own[0].score - ACT_MARGIN else None


def _fullest(sentence: str, body: list[str]) -> str:
    """The sentence, or a longer one of the item that says all it says and more: a page's headline
    '【…】学习贯彻习近平总书记近期重要讲话精神 重点研究…' yields to the opening sentence that names the
    speech studied (the headline is then left out as a restatement)."""
    return next((s for s in body if len(s) > len(sentence) and restates(sentence, [s])), sentence)


# '黄山市与哪家公司研究了…协议' of an item headed '会议研究了《黄山市人民政府与中国铁路上海局集团公司…》'
WHICH_BODY_RE = re.compile(
    r"哪(?:家|个|些|所)(?P<noun>公司|企业|集团|单位|部门|机构|银行|高校|大学|医院|学校)"
)


def _heading_answers(question: str, item: AgendaItem) -> bool:
    """Whether the question asks for what the item's own heading names (听取了什么汇报 · 审议了哪个方案);
    会议概况 names nothing."""
    own_object = OWN_OBJECT_ASK_RE.search(question)
    asked = ASKED_OBJECT_NOUN_RE.search(question)
    return item.item != 0 and (
        any(noun in item.heading for noun in named_thing_nouns(question))
        or bool(asked and asked.group("noun") in item.heading)
        or bool(EN_OWN_OBJECT_ASK_RE.search(question) or EN_NAMED_OBJECT_ASK_RE.search(question))
        or bool(
            own_object
            and (
                own_object.group("verb") in item.heading
                # '审议了什么' of an item heard as a draft ('听取《政府工作报告(讨论稿)》'): the title answers
                or (verb_family(own_object.group("verb")) == "审议" and "《" in item.heading)
            )
        )
    )


def _names_its_object(heading: str) -> bool:
    """'听取全县经济运行情况汇报' names what was heard; '集中学习' · '传达学习' name only the act."""
    rest = re.sub(rf"^(?:{rules.MEETING_SUBJECT})?", "", heading)
    rest = re.sub(r"专题|集中|集体|传达|学习|听取|审议|研究|讨论|有关|相关|事项|工作|了|[、和及。]", "", rest)
    return len(rest) >= 2


def _acting_sentence(item: AgendaItem, verb: str) -> str | None:
    """The item's first sentence that does what the question asks about ('会议传达学习了…')."""
    return next((s for s in body_sentences(item.text) if verb in s and s != item.heading), None)


# A clause that opens by requiring ('要强化责任担当,…' · '会议强调,要…'), not '重要' inside a remark.
CLAUSE_REQUIRES_RE = re.compile(
    r"(?:^|[，,：:；;])\s*(?:会议)?(?:强调|要求|指出)?[，,：:]?要(?![求点素害闻])"
)


def _says_asked_point(
    best: ScoredSentence | None, heads: list[str], item, inside_points: bool = False
) -> bool:
    """A requirement sentence beside the numbered headlines that holds the question's words
    ('…切实做好自建房安全隐患排查整治、疫情防控…等当前重点工作'), or one inside a numbered point
    (after '二要坚持冲刺状态抓执行。', '围绕…等重点任务,…冲刺年度目标任务。' is required by its
    headline): it answers, the headlines do not."""
    if not best or best.words < 0.8 or any(head in best.text for head in heads):
        return False
    return bool(CLAUSE_REQUIRES_RE.search(best.text) or inside_points) and not restates(
        best.text, [item.heading]
    )


def _point_naming_more(
    ranked: list[ScoredSentence], heads: list[str], item, terms: list[str] | None
) -> ScoredSentence | None:
    """A numbered point's sentence holding the question's words beyond the item's own topic, ranked
    below an opening remark that reads like the question ('要求深入推进什么专项行动': '深入推进…专项
    行动,…' inside 三要…): it answers, the headlines do not. Two or more such words are needed —
    '完成重点工作' of 《…重点工作》 adds only 完成."""
    specific = [t for t in terms or [] if t not in item.heading]  # not what the whole item is about
    if len(specific) < 2:
        return None
    return next(
        (
            s
            for s in ranked
            if s.n == 1
            and all(t in s.text for t in specific)
            and _says_asked_point(s, heads, item, _inside_points(s.text, heads, item))
        ),
        None,
    )


def _inside_points(sentence: str, heads: list[str], item) -> bool:
    """Whether a sentence comes after the first numbered headline: one of the points requires it."""
    return item.text.find(sentence) > item.text.find(heads[0]) >= 0


def _announced_set(sentences: list[str], item) -> Lead | None:
    """A best sentence announcing a count of things ('要着重做好五方面工作。'), then their headlines."""
    for sentence in sentences:
        if members := announced_members(item.text, sentence):
            text = item.as_written(sentence) + "；".join(item.as_written(m) for m in members) + "。"
            return Lead(f"{text}[1]", False, (sentence, *members))
    return None


def _nth_item_lead(item, names: dict, lang: str) -> Lead:
    """第三项议题是什么: the item as the minutes name it (heading, who reported), then what was
    decided on it — not the sentence that happens to score best against 第三项议题."""
    text = say(lang, "nth_item", reporters=_reporters_phrase(item, lang), **names)
    decision = next((d for d in item.decisions if not restates(d, [text])), "")
    if decision:
        text += (" " if text.endswith(".") else "") + item.as_written(decision)
    return Lead(f"{text}[1]", True, (decision,) if decision else ())


def _framed(
    frame: str, intent: QueryIntent, item, own: list[str], names_meeting: bool, always: bool = False
) -> Lead:
    """A composed frame (who reported, which meeting), followed by the best sentence when the question
    asks a second thing."""
    fresh = [sentence for sentence in own if not restates(sentence, [frame])]
    if fresh and (always or _second_facet(intent.text)):
        joint = " " if frame.endswith(".") else ""  # an English frame, then the quote in Chinese
        return Lead(f"{frame}{joint}{item.as_written(fresh[0])}[1]", names_meeting, (fresh[0],))
    return Lead(f"{frame}[1]", names_meeting, ())


SHORT_GAP = 24  # characters: '绿色发展是方式,绿色增长是目标。' between two quoted sentences


def _with_short_gaps(sentences: list[str], body: list[str]) -> list[str]:
    """Two quoted sentences one short sentence apart in the item, with that sentence between them:
    '黄克立强调,打造…决定。绿色发展是方式,绿色增长是目标。各单位要…' is quoted whole, never with
    its middle left out (a quote reads as continuous text)."""
    at = [body.index(s) if s in body else -1 for s in sentences]
    out: list[str] = []
    for n, sentence in enumerate(sentences):
        out.append(sentence)
        if n + 1 < len(sentences) and at[n] >= 0 and at[n + 1] == at[n] + 2:
            gap = body[at[n] + 1]
            if len(gap) <= SHORT_GAP:
                out.append(gap)
    return out


def _quoted(sentences: list[str], item, lang: str) -> Lead:
    """The minutes' own sentences as the lead; a headline ('要抓实招商项目落地。') with the short
    section under it, since the headline alone restates what was asked."""
    body = body_sentences(item.text)
    if len(sentences) == 1:
        sentences = [_fullest(sentences[0], body)]
    if sentences and (section := headline_section(body, sentences[0])):
        sentences = [sentences[0], *section]
    sentences = _with_short_gaps(sentences, body)
    prefix = say(lang, "minutes_say")
    text = "".join(_written(item, s) for s in sentences)
    return Lead(f"{prefix}{text}[1]", False, tuple(sentences))


def _written(item, sentence: str) -> str:
    """A quoted sentence as the minute prints it; a heading quoted with the full stop it is printed
    without ('研究全市安全生產…等工作' + '。') is found without the stop, so a traditional page stays so."""
    if sentence.endswith("。") and sentence not in item.text and sentence[:-1] in item.text:
        return item.as_written(sentence[:-1]) + "。"
    return item.as_written(sentence)
