"""Conversations in a real browser, asked as fast as the page takes input, in two tabs of one user.

Each question goes into the conversation open in its own tab, and each follow-up is read against
that conversation — the race seen in an office (a question sent before the browser applied the new
?c= URL started a new conversation) must not come back.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from test_e2e_browser import server  # noqa: F401 - the fixture: the app on the sample minutes

pytestmark = [pytest.mark.model, pytest.mark.e2e]
ANSWERED = re.compile("〔|未在|没有")


def _ask_at_once(page, question: str) -> None:
    """Type the question as soon as the input takes it; return when its answer is on the page."""
    from playwright.sync_api import expect

    box = page.get_by_placeholder("输入问题")
    expect(box).to_be_enabled(timeout=120_000)
    box.fill(question)
    box.press("Enter")
    messages = page.get_by_test_id("stChatMessage")
    expect(messages.nth(-2)).to_contain_text(question, timeout=120_000)
    expect(messages.last).to_contain_text(ANSWERED, timeout=120_000)


def _conversation(page) -> str:
    return parse_qs(urlparse(page.url).query)["c"][0]


# Twelve questions of one conversation: follow-ups that lean on the meeting before them, a change of
# place in the middle, and the structure questions (how many items, the n-th item) in between.
TWELVE = ["太仓市第63次常务会议审议了哪些文件？", "谁汇报的？", "电力保供措施以什么名义印发？"]
TWELVE += ["那第60次呢？", "人才公寓由哪个部门汇报？", "审议结果如何？", "第59次会议由谁主持？"]
TWELVE += [
    "有几项议题？",
    "第三项议题是什么？",
    "昆山市第68次常务会议由谁主持？",
    "第4次呢？",
    "有哪些议题？",
]


def _assert_read_in_context(turns) -> None:
    """Each follow-up was read against the meeting its own conversation was on."""
    assert [t.question for t in turns] == TWELVE
    assert "63" in turns[1].interpreted and "昆山" not in turns[2].interpreted
    assert "太仓" in turns[7].interpreted and "59" in turns[7].interpreted
    assert "昆山" in turns[10].interpreted and "4" in turns[10].interpreted


def test_quick_follow_ups_stay_in_the_conversation_of_their_tab(server, sample_index):  # noqa: F811
    from playwright.sync_api import expect, sync_playwright
    from servers import launch_chromium

    from assistant.office.accounts import LOCAL_USER, OfficeStore
    from assistant.office.conversations import ConversationStore

    config, _ = sample_index
    first_tab = TWELVE
    second_tab = ["昆山市第68次常务会议由谁主持？", "第4次呢？"]
    with sync_playwright() as p:
        browser = launch_chromium(p)
        context = browser.new_context(viewport={"width": 1300, "height": 1000})
        tab_a, tab_b = context.new_page(), context.new_page()
        for tab in (tab_a, tab_b):
            tab.goto(server, wait_until="networkidle")
            expect(tab.get_by_placeholder("输入问题")).to_be_visible(timeout=120_000)
        order = [(tab_a, first_tab[0]), (tab_a, first_tab[1]), (tab_b, second_tab[0]), (tab_a, first_tab[2])]
        order += [(tab_b, second_tab[1]), *[(tab_a, q) for q in first_tab[3:]]]
        for tab, question in order:
            _ask_at_once(tab, question)
        conversation_a, conversation_b = _conversation(tab_a), _conversation(tab_b)
        browser.close()
    store = ConversationStore(OfficeStore(config.path(config.auth.db)))
    turns_a = store.turns(conversation_a, LOCAL_USER.name)
    turns_b = store.turns(conversation_b, LOCAL_USER.name)
    listed = [(c.id, c.title, c.questions) for c in store.list(LOCAL_USER.name)]
    assert conversation_a != conversation_b, listed
    assert [t.question for t in turns_a] == first_tab, (conversation_a, conversation_b, listed)
    assert [t.question for t in turns_b] == second_tab
    _assert_read_in_context(turns_a)
    assert "68" not in turns_a[1].interpreted  # 谁汇报的？ read against the 63rd meeting, not tab B's
    assert "昆山" in turns_b[1].interpreted and "4" in turns_b[1].interpreted


def test_twelve_questions_at_a_readers_pace_stay_one_conversation(server, sample_index):  # noqa: F811
    from playwright.sync_api import expect, sync_playwright
    from servers import launch_chromium

    from assistant.office.accounts import LOCAL_USER, OfficeStore
    from assistant.office.conversations import ConversationStore

    config, _ = sample_index
    store = ConversationStore(OfficeStore(config.path(config.auth.db)))
    before = {c.id for c in store.list(LOCAL_USER.name)}
    with sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page(viewport={"width": 1300, "height": 1000})
        page.goto(server, wait_until="networkidle")
        expect(page.get_by_placeholder("输入问题")).to_be_visible(timeout=120_000)
        for question in TWELVE:
            _ask_at_once(page, question)
            page.wait_for_timeout(2500)  # reading the answer before the next question
        conversation = _conversation(page)
        sidebar = page.get_by_test_id("stSidebar").inner_text()
        browser.close()
    new = [c for c in store.list(LOCAL_USER.name) if c.id not in before]
    assert [(c.id, c.questions) for c in new] == [(conversation, 12)]
    listed = [c for c in store.list(LOCAL_USER.name) if c.title == TWELVE[0] and c.questions == 12]
    assert sidebar.count(f"{TWELVE[0]}（12 问）") == len(listed)  # the sidebar shows what is stored
    _assert_read_in_context(store.turns(conversation, LOCAL_USER.name))
