"""Text as published → text the parser and the search can read, without losing what was written.

Minutes reach the assistant the way portals publish them: traditional-script
mirrors (sometimes with the pinyin of each character inline, `區(qū)`), portal
metadata blocks (索引号 … 发文日期 …, `时间: … 来源: …`), news bylines and
widget debris. This module turns one document into aligned lines:

- `lines`: simplified script (OpenCC t2s), pinyin annotations removed, cleaned —
  what parsing, embedding, BM25 and question matching see;
- `written`: the same lines in the script as written (pinyin still removed) —
  what citations and the source view show;
- `metadata`: portal fields read from metadata lines, whose lines are blanked
  in `lines` so they never become body text or items.

Lines stay aligned one to one, so a parsed item (a line range) has its text in
both scripts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import rules

# One pinyin syllable with a tone mark, written in parentheses right after the character it annotates.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# ('會(huì )議': some mirrors leave a space before the closing parenthesis)
PINYIN_NOTE_RE = re.compile(rf"(?<=[\u3400-\u9fff])\((?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,7}} ?\)")

# Portal fields (government information-disclosure pages, news pages). A line is metadata when it
# starts with one of them followed by a value, or holds two or more of them.
PORTAL_KEYS = (
    "信息索引号",
    "索引号",
    "组配分类",
    "主题分类",
    "主题\\(一级\\)",
    "主题\\(二级\\)",
    "主题（一级）",
    "主题（二级）",
    "发文日期",
    "成文日期",
    "生成日期",
    "公开日期",
    "发布日期",
    "发布时间",
    "更新时间",
    "发稿时间",
    "刊发日期",
    "发布机构",
    "发文机构",
    "发文机关",
    "公开属性",
    "发文字号",
    "公开方式",
    "公开范围",
    "公开时限",
    "公开形式",
    "公开程序",
    "文件编号",
    "有效期",
    "效力状况",
    "体裁",
    "关键词",
    "内容概述",
    "文件下载",
    "信息来源",  # '信息来源:鄂州市人民政府网 日期:2012-10-08 语音:播放'
    "来源",
    "稿源",  # a news mirror's '稿源:宣汉新闻网  2016-07-13 15:17:35 报料热线:…'
    "作者",
    "责任编辑",
    "编辑",
    "浏览次数",
    "阅读次数",
    "点击数",
    "访问量",
    "浏览量",
    "字号",
    "打印本页",
    "关闭窗口",
    "分享到",
    "日期",  # '日期: 2021-11-10' alone on its line (last: the longer keys above match first)
)
_KEYS = "|".join(PORTAL_KEYS)
PORTAL_LINE_START_RE = re.compile(rf"^【?(?:{_KEYS})】?(?:\s*[:：]\s*|\s+|$)")
PORTAL_KEY_RE = re.compile(rf"(?:^|\s)(?:{_KEYS})\s*[:：]?")
# "时间: 2022-01-27 来源: …", "2020-03-09 08:00:00 来源:…": a publication byline, also as a table row
# ('| 2022-09-16 17:25:24??来源:…', the ?? a mirror's mojibake for non-breaking spaces).
BYLINE_RE = re.compile(
    r"^[|｜]?\s*(?:(?:发布)?时间\s*[:：]\s*)?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:[\s?？]*(?:来源|作者|浏览|阅读|点击)|\s*(?:\[\s*\])?\s*$)"
)
# The keys that date a page, the strongest first (the parser takes the first it finds); 时间 and 日期,
# parts of the others, come last.
PORTAL_DATE_KEYS = (
    "成文日期",
    "生成日期",
    "发文日期",
    "发布日期",
    "公开日期",
    "发布时间",
    "更新时间",
    "发稿时间",
    "刊发日期",
    "时间",
    "日期",
)
PORTAL_DATE_RE = re.compile(
    rf"(?P<key>{'|'.join(PORTAL_DATE_KEYS)})?\s*[:：]?\s*(?P<y>\d{{4}})[-/.年](?P<m>\d{{1,2}})[-/.月](?P<d>\d{{1,2}})"
)
# '陕西新闻联播:2020-03-03' · '湖南日报·新湖南客户端   2026-01-13 08:25:34': a programme's or paper's
# name with the date (and time) of the page, alone on its line.
# '2017-11-14 08:45  渭南日报': the same, the date first.
# '红网武冈 管理员 2012/12/18 8:15:24': the paper's name and the poster's, the date written with slashes.
DATED_MASTHEAD_RE = re.compile(
    r"^[\u4e00-\u9fa5·]{2,16}(?:\s+[\u4e00-\u9fa5]{2,5})?(?:\s*[:：]\s*|\s+)\d{4}([-/])\d{1,2}\1\d{1,2}"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s+[\u4e00-\u9fa5]{1,4})?)?$"
    r"|^\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+[\u4e00-\u9fa5·]{2,16}$"
)
SOURCE_RE = re.compile(r"(?:来源|发布机构|发文机关)\s*[:：]?\s*(?P<org>[\u4e00-\u9fa5（）()]{2,30})")
WIDGET_RE = re.compile(r"^(?:\[\s*\]|×|【?(?:字号|字体)[:：]?.*|T\s*\|\s*T|大\s*中\s*小|打印|关闭|分享)$")
# A page's comment box, share prompt and editing credits: '评论 0人参与,0条评论' · '扫一扫在手机打开当前页'
# · '(编辑:赖聪 审核:黄争光)'. Its figures ('0人参与') are no fact of the meeting.
PAGE_CHROME_RE = re.compile(
    r"^(?:评论一下|最热评论|最新评论|网友评论列表|暂无网友评论|还没有评论.{0,12}|关联稿件[:：]?"
    r"|(?:评论\s*)?\d+\s*人参与.{0,24}|已有\s*\d+\s*人参与.{0,24}|\d+\s*条评论"
    r"|扫一扫在手机(?:上)?(?:打开|查看)当前(?:页|页面)?|[\u4e00-\u9fa5]{2,10}供图"  # 区委新闻办供图
    r"|[（(](?:责任)?(?:编辑|撰稿人?|审核|审稿人?|校对)\s*[:：][^（）()]{0,40}[)）])$"
)
# 'http://www.tlnews.com.cn/2018年12月12日 08:39:48 |': the page's address (with its date run on),
# printed by a news page's header table.
PAGE_ADDRESS_RE = re.compile(r"^(?:https?://|www\.)[!-~]+.{0,40}$")
# "会议共有九项议题：一是…": the first of an ordinal-word list written after a colon, put on its own line.
INLINE_FIRST_ORDINAL_RE = re.compile(r"(?<=[:：])\s*(?=一是)")


@dataclass
class PreparedText:
    """A document's lines in both scripts, aligned, and its portal metadata."""

    lines: list[str]
    written: list[str]
    raw: list[str]  # simplified but not whitespace-cleaned (attendance lists pad names with spaces)
    metadata: dict[str, str] = field(default_factory=dict)
    metadata_lines: list[str] = field(default_factory=list)
    script: str = "simplified"  # or "traditional" when OpenCC changed a noticeable share of characters

    @property
    def cleaned_text(self) -> str:
        """The body and header as the parser reads them: every non-empty, non-metadata line."""
        return "\n".join(line for line in self.lines if line)


# Line breaks a repost printed as text: '…保障。【/br/】【/h/】为深入…' · '…<br/>…' · '…</p>…'.
BREAK_DEBRIS_RE = re.compile(r"【/?(?:br|h|p)/?】|<\s*/?\s*(?:br|p)\s*/?\s*>", re.IGNORECASE)
# A document reads traditional when more than this share of its characters only traditional script
# writes (a stray 頵 in a simplified page does not make it so).
TRADITIONAL_SHARE = 0.01


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str, traditional: bool | None = None) -> str:
    """Traditional → simplified script (OpenCC t2s, phrase-aware); simplified text passes unchanged.

    OpenCC changes some characters simplified script uses too, mostly in names (毛华乾 → 毛华干);
    those are kept unless the text (or, given `traditional`, the document it comes from) reads
    traditional. A character whose simplified form lies outside the Basic Multilingual Plane
    (王頵 → 王𫖳) is always kept: few fonts or keyboards have it.
    """
    if not text:
        return text
    converted = _converter().convert(text)
    if len(converted) != len(text):
        return converted
    if traditional is None:
        traditional = reads_traditional(text, converted)
    return "".join(
        b if a == b or not (ord(b) > 0xFFFF or (not traditional and _in_simplified_use(a))) else a
        for a, b in zip(text, converted)
    )


def reads_traditional(text: str, converted: str | None = None, share: float = 0.0) -> bool:
    """Whether more than `share` of the text's characters are ones only traditional script writes
    (OpenCC changes them and GB 2312, the simplified character set, lacks them)."""
    converted = _converter().convert(text) if converted is None else converted
    only_traditional = sum(a != b and not _in_simplified_use(a) for a, b in zip(text, converted))
    return only_traditional > share * len(text)


@lru_cache(maxsize=4096)
def _in_simplified_use(char: str) -> bool:
    """GB 2312 holds the character (乾, 於, 著: written in simplified script as well)."""
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def strip_pinyin_notes(text: str) -> str:
    """Remove inline pinyin annotations such as 區(qū) → 區 left by some mirrors."""
    return PINYIN_NOTE_RE.sub("", text)


def prepare(text: str) -> PreparedText:
    """Split, clean, convert and mark metadata, keeping the written and simplified lines aligned."""
    text = BREAK_DEBRIS_RE.sub("\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    raw = text.split("\n")
    traditional = reads_traditional(strip_pinyin_notes(text), share=TRADITIONAL_SHARE)
    written: list[str] = []
    simplified: list[str] = []
    unclean: list[str] = []
    for line in raw:
        line = strip_pinyin_notes(line)
        parts = [
            piece
            for written_line, simplified_line in _split_inline_ordinals(rules.clean_line(line), traditional)
            for counted in _split_view_counter(written_line, simplified_line)
            for spaced in _split_spaced_paragraphs(*counted)
            for run_on in _split_run_on_opening(*spaced)
            for numbered in _split_numbered_run(*run_on)
            for piece in [_comma_after_spaced_remark(*numbered)]
        ]
        written.extend(w for w, _ in parts)
        simplified.extend(s for _, s in parts)
        unclean.extend([to_simplified(line, traditional)] if len(parts) == 1 else [s for _, s in parts])
    written, simplified, unclean = _join_lone_remark_leads(written, simplified, unclean)
    script = "traditional" if traditional else "simplified"
    prepared = PreparedText(simplified, written, unclean, script=script)
    _mark_metadata(prepared)
    return prepared


# '会议指出' on a line of its own, the remark on the next: a news page's bold lead-in, one sentence in fact
# ('会议明确：' above a numbered list introduces the list and stays as it is).
REMARK_LEAD = r"(?:会议|会上)(?:还|同时)?(?:指出|强调|要求|认为|提出)"
LONE_REMARK_LEAD_RE = re.compile(rf"^{REMARK_LEAD}[，,]?$")


def _join_lone_remark_leads(
    written: list[str], simplified: list[str], unclean: list[str]
) -> tuple[list[str], list[str], list[str]]:
    """Put a lone '会议要求' back in front of the remark it introduces, in every aligned copy of the lines;
    the remark's own line is left empty so that line numbers keep pointing at the page's lines."""
    for lead, line in enumerate(simplified):
        nxt = next((j for j in range(lead + 1, len(simplified)) if simplified[j]), None)
        if not LONE_REMARK_LEAD_RE.match(line) or nxt is None or LONE_REMARK_LEAD_RE.match(simplified[nxt]):
            continue
        for lines in (written, simplified, unclean):
            lines[lead] = lines[lead].rstrip("，,") + "，" + lines[nxt]
            lines[nxt] = ""
    return written, simplified, unclean


# '会议强调 要坚持人民至上,…' (a page's space where the comma after the remark verb was): the space read
# as that comma, so the remark reads like every other '会议强调,…'.
SPACED_REMARK_VERB_RE = re.compile(
    rf"(?:^|(?<=[。；;]))\s*{REMARK_LEAD}(?P<space>[ \t\u3000]+)(?=[\u4e00-\u9fa5“《])"
)


def _comma_after_spaced_remark(written: str, simplified: str) -> tuple[str, str]:
    """Each remark verb followed by a space instead of a comma gets the comma, in both aligned copies."""
    if len(written) != len(simplified):
        return written, simplified
    for found in reversed(list(SPACED_REMARK_VERB_RE.finditer(simplified))):
        start, end = found.span("space")
        written = written[:start] + "，" + written[end:]
        simplified = simplified[:start] + "，" + simplified[end:]
    return written, simplified


def _split_inline_ordinals(line: str, traditional: bool) -> list[tuple[str, str]]:
    """(written, simplified) pieces of a cleaned line: one, or two when a 一是 list starts after its colon."""
    simplified = to_simplified(line, traditional)
    found = INLINE_FIRST_ORDINAL_RE.search(simplified)
    if not found or not re.search(r"(?:议题|事项|内容|如下)[^，。:：]{0,4}[:：]\s*一是", simplified):
        return [(line, simplified)]
    cut = found.start()
    if len(simplified) != len(line):  # offsets would not carry over to the written script
        return [(line, simplified)]
    return [
        (line[:cut].rstrip(), simplified[:cut].rstrip()),
        (line[cut:].lstrip(), simplified[cut:].lstrip()),
    ]


def _split_run_on_opening(written: str, simplified: str) -> list[tuple[str, str]]:
    """A news report printed as one paragraph, cut where each '会议…' sentence after the opening starts.

    '12月16日，…召开第15次常务会议，区长…主持会议。 会议学习了…；研究了《…》。 会议强调：…' reads
    as the opening and then one paragraph per '会议…' sentence, as most reports print them.
    """
    opening = RUN_ON_OPENING_RE.match(simplified)
    if not opening or len(simplified) != len(written):
        return [(written, simplified)]
    cuts = [m.start("next") for m in RUN_ON_NEXT_RE.finditer(simplified, opening.end() - 1)]
    if len(cuts) < 2:  # '…主持召开…。会议先后听取了…汇报。' then paragraphs: the opening names them
        return [(written, simplified)]
    bounds = [0, *cuts, len(simplified)]
    return [
        (written[a:b].strip(), simplified[a:b].strip())
        for a, b in zip(bounds, bounds[1:])
        if simplified[a:b].strip()
    ]


# '閱讀:18671月11日,五屆市政府舉行第27次常務會議。…': a portal's view counter run into the opening.
VIEW_COUNTER_RUN_RE = re.compile(
    r"^(?:阅读|浏览|点击|访问)(?:次数|量|数)?\s*[:：]\s*\d*?(?=(?:1[0-2]|0?[1-9])月\d{1,2}[日号])"
)


def _split_view_counter(written: str, simplified: str) -> list[tuple[str, str]]:
    """The counter ('阅读:1867') and the opening it ran into ('1月11日,…'), as two lines: the month is
    the last digits that make one, and the opening is the meeting's, not a portal line."""
    counter = VIEW_COUNTER_RUN_RE.match(simplified)
    if not counter or len(simplified) != len(written) or len(simplified) - counter.end() < 12:
        return [(written, simplified)]
    cut = counter.end()
    return [
        (written[:cut].strip(), simplified[:cut].strip()),
        (written[cut:].strip(), simplified[cut:].strip()),
    ]


def _split_spaced_paragraphs(written: str, simplified: str) -> list[tuple[str, str]]:
    """Paragraphs whose breaks a page turned into spaces: '…的讲解。会议指出，…。 会议研究讨论了《…》。…
    。 会议还研究讨论了…': cut at each '。 会议…' where a space stands after the full stop (a sentence
    inside a paragraph follows its 。 directly), or where only the space is left of the break; at least
    two such cuts, as one may be a typing slip."""
    if len(simplified) != len(written):
        return [(written, simplified)]
    cuts = [m.start(m.lastgroup or "next") for m in SPACED_PARAGRAPH_RE.finditer(simplified)]
    if len(cuts) < 2:
        return [(written, simplified)]
    bounds = [0, *cuts, len(simplified)]
    return [(written[a:b].strip(), simplified[a:b].strip()) for a, b in zip(bounds, bounds[1:])]


# '。 会议…', or with the full stop lost too: '…等工作 会议听取…的汇报 会议强调,…' (a paragraph's
# sentence never starts after a bare space)
# (…or after a full stop, a speaker's remark or the attendance: '。 崔长领指出,…' · '。 丁黎黎、李云峰…参加会议')
SPACED_PARAGRAPH_RE = re.compile(
    r"[。\u4e00-\u9fa5][ \t\u3000]+(?P<next>(?:会议|会上)[\u4e00-\u9fa5])"
    r"|。[ \t\u3000]+(?P<speaker>[\u4e00-\u9fa5]{2,4}(?:指出|强调|要求)[，,：:]"
    r"|[\u4e00-\u9fa5]{2,4}(?:、[\u4e00-\u9fa5]{2,4})+(?:参加|出席|列席))"
)


def _split_numbered_run(written: str, simplified: str) -> list[tuple[str, str]]:
    """An agenda printed on one line, '1、传达学习《…》, 2、听取…汇报 3、听取…汇报', cut before each
    number: numbered in order from 1, at least three, each after a space or a break mark."""
    if not NUMBERED_RUN_FIRST_RE.match(simplified) or len(simplified) != len(written):
        return [(written, simplified)]
    cuts, expected = [], 2
    for found in NUMBERED_RUN_NEXT_RE.finditer(simplified):
        if int(found.group("n")) == expected:
            cuts.append(found.start("n"))
            expected += 1
    if len(cuts) < 2:
        return [(written, simplified)]
    bounds = [0, *cuts, len(simplified)]
    return [
        (written[a:b].strip(" ,，；;"), simplified[a:b].strip(" ,，；;")) for a, b in zip(bounds, bounds[1:])
    ]


NUMBERED_RUN_FIRST_RE = re.compile(r"^1\s*[、.．](?!\d)")
NUMBERED_RUN_NEXT_RE = re.compile(r"(?<=[\s，,；;。])(?P<n>[2-9]|1\d)\s*[、.．](?!\d)")


# The opening sentence of a report: who chaired which standing meeting, up to its first 。.
RUN_ON_OPENING_RE = re.compile(
    r"[^。]{0,160}?(?:主持|召开)[^。]{0,120}?。|[^。]{0,160}?常务会[^。]{0,120}?。"
)
# '。会议审议了…' · '。为加强…工作,会议研究通过了…' (its purpose first): where the next topic starts.
RUN_ON_NEXT_RE = re.compile(
    r"。\s*(?P<next>(?:为了?[^。，,；;]{2,30}[，,])?(?:会议|会上)(?:还|首先|先后|并|又)?[\u4e00-\u9fa5])"
)


def is_metadata_line(line: str) -> bool:
    if not line:
        return False
    if (
        BYLINE_RE.match(line)
        or WIDGET_RE.match(line)
        or PAGE_CHROME_RE.match(line)
        or DATED_MASTHEAD_RE.match(line)
        or PAGE_ADDRESS_RE.match(line)
    ):
        return True
    keys = PORTAL_KEY_RE.findall(line)
    if len(keys) >= 2:
        return True
    start = PORTAL_LINE_START_RE.match(line)
    return bool(start) and (start.end() < len(line) or line in PORTAL_KEYS) and len(line) <= 80


BARE_KEY_RE = re.compile(rf"^【?(?P<key>{_KEYS})】?\s*[:：]?$")


def _value_like(line: str) -> bool:
    """A cell value (a date, a name, a number), not a paragraph: a widget label such as 字号：
    with nothing after it must not swallow the opening paragraph below it."""
    return len(line) <= 40 and "。" not in line


def _mark_metadata(prepared: PreparedText) -> None:
    """Read portal fields into `metadata` and blank their lines in both scripts.

    A key alone on its line (a table cell, as HTML pages lay them out) takes the next line as its value,
    and only that line: a widget label (字号：) must not take a paragraph further down.
    """
    pending_key = None
    for idx, line in enumerate(prepared.lines):
        if (
            pending_key
            and line
            and _value_like(line)
            and (not is_metadata_line(line) or BYLINE_RE.match(line))
        ):
            prepared.metadata.setdefault(pending_key, line)
            line = f"{pending_key} {line}"
        elif not is_metadata_line(line):
            pending_key = None if line else pending_key  # a key takes only the very next line
            continue
        bare = BARE_KEY_RE.match(line)
        pending_key = bare.group("key") if bare else None
        prepared.metadata_lines.append(line)
        for found in PORTAL_DATE_RE.finditer(line):
            key = found.group("key") or "发布时间"
            iso = f"{int(found.group('y')):04d}-{int(found.group('m')):02d}-{int(found.group('d')):02d}"
            prepared.metadata.setdefault(key, iso)
        if source := SOURCE_RE.search(line):
            prepared.metadata.setdefault("来源", source.group("org"))
        if re.search(r"文号|字号|文件编号", line) and (number := rules.DOC_NUMBER_RE.search(line)):
            prepared.metadata.setdefault(
                "文号", re.sub(r"\s+", "", number.group("num"))
            )  # 石政发【2024】56号
        if summary := re.search(r"内容概述\s*[:：]?\s*(?P<v>.+)$", line):
            prepared.metadata.setdefault("内容概述", summary.group("v").strip())
        prepared.lines[idx] = prepared.written[idx] = prepared.raw[idx] = ""


def written_span(text: str, simplified_whole: str, written_whole: str | None) -> str:
    """The written-script form of `text`, a span of `simplified_whole` (e.g. a passage of an item).

    OpenCC keeps length for nearly every character, so the span at the same offsets
    is the text as written; if lengths differ or the span is not found, the
    simplified text is returned unchanged.
    """
    if not written_whole or written_whole == simplified_whole or len(written_whole) != len(simplified_whole):
        return text
    start = simplified_whole.find(text)
    return written_whole[start : start + len(text)] if start >= 0 else text
