"""Optional written answers from an OpenAI-compatible chat endpoint, verified sentence by sentence.

The model sees only the items retrieval cited, numbered [1]…[n], and must end
every sentence with the [n] it comes from. Nothing it writes reaches the screen
unchecked: each finished sentence is verified against the item(s) it cites —
its numbers, 《titles》, “quoted terms” and (for Chinese) most of its key words
must occur there, for English sentences the dictionary translations of its key
words — and dropped otherwise; the answer says how many were dropped. When no
sentence survives, or the endpoint fails or times out, the extractive answer is
shown with a notice. Verified sentences are yielded as they complete, so the UI
can stream them.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..config import LlmConfig
from ..models import AgendaItem
from . import bilingual
from .cues import GENERIC_TERMS
from .wording import say

MARKER_RE = re.compile(r"\[(\d{1,2})\]")
# A sentence ends at 。！？!? (or a line break) and keeps the [n] markers written right after it.
SENTENCE_END_RE = re.compile(r"(?:[。！？!?]|\.(?=\s|\[|$))(?:\s*\[\d{1,2}\])*|\n")
NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
TITLE_RE = re.compile(r"《([^》]{2,60})》|“([^”]{2,30})”")
FUNCTION_WORDS = set(
    "的 了 和 与 及 并 在 对 将 由 为 是 等 要 该 其 这 此 会议 常务会议 市政府 区政府 县政府 "
    "政府 提出 指出 同意 原则 认为 进行 相关 有关 方面 工作 以及 并且 根据".split()
)
SYSTEM_PROMPT = (
    "你是政府常务会议纪要的问答助手。只能根据用户给出的编号议题原文回答，不得使用其他知识。"
    "先用一句话直接回答问题，再补充要点。每一句话末尾必须标注来源编号，如[1]或[2]；"
    "人名、单位、数字、日期、文件名必须与原文完全一致。原文没有的内容不要写。"
)
SYSTEM_PROMPT_EN = (
    "You answer questions about Chinese government standing-meeting minutes using ONLY the numbered items given. "
    "Answer in English: first one sentence that answers the question, then supporting points. End every sentence "
    "with the number of the item it comes from, like [1]. Keep names, numbers, dates and document titles exactly "
    "as in the items (you may keep them in Chinese). Write nothing the items do not say."
)


class LlmUnavailable(Exception):
    """The endpoint could not be reached, failed, or ran past its time limit."""


@dataclass
class WrittenAnswer:
    sentences: list[str] = field(default_factory=list)  # verified, in order
    removed: list[str] = field(default_factory=list)  # unsupported, never shown
    error: str = ""

    @property
    def usable(self) -> bool:
        return bool(self.sentences) and not self.error


def build_messages(
    question: str,
    items: dict[int, tuple[str, AgendaItem]],
    lang: str,
    selected: dict[int, list[str]] | None = None,
) -> list[dict[str, str]]:
    """System rules plus the question and the numbered items: citation label, heading, and the
    sentences the extractive answer chose from the item (its full text when it chose none).

    The same selection both answers use keeps a small model on the sentences that answer, and
    the prompt short enough for a CPU server's context and time budget."""
    selected = selected or {}
    shown = {n: "\n".join(selected.get(n) or [item.text]) for n, (_, item) in items.items()}
    sources = "\n\n".join(f"[{n}] {label}\n{item.heading}\n{shown[n]}" for n, (label, item) in items.items())
    return [
        {"role": "system", "content": SYSTEM_PROMPT_EN if lang == "en" else SYSTEM_PROMPT},
        {"role": "user", "content": f"议题原文 / items:\n{sources}\n\n问题 / question: {question}"},
    ]


def stream_text(config: LlmConfig, messages: list[dict[str, str]]) -> Iterator[str]:
    """Text deltas from the endpoint (OpenAI chat completions, streamed); LlmUnavailable on any failure."""
    from openai import OpenAI, OpenAIError

    client = OpenAI(
        base_url=config.base_url,
        api_key=os.environ.get(config.api_key_env) or "not-needed",
        timeout=config.timeout_s,
        max_retries=0,
    )
    deadline = time.monotonic() + config.timeout_s
    try:
        stream = client.chat.completions.create(
            model=config.model,
            messages=messages,
            stream=True,
            max_tokens=config.max_tokens,
            temperature=config.temperature,
        )
        for chunk in stream:
            if time.monotonic() > deadline:
                raise LlmUnavailable(f"超过 {config.timeout_s:g} 秒未完成")
            if chunk.choices and (delta := chunk.choices[0].delta.content):
                yield delta
    except OpenAIError as exc:
        raise LlmUnavailable(f"{type(exc).__name__}: {exc}") from exc


def split_sentences(deltas: Iterable[str]) -> Iterator[str]:
    """Complete sentences (with their [n] markers) as soon as the next one starts."""
    buffer = ""
    for delta in deltas:
        buffer += delta
        while (found := _sentence_end(buffer)) is not None:
            sentence, buffer = buffer[:found].strip(), buffer[found:]
            if sentence:
                yield sentence
    if buffer.strip():
        yield buffer.strip()


def _sentence_end(buffer: str) -> int | None:
    """End of the first complete sentence, once text follows its markers (a marker may still be arriving)."""
    for found in SENTENCE_END_RE.finditer(buffer):
        rest = buffer[found.end() :]
        if rest.strip() and not rest.lstrip().startswith("["):
            return found.end()
    return None


def supported(
    sentence: str, items: dict[int, tuple[str, AgendaItem]], tokenize: Callable[[str], list[str]], lang: str
) -> bool:
    """Does the item(s) the sentence cites contain its numbers, titles, quoted terms and key words?"""
    cited = [int(n) for n in MARKER_RE.findall(sentence)]
    if not cited or any(n not in items for n in cited):
        return False
    claim = MARKER_RE.sub("", sentence).strip()
    evidence = "\n".join(
        f"{item.heading}\n{item.text}\n{item.text_as_written or ''}" for _, item in (items[n] for n in cited)
    )
    compact = evidence.replace(" ", "")
    if any(number not in compact for number in NUMBER_RE.findall(claim)):
        return False
    if any((a or b) not in compact for a, b in TITLE_RE.findall(claim)):
        return False
    if lang == "en" and not re.search(r"[\u4e00-\u9fff]{2,}", claim):
        words = bilingual.english_topic_words(claim, [])
        share, _ = bilingual.cross_lingual_coverage(words, evidence)
        return share >= 0.5
    chinese = [
        t
        for t in tokenize(claim)
        if len(t) >= 2
        and re.match(r"[\u4e00-\u9fff]", t)
        and t not in FUNCTION_WORDS
        and t not in GENERIC_TERMS
    ]
    return not chinese or sum(t in compact for t in chinese) / len(chinese) >= 0.8


def write(
    question: str,
    items: dict[int, tuple[str, AgendaItem]],
    config: LlmConfig,
    tokenize: Callable[[str], list[str]],
    lang: str,
    on_sentence: Callable[[str], None] | None = None,
    selected: dict[int, list[str]] | None = None,
) -> WrittenAnswer:
    """Ask the endpoint, keep the verified sentences (reported as they complete), count the rest.

    Sentences are verified against the whole cited item, not only the selection it was shown."""
    result = WrittenAnswer()
    messages = build_messages(question, items, lang, selected)
    try:
        for sentence in split_sentences(stream_text(config, messages)):
            if supported(sentence, items, tokenize, lang):
                result.sentences.append(sentence)
                if on_sentence:
                    on_sentence(sentence)
            else:
                result.removed.append(sentence)
    except LlmUnavailable as exc:
        result.error = str(exc)
    return result


def with_written_answer(
    answer,
    config: LlmConfig,
    tokenize: Callable[[str], list[str]],
    on_sentence: Callable[[str], None] | None = None,
):
    """Replace an extractive `Answer`'s text by the verified written one, or keep it with a notice."""
    if not config.enabled or not answer.answerable or not answer.citations:
        return answer
    items = {c.n: (c.hit.citation, c.hit.item) for c in answer.citations}
    written = write(answer.question, items, config, tokenize, answer.lang, on_sentence, answer.selected)
    lang = answer.lang
    if written.usable:
        text = "\n".join([*answer.notices, *written.sentences])
        if written.removed:
            text += "\n" + say(lang, "llm_removed", k=len(written.removed))
        answer.answer, answer.generated = text, True
    else:
        notice = say(lang, "llm_error", error=written.error) if written.error else say(lang, "llm_unverified")
        answer.answer = f"{notice}\n{answer.answer}"
        answer.notices = [notice, *answer.notices]
    answer.removed_sentences = len(written.removed)
    return answer
