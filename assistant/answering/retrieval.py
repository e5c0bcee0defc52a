"""Hybrid retrieval that lands on agenda items: dense + lexical (BM25) from the search backend, fused,
aggregated to items.

Fusion is either a normalised score combination (default: measured better on
the dev set) or reciprocal rank fusion (Cormack, Clarke & Büttcher, SIGIR 2009).
Lexical hits with a zero BM25 score are dropped before fusion: for English
questions BM25 returns arbitrary zero-score lists that RRF would otherwise
weight like real matches. Filters (explicit or recognised in the question)
restrict the candidate items; questions about a whole meeting are answered from
the parsed structure, not from similarity.
"""

from __future__ import annotations

import copy
import math
import re
from dataclasses import dataclass, field

import numpy as np

from ..config import Config
from ..ingest import clauses, places, rules
from ..ingest.normalize import to_simplified
from ..models import AgendaItem, Meeting, citation_label
from ..search.backends import SearchFilter, item_key
from ..search.index import Index
from . import bilingual
from .query import QueryIntent, Vocabulary, content_terms, understand, verb_family
from .wording import say


@dataclass
class Filters:
    """Explicit filters from the API, CLI or UI; merged with those recognised in the question."""

    cities: list[str] = field(default_factory=list)
    meeting: int | None = None
    date_from: str | None = None
    date_to: str | None = None
    departments: list[str] = field(default_factory=list)


@dataclass
class ItemHit:
    doc_id: str
    meeting: Meeting
    item: AgendaItem
    score: float
    passage: str  # best-matching passage text
    dense: float = 0.0
    lexical: float = 0.0

    @property
    def citation(self) -> str:
        return citation_label(
            self.meeting.city_full,
            self.meeting.meeting,
            self.meeting.shown_date,
            self.item.item,
        )


@dataclass
class RetrievalResult:
    question: str
    intent: QueryIntent
    hits: list[ItemHit]
    matched_meetings: int
    mode: str
    structured: bool = False  # answered from parsed structure (lists, filters), not similarity alone
    query_vector: np.ndarray | None = None  # the question's embedding, reused to score answer sentences
    # 哪几次会议研究了…: the items ranked after the top k, from which the list of meetings is drawn
    # (a topic three meetings took up need not have all three among the five best items)
    more: list[ItemHit] = field(default_factory=list)


class Retriever:
    """Scores every passage with vectorised numpy; Python loops only touch the few candidates."""

    def __init__(self, index: Index, config: Config):
        self.index = index
        self.config = config
        self.refresh()

    def refresh(self) -> None:
        """Re-read the index after an ingest."""
        self.index.load()
        self.meetings = self.index.meetings()
        self.doc_ids = list(self.meetings)
        doc_pos = {doc_id: i for i, doc_id in enumerate(self.doc_ids)}
        self.vocab = Vocabulary.from_meetings(list(self.meetings.values()))
        table = self.index.passage_table()
        self.pids = np.array(sorted(table), dtype=np.int64)
        self.pid_pos = {int(p): i for i, p in enumerate(self.pids)}
        self.p_doc = np.array([doc_pos[table[int(p)][0]] for p in self.pids], dtype=np.int64)
        self.p_item = np.array([table[int(p)][1] for p in self.pids], dtype=np.int64)
        self.p_text = [table[int(p)][2] for p in self.pids]
        self.items = _ItemTable.build(self.meetings, self.doc_ids)
        self.p_itemrow = np.array(
            [self.items.row[(int(d), int(n))] for d, n in zip(self.p_doc, self.p_item)], dtype=np.int64
        )
        self.df = _DocumentFrequencies(self.index.search)
        self.idf = _Idf(self.df, len(self.pids))

    def _key(self, pos: int) -> tuple[str, int]:
        return self.doc_ids[int(self.p_doc[pos])], int(self.p_item[pos])

    # ------------------------------------------------------------------ search
    def search(
        self,
        question: str,
        k: int | None = None,
        filters: Filters | None = None,
        mode: str = "hybrid",
        query_vector: np.ndarray | None = None,
    ) -> RetrievalResult:
        k = k or self.config.retrieval.top_k
        original, question = question, to_simplified(question)  # traditional-script questions search the same
        intent = understand(question, self.vocab)
        _merge_filters(intent, filters or Filters())
        doc_ok = self._allowed_docs(intent)
        if not doc_ok.any():
            return RetrievalResult(original, intent, [], 0, mode)
        item_ok = self._allowed_items(intent, doc_ok)
        mask = self._passage_mask(doc_ok, item_ok)
        where = self._search_filter(intent, item_ok)
        limit = self.config.retrieval.structured_item_limit
        allowed_items = self._item_keys(item_ok) if item_ok is not None and item_ok.sum() <= limit else None
        precise = bool(intent.departments or intent.routing or intent.item or intent.meeting is not None)
        # one meeting named another way (北京市政府11月29日…), asked what it did (研究了哪些文件)
        # or its agenda (廊坊市常务会议研究了哪些事项: the place's only meeting)
        asks_it = bool(intent.verbs) or intent.asks_agenda
        precise |= asks_it and intent.has_meeting_filters and int(doc_ok.sum()) == 1
        # …or the only meeting of the place whose items the verb picks (青海省政府常务会议审议了哪些报告)
        precise |= bool(intent.verbs and intent.cities) and _one_meeting(self.items.doc, item_ok)
        structured = bool(intent.wants_list and precise and not intent.meeting_level)
        if query_vector is None and mode in ("hybrid", "dense"):
            query_vector = self.index.embedder.encode_queries([question])[0]
        item_scores, best_passage, parts = self._score_items(
            question, intent, mask, where, mode, query_vector, all_candidates=structured
        )
        wider: list[tuple[str, int]] = []
        if structured and allowed_items is not None and len(allowed_items) <= limit:
            ranked = sorted(allowed_items, key=lambda key: (self.meetings[key[0]].date or "", key[0], key[1]))
            ranked = [key for key in ranked if key[1] > 0 or len(ranked) == 1]
        else:
            ranked = sorted(
                (key for key, score in item_scores.items() if score > 0), key=lambda key: -item_scores[key]
            )
            if not structured and intent.lists_meetings:
                wider = ranked[k:limit]
            ranked = ranked[: max(k, len(ranked)) if structured and len(ranked) <= limit else k]
            if structured:
                ranked.sort(key=lambda key: (self.meetings[key[0]].date or "", key[0], key[1]))
                ranked = _items_not_overviews(ranked)
        if intent.meeting_level and intent.meeting is not None and ranked and ranked[0][1] != 0:
            ranked = _overview_first(ranked)
        elif intent.meeting_level and intent.meeting is None and ranked:
            ranked = _topical_overview_first(ranked, item_scores)
        hits = self._item_hits(ranked, item_scores, best_passage, parts)
        more = self._item_hits(wider, item_scores, best_passage, parts)
        if hits and hits[0].doc_id in intent.unplaced_searched:
            words = "、".join(sorted(_places_named(intent)))
            intent.notices.append(say(intent.lang, "place_mentioned_searched", places=words))
        return RetrievalResult(
            original, intent, hits, int(doc_ok.sum()), mode, structured, query_vector, more
        )

    def _item_hits(self, keys, item_scores, best_passage, parts) -> list[ItemHit]:
        """The ranked (meeting, item) keys as hits carrying their best passage and score parts."""
        hits = []
        for doc_id, number in keys:
            meeting = self.meetings[doc_id]
            item = meeting.item_by_number(number)
            passage = best_passage.get((doc_id, number)) or item.text[:400]
            dense, lexical = parts.get((doc_id, number), (0.0, 0.0))
            score = item_scores.get((doc_id, number), 0.0)
            hits.append(ItemHit(doc_id, meeting, item, score, passage, dense, lexical))
        return hits

    def meetings_named(self, intent: QueryIntent) -> list[ItemHit]:
        """Every minute the question's meeting filters (place, chair, dates) let through, as its
        会议概况 — '临沭县开过哪几次常务会议' asks for all of them, not the ones whose items ranked."""
        ok = self._allowed_docs(copy.deepcopy(intent))  # the notices it adds are the search's to give
        return [
            ItemHit(doc_id, self.meetings[doc_id], self.meetings[doc_id].items[0], 1.0, "")
            for doc_id, allowed in zip(self.doc_ids, ok)
            if allowed and self.meetings[doc_id].items
        ]

    def _allowed_docs(self, intent: QueryIntent) -> np.ndarray:
        ok = np.ones(len(self.doc_ids), dtype=bool)
        if not intent.has_meeting_filters:
            return ok
        named = np.array([_named_by(self.meetings[doc_id], intent) for doc_id in self.doc_ids], dtype=bool)
        # a district searched through its city (闽侯县 → 福州) whose own minutes print its name come first
        own = self._printed_as_named(intent, set(map(places.short_name, intent.inside_places)))
        if own.any() or not named.any() and (own := self._printed_as_named(intent)).any():
            named = own  # the parser misread a place or number the minute prints: trust the print
            intent.notices[:] = [n for n in intent.notices if n not in _parent_city_notices(intent)]
            words = "、".join(intent.filter_words)
            intent.notices.append(say(intent.lang, "printed_identity_used", words=words))
            intent.printed_as_named, intent.unknown_places = True, []
        elif not named.any() and (mentioned := self._unplaced_mentioning(intent)).any():
            named = mentioned  # a minute naming no government, numbered as asked, printing the place
            words = "、".join(sorted(_places_named(intent)))
            intent.notices.append(say(intent.lang, "place_mentioned_used", places=words))
            intent.printed_as_named, intent.unknown_places = True, []
        elif (
            _asks_topic_of_place(intent)
            and (extra := self._unplaced_mentioning(intent, False) & ~named).any()
        ):
            named |= extra  # 繁昌区对文旅融合有什么要求: also the district paper's reports mentioning 繁昌
            intent.printed_as_named = True  # the backend filters parsed places: it gets the items
            intent.unplaced_searched = [doc_id for doc_id, found in zip(self.doc_ids, extra) if found]
        yearless = undated = 0
        for pos, doc_id in enumerate(self.doc_ids):
            meeting = self.meetings[doc_id]
            if not named[pos]:
                ok[pos] = False
            elif (intent.date_from or intent.date_to) and intent.meeting is not None and not meeting.date:
                undated += (
                    1  # '马尾区2022年第14次常务会议' of a report printing no date: nothing contradicts it
                )
            elif (intent.date_from or intent.date_to) and meeting.year_missing:
                ok[pos] = False  # its year is unknown: it cannot be placed in the range (and is said so)
                yearless += 1
            elif intent.date_from and (not meeting.date or meeting.date < intent.date_from):
                ok[pos] = False
            elif intent.date_to and (not meeting.date or meeting.date > intent.date_to):
                ok[pos] = False
        if yearless:
            intent.notices.append(say(intent.lang, "yearless_not_filtered", n=yearless))
        if undated:
            intent.notices.append(say(intent.lang, "undated_kept", n=undated))
            intent.dates_unchecked = True  # the backends must not drop it by its empty date either
        return ok

    def _printed_as_named(self, intent: QueryIntent, named_places: set[str] | None = None) -> np.ndarray:
        """Minutes whose own title, header or opening prints the place (and the number) the question
        names, when no parsed minute matches: a page the parser misread (县政府第60次常务会议 under
        '第05版:鹿邑新闻' read as another place) is still found by what it prints.

        A place must be named: a bare number is printed in conveyed speeches too (国务院第60次常务会议).
        """
        named_places = _places_named(intent) if named_places is None else named_places
        found = np.zeros(len(self.doc_ids), dtype=bool)
        if not named_places:
            return found
        for pos, doc_id in enumerate(self.doc_ids):
            printed = _printed_identity(self.meetings[doc_id])
            found[pos] = (
                any(place in printed for place in named_places)
                and all(chair in printed for chair in intent.chairs)
                and (intent.meeting is None or intent.meeting in _own_meeting_numbers(printed))
            )
        return found

    def _unplaced_mentioning(self, intent: QueryIntent, by_number: bool = True) -> np.ndarray:
        """Minutes the parser could place nowhere that carry the number (and chair) asked and print
        the place somewhere ('…推动繁昌文旅高质量发展' in a newspaper's '区政府召开第85次常务会议'): a
        district paper rarely names its own district. A place printed in passing names no meeting by
        itself, so without a number (by_number=False) they are only searched beside the place's own
        minutes for a topic, and an answer drawn from them says so."""
        found = np.zeros(len(self.doc_ids), dtype=bool)
        named_places = _places_named(intent)
        if not named_places or by_number and intent.meeting is None:
            return found
        for pos, doc_id in enumerate(self.doc_ids):
            meeting = self.meetings[doc_id]
            if meeting.city is not None or by_number and meeting.meeting != intent.meeting:
                continue
            if intent.chairs and meeting.chair not in intent.chairs:
                continue
            found[pos] = any(place in meeting.items_text for place in named_places)
        return found

    def _allowed_items(self, intent: QueryIntent, doc_ok: np.ndarray) -> np.ndarray | None:
        """Boolean mask over items passing item-level filters; None when there are none.

        Vectorised over the item table built at refresh: verb families as an array,
        departments and routing phrases as lists of item positions per distinct value.
        """
        # a chair names meetings by person, a month and day without a year by day: the backend gets
        # them as item keys (it filters places and date ranges, not people or days of any year)
        if (
            not intent.has_item_filters
            and not intent.chairs
            and not intent.month_day
            and not (intent.wants_list and intent.meeting is not None)
            and not intent.printed_as_named  # the backend filters parsed places: give it the items
        ):
            return None
        t = self.items
        ok = doc_ok[t.doc].copy()
        if intent.has_item_filters:  # 会议概况 only where its opening did what the question asks (a list
            # asked of it is answered from the opening by the list's own path: 纪要开头列出…)
            opened = np.isin(t.acted, intent.verbs) & (not intent.wants_list)
            ok &= (t.number > 0) | ((t.number == 0) & opened)
        if intent.item:
            ok &= t.number == intent.item
        if intent.departments:
            ok &= _positions_mask(
                len(t.number),
                (
                    idx
                    for org, idx in t.by_org.items()
                    if any(org in d or d in org for d in intent.departments)
                ),
            )
        if intent.verbs:
            by_verb = ok & (np.isin(t.verb, intent.verbs) | np.isin(t.acted, intent.verbs))
            # '吉林市第八次常务会议研究审议了哪些事项' of a report whose items open 研究审议: for a meeting
            # named by place and number, or the one meeting its place or chair names ('钢城区政府常务会议
            # 研究了哪些事项' of items that open 听取), the verb narrows its items, never empties them — and
            # a report parsed into no items answers from its overview
            named = intent.meeting is not None and bool(intent.cities) and not intent.unknown_places
            named |= (  # or the one meeting held of that number ('市政府第108次常务会议研究了哪些工作')
                int(doc_ok.sum()) == 1
                and bool(intent.cities or intent.chairs or intent.meeting is not None)
                and not intent.unknown_places
            )
            named |= intent.umbrella_verb  # '宿迁市历次常务会议都研究了哪些工作': whatever they opened with
            ok = by_verb if by_verb.any() or not named else (ok if ok.any() else doc_ok[t.doc].copy())
        if intent.exclude_verbs:
            ok &= ~np.isin(t.verb, intent.exclude_verbs)
        if intent.routing:
            ok &= _positions_mask(
                len(t.number),
                (idx for routing, idx in t.by_routing.items() if any(r in routing for r in intent.routing)),
            )
        if intent.doc_kinds:
            ok = self._of_doc_kinds(ok, intent.doc_kinds)
        return ok

    def _of_doc_kinds(self, ok: np.ndarray, kinds: list[str]) -> np.ndarray:
        """'审议通过了哪些实施意见': the items whose heading names that kind of document — when some do;
        the items stay as they are otherwise (a kind the headings never print narrows nothing)."""
        t = self.items
        narrowed = ok.copy()
        for pos in np.flatnonzero(ok):
            heading = self.meetings[self.doc_ids[int(t.doc[pos])]].item_by_number(int(t.number[pos])).heading
            narrowed[pos] = any(kind in heading for kind in kinds)
        return narrowed if narrowed.any() else ok

    def _item_keys(self, ok: np.ndarray) -> list[tuple[str, int]]:
        return [(self.doc_ids[d], int(n)) for d, n in zip(self.items.doc[ok], self.items.number[ok])]

    def _search_filter(self, intent: QueryIntent, item_ok: np.ndarray | None) -> SearchFilter | None:
        """The same filters for the search backend (Milvus: an expression evaluated before scoring)."""
        keys = None if item_ok is None else tuple(item_key(doc, n) for doc, n in self._item_keys(item_ok))
        printed = intent.printed_as_named  # found by what it prints: its parsed place or number differ
        where = SearchFilter(
            () if printed else tuple(intent.cities),
            bool(intent.unknown_places and not intent.cities),
            None if printed else intent.meeting,
            None if intent.dates_unchecked else intent.date_from,
            None if intent.dates_unchecked else intent.date_to,
            keys,
        )
        return None if where.is_empty else where

    def _passage_mask(self, doc_ok: np.ndarray, item_ok: np.ndarray | None) -> np.ndarray:
        mask = doc_ok[self.p_doc]
        return mask if item_ok is None else mask & item_ok[self.p_itemrow]

    def _score_items(
        self,
        question: str,
        intent: QueryIntent,
        mask: np.ndarray,
        where: SearchFilter | None,
        mode: str,
        query_vector: np.ndarray | None,
        all_candidates: bool = False,
    ):
        tokens = self.index.tokenizer.tokenize(question)
        dense = np.zeros(len(self.pids), dtype=np.float32)
        scored = mask
        lexical = np.zeros(len(self.pids), dtype=np.float32)
        if mode in ("hybrid", "dense"):
            dense, scored = self._dense_scores(question, mask, where, query_vector)
        if mode in ("hybrid", "lexical") and tokens:
            asked = _without_filter_words(tokens, intent)  # the filter already holds the place and number
            lexical, _ = self._as_array(self.index.search.lexical(asked, self._depth, where), mask)
        fused = self._fuse(dense, lexical, mask, scored, mode)
        candidates = self._candidates(fused, lexical, mask, where, tokens, all_candidates)
        fused_c = fused[candidates] + self._boosts(intent, tokens, candidates)
        item_scores: dict[tuple[str, int], float] = {}
        best_passage: dict[tuple[str, int], str] = {}
        parts: dict[tuple[str, int], tuple[float, float]] = {}
        for pos, score in zip(candidates, fused_c):
            key = self._key(pos)
            if score > item_scores.get(key, -1e9):
                item_scores[key] = float(score)
                best_passage[key] = self.p_text[pos]
                parts[key] = (float(dense[pos]), float(lexical[pos]))
        if not intent.meeting_level:
            _overview_yields(item_scores, parts, self.config.retrieval.overview_yield)
        return item_scores, best_passage, parts

    def _candidates(
        self,
        fused: np.ndarray,
        lexical: np.ndarray,
        mask: np.ndarray,
        where: SearchFilter | None,
        tokens: list[str],
        all_candidates: bool,
    ) -> np.ndarray:
        """Top passages by fused score, plus every passage holding a rare query term."""
        allowed = np.flatnonzero(mask)
        limit = max(300, 40 * self.config.retrieval.top_k)
        if all_candidates or len(allowed) <= limit:
            return allowed
        top = allowed[np.argpartition(-fused[allowed], limit)[:limit]]
        rare = self._rare_terms(tokens)
        if rare:
            rare_scores, _ = self._as_array(self.index.search.lexical(rare, self._depth, where), mask)
            rare_hits = np.flatnonzero(rare_scores > 0)
            top = np.union1d(top, rare_hits)
        return top

    @property
    def _depth(self) -> int:
        """Passages fetched from each side of the backend: every allowed one on small archives,
        the best `candidates × depth_factor` on large ones (the same depth on every backend)."""
        return max(self.config.retrieval.candidates * self.config.retrieval.depth_factor, 1)

    def _as_array(self, hits: list[tuple[int, float]], mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """A backend's (pid, score) list as a score array over the retriever's passage positions."""
        scores = np.zeros(len(self.pids), dtype=np.float32)
        scored = np.zeros(len(self.pids), dtype=bool)
        for pid, score in hits:
            pos = self.pid_pos.get(pid)
            if pos is not None and mask[pos]:
                scores[pos], scored[pos] = score, True
        return scores, scored

    def _dense_scores(
        self, question: str, mask: np.ndarray, where: SearchFilter | None, query_vector: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """The backend's dense top passages under the filter; returns the scores and the mask of
        positions that were actually scored."""
        return self._as_array(self.index.search.dense(query_vector, self._depth, where), mask)

    def _fuse(
        self, dense: np.ndarray, lexical: np.ndarray, mask: np.ndarray, scored: np.ndarray, mode: str
    ) -> np.ndarray:
        cfg = self.config.retrieval
        if mode == "dense":
            return np.where(mask, dense, 0.0).astype(np.float32)
        if mode == "lexical":
            return np.where(mask, lexical, 0.0).astype(np.float32)
        if cfg.fusion == "rrf":
            fused = _rrf(dense, scored, cfg.rrf_k) + _rrf(lexical, mask & (lexical > 0), cfg.rrf_k)
            return np.where(mask, fused, 0.0).astype(np.float32)
        d = _scaled_to_best(dense, scored, cfg.dense_min_spread)
        top_lex = lexical[mask].max() if mask.any() else 0.0
        lex = lexical / top_lex if top_lex > 0 else np.zeros_like(lexical)
        return np.where(
            mask, cfg.dense_weight * np.where(scored, d, 0.0) + cfg.lexical_weight * lex, 0.0
        ).astype(np.float32)

    def _boosts(self, intent: QueryIntent, tokens: list[str], candidates: np.ndarray) -> np.ndarray:
        """Structure-aware nudges: quoted terms and titles, rare corpus terms, meeting-level questions → item 0."""
        cfg = self.config.retrieval
        boost = np.zeros(len(candidates), dtype=np.float32)
        rare = self._rare_terms(_without_filter_words(tokens, intent))  # 盐都 named the filter, no topic
        if intent.lang == "en":  # English words match no Chinese passage lexically: their translations do
            boost += cfg.en_dictionary_boost * self._translated_share(intent, candidates)
        for slot, pos in enumerate(candidates):
            doc_id, number = self._key(pos)
            if intent.quoted:
                item = self.meetings[doc_id].item_by_number(number)
                haystack = (item.heading + item.text).replace(" ", "")
                hit = sum(1 for q in intent.quoted if q.replace(" ", "") in haystack)
                boost[slot] += cfg.quoted_boost * hit / len(intent.quoted)
            if intent.meeting_level and number == 0:
                boost[slot] += cfg.meeting_level_boost
            if rare:
                text = self.p_text[pos]
                boost[slot] += cfg.rare_term_boost * sum(1 for term in rare if term in text) / len(rare)
        return boost

    def _translated_share(self, intent: QueryIntent, candidates: np.ndarray) -> np.ndarray:
        """For an English question, the share of its topic words the dictionary translates that occur,
        in some translation, in each candidate passage: the lexical evidence BM25 cannot give across
        languages ('main task' → 主要任务 in the chair's remarks, not in the items' headings)."""
        known = bilingual.translations(bilingual.english_topic_words(intent.text, intent.filter_words))
        return np.array(
            [bilingual.share_translated(known, self.p_text[pos]) for pos in candidates], dtype=np.float32
        )

    def _rare_terms(self, tokens: list[str]) -> list[str]:
        """Query words found in only a few passages (“放管服”, a name): exact evidence dense fusion would bury."""
        limit = max(3, int(self.config.retrieval.rare_term_share * len(self.pids)))
        known = self.index.tokenizer.user_term_set
        return [
            t
            for t in dict.fromkeys(tokens)
            if len(t) >= 2 and 0 < self.df.get(t, 0) <= limit and (t in known or t.isascii())
        ]

    # ------------------------------------------------------------------ answerability signals
    def coverage(self, intent: QueryIntent, hit: ItemHit) -> float:
        """IDF-weighted share of the question's topic words found in the item's text.

        A word no minute holds (烟花爆竹 when no minute is about fireworks) weighs as BM25 weighs it,
        the most: an item that shares only the question's common words does not cover it."""
        terms = content_terms(self.index.tokenizer.tokenize(intent.text), intent)
        return self.share_of_terms(terms, hit.item.heading + hit.item.text)

    def share_of_terms(self, terms: list[str], text: str) -> float:
        """IDF-weighted share of `terms` that occur in `text` (1.0 when there are none to look for); a
        term no passage holds may occur as the words it abbreviates. Title and quotation marks split
        no words: '2024年《政府工作报告》' holds 2024年政府工作报告."""
        if not terms:
            return 1.0
        text = MARKS_IN_WORDS_RE.sub("", text)
        weights = [self.idf.get(t, self.idf.unseen) for t in terms]
        held = [t in text or (not self.idf.df.get(t) and abbreviates(t, text)) for t in terms]
        return sum(w for w, found in zip(weights, held) if found) / sum(weights)


MARKS_IN_WORDS_RE = re.compile(r"[ 《》〈〉“”]")


def abbreviates(term: str, text: str, span: int = 8) -> bool:
    """Whether a two-character term is the short form of words in `text` (创卫 of 创建国家卫生县城,
    扫黑 of 扫黑除恶): its characters in order, the second within `span` characters of the first.
    Chinese abbreviations take one character from each word of the full name."""
    if len(term) != 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in term):
        return False
    return (
        re.search(f"{re.escape(term[0])}[\u4e00-\u9fff]{{1,{span - 2}}}{re.escape(term[1])}", text)
        is not None
    )


@dataclass
class _ItemTable:
    """Every agenda item as arrays, so item-level filters are numpy operations, not loops over items."""

    doc: np.ndarray
    number: np.ndarray
    verb: np.ndarray
    acted: np.ndarray  # the verb of a later clause of the heading ('传达…精神,听取…汇报' → 听取), or ''
    by_org: dict[str, np.ndarray]
    by_routing: dict[str, np.ndarray]
    row: dict[tuple[int, int], int]

    @classmethod
    def build(cls, meetings: dict[str, Meeting], doc_ids: list[str]) -> _ItemTable:
        docs, numbers, verbs, acted = [], [], [], []
        by_org: dict[str, list[int]] = {}
        by_routing: dict[str, list[int]] = {}
        for doc_pos, doc_id in enumerate(doc_ids):
            for item in meetings[doc_id].items:
                position = len(numbers)
                docs.append(doc_pos)
                numbers.append(item.item)
                verbs.append(verb_family(item.verb) or "")
                acted.append(_later_clause_verb(item.heading) or _opening_verb(meetings[doc_id], item))
                for org in {r.org for r in item.reporters if r.org}:
                    by_org.setdefault(org, []).append(position)
                by_routing.setdefault(" ".join(item.routing), []).append(position)
        row = {(d, n): i for i, (d, n) in enumerate(zip(docs, numbers))}
        as_array = lambda groups: {k: np.array(v, dtype=np.int64) for k, v in groups.items()}  # noqa: E731
        return cls(
            np.array(docs, dtype=np.int64),
            np.array(numbers, dtype=np.int64),
            np.array(verbs, dtype=object),
            np.array(acted, dtype=object),
            as_array(by_org),
            as_array(by_routing),
            row,
        )


def _later_clause_verb(heading: str) -> str:
    """The verb family opening a later clause of a heading: an item that conveys a meeting's spirit
    and then hears a report ('传达了…会议精神,听取全区财政运行情况的汇报') answers 听取了哪些汇报 too."""
    for clause in re.split(r"[,，]", heading)[1:]:
        if re.search(r"贯彻|貫徹|落实|落實", clause):  # '…精神,研究我市贯彻落实意见' follows up the spirit
            continue
        if verb := clauses.clause_verb(clause):
            return verb_family(verb) or ""
    return ""


def _opening_verb(meeting: Meeting, item: AgendaItem) -> str:
    """会议概况's verb, when its opening says the meeting heard or reviewed what no item took apart
    ('…,听取2024年民生实事项目完成情况的汇报' of a report itemised only by its remarks): 听取了什么汇报
    of that meeting is answered by the overview, not by a remark."""
    if item.item != 0:
        return ""
    verbs = clauses.unitemised_opening_verbs(meeting)
    return next((verb_family(v) for v in reversed(verbs) if verb_family(v)), "")


def _positions_mask(size: int, groups) -> np.ndarray:
    mask = np.zeros(size, dtype=bool)
    for positions in groups:
        mask[positions] = True
    return mask


class _DocumentFrequencies:
    """df lookups asked of the search backend on demand (no pass over the corpus at load)."""

    def __init__(self, backend):
        self.backend = backend

    def get(self, token: str, default: int = 0) -> int:
        return self.backend.document_frequency(token) or default


class _Idf:
    """BM25 idf, log(1 + (N - df + 0.5) / (df + 0.5)), for tokens that occur; `default` otherwise."""

    def __init__(self, df: _DocumentFrequencies, n: int):
        self.df, self.n = df, max(1, n)

    @property
    def unseen(self) -> float:
        """BM25's idf of a word no passage holds (df = 0): the rarest a word can be."""
        return math.log(1 + (self.n + 0.5) / 0.5)

    def get(self, token: str, default: float = 0.0) -> float:
        count = self.df.get(token)
        return math.log(1 + (self.n - count + 0.5) / (count + 0.5)) if count else default


def _overview_first(ranked: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """When was / who chaired the 2nd meeting: the named meeting's 会议概况 answers, whatever item its
    words happened to match best (an item that names '2013年度' outranked the overview once)."""
    overview = (ranked[0][0], 0)
    if overview not in ranked:
        return ranked
    return [overview, *(key for key in ranked if key != overview)]


def _topical_overview_first(
    ranked: list[tuple[str, int]], item_scores: dict[tuple[str, int], float]
) -> list[tuple[str, int]]:
    """'When did Tongcheng hold its meeting on living on a tight budget?' with 桐城 and 通城 both held:
    the overviews of two meetings compete on the meeting's words alone, so the meeting whose own item
    is about the question's topic (the best item that is not an overview) answers first."""
    overviews = [key for key in ranked if key[1] == 0]
    topical = [key for key in ranked if key[1] != 0]
    if len({doc for doc, _ in overviews}) < 2 or not topical:
        return ranked
    best_doc = max(topical, key=lambda key: item_scores.get(key, 0.0))[0]
    if (best_doc, 0) not in overviews or ranked[0] == (best_doc, 0):
        return ranked
    return [(best_doc, 0), *(key for key in ranked if key != (best_doc, 0))]


def _merge_filters(intent: QueryIntent, filters: Filters) -> None:
    """Explicit filters narrow the question — unless the question names another place or meeting.

    Then the question wins (it is what the user just asked) and a notice says so, rather
    than answering silently from the filter's unrelated minutes.
    """
    if filters.cities and intent.cities and not set(intent.cities) & set(filters.cities):
        side, asked = "、".join(filters.cities), "、".join(intent.cities)
        intent.notices.append(say(intent.lang, "filter_place_overruled", side=side, asked=asked))
    elif filters.cities:
        intent.cities = list(
            dict.fromkeys([*filters.cities, *[c for c in intent.cities if c in filters.cities]])
        )
    if filters.meeting is not None and intent.meeting is not None and filters.meeting != intent.meeting:
        intent.notices.append(
            say(intent.lang, "filter_meeting_overruled", side=filters.meeting, asked=intent.meeting)
        )
    elif filters.meeting is not None:
        intent.meeting = filters.meeting
    if filters.date_from:
        intent.date_from = max(filters.date_from, intent.date_from or filters.date_from)
    if filters.date_to:
        intent.date_to = min(filters.date_to, intent.date_to or filters.date_to)
    for department in filters.departments:
        if department not in intent.departments:
            intent.departments.append(department)


def _scaled_to_best(values: np.ndarray, mask: np.ndarray, min_spread: float) -> np.ndarray:
    """Min-max scaling with the best at 1 and a floor on the spread: cosines of a few items of one
    meeting differ by hundredths, which plain min-max would stretch from 0 to 1."""
    if not mask.any():
        return np.zeros_like(values)
    lo, hi = float(values[mask].min()), float(values[mask].max())
    spread = max(hi - lo, min_spread, 1e-9)
    return np.clip(1.0 - (hi - values) / spread, 0.0, 1.0).astype(np.float32)


def _rrf(scores: np.ndarray, mask: np.ndarray, k: int) -> np.ndarray:
    out = np.zeros_like(scores)
    order = [i for i in np.argsort(-scores) if mask[i]]
    for rank, pos in enumerate(order, 1):
        out[pos] = 1.0 / (k + rank)
    return out


def _items_not_overviews(keys: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """A listed meeting's items without its 会议概况, which is no agenda item; kept for a meeting
    listed by nothing else (its opening is where the topic was found)."""
    with_items = {doc for doc, number in keys if number > 0}
    return [(doc, number) for doc, number in keys if number > 0 or doc not in with_items]


def _one_meeting(item_docs: np.ndarray, item_ok: np.ndarray | None) -> bool:
    """Whether the items a filter lets through all belong to one meeting."""
    return item_ok is not None and bool(item_ok.any()) and len(np.unique(item_docs[item_ok])) == 1


def _overview_yields(
    item_scores: dict[tuple[str, int], float], parts: dict[tuple[str, int], tuple[float, float]], share: float
) -> None:
    """会议概况 (item 0) names every topic in its opening, so it often outscores the item that is about
    the topic; for a question about a topic, an item of the same meeting scoring at least `share` of
    the overview's score is the better citation and ranks just above it — when it holds some of the
    question's words too, if the overview does (dense cosines alone barely tell a meeting's items
    apart: '审定《…林业规划》' is no better citation for 锰行业的综合整治 than the overview printing it)."""
    worded_overviews = {doc for (doc, number), (_, lexical) in parts.items() if number == 0 and lexical > 0}
    best: dict[str, float] = {}
    for (doc, number), score in item_scores.items():
        if number > 0 and (parts[(doc, number)][1] > 0 or doc not in worded_overviews):
            best[doc] = max(best.get(doc, 0.0), score)
    for (doc, number), score in list(item_scores.items()):
        if number == 0 and doc in best and best[doc] < score and best[doc] >= share * score:
            item_scores[(doc, 0)] = best[doc] * 0.99


def _without_filter_words(tokens: list[str], intent: QueryIntent) -> list[str]:
    """The question's words less those that named its filters (秀山县, 第6次): every minute left is of
    that place and number, so an item printing the place's name again ('审定《秀山县林业…》') must not
    outrank the one that answers."""
    if not intent.has_meeting_filters:
        return tokens
    kept = [t for t in tokens if not any(t in words for words in intent.filter_words)]
    return kept or tokens


def _named_by(meeting: Meeting, intent: QueryIntent) -> bool:
    """Whether a minute's parsed place, chair, number and day are those the question names."""
    if intent.cities and meeting.city not in intent.cities:
        return False
    if intent.chairs and meeting.chair not in intent.chairs:
        return False
    if intent.unknown_places and meeting.city is not None:  # only minutes of unnamed place can match
        return False
    if intent.meeting is not None and meeting.meeting != intent.meeting:
        return False
    return not intent.month_day or meeting.month_day == intent.month_day


def _parent_city_notices(intent: QueryIntent) -> list[str]:
    """The '…已按其所属的〔福州市〕的纪要检索' notices, withdrawn when the district's own minutes are found."""
    return [n for n in intent.notices if any(name in n for name in intent.inside_places)]


def _asks_topic_of_place(intent: QueryIntent) -> bool:
    """A topic asked of a place alone (繁昌区对文旅融合有什么要求), no meeting, chair, day or kind of
    item named: the question picks its item by topic words, wherever the place's reports were filed."""
    return intent.meeting is None and not (
        intent.chairs or intent.month_day or intent.has_item_filters or intent.meeting_level
    )


def _places_named(intent: QueryIntent) -> set[str]:
    """The places the question names, in Chinese short form (鹿邑县 → 鹿邑), as a minute would print them."""
    gazetteer = places.gazetteer()
    names = [
        *intent.cities,
        *intent.unknown_places,
        *(w for w in intent.filter_words if gazetteer.is_place(w)),
    ]
    return {places.short_name(name) for name in names if re.fullmatch(r"[\u4e00-\u9fff]{2,}", name)}


HELD_SENTENCE_RE = re.compile(r"[^。\n]*(?:主持召开|召开)[^。\n]*常务会[^。\n]*")


def _printed_identity(meeting: Meeting) -> str:
    """What the minute prints about which meeting it is, and any sentence of its body that opens a
    meeting ('又讯 5月29日,…主持召开…2025年第17次常务会议': a report that carries a second one)."""
    body = "\n".join(item.text for item in meeting.items if item.item > 0)
    return "\n".join([meeting.printed_identity, *HELD_SENTENCE_RE.findall(body)])


# the parser's conveying verbs (传达|学习|贯彻), or the State Council or a Party congress, just before
CONVEYED_BEFORE_RE = re.compile(rf"(?:{rules.CONVEYING_RE.pattern}|国务院|党代会)[^。]{{0,12}}$")


def _own_meeting_numbers(text: str) -> set[int]:
    """Meeting numbers a minute prints of itself (第60次常务会议), not those of a speech it conveys."""
    numbers = set()
    for found in rules.MEETING_NUMBER_RE.finditer(text):
        if "国务院" in found.group(0) or CONVEYED_BEFORE_RE.search(text[: found.start("num")]):
            continue
        for group in ("num", "alt"):  # 2024年第6次(5届51次): the year's count and the term's
            if found.group(group) and (number := rules.numeral_to_int(found.group(group))) is not None:
                numbers.add(number)
    return numbers
