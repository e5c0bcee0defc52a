"""News reports of a meeting: the agenda items hidden inside one paragraph.

Most governments publish a standing meeting as a short news report, not as numbered minutes:
`会议传达学习了…；听取了…的汇报，审议了《A》《B》。会议强调…`. Each 传达学习/听取/审议/研究/通过
clause that names a topic, and each document of a `《A》、《B》、关于…的请示` list, is an agenda item;
the remarks after them (会议指出/强调/要求, or the chair's) belong to the clause they share the most
topic words with. Pure functions over one sentence; the parser decides where they apply.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import places, rules


@dataclass(frozen=True)
class Clause:
    """One agenda item named inside a sentence: its heading ('审议《A》') and its words as printed."""

    heading: str
    text: str


def agenda_clauses(sentence: str, remarks: Sequence[str] = ()) -> list[Clause]:
    """The agenda clauses of a topic sentence, each with its verb; one clause when it holds one.

    `text` is always a verbatim span of the sentence (the separators between clauses dropped), so
    every printed word stays in exactly one item. `remarks` are the paragraphs that follow: a list
    of topics ('研究了A、B、C等工作') is one item each only when a remark takes one up on its own
    ('关于A工作，…指出'); otherwise the meeting dealt with them together.
    """
    sentence = sentence.strip().rstrip("。")
    spans = _spans(sentence, rules.CLAUSE_BREAK_RE)
    merged: list[tuple[int, int]] = []
    for pos, (begin, end) in enumerate(spans):
        piece = sentence[begin:end]
        start = rules.CLAUSE_START_RE.match(piece)  # '^' never matches at a pos > 0: match the piece
        topic = piece[start.end() :] if start else piece
        if merged and (not start or rules.GENERIC_OBJECT_RE.match(topic) or _cut_off(topic)):
            merged[-1] = (merged[-1][0], end)  # '研究部署下一步工作' adds nothing new; '学习了“' was cut
        elif merged and REMARKING_RE.search(sentence[slice(*merged[-1])]):
            merged[-1] = (merged[-1][0], end)  # '…,强调…,要以问题为导向,研究制定…目标': what is required
        elif merged and rules.BARE_LEAD_RE.match(sentence[slice(*merged[-1])]):
            merged[-1] = (merged[-1][0], end)  # '会议伊始,传达学习了…': the opening words lead it in
        elif pos == 1 and rules.INVITED_LEAD_RE.match(sentence[slice(*merged[0])]):
            merged[-1] = (0, end)  # '会议邀请群众代表参加,审议通过《…》': who took part, then the topic
        else:
            merged.append((begin, end))
    found: list[Clause] = []
    for begin, end, joined in _heard_then_its_documents(
        sentence, _conveyed_then_acted(sentence, merged, remarks)
    ):
        text = sentence[begin:end].strip()
        found += [Clause(text, text)] if joined else _documents(text, remarks)
    return _with_purpose(sentence, found)


def _cut_off(topic: str) -> bool:
    """'…工作汇报,学习了“' where the page was cut: a verb with nothing left to name."""
    return not re.sub(r"[“”\"《》‘’（）()\s]", "", topic)


# '为全面优化我市产业布局,…,会议研究通过了《…》': the purpose said first, before what was done.
PURPOSE_LEAD_RE = re.compile(r"^为了?[^，,。；;]{2,}")


def _with_purpose(sentence: str, found: list[Clause]) -> list[Clause]:
    """A purpose clause that leads into the action is part of its item (the item's reason), not an
    item of its own: the action's heading, the purpose and the action as the text."""
    if (
        len(found) < 2
        or not PURPOSE_LEAD_RE.match(found[0].text)
        or rules.CLAUSE_START_RE.match(found[0].text)
    ):
        return found
    start, end = sentence.find(found[0].text), sentence.find(found[1].text)
    if start < 0 or end < start:
        return found
    return [Clause(found[1].heading, sentence[start : end + len(found[1].text)]), *found[2:]]


# A clause already remarking ('…原则通过《A》,强调…' · '…,要…'): verbs after it say what is required.
REMARKING_RE = re.compile(r"[，,](?:并)?(?:会议)?(?:强调|要求|指出)|[，,]要(?![求点素闻])")


def _conveyed_then_acted(
    sentence: str, spans: list[tuple[int, int]], remarks: Sequence[str] = ()
) -> list[tuple[int, int, bool]]:
    """'传达了…防汛抗旱工作会议精神，安排部署全区防汛抗旱工作；传达了…' : where semicolons set the
    parts of a sentence apart, a part that conveys a meeting's spirit and then acts on it (部署/听取/
    研究…) is one agenda item; the writer grouped them. Without semicolons the clauses stay apart."""
    if not re.search(r"[；;]", sentence):
        return _conveyed_together(sentence, spans, remarks)
    out: list[tuple[int, int, bool]] = []
    conveying = False  # the last clause conveys and opens its part (sentence start or after a semicolon)
    for begin, end in spans:
        same_part = bool(out) and not re.search(r"[；;]", sentence[out[-1][1] : begin])
        verb = clause_verb(sentence[begin:end])
        if same_part and conveying and verb not in (*CONVEYING_VERBS, None):
            out[-1] = (out[-1][0], end, True)
            conveying = False
            continue
        conveying = not same_part and verb in CONVEYING_VERBS
        out.append((begin, end, False))
    return out


def _heard_then_its_documents(
    sentence: str, spans: list[tuple[int, int, bool]]
) -> list[tuple[int, int, bool]]:
    """'会议听取了县民政局关于殡葬改革工作的情况汇报,审议了《道县殡葬改革工作实施方案》《道县殡葬
    管理实施办法》…': the documents put to the meeting on the matter just reported are that agenda
    item, not one item each — when the report has one subject ('A、B等工作汇报' has several) and at
    least half their titles name it."""
    out: list[tuple[int, int, bool]] = []
    for begin, end, joined in spans:
        piece = sentence[begin:end]
        report = sentence[out[-1][0] : out[-1][1]] if out else ""
        if clause_verb(report) == "听取" and not re.search(r"、|以及|和|及|等", report) and "《" in piece:
            titles = re.findall(r"《([^》]+)》", piece)
            subject = _bigrams(_placeless(report))
            tied = sum(bool(_bigrams(_placeless(title)) & subject) for title in titles)
            if tied and 2 * tied >= len(titles) and not re.search(r"[；;]", sentence[out[-1][1] : begin]):
                out[-1] = (out[-1][0], end, True)
                continue
        out.append((begin, end, joined))
    return out


def _placeless(text: str) -> str:
    """The text without its place names: '舒城县' in two titles is no shared subject."""
    for mention in reversed(places.gazetteer().mentions(text)):
        text = text[: mention.start] + " " + text[mention.end :]
    return text


def _conveyed_together(
    sentence: str, spans: list[tuple[int, int]], remarks: Sequence[str]
) -> list[tuple[int, int, bool]]:
    """'会议传达学习了A会议精神,学习了《B》《C》。强调,要认真学习贯彻中央、省有关会议文件精神':
    texts conveyed one after another in a sentence with no semicolons, with remarks that speak to
    them together, are one agenda item (the study that opens the meeting). Remarks that take each
    up in turn ('会议强调,…改革…' '会议强调,…安全生产…') keep them apart."""
    out: list[tuple[int, int, bool]] = []
    for begin, end in spans:
        previous = sentence[out[-1][0] : out[-1][1]] if out else ""
        piece = sentence[begin:end]
        conveying = clause_verb(piece) in CONVEYING_VERBS and clause_verb(previous) in CONVEYING_VERBS
        if conveying and _remarked_as_one([previous, piece], remarks):
            out[-1] = (out[-1][0], end, True)
            continue
        out.append((begin, end, False))
    return out


def _remarked_as_one(named: list[str], remarks: Sequence[str]) -> bool:
    """Whether remarks follow a run of conveyed texts and speak to them as one: one remark paragraph,
    or several that all go to the same text (remarks that take each up in turn keep them apart)."""
    said = [remark for remark in remarks if remark.strip()]
    listed = [Clause(name, name) for name in named]
    return bool(said) and len({owner_of_remark(remark, listed, len(listed) - 1) for remark in said}) == 1


def clause_verb(clause: str) -> str | None:
    """The agenda verb a clause opens with ('听取了…汇报' → 听取), or None."""
    start = rules.CLAUSE_START_RE.match(clause.strip())
    return start.group("verb") if start else None


def _spans(text: str, breaks) -> list[tuple[int, int]]:
    """(begin, end) of the non-empty pieces of `text` between matches of `breaks`; a title is never
    cut ('《关于划定森林防火区、规定森林防火期…的通告》' is one document)."""
    cuts = [0]
    for found in breaks.finditer(text):
        if _inside_title(text, found.start()):
            continue
        cuts += [found.start(), found.end()]
    cuts.append(len(text))
    pieces = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2)]
    return [(b, e) for b, e in pieces if text[b:e].strip()]


def _inside_title(text: str, at: int) -> bool:
    """Whether position `at` lies inside a 《…》 title (one opened before it and not yet closed)."""
    before = text[:at]
    return before.rfind("《") > before.rfind("》")


# '《A》《B》等重要文章' · '》等系列讲话精神': texts conveyed as one batch.
STUDIED_TOGETHER_RE = re.compile(r"》\s*等(?:重要|系列)?(?:重要)?(?:文章|讲话|论述|文件|指示|精神)")
# Verbs that convey texts to the meeting rather than decide on them.
CONVEYING_VERBS = ("传达学习", "学习传达", "传达", "学习")


def _documents(clause: str, remarks: Sequence[str] = ()) -> list[Clause]:
    """'讨论通过了《A》、《B》以及关于C的请示' → one clause per document, each heading with the verb."""
    start = rules.CLAUSE_START_RE.match(clause)
    whole = [Clause(clause.strip(), clause.strip())]
    if not start:
        return _objects_before_verb(clause) or whole
    begin = start.end()  # the list starts after the verbs ('听取、讨论并原则通过了' is no list)
    run = clause[start.start("verb") : begin].strip().removesuffix("了")  # '审议并原则通过了'
    each = run if DECIDING_RE.search(run) else start.group("verb")  # '审议并原则通过《A》《B》': each passed
    spans = [(b + begin, e + begin) for b, e in _spans(clause[begin:], rules.DOCUMENT_LIST_BREAK_RE)]
    parts = [clause[b:e].strip() for b, e in spans]
    if len(parts) < 2 or not all(rules.DOCUMENT_PART_RE.match(p) or _topic_beside(p, parts) for p in parts):
        return _named_objects(clause, start.end(), each, remarks) or whole
    if start.group("verb") in CONVEYING_VERBS:
        return whole  # '传达学习了《A公报》、《B公报》文件精神': texts studied together, one item
    texts = [clause[: spans[0][1]].strip(), *parts[1:]]
    return [Clause(_with_verb(each, part), text) for part, text in zip(parts, texts)]


# Verbs before a list that record its passing ('审议并原则通过了', '研究同意'): each listed thing's heading
# keeps them, so every item says it was passed, not only the first.
DECIDING_RE = re.compile(r"通过|同意|批准")


def _with_verb(verb: str, part: str) -> str:
    """A listed thing headed with the clause's verb, unless the list repeats the verb itself
    ('研究《A》(送审稿)、研究《B》(送审稿)')."""
    return part if part.startswith(verb) else f"{verb}{part}"


def _topic_beside(part: str, parts: list[str]) -> bool:
    """'研究泗交国家级旅游度假区建设、《政府工作报告》等相关事宜': a matter named beside a document is
    an item of its own (the document is one, so the list is not one topic in several words)."""
    documents = [p for p in parts if rules.DOCUMENT_PART_RE.match(p)]
    return (
        bool(documents)
        and 4 <= len(part) <= 24
        and not re.search(r"[《》]", part)
        and not rules.NOT_NAMED_RE.match(part)
        and not ORGANISATION_END_RE.search(part)  # '县政府办公室、县发改局…关于《A》': who reported
    )


ORGANISATION_END_RE = re.compile(r"(?:局|办|办公室|委|委员会|中心|政府|部|厅|院|所|站|队|负责人|同志)$")


def _named_objects(clause: str, begin: int, verb: str, remarks: Sequence[str]) -> list[Clause]:
    """A clause acting on a list of named things, one item each, where the list is not 《A》、《B》.

    '听取了A工作汇报，B情况汇报' (reports joined by commas), '审议了《A》,《B》', '学习了A精神、B精神和
    《条例》' (the spirits conveyed in a row are one item, each document its own), '研究了A、B、C等
    工作' (three or more topics named one by one). Every piece must end the way a named thing ends,
    otherwise the clause stays whole: '听取了…汇报，原则同意…' is one item.
    """
    if verb in CONVEYING_VERBS and STUDIED_TOGETHER_RE.search(clause):
        return []  # '学习了《求是》…刊发的《A》《B》等重要文章': articles studied together, one item
    objects, tail = _split_off_tail(clause[begin:])
    if topics := rules.TOPIC_LIST_RE.fullmatch(objects):
        names = topics.group("names").split("、")
        if len(names) < 3 or not _taken_up_alone(names, remarks):
            return []
        texts = [clause[:begin] + names[0], *names[1:]]
        texts[-1] += topics.group("rest") + tail
        return [Clause(f"{verb}{name}{topics.group('noun')}", text) for name, text in zip(names, texts)]
    if verb in CONVEYING_VERBS and (groups := _semicolon_groups(objects)):
        texts = [clause[:begin] + groups[0], *groups[1:]]
        texts[-1] += tail
        groups = [group.removeprefix("以及") for group in groups]
        return [  # a group after a semicolon may have a verb of its own: '…;听取了…汇报'
            Clause(group if rules.CLAUSE_START_RE.match(group) else f"{verb}{group}", text)
            for group, text in zip(groups, texts)
        ]
    if pieces := _semicolon_list(objects):
        texts = [clause[:begin] + pieces[0], *pieces[1:]]
        texts[-1] += tail
        return [Clause(_with_verb(verb, piece), text) for piece, text in zip(pieces, texts)]
    spans = _spans(objects, rules.NAMED_LIST_BREAK_RE)
    if len(spans) < 2 or not all(_named(objects[b:e].strip()) for b, e in spans):
        return []
    groups: list[list[tuple[int, int]]] = []
    for span in spans:
        if groups and _spirit(objects, span) and _spirit(objects, groups[-1][-1]):
            groups[-1].append(span)
        else:
            groups.append([span])
    if len(groups) < 2:
        return []
    named = [objects[group[0][0] : group[-1][1]].strip() for group in groups]
    if verb in CONVEYING_VERBS and _remarked_as_one(named, remarks):
        return []  # '传达学习了A精神、《B》、C精神' then one remark on them all: one study item
    texts = [clause[:begin] + named[0], *named[1:]]
    texts[-1] += tail
    # '听取A汇报,传达B精神': a listed thing with a verb of its own keeps that verb
    headings = [name if rules.CLAUSE_START_RE.match(name) else _with_verb(verb, name) for name in named]
    return [Clause(heading, text) for heading, text in zip(headings, texts)]


def _semicolon_groups(objects: str) -> list[str]:
    """'传达学习了《A》、《B》精神；《C》精神；以及《D》…': texts conveyed in groups set apart by semicolons.

    Each group is one item (what was studied together); a group that opens with 以及 is still one.
    """
    groups = [g.strip() for g in re.split(r"[；;]", objects) if g.strip()]
    if len(groups) < 2 or not all("《" in g or _named(g) for g in groups):
        return []
    return groups


def _semicolon_list(objects: str) -> list[str]:
    """'研究讨论了A；B；C等相关事宜': three or more matters after one verb, set apart by semicolons."""
    pieces = [p.strip() for p in re.split(r"[；;]", objects) if p.strip()]
    if len(pieces) < 3 or any(len(p) < 4 or rules.NOT_NAMED_RE.match(p) for p in pieces):
        return []
    return pieces


def _taken_up_alone(names: list[str], remarks: Sequence[str]) -> bool:
    """Whether a remark opens on one topic of the list ('关于农业农村工作，龙某指出…')."""
    for remark in remarks:
        opening = rules.TOPIC_REMARK_RE.match(remark.strip())
        if opening and any(name.strip("“”") in opening.group("topic") for name in names):
            return True
    return False


def _named(piece: str) -> bool:
    """A piece of a list that names a thing, not a decision on the one before ('原则同意该报告')."""
    return rules.NAMED_PART_RE.search(piece) is not None and not rules.NOT_NAMED_RE.match(piece)


def _spirit(objects: str, span: tuple[int, int]) -> bool:
    """A conveyed spirit or speech not named as a document: several in a row are one item."""
    piece = objects[span[0] : span[1]].strip()
    return "《" not in piece and rules.SPIRIT_END_RE.search(piece) is not None


def _split_off_tail(objects: str) -> tuple[str, str]:
    """'…《条例》,并安排落实意见' → the objects and the short follow-on that names nothing new."""
    found = rules.CLAUSE_TAIL_RE.search(objects)
    if found:
        return objects[: found.start()], objects[found.start() :]
    return objects, ""


def _objects_before_verb(clause: str) -> list[Clause]:
    """'会议对《A》和《B》进行了认真细致审议' → one clause per document, the verb taken from the end."""
    found = rules.OBJECT_FIRST_RE.match(clause)
    if not found:
        return []
    verb = found.group("verb")
    objects = found.group("objects")
    parts = re.split(r"(?<=》)(?:和|及|、|，|,)?(?=《)", objects)
    if len(parts) < 2 or not all(p.startswith("《") and p.endswith("》") for p in parts):
        return []
    texts = [clause[: found.start("objects")] + parts[0], *parts[1:]]
    texts[-1] += clause[found.end("objects") :]
    return [Clause(f"{verb}{part}", text) for part, text in zip(parts, texts)]


def owner_of_remark(remark: str, clauses: list[Clause], previous: int) -> int:
    """The clause a remark is about: the most topic bigrams shared, relative to the clause's length
    (a short specific clause that shares '灌区' beats a long one that shares '计划'); with nothing
    shared, the clause the remark before it was about."""
    if (titled := _owner_by_title(remark, clauses)) is not None:
        return titled
    said = _bigrams(_without_speaker(remark))
    scores = []
    for clause in clauses:
        own = _bigrams(_without_speaker(clause.heading))
        scores.append(len(said & own) / math.sqrt(len(own) or 1))
    best = max(range(len(clauses)), key=lambda i: (scores[i], i == previous))
    return best if scores[best] > 0 else previous


def _without_speaker(text: str) -> str:
    """'崔长领强调,…' without who speaks: no topic a remark shares with a clause headed by another of
    his remarks."""
    return rules.NAMED_SPEAKER_RE.sub("", text)


# '《政府工作报告(讨论稿)》' is the 《政府工作报告》 a remark speaks of: a draft's label is no part of its title.
DRAFT_LABEL_RE = re.compile(r"[（(](?:讨论稿|送审稿|征求意见稿|修改稿|审议稿|草案|草稿|试行)[）)]$")


def _owner_by_title(remark: str, clauses: list[Clause]) -> int | None:
    """The one clause whose document the remark's first sentence names by its full title ('会议强调,
    《政府工作报告》是指导全市经济社会发展的纲领性文件' after '审议《政府工作报告(讨论稿)》《关于…计划
    …的报告》'): the title says whose remark it is, however many words it shares with the others."""
    first = re.split(r"(?<=[。！？])", remark, maxsplit=1)[0]
    named = {DRAFT_LABEL_RE.sub("", t) for t in re.findall(r"《([^》]{2,60})》", first)}
    owners = {
        pos
        for pos, clause in enumerate(clauses)
        for title in re.findall(r"《([^》]{2,60})》", clause.heading)
        if DRAFT_LABEL_RE.sub("", title) in named
    }
    return owners.pop() if len(owners) == 1 else None


def shared_bigram_count(one: str, other: str) -> int:
    """How many topic bigrams two texts share."""
    return len(_bigrams(one) & _bigrams(other))


def shared_words(one: str, other: str) -> float:
    """The share of the shorter text's topic bigrams that the other holds too (0 with none)."""
    first, second = _bigrams(one), _bigrams(other)
    smaller = min(len(first), len(second))
    return len(first & second) / smaller if smaller else 0.0


def remark_parts(remark: str, clauses: list[Clause], owner: int) -> list[tuple[int, str]]:
    """A remark paragraph that speaks to several clauses in turn, cut where it turns to another one.

    '李某强调，开发区要牢固树立绩效意识…。原则同意…项目，…。' : each sentence goes to the clause it
    shares the most topic words with, a sentence sharing none stays with the one before; the
    paragraph's own owner (`owner`) starts. Sentences stay verbatim and in order.
    """
    sentences = [s for s in re.split(r"(?<=[。！？])", remark) if s.strip()]
    if len(sentences) < 2 or len(clauses) < 2:
        return [(owner, remark)]
    parts: list[tuple[int, str]] = []
    current = owner
    for sentence in sentences:
        titled = _owner_by_title(sentence, clauses)
        current = titled if titled is not None else _clear_owner(sentence, clauses, current)
        if parts and parts[-1][0] == current:
            parts[-1] = (current, parts[-1][1] + sentence)
        else:
            parts.append((current, sentence))
    return [(who, text.strip()) for who, text in parts]


def _clear_owner(sentence: str, clauses: list[Clause], current: int) -> int:
    """The clause a sentence is plainly about: two or more of its topic words, more than any other."""
    if BACK_REFERENCE_RE.search(sentence):  # '会议决定，该《办法》经进一步修改后…': the one just named
        return current
    if _names_by_short_title(sentence, clauses[current]):  # '要在《报告》中充分体现…' after
        return current  # '《政府工作报告》是…': the document being spoken of, by its short name
    said = _bigrams(_without_speaker(sentence)) - GOVERNMENT_BIGRAMS
    shared = [len(said & _bigrams(_without_speaker(clause.heading))) for clause in clauses]
    best = max(range(len(clauses)), key=lambda i: (shared[i], i == current))
    runner_up = max((n for i, n in enumerate(shared) if i != best), default=0)
    return best if shared[best] >= 2 and shared[best] > runner_up else current


def _names_by_short_title(sentence: str, clause: Clause) -> bool:
    """Whether the sentence names the clause's document by part of its title (《报告》, 《条例》)."""
    titles = re.findall(r"《([^》]{2,60})》", clause.heading)
    return any(short in title for short in re.findall(r"《([^》]{1,20})》", sentence) for title in titles)


BACK_REFERENCE_RE = re.compile(
    r"(?:该|此|上述|以上|这一?)(?:《|办法|方案|请示|报告|意见|条例|项目|文件|工作|议题)"
)


def _bigrams(text: str) -> set[str]:
    """Character bigrams of the Chinese runs, less the words every clause and remark share. Digits
    are no topic words: '汉阴县2019年重点项目' and '…2019年计划(草案)报告' share a year, not a topic."""
    core = "".join(ch if "\u4e00" <= ch <= "\u9fff" or ch.isalpha() else " " for ch in text)
    grams = {a + b for run in core.split() for a, b in zip(run, run[1:])}
    return grams - COMMON_BIGRAMS


COMMON_BIGRAMS = {
    "会议",
    "工作",
    "传达",
    "学习",
    "听取",
    "审议",
    "研究",
    "讨论",
    "精神",
    "要求",
    "强调",
    "指出",
    "促进",  # '促进…', '…实施': words of any policy, no topic of one
    "实施",
}
# '要按照市委、市政府要求,…' · '要坚持以习近平总书记…重要讲话重要指示精神为指引': the government and
# the guidance every remark invokes; no reason for a sentence to leave its paragraph for a clause that
# names them ('…市政府第193次常务会议精神', '传达学习习近平总书记重要讲话重要指示精神').
GOVERNMENT_BIGRAMS = {"政府", "市政", "区政", "县政", "市委", "区委", "县委"} | {
    a + b for a, b in zip("习近平总书记重要讲话重要指示批示", "近平总书记重要讲话重要指示批示精")
}


# '…主持召开了…常务会议,会议传达学习了…《…》、…精神,…分别作了工作汇报': what the opening says was done.
OPENING_ACTION_RE = re.compile(r"(?P<verb>传达学习|学习|听取|审议|作了工作汇报)了?(?P<what>[^，,。；]{4,})")
# '传达学习上级重要精神' · '研究有关议题': an opening that names nothing the items might have left out.
VAGUE_OBJECT_RE = re.compile(
    r"^(?:上级|有关|相关|近期|当前|其他|近期重要)?(?:重要)?(?:会议)?(?:精神|议题|工作|事项|文件)$"
)


def unitemised_opening_verbs(meeting) -> list[str]:
    """The verbs of what a report's opening says the meeting did and no item took apart ('审议…,听取2024年
    民生实事项目完成情况…的汇报' when the items are only the remarks that follow): what 会议概况 alone
    answers (听取了什么汇报)."""
    intro = meeting.intro_text or ""
    held = rules.MEETING_HELD_RE.search(intro)
    if not held:
        return []
    headings = "".join(item.heading for item in meeting.items if item.item > 0)
    return [
        found.group("verb")
        for found in OPENING_ACTION_RE.finditer(intro, held.end())
        if found.group("what")[:8] not in headings and not VAGUE_OBJECT_RE.match(found.group("what"))
    ]
