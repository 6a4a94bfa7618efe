"""HTML views of the graph: ``render_html`` writes one self-contained, offline page."""
from kg.view.html import render_html

__all__ = ["render_html"]
