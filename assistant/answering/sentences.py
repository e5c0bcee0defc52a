"""Which sentence of the found items answers the question? Every sentence scored, not phrasings listed.

The lead of an answer must state what was asked: why a rule is revised (the 会议认为…
sentence), what was required (会议强调…), what was decided, who carries it out, how much,
by when. Retrieval ranks items; this module ranks the sentences inside them by three
signals, summed with the weights in `[answer]` of config.toml:

- meaning: cosine between the question and the sentence in the embedding model the
  index already runs (multilingual, so an English question finds its Chinese sentence);
- words: the idf-weighted share of the question's content terms that the sentence holds
  (the BM25 term weighting of Robertson & Zaragoza, without length normalisation, since
  sentences are short);
- kind of fact: whether the sentence has the form of the asked-for fact (a reason, a
  requirement, a decision, a figure, a responsible unit) — `SENTENCE_CUES` below.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..config import AnswerConfig
from ..ingest import rules
from .answerability import FACT_PATTERNS
from .cues import (
    ALSO_RE,
    BESIDES_RE,
    DOC_MEASURES_ASK_RE,
    EVENT_DATE_ASK_RE,
    MEETING_DATE_ASK_RE,
    REQUIREMENT_ASK_RE,
    TO_DO_ASK_RE,
    WHY_ASK_RE,
)

# What a sentence stating each kind of fact looks like in minutes (the sentence's form, not the question's).
# A strong cue (the sentence is framed as that kind of statement) scores 1, a weak one (its wording only) 0.4.
STRONG_CUES: dict[str, re.Pattern[str]] = {
    "why": re.compile(
        r"^会议(?:认为|指出)|意义|旨在|有利于|(?:重要|有力|关键)(?:举措|抓手|保障|环节|组成部分|指标|基础|前提)"
        r"|事关|关乎|关系到"
        r"|必然(?:选择|要求)|必由之路|势在必行|十分必要|迫切(?:需要|要求)"  # '…是…的必然选择'
    ),
    "requirement": re.compile(
        r"^会议(?:要求|强调|明确|部署)|^[（(]?[一二三四五六七八九十]+[）)、]|^\d+[.．、]"
        r"|^(?!会议|会上)[\u4e00-\u9fa5]{2,4}(?:强调|要求|指出)[，,：:]"  # '田连钊指出,要…': the chair's remarks
    ),
    # a principle named so ('体现“便民、惠民、利民”的原则'); a quote alone may be a requirement's slogan
    # ('按照“发展有需求、政策有支持…”要求')
    "principle": re.compile(r"原则|理念|方针"),
}
# What a thing means, said as its reason ('…是政府依法履职…的重要体现', '…具有重要意义').
SIGNIFICANCE = r"重要(?:体现|途径|举措|载体|抓手)|(?:重要|现实|深远)意义|有利于|有助于"
SENTENCE_CUES: dict[str, re.Pattern[str]] = {
    "why": re.compile(
        rf"为了|^为[^，。,]{{2,16}}[，,]|由于|因为|是.{{0,12}}(?:需要|要求)|认为|指出|{SIGNIFICANCE}"
    ),
    # 要 as 'must' ('要明确任务目标'), not inside 重要/主要/需要/只要 ('具有重要意义' requires nothing)
    "requirement": re.compile(
        r"要求|强调|部署|必须|务必|[一二三四五六七八九]是|(?<![重主需只想紧纲])要(?![点素害闻])[^，。；]{2,}"
    ),
    "decision": re.compile(r"原则(?:同意|通过)|同意|通过|批准|印发|提交|审定"),
    # who does it, or who the minutes name by title ('邀请…法学院教授张春林作专题讲座')
    "agent": re.compile(
        rf"由[^，。；]{{2,24}}(?:负责|牵头|会同|组织)|牵头|会同|负责|责成[^，。；]{{2,12}}"
        rf"|由[^，。；]{{2,24}}作为[^，。；]{{0,20}}主体|(?:实施|责任|建设|运营)主体"  # '由…城管局作为…实施主体'
        rf"|(?:{rules.OFFICIAL_TITLES}|教授|专家|研究员|院士)[\u4e00-\u9fa5]{{2,3}}(?:同志)?(?:作|就|汇报|介绍|讲解|解读|(?:出席并)?讲话|发言)"
    ),
    "amount": FACT_PATTERNS["amount"],
    "date": FACT_PATTERNS["date"],
    "deadline": FACT_PATTERNS["deadline"],
    "count": FACT_PATTERNS["count"],
    "quantity": FACT_PATTERNS["quantity"],
    "duration": FACT_PATTERNS["duration"],
    # a target set in figures ('到2020年,…主营业务收入达到1000亿元'), not the aim in words
    "target": re.compile(
        r"到\d{4}年|(?:达到|突破|超过|力争)[^，。；]{0,12}\d|\d+(?:\.\d+)?\s*(?:万|亿)?(?:元|家|个|%|％|人|户|吨)"
    ),
    # an aim: what the work is to ensure or achieve ('确保“打早、打小、打了”' · '力争五年内…')
    "aim": re.compile(r"确保|力争|旨在|目的|目标|“[^”]{4,30}”"),
    # a rule: what is forbidden, required without exception, or encouraged instead
    "rule": re.compile(r"禁止|严禁|不得|不准|一律|必须|提倡"),
    # a principle or idea the meeting set: named so, or quoted as a slogan ('“谁污染谁付费”的理念')
    "principle": re.compile(r"原则|理念|方针|“[^”]{4,30}”"),
    # what else the meeting took up, asked 'besides …' ('…还就“两节”期间安全生产…提出要求')
    "also": ALSO_RE,
    # the members of a set, listed as such ('调整后的项目如下:1.…' · '包括…' · '分别是…')
    # '如下:1.…' · '包括…' · '发展特色种植、特色加工等庭院经济' · 'A、B、C': members listed, with or without a frame
    "enumeration": re.compile(
        r"如下[:：]|包括|分别(?:是|为)|[:：]\s*(?:1[.．、]|[（(][1一][）)])"
        r"|(?:[\u4e00-\u9fa5]{2,10}、)+[\u4e00-\u9fa5]{2,10}等|(?:[\u4e00-\u9fa5]{2,10}、){2,}[\u4e00-\u9fa5]{2,10}"
    ),
}
# The asked kind (answerability.asked_kind, refined below) → the sentence cue that answers it.
CUE_FOR_KIND = {
    "why": "why",
    "requirement": "requirement",
    "decision": "decision",
    "person": "agent",
    "post": "agent",
    "department": "agent",
    "amount": "amount",
    "date": "date",
    "deadline": "deadline",
    "count": "count",
    "quantity": "quantity",
    "principle": "principle",
    "duration": "duration",
    "target": "target",
    "rule": "rule",
    "aim": "aim",
    "also": "also",
    "members": "enumeration",
}
# 'What is the aim of …' · '目的是什么': what the work is to achieve (a goal is often a target in figures).
AIM_ASK_RE = re.compile(r"\b(?:aims?|purposes?)\b|目的(?:是什么|何在)", re.I)
# '对清明节期间祭扫有什么规定' · 'What rules …': what is forbidden or must be done.
RULE_ASK_RE = re.compile(r"(?:什么|哪些)(?:规定|限制|禁止)|禁止什么|\brules?\b|\bbann?(?:ed|s)?\b", re.I)
# '到2020年的发展目标是什么' · 'What target …': a target in figures is asked.
TARGET_ASK_RE = re.compile(r"目标(?:是什么|是多少|有哪些)|(?:要|将)达到(?:什么|多少)|\btargets?\b", re.I)
# '确定了什么原则' · 'What principle did … set': the principle itself, not the topic it is about.
PRINCIPLE_ASK_RE = re.compile(r"什么(?:原则|理念|方针)|哪些(?:原则|理念|方针)|\bprinciples?\b", re.I)
# A topic question asking for a sentence of one form, and the form (its cue in SENTENCE_CUES): first match wins.
FORM_ASKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("also", BESIDES_RE),
    ("why", WHY_ASK_RE),
    ("principle", PRINCIPLE_ASK_RE),
    ("target", TARGET_ASK_RE),
    ("rule", RULE_ASK_RE),
    ("aim", AIM_ASK_RE),
)
# '调整了哪些项目' · 'Which … projects did … adjust': the members of a set are asked, not a remark.
MEMBERS_ASK_RE = re.compile(
    r"^(?!.*(?:同意|通过|批准|审定|印发))"  # '原则同意了哪些方案': the decision is asked
    r".*哪(?:些|几[个项家所类条])(?!方面|要求|措施|工作|事项|问题|部署|意见|建议)[\u4e00-\u9fa5]{0,12}[？?]?$"
    r"|^(?!.*\b(?:approved?|adopted?|passed)\b)which\s+(?:[a-z-]+\s+){0,4}?(?:projects|units|villages|towns|counties|districts|companies|enterprises|schools|roads|sites)\b",
    re.I,
)
# '传达学习了什么讲话精神' · '研究了哪个专项规划' · '传达了哪两个文件': what the meeting took up is asked
ACTION_ASK_RE = re.compile(
    r"(?:传达学习|传达|学习|研究|审议|听取|讨论)了?[^，。？]{0,12}?(?:什么|哪个|哪些|哪项|哪篇|哪起|哪份|哪部|哪[两几二三]个)"
)
REPORT_INTRO_RE = re.compile(r"^(?:\d{1,2}[.、．])?会议(?:分别|先后|还)?(?:听取|审议|研究|讨论|传达)")
# 会议还研究了其他事项。 — says nothing any question asks
FILLER_RE = re.compile(
    r"^(?:\d{1,2}[.、．])?(?:会议|会上)?还?(?:研究|审议|讨论|议定)了?其他(?:事项|问题|事宜)[。]?$"
)
# 会议听取并审议了市资源规划局关于《…》的汇报。 — says only what the item line says (who reported what)
HEARD_ONLY_RE = re.compile(r"^会议(?:听取|审议|研究|讨论)[^，。；]*(?:汇报|报告|说明)[。]?$")


@dataclass(frozen=True)
class ScoredSentence:
    n: int  # the citation number of its item
    position: int  # order in the item
    text: str  # simplified script; shown through the item's `as_written`
    score: float
    words: float = 0.0  # the share of the question's topic words it holds (idf-weighted)


# '通过后将如何处理' asks what becomes of a document (the decision), not what was required.
DISPOSAL_ASK_RE = re.compile(r"(?:怎么|如何)(?:处理|处置|办理)|通过后|what (?:happens|will happen)", re.I)


def refine_kind(kind: str, question: str) -> str:
    """answerability's kind, with the kinds only the answer needs: the forms of `FORM_ASKS`, and
    requirements."""
    if kind == "date" and not MEETING_DATE_ASK_RE.search(question) and not EVENT_DATE_ASK_RE.search(question):
        return "deadline"  # 力争什么时候全线开工: a date the minutes set, not the meeting's (nor an event's)
    if kind == "topic" and (form := next((f for f, asks in FORM_ASKS if asks.search(question)), None)):
        return form
    if (
        kind == "topic"
        and REQUIREMENT_ASK_RE.search(question)
        and not DISPOSAL_ASK_RE.search(question)
        and not DOC_MEASURES_ASK_RE.search(question)  # 研究了什么外资措施: the document's name
    ):
        return "requirement"
    return kind


def cue_kind(kind: str, question: str) -> str:
    """The kind whose sentence cue scores the sentences: the asked kind, except that a topic question
    for the members of a set ('调整了哪些棚户区改造项目') looks for the sentence that lists them, not
    the requirement after them (the answer is otherwise composed as for any topic question)."""
    to_do = TO_DO_ASK_RE.search(question)  # '服务保障要推进哪些工作': the directive listing them
    if kind == "topic" and (MEMBERS_ASK_RE.search(question) or to_do) and not ACTION_ASK_RE.search(question):
        return "members"
    return kind


CONTINUING_MARKS = ("、", ";", "；", "?", ",", "，")
# '会议强调:' · '会议要求如下：': an introduction that says nothing itself; a longer one says what was heard
# ('会议分别听取了…的情况汇报,…形成了以下意见:') and stays.
BARE_INTRO_CHARS = 9


def split_sentences(text: str) -> list[str]:
    """Whole sentences; a clause ending in a colon (会议明确：) is joined to what it introduces, and a
    piece that opens with a mark no sentence opens with (、 ; ?) to the one before it: a mirror's
    mojibake ('要在產業規?;?、組織化和標準化上下功夫') is no sentence end."""
    out: list[str] = []
    for piece in (s.strip() for s in rules.SENTENCE_SPLIT_RE.split(text)):
        if not piece:
            continue
        if out and (out[-1].endswith(("：", ":")) or piece.startswith(CONTINUING_MARKS)):
            out[-1] += piece
        else:
            out.append(piece)
    if len(out) >= 2 and len(out[-1]) <= 12 and _cut_off(text) and text.rstrip().endswith(out[-1]):
        out.pop()  # '…提供坚实的法治保障。會議強調,要堅': the page ends a few words into a sentence
    if out and out[-1].endswith(("：", ":")) and len(out[-1]) <= BARE_INTRO_CHARS:
        out.pop()  # '会议强调:' with what it introduces parsed as items of their own: it says nothing
    return [s for s in out if len(s) > 4 and not MENU_RE.fullmatch(s)]


def _cut_off(text: str) -> bool:
    """Whether the text's last paragraph stops mid-sentence (a page cut off: '會議強調,要堅'), not a
    heading printed without a full stop ('三、保障措施'). A longer cut sentence still says something
    ('要压实…全周期责任链条,聚焦产') and is kept."""
    last = text.rstrip().rsplit("\n", 1)[-1]
    return not rules.SENTENCE_CLOSED_RE.search(last) and re.search(r"[。！？!?，,]", last) is not None


# '政府信息公开 政务服务 互动交流': a site's menu left in the page, no sentence.
MENU_RE = re.compile(r"[\u4e00-\u9fa5]{2,8}(?:\s+[\u4e00-\u9fa5]{2,8}){2,}")


def body_sentences(item_text: str) -> list[str]:
    """The item's sentences after its heading: the rest of the heading's own paragraph too, since a
    news report runs on in it ('会议审议通过了…项目。会议指出，…会议强调，要把好“节奏关”…')."""
    if "\n" not in item_text:
        return split_sentences(item_text)
    first, rest = item_text.split("\n", 1)
    heading, *after = split_sentences(first) or [""]
    # '会议传达贯彻了…精神,要求各级各部门高度重视…': what the heading's sentence goes on to require
    said = [heading[remark.end() :]] if (remark := _remark_in(heading)) else []
    # '崔长领强调,要严格落实安全生产制度,…': the heading is the remark
    if rules.NAMED_SPEAKER_RE.match(heading):
        said = [heading]
    return said + after + split_sentences(rest)


def _remark_in(heading: str) -> re.Match[str] | None:
    """Where a heading's sentence turns to what the meeting said (as the parser cuts headings)."""
    remark = rules.REMARK_START_RE.search(heading)
    return remark if remark and remark.start() >= 8 else None


def lexical_share(sentence: str, terms: list[str], idf) -> float:
    mass = sum(idf.get(t, 2.0) for t in terms)
    return sum(idf.get(t, 2.0) for t in terms if t in sentence) / mass if mass else 0.0


def cue_score(kind: str, sentence: str, decisions: list[str]) -> float:
    cue = CUE_FOR_KIND.get(kind)
    if cue is None:
        return 0.0
    if cue == "decision" and sentence in decisions:
        return 1.0
    if cue in STRONG_CUES and STRONG_CUES[cue].search(sentence):
        return 1.0
    if SENTENCE_CUES[cue].search(sentence):
        return 0.4 if cue in STRONG_CUES else 1.0
    return 0.0


def score_sentences(
    items: list[tuple[int, list[str], list[str]]],
    question_vector: np.ndarray | None,
    sentence_vectors: np.ndarray | None,
    word_share: Callable[[str], float],
    kind: str,
    weights: AnswerConfig,
    asks_what_was_done: bool = False,
) -> list[ScoredSentence]:
    """Every sentence of the given items (n, sentences, decisions), best first.

    `sentence_vectors` are the sentences' embeddings in the same order (None: words and cues only);
    `word_share` says how much of the question's topic a sentence holds (`lexical_share`, or through
    the dictionary for an English question).
    A sentence that only restates that the item was heard (会议听取了…的汇报) scores low unless it is
    the item's only sentence, since the item line already says it — unless that is what is asked
    (`asks_what_was_done`: '传达学习了哪起火灾事故的指示精神', '研究了哪个专项规划').
    """
    scored: list[ScoredSentence] = []
    row = 0
    for n, sentences, decisions in items:
        for position, sentence in enumerate(sentences):
            meaning = 0.0
            if question_vector is not None and sentence_vectors is not None:
                meaning = float(sentence_vectors[row] @ question_vector)
            row += 1
            words = word_share(sentence)
            score = (
                weights.meaning_weight * meaning
                + weights.words_weight * words
                + weights.cue_weight * cue_score(kind, sentence, decisions)
            )
            if REPORT_INTRO_RE.search(sentence) and len(sentences) > 1 and not asks_what_was_done:
                score -= weights.restatement_penalty
            if FILLER_RE.match(sentence):
                score -= 2 * weights.restatement_penalty
            scored.append(ScoredSentence(n, position, sentence, score, words))
    return sorted(scored, key=lambda s: (-s.score, s.n, s.position))


# 'What are the three tasks…' · '三项任务是什么': a set the question counts, which a sentence that
# counts it the same way ('…等三项任务') sums up.
EN_COUNTED_SET_RE = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten)\s+(?:main |key |major )?"
    r"(?:tasks|measures|aspects|points|requirements|goals|targets|priorities|actions|areas|parts)\b",
    re.I,
)
ZH_COUNTED_SET_RE = re.compile(
    r"(?<![第哪几])(?P<n>[两二三四五六七八九十])(?:项|个|点|条|大)(?=[\u4e00-\u9fa5])"
)
EN_NUMBERS = dict(
    zip(["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"], "二三四五六七八九十")
)


def asked_count(question: str) -> str | None:
    """The Chinese numeral of a set the question counts ('three tasks', '三项任务'), if it does."""
    if found := EN_COUNTED_SET_RE.search(question):
        return EN_NUMBERS[found.group("n").lower()]
    if found := ZH_COUNTED_SET_RE.search(question):
        return "二" if found.group("n") == "两" else found.group("n")
    return None


def states_count(numeral: str, sentence: str) -> bool:
    """'…提出了A、B和C等三项任务': the sentence counts a set as the question does."""
    said = "[两二]" if numeral == "二" else numeral
    return bool(re.search(rf"{said}(?:项|个|点|条|大|方面)", sentence))


# 'Who is the implementing body of the canal treatment?' · '治理工程的实施主体是谁': the question names
# the attribute it asks for (实施主体) apart from the thing it asks it of; the sentence stating that
# attribute answers, however many of the thing's words its neighbours hold.
EN_ASKED_ATTRIBUTE_RE = re.compile(
    r"^\s*(?:who|what|which)\s+(?:is|are|was|were|will be)\s+the\s+(?P<x>[a-z-]+(?:\s+[a-z-]+)?)"
    r"\s+(?:of|for|behind|in charge of|responsible for)\b",
    re.I,
)
ZH_ASKED_ATTRIBUTE_RE = re.compile(
    r"的(?P<x>[\u4e00-\u9fa5]{2,6}?)(?:是|为|由)?(?:谁|哪个|哪家|哪些单位|什么单位)"
)


def asked_attribute(question: str) -> list[str]:
    """The words of the attribute a question asks of a thing (['implementing', 'body'], ['实施主体'])."""
    if found := EN_ASKED_ATTRIBUTE_RE.search(question):
        return found.group("x").lower().split()
    if found := ZH_ASKED_ATTRIBUTE_RE.search(question):
        return [found.group("x")]
    return []


MARKER_RE = re.compile(r"\[\d{1,2}\]")
NOISE_RE = re.compile(r"[\s\W_]+")
RESTATES_SHARE = 0.7


def _plain(text: str) -> str:
    return NOISE_RE.sub("", MARKER_RE.sub("", text)).lower()


def bigrams(text: str) -> set[str]:
    """Character bigrams (the unit of ROUGE-2), or the text itself when it is one character."""
    return {text[i : i + 2] for i in range(len(text) - 1)} or {text}


REMARK_OPENER_RE = re.compile(r"^(?:会议|会上)(?:要求|强调|指出|认为|提出)[:：，,]")


def restates(sentence: str, shown: list[str]) -> bool:
    """True when `sentence` says nothing new: inside a shown line, or ≥ 70 % of its character bigrams
    in one (the answer must not show a sentence twice, as lead, heading and bullet)."""
    plain = _plain(REMARK_OPENER_RE.sub("", sentence))  # '会议要求,一要宣传到位。' says '一要宣传到位'
    if not plain:
        return True
    wanted = bigrams(plain)
    for line in shown:
        other = _plain(line)
        if plain in other or len(wanted & bigrams(other)) / len(wanted) >= RESTATES_SHARE:
            return True
    return False


# '会议要求：一要宣传到位。…二要实施到位。…': numbered points whose headline is a sentence of its own
# (not '（一）要从讲政治的高度看待…，…', where the point goes on after the comma).
ORDINAL_HEAD_RE = re.compile(
    r"(?:^|(?<=[。；;：:，,\n]))\s*(?:会议(?:要求|强调|指出)[：:，,]?)?"
    r"(?P<head>(?P<n>[（(]?[一二三四五六七八九十][)）]?)(?:要|是|、)[^。；;，,：:\n]{2,20})(?=[。；;\n])"
)
ORDINALS = "一二三四五六七八九十"


# '一是要继续高度重视,不能…;二是要继续严防死守,…': a point's headline is its first clause.
ORDINAL_CLAUSE_HEAD_RE = re.compile(
    r"(?:^|(?<=[。；;：:，,\n]))\s*(?P<head>(?P<n>[一二三四五六七八九十])(?:要|是)[^。；;，,：:\n]{2,20})(?=[，,。；;\n])"
)
# '提出了哪几点要求' · '从哪几个方面': the points themselves are asked, by their headlines.
POINTS_ASK_RE = re.compile(r"哪几[点条项]|几点|哪几个方面|哪些方面|几个方面")


def ordinal_heads(text: str, first_clauses: bool = False) -> list[str]:
    """The headlines of a numbered list of requirements (一要…, 二要…), when the item has one of two
    or more points in order, each headline a short sentence of its own — or, when the points
    themselves are asked (`first_clauses`), each point's first clause."""
    heads: list[str] = []
    pattern = ORDINAL_CLAUSE_HEAD_RE if first_clauses else ORDINAL_HEAD_RE
    for found in pattern.finditer(text):
        number = ORDINALS.find(found.group("n").strip("（()）"))
        if number == len(heads):
            heads.append(found.group("head"))
        elif heads and number != len(heads):
            break
    return heads if len(heads) >= 2 else []


# '会议要求:要强化责任担当。' · '张三强调，要…。': the frame before a headline.
HEADLINE_FRAME_RE = re.compile(r"^(?:会议|会上)?[\u4e00-\u9fa5]{0,4}(?:要求|强调|指出)[:：，,]")


def headline_heads(text: str) -> list[str]:
    """'要强化责任担当。…要强化问题导向。…要强化创新探索。…': the headlines of an unnumbered list of
    requirements — two or more short 要… sentences, each with what it takes after it, and no directive
    before the first (else they are a later part of the remarks). Empty otherwise."""
    sentences = [HEADLINE_FRAME_RE.sub("", s) for s in body_sentences(text)]
    heads = [
        s
        for n, s in enumerate(sentences)
        if HEADLINE_RE.match(s) and n + 1 < len(sentences) and not HEADLINE_RE.match(sentences[n + 1])
    ]
    if len(heads) < 2 or any("要" in s for s in sentences[: sentences.index(heads[0])]):
        return []  # two or more, and the list opens what is required: no directive before it
    return [h.rstrip("。；;") for h in heads]


def numbered_point_naming(item_text: str, terms: list[str]) -> list[str]:
    """'四要全面推进乡村振兴。要聚焦“五大振兴”,…': the numbered point whose headline names a topic
    word, with the sentence that says what it takes — also where `ordinal_heads` stopped short of it
    (a headline too long to read as one)."""
    sentences = body_sentences(item_text)
    for n, sentence in enumerate(sentences):
        if NUMBERED_POINT_RE.match(sentence) and any(term in sentence for term in terms):
            return sentences[n : n + 2]
    return []


# '四要全面推进乡村振兴。' · '三是…': a sentence opening a numbered point.
NUMBERED_POINT_RE = re.compile(rf"^\s*[{ORDINALS}](?:要|是)")


# '要着重做好五方面工作。稳定经济运行,…;突出项目建设,…;…': a sentence announcing a count of things,
# whose members follow as clauses set apart by semicolons, each opening with its headline.
ANNOUNCED_SET_RE = re.compile(
    r"(?P<n>[二三四五六七八九十两]|\d)(?:个)?(?:方面|项|点|件|条)(?:重点)?(?:工作|任务|要求|措施|举措)?[。：:]$"
)


def announced_members(text: str, sentence: str) -> list[str]:
    """The headlines of the members a sentence announces ('五方面工作。' → 稳定经济运行, 突出项目建设, …),
    when as many clauses as it counts follow it; empty otherwise."""
    announced = ANNOUNCED_SET_RE.search(sentence)
    at = text.find(sentence)
    if announced is None or at < 0:
        return []
    count = rules.numeral_to_int(announced.group("n").replace("两", "二"))
    following = text[at + len(sentence) :].split("\n")[0]
    members = [re.split(r"[，,。：:]", part.strip())[0] for part in re.split(r"[；;]", following)[:count]]
    return members if len(members) == count and all(2 <= len(m) <= 20 for m in members) else []


# '要抓实招商项目落地。' followed by what it takes: a short headline sentence opening a section.
HEADLINE_RE = re.compile(r"^要[\u4e00-\u9fa5“”]{2,12}[。；;]$")


def headline_section(sentences: list[str], headline: str, limit: int = 180) -> list[str]:
    """The sentences a headline stands over, up to the next headline: what '要抓实招商项目落地。' says
    to do. Empty when the sentence is no headline or its section is long (then it is no short answer)."""
    if not HEADLINE_RE.match(headline) or headline not in sentences:
        return []
    body: list[str] = []
    for sentence in sentences[sentences.index(headline) + 1 :]:
        if HEADLINE_RE.match(sentence):
            break
        body.append(sentence)
    return body if 0 < len(body) <= 3 and sum(map(len, body)) <= limit else []


def reason_before(sentences: list[str], best: ScoredSentence) -> list[str]:
    """'为什么申请调整原可研': when the best sentence is the asked action itself (it holds the question's
    words, not a reason's frame), the reason printed just before it leads with it ('为更好适应发展需求,
    对项目部分工艺…进行了优化调整。' then '…县工业园区申请对原可研进行调整'). Empty otherwise."""
    if best.words < 0.8 or STRONG_CUES["why"].search(best.text) or best.text not in sentences:
        return []
    at = sentences.index(best.text)
    before = sentences[at - 1] if at else ""
    return [before, best.text] if before and SENTENCE_CUES["why"].search(before) else []
