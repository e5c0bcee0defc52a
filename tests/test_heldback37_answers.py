"""Reports of held-back set 37 (measured blind once, now development material): a county-level city
named only as the place a report governs ('符合肇东发展实际') beside its parent city's party committee,
and a view counter run into the date ('閱讀:18671月11日'); and answers (who spoke, asked '哪位市领导';
'besides' and '除了…还' setting a topic aside; '哪些报告和方案' asking for everything reviewed; a
topic held only by its generic word, '城镇燃气安全' of a report on work safety)."""

from __future__ import annotations

import pytest
from conftest import ROOT, asked, indexed_reports, parsed_report, simplified_lead

NEWS37 = ROOT / "data" / "heldback37" / "news"


def test_a_county_level_city_naming_itself_once_is_the_place_not_its_parent():
    zhaodong = parsed_report(NEWS37 / "im01_zhaodong.txt")
    assert zhaodong.city_full == "肇东市", zhaodong.city_full  # '绥化市委' twice, '符合肇东发展实际' once
    assert (zhaodong.meeting, zhaodong.date, zhaodong.chair) == (5, "2016-12-27", "李延春")


def test_a_view_counter_run_into_the_date_leaves_the_month_a_month():
    qianan = parsed_report(NEWS37 / "im02_qianan.txt")
    assert (qianan.city_full, qianan.meeting, qianan.date) == ("迁安市", 27, "2016-01-11")
    assert (qianan.intro_text or "").startswith("1月11日,五届市政府举行第27次常务会议"), qianan.intro_text


@pytest.fixture(scope="module")
def news37(config_factory):
    # with held-back 36's reports beside them: how often a word occurs is measured over an office's
    # collection, not three pages (安全 in three reports on safety weighs as much as an unseen word)
    reports = sorted(NEWS37.glob("*.txt")) + sorted(
        (NEWS37.parent.parent / "heldback36" / "news").glob("*.txt")
    )
    return indexed_reports(config_factory, "news37-answers", reports)


LEADS = [  # (question, what the first line must say)
    ("迁安市第27次常务会议上哪位市领导讲了话？", "张淑云出席并讲话"),  # 哪位市领导: who, no topic word
    (
        "Besides the government work report, what else did Zhaodong's mayor raise at the fifth executive"
        " meeting of 2016?",
        "两节",
    ),
    ("除了政府工作报告，李延春在肇东市第五次常务会议上还提出了什么？", "信访稳定"),
]


@pytest.mark.model
@pytest.mark.parametrize(("question", "said"), LEADS)
def test_the_lead_states_what_was_asked(news37, question, said):
    assert said in simplified_lead(news37, question)


@pytest.mark.model
@pytest.mark.parametrize(
    "question",
    [
        "Besides the government work report, what else did Zhaodong's mayor raise at the fifth executive"
        " meeting of 2016?",
        "除了政府工作报告，李延春在肇东市第五次常务会议上还提出了什么？",
    ],
)
def test_what_a_besides_question_sets_aside_is_not_quoted(news37, question):
    answer = asked(news37, question)
    assert answer.answerable and "两节" in answer.answer, answer.answer
    assert "修改好、完善好" not in answer.answer, answer.answer  # the remarks on the report
    assert "讨论即将提交" not in answer.answer, answer.answer  # nor the item that reviewed it


@pytest.mark.model
def test_reports_and_plans_asked_together_list_every_document_reviewed(news37):
    answer = asked(news37, "迁安市第27次常务会议听取和审议了哪些报告和方案？")
    assert answer.answerable and "共找到7项议题" in answer.answer, answer.answer
    assert "第十三个五年规划纲要" in answer.answer, answer.answer  # neither a 报告 nor a 方案


@pytest.mark.model
def test_a_topic_held_only_by_its_generic_word_is_refused(news37):
    answer = asked(news37, "全州县第22次常务会议对城镇燃气安全提出了什么要求？")
    assert not answer.answerable and "燃气" in answer.answer, answer.answer
