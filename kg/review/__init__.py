"""Analysts' review of the graph: decisions (reject, confirm, add) in their own named
graph ``tai:graph/curation``, which every reader honours (see :mod:`kg.review.curation`)."""
from .curation import decisions, filter_quads, keep, rejected_facts, rejection_pattern
from .model import CURATION_GRAPH, Decision, ReviewError

__all__ = ["CURATION_GRAPH", "Decision", "ReviewError", "decisions", "filter_quads", "keep",
           "rejected_facts", "rejection_pattern"]
