"""The synthetic archive is parseable and deterministic; the bench command produces every figure."""

from __future__ import annotations

import itertools

import pytest
from conftest import MINUTES

from assistant.devtools.bench import run_bench
from assistant.devtools.synthetic import generate
from assistant.ingest.loaders import load_file
from assistant.ingest.parser import parse_meeting


def real_meetings():
    return [parse_meeting(load_file(p).text, p.name) for p in sorted(MINUTES.glob("*.txt"))]


def test_synthetic_minutes_parse_like_real_ones_and_are_deterministic():
    first = list(itertools.islice(generate(real_meetings(), seed=3), 20))
    again = list(itertools.islice(generate(real_meetings(), seed=3), 20))
    assert first == again
    for name, text in first:
        meeting = parse_meeting(text, name)
        assert meeting.city not in ("昆山", "太仓") and meeting.meeting and meeting.date
        assert 6 <= len(meeting.items) - 1 <= 12
        assert "昆山" not in text and "太仓" not in text
        assert not meeting.warnings


@pytest.mark.model
def test_bench_reports_every_figure_at_a_small_size(sample_index, dev_questions, tmp_path):
    config, _ = sample_index
    report = run_bench(
        config,
        [120],
        dev_questions[:6],
        tmp_path / "bench",
        repeats=1,
        baseline_sample=16,
        log=None,
        backends=["faiss", "milvus"],
    )
    assert [row["backend"] for row in report["rows"]] == ["faiss", "milvus"]  # side by side, same archive
    assert report["cpu_features"] and "→" in report["embedding"]  # which path ran, on which CPU features
    for row in report["rows"]:
        assert row["passages"] >= 120 and row["documents"] > 5
        for key in (
            "ingest_passages_per_s",
            "baseline_ingest_passages_per_s",
            "query_ms_p50",
            "query_ms_p95",
            "index_load_s",
            "peak_rss_mb",
            "recall_at_5",
            "embed_passages_per_s",
            "min_cosine_vs_fp32",
            "backend_build_passages_per_s",
            "bytes_per_passage_on_disk",
            "rss_serving_mb",
        ):
            assert row[key] is not None and row[key] > 0, key
        assert row["min_cosine_vs_fp32"] > 0.99
    faiss_row, milvus_row = report["rows"]
    assert abs(faiss_row["recall_at_5"] - milvus_row["recall_at_5"]) <= 0.01
    assert "cores" in report["machine"]
