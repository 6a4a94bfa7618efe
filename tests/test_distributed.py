"""Distributed extraction on a real local Dask cluster of worker processes (issue E.3)."""
from __future__ import annotations

import subprocess
import sys

import pytest

from kg.build import build
from kg.errors import KGError
from kg.store import open_store
from test_incremental import ARTICLES, _fresh, _quads, _write

distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes, one thread each, on 127.0.0.1."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=40) as c:
        yield c


def test_distributed_build_equals_a_single_process_build(tmp_path, extractor, cluster):
    corpus = _write(tmp_path / "c", ARTICLES)
    reference = _fresh(tmp_path, extractor, ARTICLES, "ref")
    with open_store(tmp_path / "s") as store:
        report = build([corpus], store, scheduler=cluster.scheduler_address)
        assert report.documents == 3 and report.ok
        assert _quads(store) == reference


def test_distributed_cli_build_and_second_run_skips(tmp_path, cluster):
    corpus = _write(tmp_path / "c", ARTICLES)
    cmd = [sys.executable, "-m", "kg.cli", "build", str(corpus), "--store", str(tmp_path / "s"),
           "--scheduler", cluster.scheduler_address, "-q"]
    first = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr
    assert "built 3 documents" in first.stderr
    second = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert "built 0 documents" in second.stderr and "3 unchanged" in second.stderr


def test_distributed_unreachable_scheduler_is_a_clear_error(tmp_path):
    corpus = _write(tmp_path / "c", ARTICLES)
    with open_store(tmp_path / "s") as store, pytest.raises(KGError, match="Dask scheduler at tcp://127.0.0.1:9"):
        build([corpus], store, scheduler="tcp://127.0.0.1:9")
