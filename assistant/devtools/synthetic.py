"""A synthetic archive for scale benchmarks, made by recombining and varying the real sample items.

Each synthetic meeting belongs to another (real) county-level city, with its own
meeting number, date and chair; its items are real items of the sample minutes
whose city names and years are changed, whose sentences are sub-sampled and
mixed with sentences of another item of the same kind. The documents are
written in the sample layout and go through the real loader, parser and chunker.
The five real meetings stay in the archive, so the dev questions still score.
Deterministic for a seed: the 10k archive is a prefix of the 100k one.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

from ..ingest import rules
from ..models import Meeting, int_to_chinese

CITIES = [
    "常熟",
    "张家港",
    "江阴",
    "宜兴",
    "溧阳",
    "丹阳",
    "扬中",
    "句容",
    "兴化",
    "靖江",
    "泰兴",
    "如皋",
    "海安",
    "启东",
    "东台",
    "高邮",
    "仪征",
    "邳州",
    "新沂",
    "海门",
    "余姚",
    "慈溪",
    "诸暨",
    "嵊州",
    "乐清",
    "瑞安",
    "义乌",
    "东阳",
    "永康",
    "温岭",
    "临海",
    "桐乡",
    "海宁",
    "平湖",
    "龙泉",
    "建德",
    "福清",
    "晋江",
    "石狮",
    "南安",
    "龙海",
    "寿光",
    "诸城",
    "胶州",
    "平度",
    "荣成",
    "乳山",
    "邹城",
    "滕州",
    "新泰",
]
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚"
    "卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子"
    "杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮"
    "政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航"
    "弘"
)
REAL_CITIES = ("昆山", "太仓")


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _sentences(text: str) -> list[str]:
    return [s for s in rules.SENTENCE_SPLIT_RE.split(text) if s and s.strip()]


def _vary(text: str, city: str, year_shift: int) -> str:
    """Another city's version of a text: its city name in titles and text, shifted years."""
    for real in REAL_CITIES:
        text = text.replace(real, city)
    text = re.sub(r"《(?!" + re.escape(city) + r")", f"《{city}市", text)
    return re.sub(r"(?<!\d)(20[12]\d)(?=年)", lambda m: str(int(m.group(1)) + year_shift), text)


def generate(meetings: list[Meeting], seed: int = 7) -> Iterator[tuple[str, str]]:
    """Yield (file name, minutes text) forever; the caller stops at the size it needs."""
    rng = random.Random(seed)
    pool = [it for m in meetings for it in m.items if it.item > 0]
    by_verb: dict[str | None, list] = {}
    for item in pool:
        by_verb.setdefault(item.verb, []).append(item)
    serial = 0
    while True:
        serial += 1
        city = rng.choice(CITIES)
        year = rng.randint(2012, 2025)
        shift = year - 2021
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        number = rng.randint(1, 160)
        chair = _name(rng)
        lines = [
            f"{city}市人民政府",
            "常务会议纪要",
            f"{city[0]}政纪〔{year}〕{serial}号",
            "",
            f"{year}年{month}月{day}日上午，{chair}市长主持召开市政府第{number}次常务会议，现纪要如下：",
        ]
        for position, item in enumerate(rng.sample(pool, rng.randint(6, 12)), 1):
            # Recombine: the item's own sentences, sub-sampled, interleaved with sentences of
            # two other items of the same kind, so no synthetic item copies a real one.
            body = _sentences(item.text)[1:]
            keep = [s for s in body if rng.random() < 0.6] or body[:1]
            for partner in rng.sample(
                by_verb.get(item.verb) or pool, min(2, len(by_verb.get(item.verb) or pool))
            ):
                extra = _sentences(partner.text)[1:]
                for sentence in rng.sample(extra, min(len(extra), rng.randint(1, 3))):
                    keep.insert(rng.randint(0, len(keep)), sentence)
            heading = _vary(item.heading, city, shift)
            lines.append(f"{int_to_chinese(position)}、{heading}")
            lines.append(_vary("".join(s.strip() for s in keep), city, shift))
        lines.append("出席：" + "、".join(_name(rng) for _ in range(rng.randint(6, 10))))
        yield f"synthetic_{serial:06d}_{city}.txt", "\n".join(lines) + "\n"
