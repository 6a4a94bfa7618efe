"""Records → RDF quads in the ontology, one named graph per document."""
from .quads import document_quads

__all__ = ["document_quads"]
