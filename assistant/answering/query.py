"""Understand a question: filters it names (city, meeting, date, department, verb, item) and what it asks for.

Filters are recognised against what the index actually holds (its cities,
departments, routing phrases), not against a fixed list, so a new city's
minutes are understood as soon as they are ingested. English questions get the
same treatment through pinyin city names and ordinal meeting numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..ingest import places, rules
from ..ingest.normalize import to_simplified
from ..models import Meeting
from . import bilingual
from .cues import (
    ALSO_TOOK_UP,
    AMOUNT_ASK_RE,
    ATTENDANCE_ASK_RE,
    BESIDES_RE,
    BESIDES_TAIL_RE,
    BESIDES_WORDS,
    DAYS_ASK_RE,
    DOCNO_ASK_RE,
    EN_DATE_RE,
    EN_DAY_RE,
    EN_LIST_VERB_RE,
    EN_LIST_VERBS,
    EN_MONTHS,
    EN_ORDINALS,
    EN_OWN_OBJECT_ASK_RE,
    EN_PLURAL_OBJECT_ASK_RE,
    EVENT_DATE_ASK_RE,
    EXCLUDE_VERB_RE,
    GENERIC_TERMS,
    INNER_LIST_RE,
    INTERROGATIVE_PHRASE_RE,
    ITEM_ORDINAL_EN_RE,
    ITEM_ORDINAL_RE,
    LIST_DETAIL_RE,
    LIST_RE,
    MEETING_EN_RE,
    MEETING_ZH_RE,
    MEETINGS_ASK_RE,
    META_RE,
    NUMBER_ASK_RE,
    QUOTED_RE,
    REPORT_WORD_RE,
    WHO_ASK_RE,
    YEAR_MEETING_RE,
)
from .wording import label, say

# Heading verbs grouped by what the meeting did with the item (传达学习 and 学习 are one kind).
VERB_FAMILIES = {
    "传达学习": "学习",
    "学习传达": "学习",
    "学习": "学习",
    "传达": "学习",
    "听取并审议": "审议",
    "审议并通过": "审议",
    "审议通过": "审议",
    "审议": "审议",
    "审定": "审议",
    "听取并讨论": "讨论",
    "讨论": "讨论",
    "研究": "讨论",
    "听取": "听取",
    "通报": "听取",
}


# '…多少个议题' · '哪些事项': the object is the items themselves, whatever the meeting did with them
ALL_ITEMS_OBJECT_RE = re.compile(r"[\u4e00-\u9fa5]{0,3}?(?:多少|几)?[项个]?(?:议题|事项)")
# '研究了哪些工作': 研究 may be the items' own verb (研究农业农村工作) or the meeting's umbrella one
UMBRELLA_OBJECT_RE = re.compile(r"[\u4e00-\u9fa5]{0,3}?工作")


def verb_family(verb: str | None) -> str | None:
    return VERB_FAMILIES.get(verb or "", verb)


@dataclass
class QueryIntent:
    text: str
    lang: str
    cities: list[str] = field(default_factory=list)
    chairs: list[str] = field(default_factory=list)  # 杜小刚市长主持的会议: meetings chaired by them
    filter_words: list[str] = field(default_factory=list)  # the words that named filters (places, 第N次)
    notices: list[str] = field(default_factory=list)  # said before the answer: an explicit filter overruled
    dates_unchecked: bool = False  # a meeting named by number prints no date: ranges not applied
    inside_places: list[str] = field(default_factory=list)  # 闽侯县, searched through its city 福州
    printed_as_named: bool = False  # no parsed minute matched: found by the place and number it prints
    unplaced_searched: list[str] = field(default_factory=list)  # placeless reports mentioning the place
    unknown_places: list[str] = field(default_factory=list)  # real places named that the index does not hold
    meeting: int | None = None
    item: int | None = None
    date_from: str | None = None
    date_to: str | None = None
    month_day: str | None = None  # '11月29日' with no year: meetings held on 11-29 of any year
    departments: list[str] = field(default_factory=list)
    verbs: list[str] = field(default_factory=list)
    exclude_verbs: list[str] = field(default_factory=list)
    routing: list[str] = field(default_factory=list)
    quoted: list[str] = field(default_factory=list)
    wants_list: bool = False
    lists_meetings: bool = False  # 哪几次会议研究了…: the meetings are the answer, drawn from more items
    doc_kinds: list[str] = field(default_factory=list)  # 哪些实施意见: the list narrowed to that kind
    besides: str = ""  # '除了政府工作报告，还…' · 'Besides the work report, what else…': not what is asked
    umbrella_verb: bool = False  # 研究了哪些工作: no item opening 研究 leaves every item, not none
    asks_agenda: bool = False  # 研究了哪些事项: every item of the meeting asked, whatever its verb
    meeting_level: bool = False
    asks_amount: bool = False
    asks_doc_number: bool = False
    asks_days: bool = False
    asks_who: bool = False
    asks_number: bool = False

    @property
    def has_item_filters(self) -> bool:
        return bool(self.departments or self.verbs or self.exclude_verbs or self.routing or self.item)

    @property
    def has_meeting_filters(self) -> bool:
        return bool(
            self.cities
            or self.chairs
            or self.unknown_places
            or self.meeting is not None
            or self.date_from
            or self.date_to
            or self.month_day
        )

    def describe(self) -> list[str]:
        """Filters as a user reads them, shown beside the answer (in the asker's language)."""
        lang = self.lang
        parts = []
        if self.cities:
            parts.append(label(lang, "place") + "、".join(self.cities))
        if self.unknown_places:
            parts.append(label(lang, "place") + "、".join(self.unknown_places) + label(lang, "not_held"))
        if self.chairs:
            parts.append(label(lang, "chair") + "、".join(self.chairs))
        if self.meeting is not None:
            parts.append(label(lang, "meeting", n=self.meeting))
        if self.date_from or self.date_to:
            parts.append(f"{label(lang, 'dates')}{self.date_from or '…'} ~ {self.date_to or '…'}")
        if self.month_day:
            parts.append(f"{label(lang, 'dates')}{self.month_day}")
        if self.item:
            parts.append(label(lang, "item", n=self.item))
        for key, values in (
            ("departments", self.departments),
            ("verbs", self.verbs),
            ("exclude", self.exclude_verbs),
            ("routing", self.routing),
        ):
            if values:
                parts.append(label(lang, key) + "、".join(values))
        return parts


@dataclass
class Vocabulary:
    """What the index holds, for recognising filters in questions."""

    cities: dict[str, str]  # alias (short, full, with parent city, pinyin) → short name
    departments: list[str]
    routing: list[str]
    regions: set[str] = field(default_factory=set)  # parent cities of held districts/counties (珠海市)
    chairs: dict[str, set[str]] = field(default_factory=dict)  # chair → titles written with the name (市长)
    subplaces: dict[str, set[str]] = field(default_factory=dict)  # 北京 → {朝阳, 东城}: held places inside
    shared: dict[str, set[str]] = field(
        default_factory=dict
    )  # 'fuzhou' → {福州, 抚州}: one spelling, two places

    @classmethod
    def from_meetings(cls, meetings: list[Meeting]) -> Vocabulary:
        cities: dict[str, str] = {}
        departments: set[str] = set()
        routing: set[str] = set()
        regions: set[str] = set()
        chairs: dict[str, set[str]] = {}
        subplaces: dict[str, set[str]] = {}
        named: dict[str, set[str]] = {}
        for meeting in meetings:
            if meeting.chair and len(meeting.chair) >= 2:
                chairs.setdefault(meeting.chair, set()).add(meeting.chair_title or "")
            if meeting.city:
                for alias in place_aliases(meeting):
                    cities[alias.lower()] = meeting.city
                    named.setdefault(alias.lower(), set()).add(meeting.city)
                if meeting.region:
                    regions.add(meeting.region)
                    subplaces.setdefault(places.short_name(meeting.region), set()).add(meeting.city)
            for item in meeting.items:
                departments.update(r.org for r in item.reporters if _names_an_agency(r.org))
                routing.update(item.routing)
        return cls(
            cities,
            sorted(departments, key=len, reverse=True),
            sorted(routing, key=len, reverse=True),
            regions,
            chairs,
            subplaces,
            {alias: shorts for alias, shorts in named.items() if len(shorts) > 1},
        )


# '听取市政府重点工作督办情况汇报' gives the reporter 市政府: the government itself, which every
# '杭州市政府…报告' question names, not an agency whose reports a question may ask for.
BARE_GOVERNMENT_RE = re.compile(r"^(?:[省市区县旗州盟]|自治[区县旗州])(?:人民)?政府$")


def _names_an_agency(org: str | None) -> bool:
    """A reporter's organisation that can filter a question: three characters or more, not the
    government itself."""
    return bool(org) and len(org) >= 3 and not BARE_GOVERNMENT_RE.match(org)


def place_aliases(meeting: Meeting) -> set[str]:
    """How a question may name a meeting's place: 斗门区, 珠海市斗门区, 珠海斗门, doumen — and 斗门 alone
    only when that short form is not an ordinary word (富裕 'rich', 奉化 'to convert' are not filters)."""
    short, full = meeting.city or "", meeting.city_full or meeting.city or ""
    base = full[len(meeting.region) :] if meeting.region and full.startswith(meeting.region) else full
    aliases = {full, base, _pinyin(short), *places.english_place_names(base)}
    aliases.update(bilingual.cedict_place_names(base))  # 喀喇沁旗 → harqin banner (CC-CEDICT)
    if meeting.region:
        aliases.add(places.short_name(meeting.region) + short)
    if short == base or places.is_safe_short_name(short):
        aliases.add(short)
    return {a for a in aliases if a and len(a) >= 2}


_pinyin = places.pinyin


# The apostrophe pinyin writes before a syllable opening with a vowel (Hai'an 海安, Ji'an 吉安), not "'s".
SYLLABLE_MARK_RE = re.compile(r"(?<=[A-Za-z])['’](?=[aeoAEO][a-z])")


# '<anyone>主持的…常务会议': a clause naming the meeting by who chaired it (held chair or not), not a
# question about the chair ('是谁主持的？' has no meeting after it).
TITLE_BEFORE_CHAIR = r"(?:常务)?副?(?:市|县|区|州|旗|省)长"
CHAIRED_DAY = r"(?:\d{1,2}月\d{1,2}[日号](?:上午|下午|晚上)?)"
CHAIRED_CLAUSE_RE = re.compile(r"(?<!谁)(?<!哪位)主持(?:召开)?的(?=[^？?]{0,16}?会)")


# '审议通过了哪些实施意见' · '审议了哪些管理办法和规定': the kind of document the list is asked for.
DOC_KINDS = (
    "实施意见",
    "实施方案",
    "管理办法",
    "办法",
    "方案",
    "意见",
    "规划",
    "规定",
    "条例",
    "通知",
    "决定",
    "清单",
)
DOC_KIND_ASK_RE = re.compile(r"哪些(?P<kinds>[^？?，。]{2,16})")


def _doc_kinds(asked: str) -> list[str]:
    """The document kinds an asked-for list names, the longest spelling of each ('实施意见', not 意见).
    None when one of the things asked for is of no known kind: '哪些报告和方案' asks for everything
    heard and reviewed (reports, plans, an outline), not for the plans alone."""
    if any(not any(kind in part for kind in DOC_KINDS) for part in re.split(r"[和与及、]", asked) if part):
        return []
    kinds: list[str] = []
    for kind in DOC_KINDS:
        if kind in asked and not any(kind in longer for longer in kinds):
            kinds.append(kind)
    return kinds


def question_language(text: str) -> str:
    """'en' for a question written in English, also with Chinese words in it ('rural (三农) work',
    'What did 太仓 decide…'): three English words or more, over twice as many as Chinese runs."""
    english = len(re.findall(r"[A-Za-z]{2,}", text))
    chinese = len(re.findall(r"[\u4e00-\u9fff]+", text))
    if not chinese:
        return "en" if english else "zh"
    return "en" if english >= 3 and english > 2 * chinese else "zh"


def understand(question: str, vocab: Vocabulary) -> QueryIntent:
    text = to_simplified(question.strip())
    lang = question_language(text)
    if lang == "en":  # Hai'an, Xi'an, Tai'an: pinyin's syllable mark, not part of how the index spells it
        text = SYLLABLE_MARK_RE.sub("", text)
    intent = QueryIntent(text=text, lang=lang)
    if REPORT_WORD_RE.search(text):
        for org in vocab.departments:
            if org in text and not any(org in d for d in intent.departments):
                intent.departments.append(org)
    # A department name such as 太仓生态环境局 names an agency, not a city filter.
    lowered = text.lower()
    for org in intent.departments:
        lowered = lowered.replace(org.lower(), " ")
    if lang == "en":
        lowered = _take_spelled_chairs(intent, lowered, vocab)
    for alias, short in sorted(vocab.cities.items(), key=lambda kv: -len(kv[0])):
        if alias in lowered if lang == "zh" else re.search(rf"\b{re.escape(alias)}(?![a-z])", lowered):
            intent.filter_words.append(alias)
            for place in [short, *sorted(vocab.shared.get(alias, set()) - {short})]:  # fuzhou: 福州 and 抚州
                if place not in intent.cities:
                    intent.cities.append(place)
    _with_places_inside(intent, lowered, vocab)
    _without_parents_written_before(intent, lowered, vocab)
    unplaced = lowered  # 'Baofeng county' is a place, not 包峰 chairing in pinyin
    for words in intent.filter_words:
        unplaced = unplaced.replace(words.lower(), " ")
    for chair, titles in vocab.chairs.items():
        if chair in text:  # a meeting named by who chaired it: 杜小刚市长主持的 is a filter, not a topic
            intent.chairs.append(chair)
            title = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True) if t)
            named = re.search(  # '张伟文9月23日主持召开的': the day may stand before 主持; '市长奇·达楞太'
                rf"(?:{TITLE_BEFORE_CHAIR})?{re.escape(chair)}(?:{title})?(?:同志)?(?:{CHAIRED_DAY}?主持(?:召开)?的?)?",
                text,
            )
            intent.filter_words.append(named.group(0))
        elif (
            intent.lang == "en"
            and chair not in intent.chairs
            and (spelled := _spelled_chair(chair, unplaced))
        ):
            intent.chairs.append(chair)  # 'chaired by Wang Feng': the name in pinyin, surname first
            intent.filter_words.append(spelled)
    if not intent.cities:
        intent.unknown_places = _unheld_places(lowered, vocab)
        _search_parent_city(intent, text, vocab)
    intent.filter_words += intent.unknown_places
    intent.filter_words += [m.group(0) for m in MEETING_ZH_RE.finditer(text)]
    intent.filter_words += re.findall(r"第?[一二三四五六七八九十]+届(?:人民政府|政府)?", text)
    intent.meeting = _meeting_number(text)
    if found := ITEM_ORDINAL_RE.search(text):
        intent.item = rules.numeral_to_int(found.group(1))
        intent.filter_words.append(found.group(0))  # 第三项议题 names the item: 第三, 三项 are no topic words
    elif found := ITEM_ORDINAL_EN_RE.search(text):
        word, number, plain = found.groups()
        intent.item = EN_ORDINALS[word.lower()] if word else int(number or plain)
        intent.filter_words.append(found.group(0).lower())
    _date_range(text, intent)
    intent.exclude_verbs = [VERB_FAMILIES.get(m.group(1), m.group(1)) for m in EXCLUDE_VERB_RE.finditer(text)]
    verbs = "|".join(VERB_FAMILIES)
    for found in re.finditer(
        rf"[“\"]({verbs})[”\"]|((?:(?:{verbs})[或和、]?)*(?:{verbs}))(?:了|过)?"  # 讨论审议了哪些文件: both
        r"(?:哪些|哪几|几[项份个]|什么文件|多少|什么(?=[？?]|$|精神|内容|报告|汇报))|是({verbs})",
        text,
    ):
        if found.group(0).endswith("什么") and META_RE.search(text):  # 还学习了什么: beside the items
            continue
        for verb in re.findall(verbs, next(g for g in found.groups() if g)):
            if verb == "研究" and ALL_ITEMS_OBJECT_RE.match(text, found.end() - 2):
                intent.asks_agenda = True
                continue  # 研究了多少个议题: the meeting's umbrella verb, every item, no filter
            # '听取并讨论了哪些报告': an item printed as heard ('听取《…报告》') was heard and discussed
            for family in [VERB_FAMILIES[verb], *(["听取"] if verb.startswith("听取并") else [])]:
                if family not in intent.verbs and family not in intent.exclude_verbs:
                    intent.verbs.append(family)
            if verb == "研究" and UMBRELLA_OBJECT_RE.match(text, found.end() - 2):
                intent.umbrella_verb = True  # narrows a meeting's items when some open 研究, else none
    if lang == "en" and (found := EN_LIST_VERB_RE.search(text)):
        intent.verbs.append(EN_LIST_VERBS[found.group("verb").lower()])
    for phrase in vocab.routing:
        if phrase in text and len(phrase) >= 6:
            intent.routing.append(phrase)
    intent.quoted = [a or b for a, b in QUOTED_RE.findall(text) if (a or b) not in rules.VERBS]
    asks_attendance = bool(ATTENDANCE_ASK_RE.search(text))  # 哪些人参加了…会议: people, not items
    counted_set = (found := LIST_DETAIL_RE.search(text)) and found.group("set")  # 六大专项行动是哪六项
    intent.lists_meetings = bool(MEETINGS_ASK_RE.search(text))
    intent.wants_list = (
        bool(LIST_RE.search(text))
        and not INNER_LIST_RE.search(text)
        and not asks_attendance
        and not counted_set
    )
    if intent.wants_list and (asked := DOC_KIND_ASK_RE.search(text)):
        intent.doc_kinds = _doc_kinds(asked.group("kinds"))
    if found := BESIDES_RE.search(text):
        intent.besides = BESIDES_TAIL_RE.sub("", next(named for named in found.groups() if named))
    own_objects = EN_OWN_OBJECT_ASK_RE.search(text) or EN_PLURAL_OBJECT_ASK_RE.search(text)
    if lang == "en" and own_objects and _meeting_number(text) is not None:
        intent.wants_list = True  # 'What did Xialu district's 60th executive meeting study?': its items
    unnamed = text  # 杜小刚主持的会议…: 主持 names the meeting there, it is not asked about
    for chair_words in intent.filter_words:
        if any(chair_words.startswith(chair) for chair in intent.chairs) or chair_words.endswith(
            tuple(places.pinyin(chair[1:]) for chair in intent.chairs)
        ):
            unnamed = re.sub(re.escape(chair_words), " ", unnamed, flags=re.I)
    unnamed = CHAIRED_CLAUSE_RE.sub(" ", unnamed)  # '龚正主持的市政府常务会议要求…' names the meeting
    unnamed = EVENT_DATE_ASK_RE.sub(" ", unnamed)  # '推进会定在哪天召开': another gathering's 召开
    meta = META_RE.search(unnamed)
    if meta and meta.group(0) in ALSO_TOOK_UP and intent.wants_list:
        meta = None  # '…常务会议还原则通过了哪些文件': the items are listed, the last one's 会议还… too
    intent.meeting_level = bool(meta or asks_attendance) and not re.search(
        r"哪次会议|哪次常务会议|which meeting", text, re.I
    )
    intent.asks_amount = bool(AMOUNT_ASK_RE.search(text))
    intent.asks_doc_number = bool(DOCNO_ASK_RE.search(text))
    intent.asks_days = bool(DAYS_ASK_RE.search(text))
    intent.asks_who = bool(WHO_ASK_RE.search(text))
    intent.asks_number = bool(NUMBER_ASK_RE.search(text))
    return intent


def _take_spelled_chairs(intent: QueryIntent, lowered: str, vocab: Vocabulary) -> str:
    """'chaired by acting mayor Liu Yongchun': a held chair's full name in pinyin (surname and given
    name as two words, no 'county' after) names the meeting's chair before any place is looked for —
    yongchun alone also spells 永春县. The text is returned without it."""
    for chair in vocab.chairs:
        spelled = _spelled_chair(chair, lowered)
        if not spelled or not re.search(r"[a-z] [a-z]+$", spelled):
            continue
        at = lowered.find(spelled) + len(spelled)
        if re.match(r"\s+(?:county|district|city|banner|prefecture|town)\b", lowered[at:]):
            continue
        intent.chairs.append(chair)
        intent.filter_words.append(spelled)
        lowered = lowered.replace(spelled, " ")
    return lowered


# 'chaired by acting mayor Liu Yongchun': the chair's post written between 'by' and the name.
EN_CHAIR_TITLE = (
    r"(?:the )?(?:(?:acting|executive|deputy|vice|then)[ -])*"
    r"(?:mayor|governor|magistrate|county head|district head|county chief|district chief|head|chief)"
)


def _spelled_chair(chair: str, lowered: str) -> str | None:
    """'wang feng' / 'wangfeng' for 王锋 in an English question, as a whole word; None if absent."""
    if not re.fullmatch(r"[\u4e00-\u9fa5]{2,3}", chair):
        return None
    surname, given = places.pinyin(chair[0]), places.pinyin(chair[1:])
    for spelled in (f"{surname} {given}", f"{surname}{given}", f"{given} {surname}"):
        if found := re.search(
            rf"(?:\b(?:chaired|presided over|convened|held) by (?:{EN_CHAIR_TITLE} )?)?\b{re.escape(spelled)}\b",
            lowered,
        ):
            return found.group(0)  # 'chaired by wang feng' names the meeting; it asks nothing
    return None


# '鞍山市政府…' · '鞍山市这次常务会议' · '鞍山市长…': the city's own government, not its districts'
GOVERNMENT_AFTER_RE = (
    r"(?:这次|本次|此次|的)?(?:市|省|区|县|自治区)?(?:这次|本次|此次|的)?(?:人民)?(?:政府|常务会议?|第)"
    r"|(?<=[市区县])长|[市区县]长"
    r"|(?: municipal| city| provincial)? government"
    r"|(?:'s|’s)?(?: municipal| city)? (?:executive|standing) meeting|(?:'s|’s)? \d+(?:st|nd|rd|th) (?:executive|standing)"
)


# '…开过哪几次常务会议' · 'executive meetings': the meetings of the government named; '各区县…' asks for
# its districts and counties too.
OWN_MEETINGS_RE = re.compile(r"常务会议?|executive meeting|standing meeting", re.I)
DISTRICTS_TOO_RE = re.compile(r"各区|各县|区县|县区|县市区|下辖|所辖|districts|counties", re.I)


def _with_places_inside(intent: QueryIntent, lowered: str, vocab: Vocabulary) -> None:
    """'2024北京CBD论坛…' names the area, so minutes of its districts (朝阳, 东城) count too;
    '北京市政府…' names the city government and stays with the city's own minutes."""
    for alias in [a for a in intent.filter_words if vocab.cities.get(a) in vocab.subplaces]:
        if re.search(re.escape(alias) + f"(?:{GOVERNMENT_AFTER_RE})", lowered):
            continue
        if OWN_MEETINGS_RE.search(lowered) and not DISTRICTS_TOO_RE.search(lowered):
            continue  # '六安市开过哪几次常务会议' asks the city's own, not its county 舒城县's too
        for inside in sorted(vocab.subplaces[vocab.cities[alias]]):
            if inside not in intent.cities:
                intent.cities.append(inside)


def _without_parents_written_before(intent: QueryIntent, lowered: str, vocab: Vocabulary) -> None:
    """'宝鸡市眉县常务会议…' asks for 眉县's minutes: the city written before it says where 眉县 is,
    so the city's own minutes are no answer (they are once the city is named alone)."""
    aliases = [a for a in intent.filter_words if a in vocab.cities]
    for parent in aliases:
        for child in aliases:
            own, inner = vocab.cities[parent], vocab.cities[child]
            if own != inner and re.search(
                re.escape(parent) + r"(?:市|州|地区|盟)?" + re.escape(child), lowered
            ):
                if own in intent.cities and inner in intent.cities:
                    intent.cities.remove(own)


def _search_parent_city(intent: QueryIntent, text: str, vocab: Vocabulary) -> None:
    """A district or county the index holds no minutes of, inside a city it does hold: the city's
    minutes are searched (they decide for their districts), and the answer says so first."""
    gaz = places.gazetteer()
    for name in list(intent.unknown_places):
        parent = gaz.parent_of(name, text)
        city = parent and (vocab.cities.get(parent.lower()) or vocab.cities.get(places.short_name(parent)))
        if not city:
            continue
        intent.unknown_places.remove(name)
        intent.inside_places.append(name)
        intent.filter_words.append(name)
        if city not in intent.cities:
            intent.cities.append(city)
        intent.notices.append(say(intent.lang, "parent_city_used", name=name, parent=parent))


# '陕西省政府第五次常务会议' · '陕西省第五次常务会议': the province's own government met.
OWN_GOVERNMENT_NEXT_RE = re.compile(r"(?:省)?(?:人民)?政府|第|(?:政府)?常务")


def _unheld_places(text: str, vocab: Vocabulary) -> list[str]:
    """Real places (gazetteer) named in the question that the index holds no minutes of.

    A parent city written before a held district (珠海市斗门区) is not one; neither is a place
    inside a document title (《广东省…》) or a province named as a setting, not as the government
    that met (陕西省政府第五次常务会议 names one).
    """
    gaz = places.gazetteer()
    found = []
    untitled = re.sub(r"《[^》]*》", " ", text)
    for mention in gaz.mentions(untitled):
        name = mention.name
        if name.lower() in vocab.cities or places.short_name(name) in vocab.cities:
            continue
        if name in vocab.regions and not re.match(GOVERNMENT_AFTER_RE, untitled[mention.end :]):
            continue  # '吕梁市兴县…' says where a held county is; '吕梁市政府…' asks the city's own
        province = all(p.level == "province" for p in gaz.places(name))
        if (province and not OWN_GOVERNMENT_NEXT_RE.match(text, mention.end)) or gaz.is_generic_word(name):
            continue  # a province named as the setting, not as the government that met
        if name not in found:
            found.append(name)
    for word in re.findall(r"\b[a-z]{6,}\b", text):  # 'the Shijiazhuang government'
        name = places.spelled_places().get(word)
        if name and word not in vocab.cities and places.short_name(name) not in vocab.cities:
            found.append(name)
    for word, level in EN_SHORT_PLACE_RE.findall(text):  # 'Xi county' (息县), 'Lu county' (泸县)
        spelled = word + EN_LEVEL_PINYIN[level]
        name = places.spelled_places().get(spelled)
        if not name or name in found:
            continue
        if not {word, spelled, places.short_name(name)} & set(vocab.cities):
            found.append(name)
    return found


# A one-syllable place with its level, which the six-letter spellings above leave out.
EN_SHORT_PLACE_RE = re.compile(r"\b([a-z]{1,5})(?:'s)?\s+(county|district|city)\b")
EN_LEVEL_PINYIN = {"county": "xian", "district": "qu", "city": "shi"}


def _meeting_number(text: str) -> int | None:
    for found in MEETING_ZH_RE.finditer(text):
        tail = text[found.end() : found.end() + 8]
        if "会" in tail or "常务" in tail:
            return rules.numeral_to_int(found.group(1))
    found = MEETING_EN_RE.search(text)
    if found:
        ordinal = found.group(3)
        return EN_ORDINALS[ordinal.lower()] if ordinal else int(found.group(1) or found.group(2))
    return None


def _date_range(text: str, intent: QueryIntent) -> None:
    found = YEAR_MEETING_RE.search(text)
    year = month = None
    if found:
        year, month = int(found.group(1)), int(found.group(2)) if found.group(2) else None
    elif english_day := EN_DAY_RE.search(text):  # 'the meeting of 31 August 2021': that one day
        intent.filter_words.append(english_day.group(0).lower())
        month = EN_MONTHS[(english_day.group("month") or english_day.group("month2")).lower()]
        day = int(english_day.group("day") or english_day.group("day2"))
        if not english_day.group("year"):
            intent.month_day = f"{month:02d}-{day:02d}"
            return
        intent.date_from = intent.date_to = f"{int(english_day.group('year')):04d}-{month:02d}-{day:02d}"
        return
    elif english := EN_DATE_RE.search(text):
        intent.filter_words.append(english.group(0).lower())  # 'in January 2026' names dates, no topic
        year = int(english.group(2))
        month = EN_MONTHS.get(english.group(1).lower()) if english.group(1) else None
    if year is None:
        day = MONTH_DAY_ASK_RE.search(text)
        if day and _day_names_meeting(text, day):  # '北京市政府11月29日常务会议': the day names the meeting
            intent.month_day = f"{int(day.group(1)):02d}-{int(day.group(2)):02d}"
            intent.filter_words.append(day.group(0))
        return
    if month:
        import calendar

        last = calendar.monthrange(year, month)[1]
        intent.date_from, intent.date_to = f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
    else:
        intent.date_from, intent.date_to = f"{year:04d}-01-01", f"{year:04d}-12-31"


MONTH_DAY_ASK_RE = re.compile(r"(?<![\d年])(1[0-2]|0?[1-9])月([12]\d|3[01]|0?[1-9])[日号]")
# What a day written in a question dates: the meeting when its clause reaches the meeting (常务会议,
# 开的, 会上) before any other event, or a place or government stands right before it; otherwise another
# event ('习近平总书记在1月5日研讨班开班式上…'), whose day is topic text, not a filter on meetings held.
DAY_CLAUSE_RE = re.compile(r"[^，。？！,?!；;]{0,16}")
MEETING_WORD_RE = re.compile(r"常务|(?<!工作)(?<!电话)会议|开会|开的|会上")
OTHER_EVENT_RE = re.compile(r"研讨|座谈|开班|讲话|大会|全会|调研|视察|考察|发布会|活动|仪式|论坛")
GOVERNMENT_BEFORE_DAY_RE = re.compile(r"(?:[市区县州旗盟]|政府|会议|常务会)(?:于|在)?$")


def _day_names_meeting(text: str, day: re.Match) -> bool:
    clause = DAY_CLAUSE_RE.match(text, day.end()).group(0)
    meeting, other = MEETING_WORD_RE.search(clause), OTHER_EVENT_RE.search(clause)
    if meeting and (not other or meeting.start() < other.start()):
        return True
    return not other and bool(GOVERNMENT_BEFORE_DAY_RE.search(text[max(0, day.start() - 6) : day.start()]))


# 哪些法律: the kind of thing named ('《…防治法》' prints no 法律)
ASKED_KIND_RE = re.compile(
    r"(?:什么|哪些|何种|哪部)(部署|安排|措施|举措|意见|建议|法律法规|法律|法规|规章制度|制度|规定)(?:文件)?"
)


def _names_held_place(token: str, intent: QueryIntent) -> bool:
    """Whether a word is the place the question already filters on, written with its suffix ('红河州' of
    红河哈尼族彝族自治州 filed as 红河, and the tokeniser's piece '河州'): a filter, not a topic."""
    suffixed = [city + suffix for city in intent.cities for suffix in "州市县区旗盟"]
    return any(token == name or (len(token) >= 2 and name.endswith(token)) for name in suffixed)


# '重点研究了哪些事项': 重点 says how the meeting took things up, before its verb; '工作重点' is asked.
HOW_TAKEN_UP_RE = re.compile(r"重点(?:研究|部署|讨论|审议|听取|学习|推进)")


def content_terms(tokens: list[str], intent: QueryIntent) -> list[str]:
    """Query words that carry the topic (not filters, not question words)."""
    skip = set(GENERIC_TERMS) | {c.lower() for c in intent.cities}
    # '北京市政府11月29日常务会议' tokenised 北京市政府 or 市政: the place and its government name no topic
    governments = [
        f + g for f in intent.filter_words for g in ("政府", "市政府", "区政府", "县政府", "省政府")
    ]
    asking = INTERROGATIVE_PHRASE_RE.findall(intent.text)
    government_spans = [found.span() for found in GOVERNMENT_RE.finditer(intent.text)]
    parents = _parent_places_written(intent)  # 苏州市 of 苏州市吴中区: part of the place named
    skip.update(ASKED_KIND_RE.findall(intent.text))  # '作了什么部署': what kind of thing is asked, no topic
    out = []
    for token in map(_without_preposition, tokens):
        if token in skip or token.isdigit() or len(token) < 2 or made_of_generic_words(token):
            continue
        if any(token in phrase for phrase in asking):  # 天开 of 哪天开的
            continue
        if token.startswith(("哪", "几")) or places.jieba_flag(token) == "r":  # 哪天, 几类, 什么: no topic
            continue
        if token == "重点" and HOW_TAKEN_UP_RE.search(intent.text):  # '重点研究了哪些事项', not '工作重点'
            continue
        if re.search(f"[哪几]{re.escape(token)}", intent.text) and len(token) == 3:
            continue  # 篇文章 of 哪篇文章: the question word's tail (文章 stays a topic word)
        if any(token in words for words in intent.filter_words):  # 章贡区, 第27次: filters, not topic
            continue
        if intent.besides and (token in intent.besides or token in BESIDES_WORDS):  # 除了…，还…: known
            continue
        if any(token in named for named in governments) or any(token in parent for parent in parents):
            continue
        if _only_in_government_names(token, intent.text, government_spans):  # 区政 of 区政府: the level
            continue
        if intent.cities and _names_held_place(token, intent):  # 红河州 of a minute filed as 红河
            continue
        out.append(token)
    return _without_straddlers(out)


# '区政府' · '县人民政府': which level of government met, no topic (市政 of 市政设施 is one).
GOVERNMENT_RE = re.compile(r"[省市区县州旗盟]?(?:人民)?政府")


def _only_in_government_names(token: str, text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the token is a government's name (内蒙古自治区人民政府) or every place the question
    writes it lies inside one (区政 of 区政府; `spans`: where GOVERNMENT_RE finds them in the text)."""
    if token.endswith("政府"):
        return True
    starts = [m.start() for m in re.finditer(re.escape(token), text)]
    if not spans or not starts:
        return False
    return all(any(a <= s and s + len(token) <= b for a, b in spans) for s in starts)


# '对三防工作提出了哪些要求' is cut 对三防 | 工作: the preposition stuck to a word jieba does not know.
PREPOSITIONS = "对就向把为在从给"


def _without_preposition(token: str) -> str:
    """'对三防' → '三防': a preposition the tokeniser glued to an unknown word is no part of the topic
    (a dictionary word such as 对口 or 为民 keeps its first character)."""
    if len(token) >= 3 and token[0] in PREPOSITIONS and places.jieba_flag(token) is None:
        return token[1:]
    return token


def _without_straddlers(terms: list[str]) -> list[str]:
    """The terms without the tokeniser's pieces that straddle two words of a compound: search mode
    cuts 妇女儿童 into 妇女, 女儿, 儿童 and 妇女儿童, and 女儿 ('daughter') is no word of the question
    — counted, it makes a report on 妇女发展规划 look off the topic '妇女儿童健康'."""
    straddling = set()
    for compound in (t for t in terms if len(t) >= 4):
        for head in (t for t in terms if t != compound and compound.startswith(t)):
            if compound[len(head) :] not in terms:  # 妇女 + 儿童: the compound is two words
                continue
            straddling |= {t for t in terms if len(t) == 2 and compound.find(t) == len(head) - 1}
    return [t for t in terms if t not in straddling]


# Characters that join or ask, never part of a phrase the tokeniser cut into single characters.
RUN_STOP_CHARS = set("的了吗呢是在对和与及由谁哪什么几为把被将从向就要有个次些")


def single_character_runs(tokens: list[str]) -> list[str]:
    """'做大做强哪些产业' is tokenised 做/大/做/强: a run of three or more single characters the
    tokeniser split is a phrase of the question, to be found whole in the sentence that answers."""
    runs, run = [], ""
    for token in [*tokens, ""]:
        if len(token) == 1 and "\u4e00" <= token <= "\u9fa5" and token not in RUN_STOP_CHARS:
            run += token
            continue
        if len(run) >= 3:
            runs.append(run)
        run = ""
    return runs


def _parent_places_written(intent: QueryIntent) -> list[str]:
    """The prefecture or province a question writes before the place it names (苏州市 of 苏州市吴中区)."""
    named = [*intent.unknown_places, *intent.cities]
    return [
        found.group(1)
        for place in named
        if (
            found := re.search(
                rf"([\u4e00-\u9fa5]{{2,9}}?(?:省|自治区|市|州|盟|地区)){re.escape(place)}", intent.text
            )
        )
    ]


def made_of_generic_words(token: str) -> bool:
    """'工作汇报' (工作 + 汇报), '情况汇报': a word jieba keeps whole but built only of words that name
    no topic; asking '听取了哪些工作汇报' names none either."""
    ends = {0}
    for end in range(1, len(token) + 1):
        if any(token[start:end] in GENERIC_TERMS for start in ends if start < end):
            ends.add(end)
    return len(token) in ends
