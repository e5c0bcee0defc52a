"""Bad input gets a clear error naming the file and the reason."""

from __future__ import annotations

import os

import pytest

from assistant.ingest.loaders import LoadError, load_bytes, load_file


def expect_error(data: bytes, name: str, reason: str, **kwargs) -> None:
    with pytest.raises(LoadError) as info:
        load_bytes(data, name, **kwargs)
    assert info.value.source == name
    assert reason in info.value.reason


def test_empty_file():
    expect_error(b"", "empty.txt", "文件为空")
    expect_error(b"  \n\n", "blank.txt", "文件为空")


def test_binary_junk():
    expect_error(os.urandom(4096), "junk.txt", "二进制")


def test_wrong_extension_is_read_by_content():
    loaded = load_bytes("一、审议《办法》\n会议原则同意。".encode(), "minutes.pdf")
    assert loaded.fmt == "txt" and "扩展名" in loaded.warnings[0]


def test_zip_that_is_not_docx():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "hello")
    expect_error(buffer.getvalue(), "fake.docx", "不是 Word 文档")


def test_corrupt_pdf():
    expect_error(b"%PDF-1.4\n" + os.urandom(300), "broken.pdf", "PDF")


def test_unreadable_encoding_or_no_chinese():
    expect_error(b"hello world, this is english only", "english.txt", "未读到任何中文")


def test_very_large_file(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes("会议".encode() * 600_000)
    with pytest.raises(LoadError) as info:
        load_file(path, max_bytes=1024 * 1024)
    assert "文件过大" in str(info.value) and "big.txt" in str(info.value)


def test_legacy_doc_names_the_fix(monkeypatch):
    monkeypatch.setattr("shutil.which", lambda name: None)
    expect_error(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old.doc", "LibreOffice")


def test_a_store_of_the_previous_schema_loses_only_its_unused_conversation_tables(tmp_path):
    """Migration 4 drops the index store's old conversation tables (conversations live in the office
    store), migration 5 adds the items' line; documents survive and the manifest's layout version is
    unchanged, so nothing is re-embedded."""
    import sqlite3

    from assistant.search.store import MIGRATIONS, SCHEMA_VERSION, Store

    path = tmp_path / "store.sqlite"
    old = sqlite3.connect(path)
    for migration in MIGRATIONS[:3]:
        old.executescript(migration)
    old.execute("PRAGMA user_version = 3")
    old.execute(
        "INSERT INTO documents(doc_id, source, fmt, ingested_at, meeting_json, warnings_json, raw_text)"
        " VALUES ('d1', 'a.txt', 'txt', 0, '{}', '[]', '正文')"
    )
    old.commit()
    old.close()
    store = Store(path)
    tables = {row[0] for row in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "conversations" not in tables and "messages" not in tables
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) == 5
    assert store.has_document("d1") and SCHEMA_VERSION == 3
    columns = {row[1] for row in store.conn.execute("PRAGMA table_info(items)")}
    assert "line" in columns  # migration 5: items named in one sentence share a line
    store.close()


def test_a_folder_of_minutes_takes_only_its_minutes_not_its_readme_or_gold_file(tmp_path):
    from assistant.search.index import _expand

    (tmp_path / "nested").mkdir()
    for name in ["a.txt", "b.docx", "nested/c.pdf", "README.md", "gold.json", ".hidden.txt", "notes.csv"]:
        (tmp_path / name).write_bytes(b"x")
    assert [p.relative_to(tmp_path).as_posix() for p in _expand([tmp_path])] == [
        "a.txt",
        "b.docx",
        "nested/c.pdf",
    ]
    assert _expand([tmp_path / "gold.json"]) == [
        tmp_path / "gold.json"
    ]  # named on its own: tried, and refused
