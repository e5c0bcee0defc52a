"""The parsing rules written as data: numerals, label styles, verbs, titles, patterns.

Kept apart from the parser's control flow so a new city's layout is usually a
new entry here, not new code. Patterns accept fullwidth and halfwidth
punctuation alike (、 ， ．/. （/( …) because converted files mix them freely.
"""

from __future__ import annotations

import re

CN_NUMERAL_VALUES = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_UNIT_VALUES = {"十": 10, "百": 100, "千": 1000}
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def numeral_to_int(text: str) -> int | None:
    """Convert '68', '６８', '十一', '一百零六', '二〇二一' to an int (None if not a numeral)."""
    text = text.strip().translate(FULLWIDTH_DIGITS)
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if any(ch not in CN_NUMERAL_VALUES and ch not in CN_UNIT_VALUES for ch in text):
        return None
    if not any(ch in CN_UNIT_VALUES for ch in text):  # digit-by-digit: 二〇二一
        return int("".join(str(CN_NUMERAL_VALUES[ch]) for ch in text))
    total, current = 0, 0
    for ch in text:
        if ch in CN_NUMERAL_VALUES:
            current = CN_NUMERAL_VALUES[ch]
        else:
            total += (current or 1) * CN_UNIT_VALUES[ch]
            current = 0
    return total + current


# ---------------------------------------------------------------- labels
# Each style: name, regex matched at the start of a cleaned line. Group "num"
# holds the printed number. Styles in the same `family` count as one level
# (real minutes print "1、 2、 三、 四、" in one list).
LABEL_STYLES: list[tuple[str, str, re.Pattern[str]]] = [
    ("cn_dun", "dun", re.compile(r"^(?P<label>(?P<num>[一二三四五六七八九十百]+)\s*[、,，])\s*")),
    ("ar_dun", "dun", re.compile(r"^(?P<label>(?P<num>[0-9０-９]{1,3})\s*[、,，])\s*")),
    (
        "cn_paren",
        "cn_paren",
        re.compile(r"^(?P<label>[（(]\s*(?P<num>[一二三四五六七八九十百]+)\s*[）)])\s*"),
    ),
    (
        "cn_di",
        "cn_di",
        re.compile(r"^(?P<label>第(?P<num>[一二三四五六七八九十百]+)[项个]?议题?[:：、，,]?)\s*"),
    ),
    ("ar_dot", "ar_dot", re.compile(r"^(?P<label>(?P<num>[0-9０-９]{1,3})\s*[.．](?![0-9０-９]))\s*")),
    ("ar_paren", "ar_paren", re.compile(r"^(?P<label>[（(]\s*(?P<num>[0-9０-９]{1,3})\s*[）)])\s*")),
    # "一是…二是…" as the top level (a county's 会议共有九项议题：一是…); accepted only after a line that
    # announces a list (LIST_INTRO_RE), because inside items the same words number sub-points.
    ("cn_shi", "shi", re.compile(r"^(?P<label>(?P<num>[一二三四五六七八九十]+)是)(?=[\u4e00-\u9fa5])")),
]
LIST_INTRO_RE = re.compile(r"(?:议题|事项|内容|如下)[^，。,:：]{0,4}[:：]$")
# '会议强调:' alone on a line before '一、…': what follows are the meeting's points on the topics the
# opening named, not agenda items.
REMARKS_INTRO_RE = re.compile(r"^会议(?:强调|要求|指出|认为|提出)[:：]$")
# Preference when several families form a clean 1..N sequence: the highest
# level of Chinese official numbering first (一、 > （一） > 1. > （1）).
FAMILY_PREFERENCE = ["dun", "cn_di", "cn_paren", "ar_dot", "ar_paren", "shi"]

# ---------------------------------------------------------------- meeting
# 常务会议, also '常务(扩大)会议' (a standing meeting widened to more attendees).
STANDING = r"常务(?:[（(]扩大[）)])?会"
# …主持召开… · …召开第N次常务会议 · 五届市政府举行第27次常务会议 · 纪要如下 ·
# 第N次常务会议和市长工作例会召开，…
INTRO_RE = re.compile(
    rf"主持召开|主持了|(?:召开|举行)了?[^，。]{{0,20}}{STANDING}|纪要如下|会议纪要如下|{STANDING}议[，,]"
    rf"|{STANDING}议?[^，。]{{0,12}}召开"  # '…第77次常务会召开，市长…主持会议'
    # '12月7日、12月8日,白银市平川区政府第37次常务会议、区委第47次常委会议分别传达学习…': a dated
    # opening whose subject is the numbered meeting itself (no one is said to convene it)
    rf"|^(?:\d{{1,2}}月\d{{1,2}}日[、和至]?){{1,2}}[，,][^。]{{0,30}}?第[^，。]{{1,8}}次{STANDING}议?"
)
TITLE_RE = re.compile(r"常务会议?纪要|会议纪要")
# 第68次 · 五届104次 · 六届第二十七次 · 六届七十八次 · 区十一届政府第106次 · 第十八届人民政府第65次 ·
# 2022年第9次 (year-scoped) · 区政府召开第89次常务会议 · 第二次 · 第 119 次 (spaced) ·
# 2024年第6次(5届51次)常务会议 (the term's count in brackets after the year's: the first is read)
MEETING_NUMBER_RE = re.compile(
    r"[\u4e00-\u9fa5]{0,6}?(?:第?(?P<term>[一二三四五六七八九十]+届))?(?:人民)?(?:政府)?"
    r"(?:(?P<year>\d{4})\s*年度?)?(?:政府)?第?\s*"
    r"(?P<num>[0-9０-９]+|[一二三四五六七八九十百零〇两]+)\s*次"
    r"(?:[（(][^（()）]{0,10}?(?P<alt>[0-9]+|[一二三四五六七八九十百零〇两]+)次[）)])?"
    r"[\u4e00-\u9fa5]{0,6}?" + STANDING
)
# Month and day only as numbers a calendar has: '閱讀:18671月11日' (a view counter run into the date)
# is 1月11日, not month 71.
DATE_RE = re.compile(
    r"(?:(?P<y>\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*)?"
    r"(?P<m>1[0-2]|0?[1-9]|[一二三四五六七八九十]{1,3})\s*月\s*"
    r"(?P<d>3[01]|[12]\d|0?[1-9]|[一二三四五六七八九十]{1,3})\s*(?:日|号|(?=[，,]))"  # "3月8," without 日 occurs
    r"(?P<tod>上午|下午|晚上|晚)?"
)
# '…县长张龙11月4日主持召开': a date between the chair's name and 主持, dropped before the chair is read.
DATE_BEFORE_CHAIR_VERB_RE = re.compile(rf"(?:{DATE_RE.pattern})(?=主持|召集|召开)")
# '3月18日讯（记者…）3月15日，…主持召开': the first date is the paper's dateline, not the meeting's.
DATELINE_AFTER_RE = re.compile(r"(?:上午|下午|晚)?\s*(?:讯|电|消息)")
# A month and day printed with the 月 lost ('1030日下午，…主持召开'): read only at the opening of a sentence.
# '117日' is 1-17 or 11-7: every cut of the digits into a month and a day is a reading.
# ' 321下午，市长…主持召开' under a page dated 2019-03-22: 月 and 日 both lost, the time of day kept.
# '99日,區委副書記…主持召開': two digits that are no day of a month (32-99) are 9月9日 run together.
# '416,市长韩进主持召开…': 月 and 日 both lost before a comma, the chair and 主持 right after it.
MONTH_DAY_RUN_RE = re.compile(
    r"(?:^|[。）)\s])(?=\d{3,4}(?:日|上午|下午|晚)|(?:3[2-9]|[4-9][1-9])日"
    r"|\d{3,4}[，,][^。，,]{2,30}?(?:主持|召开|举行))"
    r"(?P<md>(?:1[0-2]|0?[1-9])(?:[12]\d|3[01]|0?[1-9]))"
    r"(?:日|(?=上午|下午|晚|[，,]))"
)
# A news report's dateline and byline before its first sentence: '本报讯 记者 刘远朋 22日，…' ·
# '(记者杨晓妍)昨日下午，…' · '本报讯 记者许潇兮 李喻政报道 昨天上午，…'. Dates that must open the
# sentence (22日, 昨日) are read after it.
NEWS_BYLINE_RE = re.compile(
    r"^(?:[\u4e00-\u9fa5]{0,10}讯\s*)?"
    r"(?:[（(](?:(?:本报|融媒体?)?记者|通讯员)[^（）()]{1,30}[）)]"
    r"|(?:(?:本报|融媒体?)?记者|通讯员)\s*[\u4e00-\u9fa5]{2,4}(?:\s+[\u4e00-\u9fa5]{2,4})*(?:报道)?(?=\s))?\s*"
)
# The verb that says the meeting was held, and the verb that starts what it conveyed: a date after
# the second belongs to a conveyed speech or meeting ('…常务会议,传达学习4月19日习近平总书记…').
MEETING_HELD_RE = re.compile(r"主持召开|主持|召开|举行")
CONVEYING_RE = re.compile(r"传达|学习|贯彻")
# '自治区人民政府主席包钢': an autonomous region's head, its government named between.
LEADER_TITLE = r"(?:常务)?(?:代理|代|副)?(?:(?:市|区|县|州|旗|盟|省)长|自治区(?:人民政府)?主席)"
# '13日，市政府党组书记、市长…主持召开': a news report may print only the day; the portal date gives the rest.
DAY_ONLY_RE = re.compile(r"^(?P<d>[12]\d|3[01]|0?[1-9])日(?P<tod>上午|下午|晚上|晚)?[，,]")
# '昨天下午，市政府召开常务会议' in a paper dated the next day: a day named relative to the page's date.
RELATIVE_DAY_RE = re.compile(r"^(?P<rel>今天|今日|昨天|昨日|前天)(?P<tod>上午|下午|晚上|晚)?[，,]?")
RELATIVE_DAY_OFFSET = {"今天": 0, "今日": 0, "昨天": 1, "昨日": 1, "前天": 2}
# '市长龚正昨天主持召开…' · '省长刘国忠今天主持召开…': the day word between the chair and the verb.
RELATIVE_DAY_BEFORE_HELD_RE = re.compile(
    r"(?P<rel>今天|今日|昨天|昨日|前天)(?P<tod>上午|下午|晚上|晚)?(?=(?:在[^，。,]{1,30}?)?(?:主持|召集|召开))"
)
# '县长冯建荣日前主持召开…': a day said only vaguely, between the chair and the verb; no date, dropped.
VAGUE_DAY_BEFORE_HELD_RE = re.compile(r"(?:日前|近日|近期)(?=(?:在[^，。,]{1,30}?)?(?:主持|召集|召开))")
# '202291日，…主持召开': year, month and day run together with 年 and 月 lost.
# '2022年33日': the 月 alone lost, month and day run together after the year.
YEAR_MONTH_DAY_RUN_RE = re.compile(r"(?:^|[。）)\s])(?P<y>(?:19|20)\d{2})年?(?P<md>\d{2,4})日")
# "…同志在区机关大院2号楼二楼会议室主持召开…": a place may stand between the name and 主持.
# '…先后主持召开' · '…通过视频连线方式主持召开' · '…以视频会议形式主持召开': how, not who.
# '…通过腾讯视频会议主持召开了': the medium may stand there too.
_WHERE = (
    r"(?:在[^，。,]{1,30}?[，,]?|(?:通过|以)[^，。,]{1,16}?(?:方式|形式|视频会议|视频连线)|先后|分别|亲自)?"
)
# A name: two to four characters, or a transliterated name in parts joined by a middle dot
# ('阿不都克力木·艾力', '阿不力米提·阿塔吾拉').
NAME = r"(?:[\u4e00-\u9fa5]{1,8}(?:[·•・][\u4e00-\u9fa5]{1,10}?){1,3}|[\u4e00-\u9fa5]{2,4}?)"
# '区政府董敬太区长主持召开': the government named before the name is no part of it (府董敬太).
CHAIR_NAME_FIRST_RE = re.compile(
    rf"(?<!政)(?P<name>{NAME})(?:同志)?(?P<title>{LEADER_TITLE})(?:同志)?{_WHERE}(?:主持|召集)"
)
# "区长李旭召开区政府第63次常务会议": with the title before the name, 召开 alone also names the chair.
CHAIR_TITLE_FIRST_RE = re.compile(
    rf"(?P<title>{LEADER_TITLE})(?:、[\u4e00-\u9fa5]{{2,10}}?(?:书记|主任|组长))?(?P<name>{NAME})(?:同志)?"
    rf"{_WHERE}(?:参加并|出席并)?(?:主持|召集|召开)"  # '市长、市政府党组书记吕志成主持召开'
)
# '…列席会议。会议由徐琳主持。': the chair named after the attendance, with or without a title
# ('会议由县委副书记、县长王伟国主持').
CHAIR_PRESIDED_BY_RE = re.compile(
    rf"(?:会议|本次会议|会)由(?:[^，。,]{{0,20}}?(?P<title>{LEADER_TITLE}))?(?P<name>{NAME})(?:同志)?主持"
)
# "代金涛同志主持召开…": a chair named without a title.
CHAIR_NAME_ONLY_RE = re.compile(
    rf"(?:^|[，,。\s日午])(?P<name>[\u4e00-\u9fa5]{{2,3}})同志{_WHERE}(?:主持|召集)"
)
# '2020年11月27日,李天明在常务会议室主持召开…': a bare name, right after the date, where it was held.
CHAIR_BARE_NAME_RE = re.compile(r"(?:^|[，,。])\s*(?P<name>[\u4e00-\u9fa5]{2,3})在[^，。,]{1,30}?主持召开")
# '《田庆杰主持召开县政府第四次常务会议》由…提供': a reprint notice or headline that names the chair
# and the meeting, the only place a page that starts mid-report names who presided.
CHAIR_HEADLINE_RE = re.compile(
    rf"(?:^|《)(?P<name>[\u4e00-\u9fa5]{{2,3}})主持召开[^。，,《》]{{0,20}}?{STANDING}议?(?:》|$)", re.M
)
# '《田庆杰主持召开县政府第四次常务会议》由河南新闻网-豫都网提供,转载请注明出处:…': a portal's reprint
# notice glued to the last paragraph; the headline it quotes opens nothing there.
REPRINT_NOTICE_RE = re.compile(r"《[^《》]{4,60}》由[^，,。《》]{2,30}提供.*$")
# What a bare name must not be: a title, the meeting or the government ('县长在…', '会议在…').
NOT_A_NAME_RE = re.compile(r"长$|书记|主任|会议|政府|全市|全县|全区|领导|同志")
# '县政府第三次常务会议召开,县委副书记、县长齐永军,县委常委、副县长朱洪瑞,…出席': no one is said to
# preside; the head of government, named first of those attending, is who chaired (not a deputy).
PRINCIPAL_ATTENDING_RE = re.compile(
    rf"常务会议?召开[，,](?:[\u4e00-\u9fa5]{{2,12}}?[、，,])?(?P<title>(?:代理|代)?(?:市|区|县|州|旗|盟|省)长)"
    rf"(?P<name>{NAME})[，,、][^。]*?(?:出席|参加)"
)
# '县委副书记、县长杨继周同志对…给予了充分肯定' in a report that says no one presided: the head of
# government the report names (never a deputy) speaks for the meeting.
HEAD_NAMED_RE = re.compile(
    rf"(?<!副)(?P<title>(?:代理|代)?(?:市|区|县|州|旗|盟)长)(?P<name>{NAME})(?:同志)?"
    r"(?=[对就在，,、说指强要提]|出席(?:会议)?并讲话)"  # '市长郑跃文出席会议并讲话'
)
DOC_NUMBER_RE = re.compile(
    r"(?P<num>(?P<prefix>[\u4e00-\u9fa5]{0,8})\s*[〔\[［(（【]\s*(?P<year>\d{4})\s*[〕\]］)）】]\s*[0-9０-９]+\s*号)"
)
SERIAL_NUMBER_RE = re.compile(r"^[（(]?(?P<num>第\s*[0-9０-９一二三四五六七八九十百]+\s*[号期])[）)]?$")
ISSUER_RE = re.compile(
    r"^(?P<org>(?:[\u4e00-\u9fa5]{2,8}?(?:省|自治区))?(?:[\u4e00-\u9fa5]{1,8}?(?:市|自治州|州|盟))?"
    r"(?:[\u4e00-\u9fa5]{1,8}?(?:区|县|旗|市))?人民政府(?:办公室|办公厅)?)"
)

# Header blocks of the form 时间：… 地点：… 主持：… 出席：… 记录：…
HEADER_KEY_RE = re.compile(r"^(?:时间|地点|主持人?|记录人?|议题|会议议题|召集人)\s*[:：]")
HEADER_CHAIR_RE = re.compile(
    rf"^主持人?\s*[:：]\s*(?P<name>[\u4e00-\u9fa5]{{2,4}}?)\s*[（(]?(?P<title>(?:区委|市委|县委)?[^，。）)]{{0,8}}?{LEADER_TITLE})?[）)]?\s*$"
)
HEADER_TIME_RE = re.compile(r"^(?:会议)?时间\s*[:：].*")
# A portal's '会议主持人:区委副书记、区长孟庆顺': the titles before the name.
HEADER_TITLED_CHAIR_RE = re.compile(
    rf"^(?:会议)?主持人?\s*[:：]\s*(?P<title>[\u4e00-\u9fa5、]{{0,16}}?{LEADER_TITLE})(?P<name>[\u4e00-\u9fa5]{{2,3}})\s*$"
)
# 出席： 列席人员： 列席会议人员： 参加会议人员： 列席情况： · '出 席:' spaced to align with '列 席:' ·
# '公众代表列席情况:' · '人大代表、政协委员列席情况:': who sat in, named before the role.
ATTENDANCE_RE = re.compile(
    r"^(?P<who>[\u4e00-\u9fa5、]{2,12}?)?(?P<role>出\s?席|列\s?席|请\s?假|缺\s?席|参\s?加)(?:会议)?(?:人员|情况)?\s*[:：]\s*"
)
# The role words of an attendance list; what is left of its label is the group it names
# ('公众代表列席' → '公众代表'), which the parser (a line naming the group ends the list) and the
# answer (the list whose group a question names first) both read.
ATTENDANCE_ROLE_WORDS_RE = re.compile(r"出席|列席|缺席|请假|参加")


def attendance_group(role: str) -> str:
    """'公众代表列席' → '公众代表', '列席单位' → '' : the group an attendance list's label names."""
    return ATTENDANCE_ROLE_WORDS_RE.sub("", role).removesuffix("单位")


# A page's list of other stories after the report ('新闻推荐' then another story's headline and lead).
RELATED_STORIES = r"新闻推荐|相关新闻|相关阅读|推荐阅读|延伸阅读|热点推荐|相关报道|相关文章"
FOOTER_RE = re.compile(
    rf"^(?:抄送|抄报|分送|发送|主送|送)\s*[:：]|印发$|^（此件[^）]*）$|^(?:{RELATED_STORIES})[:：]?$"
)
# '豫都网版权与免责声明' then '1、未经本网许可…': a site's disclaimer, its clauses numbered like items.
DISCLAIMER_RE = re.compile(r"^[^。，,]{0,12}(?:版权(?:与|和|及)?免责声明|免责声明|版权声明|网站声明)[:：]?$")
TRAILING_RE = re.compile(
    r"^会议还(?:学习|审议|听取|传达|讨论|研究|通报|部署|调度)|^会议(?:研究|讨论)了?其他(?:事项|事宜)"
)
# The subject may be the meeting by name: '省政府常务会议审议《…》' · '省政府党组会议传达学习…',
# or those at it: '与会人员首先共同学习了《…》', or its start: '会议伊始,传达学习了…'.
MEETING_SUBJECT = (
    r"(?:(?:会前|会上|会议)[，,]?(?:全体)?(?:参会|与会)(?:人员|同志)|会议伊始[，,]?|会议|会上[，,]?|会前[，,]?"
    r"|(?:全体)?(?:参会|与会)(?:人员|同志)|(?:省|市|区|县|州|盟|旗|自治区)?政府(?:党组)?(?:常务)?会议)"
)
# Paragraph-style minutes (no numbering): a paragraph that opens a new topic is an agenda item.
# Continuations (会议指出/要求/强调…) and decisions on the topic just heard (原则同意该…) stay with it.
# '…汇报，强调，要…' · '…情况汇报强调,要…' (no comma before 强调 after a report heard) ·
# '会议传达贯彻了…精神,要求各级各部门高度重视…': those required named right after 要求
REMARK_START_RE = re.compile(
    r"[，,](?=(?:会议|会上)?(?:强调|指出|要求|认为|明确)(?:[，,：:]|各级|各地|各部门|各单位|全市|全县|全区|全旗|相关|有关))"
    r"|(?<=汇报)(?=(?:并|时)?(?:强调|指出|要求)[，,：:])"
    r"|(?<=》时)(?=(?:强调|指出|要求)[，,：:])"  # '会议在审议《…方案》时指出,…
)

# '会议邀请群众代表参加,审议通过《…》': those invited to the topic may be named before its verb.
INVITED = r"邀请[^，,。；]{2,30}?(?:参加|列席|出席)(?:会议)?"
INVITED_LEAD_RE = re.compile(rf"^{MEETING_SUBJECT}?{INVITED}$")
TOPIC_OPENER_RE = re.compile(
    rf"^{MEETING_SUBJECT}?(?:{INVITED}[，,])?"
    r"(?:首先(?:集中|专题|集体)?|先后|分别|专题|集中|集体|重点|还|组织|进一步|认真|书面)?(?:共同)?"  # 首先集中学习
    r"(?:传达学习|学习传达|传达|学习|解读(?=了?《)|听取|审议|审定|审查|研究|讨论|通报|部署|调度|议定|聚焦|"
    r"原则通过|原则同意|一致同意|一致通过|同意|通过|决定|批准)"
    r"|^(?:(?:会议|会上)(?:还)?)?在(?:听取|审议|审定|研究|讨论|传达|部署)"  # '会议在审议《…方案》时指出'
    # '会议邀请县水利水电局相关负责人作题为“《…》解读”的讲座': a lecture the meeting heard
    # (not '会前邀请…作专题辅导', a study before the agenda)
    r"|^(?:会议|会上)[，,]?(?:还)?邀请[^。；]{2,40}?[^。；]{0,80}?(?:讲座|辅导|授课|专题解读)"
    # '围绕市属企业优化重组工作,会议指出': the topic named first, then what the meeting said on it
    r"|^围绕[^。；，,]{2,40}?[，,]\s*(?:会议|会上)(?:还)?(?:指出|强调|要求|认为|提出)"
    # 会议对《A》和《B》进行了认真细致审议 · 会议对创建金融安全区工作进行了研究
    r"|^(?:会议|会上)(?:还)?(?:对|就)(?!上述|以上|前述)[^。；]{2,80}?(?:进行了?|作了|作出了)[^。；，,]{0,6}?(?:审议|研究|讨论|部署)"
)
# '工作人员对《政府工作报告》(讨论稿)的框架及撰写过程作了说明和解读。' · '区财政局就《…》作了说明':
# someone presents a document to the meeting, which then discusses it: a topic of its own
PRESENTED_DOC_RE = re.compile(
    r"^[^。；，,]{0,24}?(?:对|就)(?P<title>《[^》]{2,60}》)[^。；]{0,20}?(?:作了|作出了|进行了)"
    r"[^。；，,]{0,6}?(?:说明|解读|介绍|汇报)"
)
# '会议指出,《成渝共建西部金融中心规划》的出台,有利于…': a remark whose subject is a document no topic
# named before — the meeting took it up, a topic of its own.
REMARK_ON_DOC_RE = re.compile(
    r"^(?:会议|会上)[，,]?(?:还)?(?:指出|强调|认为)[，,：:]?《(?P<title>[^》]{2,60})》"
)
# '会议决定:' alone on its line above '(一)原则通过《方案》…' '(二)…': the decisions on the topic above
DECISIONS_LEAD_RE = re.compile(r"^(?:会议|会上)(?:研究)?(?:决定|议定|明确)\s*[:：]?\s*$")
TOPIC_BACKREF_RE = re.compile(  # '会议决定,原则同意该汇报': the decision on the report just heard
    r"^(?:会议)?(?:决定[，,]?)?(?:原则|一致)?(?:同意|通过|批准)(?:了)?(?:该|上述|此|这|以上|所|。|，|,)"
    rf"|{DECISIONS_LEAD_RE.pattern}"
)
# '崔长领强调,…': a remark opened by the speaker's name (not '会议强调', '会上指出'), one paragraph of a
# page that runs the chair's remarks one after another.
NAMED_SPEAKER_RE = re.compile(r"^[\u4e00-\u9fa5]{2,4}(?<!会议)(?<!会上)(?:指出|强调|要求|表示)[，,：:]")
DEBRIS_RES = [
    re.compile(r"\[bookmark:[^\]]*\]"),
    re.compile(r"\?{2,}"),  # characters lost in a bad re-encoding print as runs of '?'
    re.compile(r"^□?记者\s*\S{2,4}\s*报道$|^□?記者\s*\S{2,4}\s*報道$"),  # news byline
    re.compile(r"\[(?:footnote|comment|image)[^\]]*\]", re.IGNORECASE),
    re.compile(r"^\s*[-•·]\s+(?=\S)"),  # a page's list bullet ('- 发布时间:2022-08-30')
    # a reporter's byline closing a paragraph ('…等文件。(何建平)', '。(记者 朱星然 通讯员 王晨旭)')
    re.compile(
        r"(?<=。)\s*[（(](?:(?:记者|通讯员|撰稿人?|审稿人?|编辑|供稿)[:：]?\s*)?[\u4e00-\u9fa5]{2,4}"
        r"(?:\s+(?:(?:记者|通讯员|撰稿人?|审稿人?|编辑)[:：]?\s*)?[\u4e00-\u9fa5]{2,4})*[)）]\s*$"
    ),
    # …or set off by a space alone ('…参加会议。 全媒体记者:王俊 刘丽娟')
    re.compile(
        r"(?<=。)\s+(?:全媒体|融媒体?|本报|本台)?(?:记者|通讯员|撰稿人?|编辑)[:：]\s*[\u4e00-\u9fa5]{2,4}"
        r"(?:\s+[\u4e00-\u9fa5]{2,4})*\s*$"
    ),
    # a portal's greeting ('欢迎访问临沭县人民政府门户网站'): the site's owner stays, the greeting goes
    re.compile(r"^欢迎您?(?:访问|来到|光临)(?=[\u4e00-\u9fa5]{2,30}(?:网站|网))"),
    # a portal's link to related pages ('相关解读:新城区政府召开…常务会议图解'), not the report's text
    re.compile(r"^相关(?:解读|链接|阅读|新闻|文章|报道)\s*[:：|丨].*$|^相关链接\s*\|?\s*$"),
    # anti-copy noise of forum mirrors (Discuz's hidden 'jammer' spans): five or more one- or two-character
    # ASCII tokens ('& K0 x& ^! M9'), also glued to the text before them ('…富足。9 ?2 m F' ~- p/ |')
    re.compile(
        r"(?:(?<=[\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fa5])|^)(?:[!-~]{1,2} ){4,}[!-~]{1,2}(?=\s|$)"
    ),
    # a news page's paragraph mark, after the noise before it ('■要把…', '○本报讯')
    re.compile(r"^\s*[■●○◆◇▲△]\s*(?=\S)"),
    # a mirror's doubled punctuation ('4月29日晚,,市委…', '陳忠輝,、潘海燕', '參加會議,。'): the comma goes
    re.compile(r"[,，](?=[,，。、；;])"),
    # a portal's footer line ('主办单位:黄石港区人民政府 版权所有 …', '鄂公网安备 …号', '首页 | 网站声明 |
    # … | 网站地图'): the site's chrome, whole, never a sentence of the minutes
    re.compile(
        r"^.*(?:版权所有|公网安备|ICP备|标识码\s*[:：]?\s*\d|网站地图|主办单位\s*[:：]|邮编\s*[:：]|最佳分辨率"
        r"|Copyright|All Rights Reserved).*$",
        re.I,
    ),
]

# ---------------------------------------------------------------- items
VERBS = [
    "传达学习",
    "学习传达",
    "听取并审议",
    "听取并讨论",
    "审议并通过",
    "审议通过",
    "审议",
    "讨论",
    "听取",
    "学习",
    "传达",
    "研究",
    "通报",
    "部署",
    "审定",
    "审查",
    "专题研究",
]
# What follows 会议听取 before the reporter in '会议听取并原则同意了市应急局关于…的汇报': never the reporter.
# '并原则同意了市应急局…' · '听取审议并原则通过了《…》': verbs run together before who reported, if anyone.
VERB_PHRASE_PREFIX_RE = re.compile(
    r"^(?:(?:并|和|及|后|、)?(?:原则)?(?:同意|通过|审议|研究|讨论|审定)(?:了|通过了?)?)+"
)
INLINE_VERB_RE = re.compile(
    rf"^{MEETING_SUBJECT}(?:首先|还)?(?:专题|共同|集体|集中)?(?P<verb>听取|审议|审定|审查|讨论|研究|学习|传达|通报|部署)"
)
REPORT_RE = re.compile(
    r"会议(?:听取并(?:审议|讨论|研究)了?|听取了?|审议了)"
    r"(?P<who>[^，。；：《》“”\n]{2,40}?)"
    r"(?:就|关于|对(?=《|关于)|《|所作|作的|的(?:情况)?汇报|(?<!情况)汇报|的情况)"
)
# '会议审议了由区生态环境局提交的《…方案》': the department that brought the document, without 由…提交的.
SUBMITTED_BY_RE = re.compile(
    r"^由(?P<org>[^，。；]{2,30}?)(?:提交|提请|报送|起草|拟定|牵头起草|编制)(?:审议)?的?$"
)
CONVEY_RE = re.compile(r"会议由(?P<who>[^，。；\n]{2,16}?)(?:传达|通报|领学)")
OFFICIAL_TITLES = (
    r"(?:常务)?副?(?:局长|主任委员|主任|镇长|乡长|区长|县长|市长|组长|书记|处长|科长|院长|所长|"
    r"秘书长|总经理|董事长|主席|部长|校长|行长|社长|关长|厅长|司令|队长|站长|馆长|总监)"
)
# '区应急管理局局长夏志华同志': the department, its official's title and name (同志 is no part of it)
OFFICIAL_RE = re.compile(
    rf"^(?P<org>.*?)(?P<title>{OFFICIAL_TITLES})(?P<person>[\u4e00-\u9fa5]{{2,4}}?)(?:同志)?$"
)
# A timeline's line '区审计局局长张华国汇报市中区…整改情况。': an official reporting, at the line's start.
SPEAKER_REPORT_RE = re.compile(
    rf"(?m)^(?P<who>[^，,。；：:\n]{{2,24}}?{OFFICIAL_TITLES}[\u4e00-\u9fa5]{{2,3}}?)(?:同志)?(?:作了?)?汇报"
)
PERSON_TITLE_RE = re.compile(
    rf"^(?P<person>[\u4e00-\u9fa5]{{2,4}}?)(?:同志)?(?P<title>{LEADER_TITLE}|{OFFICIAL_TITLES})$"
)
DECISION_RE = re.compile(
    r"^会议(?:[^，。；]{0,6}[，,：:])?(?:[（(][一二三四五六七八九十]+[）)])?(?:会议)?"
    r"(?:原则上?|一致|同意并)?(?:通过|同意|批准|决定)"
)
# A decision stated mid-sentence ('会议听取了…的汇报，原则同意该《办法》') counts too, and a clause whose
# subject, the meeting, was said before the semicolon ('会议通过…;决定加快推进…,对…收费标准进行调整').
DECISION_ANYWHERE_RE = re.compile(
    r"原则上?(?:同意|通过)|会议(?:同意|决定|批准)|一致(?:同意|通过)|(?:审议|讨论|研究)并?通过(?!后|之后)"
    r"|(?:^|[，,])(?:并|还|同时)?决定(?![性权因])"  # '…审议了《A》(讨论稿),决定按程序印发'
    r"|[，,]确定(?:将|由|把|对)"  # '…研究了市级行政审批事项,确定将《目录》及时向社会公布'
    r"|审定(?:了|并通过了?)?《"  # '会议在审定《…规划》时强调': examined and settled
    r"|[①-⑳]\s*(?:原则)?(?:同意|决定)"  # '形成了以下意见:…①同意适时召开市委农村工作会议': a point agreed
)
ROUTING_RES = [
    re.compile(r"提交[^，。；]{2,12}?(?:审议|讨论|审定|研究|决定)"),
    re.compile(r"以[^，。；]{2,14}?名义(?:印发|发布|下发|发文|出台)"),
    re.compile(r"修改完善后组织实施|(?<!修改完善后)组织实施"),
    re.compile(r"报[^，。；]{1,8}?(?:批准|审批|备案)"),
]
SENTENCE_SPLIT_RE = re.compile(r"(?<=[。！？!?；;])|\n")
# A line that ends a sentence (or a quote, a bracket, a title); one that does not was cut off by its page.
SENTENCE_CLOSED_RE = re.compile(r"[。！？!?；;）)”\"》]$")


def clean_line(line: str) -> str:
    """Remove conversion debris and normalise whitespace in one line of minutes."""
    for pattern in DEBRIS_RES:
        line = pattern.sub("", line)
    line = line.replace("\t", " ").replace("\u3000", " ").replace("\xa0", " ").replace("\ufeff", "")
    line = re.sub(r"[\u200b-\u200f]", "", line)
    return re.sub(r" {2,}", " ", line).strip()


# ---------------------------------------------------------------- news reports (one paragraph, many items)
# A verb that opens an agenda clause inside a sentence: '会议传达学习了…；听取了…，审议了《…》'.
CLAUSE_VERB = (
    r"(?:传达学习|学习传达|审议通过|讨论通过|研究通过|研究部署|安排部署|听取|审议|审定|研究|讨论|"
    r"传达|学习|解读|部署|分析(?:研判)?|调度)"  # '分析全市经济形势,部署下阶段工作,审议通过《…》'
)
# Where one clause ends and the next begins: ；, or ，/、 right before (会议)(还)verb(了).
CLAUSE_BREAK_RE = re.compile(
    rf"[；;](?=\s*(?:会议|会上)?(?:还|并|又)?{CLAUSE_VERB})"
    rf"|(?<!会上)(?<!会前)[，,](?=(?:会议|会上)?(?:还|并|又)?{CLAUSE_VERB}了)"
    r"|(?<!会上)(?<!会前)[，,](?=(?:会议|会上)?(?:还|并|又)?(?:听取|审议|审定|审议通过|讨论通过|传达学习|解读(?=《)|讨论(?!决定|通过)|研究(?!决定|解决|确定)|调度)(?!了))"
    rf"|、(?={CLAUSE_VERB}了)"
)
# '同时,审议…' · '此外,会议听取了…': a connective before a clause that takes up another item.
CONNECTIVE_LEAD = r"(?:(?:同时|此外|另外)[，,]?)?"
# What may stand before a clause's verb: '会议还', '会前', '会议组织', '会议进一步', '同时,'.
CLAUSE_LEAD = (
    rf"{CONNECTIVE_LEAD}{MEETING_SUBJECT}?"
    r"(?:首先|先后|分别|还|并|又|组织|进一步|认真|深入|全面|书面|专题|专门)?(?:共同)?"
)
# Lead words standing alone before a comma ('会议伊始,传达学习了…'): they lead the next clause in.
BARE_LEAD_RE = re.compile(rf"^{CLAUSE_LEAD}[，,]?$")
# The run of verbs a clause opens with ('会议还研究讨论了'), to see what it names after them.
CLAUSE_VERBS_RE = re.compile(rf"^{CLAUSE_LEAD}(?:{CLAUSE_VERB}了?)+")
# '会议听取、讨论并原则通过了《A》': one clause, its verbs run together.
CLAUSE_START_RE = re.compile(
    rf"^{CLAUSE_LEAD}(?P<verb>{CLAUSE_VERB})(?:了)?(?:(?:并|、|和)(?:原则)?(?:{CLAUSE_VERB}|通过|同意)了?)*"
)
# A clause that names no topic of its own ('研究部署下一步工作') belongs to the clause before it.
# '研究部署梅县区下一阶段工作': the place's own next steps are no topic either.
GENERIC_OBJECT_RE = re.compile(
    r"^(?:下一步|下一阶段|下阶段|下步|相关|有关|其他|贯彻落实|具体|落实|推进)"
    r"(?:工作|事项|事宜|措施|意见|举措)?[。，,]?$|^(?:下一步|下阶段|相关|有关|其他|贯彻)"
    r"|^(?:全|我|本)?[\u4e00-\u9fa5]{0,4}(?:省|市|区|县|旗|州)(?:下一步|下一阶段|下阶段)(?:工作)?[。，,]?$"
    r"|^[\u4e00-\u9fa5]{0,8}贯彻落实(?:工作|措施|意见|举措)?[。，,]?$"  # '研究政府系统贯彻落实工作'
    r"|^(?:当前|近期|目前)(?:的)?(?:重点|重要|主要)?(?:工作|事项)[。，,]?$"  # '研究当前重点工作'
    r"|^(?:有关|相关)?工作(?:情况)?汇报[。，,]?$"  # '会议学习《…条例》,听取工作汇报': the study's own report
    r"|^(?:我|全|本)?(?:省|市|区|县)?(?:具体)?(?:贯彻|落实|贯彻落实)(?:举措|措施|意见|工作)[。，,]?$"  # 我市具体落实举措
)
# One document of a list the clause acts on: 《…》 or 关于…的请示/报告/方案.
DOCUMENT_PART_RE = re.compile(
    r"^[^《》、]{0,12}《[^》]+(?:》[^、，,；;。]{0,12})?$"  # a title the page left unclosed ends the list
    r"|^关于[^、，,；;。]{2,60}?的(?:请示|报告|汇报|方案|意见|函)$"
    r"|^[^《》，,；;。]{2,24}《[^》]+》$"  # 州人力资源社会保障局、州财政局《关于…的请示》
    r"|^[^《》、，,；;。]{0,40}的《[^》]+》$"  # 拟提请第十八届人民代表大会第三次会议审议的《A》
    # 市农委关于落实“菜篮子”市长负责制实施意见和考核办法 · …评选方案等议题: a unit's draft, untitled
    r"|^[^《》、，,；;。]{2,12}(?:局|委|办|会|院|部|中心)关于[^、，,；;。《》]{2,60}?"
    r"(?:请示|报告|方案|意见|办法|规定|细则|通则|规划|计划)(?:等(?:议题|事项|文件))?$"
)
# Where a list of documents breaks; '以及' only after a whole document or before one ('关于…报告和
# 专户借款以及资产处置的请示' is one request).
DOCUMENT_LIST_BREAK_RE = re.compile(
    r"(?<=》|函)、|(?<=请示|报告|汇报|方案|意见)、|、(?=《)|(?<=[)）])(?:和|及)(?=《)|、(?![^、，,；;。《》]{0,12}《[^》]+》(?:$|[，,、；;]|和|及))|(?:(?<=》|函)|(?<=请示|报告|汇报|方案|意见))以及|以及(?=《|关于)|(?<=》)(?=《)|(?<=》)(?:和|及)(?=《|关于)"
    r"|(?<=》)[，,](?=[^，,；;。《》]{2,16}《)"  # 《A》，州财政局《B》
)
# What an opening names when it sums up the paragraphs: '审议有关文件' · '研究部署贯彻落实措施'.
VAGUE_OBJECT_RE = re.compile(
    r"^(?:[\u4e00-\u9fa5]{0,4}(?:省|市|区|县|旗|州|政府系统))?(?:有关|相关|其他|贯彻落实|下一步|下阶段|下步)[^，,。]{0,4}$"
)
# '在听取全区疫情防控工作情况汇报后，区长要求…': remarks on a report the report listed before.
AFTER_HEARING_RE = re.compile(r"^在(?:听取|审议|研究|讨论)(?:完|了)?(?P<what>[^，,。]{4,80}?)(?:之后|后|时)")
REPORT_WORDS_RE = re.compile(r"(?:相关)?(?:工作)?(?:情况)?(?:的)?汇报$")
# '研究了农业农村、生态环保、城市管理等工作': three or more topics named one by one.
TOPIC_LIST_RE = re.compile(
    r"(?P<names>[^、，,；;。《》]{2,14}(?:、[^、，,；;。《》]{2,14}){2,})(?P<rest>等(?P<noun>工作|事项|议题|问题))"
)
# A remark that takes up one topic of such a list: '关于农业农村工作，龙某指出' · '在安全生产方面，'.
TOPIC_REMARK_RE = re.compile(r"^(?:关于|在|对于|就)(?P<topic>[^，,。；]{2,24}?)(?:工作)?(?:方面)?[，,]")
# How a named thing ends: a document, a report, the spirit of a meeting or a speech.
NAMED_ENDINGS = ("精神", "汇报", "讲话", "批示", "指示", "请示", "报告", "方案", "办法", "送审稿")
NAMED_PART_RE = re.compile(r"(?:》[^《》，,、；;。]{0,6}|" + "|".join(NAMED_ENDINGS) + r")$")
NOT_NAMED_RE = re.compile(
    r"^(?:并|会议)?(?:原则|一致)?(?:同意|通过|批准|决定|要求|强调|指出)|^(?:该|此|上述|这)"
)
SPIRIT_END_RE = re.compile(r"(?:精神|讲话|批示|指示)$")
# A list separator right after a named thing ('…工作汇报，…情况汇报' · '…精神和《条例》' · '》,《').
NAMED_LIST_BREAK_RE = re.compile(
    "(?:" + "|".join(f"(?<={e})" for e in ("》", *NAMED_ENDINGS)) + r")(?:以及|[、，,；;和及])"
    # '…会议主要精神及孙吴县贯彻落实意见': a spirit and the place's own follow-up are one thing
    r"(?![^、，,；;。《》]{0,10}?(?:贯彻落实|落实)(?:意见|情况|措施|举措))"
    r"|(?<=》)(?=《)"
)
# A short follow-on after the list that names nothing new: '…《条例》,并安排落实意见'.
CLAUSE_TAIL_RE = re.compile(r"[，,](?:并|同时)[^，,。；;《》]{1,12}$")
# '会议对《A》和《B》进行了认真细致审议': the documents before the verb.
OBJECT_FIRST_RE = re.compile(
    r"^(?:会议|会上)?(?:还)?对(?P<objects>《[^。；]+?》)(?:进行了|作了|作出了)[^。；，,]{0,6}?"
    r"(?P<verb>审议|研究|讨论|部署)"
)
# '会议就县卫健委《关于…的请示》等8个议题进行了深入研究': one matter named before the verb.
ON_TOPIC_RE = re.compile(
    r"^(?:会议|会上)(?:还)?(?:对|就)(?!上述|以上|前述)(?P<what>[^。；，,]{2,80}?)(?:进行了?|作了|作出了)[^。；，,]{0,6}?"
    r"(?P<verb>审议|研究|讨论|部署)"
)
# '会前开展了集体学法,区发改局对《优化营商环境条例》进行解读。': a law studied before the agenda, explained
# by a department — the meeting's remarks on it ('会议指出《…条例》是…') make it an item.
STUDY_BEFORE_RE = re.compile(
    r"^会前[^。]{0,16}?(?:学法|学习)[，,]\s*[^，,。]{2,16}?对(?P<what>《[^》]{2,60}》)"
    r"(?:进行了?|作了?)(?P<verb>解读|讲解|辅导|宣讲)"
)
# A sentence inside a paragraph that takes up a new agenda item: '会议审议并原则通过了《…》' ·
# '并就审议《…的通知》等议题进行了研究'.
MID_TOPIC_RE = re.compile(
    rf"^{CONNECTIVE_LEAD}{MEETING_SUBJECT}?(?:还|又|随后|接着|书面|[并还]就)?(?:听取|审议|审定|传达学习|学习传达|研究讨论|讨论"
    r"|(?:研究|传达|解读)(?=了?《))(?!了?(?:该|上述|此|这))"  # '会议研究了《B》' names a document of its own
)
# '并就审议《…》等议题进行了研究': an act joined to the one before it; its heading opens at the verb.
JOINED_ACT_RE = re.compile(r"^[并还又]就(?=听取|审议|审定|研究|讨论|传达)")
# '副市长曲强、王石红…出席会议。' printed between the opening and the remarks: who attended, not a remark.
ATTENDANCE_SENTENCE_RE = re.compile(
    r"^(?!会议|会上).{2,300}?(?:出席|列席|参加|应邀参加|应邀出席)(?:了)?(?:会议|本次会议)[。；;]?"
    r"(?:[（(][^）)]{0,24}[）)])?$"  # (记者 朱星然 通讯员 王晨旭)
)
# '市委副书记、市长吴晓东主持会议。' · '会议由县委副书记、县长王伟国主持。' printed after the opening:
# who chaired, not a remark.
CHAIR_SENTENCE_RE = re.compile(
    r"^(?!会议|会上)[^。，,]{2,40}?[，,、]?[^。，,]{0,20}主持(?:会议|本次会议)(?:并讲话)?。?$"
    r"|^会议由[^。，,]{2,40}?[，,、]?[^。，,]{0,20}主持。?$"
)
# '在常务会议上，听取了…': where a report names the standing meeting's part of a joint session.
# '此外,会议安排专题学习《…》《…》。' · '另外,会议还审议了《…》': an act on named documents added after the
# numbered items (not '会议还研究了其他事项', which names nothing)
EXTRA_ACT_RE = re.compile(
    r"^(?P<lead>(?:同时|此外|另外)[，,]\s*(?:会议|会上)?(?:还)?(?:安排|组织)?了?)(?:专题|集中|集体)?"
    r"(?P<verb>传达学习|学习|审议|审定|听取)[^。]{0,12}?《"
)
# '市政府党组会议结束后,吴松平主持召开市政府第44次常务会议,审议《…》等议题。': the same, in a page that
# reports another meeting first; what follows the comma is a topic.
AT_MEETING_PREFIX_RE = re.compile(
    rf"^在(?:政府)?常务会议上[，,]\s*|^[^。]{{0,40}}?主持召开[^，。,]{{0,20}}?{STANDING}议?[，,]\s*"
)
# '为加强乡村扶贫解困工作,会议研究通过了…': a purpose before the meeting's act (kept in the item's text)
PURPOSE_PREFIX_RE = re.compile(r"^为了?[^。，,；;]{2,30}[，,]\s*(?=会议|会上)")
# What a report is about, caught where REPORT_RE expects who made it: '关于落实…', '…完成情况'.
# '听取了近期全区市容环境工作的汇报': a topic of work, not who reported it.
NOT_A_REPORTER_RE = re.compile(
    r"^关于|情况$|情况[^，,。]{0,6}汇报[，,]?$|完成|季度|[0-9０-９]{2,}|工作?$"
    r"|^(?:近期|当前|今年|上半年|下半年|全年|全区|全市|全县|全省|全州)"
)
