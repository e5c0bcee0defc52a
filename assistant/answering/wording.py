"""Every sentence the assistant composes, in Chinese and in English, in one table.

Answers follow the asker's language: frames, refusals, notices and filter labels are
written here once per language (`say(lang, key, **fields)`), so a wording change or a
third language touches this file only. Quotes from the minutes are never translated.
"""

from __future__ import annotations

from collections.abc import Iterable

PHRASES: dict[str, tuple[str, str]] = {
    # --- refusals (the reason is the answer)
    "empty_question": (
        "请输入问题，例如：太仓市第60次常务会议审议了哪些文件？",
        "Please type a question, e.g. Who chaired Taicang's 60th executive meeting?",
    ),
    "which_meeting": (
        "问题没有说明是哪次会议：请写明地区和会议，例如“太仓市第60次常务会议由谁主持？”",
        "The question does not say which meeting: name the place and the meeting, "
        'e.g. "Who chaired Taicang\'s 60th executive meeting?"',
    ),
    "too_short": (
        "问题太短，看不出问的是哪个议题：请写明地区、会议或议题内容",
        "The question is too short to tell which topic it is about: add the place, meeting or topic",
    ),
    "no_item_reported_by": (
        "所找到的会议没有由{departments}汇报的议题",
        "no item of the meetings found was reported by {departments}",
    ),
    "no_doc_number": ("所找到的会议纪要没有写明文号", "the minutes found give no document number"),
    "no_chair": (
        "{label}的纪要没有写明由谁主持",
        "the minutes of {label} do not say who chaired the meeting",
    ),
    "fact_not_stated": (
        "{citation}「{heading}」没有写明{name}",
        "{citation} ({heading}) does not state {name}",
    ),
    "no_attendees": (
        "{label}纪要没有列出出席人员",
        "the minutes of the {english_label} ({label}) list no attendees",
    ),
    "only_chair": ("，只写明由{chair}主持", "; they only say that {chair} chaired it"),
    "off_topic": (
        "所找到的议题都没有提到“{words}”（最接近的是{citation}）",
        "none of the items found is about {words} (nearest: {citation})",
    ),
    "nearest": ("\n最接近的内容：{items}", "\nNearest items: {items}"),
    # --- why no minute matches the named place, meeting or dates
    "places_not_held": (
        "已收录的纪要中没有〔{wanted}〕的常务会议；已收录的地区：{held}。",
        "the index holds no minutes of {wanted}; places held: {held}",
    ),
    "meeting_not_held": (
        "{where}没有第{meeting}次常务会议的纪要；已收录：第{held}次。",
        "no minutes of meeting no. {meeting} {of_where}in the index; meetings held: {held}",
    ),
    "meeting_not_held_none": (
        "{where}没有第{meeting}次常务会议的纪要。",
        "no minutes of meeting no. {meeting} {of_where}in the index; meetings held: none",
    ),
    "dates_not_held": (
        "{where}没有{start}至{end}之间召开的常务会议；{span}。",
        "no meeting between {start} and {end}; {span}",
    ),
    "dates_span": ("已收录的会议日期为{first}至{last}", "meetings held date from {first} to {last}"),
    "dates_unknown": ("已收录的会议都没有可识别的日期", "no meeting has a known date"),
    "no_match": ("没有符合条件的会议", "no minutes match the filters"),
    # --- notices said before the answer
    "unnamed_place_used": (
        "已收录的纪要中没有写明〔{places}〕的常务会议；以下内容来自未写明地区的纪要，请核对来源。",
        "No minutes in the index name {places}; what follows comes from minutes that do not name their "
        "place: check the sources.",
    ),
    "place_mentioned_used": (
        "没有写明〔{places}〕且编号相符的纪要；以下纪要未写明所属政府，编号相符，正文提到“{places}”，请核对来源。",
        "No minutes name {places} with that number; the minutes below name no government, carry that "
        "number and mention {places} in their text: check the sources.",
    ),
    "place_mentioned_searched": (
        "以下纪要未写明所属政府，正文提到“{places}”：已与〔{places}〕的纪要一并检索，请核对来源。",
        "The minutes below name no government and mention {places} in their text; they were searched "
        "with the minutes of {places}: check the sources.",
    ),
    "printed_identity_used": (
        "没有解析为“{words}”的纪要；以下纪要的标题或开头印有“{words}”，请核对来源。",
        "No minutes were parsed as {words}; the minutes below print it in their title or opening: check "
        "the sources.",
    ),
    "parent_city_used": (
        "已收录的纪要中没有〔{name}〕自己的常务会议；已按其所属的〔{parent}〕的纪要检索。",
        "No minutes of {name} itself are indexed; searched the minutes of {parent}, which it belongs to.",
    ),
    "filter_place_overruled": (
        "侧边栏筛选为〔{side}〕，问题问的是〔{asked}〕：已按问题中的〔{asked}〕检索。",
        "The sidebar filter is {side} but the question asks about {asked}: searched {asked}.",
    ),
    "filter_meeting_overruled": (
        "侧边栏筛选为第{side}次会议，问题问的是第{asked}次：已按问题检索。",
        "The sidebar filter is meeting {side} but the question asks about meeting {asked}: "
        "searched meeting {asked}.",
    ),
    # --- answer frames (the lead's composed part; the quote follows in the minutes' words)
    "reported_by": (
        "由{who}{reported}（{label}，{when}，{item_label}「{heading}」）。",
        "Reported by {who} ({english_label}, {when}, item {item}: {heading}).",
    ),
    "responsible": ("由{who}负责：", "Responsible: {who}. "),
    "decision": ("{label}（{when}）的决定：", "Decision ({english_label}, {when}, item {item}): "),
    "meetings_found": (
        "共有{n}次会议涉及（由近及远）：{brief}",
        "Meetings that took this up ({n}, newest first): {brief}",
    ),
    "meetings_held": (
        "已收录{n}次会议（由近及远）：{brief}",
        "Meetings on file ({n}, newest first): {brief}",
    ),
    "chairs_held": (
        "已收录的{n}次会议由{k}位主持（由近及远）：{chairs}。",
        "The {n} meetings on file were chaired by {k} people (newest first): {chairs}.",
    ),
    "chair_times": ("{chair}（{times}次）", "{chair}: {times}"),
    "chaired_line": ("{label}（{when}），{chair}主持", "{english_label} ({when}), chaired by {chair}"),
    "no_items_parsed": ("（纪要未分出议题）", "(no agenda items recorded)"),
    "one_meeting_held": ("已收录1次会议：{line}", "One meeting on file: {line}"),
    "meeting_line": ("{label}（{when}），{k}项议题", "{english_label} ({when}), {k} agenda items"),
    "found_items": ("共找到{n}项议题：{items}", "{n} items found: {items}"),
    "nth_item": (
        "{label}（{when}）的{item_label}是「{heading}」{reporters}。",
        "Item {item} of the {english_label} on {when} was: {heading}{reporters}.",
    ),
    "at_meeting": (
        "在{label}（{when}）上，{item_label}「{heading}」。",
        "At the {english_label} ({label}) on {when} (item {item}: {heading}).",
    ),
    "minutes_say": ("", "The minutes say: "),
    "date_not_written": ("日期不详", "date not written"),
    "undated_kept": (
        "有 {n} 份纪要编号相符但未写日期，无法核对年份，仍列入检索。",
        "{n} minutes with that meeting number print no date, so the year could not be checked; they"
        " are included.",
    ),
    "yearless_not_filtered": (
        "另有 {n} 份纪要只写了月日、未写年份，无法判断是否在所选日期范围内，未纳入检索。",
        "{n} more minutes give a month and day but no year, so they could not be placed in the date"
        " range and were left out.",
    ),
    "item_name": ("{label}（{when}）{item_label}", "{english_label} ({when}), item {item}"),
    "item_only": ("{item_label}", "Item {item}"),
    "item_heading": ("「{heading}」", ": {heading}"),
    "item_reporters": ("，由{all_reporters}{reported}", " — reported by {first_reporter}"),
    # --- the LLM path's notices
    "llm_removed": (
        "（已删除{k}句无法在所引原文中核实的句子）",
        "({k} sentence(s) that could not be verified against the cited items were removed)",
    ),
    "llm_unverified": (
        "（大模型的回答无法在所引原文中核实，以下为原文摘录）",
        "(The written answer could not be verified against the cited items; extracts follow.)",
    ),
    "llm_error": (
        "（大模型暂不可用：{error}；以下为原文摘录）",
        "(The language model is unavailable: {error}; extracts follow.)",
    ),
}
# Labels of the filters read from a question, shown beside the answer.
FILTER_LABELS: dict[str, tuple[str, str]] = {
    "place": ("地区：", "place: "),
    "chair": ("主持：", "chaired by: "),
    "not_held": ("（未收录）", " (not in the index)"),
    "meeting": ("会议：第{n}次", "meeting no. {n}"),
    "dates": ("日期：", "dates: "),
    "item": ("议题：第{n}项", "item {n}"),
    "departments": ("汇报单位：", "reported by: "),
    "verbs": ("议题类型：", "item kind: "),
    "exclude": ("排除：", "excluding: "),
    "routing": ("去向：", "routed to: "),
}


def say(lang: str, key: str, **fields: object) -> str:
    """The phrase `key` in the asker's language, its {fields} filled in."""
    zh, en = PHRASES[key]
    return (en if lang == "en" else zh).format(**fields)


def label(lang: str, key: str, **fields: object) -> str:
    zh, en = FILTER_LABELS[key]
    return (en if lang == "en" else zh).format(**fields)


def nearest_items(lang: str, entries: Iterable[tuple[str, str]]) -> str:
    """The nearest items after a refusal: citation and heading, listed as each language lists."""
    if lang == "en":
        return "; ".join(f"{citation} {heading}" for citation, heading in entries)
    return "；".join(f"{citation}{heading}" for citation, heading in entries)


def join(lang: str, words: Iterable[object]) -> str:
    """A list as each language writes one: 太仓、昆山 / Taicang, Kunshan."""
    return (", " if lang == "en" else "、").join(str(w) for w in words)


def held_places(lang: str, meetings: Iterable[object]) -> str:
    """The places the index holds minutes of, as each language names them (太仓、昆山 / Taicang City, …)."""
    held = [m for m in meetings if m.city]  # type: ignore[attr-defined]
    if lang != "en":
        return join(lang, sorted({m.city for m in held}))  # type: ignore[attr-defined]
    return join(lang, sorted({m.english_place for m in held}))  # type: ignore[attr-defined]
