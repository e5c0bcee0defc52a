"""Does what was found answer the question? A decision with a reason, from what the items say.

A retrieval score cannot tell a near miss from an answer (the nearest item of a
question about a topic never discussed still scores well). So the decision is
made on the text: the question asks for a kind of fact (an amount, a date, a
deadline, a count, a person, a department, a decision, an attendance list, or a
topic), and some retrieved item must contain that kind of fact *and* the
question's topic words (for English questions, their CC-CEDICT translations).
Otherwise the answer says what is missing and why, e.g.
昆山市政府第68次常务会议纪要没有列出出席人员，只写明由杜小刚市长主持.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

import jieba.posseg

from ..ingest import clauses, rules
from ..models import Meeting
from . import bilingual
from .cues import (
    ACTION_VERBS_ZH,
    ASK_PATTERNS,
    ASKED_DOCUMENT_RE,
    ATTENDED_RE,
    CHAIR_ASK_RE,
    DEAL_ASK_RE,
    DECIDED_ACTION_RE,
    DOCUMENT_ACTED_RE,
    EN_NAMED_THING_ASK_RE,
    EVENT_DATE_ASK_RE,
    HEARD_ABOUT_RE,
    HEARD_FROM_RE,
    HEARD_NAMED_RE,
    LIST_DETAIL_RE,
    MEASURES_ASK,
    MEETING_ASK_RE,
    META_RE,
    REPORTED_SAID_RE,
    REPORTER_ASK_RE,
    VENUE_RE,
)
from .query import QueryIntent, content_terms
from .retrieval import ItemHit, RetrievalResult, Retriever
from .wording import held_places, join, say

FACT_PATTERNS: dict[str, re.Pattern[str]] = {
    "amount": re.compile(
        r"\d+(?:\.\d+)?\s*(?:万|亿)?元|(?:投资|资金|预算|金额|费用|经费|补贴|奖补|补助|总额|造价)"
        r"[^，。；]{0,8}?\d+(?:\.\d+)?\s*(?:万|亿)"
    ),
    "date": re.compile(
        r"\d{4}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*日|[一二三四五六七八九十]+月|\d{1,2}\s*月(?:上旬|中旬|下旬|初|底)"
    ),
    "deadline": re.compile(
        r"(?:年底|年内|月底|季度|\d+\s*月(?:\s*\d+\s*日)?|\d{4}\s*年(?:\s*\d+\s*月)?底?)(?:前|之前|以前)"
        r"|前完成|限期|截至|力争|到\d{4}年"
        # '确保3月中旬完成投融资平台整合': a part of a month, or a day, the work is done by
        r"|\d{1,2}\s*月(?:上旬|中旬|下旬|初|底|\s*\d{1,2}\s*日)?(?:全面|基本)?完成"
    ),
    # 增长多少 / 占比: a percentage, percentage points or a multiple — a year (2015年) is not a rate
    "rate": re.compile(
        r"\d+(?:\.\d+)?\s*(?:%|％|个百分点|倍)|百分之[一二三四五六七八九十百\d]+|[一二三四五六七八九十两]+成"
    ),
    # 选址在哪里: a located place — 位于/选址/坐落, a street, village or block, 以东/以北…
    "location": re.compile(
        r"位于|选址|坐落|地块|(?:路|街|大道|村|镇|乡|社区)(?:以[东西南北]|[东西南北]侧|与|交汇|[0-9０-９]+号)"
        r"|以[东西南北]"
    ),
    "venue": VENUE_RE,
    "count": re.compile(
        r"\d+\s*(?:个|项|家|所|座|条|件|支|台|处|套|辆|名|人|户|亩|公里|千米|米|万|%|％)"
        r"|(?:[一二三四五六七八九十两百千]{2,}|[二三四五六七八九十两百千])(?:个|项|家|所|座|条|件|支|台|处|套|名|户)"
        # 5000张 (beds); 一个/一批 alone are articles ('一个祥和的节日', '引进一批企业'), not figures
        r"|\d+\s*(?:人次|吨|张|间|栋|幢|艘|架|棵|株|份|场|床|头|只|匹|天)"  # '奋战20天': how many days
        r"|(?:\d+|[一二三四五六七八九十两]+)[点条](?:要求|意见|建议|措施|指示)"  # '提出了4点要求'
    ),
    # '用3年时间' · '三个月内' · '5天' — a span of time, not a year (2020年)
    "duration": re.compile(
        r"(?<![\d.])\d{1,2}\s*(?:年|个月|个工作日|天|周)(?:时间|内|以内|左右|之内)?(?![\d月])"
        r"|[一二三四五六七八九十两半]+(?:年|个月|个工作日|天|周)(?:时间|内|以内|之内)"
    ),
}
# A figure of any kind: what a 'quantity' question (多少, 几头) needs the item to print.
FACT_PATTERNS["quantity"] = re.compile(
    "|".join(FACT_PATTERNS[kind].pattern for kind in ("amount", "count", "rate", "duration"))
    + r"|(?:[一二三四五六七八九十两百千万]{2,}|[二三四五六七八九十两百千万]|\d+)"
    r"(?:个|项|家|头|只|名|人|户|元|批|座|条|级|类|档|轮|种)"
)
ORG_RE = re.compile(
    r"[\u4e00-\u9fa5]{1,12}(?:局|委|办(?![法理事])|中心|集团|公司|管委会|政府|街道|镇|院|所(?![有以在属])|站|队)"
)
# 由哪个部门负责: a unit named as the one that does it ('由水利局牵头', '市财政局要…', '会同…'), not
# any organisation the item happens to mention ('以自治区政府规章发布').
_UNIT = r"(?:局|委|办|中心|公司|管委会|政府|街道|镇|院|所|站|队|部门)"
# '由哪个部门承担' · '哪个单位负责': the one who carries it out, which a unit merely named does not say.
DUTY_ASK_RE = re.compile(
    r"由(?:哪个|哪些|哪家|什么)(?:部门|单位|机构)?[^，。？?]{0,4}?(?:承担|负责|牵头|实施|落实|办理|组织)"
    r"|(?:哪个|哪些|哪家)(?:部门|单位|机构)(?:来)?(?:承担|负责|牵头)"
)
DUTY_RE = re.compile(
    r"由[^，。；]{1,24}?(?:牵头|负责|组织|实施|承办|落实|办理)"
    rf"|由[^，。；]{{1,16}}?{_UNIT}向[^，。；]{{1,16}}?{_UNIT}"  # '由市卫生部门向市人力社保部门…移交'
    rf"|{_UNIT}(?:要|负责|牵头|会同|配合|抓好|做好|切实|承担|拟草|起草|拟定|制定|提请|提交|提出|报送|汇报)"
    rf"|听取(?:了)?[\u4e00-\u9fa5]{{1,16}}?{_UNIT}(?:关于|的|所作|作的|汇报)"
    # '由市民政局再次征求各地、各相关部门意见,进一步修改完善': the unit that carries the next step
    rf"|由[\u4e00-\u9fa5]{{1,12}}?{_UNIT}(?:再次|进一步|尽快|抓紧)?"
    r"(?:征求|修改|完善|研究|制定|起草|审核|印发|发布|报送|提交|跟踪|督办|协调|对接)"
)
KIND_NAMES = {
    "zh": {
        "amount": "金额",
        "date": "日期",
        "deadline": "完成时限",
        "count": "数量",
        "rate": "增幅或比例",
        "person": "人员",
        "reporter": "汇报人",
        "department": "单位",
        "decision": "决定",
        "location": "地点",
        "venue": "会议地点",
        "quantity": "具体数字",
        "post": "任职人员",
        "duration": "时长",
    },
    "en": {
        "amount": "an amount",
        "date": "a date",
        "deadline": "a deadline",
        "count": "a number",
        "rate": "a rate or share",
        "person": "a person",
        "reporter": "who reported",
        "department": "a department",
        "decision": "a decision",
        "location": "a location",
        "venue": "where it was held",
        "quantity": "a figure",
        "post": "who holds the post",
        "duration": "a length of time",
    },
}


@dataclass
class Verdict:
    answerable: bool
    reason: str = ""  # in the asker's language
    kind: str = "topic"
    clarify: bool = False  # the question itself lacks what is needed (which meeting, which topic)


def asked_kind(intent: QueryIntent) -> str:
    """The kind of fact the question asks for (amount, date, …); 'topic' when it asks what was said."""
    if intent.asks_amount:
        return "amount"
    for kind, pattern in ASK_PATTERNS:
        if pattern.search(intent.text):
            return kind
    return "topic"


def judge(result: RetrievalResult, retriever: Retriever) -> Verdict:
    intent, lang = result.intent, result.intent.lang
    kind = asked_kind(intent)
    if missing := _missing_context(intent, retriever, kind):
        return Verdict(False, missing, kind, clarify=True)
    if (
        intent.asks_doc_number
        and intent.meeting is not None
        and not any(h.meeting.doc_number for h in result.hits)
    ):
        return Verdict(
            False,
            say(lang, "no_doc_number"),
            kind,
        )
    if kind == "attendance":
        return _attendance(result.hits[0].meeting, lang)
    if intent.meeting is not None and CHAIR_ASK_RE.search(intent.text) and result.hits:
        chaired = result.hits[0].meeting
        if chaired.chair is None:  # never '由（未写明）主持' as an answer
            name = chaired.label if lang == "zh" else chaired.english_label
            return Verdict(False, say(lang, "no_chair", label=name), kind)
    terms = topic_terms(intent, retriever)
    if result.structured:  # '审议了哪些项目资金': a list asked of a topic no listed item is about
        covering = [h for h in result.hits if _covers(h, terms, intent, retriever)] if terms else result.hits
        if not covering:
            return Verdict(False, _topic_reason(result.hits[0], terms, intent, retriever), kind)
        # '确定的重点民生实事有哪些' of '研究…重点民生实事…': a set named, its members never listed
        if unlisted := _list_not_printed(intent, covering):
            return unlisted
        if unnamed := _entity_not_named(
            intent, covering, kind
        ):  # '决定对哪些学校开展督导' of items naming none
            return unnamed
        if DOCUMENTS_ASK_RE.search(intent.text) and not any(map(_names_document, covering)):
            name = "审议的文件" if lang == "zh" else "the documents reviewed"  # '强调加强安全生产' only
            return _not_stated(covering[0], name, lang, kind)
        if unrequired := _requirements_not_stated(covering, terms, intent, retriever):
            return unrequired
        if unchanged := _change_not_printed(covering, covering[0], intent.text, lang, kind):
            return unchanged
        return Verdict(True, kind=kind)
    if intent.meeting_level and result.hits[0].item.item == 0 and kind != "amount":
        return _meeting_level(result.hits[0], terms, intent, retriever, kind)
    if intent.unknown_places and not terms:
        places = "、".join(intent.unknown_places)  # and the places the index does hold, to ask about instead
        held = held_places(lang, retriever.meetings.values())
        return Verdict(False, say(lang, "places_not_held", wanted=places, held=held).rstrip("。"), kind)
    candidates = [
        h for h in result.hits[:3] if h.item.item != 0 or overview_answers(h.meeting)
    ] or result.hits[:1]
    on_topic = [h for h in candidates if _covers(h, terms, intent, retriever)]
    if not on_topic:
        return Verdict(False, _topic_reason(candidates[0], terms, intent, retriever), kind)
    if unlisted := _list_not_printed(intent, on_topic):
        return unlisted
    if unnamed := _entity_not_named(intent, on_topic, kind):  # '涉及哪个县' of an item that names no county
        return unnamed
    if (asked := ASKED_DOCUMENT_RE.search(intent.text)) and not any(
        _names_document_kind(h, asked.group("noun")) for h in on_topic
    ):
        name = f"具体的{asked.group('noun')}" if lang == "zh" else "the document asked for"
        return _not_stated(on_topic[0], name, lang, kind)  # '通过了哪个规划' of '完成“十四五”规划目标任务'
    if (deal := DEAL_ASK_RE.search(intent.text)) and not any(
        names_dealt(h.item.text, deal.group("kind")) for h in on_topic
    ):
        name = f"具体的{deal.group('kind')}名称" if lang == "zh" else "the names asked for"
        return _not_stated(on_topic[0], name, lang, kind)  # '签约了哪些项目' of '确保签约项目能落地'
    items = [h for h in on_topic if h.item.item != 0] or on_topic[:1]  # the items, not 会议概况
    if FINAL_ASK_RE.search(intent.text) and all(_only_proposed(h) for h in items):
        name = "最终确定的结果" if lang == "zh" else "the final outcome"  # '候选项目' studied, none chosen
        return _not_stated(items[0], name, lang, kind)
    if (year := _year_not_printed(intent, on_topic)) is not None:  # 2025 asked of a 2012-2020 plan
        name = f"{year}年的内容" if lang == "zh" else f"anything on {year}"
        return _not_stated(items[0], name, lang, kind)
    if unchanged := _change_not_printed(on_topic, items[0], intent.text, lang, kind):
        return unchanged  # '听取…高中办学情况的汇报' adjusts nothing
    # '审议《A》《B》《C》。强调…' said of all three; an overview speaks for the topic only when its
    # remarks name it, not when its opening lists it among others ('重点研究…生态环境保护等有关事项')
    remarked = [h for h in on_topic if h.item.item == 0 and _remarks_name(h, terms, retriever)]
    speaking = _with_clause_siblings(items) + remarked
    if REQUIREMENTS_ASKED_RE.search(intent.text) and not any(map(_says_more, speaking)):  # 会议概况 too
        hit = items[0]  # '研究部署科技等工作' and nothing after it: no requirement is printed
        name = "具体要求" if lang == "zh" else "requirements"
        return _not_stated(hit, name, lang, kind)
    if unrequired := _requirements_not_stated(speaking, terms, intent, retriever):
        return unrequired  # '对殡葬改革提出了哪些具体措施' of an item that only studied 《殡葬管理条例》
    if kind == "topic" and _bare_heading_only(on_topic, terms, intent, retriever):
        hit = items[0]  # '车改方案规定取消哪些公务用车' of an item that only names the plan
        name = "具体内容" if lang == "zh" else "the details asked for"
        return _not_stated(hit, name, lang, kind)
    if kind == "topic":
        return Verdict(True, kind=kind)
    duty = kind == "department" and DUTY_ASK_RE.search(intent.text)  # not any unit the item names
    same_meeting = [  # a decision the report printed apart ('會議原則同意…匯報' after '聽取…匯報'), ranked lower
        h
        for h in result.hits[3:5]
        if h.doc_id == on_topic[0].doc_id and h.item.item and _covers(h, terms, intent, retriever)
    ]
    fact = "duty" if duty else kind
    if kind in ("person", "department") and REPORTER_ASK_RE.search(intent.text):
        fact = kind = "reporter"  # '是谁汇报的': the reporter, not any unit the remarks name
    stated = [h for h in [*on_topic, *same_meeting] if _has_fact(h, fact, intent.text)]
    if kind == "date" and EVENT_DATE_ASK_RE.search(intent.text):  # the event's date, not the meeting's
        stated = [h for h in stated if _dated_besides_meeting(h, terms)]
    if kind == "count" and (unit := COUNT_UNIT_RE.search(intent.text)):  # 几起事故 of '三个责任'
        counted = re.compile(rf"(?:\d+|[一二三四五六七八九十两百千]+)\s*{unit.group('unit')}")
        stated = [h for h in stated if counted.search(_figures_text(h.item.text))]
    if duty and lang == "zh" and terms:  # '由哪个部门牵头药茶种植工作' of an item that lists 药茶种植
        stated = [h for h in stated if _duty_beside_topic(h, terms)]  # among 15 matters, no unit named
    if kind in ("amount", "quantity") and lang == "zh" and terms:  # '科创园B区用地面积是多少' of
        stated = [h for h in stated if _figure_beside_topic(h, terms, kind)]  # '听取20个…、…用地方案
    if stated:
        return Verdict(True, kind=kind)
    hit = on_topic[0]
    name = KIND_NAMES[lang][kind] if kind in KIND_NAMES[lang] else kind
    return _not_stated(hit, name, lang, kind)


# '作了什么调整' · '调整了什么' · 'what adjustment': a change the minutes must state.
ADJUSTMENT_ASK_RE = re.compile(
    r"(?:作|做)(?:了|出了?)?(?:什么|哪些)(?P<a>调整|修改|修订|变更|改动)|(?P<b>调整|修改|修订|变更)了(?:什么|哪些)"
)


def _change_asked(question: str) -> str | None:
    """The change a question asks the meeting made ('作出了哪些修改' → 修改), which the item must print."""
    found = ADJUSTMENT_ASK_RE.search(question)
    return (found.group("a") or found.group("b"))[:2] if found else None


CHANGE_WORDS = ("调整", "修改", "修订", "修正", "变更", "改动")


def _change_not_printed(
    hits: list[ItemHit], cited: ItemHit, question: str, lang: str, kind: str
) -> Verdict | None:
    """A refusal naming the change asked ('作出了哪些修改') when none of the items says anything was
    changed (审议了《…制度》 changes nothing); None when no change is asked or one is printed."""
    change = _change_asked(question)
    if not change or any(word in hit.item.text for hit in hits for word in CHANGE_WORDS):
        return None
    return _not_stated(cited, f"{change}内容" if lang == "zh" else "an adjustment", lang, kind)


# '2025年' in a question; not the meeting's own year ('2022年第6次常务会议', '2019年12月…').
ASKED_YEAR_RE = re.compile(r"((?:19|20)\d{2})年(?!第|\d{1,2}月|度?常务|[上下]半年常务)")


def _with_clause_siblings(hits: list[ItemHit]) -> list[ItemHit]:
    """The hits, and for one that is a bare clause of a sentence naming several documents
    ('省政府常务会议审议《A》《B》《C》。' then '强调,要…精益求精完善报告'), the items cut from the same
    sentence: the remarks after the list, filed under its last document, are said of every one."""
    out = list(hits)
    for hit in hits:
        item = hit.item
        if item.item == 0 or item.line is None or len(item.text) > len(item.heading) + 12:
            continue
        # '研究部署科技等工作' beside other works: its own topic, of which nothing is said
        if not item.document_titles:
            continue
        siblings = [
            i
            for i in hit.meeting.items
            if i.line == item.line and i.item not in (0, item.item) and i.document_titles
        ]
        out += [replace(hit, item=sibling) for sibling in siblings]
    return out


def _year_not_printed(intent: QueryIntent, on_topic: list[ItemHit]) -> int | None:
    """A year the question asks about that no item found prints, nor is its meeting's year: '规划对
    2025年提出了什么目标' of a plan for 2012-2020 is not answered by its 2015 target."""
    for found in ASKED_YEAR_RE.finditer(intent.text):
        year = found.group(1)
        if not any(year in h.item.text or (h.meeting.date or "").startswith(year) for h in on_topic):
            return int(year)
    return None


DATELINE_RE = re.compile(r"\d{1,2}月\d{1,2}日(?:电|讯)")


def _dated_besides_meeting(hit: ItemHit, terms: list[str]) -> bool:
    """A date printed in a sentence about the asked event, other than the meeting's own date."""
    from .sentences import split_sentences

    written = hit.meeting.date_as_written
    text = hit.item.text.replace(written, "") if written else hit.item.text
    text = DATELINE_RE.sub("", text)  # '1月13日讯': the day the report ran
    # the sentence naming the event or the one after it ('…拉力赛是一项国际体育比赛。此项赛事…时间基本
    # 固定在每年10月10日至16日。')
    return any(
        FACT_PATTERNS["date"].search(sentence)
        for window in _topic_windows(split_sentences(text), terms)
        for sentence in window
    )


def _topic_windows(pieces: list[str], terms: list[str]) -> Iterator[list[str]]:
    """Each piece (sentence or clause) naming most of the asked topic's words, with the piece after it:
    where a fact about that topic is printed. Most, not one: '发展' alone is in any sentence."""
    need = max(1, (len(terms) + 1) // 2)
    for pos, piece in enumerate(pieces):
        if sum(term in piece for term in terms) >= need:
            yield pieces[pos : pos + 2]


# '最终确定了哪些项目': the settled outcome asked, which an item studying candidates or a draft does not give.
FINAL_ASK_RE = re.compile(r"最终|最后(?:确定|敲定|选定|通过)|正式(?:确定|公布|通过)|\bfinal(?:ly)?\b", re.I)
PROPOSED_RE = re.compile(r"候选|征集|征求意见稿|讨论稿|初步(?:方案|名单)")


def _only_proposed(hit: ItemHit) -> bool:
    """An item about candidates or a draft (研究…候选项目) that records no decision on them."""
    return bool(PROPOSED_RE.search(hit.item.heading)) and not hit.item.decisions


# '审议了哪些文件' · 'Which documents did … review': documents by name, not the meeting's topics.
DOCUMENTS_ASK_RE = re.compile(r"哪些(?:文件|规范性文件)|\b(?:which|what) documents\b", re.I)


def _names_document(hit: ItemHit) -> bool:
    """Whether an item names a document: a title in 《》, or a heading the parser read one from."""
    opening = hit.meeting.items[0].text if hit.meeting.items else ""  # '…第39次常务会议,审议《…》'
    return bool(hit.item.document_titles) or any(
        "《" in text for text in (hit.item.text, hit.item.heading, opening)
    )


def _not_stated(hit: ItemHit, name: str, lang: str, kind: str) -> Verdict:
    """A refusal naming the item found and the kind of fact it does not print (金额, 具体要求…)."""
    return Verdict(
        False,
        say(lang, "fact_not_stated", citation=hit.citation, heading=hit.item.heading, name=name),
        kind,
    )


def _bare_heading_only(
    on_topic: list[ItemHit], terms: list[str], intent: QueryIntent, retriever: Retriever
) -> bool:
    """Whether every item found prints its heading and nothing more while the question asks about
    more than that heading says: a bare '审定《车改工作方案》' answers which plan was set, never what
    the plan prescribes. A question the heading itself answers (its words mostly there) is kept."""
    if not terms or MEETING_ASK_RE.search(intent.text) or any(map(_says_more, on_topic)):
        return False  # '听取…汇报的是第几次会议': the heading is the answer
    best = max(topic_share(h, terms, intent, retriever) for h in on_topic)
    return best < retriever.config.answer.bare_heading_coverage


# Requirements asked for in so many words (提出了哪些要求, 如何做好), not 研究部署了哪一年的…, 结果如何.
REQUIREMENTS_ASKED_RE = re.compile(
    r"(?:什么|哪些|有何)(?:具体|主要)?(?:要求|措施|举措)|(?:怎么|如何)(?!处理|评价|看待|定位)(?=[\u4e00-\u9fa5])"
    rf"|强调了?什么|\brequire|{MEASURES_ASK}",
    re.I,
)


# '提出了哪些具体措施' · '有什么要求': requirements asked for in so many words (not '怎么取得的').
REQUIREMENTS_NAMED_RE = re.compile(rf"(?:什么|哪些|有何)(?:具体|主要)?(?:要求|措施|举措)|{MEASURES_ASK}")
# '…强调,要…' · '…原则通过《…》,要求各地区、各部门要对照…': the remark's subject may come before its 要.
REMARK_IN_HEADING_RE = re.compile(r"(?:强调|要求|指出)[，,：:]?(?:[^，,。；;]{0,10}?)要")


def _requirements_not_stated(
    hits: list[ItemHit], terms: list[str], intent: QueryIntent, retriever: Retriever
) -> Verdict | None:
    """Requirements asked in so many words of a topic no item's requiring sentences are about: refused
    as not stated. None when requirements are not asked, or some item states them."""
    if intent.lang != "zh" or not terms or not REQUIREMENTS_NAMED_RE.search(intent.text):
        return None
    if any(_requires_of_topic(h, terms, retriever) for h in hits):
        return None
    items = [h for h in hits if h.item.item != 0] or hits
    return _not_stated(items[0], "对此的具体要求", intent.lang, asked_kind(intent))


# Words of a time frame ('第三季度', '上半年', '2024年'): when, not what.
TIME_FRAME_RE = re.compile(r"季|半年|年度|^第?[一二三四五六七八九十]+$|^\d+年?$|[今明去]年|月份")
# A sentence that requires or arranges something: '要…' · '必须…' · '确保…' · '严禁…'.
REQUIRING_RE = re.compile(r"要|必须|务必|确保|严禁|不得|力争|抓好|做好|加快|推进")


def _requires_of_topic(hit: ItemHit, terms: list[str], retriever: Retriever) -> bool:
    """Whether the item's requiring sentences are about the topic, not only its heading: an item that
    studied 《殡葬管理条例》 and then required work on other things states no requirement on funerals."""
    from .sentences import body_sentences, split_sentences

    sentences = (  # the remarks, not the heading that names what was studied
        body_sentences(hit.item.text)
        if hit.item.item
        else split_sentences("\n".join([*hit.meeting.preamble, hit.meeting.intro_text or ""]))
    )
    requiring = "".join(s for s in sentences if REQUIRING_RE.search(s))
    terms = [t for t in terms if not TIME_FRAME_RE.search(t)]  # 第三季度 frames the report, not the topic
    terms = [t for t in terms if t in hit.item.heading] or terms  # the words it is about, not 改革的思维
    if not requiring or not terms:
        return True  # no requiring sentence at all: `_says_more` decides
    if retriever.share_of_terms(terms, requiring) >= retriever.config.answer.coverage_threshold:
        return True  # (Chinese only: `_requirements_not_stated` asks it of no English question)
    # Remarks speak of an item's one subject without naming it ('各相关部门要…制定具体工作方案'); only
    # an item that took up several documents at once leaves the asked one without requirements.
    return hit.item.heading.count("《") < 2


# A remark's requiring word ('要…', not '重要讲话'), and the words of an opening or a headline that
# names the meeting ('李楚主持召开…重点研究文化传承、…生态环境保护等事项').
REMARK_REQUIRES_RE = re.compile(r"(?<![重主需])要|必须|务必|确保|严禁|不得|力争")
OPENING_WORDS_RE = re.compile(r"主持|召开|【")


def _remarks_name(hit: ItemHit, terms: list[str], retriever: Retriever) -> bool:
    """Whether the overview's requiring sentences after its opening hold the topic ('崔长领要求,要认真
    贯彻落实省委书记王蒙徽在襄阳调研时的讲话精神。' in a report whose remarks stayed in its overview)."""
    from .sentences import split_sentences

    remarks = "".join(
        s
        for s in split_sentences(hit.item.text)[1:]
        if REMARK_REQUIRES_RE.search(s) and not OPENING_WORDS_RE.search(s)  # no headline, no opening
    )
    return (
        bool(remarks)
        and retriever.share_of_terms(terms, remarks) >= retriever.config.answer.coverage_threshold
    )


def _says_more(hit: ItemHit) -> bool:
    """Whether an item prints anything besides its heading (of 会议概况: remarks of its own)."""
    from .sentences import split_sentences

    if hit.item.item == 0:  # a report no item could be cut from speaks in its one overview
        itemised = any(item.item for item in hit.meeting.items)
        return meeting_speaks(hit.meeting) if itemised else len(split_sentences(hit.item.text)) > 1
    text, heading = hit.item.text, hit.item.heading
    if REMARK_IN_HEADING_RE.search(heading[8:]):  # a heading that ran on into the remark ('…汇报强调,要…')
        return True
    return len(split_sentences(text)) > 1 or len(text) > len(heading) + 20  # '…汇报，强调…' runs on


# '…听取…汇报。王丰鹏指出,…要…': remarks run on in the opening paragraph itself.
# '。会议强调，要…' · '。会议举行专题学法讲座,…教授…为题进行了授课' run on after the opening sentence
# '主持召开市政府常务会议时强调,加快振兴发展是梅州的首要任务…': the opening sentence itself speaks
RUN_ON_REMARK_RE = re.compile(
    r"。(?:[^。]{0,12}?(?:指出|强调|要求)[，,:：]|(?:会议|会上)[^。]{20,})|会议?时(?:强调|指出|要求)[，,:：]"
)


def meeting_speaks(meeting: Meeting) -> bool:
    """Whether the meeting-level text holds remarks of its own ('会议强调，要…' before the first item of a
    news report, or run on in its opening paragraph), so that 会议概况 can answer a topic, not only say
    who met when."""
    return any(len(line) > 40 for line in meeting.preamble) or bool(
        RUN_ON_REMARK_RE.search(meeting.intro_text or "")
    )


def overview_answers(meeting: Meeting) -> bool:
    """Whether 会议概况 can answer a topic: it holds remarks of its own, or its opening says what the
    meeting studied or heard and no item took that clause apart (the report itemised only what followed)."""
    return meeting_speaks(meeting) or bool(clauses.unitemised_opening_verbs(meeting))


# '涉及哪个县' · '包括哪些街道' · '哪家公司': a named place or body of that kind must be printed.
ENTITY_ASK_RE = re.compile(
    r"哪(?:个|些|家|所|几个)(?P<kind>街道|社区|乡镇|镇|乡|村|县|公司|学校|医院|高校)"
    r"(?!(?:人民)?(?:政府)?(?:常务会议)?(?:研究|审议|听取|召开|传达|部署|讨论))"  # not '哪些县研究了…'
    # (which meeting: answered by its place)
)
# '新命名的道路叫什么名字' · '项目名称是什么': the name of the thing just named is asked.
NAME_ASK_RE = re.compile(
    r"(?P<kind>委员会|[\u4e00-\u9fa5]{2})(?:的)?(?:叫什么(?:名字|名称)?|叫做什么|(?:名字|名称)(?:是|叫)什么)"
)
# How names of each kind end ('东城街道', '某某有限公司', '湖南工业大学'); a road is '…路', not 道路.
_ROAD_NAME = r"(?<!道)路|街(?!道)|大道|巷"
ENTITY_ENDINGS = {
    "高校": "大学|学院",
    "学校": "学校|中学|小学|大学|学院",
    "乡镇": "乡|镇",
    "公司": "公司|集团",
    "道路": _ROAD_NAME,
    "街道": "街道",
    "企业": "公司|集团|企业|厂",
}


# '两个试点乡镇是哪两个' · '这些企业分别是哪几家': the kind named first, then which ones asked.
ENTITY_ASKED_AFTER_RE = re.compile(
    r"(?P<kind>街道|社区|乡镇|镇|乡|村|县|公司|企业|学校|医院|高校)(?:分别|具体|都)?是哪(?:[两二三四五六七八九十几]|些)[个家所]?"
)


# '污水处理厂投资方是谁' · '中标单位是哪家': a party to a deal, which only a named company answers.
PARTY_ASK_RE = re.compile(
    r"(?:投资方|投资人|投资主体|出资方|承建方|承建单位|施工方|施工单位|中标方|中标单位|中标人|运营方|运营商"
    r"|合作方|开发商|建设方|供应商)(?:是谁|是哪[家个]|是什么(?:公司|企业|单位)?|为何方)"
)


# 'Which company will develop …' · 'which schools': the English kinds, as their Chinese names end.
EN_ENTITY_ASK_RE = re.compile(
    r"\bwhich (?P<kind>compan(?:y|ies)|firms?|enterprises?|schools?|universit(?:y|ies)|colleges?|hospitals?)\b",
    re.I,
)
EN_ENTITY_KINDS = {
    "comp": "公司",
    "firm": "公司",
    "ente": "企业",
    "scho": "学校",
    "univ": "高校",
    "coll": "高校",
    "hosp": "医院",
}


def asked_entity(question: str) -> str | None:
    """The kind of name the question asks for ('哪个县' → 县, '道路叫什么名字' → 道路), if any."""
    if PARTY_ASK_RE.search(question):
        return "公司"
    if english := EN_ENTITY_ASK_RE.search(question):
        return EN_ENTITY_KINDS[english.group("kind")[:4].lower()]
    found = (
        ENTITY_ASK_RE.search(question)
        or ENTITY_ASKED_AFTER_RE.search(question)
        or NAME_ASK_RE.search(question)
    )
    return found.group("kind") if found else None


GENERIC_NAME_RE = re.compile(r"^(?:各|全|本|该|我|相关|有关|所在|所属|辖区|其他|下辖|乡|镇)")
# '设立两个社区居民委员会' · '部分道路命名': words counting or creating things, never part of a name
UNNAMED_RE = re.compile(r"[一二两三四五六七八九十\d]+个|部分|设立|新建|新设|命名")


def _entity_not_named(intent: QueryIntent, hits: list[ItemHit], kind: str) -> Verdict | None:
    """A refusal when the question asks a name of a kind (哪个县, 哪些学校) that none of the items prints."""
    strict = bool(NAME_ASK_RE.search(intent.text) or ENTITY_ASKED_AFTER_RE.search(intent.text))
    if not (entity := asked_entity(intent.text)) or any(_names_entity(h, entity, strict) for h in hits):
        return None
    name = f"具体的{entity}名称" if intent.lang == "zh" else "the name asked for"
    return _not_stated(hits[0], name, intent.lang, kind)


def _names_entity(hit: ItemHit, kind: str, strict: bool) -> bool:
    """Whether the item (or its meeting's own name) prints a name of the asked kind."""
    return names_entity(f"{hit.meeting.city_full or ''} {hit.item.text}", kind, strict)


def names_entity(text: str, kind: str, strict: bool = False) -> bool:
    """Whether `text` holds a name of that kind ('东城街道'), not a generic one ('各街道'). `strict`
    (a name asked for in so many words: 叫什么名字) also takes no count or act for one ('设立两个…')."""
    endings = ENTITY_ENDINGS.get(kind, kind)
    for found in re.finditer(rf"([\u4e00-\u9fa5]{{2,10}}?)(?:{endings})", text):
        prefix = found.group(1)
        if not GENERIC_NAME_RE.match(prefix) and not (strict and UNNAMED_RE.search(prefix)):
            return True
    return False


def _list_not_printed(intent: QueryIntent, on_topic: list[ItemHit]) -> Verdict | None:
    """'20项重点民生实事具体是哪些' of items that name the set and never list its members."""
    if not (asked := LIST_DETAIL_RE.search(intent.text)):
        return None
    set_word = asked.group("set") or asked.group("roster") or asked.group("picked")
    if any(_lists(h, set_word) for h in on_topic):
        return None
    naming = [h for h in on_topic if set_word in h.item.text] or on_topic  # the item naming the set
    name = "具体清单" if intent.lang == "zh" else "the list itself"
    return _not_stated(naming[0], name, intent.lang, "list")


def _lists(hit: ItemHit, set_word: str) -> bool:
    """True when the item enumerates the set after naming it ('十大工程：一是…', 'A、B、C'), not
    when it only names it ('实施十大促消费工程，…', '《关于抓好20项重点民生实事落实的工作方案》')."""
    text = hit.item.text
    for found in re.finditer(re.escape(set_word), text):
        clause = re.split(r"[，,。；;》]", text[found.end() : found.end() + 120])[0]
        following = text[found.end() : found.end() + 160]
        if clause.lstrip("”\"'」 ").startswith(("是", "为", "工作", "的")):
            continue  # '“六个行动”是聚焦…、…、…的重要抓手': said of the set, not its members
        if re.search(r"、[^，,。；;：:、]{0,4}$", text[max(0, found.start() - 5) : found.start()]):
            continue  # '研究重点项目建设、…、重点民生实事、…等问题': one of a list, its siblings follow
        if clause.count("、") >= 2 or clause.lstrip().startswith(("：", ":", "，即", "包括")):
            return True
        if re.search(r"一是|（一）|\(1\)|1[.、．]", following):
            return True
    return False


def _meeting_level(
    hit: ItemHit, terms: list[str], intent: QueryIntent, retriever: Retriever, kind: str
) -> Verdict:
    """Who chaired, when, attendance: answered from the header — unless the question also names a topic
    the meeting never mentions (主持人对春运工作提出了什么要求, asked of a meeting without 春运)."""
    undated = kind == "date" and not (hit.meeting.date or hit.meeting.date_as_written)  # '近日，…'
    if undated or (kind == "venue" and not _has_fact(hit, kind)):  # '在哪里召开': no room named
        return _not_stated(hit, KIND_NAMES[intent.lang][kind], intent.lang, kind)
    topic = [t for t in terms if not META_RE.search(t)]
    if intent.lang == "en" or not topic:
        return Verdict(True, kind=kind)
    whole = hit.meeting.items_text
    if retriever.share_of_terms(topic, whole) >= retriever.config.answer.coverage_threshold:
        return Verdict(True, kind=kind)
    return Verdict(False, _topic_reason(hit, topic, intent, retriever), kind)


def _missing_context(intent: QueryIntent, retriever: Retriever, kind: str) -> str:
    """'谁主持的？' with no meeting named, or an empty question: ask instead of answering at random."""
    text = re.sub(r"[\s？?。.!！，,]", "", intent.text)
    if not text:
        return say(intent.lang, "empty_question")
    names_meeting = bool(
        intent.cities
        or intent.chairs
        or intent.meeting is not None
        or intent.date_from
        or intent.unknown_places
    )
    several = len(retriever.meetings) > 1
    if names_meeting or not several:
        return ""
    if intent.meeting_level or (
        kind in ("person", "date", "attendance") and not topic_terms(intent, retriever)
    ):
        return say(intent.lang, "which_meeting")
    if not topic_terms(intent, retriever) and not intent.has_item_filters and not intent.wants_list:
        return say(intent.lang, "too_short")
    return ""


def clause_sentences(text: str) -> list[str]:
    """The sentences and the clauses ending in ； of a text, one per line break too."""
    return [s.strip() for s in re.split(r"(?<=[。；])|\n", text) if s.strip()]


def attendance_sentences(meeting: Meeting) -> list[str]:
    """Sentences saying who attended ('副市长…出席会议。'), the meeting-level text first: a report may
    print them last, after its items ('旗级领导…出席会议,…列席会议。(记者…)')."""
    sentences = [s for item in meeting.items for s in clause_sentences(item.text)]
    return [s for s in sentences if ATTENDED_RE.search(s) and not s.startswith("会议")][:3]


def _attendance(meeting: Meeting, lang: str) -> Verdict:
    if meeting.attendance or attendance_sentences(meeting):
        return Verdict(True, kind="attendance")
    chair = f"{meeting.chair}{meeting.chair_title or ''}" if meeting.chair else ""
    reason = say(lang, "no_attendees", label=meeting.label, english_label=meeting.english_label)
    reason += say(lang, "only_chair", chair=chair) if chair else ""
    return Verdict(False, reason, kind="attendance")


def topic_terms(intent: QueryIntent, retriever: Retriever) -> list[str]:
    """The question's topic words: what an item must hold to be about it (question words left out)."""
    if intent.lang == "en":  # 'What article did … study?': the kind of thing asked names no topic
        asked = EN_NAMED_THING_ASK_RE.search(intent.text)
        return bilingual.english_topic_words(
            intent.text, [*intent.filter_words, *(asked.groups() if asked else ()), intent.besides]
        )
    return content_terms(retriever.index.tokenizer.tokenize(intent.text), intent)


def promote_on_topic(result: RetrievalResult, retriever: Retriever) -> RetrievalResult:
    """The found items with the first one about the question's topic moved to the front, when the
    three best-scored items of that meeting are not about it and a lower one is. Five items of one
    meeting often score within a few hundredths of each other (a 'greening report' question ranks
    the greening item fifth behind a forest-fire plan); an item holding nearly all the topic words
    (`promote_coverage`) then leads."""
    intent = result.intent
    if result.structured or len(result.hits) <= 3 or (intent.meeting_level and result.hits[0].item.item == 0):
        return result  # '召开后多少天印发纪要' is the meeting's own, not an item's that prints 印发
    terms = topic_terms(intent, retriever)
    if not terms or any(_covers(h, terms, intent, retriever) for h in result.hits[:3]):
        return result
    doc, bar = result.hits[0].doc_id, retriever.config.answer.promote_coverage
    later = [  # nearly all the topic, not one word in a wrong sense ('sorting' → 理顺 of garbage sorting)
        h
        for h in result.hits[3:]
        if h.doc_id == doc and h.item.item != 0 and topic_share(h, terms, intent, retriever) >= bar
    ]
    if not later:
        return result
    first = later[0]
    return replace(result, hits=[first, *(h for h in result.hits if h is not first)])


def overview_for_list(result: RetrievalResult, retriever: Retriever) -> RetrievalResult:
    """A list asked of one meeting ('…集体学习会深入学习了哪些会议精神') that none of its items is about,
    while its 会议概况 holds nearly all the topic words (a joint meeting's study session printed before
    the agenda): answered from the overview like any topic, not refused for the items' sake."""
    if not result.structured or not result.hits or len({h.doc_id for h in result.hits}) > 1:
        return result
    intent, meeting = result.intent, result.hits[0].meeting
    terms = topic_terms(intent, retriever)
    if not terms or not meeting.items or any(_covers(h, terms, intent, retriever) for h in result.hits):
        return result
    first = result.hits[0]
    overview = replace(first, item=meeting.items[0], passage=meeting.items[0].text[:400])
    if topic_share(overview, terms, intent, retriever) < retriever.config.answer.promote_coverage:
        return result
    intent = replace(intent, wants_list=False)  # what the overview says is listed, not the items
    return replace(result, intent=intent, hits=[overview, *result.hits], structured=False)


def _covers(hit: ItemHit, terms: list[str], intent: QueryIntent, retriever: Retriever) -> bool:
    if not terms:
        return True
    threshold = retriever.config.answer
    return topic_share(hit, terms, intent, retriever) >= (
        threshold.en_coverage_threshold if intent.lang == "en" else threshold.coverage_threshold
    )


def topic_share(hit: ItemHit, terms: list[str], intent: QueryIntent, retriever: Retriever) -> float:
    """How much of the question's topic (`topic_terms`) the item holds: the idf-weighted share of its
    words (English: of the dictionary-known words with a translation in the item)."""
    text = hit.item.heading + hit.item.text
    if intent.lang == "en":
        quoted = bilingual.quoted_words(intent.text)
        return bilingual.cross_lingual_coverage(terms, text, quoted)[0] if terms else 1.0
    return retriever.share_of_terms(terms, text)


def _topic_reason(hit: ItemHit, terms: list[str], intent: QueryIntent, retriever: Retriever) -> str:
    text = hit.item.heading + hit.item.text
    if intent.lang == "en":
        _, missing = bilingual.cross_lingual_coverage(terms, text, bilingual.quoted_words(intent.text))
    else:
        missing = [t for t in terms if t not in text.replace(" ", "")]
        missing = sorted(missing, key=lambda t: -retriever.idf.get(t, 2.0))
    words = join(intent.lang, missing[:3] or terms[:3])
    return say(intent.lang, "off_topic", words=words, citation=hit.citation)


# '几起' · '多少家': the unit counted, which the printed figure must carry ('个' counts anything).
COUNT_UNIT_RE = re.compile(r"(?:几|多少)(?P<unit>[项家所座条件支台处套辆名户起次批])")


# '刘志庚副省长来梅调研': a person named before the title, as reports name a visiting leader.
TITLED_NAME_RE = re.compile(r"[\u4e00-\u9fa5]{2,3}(?<!常务)(?:副省长|副市长|副县长|副区长|副州长|副主席)")


# '任命张三同志为…' · '由李四兼任' · '…同志任…主任': a post given to someone by name.
# '…同志任…' · '副县长杨三信任组长': someone named to a post.
APPOINTED_RE = re.compile(
    r"担任|兼任|出任|任命|聘任|同志任|免去|任(?:副?组长|副?主任|顾问|政委|副?总指挥|副?指挥长|召集人)"
)


# A figure inside a quoted name ('“千家卫生院 万家卫生室”大提升行动', '《…三年行动计划》') names a campaign or
# a document; it does not state the count, amount or span asked for.
QUOTED_NAME_RE = re.compile(r"“[^”]{1,30}”|《[^》]{1,80}》")
FIGURE_KINDS = ("amount", "count", "quantity", "rate", "duration")


# '…等11个相关事宜' · '等3项议题': a tally of the matters the meeting took up, a figure of the agenda
# and of nothing the matters are about — unless the question counts matters, items or documents.
MATTER_TALLY_RE = re.compile(
    r"等?\s*(?:\d+|[一二三四五六七八九十两]+)\s*(?:个|项|件|份)(?:相关|其他|有关|重要)?(?:事宜|事项|议题|文件)"
)
MATTERS_ASKED_RE = re.compile(r"事宜|事项|议题|文件|\b(?:matters|items|issues|documents|papers)\b", re.I)


def _figures_text(text: str) -> str:
    return QUOTED_NAME_RE.sub("", text)


def _figure_beside_topic(hit: ItemHit, terms: list[str], kind: str) -> bool:
    """A figure printed in the clause that names most of the asked topic, or in the clause after it:
    an item listing '20个转型项目…、科创园B区项目用地方案' states no area of the 科创园's land."""
    pieces = [p for p in re.split(r"[，,、；;。：:\n]", _figures_text(hit.item.text)) if p]
    return any(FACT_PATTERNS[kind].search("".join(window)) for window in _topic_windows(pieces, terms))


# '规划的期限是哪几年': a plan's period, which its title prints ('《…总体规划(2011-2020年)》').
PERIOD_ASK_RE = re.compile(r"哪几年|哪些年|起止年")
YEAR_RANGE_RE = re.compile(r"(?:19|20)\d{2}\s*[-—–~～至]\s*(?:19|20)\d{2}")


def _duty_beside_topic(hit: ItemHit, terms: list[str]) -> bool:
    """A unit charged in the sentence that names most of the asked topic, or in the one after it: an
    item listing '…、汾河沿线药茶种植、…' among fifteen matters names no unit that leads the tea work."""
    from .sentences import split_sentences

    sentences = split_sentences(hit.item.heading + "。" + hit.item.text)
    return any(DUTY_RE.search(sentence) for window in _topic_windows(sentences, terms) for sentence in window)


def _has_fact(hit: ItemHit, kind: str, question: str = "") -> bool:
    item = hit.item
    if kind in FACT_PATTERNS:
        dated = kind in ("date", "deadline")  # '审议《…2026年森林草原防火命令》' dates no fire season
        text = _figures_text(item.text) if kind in FIGURE_KINDS or dated else item.text
        if kind in FIGURE_KINDS and not MATTERS_ASKED_RE.search(question):
            text = MATTER_TALLY_RE.sub("", text)  # '审议了《…调解中心…请示》等11个相关事宜' counts no centres
        if kind == "date" and PERIOD_ASK_RE.search(question):  # '规划的期限是哪几年': the title's
            text = item.heading + item.text  # '(2011-2020年)' is the period asked for
            if YEAR_RANGE_RE.search(text):  # '《美丽泰安建设规划纲要(2023-2035)》', no 年 after it
                return True
        return bool(FACT_PATTERNS[kind].search(text))
    if kind == "department":  # who reported or does it, or the unit the item itself is about
        return bool(item.reporters or DUTY_RE.search(item.text) or _other_unit(item.heading, question))
    if kind == "duty":  # 由哪个部门承担: a unit printed as the one doing or paying for it
        return bool(DUTY_RE.search(item.text))
    if kind == "post":  # 由谁担任: someone appointed to it, not a unit that acts
        return bool(APPOINTED_RE.search(item.text))
    if kind == "person":  # 由谁组织实施 is answered by an organisation as often as by a person
        named = "同志" in item.text or bool(TITLED_NAME_RE.search(item.text))  # '刘志庚副省长来梅调研'
        return bool(item.reporters) or named or bool(ORG_RE.search(item.text))
    if kind == "reporter":
        return says_who_reported(item)
    if kind == "decision":  # '讨论研究并原则同意《…》': a numbered heading can itself be the decision
        decided = bool(item.decisions) or bool(rules.DECISION_ANYWHERE_RE.search(item.heading))
        return decided or _directs_asked_action(item.text, question)
    return True


def _names_document_kind(hit: ItemHit, noun: str) -> bool:
    """Whether the item names a document of that kind as one: in its heading, in a 《title》, or in a
    clause that acts on it ('签订了3个招商引资合同'), not in passing ('完成“十四五”规划目标任务')."""
    item = hit.item
    if noun in item.heading or any(noun in title for title in re.findall(r"《([^》]{1,80})》", item.text)):
        return True
    pieces = re.split(r"[，,。；;\n]", item.text)
    return any(noun in piece and DOCUMENT_ACTED_RE.search(piece) for piece in pieces)


# What may stand before 项目/企业 without naming one: deal words and modifiers ('签约', '重点', '一批龙头'),
# peeled off the end; then a verb, adverb or particle ('确保', '着力', '对') means no name was left.
_DEALT_MODIFIER_RE = re.compile(
    r"(?:签约|签订|引进|招引|落地|开工|竣工|建成|投产|招商引资|招商|引资|重点|重大|核心|关键|龙头|骨干|优质"
    r"|一批|各类|相关|有关|这些|该|新|爱心|先进|优秀|模范)$"
)
_DEALT_UNNAMED_RE = re.compile(
    r"(?:^|[的对把将和及与要等在为了是])$|(?:确保|推进|加快|抓好|抓实|做好|加强|支持|服务|谋划|储备|实施|推动"
    r"|落实|开展|争取|包装|建设|着力|全力|积极|大力|努力|力争|表扬|表彰|奖励)$"
)


def names_dealt(text: str, kind: str) -> bool:
    """Whether the text names a project or firm ('伊利成品暂存库项目', '…有限公司'), not only speaks of
    deals ('确保签约项目能落地', '着力引进一批龙头企业')."""
    if kind != "项目" and names_entity(text, "公司"):
        return True
    for found in re.finditer(kind, text):
        run = re.split(r"[^\u4e00-\u9fa5\d]", text[max(0, found.start() - 16) : found.start()])[-1]
        while modifier := _DEALT_MODIFIER_RE.search(run):
            run = run[: modifier.start()]
        if len(run) >= 2 and not _DEALT_UNNAMED_RE.search(run) and _has_noun(run):
            return True
    return False


def _has_noun(run: str) -> bool:
    """A name holds a noun ('伊利成品暂存库', '208国道改线'); '要不断完善' before 项目洽谈 holds none (jieba's
    part-of-speech tags)."""
    return any(token.flag.startswith("n") for token in jieba.posseg.cut(run))


def _other_unit(heading: str, question: str) -> bool:
    """A unit the heading names that the question does not name itself: '划转给哪家单位' of
    '听取关于中城公司划转工作…汇报' asks another unit than 中城公司, which the heading is only about."""
    for found in ORG_RE.finditer(heading):
        name = found.group()
        if not any(name[-size:] in question for size in range(3, len(name) + 1)):
            return True
    return False


def says_who_reported(item) -> bool:
    """A parsed reporter, or a sentence that hears someone's report ('听取了各位副市长…汇报',
    '会议分别听取了市农委主任周善生…关于…的情况汇报', '听取了区消防救援大队关于…的汇报',
    '…李发云就…工作开展情况做了汇报')."""
    text = item.heading + "。" + item.text
    patterns = (HEARD_FROM_RE, HEARD_NAMED_RE, HEARD_ABOUT_RE, REPORTED_SAID_RE)
    heard = (pattern.search(text) for pattern in patterns)
    return bool(item.reporters) or any(heard)


def _directs_asked_action(text: str, question: str) -> bool:
    """'decide to set up …' of an item whose chair directs it ('要成立…领导小组'): a news report prints
    the decision to act as the directive, in the verb asked."""
    if not (asked := DECIDED_ACTION_RE.search(question)):
        return False
    verbs = asked.group("zh") or ACTION_VERBS_ZH[asked.group("en").lower().replace("setting", "set")]
    return bool(re.search(rf"(?:要|决定|同意|尽快|抓紧|加快)(?:{verbs})", text))
