"""Follow-up questions: 那太仓呢？ or 谁汇报的？ rewritten into a self-contained question.

The rewrite uses the previous turn of the same conversation (its topic, city and
meeting), and the rewritten form is shown to the user, so the interpretation is
never hidden.
"""

from __future__ import annotations

import re

from .cues import ELLIPSIS_END_RE, FOLLOWUP_START_RE, MEETING_ZH_RE, PRONOUN_RE
from .query import Vocabulary


def resolve_followup(question: str, previous: str | None, vocab: Vocabulary) -> str:
    """Return a self-contained question; unchanged when it does not lean on the previous turn."""
    question = question.strip()
    if not previous:
        return question
    body = ELLIPSIS_END_RE.sub("", FOLLOWUP_START_RE.sub("", question)).strip(" ，,？?")
    cities = [alias for alias in vocab.cities if alias and alias in body.lower()]
    meeting = MEETING_ZH_RE.search(body)
    if ELLIPSIS_END_RE.search(question) and (cities or meeting) and len(body) <= 12:
        return _swap_entities(previous, body, cities, meeting, vocab)
    is_short = len(re.sub(r"[^\u4e00-\u9fffA-Za-z]", "", question)) <= 8
    if FOLLOWUP_START_RE.search(question) or PRONOUN_RE.search(question) or is_short:
        return f"{_strip_question(previous)}，{question}"
    return question


def _swap_entities(previous: str, body: str, cities: list[str], meeting, vocab: Vocabulary) -> str:
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
