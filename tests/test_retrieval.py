"""Ranked citations, filters, structured answers and answerability on the sample minutes (real model)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from conftest import BACKENDS, GOLD, MINUTES, ROOT

from assistant.answering.answer import answer_question
from assistant.answering.retrieval import Filters
from assistant.devtools.evaluate import evaluate

pytestmark = pytest.mark.model


@pytest.fixture(scope="module", params=BACKENDS)
def sample_index(request, config_factory):
    """The sample minutes on each search backend: every test here runs on FAISS and on Milvus Lite."""
    from assistant.search.index import Index

    config = config_factory(f"sample_{request.param}", index__backend=request.param)
    index = Index(config)
    assert not index.ingest_paths([MINUTES]).failed
    return config, index


@pytest.fixture(scope="module")
def retriever(sample_index):
    from assistant.answering.retrieval import Retriever

    config, index = sample_index
    return Retriever(index, config)


def top(retriever, question, **kwargs):
    hit = retriever.search(question, **kwargs).hits[0]
    return hit.meeting.city, hit.meeting.meeting, hit.item.item


def test_topic_question_cites_the_right_item(retriever, sample_index):
    config, _ = sample_index
    answer = answer_question(
        retriever, config, "哪次会议讨论了《关于全面深化河长制改革的工作方案》？由谁汇报？"
    )
    assert answer.answerable
    first = answer.citations[0]
    assert (first.hit.meeting.city, first.hit.meeting.meeting, first.hit.item.item) == ("昆山", 4, 1)
    assert first.hit.citation == "〔昆山市政府第4次常务会议 2017-05-24 · 议题一〕"
    assert "徐彬" in answer.answer and "[1]" in answer.answer


def test_english_and_paraphrased_questions(retriever):
    assert top(retriever, "Which Taicang meeting discussed phase I of the smart transportation project?") == (
        "太仓",
        60,
        8,
    )
    assert top(retriever, "哪份文件专门规范工业用房对外租赁的管理？") == ("太仓", 60, 4)


def test_rare_exact_term_is_found_by_the_lexical_side(retriever):
    hits = retriever.search("放管服改革在哪个议题中被提到？").hits
    # “放管服” occurs in exactly three items of the corpus; all three must lead.
    assert {(h.meeting.meeting, h.item.item) for h in hits[:3]} == {(63, 3), (60, 5), (59, 3)}


def test_filters_from_the_question_and_explicit_filters(retriever):
    result = retriever.search("太仓市第60次常务会议审议了哪些文件？")
    assert {h.meeting.meeting for h in result.hits} == {60}
    assert [h.item.item for h in result.hits] == [2, 3, 4, 5, 9]
    assert "地区：太仓" in result.intent.describe()
    explicit = retriever.search(
        "会议对安全生产提出了什么要求", filters=Filters(cities=["昆山"], date_from="2017-01-01")
    )
    assert {(h.meeting.city, h.meeting.meeting) for h in explicit.hits} == {("昆山", 4)}
    reported = retriever.search("市环保局汇报过什么？")
    assert {(h.meeting.meeting, h.item.item) for h in reported.hits} == {(68, 2), (68, 3)}


def test_meeting_level_questions_use_item_zero(retriever, sample_index):
    config, _ = sample_index
    answer = answer_question(retriever, config, "太仓市第59次常务会议召开后多少天印发纪要？")
    assert answer.citations[0].hit.item.item == 0
    assert "11天" in answer.answer
    chair = answer_question(
        retriever, config, "Who chaired Taicang's 59th executive meeting, and when was it held?"
    )
    # asked in English, answered in English: the chair's name as printed, the date in ISO form
    assert chair.answer.startswith("Taicang City government, 59th executive meeting was held on 2021-07-31")
    assert "胡卫江" in chair.answer


def test_unanswerable_questions_are_refused_with_nearest_items(retriever, sample_index):
    config, _ = sample_index
    for question in (
        "太仓市第63次常务会议纪要的文号是多少？",
        "昆山市常务会议对生活垃圾分类提出了哪些要求？",
        "太仓市智慧交通建设项目（一期）的总投资是多少？",
        "Who chaired Kunshan's 5th executive meeting in June 2017?",
    ):
        answer = answer_question(retriever, config, question)
        assert not answer.answerable and answer.reason, question
        assert answer.reason in answer.answer  # the refusal says why
    missing = answer_question(retriever, config, "昆山市第5次常务会议由谁主持？")
    assert missing.answer.startswith("〔昆山〕没有第5次常务会议的纪要；已收录：第4、68次。")
    english = answer_question(retriever, config, "Who chaired Kunshan's 5th executive meeting in June 2017?")
    assert english.answer.startswith("Not found in the indexed minutes.") and "4, 68" in english.answer
    near = answer_question(retriever, config, "太仓市智慧交通建设项目（一期）的总投资是多少？")
    assert "最接近的内容" in near.answer and "智慧交通" in near.answer


def test_dev_set_quality_floor(retriever, sample_index, dev_questions):
    """A floor well under the measured figures (README), so a real regression fails loudly."""
    config, _ = sample_index
    metrics = evaluate(retriever, config, dev_questions, k=5)["metrics"]["all"]
    assert metrics["recall_at_5"] >= 0.9 and metrics["mrr"] >= 0.85
    assert metrics["unanswerable_accuracy"] >= 0.75 and metrics["false_refusal_rate"] <= 0.05


def test_ask_and_eval_cli_json(sample_index):
    from dataclasses import replace

    config, _ = sample_index
    # The CLI runs in another process and Milvus Lite serves one process per folder: it reads the same
    # store through FAISS (built from the store), as it does beside a running app.
    config = replace(config, index=replace(config.index, backend="faiss"))
    env = {**os.environ, "ASSISTANT_CONFIG": str(_write_config(config))}
    out = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "谁汇报了关于推进环保委托执法工作的情况说明？", "--json"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=env,
    )
    data = json.loads(out.stdout)
    assert data["answerable"] is True and data["citations"]
    first = data["hits"][0]
    assert (first["city"], first["meeting"], first["item"]) == ("昆山", 4, 4)
    assert {"city", "meeting", "item", "date", "heading", "score", "text"} <= set(first)
    scores = [h["score"] for h in data["hits"]]
    assert scores == sorted(scores, reverse=True)
    out = subprocess.run(
        [sys.executable, "-m", "assistant.devtools", "eval", str(GOLD / "questions-dev.jsonl"), "--json"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=env,
    )
    report = json.loads(out.stdout)
    assert len(report["questions"]) == 45 and "recall_at_5" in report["metrics"]["all"]
    assert all({"id", "answerable", "hits"} <= set(q) for q in report["questions"])


def _write_config(config):
    """The test's settings as a config file for a subprocess or the page script (paths made absolute)."""
    from assistant.config import save_config

    return save_config(config, config.index_dir.parent / f"{config.index_dir.name}.toml")


def test_a_filter_that_contradicts_the_question_is_overruled_and_said(retriever, sample_index):
    config, _ = sample_index
    answer = answer_question(
        retriever, config, "太仓市第60次常务会议对人才公寓作出了什么决定？", filters=Filters(cities=["昆山"])
    )
    assert answer.answer.startswith("侧边栏筛选为〔昆山〕，问题问的是〔太仓〕：已按问题中的〔太仓〕检索。")
    assert answer.citations[0].hit.meeting.city == "太仓"


@pytest.mark.parametrize(
    "question,lead",
    [
        (
            "《太仓市人才公寓建设管理实施意见（试行）》由哪个部门汇报？",
            "由市资源规划局汇报（太仓市政府第60次常务会议，2021-08-20，议题二「审议《太仓市人才公寓建设管理实施意见（试行）》」）。[1]",
        ),
        (
            "城厢镇城市更新工作的情况汇报在哪次会议上听取？",
            "在太仓市政府第63次常务会议（2021-11-01）上，议题九「听取《关于城厢镇开展城市更新工作的情况汇报》」。会议",
        ),
        (
            "昆山杜克大学设施建设及使用条款谅解备忘录的审议结果是什么？",
            "昆山市政府第4次常务会议（2017-05-24）的决定：会议原则同意上述文件。[1]",
        ),
        (
            "Who reported on the Duke Kunshan University facilities memorandum?",
            "Reported by 昆山杜克大学联合工作领导小组建设小组副组长时永刚 (Kunshan City government, 4th executive meeting, "
            "2017-05-24, item 9: 审议《昆山杜克大学设施建设及使用条款谅解备忘录》).[1]",
        ),
    ],
)
def test_the_answer_comes_first_then_verbatim_quotes(retriever, sample_index, question, lead):
    config, _ = sample_index
    answer = answer_question(retriever, config, question)
    lines = answer.answer.split("\n")
    assert lines[0].startswith(lead) and lines[0].endswith("[1]")
    quotes = [line for line in lines if line.startswith("· ")]
    assert quotes and all(line.endswith("]") and line.count("[") == 1 for line in quotes)
    item_text = re.sub(
        r"\s+", "", answer.citations[0].hit.item.text
    )  # a 会议明确： clause joins its next line
    assert all(
        re.sub(r"\s+", "", line[2 : line.rindex("[")]) in item_text for line in quotes if line.endswith("[1]")
    )


@pytest.mark.parametrize(
    "question,stated",
    [
        (
            "太仓市全面推行证明事项告知承诺制的意义是什么？",
            "会议认为，全面推行证明事项告知承诺制是持续开展“减证便民”行动",
        ),
        ("会议提出嘉闵太线力争什么时候全线开工？", "力争嘉闵太线年内全线开工"),
        ("会议对中小学德育工作提出了哪些要求？", "大小中幼一体化德育体系"),
    ],
)
def test_the_lead_states_the_kind_of_fact_asked_and_nothing_is_said_twice(
    retriever, sample_index, question, stated
):
    """why → the reason sentence; by when → the deadline; requirements → 要求 points; which meeting →
    the meeting and what it said. The item and its sentences are then shown once each."""
    from assistant.answering.sentences import restates

    config, _ = sample_index
    lines = answer_question(retriever, config, question).answer.split("\n")
    assert stated in lines[0]
    for position, line in enumerate(lines):
        assert not restates(line.lstrip("· "), lines[:position]), line


def test_english_questions_get_an_english_scaffold_with_chinese_quotes(retriever, sample_index):
    config, _ = sample_index
    answer = answer_question(
        retriever, config, "What did Taicang's 63rd meeting decide on the winter electricity supply measures?"
    )
    assert answer.lang == "en" and answer.answer.startswith(
        "Decision (Taicang City government, 63rd executive meeting"
    )
    assert "原则同意该《措施》" in answer.answer
    refused = answer_question(retriever, config, "Who attended Kunshan's 68th executive meeting?")
    assert refused.answer.startswith(
        "Not found in the indexed minutes. The minutes of the Kunshan City government, 68th executive meeting"
    )
    assert "杜小刚" in refused.answer


@pytest.mark.parametrize(
    "question,why",
    [
        (
            "昆山市第68次常务会议的出席人员有哪些？",
            "昆山市政府第68次常务会议纪要没有列出出席人员，只写明由杜小刚市长主持。",
        ),
        ("太仓市人才公寓建设的总投资是多少？", "没有写明金额"),
        ("昆山市第4次常务会议对防汛抗旱提出了什么要求？", "所找到的议题都没有提到“防汛"),
        ("谁主持的？", "问题没有说明是哪次会议"),
        # words no minute holds (烟花爆竹, 禁放) weigh most: sharing 期间/部署 with an education plan is no answer
        ("会议对春节期间烟花爆竹禁放做了什么部署？", "所找到的议题都没有提到"),
        # a meeting-level cue (主持人) does not let the header answer a topic the meeting never mentions
        ("昆山市第4次常务会议主持人对春运工作提出了什么要求？", "所找到的议题都没有提到“春运”"),
        ("", "请输入问题"),
        (
            "What did Taicang's 60th meeting decide about garbage sorting?",
            "None of the items found is about garbage",
        ),
    ],
)
def test_each_kind_of_near_miss_is_refused_with_its_reason(retriever, sample_index, question, why):
    config, _ = sample_index
    answer = answer_question(retriever, config, question)
    assert not answer.answerable and why in answer.answer


def test_a_meeting_the_index_does_not_hold_is_named_with_the_ones_it_does(retriever, sample_index):
    config, _ = sample_index
    answer = answer_question(
        retriever, config, "太仓市第68次常务会议由谁主持？"
    )  # e.g. 那太仓呢？ after 昆山第68次
    assert answer.answer.startswith("〔太仓〕没有第68次常务会议的纪要；已收录：第59、60、63次。")


@pytest.mark.parametrize(
    "question,cited,stated",
    [
        # a meeting named by its chair: 杜小刚 chaired Kunshan's meetings, 河长制 is item 1 of the 4th
        ("杜小刚市长主持的常务会议对河长制改革提出了哪些要求？", ("昆山", 4, 1), "一河一策"),
        # the n-th item: 第三项 and "third" name the item, they are not topic words to look for
        (
            "昆山市第4次常务会议第三项议题是什么？",
            ("昆山", 4, 3),
            "的议题三是「讨论《关于优化土地供给方式提高土地利用综合效益的实施意见》」",
        ),
        (
            "What was the third item of Kunshan's 4th meeting?",
            ("昆山", 4, 3),
            "Item 3 of the Kunshan City government, 4th executive meeting on 2017-05-24 was: 讨论《关于优化土地供给",
        ),
        ("太仓市第63次常务会议第二项议题由谁汇报？", ("太仓", 63, 2), "由市发改委汇报"),
        # question words (哪儿) are not topic words; when and where it met is a meeting-level question
        ("太仓市第60次常务会议是什么时候、在哪儿开的？", ("太仓", 60, 0), "2021年8月20日"),
    ],
)
def test_questions_that_name_a_meeting_or_item_another_way_are_answered(
    retriever, sample_index, question, cited, stated
):
    config, _ = sample_index
    answer = answer_question(retriever, config, question)
    assert answer.answerable, answer.answer
    hit = answer.citations[0].hit
    assert (hit.meeting.city, hit.meeting.meeting, hit.item.item) == cited
    assert stated in answer.answer.split("\n")[0]


def test_the_nth_item_is_named_with_its_reporter_and_decision_once(retriever, sample_index):
    """第三项议题是什么: the heading, who reported and what was decided, in the lead; nothing repeated
    below it (the item line 议题三，由…汇报 was said again, and a stray sub-point led)."""
    config, _ = sample_index
    answer = answer_question(retriever, config, "太仓市第59次常务会议第三项议题是什么？").answer
    lines = answer.split("\n")
    assert lines[0].startswith(
        "太仓市政府第59次常务会议（2021-07-31）的议题三是「审议《关于全面推行证明事项告知承诺制的实施方案》」，"
        "由市发改委汇报。会议明确，原则同意该《实施方案》"
    )
    assert not any(line.startswith("议题三") for line in lines) and len(set(lines)) == len(lines)


@pytest.mark.parametrize(
    "question, lead",
    [
        ("哪些会议讨论了安全生产？", "共有"),
        ("Which meetings discussed work safety?", "Meetings that took this up"),
    ],
)
def test_a_which_meetings_question_lists_each_meeting_once_newest_first(
    retriever, sample_index, question, lead
):
    config, _ = sample_index
    answer = answer_question(retriever, config, question)
    lines = answer.answer.split("\n")
    assert lines[0].startswith(lead)
    meetings = [c.hit.meeting for c in answer.citations]
    assert len(meetings) >= 2
    assert len({m.source for m in meetings}) == len(meetings)
    assert [m.date for m in meetings] == sorted((m.date for m in meetings), reverse=True)
    assert all("安全" in c.hit.item.heading + c.hit.item.text for c in answer.citations)
