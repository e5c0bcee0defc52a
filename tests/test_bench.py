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


def test_answer_text_measures_count_a_repeated_line_but_not_one_formula_for_two_items():
    from assistant.devtools.answer_points import coverage, repeats

    lead = "由市应急局汇报（太仓市政府第60次常务会议，议题四「审议《太仓市工业厂房出租管理办法》」）。[1]"
    same_again = "· 议题四「审议《太仓市工业厂房出租管理办法》」，由市应急局汇报[1]"
    assert repeats([lead, same_again])
    two_items = [
        "1. 议题二（汇报：市资源规划局）[1] 会议明确，原则同意该《意见》，会后由市资源规划局修改完善。[1]",
        "2. 议题三（汇报：市城管局）[2] 会议明确，原则同意该《意见》，会后由市城管局修改完善。[2]",
    ]
    assert not repeats(two_items)
    measured = coverage(["市应急局", "工业厂房出租"], [lead, "· 会议原则同意该《办法》。[1]"])
    assert (measured.lead, measured.top3, measured.repeated) == (1.0, 1.0, False)


def test_a_date_point_matches_the_date_however_the_answer_writes_it():
    from assistant.devtools.answer_points import states

    assert states("2023-11-09", "双柏县政府第28次常务会议于2023年11月9日召开。[1]")
    assert states("06-12", "溆浦县政府第40次常务会议于6月12日召开。[1]")  # the year unknown
    assert not states("06-12", "会议于6月21日召开。[1]")
