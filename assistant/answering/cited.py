"""The answer as every client receives it: a typed, serialisable record with its sources.

`answer.Answer` is the live result of composing (it holds the retrieved `ItemHit`s);
`CitedAnswer` is what leaves the answering step: the UI, the exports, `ask --json`,
the HTTP API and the saved conversations all read these fields, never dict keys.
`to_dict`/`from_dict` keep the stored form (the office database's JSON) stable.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Source:
    """One cited agenda item: where it is (place, meeting, date, item) and what it says."""

    n: int
    label: str  # 〔太仓市政府第60次常务会议 2021-08-20 · 议题二〕
    city: str | None
    city_full: str | None
    meeting: int | None
    date: str | None
    item: int
    heading: str
    text: str  # the best-matching passage, as published
    item_text: str  # the whole item, as published
    doc_id: str
    source: str  # file name
    score: float = 0.0
    reporters: tuple[str, ...] = ()
    decisions: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Source:
        return cls(
            n=int(data.get("n", 0)),
            label=data.get("label") or data.get("citation", ""),
            city=data.get("city"),
            city_full=data.get("city_full"),
            meeting=data.get("meeting"),
            date=data.get("date"),
            item=int(data.get("item", 0)),
            heading=data.get("heading", ""),
            text=data.get("text", ""),
            item_text=data.get("item_text", data.get("text", "")),
            doc_id=data.get("doc_id", ""),
            source=data.get("source", ""),
            score=float(data.get("score", 0.0)),
            reporters=tuple(data.get("reporters", ())),
            decisions=tuple(data.get("decisions", ())),
        )

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(citation=self.label, reporters=list(self.reporters), decisions=list(self.decisions))
        return data


@dataclass
class CitedAnswer:
    """What was asked, the answer lines (lead first), the sources they cite, or why it was refused.

    `text` holds the whole answer, one line per sentence, each ending in its [n] markers;
    `notices` (overruled filters, unnamed places) come before the lead, which is the first
    line after them.
    """

    question: str
    text: str
    answerable: bool
    sources: list[Source] = field(default_factory=list)
    nearest: list[Source] = field(default_factory=list)  # ranked items, cited or not (refusals show them)
    reason: str = ""
    lang: str = "zh"
    interpreted_filters: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    generated: bool = False  # written by the configured LLM, verified sentence by sentence
    removed_sentences: int = 0

    @property
    def lines(self) -> list[str]:
        return [line for line in self.text.split("\n") if line.strip()]

    @property
    def lead(self) -> str:
        """The direct answer: the first line after any notices."""
        body = self.lines[len(self.notices) :]
        return body[0] if body else ""

    @property
    def sentences(self) -> list[str]:
        """The supporting lines after the lead."""
        return self.lines[len(self.notices) + 1 :]

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": self.text,
            "lead": self.lead,
            "answerable": self.answerable,
            "reason": self.reason,
            "interpreted_filters": self.interpreted_filters,
            "notices": self.notices,
            "lang": self.lang,
            "generated": self.generated,
            "removed_sentences": self.removed_sentences,
            "citations": [s.to_dict() for s in self.sources],
            "hits": [s.to_dict() for s in self.nearest],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CitedAnswer:
        return cls(
            question=data.get("question", ""),
            text=data.get("answer", ""),
            answerable=bool(data.get("answerable")),
            sources=[Source.from_dict(c) for c in data.get("citations", [])],
            nearest=[Source.from_dict(h) for h in data.get("hits", [])],
            reason=data.get("reason", ""),
            lang=data.get("lang", "zh"),
            interpreted_filters=list(data.get("interpreted_filters", [])),
            notices=list(data.get("notices", [])),
            generated=bool(data.get("generated")),
            removed_sentences=int(data.get("removed_sentences", 0)),
        )
