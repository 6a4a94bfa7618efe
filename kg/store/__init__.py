"""Stores: one :class:`Store` interface; an embedded Oxigraph store on disk behind it.

>>> import tempfile, pathlib
>>> with open_store(pathlib.Path(tempfile.mkdtemp()) / "kg-store") as store:
...     len(store)
0
"""
from __future__ import annotations

from pathlib import Path

from kg.errors import StoreError
from kg.store.base import DATASET_FORMATS, QueryResult, Store

__all__ = ["DATASET_FORMATS", "QueryResult", "Store", "StoreError", "open_store"]


def open_store(spec: str | Path, *, read_only: bool = False) -> Store:
    """Open the store named by ``spec``: a directory (embedded Oxigraph) or a URL.

    A missing directory is created, unless ``read_only``: then it is an error, as is a
    directory that holds something other than a store.
    """
    text = str(spec)
    if text.startswith(("http://", "https://")):
        raise StoreError("remote SPARQL stores are not supported yet")
    path = Path(spec).expanduser()
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path} is a file, not a store directory; give a directory for --store")
    is_store = (path / "CURRENT").is_file()
    if read_only and not is_store:
        raise StoreError(f"no store at {path}; build one with `kg build PATH --store {path}`")
    if not is_store and path.is_dir() and any(path.iterdir()):
        raise StoreError(
            f"{path} is not empty and holds no kg store; give a new or empty directory"
        )
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    from kg.store.oxigraph import OxigraphStore  # pyoxigraph loads only when needed

    return OxigraphStore(path, read_only=read_only)
