"""Session fixtures for the server tests: one ``oxigraph serve`` and one Virtuoso 7 for the
whole test session, started on first use and stopped at the end (see servers.py).

conftest.py imports these names, so any test module can ask for them.
"""
from __future__ import annotations

import pytest

from servers import start_oxigraph, start_virtuoso

__all__ = ["oxigraph_server", "virtuoso_server"]


def _serve(start, tmp_path_factory, name):
    server = start(tmp_path_factory.mktemp(name))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    yield from _serve(start_oxigraph, tmp_path_factory, "oxigraph-server")


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory):
    yield from _serve(start_virtuoso, tmp_path_factory, "virtuoso-server")
