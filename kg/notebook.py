"""Helpers for notebooks: query to rows or a DataFrame, and an inline HTML view.

>>> from kg.notebook import rows  # doctest: +SKIP
>>> rows(store, "SELECT ?l WHERE { ?c a ta:Country ; rdfs:label ?l }")[:1]  # doctest: +SKIP
[{'l': 'Japan'}]
"""
from __future__ import annotations

import html
import tempfile
from pathlib import Path

from .errors import KGError


def rows(store, sparql: str) -> list[dict]:
    """Run a SELECT query (prefixes pre-bound) and return one dict per row."""
    from .query import run_query

    result = run_query(store, sparql)
    if not hasattr(result, "records"):
        raise KGError("rows() needs a SELECT query")
    return result.records()


def dataframe(store, sparql: str):
    """Run a SELECT query and return a pandas DataFrame (pandas must be installed)."""
    try:
        import pandas as pd
    except ImportError as exc:
        raise KGError("dataframe() needs pandas: pip install pandas") from exc
    return pd.DataFrame(rows(store, sparql))


class InlineView:
    """An HTML view that Jupyter shows inline (a sandboxed iframe holding the page)."""

    def __init__(self, page: str, height: int = 650):
        self.page = page
        self.height = height

    def _repr_html_(self) -> str:
        return (f'<iframe sandbox="allow-scripts" style="width:100%;height:{self.height}px;border:0" '
                f'srcdoc="{html.escape(self.page, quote=True)}"></iframe>')


def show(source, *, projection: str = "full", height: int = 650, title: str = "kg") -> InlineView:
    """An inline view of a store (or of a networkx graph from :func:`kg.to_networkx`)."""
    from .view import render_html

    graph = source
    if hasattr(source, "query") and hasattr(source, "graphs"):
        from .network import to_networkx

        graph = to_networkx(source, projection=projection)
    with tempfile.TemporaryDirectory() as tmp:
        out = render_html(graph, Path(tmp) / "view.html", title=title)
        return InlineView(out.read_text(encoding="utf-8"), height=height)
