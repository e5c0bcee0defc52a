"""Lexical side: jieba tokens with a corpus user dictionary, scored by BM25.

BM25 (Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and
Beyond", 2009), computed by `bm25s` (eager sparse scoring). Dense retrieval is
weak on exact rare terms (“放管服”, names, 《titles》) and on characters the
embedding model maps to <unk> (頵, 弇 in attendance lists); this side keeps them.
The user dictionary is built from the corpus — document titles, departments,
quoted terms such as “河长制” — so jieba keeps them whole; `cut_for_search` still
emits their parts, so a query for a part of a title matches too.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from ..models import Meeting

STOPWORDS = set(
    "的 了 和 与 及 等 在 是 对 将 要 由 为 把 被 之 其 或 并 也 而 于 上 中 下 有 个 这 那 哪 哪些 什么 多少 如何 怎么 "
    "怎样 吗 呢 么 谁 哪个 哪次 哪位 几 几个 是否 请问 关于 一下 提出 方面 情况 会议 议题 次 第 市 年 月 日 "
    "what which who when how the a an of in on for to and was were is are did does do by at with from".split()
)
TOKEN_RE = re.compile(r"[\u4e00-\u9fff]|[A-Za-z0-9]")
log = logging.getLogger(__name__)
_JIEBA_LOCK = threading.Lock()


def corpus_terms(meetings: Iterable[Meeting]) -> set[str]:
    """Words jieba should keep whole: titles, departments, reporters, “quoted terms”."""
    terms: set[str] = set()
    for meeting in meetings:
        for value in (meeting.city_full, meeting.city, meeting.chair):
            if value:
                terms.add(value)
        for item in meeting.items:
            terms.update(t for t in item.document_titles if 2 <= len(t) <= 40)
            for reporter in item.reporters:
                terms.update(v for v in (reporter.org, reporter.person) if v and len(v) >= 2)
            terms.update(q for q in re.findall(r"[“\"]([^”\"]{2,10})[”\"]", item.text))
        for names in meeting.attendance.values():
            terms.update(n for n in names if 2 <= len(n) <= 4)
    return {t.replace(" ", "") for t in terms if t and not re.search(r"\s", t.strip())}


class ChineseTokenizer:
    """jieba (search mode) with a private dictionary; one instance per index."""

    def __init__(self, user_terms: Iterable[str] = ()):
        import jieba

        jieba.setLogLevel(logging.WARNING)
        self._jieba = jieba.Tokenizer()
        self.user_terms = sorted(set(user_terms))
        self.user_term_set = {t.lower() for t in self.user_terms}
        for term in self.user_terms:
            self._jieba.add_word(term, freq=2000)

    def add_terms(self, terms: Iterable[str]) -> None:
        for term in terms:
            if term.lower() not in self.user_term_set:
                self._jieba.add_word(term, freq=2000)
                self.user_terms.append(term)
                self.user_term_set.add(term.lower())
        self.user_terms.sort()

    def tokenize(self, text: str) -> list[str]:
        with _JIEBA_LOCK:
            words = list(self._jieba.cut_for_search(text))
        tokens = []
        for word in words:
            word = word.strip().lower()
            if not word or word in STOPWORDS or not TOKEN_RE.search(word):
                continue
            tokens.append(word)
        return tokens


class BM25Index:
    """bm25s over pre-tokenised passages; scores are aligned with the given pid order."""

    def __init__(self, pids: list[int], token_lists: list[list[str]]):
        import bm25s

        self.pids = np.asarray(pids, dtype=np.int64)
        self.vocab: dict[str, int] = {}
        ids = [[self.vocab.setdefault(tok, len(self.vocab)) for tok in tokens] for tokens in token_lists]
        self.retriever = bm25s.BM25(k1=1.2, b=0.75)
        if pids:
            tokenized = bm25s.tokenization.Tokenized(ids=ids, vocab=self.vocab)
            self.retriever.index(tokenized, show_progress=False)

    def save(self, folder: Path, fingerprint: str) -> None:
        """bm25s's own numpy/JSON files (no pickle) plus our pid order and fingerprint, swapped in atomically."""
        import json
        import os
        import shutil
        import tempfile

        folder = Path(folder)
        tmp = Path(tempfile.mkdtemp(prefix=".bm25-", dir=folder.parent))
        try:
            if len(self.pids):
                self.retriever.save(str(tmp))
            np.save(tmp / "pids.npy", self.pids, allow_pickle=False)
            (tmp / "meta.json").write_text(
                json.dumps({"fingerprint": fingerprint, "vocab": self.vocab}, ensure_ascii=False),
                encoding="utf-8",
            )
            shutil.rmtree(folder, ignore_errors=True)
            os.replace(tmp, folder)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise

    @classmethod
    def load(cls, folder: Path, fingerprint: str) -> BM25Index | None:
        import json

        import bm25s

        folder = Path(folder)
        try:
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
            if meta["fingerprint"] != fingerprint:
                return None
            index = cls.__new__(cls)
            index.pids = np.load(folder / "pids.npy", allow_pickle=False)
            index.vocab = meta["vocab"]
            index.retriever = (
                bm25s.BM25.load(str(folder), allow_pickle=False, show_progress=False)
                if len(index.pids)
                else bm25s.BM25()
            )
            return index
        except (OSError, ValueError, KeyError):
            return None

    def document_frequency(self, token: str) -> int:
        """Passages containing the token: the column length of bm25s's CSC score matrix."""
        tid = self.vocab.get(token)
        if tid is None or not len(self.pids):
            return 0
        indptr = self.retriever.scores["indptr"]
        return int(indptr[tid + 1] - indptr[tid])

    def scores(self, query_tokens: list[str]) -> np.ndarray:
        """BM25 score of every passage (0 where no query term occurs)."""
        known = [t for t in dict.fromkeys(query_tokens) if t in self.vocab]
        if not known or not len(self.pids):
            return np.zeros(len(self.pids), dtype=np.float32)
        return np.asarray(self.retriever.get_scores([self.vocab[t] for t in known]), dtype=np.float32)


def load_user_terms(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n") if path.exists() else []


class LexicalStats:
    """Corpus statistics for BM25 computed outside bm25s: N, average length, document frequencies.

    Used where BM25 runs in another engine (Milvus sparse vectors): the document side stores
    the saturated term frequency tf·(k1+1)/(tf + k1·(1 − b + b·dl/avgdl)), the query side the
    idf log(1 + (N − df + 0.5)/(df + 0.5)) (Robertson & Zaragoza 2009, as bm25s computes it),
    so an inner product of the two is the BM25 score and idf stays current as the corpus grows.
    """

    K1, B = 1.2, 0.75

    def __init__(self, n: int, total_length: int, df: dict[str, int]):
        self.n, self.total_length, self.df = n, total_length, df

    @classmethod
    def from_token_lists(cls, token_lists: Iterable[list[str]]) -> LexicalStats:
        from collections import Counter

        df: Counter[str] = Counter()
        n = total = 0
        for tokens in token_lists:
            n += 1
            total += len(tokens)
            df.update(set(tokens))
        return cls(n, total, dict(df))

    @property
    def avgdl(self) -> float:
        return self.total_length / self.n if self.n else 1.0

    def idf(self, token: str) -> float:
        import math

        count = self.df.get(token, 0)
        return math.log(1 + (self.n - count + 0.5) / (count + 0.5)) if count else 0.0

    def document_weights(self, tokens: list[str], avgdl: float) -> dict[int, float]:
        from collections import Counter

        norm = self.K1 * (1 - self.B + self.B * len(tokens) / max(avgdl, 1e-9))
        return {term_id(t): tf * (self.K1 + 1) / (tf + norm) for t, tf in Counter(tokens).items()}

    def query_weights(self, tokens: list[str]) -> dict[int, float]:
        weights = {term_id(t): self.idf(t) for t in dict.fromkeys(tokens)}
        return {k: v for k, v in weights.items() if v > 0}


def term_id(token: str) -> int:
    """A stable 31-bit id per token (CRC-32): sparse-vector dimensions need integers, not strings."""
    import zlib

    return zlib.crc32(token.encode("utf-8")) & 0x7FFFFFFF
