"""Question cues: the patterns that tell what a question names and what it asks for, in one place.

Filters (a meeting number, an item ordinal, a year, a quoted title), the kind of fact asked
(a list, a meeting-level fact, an amount, a date or deadline, who, a decision, a reason, a
requirement) and the words that carry no topic. Chinese and English cues sit side by side,
so a new phrasing or language is added here, not in the code that acts on it.
"""

from __future__ import annotations

import re

from ..ingest import rules

# 确定了哪些森林防火措施: the measures a topic is given, asked for inside an item ('审议了哪些措施' lists items).
MEASURES_ASK = r"(?:确定|提出|采取|明确|制定)了?哪些[\u4e00-\u9fa5]{2,12}?(?:措施|举措)"
# 'Who sat in on…' · 'observers': who attended without a vote (列席).
EN_SAT_IN = r"\b(?:sit|sat) in\b|\bobservers?\b"
EN_ABSENT = r"\babsen(?:t|ce|ces)\b|\bon leave\b"
# 多少项/个/份 asks for a list only when it counts items, documents or matters (not 多少个地块); a bare
# '多少个？' only right after the meeting's verb ('审议了多少项？'), never a thing's ('重点项目有多少个？').
LIST_RE = re.compile(
    r"哪些|有哪几|哪几[项个份次]|哪[两三四五六七八九十]项|有什么议题|多少[项份个](?:议题|文件|事项|汇报|报告)"
    r"|(?<=了)多少[项份个](?:[？?]|$)|几[项份个](?:议题|汇报|报告)|共[审议讨论听取]+了?多少|列出"
    r"|(?:which|what) (?:[a-z]+ )?(?:items|topics|matters|subjects|documents|drafts)\b"
    r"|(?:which|what) (?:[a-z]+ )?reports? did\b.*\bhear"  # 'Which report did … hear?': the heard items
    r"|how many (?:agenda )?items|agenda items|list",
    re.I,
)
# 要全力抓好哪些生态工作 · 服务保障要推进哪些工作: what is to be done, which a directive of the item
# lists ('抓紧推进交通保障、道路建设、…等各项工作') — not the items (哪些领域的安全生产汇报 names items).
TO_DO_ASK = (
    r"(?:抓好|抓实|推进|做好|落实|加强|完善|推动|开展|实施|打造|培育|发展|整治|深化|强化|提升|打响|构建|优化)"
    r"(?:哪些|哪几|哪[两三四五六七八九十])"
    r"(?![\u4e00-\u9fa5]{0,8}(?:汇报|报告|议题|文件|方案|请示))"
)
TO_DO_ASK_RE = re.compile(TO_DO_ASK)
# 哪些 + a noun that names things inside an item ('要规划打造哪些产业园'), not items themselves: the
# answer is a sentence of the item, not a list of items.
INNER_LIST_RE = re.compile(
    r"哪些(?!议题|事项|文件|方案|报告|汇报|请示|工作|政策|措施|意见|办法|规划|计划|问题|项目|内容|决定|会议|区县|地方|部门|单位)"
    r"[\u4e00-\u9fa5]{0,6}?(?:园|区|场所|企业|产业|行业|领域|方面|短板|重点工作|目标|指标|人员)"
    r"(?!的?(?:议题|事项|文件|方案|报告|汇报|请示|意见|办法|规划|计划))"  # 哪些养老方面的方案: documents
    r"|哪些(?:具体|主要)?(?:要求|部署|安排)"  # 提出了哪些具体要求: sentences, not a list of items
    r"|(?:认为|指出|强调)[^，。？]{0,16}哪些"  # '认为三个报告符合哪些精神': what the remark says
    r"|要求[^，。？?哪]{1,16}哪些"  # '要求起草组深入学习哪些会议精神': what the meeting required of them
    # 火葬区包括哪几个县: places or bodies an item must name, not the meeting's items
    r"|(?:包括|涉及|覆盖|包含)哪(?:些|几个|几)(?:县|区|市|乡镇|镇|乡|村|街道|社区|企业|学校|医院)"
    # 要求哪些部门研判… · 哪些单位负责…: the units an item charges, not the items that heard them
    r"|(?:要求|由|责成|明确|让)哪些(?:部门|单位)|哪些(?:部门|单位)(?:要|来|负责|牵头|研判|落实|配合|参与|督办|整改)"
    rf"|{MEASURES_ASK}"
    # 要全力抓好哪些生态工作: what is to be done, said inside an item (研究了哪些工作 lists items)
    r"|" + TO_DO_ASK +
    # 要求着重解决…的哪些问题: the problems an item names for solving, not the items
    r"|(?:解决|破解|化解)好?[^，。？?]{0,16}?哪些(?:问题|难题)"
    r"|(?:任免|任命|免去)了?(?:哪些|哪几)"  # 任免了哪些干部: the people named, not the items
    # 签约了哪些招商引资项目: deals done in the world, which an item would name, not the items studied
    r"|(?:签约|签订|引进|招引|落地|开工|竣工|建成|投产)了?(?:哪些|哪几)"
)
# 听取了什么汇报 / 学习了哪部条例 / 修订了什么预案: the item's own heading names the answer.
NAMED_THING_ASK_RE = re.compile(
    # 哪个合作项目的汇报 · 审议了什么实施方案 · 学习了哪封回信
    r"(?:什么|哪个|哪部|哪份|哪项|哪一|哪封)(?:[\u4e00-\u9fa5]{1,6}?的|情况|工作|专题|实施|行动|专项)?"
    r"(?P<noun>汇报|报告|条例|预案|方案|办法|文件|请示|意见|计划|规划|协议|通告|法律|法规|规定|制度|细则|清单|纲要|文章"
    r"|回信|贺信|批示)"
)
# 学习了哪部法律: a law's title ends in 法 (《中华人民共和国统计法》), a regulation's in 条例.
LAW_NOUNS = {"法律": ("法",), "法规": ("法规", "条例", "法")}
# 'What plan did … review?': the same ask in English, its noun as the headings write it.
EN_NAMED_THING_ASK_RE = re.compile(
    r"\b(?:what|which)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?P<noun>plan|report|regulation|rules|measures|document|opinions|draft|article|system)s?\b",
    re.I,
)
EN_NAMED_NOUNS = {
    "plan": ("方案", "规划", "计划"),
    "report": ("汇报", "报告"),
    "regulation": ("条例", "办法", "规定"),
    "rules": ("条例", "办法", "规定", "细则"),
    "measures": ("办法", "措施"),
    "document": ("文件",),
    "opinions": ("意见",),
    "draft": ("草案", "送审稿", "征求意见稿"),
    "article": ("文章", "》"),
    "system": ("制度",),
}


# '研究了什么外资措施': a document of measures the meeting studied (《…八条措施》), named by its heading;
# not '提出了哪些措施', which asks what the meeting required.
DOC_MEASURES_ASK_RE = re.compile(
    r"(?:研究|审议|讨论|审定|通过)了?(?:什么|哪项|哪个|哪份)[\u4e00-\u9fa5]{0,4}?(?P<noun>措施|举措)"
)


def named_thing_nouns(question: str) -> tuple[str, ...]:
    """The kind of document a question asks the name of (听取了什么汇报 → 汇报; what plan → 方案/规划/计划)."""
    if asked := NAMED_THING_ASK_RE.search(question) or DOC_MEASURES_ASK_RE.search(question):
        return LAW_NOUNS.get(asked.group("noun"), (asked.group("noun"),))
    if asked := EN_NAMED_THING_ASK_RE.search(question):
        return EN_NAMED_NOUNS[asked.group("noun").lower()]
    return ()


# '要建立什么机制' · '推行哪种模式': a thing of a form the answer names in so many words (…监测机制).
FORM_NOUN_ASK_RE = re.compile(
    r"(?:什么|哪些|何种|哪种|怎样的?|什么样的?)(?P<noun>机制|制度|体系|平台|模式|标准|台账|机构|专班|队伍|导向)"
)
# '要把龙子湖打造成什么' · '建设成什么样的…': what a thing is to become, said by the sentence with that verb.
MADE_INTO_ASK_RE = re.compile(r"(?P<verb>打造|建设|建成|培育|塑造|创建)成?为?(?:什么|哪些|何种|怎样|什么样)")
# '听取了各位副市长…汇报': who reported, said in a sentence when no reporter was parsed.
HEARD_FROM_RE = re.compile(
    r"听取了?(?!关于|《)[^。；，,、]{1,12}?(?:局|委|办|中心|公司|政府|街道|镇|市长|区长|县长|主任|同志|负责人)"
    r"[^。；]{0,60}?汇报"
)
# '听取了区消防救援大队关于2023年度…计划的汇报': a reporter of any name, said before 关于.
HEARD_ABOUT_RE = re.compile(r"听取了?(?!关于|《)[^。；，,、]{2,16}?关于[^。；]{0,80}?汇报")
# '…常务副指挥长李发云就…工作开展情况做了汇报' · '…局长分别作了工作汇报': the reporter as the subject.
REPORTED_SAID_RE = re.compile(
    r"(?:就|对)[^。；]{2,80}?(?:作|做)了[^。；]{0,12}?汇报"
    r"|(?:同志|局长|主任|负责人|指挥长|县长|市长|区长|书记|部长)[^。；]{0,6}?(?:分别)?(?:作|做)了[^。；]{0,12}?汇报"
)
# '会议分别听取了市农委主任周善生、市扶贫办主任段贵建…关于…的情况汇报': reporters named by post and name,
# however long the list of what they reported on.
HEARD_NAMED_RE = re.compile(
    r"听取了?[^。；]{0,24}?(?:主任|局长|书记|部长|行长|经理|负责人)[\u4e00-\u9fa5]{2,3}[、，,][^。；]{0,300}?汇报"
)
# Who reported, not who proposed ('…方案是哪家单位提出的' is answered by the decision naming it).
REPORTED_BY_ASK_RE = re.compile(r"汇报|报告|reported|presented", re.I)
# '是谁汇报的' · '由哪个部门汇报' · 'Who reported on …': the reporter asked for in so many words — answered
# only by an item that says who reported, not by any unit its remarks name ('落实市委、市政府…部署').
REPORTER_ASK_RE = re.compile(
    r"(?:谁|哪位|哪个部门|哪个单位|哪家单位|哪些部门|哪些单位)[^，。？?]{0,4}?(?:作了?|做了?)?的?汇报"
    r"|汇报(?:人|单位|部门)(?:是|为)?(?:谁|哪)"
    r"|\bwho (?:reported|presented|briefed)\b|\breported by whom\b"
    r"|\bwhich (?:department|agency|unit|office)\b[^?]{0,40}\b(?:reported|presented|briefed)\b",
    re.I,
)
# 'What did Linli county decide to set up for …' · '决定成立什么': a decision to act, which a news report
# prints as the chair's directive ('要成立临澧县林夹公路建设领导小组').
DECIDED_ACTION_RE = re.compile(
    r"决定(?P<zh>成立|设立|组建|建立|启动|开展|出台|制定|修建|建设)"
    r"|\bdecid\w* (?:to |on )(?P<en>set(?:ting)? up|establish|form|creat|launch|build|introduc|draw up|issu)",
    re.I,
)
# The Chinese verbs an English action asked for is printed with ('setting up' looked up as 'set up').
ACTION_VERBS_ZH = {
    "set up": "成立|设立|组建",
    "establish": "成立|设立|建立",
    "form": "成立|组建",
    "creat": "成立|设立|建立",
    "launch": "启动|开展",
    "build": "建设|修建|建成",
    "introduc": "出台|制定",
    "draw up": "制定|编制",
    "issu": "印发|出台",
}


# 传达学习了什么 / 审议了哪些内容: the item's own verb asked for its object — the heading names it.
OWN_OBJECT_ASK_RE = re.compile(
    # '传达了全省什么大会的精神': a qualifier may stand between the verb and the question word
    r"(?P<verb>传达学习|学习传达|传达贯彻|传达|学习|听取|审议|审定|研究|讨论)了?[\u4e00-\u9fa5]{0,4}?"
    r"(?:什么|哪些|哪次|哪个|哪项|哪起)"
    # 传达了哪些全省会议精神 · 哪次会议的精神 · 关于哪起事故的重要指示批示
    r"(?:[\u4e00-\u9fa5]{0,10}?(?:内容|精神|文件|讲话|批示|指示|通知|通报))?[？?]?$"
)
# '研究讨论了哪些行业的安全监管职责' · '传达了习近平总书记在什么大会上的讲话精神': the meeting's act, then the
# noun the question word asks for (行业, 大会) — the item whose heading names it says what was taken up.
ASKED_OBJECT_NOUN_RE = re.compile(
    r"(?:传达学习|传达|学习|听取|审议|审定|研究|讨论)了?[\u4e00-\u9fa5]{0,10}?(?:什么|哪些|哪个|哪项|哪次|哪起)"
    r"(?P<noun>(?!的)[\u4e00-\u9fa5]{2,4}?)(?=上|的|[？?]|$)"
)
# 'What did Xialu district's 60th executive meeting study?': the same ask in English.
EN_OWN_OBJECT_ASK_RE = re.compile(
    r"^what did\b.*\b(?:study|discuss|review|hear|consider|examine|deliberate|convey)\s*\??$", re.I
)
# 'What reports did Jingzhou county's 15th executive meeting hear?': several things, its items listed.
EN_PLURAL_OBJECT_ASK_RE = re.compile(
    r"^(?:what|which) (?:reports|documents|matters|items|topics|issues|plans)\b.*\bdid\b"
    r".*\b(?:study|discuss|review|hear|consider|examine)\s*\??$",
    re.I,
)
# 'What speech did Da'an's first executive meeting study?': the one thing an item's heading names.
EN_NAMED_OBJECT_ASK_RE = re.compile(
    r"^(?:what|which) [a-z]+(?: [a-z]+)? did\b.*\b(?:study|discuss|review|hear|consider|examine|convey)\s*\??$",
    re.I,
)
# 'Which documents did Xindu's 70th meeting review?': the English verb of a list question, as the heading
# verb family it names (审议了哪些文件).
EN_LIST_VERB_RE = re.compile(
    r"^(?:which|what) (?:[a-z]+ )?(?:documents?|drafts?|reports?|items|topics)\b.*?\b(?P<verb>review|deliberate|examine"
    r"|stud(?:y|ied)|convey|hear|heard|discuss)",
    re.I,
)
EN_LIST_VERBS = {
    "review": "审议",
    "deliberate": "审议",
    "examine": "审议",
    "study": "学习",
    "studied": "学习",
    "convey": "学习",
    "hear": "听取",
    "heard": "听取",
    "discuss": "讨论",
}
# A sentence of the meeting-level text that says who attended: '副市长…出席会议', '区领导…出席本次会议',
# '市领导甲、乙出席；丙列席', '县委副书记…参加会议', '出席：…'.
ATTENDED_RE = re.compile(
    r"(?:出席|列席|参加|旁听)(?:了)?(?:会议|本次会议|有关议题|相关议题)|应邀(?:出席|列席|参加|旁听)"
    r"|(?:出席|列席)(?:[:：；;。]|$)"
    r"|出席人员|参加人员"
    # '区领导赵砚飞、莫鹏…及试验区有关领导参加。': leaders named, then 参加 with no object
    r"|^(?:[市区县州旗盟]|政府)?领导[^。；]{2,160}?(?:参加|出席)[。；]?$"
)
# '何时研究的' · 'When did X's meeting review Y' · 'take place': the day the meeting met, which both the
# meeting-level asks (META_RE) and the meeting's date (MEETING_DATE_ASK_RE) read.
MEETING_ACTED_WHEN = (
    r"(?:什么时候|何时|哪天)(?:审议|研究|讨论|听取)|\b(?:takes?|took|taken) place\b"
    r"|\bwhen did\b[^?]{0,80}\bmeeting\s+(?:review|discuss|study|consider|hear|approve|adopt|deliberate)"
)
# What the meeting also took up (会议还…): meeting-level words, except in a list question (query.py).
ALSO_TOOK_UP = ("会议还", "还学习", "还审议", "还听取")
META_RE = re.compile(
    r"(?<!邀请了谁)(?<!邀请谁)参加(?=[？?]|$)|主持|召开|[在于]哪(?:儿|里)?开|(?:什么时候|何时|哪天)[^，。？?]{0,4}开的|出席|列席|参会|参加会议|文号|纪要编号|纪要.{0,4}编号|印发纪要|纪要.{0,3}印发|编号议题之外|会前(?!的)|"
    + "|".join(ALSO_TOOK_UP)
    + r"|chair|held|\bhold\b(?!\s+(?:on|onto|fast|back|to)\b)|convene|attend|document number"
    rf"|(?:会议|常务会)是?(?:在|于)哪一?天(?:举行|召开)|{MEETING_ACTED_WHEN}",
    re.I,
)
NUMBER_ASK_RE = re.compile(r"多少|几个|几项|几支|比例|多长时间|多久|how many|how much|ratio|how long", re.I)
# Asking for an amount of money: a money noun followed by 多少, or 多少 followed by a currency unit.
AMOUNT_ASK_RE = re.compile(
    r"(?:投资|预算|资金|金额|费用|经费|总额|补贴|奖补|补助|租金|价格|造价|标准|资本|罚款|罚金)[^，。？?]{0,6}?(?:是)?多少"
    r"|多少[\u4e00-\u9fa5]{0,4}?(?:钱|元|万元|亿元|资金|经费|投资|费用|补贴|预算)|几(?:万|亿)?元|总投资|投资(?:额|规模)|金额"
    r"|how much (?:money|funding|investment|did|does|will|is|was)|total (?:investment|budget|cost|funding)"
    r"|(?:what|how much) (?:is|was|will be) the (?:\w+ )?(?:budget|cost|investment)|cost of"
    r"|\b(?:what|which) (?:price|fee|fine|rent|tariff|compensation|subsid(?:y|ies)|salary|wage|penalty|allowance)s?\b"
    r"|\bat what (?:price|rate)\b",
    re.I,
)
DOCNO_ASK_RE = re.compile(r"文号|纪要编号|document number", re.I)
DAYS_ASK_RE = re.compile(r"多少天|几天|how many days", re.I)
WHO_ASK_RE = re.compile(r"谁|哪位|哪个部门|哪个单位|哪些部门|who|which (?:department|agency|official)", re.I)
REPORT_WORD_RE = re.compile(r"汇报|报告|reported|presented")
ITEM_ORDINAL_RE = re.compile(r"第([一二三四五六七八九十\d]+)[项个]?议题")
EN_ORDINALS = {
    word: n
    for n, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), 1
    )
}
ITEM_ORDINAL_EN_RE = re.compile(
    rf"\b(?:({'|'.join(EN_ORDINALS)})|(\d{{1,2}})(?:st|nd|rd|th))\s+(?:agenda\s+)?item\b|\bitem\s+(?:no\.\s*)?(\d{{1,2}})\b",
    re.I,
)
# 第68次 · 五届六十四次 / 十届四十二次 (term, then the number without 第) · 十八届人民政府第65次
# '第15次' of a standing meeting; not '省第十三次党代会', '第二十五次会议时的讲话' of another body
MEETING_ZH_RE = re.compile(
    r"(?:第|届(?:人民政府|政府)?第?)\s*([0-9０-９]+|[一二三四五六七八九十百]+)\s*次"
    r"(?!\s*(?:党代会|代表大会|全会|全体(?:扩大)?会议|人代会|集体学习|主任会议|专题会议|党员代表))"
)
MEETING_EN_RE = re.compile(
    r"\b(\d+)(?:st|nd|rd|th)\b[^?.]{0,40}?meeting|meeting\s+(?:no\.?|number)\s*(\d+)"
    rf"|\b({'|'.join(EN_ORDINALS)})\s+(?:executive\s+|standing\s+)?meeting",  # first executive meeting
    re.I,
)
YEAR_MEETING_RE = re.compile(
    r"(\d{4})\s*年(?!度)(?:\s*(\d{1,2})\s*月)?[^，。？?]{0,6}?(?:召开|的?常务会议|会议上)"
)
EN_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
EN_DATE_RE = re.compile(r"\bin\s+(?:(" + "|".join(EN_MONTHS) + r")\s+)?(\d{4})\b", re.I)
# '31 August 2021' · 'August 31, 2021' · 'on 12 October': one day, the year when printed.
_EN_MONTH = "|".join(EN_MONTHS)
_EN_DAY = r"[12]\d|3[01]|0?[1-9]"
EN_DAY_RE = re.compile(
    rf"\b(?:(?P<day>{_EN_DAY})(?:st|nd|rd|th)?\s+(?P<month>{_EN_MONTH})"
    rf"|(?P<month2>{_EN_MONTH})\s+(?P<day2>{_EN_DAY})(?:st|nd|rd|th)?)\b,?(?:\s+(?P<year>\d{{4}})\b)?",
    re.I,
)
EXCLUDE_VERB_RE = re.compile(r"(?:而非|不是|不含|除了?|not)\s*[“\"]?(" + "|".join(rules.VERBS) + r")")
QUOTED_RE = re.compile(r"[“\"「『]([^”\"」』]{2,20})[”\"」』]|《([^》]{2,60})》")
GENERIC_TERMS = set(
    "会议 常务 常务会议 要求 提出 哪些 什么 情况 工作 方面 哪次 审议 讨论 听取 汇报 政府 市政府 文件 议题 "
    "强调 明确 指出 有关 相关 进行 加强 推进 做好 时候 召开 一下 问题 内容 主要 一次 哪个 哪位 由谁 "
    "多少 几个 怎么 怎样 如何 何时 何地 几时 多久 研究 几次 历次 多次 各次 具体 专门 材料 事项 "
    "县长 区长 市长 州长 旗长 省长 主任 "  # '县长房志荣主持的…': the chair's title, no topic
    "今年 去年 明年 本年 当年 目前 当前 近期 第几 第几次 之前 之后 此前 会前 会后 "  # relative time, asked order: no topic
    "一共 总共 共计 开过 开了 召开过 举行过 "  # 一共研究了多少, 开过哪几次: asked, no topic
    "作出 做出 作了 做了 "  # 作出了什么规定: the act of deciding, no topic
    "部署 研究部署 安排部署 研究部 "  # 研究部署了什么工作: the act, no topic
    "着重 "  # '着重研究了哪些事项': how the meeting took it up, no topic
    "认为 看来 觉得 看待 "  # '谭君铁认为…的首要任务是什么': the act of judging, no topic
    "纪要 会议纪要".split()  # 纪要的文号是什么: the minute itself
)

# 出席 · 列席 · 有哪些人参加 · who attended: a question about who was at the meeting.
ATTENDANCE_ASK_RE = re.compile(
    r"出席|列席|缺席|请假|旁听|参会|与会|参加会议|(?<!邀请了谁)(?<!邀请谁)参加(?=[？?]|$)"  # 邀请了谁参加: an item's guests
    r"|(?:哪些人|哪几位|谁|什么人)参加了?[^？?]{0,30}会议|attend"
    r"|\b(?:take|took|taking) part in\b[^?]{0,60}\bmeeting\b"  # 'Where did the county heads take part in…'
    rf"|{EN_SAT_IN}|{EN_ABSENT}"  # 'who was invited to sit in on' (列席)
    r"|\bwho\b[^?]{0,60}\binvited to\b[^?]{0,60}\bmeeting\b",  # 'Who … was invited to X's meeting' (应邀)
    re.I,
)
VENUE_ASK_RE = re.compile(
    r"(?:在|于)(?:哪里|哪儿|何处|什么地方)(?:召?开|举行)|(?:哪个|什么)(?:会议室|会场|礼堂)|会议地点|会场在"
    r"|\bwhere\b.*\b(?:held|meet)|\bwhich (?:room|hall)\b",
    re.I,
)
# 'How was … held?': answered by the opening's own words ('…通过腾讯视频会议主持召开了…').
HOW_HELD_ASK_RE = re.compile(r"\bhow\b.*\b(?:held|convened|conducted)\b|\bin what (?:way|form)\b", re.I)
# '在县委小礼堂主持召开' · '在区府1729会议室' · '在区政府817会议室,主持召开': the room or hall an opening names.
VENUE_RE = re.compile(
    r"在[^，。,；、]{2,30}?(?:会议室|礼堂|会议中心|会堂|大厅|厅|大楼|楼|宾馆|酒店|中心)(?=[，,]?[^，。,；]{0,12}?(?:主持|召开|举行))"
)
_WHEN = r"(?:哪一?天|什么时(?:候|间)|何时|几月几[日号])"
# Another gathering than the meeting itself ('推进会定在哪天召开' · '论坛什么时候举办'): its 召开 is not the
# standing meeting's.
_EVENT_NOUN = (
    r"(?:推进|动员|座谈|培训|发布|现场|观摩|交流|洽谈|博览|展销|运动|表彰|招商|推介|誓师|部署)会"
    r"|大会|论坛|峰会|活动|仪式|庆典|赛事|比赛|展览|展会"
)
# '第三届沔商大会的举办时间': the date of an event an item speaks of, which the meeting's own date is not
# The date of an event the meeting dealt with, not the meeting's: '开工时间' · '开幕日期是哪天' ·
# '考试在哪天举行' (but '会议在哪天举行' asks the meeting's).
EVENT_DATE_ASK_RE = re.compile(
    r"(?:举办|举行|开幕|开工|启动)的?(?:时间|日期)|(?<!会议)(?<!会议是)(?<![会开])(?:在|于)哪(?:一)?天(?:举行|举办|开幕|开考)"
    r"|(?<!会议)(?<!会议是)(?:每年)?什么时(?:候|间)(?:举行|举办|开幕|开考)"  # '拉力赛每年什么时候举行'
    r"|(?:从|自)哪一?天(?:开始|起)|哪一?天(?:开始|起算|截止|结束)"  # '防火期从哪天开始': a period's bound
    rf"|(?:{_EVENT_NOUN})(?:定在|定于|将在|将于|拟在|拟于|计划在|计划于|在|于|是)?{_WHEN}"
    r"(?:召开|举行|举办|开幕|启动)?"
    # '连接线什么时候通车' · '条例何时施行': the day a thing opens or takes effect, not the meeting's
    rf"|(?<!会议){_WHEN}(?:能|可以|将|才|就|会|正式|全面|开始)?(?:通车|竣工|完工|投用|投入使用|投产|开通|启用"
    r"|开业|开放|运营|施行|生效|上线|开学|交付|落成)"
    rf"|{_WHEN}的(?!会议|常务会)"  # '传达学习了哪天的国务院常务会议精神': the day of what was relayed
)
# '审议通过了哪个规划' · '签订了哪些招商引资合同': a kind of document asked by name (not 规定 or 办法,
# which also ask what was required or how), which an item must
# name as one ('审议《…规划》'), not only mention ('完成“十四五”规划目标任务').
ASKED_DOCUMENT_RE = re.compile(
    r"(?:哪个|哪些|哪几个|哪份|哪几份|哪项|哪几项|什么)[\u4e00-\u9fa5]{0,8}?"
    r"(?P<noun>规划|方案|条例|合同|协议|预案|细则|章程|名单|清单|目录)(?=[？?，,。]|$|是|呢)"
)
# '签约了哪些招商引资项目' · '引进哪几家龙头企业' · '表扬了哪些爱心企业': deals done or awards given, which
# only a project or firm the item names answers ('伊利成品暂存库项目'), not the directive that speaks of
# them ('确保签约项目能落地').
DEAL_ASK_RE = re.compile(
    r"(?:签约|签订|引进|招引|落地|开工|竣工|建成|投产|表扬|表彰|奖励)了?(?:哪些|哪几[个家]?)[\u4e00-\u9fa5]{0,6}?"
    r"(?P<kind>项目|企业|公司)"
)
# Acting on a document: '签订…合同' · '审议通过…方案' names one as the thing acted on.
DOCUMENT_ACTED_RE = re.compile(r"签订|签署|审议|审定|通过|同意|批准|印发|出台|制定|修订|编制|发布|讨论|研究")
# The kind of fact asked (answerability.asked_kind), first match wins.
ASK_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("attendance", ATTENDANCE_ASK_RE),
    (
        "deadline",
        re.compile(
            r"(?:什么时候|什么时间|何时|哪天|哪一?年|哪个月)(?:之?前)?(?:完成|建成|到位|实现)|截止|最迟"
            r"|期限(?!是?(?:哪几年|哪些年|多少年))"  # '规划的期限是哪几年': the plan's period, a date
            r"|(?:什么时候|什么时间|何时|哪一?天|哪一?年|哪个月|几月)(?:之|以)?前"  # '要在哪天前清偿'
            r"|by when|deadline|(?:in )?what year\b.*\b(?:complete|finish)",
            re.I,
        ),
    ),
    (  # '沔商大会的举办时间': a date the minutes must print
        "date",
        re.compile(
            rf"哪天|哪一天|什么时候|何时|哪一?年|哪几年|哪些年|几月|几号|日期(?!间)|{EVENT_DATE_ASK_RE.pattern}|what date"
            # 'When did…' · 'Tell me when was…' · 'by when', not 'what … when building a smart city'
            r"|^\s*when\b|\bwhen (?:did|was|were|is|are|will|does|do|has|had)\b|\b(?:by|until|since) when\b"
            r"|\bwhen\s*[?？]?\s*$",  # 'Who chaired … and when?'
            re.I,
        ),
    ),
    (  # '用几年时间完成' · 'how long': a span of time the minutes must print
        "duration",
        re.compile(r"(?<!哪)几年|多少年|多长时间|多久|(?<!哪)几个月|多少天|几天|\bhow long\b", re.I),
    ),
    (
        "count",
        re.compile(
            r"多少个|几个|多少项|几项|多少家|几家|多少座|多少条|多少户|多少名|多少人|几人|多少辆|多少台|多少吨"
            r"|(?<!哪)几(?:起|批|所|件|处|套|座|条|户|名)|多少(?:起|批|所|件|处|套)"
            r"|(?<!哪)几点(?:要求|意见|建议|措施|指示)"  # '提出了几点要求' (哪几点: the points)
            r"|how many",
            re.I,
        ),
    ),
    (
        "rate",
        re.compile(
            r"(?:增长|增加|提高|提升|下降|减少|降低|上涨)[^，。？?]{0,6}?多少|增速|增幅|百分之几|占比"
            r"|比例(?:是)?多少|by how much|what (?:percentage|share|rate)|growth rate",
            re.I,
        ),
    ),
    (
        "department",
        re.compile(
            r"哪个部门|哪些部门|哪个单位|哪家单位|哪家|哪个机构"
            r"|which (?:department|agency|unit|company)",
            re.I,
        ),
    ),
    # where the meeting was held ('在哪里召开', 'where was … held'): the venue its opening names
    ("venue", VENUE_ASK_RE),
    # where a thing is (选址在哪里), not where the meeting was held (在哪儿开的: meeting-level)
    (
        "location",
        re.compile(  # '摆到更加突出的位置' asks no place
            r"选址|地点|位置(?:在|是)?(?:哪里|哪儿|何处)|(?:什么|哪个)位置|(?:在|于)(?:哪里|哪儿)(?!召?开|举行)"
            r"|\bwhere\b(?!.*\bheld\b)",
            re.I,
        ),
    ),
    # '管委会主任由谁担任' · '任免了哪些干部' · 'Who will head …': the holder of a post, appointed by name
    (
        "post",
        re.compile(
            r"谁(?:来)?(?:担任|出任|兼任)|任命(?:了)?谁|任免了?(?:哪些|哪几位|谁)|任命了?(?:哪些|哪几位)"
            r"|\bwho (?:will )?(?:heads?|leads?|serves? as|be appointed)|\bwho\b[^?]{0,60}\bappoint",
            re.I,
        ),
    ),
    ("person", re.compile(r"谁|哪位|\bwho(?:se)?\b", re.I)),
    (
        "decision",
        re.compile(
            r"审议结果|什么决定|作出.{0,4}决定|是否(?:通过|同意|批准)|outcome"
            # 'What did it decide' — not 'the matters it decided' or 'the zone approved at …', which
            # only name what the question is about
            r"|(?<!\bit )(?<!\bthey )\b(?:decid|approv)(?!ed\s+(?:at|by|in|during)\b)",
            re.I,
        ),
    ),
    # any other figure asked ('调整到多少', '扑杀了多少头', '目标是多少'): the minutes must print one
    (
        "quantity",
        re.compile(
            r"多少(?!次会)|几(?:[个项家座条户名人辆台吨头只件位所批级类档轮种]|万|亿|成)|how many|how much"
            r"|多大(?!规模)|多宽|多高|多深|how (?:big|large)"  # 规划面积多大: a measure the minutes print
            # '提出了哪些具体指标': indicators are figures (绿化覆盖率达到…%), not requirements in words
            # ('对完成年度经济指标有什么要求' asks requirements about indicators, not the figures)
            r"|(?:具体|量化|考核|约束性)?指标(?:是|为|有)?(?:哪些|什么|多少)(?!要求|部署|安排|措施|举措|意见)"
            r"|哪些(?:具体|量化)?指标"
            r"|what (?:specific |concrete )?(?:indicators|quantitative targets)",
            re.I,
        ),
    ),
]

# What the answer's lead answers (answer.py, sentences.py).
QUESTION_WORD_RE = re.compile(
    r"谁|什么|哪些|哪个|哪家|哪项|哪位|哪里|如何|怎么|怎样|多少|几[个项家次]|是否|吗"
    r"|\b(?:what|who|which|how|why|when)\b",
    re.I,
)
REPORTED_ASK_RE = re.compile(
    r"汇报|报告|传达|提交|提出|拟草|报送|呈报|送审|presented|reported|submitted|drafted", re.I
)
ITEM_WHAT_RE = re.compile(r"议题(?:是|为)(?:什么|哪)|what (?:was|is) (?:the )?(?:\w+ )?item", re.I)
# Which meetings (plural) took up a topic: answered as a list of meetings, newest first ('传达了哪些
# 会议精神' asks which meetings' spirit was conveyed at this one, not which meetings).
MEETINGS_ASK_RE = re.compile(
    r"哪几次(?:[\u4e00-\u9fa5]{0,10}?常务)?会议?|哪些(?:常务)?会议(?!的?精神)|历次(?:常务)?会议|几次(?:常务)?会议[上中]?(?:讨论|研究|审议|听取|部署|提到|涉及)"
    r"|(?:which|what) (?:executive |standing )?meetings|in which meetings|how many meetings",
    re.I,
)
# '传达学习了哪次会议的精神': a meeting held elsewhere whose spirit was conveyed, asked inside an item.
# '哪个区的常务会议审议了…' · "Which county's executive meeting…": the government is asked, answered by
# naming its meeting.
MEETING_ASK_RE = re.compile(
    r"哪次会议(?!的?精神)|哪次常务会议|哪一次(?!会议的?精神)|第几次|which meeting|at which"
    r"|哪个(?:区|县|市|旗|州|地方)(?:政府|人民政府)?的?(?:常务)?会议?"
    r"|\bwhich (?:county|district|city|banner|prefecture|government)(?:'s| government's)\s+(?:\w+\s+)?meeting",
    re.I,
)
OUTCOME_ASK_RE = re.compile(
    r"结果|结论|决定|同意|通过|批准|怎么处理|如何处理|去向|印发|outcome|decid|approv|result", re.I
)
MEETING_DATE_ASK_RE = re.compile(rf"召开|举行|开的|开会|held|convened|{MEETING_ACTED_WHEN}", re.I)
WHY_ASK_RE = re.compile(
    r"为什么|为何|原因|理由|意义|(?<![项题科栏节])目的|why|reason|purpose"  # 项目的: no
    # '如何评价推动…': what the meeting held the work to be ('…是一项…的民生工程'), its significance
    r"|(?:如何|怎么|怎样|作何|什么)(?:评价|看待|定位)"
    r"|\bhow (?:did|does|do) .{0,60}?\b(?:assess|evaluate|view|see|characteri[sz]e)",
    re.I,
)
REQUIREMENT_ASK_RE = re.compile(
    r"要求|强调|部署|安排|措施|举措|怎么|如何|哪些方面|重点|require|stress|arrang|measure|how"
    r"|\b(?:ask|call)(?:ed|s)? for\b|\bdemand"  # 'What did … ask for to promote …'
    r"|\b(?:ask|urge|tell)(?:ed|s)? (?:\w+ ){1,3}to\b",  # 'ask residents to do'
    re.I,
)

# Follow-ups that lean on the previous turn (followup.py): 那太仓呢？ 谁汇报的？ 这项…
FOLLOWUP_START_RE = re.compile(r"^(?:那么?|那这个|这个|该|它|此|其|还有|另外|and|what about|how about)", re.I)
ELLIPSIS_END_RE = re.compile(r"呢[？?]?$")
PRONOUN_RE = re.compile(r"这项|该项|这个|上述|这份|该文件|这次|该会议|这些|其中|它|they|it\b|this|that", re.I)

# Whole question phrases that ask when or where (哪天开的, 什么时候召开, 在哪儿开): the tokenizer cuts them
# into pieces such as 天开, which must not be taken for topic words the minutes fail to mention.
INTERROGATIVE_PHRASE_RE = re.compile(
    r"(?:哪一?天|哪一?年|哪个月|几月几[日号]?|几号|什么时候|什么时间|何时|几时|多久)"
    r"(?:上午|下午|晚上|早上|中午|傍晚)?"  # '是哪天晚上召开的': the time of day is asked too, no topic
    r"(?:召开|举行|举办|开会|开|办|定|印发)?的?"
    r"|在?哪(?:儿|里|个地方)?(?:召开|举行|开)的?"
    r"|(?:什么|哪个|哪份|哪项)(?:情况|工作|专题)?(?:汇报|报告)"  # 听取了什么情况汇报: the kind asked, no topic
    r"|哪(?:个|些|家|一个)(?:单位|部门|机构|企业)"  # 哪个单位的汇报: who, asked
    # 哪位市领导讲了话 · 哪几位负责同志: the person asked for, no topic
    r"|哪(?:一?位|个|些|几位)[市县区州旗省]?(?:政府)?(?:领导|负责同志|负责人|同志|官员|干部|成员)"
    # '要求确保各项工作达到什么效果' · '和哪次会议一起召开': the form of the answer asked, no topic
    r"|(?:达到|取得|实现|收到)(?:什么|怎样|哪些)(?:样的)?(?:效果|成效|目的)"
    r"|[和与同跟]哪(?:次|个)[^，。？?]{0,8}?一(?:起|并|同)(?:召开|举行|开)?的?"
    # '要把楚雄市打造成什么': the tokeniser's 造成 of 打造成 is the question's, no topic (打造 stays one)
    r"|(?:造|设|育|建)成为?(?:什么|哪些|何种|怎样|什么样)"
)

# Who chaired the meeting (主持人 / 由谁主持 / who chaired), not a meeting named by its chair.
CHAIR_ASK_RE = re.compile(
    r"由谁主持|谁主持|主持人是|主持人为|哪位[^，。？?]{0,6}主持|\bwho (?:chaired|presided)", re.I
)

# '哪些市长主持过安康市的常务会议' · '哪几位县长主持过…' · 'Which mayors chaired …': who chaired, across
# the meetings on file, not one meeting's chair.
CHAIRS_ASK_RE = re.compile(
    r"(?:哪些|哪几位|几位)(?:市长|县长|区长|省长|州长|旗长|领导|人)[^，。？?]{0,4}主持|谁主持过"
    r"|\bwhich (?:mayors|governors|magistrates|leaders|people)\b[^?]{0,20}\b(?:chaired|presided)"
    r"|\bwho (?:has|have) chaired\b",
    re.I,
)

# The members of a numbered set the minutes name (20项重点民生实事具体是哪些, 十大工程分别是哪十项):
# answered only where the minutes list them, not where they only name the set.
LIST_DETAIL_RE = re.compile(
    r"(?<![第\d一二三四五六七八九十两])(?:\d+|[一二三四五六七八九十两]+)(?:项|个|大|条|件|类)"
    r"(?P<set>(?!议题|事项)[\u4e00-\u9fa5]{2,10}?)"
    r"(?:具体|分别|都|各自)?(?:是|有|包括)(?:哪些|哪几[项个条类件]|哪[\d一二三四五六七八九十]+[项个条类件大])"
    # a roster asked for by name ('民生实事候选项目有哪些', '确定的2018年重点民生实事有哪些'), which an
    # item studying it may not print (every such question on held-back sets 2–36 had no list printed)
    r"|(?P<roster>(?:候选|入选|入围)[\u4e00-\u9fa5]{1,4}?|名单|清单|民生实事(?:项目)?)(?:具体|分别|都)?(?:有|包括|是)哪些"
    # '确定了哪些民生实事项目': the members of a named set picked out (确定了哪些事项 asks the items)
    r"|(?:确定|明确|选定|敲定|确认)了?(?:哪些|哪几[项个])"
    r"(?P<picked>(?!议题|事项|文件|方案|报告|汇报|请示|工作|内容|事情|问题|项目[？?]?$)[\u4e00-\u9fa5]{2,8}?)(?:项目)?[？?]?$"
)


# '除了政府工作报告以外，…还提出了什么' · 'Besides the government work report, what else…': the thing
# named is what the asker already knows; its words are no topic, sentences about it no answer.
BESIDES_RE = re.compile(
    r"除了(?P<zh>[^，,？?。还]{2,24})[，,]?(?=[^，,？?。]{0,20}还)"
    r"|(?<![消排清拆剔免废解扣去])除(?P<zh2>[^，,？?。]{2,24}?)(?:以外|之外)"  # not 拆除…, 消除…
    r"|在(?P<zh3>[^，,？?。在]{2,12}?)(?:以外|之外)(?=[^，,？?。]{0,6}还)"  # '在编号议题之外还学习了什么'
    r"|\b(?:besides|apart from|aside from|other than|except for|except)\s+(?P<en>[^,?;]{3,60})",
    re.I,
)
BESIDES_WORDS = ("除了", "除", "以外", "之外")
BESIDES_TAIL_RE = re.compile(r"(?:以外|之外|外)$")
# '李延春还就“两节”期间安全生产…提出具体工作要求': what else was taken up, as a besides question asks.
ALSO_RE = re.compile(r"还(?:就|对|研究|审议|听取|强调|提出|要求|部署|传达|指出|通报|安排)")
