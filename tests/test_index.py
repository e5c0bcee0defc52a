"""Incremental ingest, content-hash caching, mismatch and corruption handling, atomic writes."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import BACKENDS, MINUTES

from assistant.answering.retrieval import Retriever
from assistant.search.index import Index, IndexMismatch

pytestmark = pytest.mark.model


def copy_minutes(tmp_path, names):
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(MINUTES / name, folder / name)
    return folder


@pytest.mark.parametrize("backend", BACKENDS)
def test_incremental_ingest_embeds_only_new_passages(backend, config_factory, tmp_path):
    config = config_factory(f"incr_{backend}", index__backend=backend)
    index = Index(config)
    first = index.ingest_paths([MINUTES / "000_783b923adbb8bd02.txt"])
    assert [f.status for f in first.files] == ["added"] and first.embedded == first.files[0].n_passages
    second = index.ingest_paths([MINUTES / "000_783b923adbb8bd02.txt", MINUTES / "003_987b33caa3b9b61e.txt"])
    statuses = {f.source: f.status for f in second.files}
    assert statuses == {"000_783b923adbb8bd02.txt": "skipped", "003_987b33caa3b9b61e.txt": "added"}
    assert second.embedded == next(f.n_passages for f in second.files if f.status == "added")
    status = index.status()
    assert status["documents"] == 2 and status["fresh"]
    manifest = index.manifest()
    assert manifest["model"] == "intfloat/multilingual-e5-small" and manifest["dimension"] == 384


@pytest.mark.parametrize("backend", BACKENDS)
def test_changed_file_replaces_its_passages_and_removal_works(backend, config_factory, tmp_path):
    config = config_factory(f"replace_{backend}", index__backend=backend)
    index = Index(config)
    path = tmp_path / "minutes.txt"
    text = (MINUTES / "002_3a51d540a4f2b435.txt").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    index.ingest_paths([path])
    before = len(index.store.passages())
    path.write_text(
        text.replace(
            "九、听取《关于城厢镇开展城市更新工作的情况汇报》",
            "九、听取《关于城厢镇开展老城改造工作的情况汇报》",
        ),
        encoding="utf-8",
    )
    report = index.ingest_paths([path])
    assert report.files[0].status == "replaced"
    assert report.reused > 0 and report.embedded < before  # unchanged passages come from the cache
    meetings = list(index.meetings().values())
    assert len(meetings) == 1 and "老城改造" in meetings[0].items[9].heading
    assert index.search.count() == len(index.store.passages())  # the backend follows the store
    assert index.remove_source("minutes.txt") == 1
    assert index.status()["documents"] == 0 and index.store.passages() == []
    assert index.search.count() == 0


def test_bad_files_are_reported_and_do_not_stop_the_others(config_factory, tmp_path):
    folder = copy_minutes(tmp_path, ["004_fdc6da3f72665197.txt"])
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.pdf").write_bytes(b"%PDF-1.4 garbage")
    (folder / "copy.txt").write_bytes((MINUTES / "004_fdc6da3f72665197.txt").read_bytes())
    report = Index(config_factory("bad")).ingest_paths([folder])
    by_name = {f.source: f for f in report.files}
    assert by_name["004_fdc6da3f72665197.txt"].status == "added" or by_name["copy.txt"].status == "added"
    assert {by_name["004_fdc6da3f72665197.txt"].status, by_name["copy.txt"].status} == {"added", "skipped"}
    assert by_name["empty.txt"].status == "failed" and "为空" in by_name["empty.txt"].message
    assert by_name["junk.pdf"].status == "failed" and "PDF" in by_name["junk.pdf"].message


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_failed_write_leaves_the_previous_index_intact(backend, config_factory, monkeypatch):
    config = config_factory(f"atomic_{backend}", index__backend=backend)
    index = Index(config)
    index.ingest_paths([MINUTES / "000_783b923adbb8bd02.txt"])
    fingerprint = index.store.passage_fingerprint()

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(index.store, "add_document", boom)
    report = index.ingest_paths([MINUTES / "001_dce03536bfbe4d34.txt"])
    assert report.files[0].status == "failed" and "disk full" in report.files[0].message
    monkeypatch.undo()
    assert index.store.passage_fingerprint() == fingerprint
    retriever = Retriever(Index(config), config)
    assert retriever.search("河流断面长制").hits[0].meeting.meeting == 68


@pytest.mark.parametrize("backend", BACKENDS)
def test_model_change_is_detected_not_mixed(backend, config_factory):
    config = config_factory(f"mismatch_{backend}", index__backend=backend)
    Index(config).ingest_paths([MINUTES / "000_783b923adbb8bd02.txt"])
    config.embedding.model = "BAAI/bge-m3"
    with pytest.raises(IndexMismatch) as info:
        Index(config).load()
    assert "bge-m3" in str(info.value) and "重建" in str(info.value)


def test_corrupt_or_stale_faiss_file_is_rebuilt_from_the_store(config_factory):
    config = config_factory("corrupt")
    index = Index(config)
    index.ingest_paths([MINUTES / "003_987b33caa3b9b61e.txt"])
    (config.index_dir / "vectors.faiss").write_bytes(b"not a faiss index")
    manifest = json.loads((config.index_dir / "manifest.json").read_text())
    retriever = Retriever(Index(config), config)
    assert retriever.search("工业厂房出租管理").hits[0].item.item == 4
    assert (
        json.loads((config.index_dir / "manifest.json").read_text())["fingerprint"] == manifest["fingerprint"]
    )


def test_growing_past_the_threshold_switches_to_hnsw(config_factory):
    import faiss

    config = config_factory("hnsw", index__hnsw_threshold=40)
    index = Index(config)
    index.ingest_paths([MINUTES / "002_3a51d540a4f2b435.txt"])  # 12 passages: exact search
    assert isinstance(index.search.faiss_index, faiss.IndexFlatIP)
    index.ingest_paths([MINUTES / "003_987b33caa3b9b61e.txt", MINUTES / "004_fdc6da3f72665197.txt"])
    assert isinstance(index.search.faiss_index, faiss.IndexHNSW)
    assert index.manifest()["faiss_type"] == "IndexHNSWFlat"
    retriever = Retriever(Index(config), config)
    assert retriever.search("工业厂房出租管理办法").hits[0].item.item == 4


@pytest.mark.model
def test_a_parser_change_reparses_the_stored_minutes(config_factory, monkeypatch):
    """The manifest records a content hash of the parsing code; a different hash means re-parse."""
    from assistant.cli.commands import open_retriever
    from assistant.search import index as index_module

    config = config_factory("parser_change")
    first = index_module.Index(config)
    first.ingest_paths([MINUTES / "003_987b33caa3b9b61e.txt"])
    first.close()
    monkeypatch.setattr(index_module, "parser_fingerprint", lambda: "a-newer-parser")
    with pytest.raises(index_module.IndexMismatch, match="解析规则已更新"):
        index_module.Index(config).check_compatible()
    retriever = open_retriever(config, quiet=True)  # rebuilds from the stored text
    assert retriever.index.manifest()["parser"] == "a-newer-parser"
    assert len(retriever.meetings) == 1


def test_milvus_collection_follows_reingest_and_reopens_from_disk(config_factory, tmp_path):
    """Replacing a file, re-tokenising old passages after new dictionary terms, and a fresh process
    reopening the same Milvus Lite folder: the collection matches the store and answers the same."""
    config = config_factory("milvus_reopen", index__backend="milvus")
    index = Index(config)
    index.ingest_paths([MINUTES / "000_783b923adbb8bd02.txt"])
    index.ingest_paths([MINUTES / "003_987b33caa3b9b61e.txt", MINUTES / "004_fdc6da3f72665197.txt"])
    assert index.search.count() == len(index.store.passages())
    before = Retriever(index, config).search("工业厂房出租管理办法").hits[0]
    index.close()
    from assistant.search.backends.milvus_backend import forget_client

    forget_client(index.search.uri)  # as a new process would: nothing cached in memory
    reopened = Retriever(Index(config), config)
    after = reopened.search("工业厂房出租管理办法").hits[0]
    assert (after.doc_id, after.item.item) == (before.doc_id, before.item.item)
    assert reopened.index.search.health()["ok"] and reopened.index.manifest()["backend"] == "milvus"
