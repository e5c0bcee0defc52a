"""Reports of held-back set 36 (measured blind once, now development material): a request whose title
runs '关于…报告和专户借款以及资产处置的请示' and a title with a comma inside it, each one document; an act
joined to the reports heard ('并就审议《…》等议题进行了研究'); and answers (a day in the question that dates a
speech, not the meeting; '重点研究了' and 'besides' as no topic words; a chair named in pinyin with his
post, whose given name also spells a county; a sentence that only announces the asked topic, followed by
what it requires; a numbered point's own sentence; a phrase the tokeniser cut into single characters; a
cut-off title with no requirement said of it; a roster named only among the matters studied)."""

from __future__ import annotations

import pytest
from conftest import ROOT, asked, indexed_reports, parsed_report, simplified_lead

NEWS36 = ROOT / "data" / "heldback36" / "news"


def test_a_request_and_a_title_with_a_comma_stay_one_document_each():
    dongxing = parsed_report(NEWS36 / "il05_dongxing_115.txt")
    headings = [item.heading for item in dongxing.items]
    assert any(h.endswith("经费报告和专户借款以及资产处置的请示") for h in headings), headings
    assert any("《关于划定森林防火区、规定森林防火期和确定森林火险区划等级的通告" in h for h in headings), (
        headings
    )
    assert len(dongxing.items) - 1 == 14, headings  # studied, eleven documents passed, heard, cadres


@pytest.fixture(scope="module")
def news36(config_factory):
    return indexed_reports(config_factory, "news36-answers", sorted(NEWS36.glob("*.txt")))


LEADS = [  # (question, what the first line must say)
    ("习近平总书记在1月5日研讨班开班式上鲜明提出了什么要求？", "三个一以贯之"),  # the speech's day
    ("桂林市第26次常务会议重点研究了哪些事项？", "生态环境保护"),  # 重点 says how, not what
    (
        "What did the 14th executive meeting chaired by acting mayor Liu Yongchun require for epidemic prevention?",
        "三站一口",
    ),  # Liu Yongchun chaired; yongchun is no place here
    ("崔长领对贯彻王蒙徽在襄阳调研时的讲话精神提出了什么要求？", "积极推进襄州城区与市区融合发展"),
    ("濮阳市第62次常务会议对贯彻省委、市委经济工作会议精神提出了什么要求？", "不折不扣地抓好贯彻落实"),
    ("襄州区常务会议对安全生产提出了什么要求？", "层层压实安全生产责任"),  # the remark heading its item
    ("高州市要围绕哪些重点任务冲刺年度目标？", "民生福祉促提升"),  # inside 二要…, not the headlines
    ("茂名市高州市的常务会议要求深入推进什么专项行动？", "政府系统干部效能专项行动"),  # 三要…'s sentence
    ("高州市常务会议提出了什么要求？", "二要坚持冲刺状态抓执行"),  # no topic asked: the headlines
    ("肇庆市要做大做强哪些产业？", "“4+4”主导和特色产业"),  # 做大做强, tokenised 做/大/做/强
    ("肇庆市常务会议传达了全省什么大会的精神？", "全省产业园区高质量发展大会"),
]


@pytest.mark.model
@pytest.mark.parametrize(("question", "said"), LEADS)
def test_the_lead_states_what_was_asked(news36, question, said):
    assert said in simplified_lead(news36, question)


@pytest.mark.model
def test_other_matters_than_the_reports_heard_are_answered_in_english(news36):
    answer = asked(
        news36, "Which matters did Puyang's 62nd executive meeting study besides the reports it heard?"
    )
    assert answer.answerable and "国家卫生城市复审" in answer.answer, answer.answer
    assert "情况汇报" not in answer.answer, answer.answer  # the reports set aside are not listed


@pytest.mark.model
def test_requirements_asked_of_a_title_cut_off_mid_word_are_not_stated(news36):
    answer = asked(news36, "桂林市第26次常务会议对生态环境保护委员会2023年工作提出了什么要求？")
    assert not answer.answerable and "没有写明具体要求" in answer.answer, answer.answer


def test_an_act_joined_to_the_reports_heard_is_an_item_of_its_own():
    qingfeng = parsed_report(NEWS36 / "il07_qingfeng_75.txt")
    headings = [item.heading for item in qingfeng.items]
    # '听取…工作汇报。并就审议《…通知》等议题进行了研究。': two acts, the second headed at its verb
    assert any(
        h.startswith("审议《清丰县人民政府办公室关于开展2025年清丰县1%人口抽样调查的通知》") for h in headings
    ), headings


@pytest.mark.model
def test_a_roster_named_only_among_matters_studied_is_not_stated(news36):
    answer = asked(news36, "濮阳市第62次常务会议确定的2018年重点民生实事有哪些？")
    assert not answer.answerable and "具体清单" in answer.answer, answer.answer
    assert "议题三" in answer.answer, (
        answer.answer
    )  # the item that names it, '研究…、重点民生实事、…等有关问题'


def test_the_chairs_remark_on_a_subject_no_topic_named_is_an_item_of_its_own():
    # one paragraph of a page: the opening names what was studied, then '崔长领指出/要求/强调,…' remarks,
    # the last on work safety, which neither the opening nor the remark before it spoke of
    xiangzhou = parsed_report(NEWS36 / "il06_xiangzhou_16.txt")
    headings = [item.heading for item in xiangzhou.items]
    assert headings[-1].startswith("崔长领强调,要严格落实安全生产制度"), headings
    # the remarks on the speeches studied stay with them (the speaker's name is no shared topic)
    assert "崔长领要求,要认真贯彻落实省委书记王蒙徽" in xiangzhou.items[1].text
    assert "考察湖北" in xiangzhou.items[1].text
    # the byline set off by a space ('参加会议。 全媒体记者:王俊 刘丽娟') is no text of the meeting
    assert "全媒体记者" not in "".join(item.text for item in xiangzhou.items)
