"""RDF -> networkx projections of the knowledge graph."""
from kg.network.convert import PROJECTIONS, to_networkx

__all__ = ["PROJECTIONS", "to_networkx"]
