from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MINUTES = ROOT / "data" / "minutes"
GOLD = ROOT / "data" / "gold"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def gold_structure() -> dict:
    return json.loads((GOLD / "structure.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def dev_questions() -> list[dict]:
    lines = (GOLD / "questions-dev.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]
