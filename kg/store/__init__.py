"""Stores: one :class:`Store` interface; an embedded Oxigraph store on disk and remote
SPARQL 1.1 endpoints behind it.

>>> import tempfile, pathlib
>>> with open_store(pathlib.Path(tempfile.mkdtemp()) / "kg-store") as store:
...     len(store)
0
"""
from __future__ import annotations

import re
from pathlib import Path

from kg.errors import StoreError
from kg.store.base import DATASET_FORMATS, QueryResult, Store

__all__ = ["DATASET_FORMATS", "QueryResult", "Store", "StoreError", "open_store"]


def open_store(spec: str | Path, *, read_only: bool = False) -> Store:
    """Open the store named by ``spec``: a directory (embedded Oxigraph) or a URL.

    A missing directory is created, unless ``read_only``: then it is an error, as is a
    directory that holds something other than a store.

    An ``http://`` or ``https://`` URL opens a :class:`~kg.store.sparql.SparqlStore` on a
    SPARQL 1.1 server. The URL is the query endpoint; the update endpoint is derived:

    * ``http://HOST:7878/query`` (Oxigraph server, Fuseki ``/DATASET/query``): updates
      go to ``.../update``, and Oxigraph's graph store ``.../store`` serves dumps and
      loads; a bare ``http://HOST:7878`` means the same;
    * ``http://HOST/repositories/ID`` (GraphDB): updates go to ``.../statements``;
    * any other URL takes queries and updates itself: Virtuoso ``http://HOST:8890/sparql``
      (or ``/sparql-auth`` with a password), Neptune ``https://HOST:8182/sparql``,
      Fuseki ``http://HOST:3030/DATASET``.

    ``KG_SPARQL_UPDATE_URL`` overrides the update endpoint. Credentials come from the
    URL (``http://user:password@HOST/...``) or from ``KG_SPARQL_USER`` and
    ``KG_SPARQL_PASSWORD``, which keep them out of shell history and logs. Nothing is
    sent until the store is used; with ``read_only`` every write raises StoreError.
    A URL that went through :class:`pathlib.Path` (``http:/HOST``) is mended.
    """
    text = str(spec)
    remote = re.match(r"(https?):/+", text, re.IGNORECASE)
    if remote:
        from kg.store.sparql import SparqlStore  # pyoxigraph loads only when needed

        url = f"{remote.group(1).lower()}://{text[remote.end():]}"
        return SparqlStore.from_url(url, read_only=read_only)
    path = Path(spec).expanduser()
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path} is a file, not a store directory; give a directory for --store")
    is_store = (path / "CURRENT").is_file()
    if read_only and not is_store:
        raise StoreError(f"no store at {path}; build one with `kg build PATH --store {path}`")
    # RocksDB takes its LOCK file before it writes CURRENT: a directory with a LOCK but no
    # CURRENT yet is a store another kg process is creating (opening it says it is in use)
    being_created = (path / "LOCK").is_file()
    if not is_store and not being_created and path.is_dir() and any(path.iterdir()):
        raise StoreError(
            f"{path} is not empty and holds no kg store; give a new or empty directory"
        )
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    from kg.store.oxigraph import OxigraphStore  # pyoxigraph loads only when needed

    return OxigraphStore(path, read_only=read_only)
