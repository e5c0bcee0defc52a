"""Follow-up questions: 那太仓呢？ or 谁汇报的？ rewritten into a self-contained question.

The rewrite uses the conversation so far (what was asked and how each question was read), and the
rewritten form is shown to the user, so the interpretation is never hidden. Three kinds:

- 那第60次呢？ / 那太仓呢？ — the previous question with its meeting or place swapped;
- 谁汇报的？ / 审议结果如何？ — short or pronoun questions appended to the conversation's *anchor*, the
  last question that stood on its own (not to the previous reading, which once chained every
  follow-up of a conversation into one ever longer question);
- 第59次会议由谁主持？ — a meeting named by its number only: the place the conversation last named
  is added;
- 有几项议题？ / 第三项议题是什么？ / 谁主持的？ — the meeting's structure: asked of the meeting the
  conversation last named (太仓第59次常务会议有几项议题？), not appended to a topic question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .cues import (
    CHAIR_ASK_RE,
    ELLIPSIS_END_RE,
    FOLLOWUP_START_RE,
    ITEM_ORDINAL_RE,
    LIST_RE,
    MEETING_ZH_RE,
    META_RE,
    PRONOUN_RE,
)
from .query import Vocabulary


@dataclass(frozen=True)
class Asked:
    """One earlier turn: the question as typed and as it was read."""

    question: str
    interpreted: str

    @property
    def appended(self) -> bool:
        """Read as a follow-up appended to an earlier question (so it is not an anchor)."""
        question = self.question.strip()
        return self.interpreted != question and self.interpreted.endswith(f"，{question}")


def resolve_followup(question: str, history: Sequence[Asked] | str | None, vocab: Vocabulary) -> str:
    """A self-contained question; unchanged when it does not lean on the conversation.

    `history` is the conversation's earlier turns, oldest first (a single string is read as one
    earlier question that stood on its own)."""
    question = question.strip()
    if isinstance(history, str):
        history = [Asked(history, history)]
    if not history:
        return question
    previous = history[-1].interpreted
    body = ELLIPSIS_END_RE.sub("", FOLLOWUP_START_RE.sub("", question)).strip(" ，,？?")
    cities = _cities_in(body, vocab)
    meeting = MEETING_ZH_RE.search(body)
    elliptical = ELLIPSIS_END_RE.search(question) or FOLLOWUP_START_RE.search(question)
    if elliptical and (cities or meeting) and len(body) <= 12:
        return _swap_entities(previous, cities, meeting, vocab)
    if meeting and not cities:
        return _with_place_of(history, question, meeting, vocab)
    if cities or meeting:
        return question  # names its own meeting or place
    if _asks_about_the_meeting(question) and (scope := _meeting_scope(history, vocab)):
        return f"{scope}{question}"
    is_short = len(re.sub(r"[^\u4e00-\u9fffA-Za-z]", "", question)) <= 8
    if FOLLOWUP_START_RE.search(question) or PRONOUN_RE.search(question) or is_short:
        return f"{_strip_question(_anchor(history))}，{question}"
    return question


def _asks_about_the_meeting(question: str) -> bool:
    """有几项议题？ 第三项议题是什么？ 谁主持的？ 什么时候开的？ — asks the meeting's structure, which
    needs the meeting the conversation is on, not the topic of its last question."""
    return bool(
        CHAIR_ASK_RE.search(question)
        or ITEM_ORDINAL_RE.search(question)
        or (LIST_RE.search(question) and "议题" in question)
        or META_RE.search(question)
    )


def _meeting_scope(history: Sequence[Asked], vocab: Vocabulary) -> str | None:
    """太仓第59次常务会议: the meeting the conversation last named by number, with its place."""
    for back, turn in enumerate(reversed(history)):
        if meeting := MEETING_ZH_RE.search(turn.interpreted):
            scope = f"{meeting.group(0)}常务会议"
            return _with_place_of(history[: len(history) - back], scope, meeting, vocab)
    return None


def _anchor(history: Sequence[Asked]) -> str:
    """The last question of the conversation that stood on its own (swapped ones included)."""
    return next((t.interpreted for t in reversed(history) if not t.appended), history[-1].interpreted)


def _cities_in(text: str, vocab: Vocabulary) -> list[str]:
    return [alias for alias in vocab.cities if alias and alias in text.lower()]


def _with_place_of(history: Sequence[Asked], question: str, meeting, vocab: Vocabulary) -> str:
    """第59次会议由谁主持？ in a conversation about 太仓: 太仓第59次会议由谁主持？ (the place most
    recently named in the conversation, however many questions ago)."""
    for turn in reversed(history):
        if named := _cities_in(turn.interpreted, vocab):
            place = vocab.cities[max(named, key=len)]
            return question.replace(meeting.group(0), f"{place}{meeting.group(0)}", 1)
    return question


def _swap_entities(previous: str, cities: list[str], meeting, vocab: Vocabulary) -> str:
    """那太仓呢？ → the previous question with its city replaced (or added)."""
    rewritten = previous
    if cities:
        new_city = vocab.cities[cities[0]]
        old = [alias for alias in sorted(vocab.cities, key=len, reverse=True) if alias in rewritten.lower()]
        if old:
            rewritten = re.sub(re.escape(old[0]), new_city, rewritten, count=1, flags=re.I)
        else:
            rewritten = f"{new_city}{rewritten}"
    if meeting:
        if MEETING_ZH_RE.search(rewritten):
            rewritten = MEETING_ZH_RE.sub(meeting.group(0), rewritten, count=1)
        else:
            rewritten = f"{meeting.group(0)}常务会议{rewritten}"
    return rewritten


def _strip_question(text: str) -> str:
    return text.rstrip("？?。 ")
