"""Item-level retrieval metrics and answerability on a gold question set (questions-dev.jsonl format).

recall@k is |gold ∩ top-k| / min(|gold|, k), so a question with one gold item
scores 1 at k=1 when the first hit is right, and a question with several gold
items needs all of them (up to k) in the top k. MRR uses the first gold hit.
Unanswerable questions (`gold: []`) count for unanswerable accuracy; answerable
ones wrongly refused count as false refusals.
"""

from __future__ import annotations

import json
import statistics
import time
from collections import defaultdict
from dataclasses import asdict
from pathlib import Path

from ..answering.answer import compose
from ..answering.cited import CitedAnswer
from ..answering.retrieval import Retriever
from ..config import Config
from .answer_points import coverage


def norm_city(city: str | None) -> str:
    city = city or ""
    for suffix in ("市", "区", "县"):
        if city.endswith(suffix) and len(city) > 2:
            return city[: -len(suffix)]
    return city


def load_questions(*paths: str | Path) -> list[dict]:
    """Questions of one or more gold files, in order (ids must be unique across them)."""
    return [
        json.loads(line)
        for path in paths
        for line in Path(path).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def item_key(ref: dict) -> tuple:
    """Identify an item: by source file when the gold names it (minutes without place or number), else
    by (city, meeting, item) with 市/区/县 stripped. News reports, whose item numbers depend on how a
    paragraph splits, name an item by a word of its heading (`head`) or accept any item (`any`)."""
    if ref.get("any"):
        return (ref["source"], "any")
    if ref.get("head"):
        return (ref["source"], "head", ref["head"])
    if ref.get("source"):
        return (ref["source"], ref["item"])
    return (norm_city(ref["city"]), ref["meeting"], ref["item"])


def _hit_keys(hit: dict) -> list[tuple]:
    keys = [(hit["source"], hit["item"]), (norm_city(hit["city"]), hit["meeting"], hit["item"])]
    keys.append((hit["source"], "any"))
    keys += [(hit["source"], "head", head) for head in hit.get("heads", [])]
    return keys


def evaluate(
    retriever: Retriever, config: Config, questions: list[dict], k: int = 5, mode: str = "hybrid"
) -> dict:
    vectors = None
    if mode != "lexical":
        vectors = retriever.index.embedder.encode_queries([q["question"] for q in questions])
    rows = []
    for pos, question in enumerate(questions):
        started = time.perf_counter()
        result = retriever.search(
            question["question"], k=k, mode=mode, query_vector=None if vectors is None else vectors[pos]
        )
        answer = compose(result, retriever, config).record()
        elapsed = (time.perf_counter() - started) * 1000
        hits = [
            {
                "source": h.meeting.source.rsplit("/", 1)[-1],
                "city": h.meeting.city,
                "meeting": h.meeting.meeting,
                "item": h.item.item,
                "heads": [
                    g["head"]
                    for g in question.get("gold", [])
                    if g.get("head") and g["head"] in h.item.heading
                ],
                "score": round(h.score, 4),
            }
            for h in result.hits
        ]
        rows.append(
            {
                "id": question["id"],
                "type": question.get("type", ""),
                "lang": question.get("lang", "zh"),
                "answerable": answer.answerable,
                "hits": hits,
                "gold": question.get("gold", []),
                "ms": elapsed,
                "answer": _answer_text(answer, question),
            }
        )
    return {
        "questions": [{k_: r[k_] for k_ in ("id", "answerable", "hits", "answer")} for r in rows],
        "metrics": metrics(rows, k),
        "mode": mode,
        "k": k,
    }


def _answer_text(answer: CitedAnswer, question: dict) -> dict:
    """The answer lines after any notices, and how many answer points they state where."""
    lines = answer.lines[len(answer.notices) :]
    points = question.get("answer_points") or []
    entry = {"lines": lines}
    if points and question.get("gold") and answer.answerable:
        entry["coverage"] = asdict(coverage(points, lines))
    return entry


def _score(row: dict, k: int) -> tuple[float, float, float]:
    gold = {item_key(g) for g in row["gold"]}
    ranked = [_hit_keys(h) for h in row["hits"]]
    found = [next((key for key in keys if key in gold), None) for keys in ranked]
    r1 = len(gold & set(found[:1])) / min(len(gold), 1)
    rk = len(gold & set(found[:k])) / min(len(gold), k)
    rr = next((1.0 / i for i, key in enumerate(found, 1) if key is not None), 0.0)
    return r1, rk, rr


def metrics(rows: list[dict], k: int) -> dict:
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        groups["all"].append(row)
        groups[row["type"]].append(row)
    out = {}
    for name, group in groups.items():
        answerable = [r for r in group if r["gold"]]
        unanswerable = [r for r in group if not r["gold"]]
        scores = [_score(r, k) for r in answerable]
        entry = {"n": len(group)}
        if scores:
            entry.update(
                {
                    "recall_at_1": round(statistics.mean(s[0] for s in scores), 4),
                    f"recall_at_{k}": round(statistics.mean(s[1] for s in scores), 4),
                    "mrr": round(statistics.mean(s[2] for s in scores), 4),
                    "false_refusal_rate": round(
                        sum(1 for r in answerable if not r["answerable"]) / len(answerable), 4
                    ),
                }
            )
        entry.update(_answer_metrics(group))
        if unanswerable:
            entry["unanswerable_accuracy"] = round(
                sum(1 for r in unanswerable if not r["answerable"]) / len(unanswerable), 4
            )
        out[name] = entry
    latencies = [r["ms"] for r in rows]
    by_lang: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_lang[row.get("lang") or "zh"].append(row)
    if len(by_lang) > 1:  # English measured on its own line, over every type (incl. unanswerable)
        for lang, group in by_lang.items():
            out[f"lang:{lang}"] = metrics([dict(r, type="_") for r in group], k)["all"]
    out["all"]["median_ms_excluding_query_encoding"] = round(statistics.median(latencies), 2)
    return out


def _answer_metrics(group: list[dict]) -> dict:
    """Answer text over the answered questions with answer points: mean share of points in the lead,
    in the first three lines and anywhere; share of answers repeating a line; mean characters."""
    covered = [r["answer"]["coverage"] for r in group if "coverage" in r["answer"]]
    if not covered:
        return {}
    return {
        "answers_scored": len(covered),
        "points_in_lead": round(statistics.mean(c["lead"] for c in covered), 4),
        "points_in_top3": round(statistics.mean(c["top3"] for c in covered), 4),
        "points_anywhere": round(statistics.mean(c["anywhere"] for c in covered), 4),
        "repeated_line_rate": round(sum(c["repeated"] for c in covered) / len(covered), 4),
        "mean_chars": round(statistics.mean(c["chars"] for c in covered), 1),
    }


def format_table(report: dict) -> str:
    k = report["k"]
    lines = [
        f"mode={report['mode']}  k={k}",
        f"{'type':<14}{'n':>4}{'R@1':>8}{f'R@{k}':>8}{'MRR':>8}{'unans.acc':>11}{'false ref.':>12}"
        f"{'pts/lead':>10}{'pts/top3':>10}{'pts/any':>9}{'repeats':>9}{'chars':>7}",
    ]
    metrics_ = report["metrics"]
    order = ["all"] + sorted(t for t in metrics_ if t != "all")
    for name in order:
        m = metrics_[name]

        def fmt(key, m=m):
            return f"{m[key]:.3f}" if key in m else "—"

        lines.append(
            f"{name:<14}{m['n']:>4}{fmt('recall_at_1'):>8}{fmt(f'recall_at_{k}'):>8}{fmt('mrr'):>8}"
            f"{fmt('unanswerable_accuracy'):>11}{fmt('false_refusal_rate'):>12}"
            f"{fmt('points_in_lead'):>10}{fmt('points_in_top3'):>10}{fmt('points_anywhere'):>9}"
            f"{fmt('repeated_line_rate'):>9}{m.get('mean_chars', '—'):>7}"
        )
    return "\n".join(lines)


def failures(report: dict, questions: list[dict], k: int) -> list[str]:
    """Questions whose gold items were missed, for inspection."""
    by_id = {q["id"]: q for q in questions}
    out = []
    for row in report["questions"]:
        q = by_id[row["id"]]
        gold = {item_key(g) for g in q["gold"]}
        got = [next((key for key in _hit_keys(h) if key in gold), _hit_keys(h)[0]) for h in row["hits"][:k]]
        if (
            (gold and not gold <= set(got) and len(gold) <= k)
            or (not gold and row["answerable"])
            or (gold and not row["answerable"])
        ):
            out.append(
                f"{row['id']} {q['question']}\n   gold={sorted(gold)} got={got} answerable={row['answerable']}"
            )
    return out
