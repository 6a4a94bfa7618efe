"""kg: a knowledge graph of technology alliances between states, built from news.

The library behind the ``kg`` command. Heavy parts (spaCy, pyoxigraph, networkx) load
only when used, so ``import kg`` is fast.
"""
from .errors import (ExportError, InputError, KGError, ModelError, QueryError, StoreError,
                     ValidationError)
from .log import logger

__version__ = "0.2.0"

__all__ = [
    "ExportError", "InputError", "KGError", "ModelError", "QueryError", "StoreError",
    "ValidationError", "__version__", "build", "load_pipeline", "open_store", "read_documents",
    "to_networkx", "render_html", "logger",
]


def __getattr__(name):  # lazy re-exports (PEP 562)
    if name == "build":
        from .build import build
        return build
    if name == "load_pipeline":
        from .nlp import load_pipeline
        return load_pipeline
    if name == "open_store":
        from .store import open_store
        return open_store
    if name == "read_documents":
        from .documents import read_documents
        return read_documents
    if name == "to_networkx":
        from .network import to_networkx
        return to_networkx
    if name == "render_html":
        from .view import render_html
        return render_html
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
