"""The Milvus backend through a network client: Milvus Lite's gRPC server in a separate process,
as the assistant would use a Milvus cluster (`[index] milvus_uri = "http://host:19530"`)."""

from __future__ import annotations

import pytest
from conftest import MINUTES
from servers import milvus_lite_server

from assistant.answering.retrieval import Filters, Retriever
from assistant.search.backends.milvus_backend import forget_client
from assistant.search.index import Index

pytestmark = pytest.mark.model


def test_retrieval_filters_and_removal_through_a_milvus_server(config_factory, tmp_path):
    with milvus_lite_server(tmp_path / "milvus-data") as uri:
        config = config_factory("milvus_server", index__backend="milvus", index__milvus_uri=uri)
        index = Index(config)
        report = index.ingest_paths(
            [
                MINUTES / "000_783b923adbb8bd02.txt",
                MINUTES / "003_987b33caa3b9b61e.txt",
                MINUTES / "004_fdc6da3f72665197.txt",
            ]
        )
        assert not report.failed
        assert index.search.is_server and index.search.count() == len(index.store.passages())
        retriever = Retriever(index, config)
        hit = retriever.search("工业厂房出租管理办法").hits[0]
        assert hit.item.item == 4 and "工业厂房" in hit.item.heading
        filtered = retriever.search("河长制工作", filters=Filters(cities=["昆山"])).hits
        assert filtered and {h.meeting.city for h in filtered} == {"昆山"}
        assert index.remove_source("003_987b33caa3b9b61e.txt") == 1
        assert index.search.count() == len(index.store.passages())
        retriever.refresh()
        hits = retriever.search("工业厂房出租管理办法").hits
        assert all(h.meeting.source != "003_987b33caa3b9b61e.txt" for h in hits)
        forget_client(uri)


def test_a_faiss_index_is_exported_to_a_milvus_server_without_reembedding(config_factory, tmp_path, capsys):
    from assistant.cli.commands import _export_to_milvus

    config = config_factory("export_source")
    index = Index(config)
    index.ingest_paths([MINUTES / "002_3a51d540a4f2b435.txt"])
    with milvus_lite_server(tmp_path / "milvus-export") as uri:
        assert _export_to_milvus(config, uri) == 0
        assert f"{len(index.store.passages())} 段" in capsys.readouterr().out
        served = config_factory("export_served", index__backend="milvus", index__milvus_uri=uri)
        served.index.dir = config.index.dir  # the same store, now searched through the server
        hit = Retriever(Index(served), served).search("城厢镇城市更新工作").hits[0]
        assert "城市更新" in hit.item.heading
        forget_client(uri)
